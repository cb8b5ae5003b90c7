// The message catalogue: every `msg()` call in src/ with the id @lit/localize computes for it at
// runtime, written to locales/source.json (committed; CI regenerates it and fails when it differs).
//
//   node scripts/strings.mjs                   write locales/source.json
//   node scripts/strings.mjs --check           exit 1 when locales/source.json is stale
//   node scripts/strings.mjs --verify de.json  check a translation ({ id: text }) against it
//
// Ids come from @lit/localize's own generateMsgId (runtime mode, no explicit `id` option):
// 's' or 'h' + FNV-1a 64 of the template's cooked strings joined by U+001E. A plain string and
// a `str` template hash the same way (prefix 's'); an `html` template gets 'h'.
// docs/localization.md explains how a host turns a translation into a locale module.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = 'locales/source.json';
// `${0}`, `${1}`: how a placeholder is written in a catalogue text and in a translation.
const PLACEHOLDER = /\$\{(\d+)\}/g;

function sourceFiles(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.ts') && !/\.(d|test|spec)\.ts$/.test(entry.name) ? [path] : [];
    })
    .map((path) => path.split(sep).join('/'))
    .sort();
}

/** Local names bound to `exported` by `import { exported as local } from <one of modules>`. */
function importedNames(file, modules, exported) {
  const names = new Set();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !modules.includes(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if ((element.propertyName ?? element.name).text === exported) names.add(element.name.text);
    }
  }
  return names;
}

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

/** Cooked strings and placeholder expressions of a template literal. */
function templateParts(template) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return { strings: [template.text], expressions: [] };
  return {
    strings: [template.head.text, ...template.templateSpans.map((span) => span.literal.text)],
    expressions: template.templateSpans.map((span) => oneLine(span.expression.getText())),
  };
}

/** True when `node` runs once (module top level or a class field), not at each render. */
function evaluatedOnce(node) {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) return false;
    if (ts.isPropertyDeclaration(n) || ts.isClassStaticBlockDeclaration(n)) return true;
  }
  return true;
}

function extract() {
  const messages = new Map();
  const untranslatable = [];
  const errors = [];
  for (const path of sourceFiles('src')) {
    const file = ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true);
    const msgNames = importedNames(file, ['@lit/localize'], 'msg');
    if (msgNames.size === 0) continue;
    const strNames = importedNames(file, ['@lit/localize'], 'str');
    const htmlNames = importedNames(file, ['lit', 'lit-html'], 'html');
    const where = (node) => `${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const skip = (node, reason) => untranslatable.push({ file: path, source: oneLine(node.getText()), reason });

    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && msgNames.has(node.expression.text)) {
        record(node);
      }
      ts.forEachChild(node, visit);
    };

    const record = (call) => {
      let arg = call.arguments[0];
      while (arg && ts.isParenthesizedExpression(arg)) arg = arg.expression;
      let kind;
      let parts;
      if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) {
        kind = 'string';
        parts = { strings: [arg.text], expressions: [] };
      } else if (arg && ts.isTaggedTemplateExpression(arg) && ts.isIdentifier(arg.tag)) {
        if (strNames.has(arg.tag.text)) kind = 'str';
        else if (htmlNames.has(arg.tag.text)) kind = 'html';
        if (kind) parts = templateParts(arg.template);
      }
      if (!kind) {
        // The runtime hashes whatever the argument evaluates to, so no fixed id exists.
        const reason =
          arg && ts.isTemplateExpression(arg)
            ? 'untagged template literal: the id depends on the interpolated values (use str`...`)'
            : 'argument is not a literal string or a str`...` / html`...` template';
        skip(call, reason);
        return;
      }
      if (parts.strings.some((s) => s === undefined)) {
        errors.push(`${where(call)}: invalid escape in a tagged template (no cooked string)`);
        return;
      }
      if (parts.strings.some((s) => /\$\{\d+\}/.test(s))) {
        errors.push(`${where(call)}: the text contains a literal "\${n}", which reads as a placeholder`);
        return;
      }
      let id;
      let desc;
      const options = call.arguments[1];
      if (options) {
        if (!ts.isObjectLiteralExpression(options)) {
          errors.push(`${where(call)}: msg() options must be an object literal`);
          return;
        }
        for (const prop of options.properties) {
          const name = prop.name && ts.isIdentifier(prop.name) ? prop.name.text : undefined;
          const value =
            ts.isPropertyAssignment(prop) && ts.isStringLiteralLike(prop.initializer)
              ? prop.initializer.text
              : undefined;
          if (name === 'id' || name === 'desc') {
            if (value === undefined) errors.push(`${where(call)}: msg() option ${name} must be a string literal`);
            else if (name === 'id') id = value;
            else desc = value;
          }
        }
      }
      // Exactly the runtime's argument: a plain string is hashed as itself, a template's strings
      // array joined by the record separator (generateMsgId does both).
      id ??= generateMsgId(kind === 'string' ? parts.strings[0] : parts.strings, kind === 'html');
      const text = parts.strings.reduce((all, s, i) => `${all}\${${i - 1}}${s}`);
      const once = evaluatedOnce(call);
      const seen = messages.get(id);
      if (seen && (seen.kind !== kind || seen.text !== text)) {
        errors.push(`${where(call)}: id ${id} collides with "${seen.text}"; give one an explicit id`);
        return;
      }
      const message = seen ?? { kind, text, placeholders: parts.expressions, files: [] };
      if (desc !== undefined) message.desc = desc;
      if (!message.files.includes(path)) message.files.push(path);
      messages.set(id, message);
      if (once) skip(call, 'evaluated once (module top level or class field): it will not follow setLocale');
    };
    visit(file);
  }
  // Code-unit order, not localeCompare: the same file on every machine.
  const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = Object.fromEntries([...messages].sort(([a], [b]) => compare(a, b)));
  const byFile = (a, b) => compare(a.file, b.file) || compare(a.source, b.source);
  return {
    catalogue: {
      $comment: 'Generated by scripts/strings.mjs from src/; do not edit. See docs/localization.md.',
      sourceLocale: 'en',
      messages: sorted,
      untranslatable: untranslatable.sort(byFile),
    },
    errors,
  };
}

/** Problems of a translation `{ id: text }` (or `{ id: { text } }`) against the catalogue. */
function verify(catalogue, translation) {
  const problems = [];
  const indices = (text) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort().join(',');
  for (const [id, entry] of Object.entries(translation)) {
    const text = typeof entry === 'string' ? entry : entry?.text;
    const source = catalogue.messages[id];
    if (!source) problems.push(`${id}: not in the catalogue (stale or mistyped id)`);
    else if (typeof text !== 'string') problems.push(`${id}: the translation is not a string`);
    else if (source.kind === 'html') problems.push(`${id}: an html message needs a hand-written html\`...\` template`);
    else if (indices(text) !== indices(source.text)) {
      problems.push(`${id}: placeholders {${indices(text)}} differ from the source's {${indices(source.text)}}`);
    }
  }
  return problems;
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const args = process.argv.slice(2);

if (args[0] === '--verify') {
  // Against the catalogue as committed (and published): the file the translator worked from.
  if (!args[1]) throw new Error('usage: node scripts/strings.mjs --verify <translation.json>');
  const catalogue = JSON.parse(readFileSync(join(root, OUT), 'utf8'));
  const translation = JSON.parse(readFileSync(args[1], 'utf8'));
  const entries = translation.messages ?? translation;
  const problems = verify(catalogue, entries);
  for (const problem of problems) console.error(`strings: ${args[1]}: ${problem}`);
  const done = Object.keys(entries).filter((id) => catalogue.messages[id]).length;
  const count = Object.keys(catalogue.messages).length;
  console.log(`strings: ${args[1]}: ${done} of ${count} messages translated, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
if (args.length > 1 || (args.length === 1 && args[0] !== '--check')) {
  console.error('usage: node scripts/strings.mjs [--check | --verify <translation.json>]');
  process.exit(2);
}

// The TypeScript compiler, loaded only to extract (--verify needs only the catalogue).
const ts = (await import('typescript')).default;
const { catalogue, errors } = extract();
for (const error of errors) console.error(`strings: ${error}`);
if (errors.length) process.exit(1);
for (const { file, source, reason } of catalogue.untranslatable) {
  console.warn(`strings: not translatable: ${file}: ${source.slice(0, 90)} (${reason})`);
}
const count = Object.keys(catalogue.messages).length;

if (args[0] === '--check') {
  let committed = '';
  try {
    committed = readFileSync(join(root, OUT), 'utf8');
  } catch {}
  if (committed !== json(catalogue)) {
    let old = {};
    try {
      old = JSON.parse(committed).messages ?? {};
    } catch {}
    const added = Object.keys(catalogue.messages).filter((id) => !(id in old));
    const removed = Object.keys(old).filter((id) => !(id in catalogue.messages));
    for (const id of added) console.error(`  + ${id} ${JSON.stringify(catalogue.messages[id].text)}`);
    for (const id of removed) console.error(`  - ${id} ${JSON.stringify(old[id].text)}`);
    console.error(`strings: ${OUT} is stale: run 'node scripts/strings.mjs' and commit the result.`);
    process.exit(1);
  }
  console.log(`strings: ${OUT} is fresh (${count} messages)`);
} else {
  mkdirSync(dirname(join(root, OUT)), { recursive: true });
  writeFileSync(join(root, OUT), json(catalogue));
  console.log(`strings: ${count} messages -> ${OUT}`);
}
