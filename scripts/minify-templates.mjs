// Minifies the static text of Lit's tagged templates in one module's code, for rollup.config.mjs
// (after TypeScript, before the modules are joined or terser runs). Bundlers and terser never
// touch the text of a template literal, so without this every indentation run in an html`` or
// css`` template is shipped to every user.
//
//   minifyTemplates(code, fileName) -> { code, map }   (map: source map v3 from the output to
//                                                       `code`, for rollup to chain; null when
//                                                       nothing changed)
//
// Templates are found by parsing (TypeScript compiler API), never by searching the text: only
// tagged templates whose tag is an import named `html`, `svg` or `css` from 'lit', 'lit-html' or
// 'lit-element' (under any local name, or `ns.html` for `import * as ns`). The text rules are in
// minify-template-text.mjs (tested in the browser by test/minify-templates.test.ts).
//
// Not minified:
// - a template that is the message of `msg(html`...`)` from @lit/localize without an `id`
//   option: lit-localize derives the message id from the template's static text, so minifying
//   it would make translations keyed by the source text stop matching (its expressions, and
//   templates nested in them, are minified);
// - templates nested in an expression inside <pre>, <textarea>, <script>, <style> or <title>.
//
// Every result is re-parsed and checked: the same templates, the same expressions, no syntax
// error; otherwise it throws and the build stops.
//
//   node scripts/minify-templates.mjs --check     runs the checks of the parsing part in Node
//   node scripts/minify-templates.mjs FILE...     prints each file's saving (source .ts or .js)
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyEdits, cssEdits, htmlEdits } from './minify-template-text.mjs';

const LIT_MODULES = new Set(['lit', 'lit-html', 'lit-element']);
const KIND_OF = { html: 'html', svg: 'html', css: 'css' };
const LOCALIZE_MODULE = '@lit/localize';

const scriptKind = (fileName) =>
  /\.[cm]?tsx?$/.test(fileName) ? (fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS) : ts.ScriptKind.JS;

function parse(code, fileName) {
  return ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, scriptKind(fileName));
}

/** Local names of the Lit tags and of `msg`, from the module's imports. */
function importedNames(file) {
  const tags = new Map(); // local name -> 'html' | 'css'
  const namespaces = new Set(); // `import * as lit from 'lit'`
  const msg = new Set();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    if (LIT_MODULES.has(from) && bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const spec of bindings.elements) {
      if (spec.isTypeOnly) continue;
      const imported = (spec.propertyName ?? spec.name).text;
      if (LIT_MODULES.has(from) && imported in KIND_OF) tags.set(spec.name.text, KIND_OF[imported]);
      if (from === LOCALIZE_MODULE && imported === 'msg') msg.add(spec.name.text);
    }
  }
  return { tags, namespaces, msg };
}

function kindOfTag(tag, names) {
  if (ts.isIdentifier(tag)) return names.tags.get(tag.text) ?? null;
  if (
    ts.isPropertyAccessExpression(tag) &&
    ts.isIdentifier(tag.expression) &&
    names.namespaces.has(tag.expression.text) &&
    tag.name.text in KIND_OF
  ) {
    return KIND_OF[tag.name.text];
  }
  return null;
}

/** [start, end) of each static part's raw text in the file, or null if it cannot be trusted. */
function partRanges(template, file, code) {
  const pieces = ts.isNoSubstitutionTemplateLiteral(template)
    ? [[template, 1]]
    : [[template.head, 2], ...template.templateSpans.map((span) => [span.literal, ts.isTemplateTail(span.literal) ? 1 : 2])];
  const ranges = [];
  for (const [node, closing] of pieces) {
    const start = node.getStart(file) + 1; // after ` or }
    const end = node.end - closing; // before ` or ${
    // TypeScript keeps each part's raw text (line breaks normalised): it must be what we cut.
    if (node.rawText !== undefined && code.slice(start, end).replace(/\r\n?/g, '\n') !== node.rawText) return null;
    ranges.push([start, end]);
  }
  return ranges;
}

/** `msg(template)` without an `{ id }` option: the template's static text is the message id. */
function isMessage(node, names) {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== node) return false;
  if (!ts.isIdentifier(call.expression) || !names.msg.has(call.expression.text)) return false;
  const options = call.arguments[1];
  const hasId =
    options &&
    ts.isObjectLiteralExpression(options) &&
    options.properties.some((p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === 'id');
  return !hasId;
}

/** Every Lit template in the file, outermost first: `{ node, kind, ranges, minify }`. */
function findTemplates(file, code) {
  const names = importedNames(file);
  const found = [];
  const visit = (node, inRawText) => {
    if (ts.isTaggedTemplateExpression(node)) {
      const kind = kindOfTag(node.tag, names);
      const ranges = kind ? partRanges(node.template, file, code) : null;
      if (kind && ranges) {
        const entry = { node, kind, ranges, minify: !inRawText && !isMessage(node, names) };
        found.push(entry);
        const parts = ranges.map(([start, end]) => code.slice(start, end));
        const result = kind === 'css' ? cssEdits(parts) : htmlEdits(parts);
        entry.edits = result.edits;
        const spans = ts.isTemplateExpression(node.template) ? node.template.templateSpans : [];
        spans.forEach((span, k) => visit(span.expression, inRawText || result.rawAt?.[k] === true));
        visit(node.tag, inRawText);
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, inRawText));
  };
  visit(file, false);
  return found;
}

/**
 * What re-parsing must find unchanged: the kind and number of parts of each Lit template, and
 * the whole code outside their static text (every expression, every other byte).
 */
function shape(code, fileName) {
  const file = parse(code, fileName);
  const templates = findTemplates(file, code);
  const ranges = templates.flatMap((t) => t.ranges).sort((a, b) => a[0] - b[0]);
  let rest = '';
  let at = 0;
  for (const [start, end] of ranges) {
    rest += `${code.slice(at, start)}\u0000`;
    at = end;
  }
  rest += code.slice(at);
  return {
    errors: (file.parseDiagnostics ?? []).length,
    templates: templates.map(({ kind, ranges: parts }) => `${kind}/${parts.length}`).join(','),
    rest,
  };
}

export function minifyTemplates(code, fileName = 'module.js') {
  const file = parse(code, fileName);
  const edits = [];
  for (const template of findTemplates(file, code)) {
    if (!template.minify) continue;
    for (const { part, start, end, text } of template.edits) {
      const base = template.ranges[part][0];
      edits.push({ start: base + start, end: base + end, text });
    }
  }
  if (!edits.length) return { code, map: null };
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, text } of edits) {
    if (start < at) throw new Error(`minify-templates: overlapping edits in ${fileName}`);
    out += code.slice(at, start) + text;
    at = end;
  }
  out += code.slice(at);

  const before = shape(code, fileName);
  const after = shape(out, fileName);
  if (after.errors > before.errors || after.templates !== before.templates || after.rest !== before.rest) {
    throw new Error(`minify-templates: minifying the templates of ${fileName} changed its code, not just template text`);
  }
  return { code: out, map: sourceMap(code, edits, fileName) };
}

// --- source map: the output -> the input, with a mapping at every token boundary -----------
// Rollup chains this map with TypeScript's, so it only has to say where each piece of the
// output was in its input; edits never cross a line of output (a replacement is '' or ' ').

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    text += BASE64[digit];
  } while (rest > 0);
  return text;
}

const WORD = /[\w$]/;

function sourceMap(code, edits, fileName) {
  const lines = [[]];
  let outCol = 0;
  let inLine = 0;
  let inCol = 0;
  let force = true;
  const mark = () => lines[lines.length - 1].push([outCol, inLine, inCol]);
  const copy = (from, to) => {
    for (let i = from; i < to; i++) {
      const ch = code[i];
      if (ch === '\n') {
        lines.push([]);
        outCol = 0;
        inLine += 1;
        inCol = 0;
        force = true;
        continue;
      }
      const prev = code[i - 1] ?? '';
      // A mapping where a word starts and at every other character, except inside a run of
      // spaces; and always after a line break or an edit.
      const boundary = force || (WORD.test(ch) ? !WORD.test(prev) : !(ch === ' ' && prev === ' '));
      if (boundary) mark();
      force = false;
      outCol += 1;
      inCol += 1;
    }
  };
  let at = 0;
  for (const { start, end, text } of edits) {
    copy(at, start);
    if (text) mark();
    for (let i = start; i < end; i++) {
      if (code[i] === '\n') {
        inLine += 1;
        inCol = 0;
      } else inCol += 1;
    }
    outCol += text.length;
    force = true;
    at = end;
  }
  copy(at, code.length);

  let previous = [0, 0, 0];
  const mappings = lines
    .map((segments) => {
      let column = 0;
      return segments
        .map(([col, line, srcCol]) => {
          const text = vlq(col - column) + vlq(0) + vlq(line - previous[1]) + vlq(srcCol - previous[2]);
          column = col;
          previous = [0, line, srcCol];
          return text;
        })
        .join(',');
    })
    .join(';');
  return { version: 3, file: fileName, sources: [fileName], sourcesContent: [code], names: [], mappings };
}

// --- checks of the parsing part (the text rules are tested in the browser) ------------------

function check() {
  const results = [];
  const expect = (name, actual, wanted) => {
    const ok = actual === wanted;
    results.push(ok);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `\n     got:    ${JSON.stringify(actual)}\n     wanted: ${JSON.stringify(wanted)}`}`);
  };
  const run = (source, name = 'x.ts') => minifyTemplates(source, name).code;

  expect(
    'renamed imports from lit, lit-html and lit-element are minified',
    run("import { html as h } from 'lit-html';\nimport { css as c } from 'lit-element';\nh`<p>\n  a\n</p>`; c`a {\n  b: c;\n}`;"),
    "import { html as h } from 'lit-html';\nimport { css as c } from 'lit-element';\nh`<p> a </p>`; c`a{b:c;}`;",
  );
  expect(
    'a namespace import is followed',
    run("import * as lit from 'lit';\nlit.html`<p>\n  a\n</p>`;"),
    "import * as lit from 'lit';\nlit.html`<p> a </p>`;",
  );
  expect(
    'html from anywhere else is left alone',
    run("import { html } from './mine.js';\nhtml`<p>\n  a\n</p>`;"),
    "import { html } from './mine.js';\nhtml`<p>\n  a\n</p>`;",
  );
  expect(
    'an untagged template and a string are left alone',
    run("import { html } from 'lit';\nconst s = `<p>\n  a</p>`; const t = '  x  ';"),
    "import { html } from 'lit';\nconst s = `<p>\n  a</p>`; const t = '  x  ';",
  );
  expect(
    'expressions are untouched, nested templates are minified',
    run("import { html } from 'lit';\nhtml`<ul>\n  ${items.map((i) => html`<li>\n    ${i + '  x  '}\n  </li>`)}\n</ul>`;"),
    "import { html } from 'lit';\nhtml`<ul> ${items.map((i) => html`<li> ${i + '  x  '} </li>`)} </ul>`;",
  );
  expect(
    'msg(html``) keeps its static text (the message id), not its nested templates',
    run(
      "import { html } from 'lit';\nimport { msg } from '@lit/localize';\nmsg(html`Hello\n  <b>${html`<i>\n x</i>`}</b>`);\nmsg(html`Bye\n  now`, { id: 'bye' });",
    ),
    "import { html } from 'lit';\nimport { msg } from '@lit/localize';\nmsg(html`Hello\n  <b>${html`<i> x</i>`}</b>`);\nmsg(html`Bye now`, { id: 'bye' });",
  );
  expect(
    'a template nested inside <pre> is left alone',
    run("import { html } from 'lit';\nhtml`<pre>${html`a\n   b`}</pre>\n  <p>${html`c\n   d`}</p>`;"),
    "import { html } from 'lit';\nhtml`<pre>${html`a\n   b`}</pre> <p>${html`c d`}</p>`;",
  );
  expect(
    'escapes are kept',
    run("import { css, html } from 'lit';\nhtml`a\\`  \\${b}\\n  c`; css`a::before { content: '\\\\201C  x'; }`;"),
    "import { css, html } from 'lit';\nhtml`a\\` \\${b}\\n c`; css`a::before{content:'\\\\201C  x';}`;",
  );
  expect(
    'TypeScript source parses too (type-only imports are not tags)',
    run("import type { html as H } from 'lit';\nimport { css } from 'lit';\nconst x: number = 1;\nconst s = css`a {\n  b: c;\n}`;"),
    "import type { html as H } from 'lit';\nimport { css } from 'lit';\nconst x: number = 1;\nconst s = css`a{b:c;}`;",
  );

  // The map: each identifier after a template still maps to where it was.
  const source = "import { html } from 'lit';\nconst a = html`<div>\n    <p>\n      x\n    </p>\n  </div>`; const after = 1;\nconst later = after;\n";
  const { code: out, map } = minifyTemplates(source, 'm.js');
  const decoded = decodeMappings(map.mappings);
  const locate = (text, word) => {
    const index = text.indexOf(word);
    const before = text.slice(0, index).split('\n');
    return [before.length - 1, before.at(-1).length];
  };
  for (const word of ['const after', 'const later', 'after;']) {
    const [line, col] = locate(out, word);
    const segment = decoded[line]?.find((s) => s[0] === col);
    expect(`the map puts "${word}" where it was`, JSON.stringify(segment?.slice(2)), JSON.stringify(locate(source, word)));
  }

  let threw = false;
  try {
    minifyTemplates("import { html } from 'lit';\nhtml`<p>${a}</p>`;", 'ok.js');
  } catch {
    threw = true;
  }
  expect('a template without whitespace is fine', threw, false);

  const failed = results.filter((ok) => !ok).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  return failed === 0;
}

function decodeMappings(mappings) {
  const values = new Map([...BASE64].map((ch, i) => [ch, i]));
  let state = [0, 0, 0, 0];
  return mappings.split(';').map((line) => {
    state[0] = 0;
    if (!line) return [];
    return line.split(',').map((segment) => {
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = values.get(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      state = state.map((v, i) => v + (fields[i] ?? 0));
      return [...state];
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args[0] === '--check' || !args.length) {
    process.exit(check() ? 0 : 1);
  }
  for (const path of args) {
    const code = readFileSync(path, 'utf8');
    const out = minifyTemplates(code, path).code;
    console.log(`${path}: ${code.length} -> ${out.length} characters (${code.length - out.length} fewer)`);
  }
}
