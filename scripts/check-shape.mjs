// Checks the shape of src/ (docs/architecture.md): the layer rules (the model, the schedule,
// the adapters and the conformance kit import no Lit; the schedule and the adapters import no
// element or controller; views import no adapter or controller; controllers no element), and
// the sizes: no file over 400 lines, no function over 50, no render function (render*) over 40.
// Prints every offender and fails (exit 1) when there is one. Generated files are named and
// skipped. Usage: node scripts/check-shape.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const GENERATED = new Set(['src/adapters/http-openapi.ts']);
const LIMITS = { file: 400, fn: 50, render: 40 };

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** [files it applies to, imports it forbids, why]: module specifiers matched as written. */
const LAYERS = [
  [
    /^src\/(schedule|adapters|conformance)\/|^src\/(model|limits|questions)\.ts$/,
    /^(lit|@lit\/)|^lit\//,
    'imports no Lit',
  ],
  [/^src\/(schedule|adapters|conformance)\//, /\/(elements|controllers)\//, 'imports no element or controller'],
  [/^src\/elements\/[^/]+\/views\//, /\/(adapters|controllers)\//, 'a view imports no adapter or controller'],
  [/^src\/controllers\//, /\/elements\//, 'a controller imports no element'],
];

const offenders = { file: [], fn: [], render: [], layer: [] };
for (const path of files(join(root, 'src'))) {
  const name = relative(root, path);
  if (GENERATED.has(name)) continue;
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const lines = source.getLineAndCharacterOfPosition(text.length).line + 1;
  if (lines > LIMITS.file) offenders.file.push([name, lines]);
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const from = statement.moduleSpecifier?.text;
    if (!from) continue;
    // An element never reaches into another element's folder (shared parts live in elements/).
    const own = /^src\/elements\/(checkin-[^/]+)\//.exec(name)?.[1];
    const target = from.startsWith('.') ? relative(root, join(root, dirname(name), from)) : '';
    const other = /^src\/elements\/(checkin-[^/]+)\//.exec(target)?.[1];
    if (own && other && other !== own)
      offenders.layer.push([`${name}: '${from}' (an element imports no other element)`, 0]);
    for (const [where, forbidden, rule] of LAYERS) {
      if (where.test(name) && forbidden.test(from)) offenders.layer.push([`${name}: '${from}' (${rule})`, 0]);
    }
  }
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.end).line;
      const span = end - start + 1;
      const id = node.name && ts.isIdentifier(node.name) ? node.name.text : null;
      if (id && /^render/.test(id) && span > LIMITS.render) offenders.render.push([`${name}:${start + 1} ${id}`, span]);
      else if (span > LIMITS.fn && id) offenders.fn.push([`${name}:${start + 1} ${id}`, span]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const show = (title, list, limit) => {
  console.log(`${title} (over ${limit} lines): ${list.length}`);
  for (const [where, n] of list.sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${where}`);
};
show('files', offenders.file, LIMITS.file);
show('functions', offenders.fn, LIMITS.fn);
show('render functions', offenders.render, LIMITS.render);
console.log(`layer rules broken: ${offenders.layer.length}`);
for (const [where] of offenders.layer) console.log(`  ${where}`);
console.log(`check-shape: generated and skipped: ${[...GENERATED].join(', ')}`);
if (Object.values(offenders).some((list) => list.length)) process.exitCode = 1;
