// `npm run analyze` (after `cem analyze`): editor and framework typings from custom-elements.json.
//   vscode.html-custom-data.json  VS Code's HTML custom data (tags, attributes, enum values)
//   web-types.json                JetBrains web-types (elements, attributes, properties, events,
//                                 parts, CSS properties)
//   types/react.d.ts              React 19 JSX IntrinsicElements (attributes, properties, and
//                                 `on<event-name>` handler props typed with the event classes)
// The manifest is the single source; the TypeScript checker only supplies the members of a
// string-literal union (`ConsentPolicy` -> 'notify' | 'required'), which the manifest records
// by name alone. CI regenerates all three and fails when a committed copy differs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const write = (path, text) => {
  const url = new URL(path, root);
  mkdirSync(dirname(url.pathname), { recursive: true });
  writeFileSync(url, text);
};
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

const pkg = JSON.parse(read('package.json'));
const manifest = JSON.parse(read('custom-elements.json'));

// --- what the manifest says ------------------------------------------------------------------

const isPublic = (member) => !member.privacy || member.privacy === 'public';

/** Event name -> exported Event subclass, from each class's `static eventName = '...'`. */
const eventClasses = new Map();
for (const mod of manifest.modules) {
  for (const decl of mod.declarations ?? []) {
    const nameField = decl.members?.find((m) => m.static && m.name === 'eventName' && m.default);
    if (decl.kind === 'class' && nameField) {
      eventClasses.set(nameField.default.replace(/^['"`]|['"`]$/g, ''), decl.name);
    }
  }
}

const elements = manifest.modules
  .flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((decl) => decl.customElement && decl.tagName)
      .map((decl) => ({ ...decl, modulePath: mod.path })),
  )
  .sort((a, b) => a.tagName.localeCompare(b.tagName))
  .map((decl) => ({
    tag: decl.tagName,
    className: decl.name,
    modulePath: decl.modulePath,
    summary: decl.summary ?? '',
    description: decl.description ?? '',
    attributes: (decl.attributes ?? []).filter((a) => a.name),
    // Settable instance fields: what a framework may pass as a property.
    properties: (decl.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && isPublic(m)),
    events: (decl.events ?? []).filter((e) => e.name),
    slots: decl.slots ?? [],
    cssParts: decl.cssParts ?? [],
    cssProperties: decl.cssProperties ?? [],
  }));

if (elements.length === 0) throw new Error('custom-elements.json lists no custom elements.');

// --- enum values from the TypeScript types ---------------------------------------------------

const config = ts.getParsedCommandLineOfConfigFile(
  new URL('tsconfig.build.json', root).pathname,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
const program = ts.createProgram({
  rootNames: elements.map((el) => new URL(el.modulePath, root).pathname),
  options: { ...config.options, noEmit: true },
});
const checker = program.getTypeChecker();

/** The string literals of a field whose type is a union of them (plus undefined/null), else null. */
function literalValues(el, fieldName) {
  const source = program.getSourceFile(new URL(el.modulePath, root).pathname);
  let values = null;
  source?.forEachChild((node) => {
    if (!ts.isClassDeclaration(node) || node.name?.text !== el.className) return;
    const symbol = checker.getSymbolAtLocation(node.name);
    const instance = symbol && checker.getDeclaredTypeOfSymbol(symbol);
    const prop = instance && checker.getPropertyOfType(instance, fieldName);
    if (!prop) return;
    const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, node));
    const parts = type.isUnion() ? type.types : [type];
    if (parts.every((t) => t.isStringLiteral())) values = parts.map((t) => t.value);
  });
  return values;
}

for (const el of elements) {
  for (const attr of el.attributes) {
    attr.values = attr.fieldName ? literalValues(el, attr.fieldName) : null;
  }
}

// --- shared wording --------------------------------------------------------------------------

const oneLine = (text) => text.replace(/\s*\n\s*/g, ' ').trim();

/** The tag's documentation in Markdown, as an editor shows it on hover. */
function markdown(el) {
  const blocks = [el.summary, el.description].filter(Boolean);
  const list = (title, items, name) =>
    items.length
      ? `**${title}**\n${items.map((i) => `- ${name(i)}${i.description ? `: ${oneLine(i.description)}` : ''}`).join('\n')}`
      : '';
  blocks.push(
    list('Events', el.events, (e) => `\`${e.name}\``),
    list('Properties', el.properties, (p) => `\`${p.name}\``),
    list('Slots', el.slots, (s) => (s.name ? `\`${s.name}\`` : 'default')),
    list('CSS parts', el.cssParts, (p) => `\`::part(${p.name})\``),
    list('CSS custom properties', el.cssProperties, (p) => `\`${p.name}\``),
  );
  return blocks.filter(Boolean).join('\n\n');
}

// --- VS Code ---------------------------------------------------------------------------------

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tag,
    description: { kind: 'markdown', value: markdown(el) },
    attributes: el.attributes.map((attr) => ({
      name: attr.name,
      description: oneLine(attr.description ?? ''),
      ...(attr.values ? { values: attr.values.map((name) => ({ name })) } : {}),
    })),
  })),
};

// --- JetBrains -------------------------------------------------------------------------------

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  'framework-config': { 'enable-when': { 'node-packages': [pkg.name] } },
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tag,
        description: markdown(el),
        source: { module: `${pkg.name}/elements`, symbol: el.className },
        attributes: el.attributes.map((attr) => ({
          name: attr.name,
          description: oneLine(attr.description ?? ''),
          ...(attr.default ? { default: attr.default } : {}),
          // A union of string literals is what the IDE offers as completions.
          value: {
            type: attr.values ? attr.values.map((v) => `'${v}'`).join(' | ') : (attr.type?.text ?? 'string'),
          },
        })),
        ...(el.slots.length
          ? { slots: el.slots.map((s) => ({ name: s.name, description: oneLine(s.description ?? '') })) }
          : {}),
        js: {
          properties: el.properties.map((p) => ({
            name: p.name,
            description: oneLine(p.description ?? ''),
            ...(p.type?.text ? { value: { type: p.type.text } } : {}),
          })),
          events: el.events.map((e) => ({
            name: e.name,
            description: [
              oneLine(e.description ?? ''),
              eventClasses.has(e.name) ? `(\`${eventClasses.get(e.name)}\`)` : '',
            ]
              .filter(Boolean)
              .join(' '),
          })),
        },
        css: {
          parts: el.cssParts.map((p) => ({ name: p.name, description: oneLine(p.description ?? '') })),
          properties: el.cssProperties.map((p) => ({
            name: p.name,
            description: oneLine(p.description ?? ''),
          })),
        },
      })),
    },
  },
};

// --- React 19 JSX ----------------------------------------------------------------------------

const doc = (text, indent = '  ') => (text ? `${indent}/** ${oneLine(text).replace(/\*\//g, '*\\/')} */\n` : '');
const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const usedEvents = [
  ...new Set(elements.flatMap((el) => el.events.map((e) => eventClasses.get(e.name)).filter(Boolean))),
].sort();
const classNames = elements.map((el) => el.className).sort();

const react = [
  '// Generated by scripts/typings.mjs from custom-elements.json (`npm run analyze`): do not edit.',
  '//',
  '// React 19 JSX for the checkin-* tags: attributes (as written in HTML), properties (React 19',
  '// sets a prop as a property when the element has one of that name, so objects such as',
  '// `adapter` pass as they are), and handlers for the custom events as `on<event-name>` props,',
  '// the exact event name after "on" (React 19 adds them with addEventListener).',
  "// Enable once per project: `import type {} from 'checkin-elements/react';`.",
  "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
  `import type {\n${[...classNames, ...usedEvents].map((n) => `  ${n},`).join('\n')}\n} from 'checkin-elements';`,
  '',
  "/** React's own props of an HTML element, less any name the custom element defines itself. */",
  'type HostProps<E extends HTMLElement, Own> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own>;',
  '',
  "/** An attribute takes its property's type; a number may also be written as its digits. */",
  'type AttributeValue<T> = T extends number ? T | `${number}` : T;',
  '',
];

for (const el of elements) {
  const own = [];
  for (const attr of el.attributes) {
    const type = attr.fieldName ? `AttributeValue<${el.className}['${attr.fieldName}']>` : 'string';
    own.push(`${doc(`${attr.description ?? ''} (attribute)`)}  ${quote(attr.name)}?: ${type};`);
  }
  for (const p of el.properties) {
    if (el.attributes.some((a) => a.name === p.name)) continue;
    own.push(`${doc(`${p.description ?? ''} (property)`)}  ${quote(p.name)}?: ${el.className}['${p.name}'];`);
  }
  for (const e of el.events) {
    const type = eventClasses.get(e.name) ?? 'Event';
    own.push(`${doc(`\`${e.name}\`: ${e.description ?? ''}`)}  ${quote(`on${e.name}`)}?: (event: ${type}) => void;`);
  }
  react.push(`${doc(el.summary, '')}export interface ${el.className}Props {\n${own.join('\n')}\n}`, '');
}

react.push(
  "declare module 'react' {",
  '  namespace JSX {',
  '    interface IntrinsicElements {',
  ...elements.map(
    (el) => `      '${el.tag}': ${el.className}Props & HostProps<${el.className}, ${el.className}Props>;`,
  ),
  '    }',
  '  }',
  '}',
  '',
);

write('vscode.html-custom-data.json', json(vscode));
write('web-types.json', json(webTypes));
write('types/react.d.ts', react.join('\n'));
console.log(`typings: ${elements.length} elements -> vscode.html-custom-data.json, web-types.json, types/react.d.ts`);
