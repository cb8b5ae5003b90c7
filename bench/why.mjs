// Where the bytes of the elements-without-Lit bundle go: per module (esbuild metafile, minified
// bytes) and per kind of content (CSS, HTML templates, English strings, code), the latter also
// as the gzip bytes that kind costs (the bundle gzipped with and without it).
// It analyses the BUILT code, as the size figures do: dist/elements/index.js (templates already
// minified by the build) bundled by esbuild --minify, Lit external; the modules are dist/ files
// (dist/x/y.js is src/x/y.ts). Run `npm run build` first.
// Run: node bench/why.mjs  (or `node scripts/size.mjs --why`)
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { breakdown, ensureBuilt, fmt, gzipSize, measureSizes } from './size.mjs';

const ENTRY = 'dist/elements/index.js';

/** Byte ranges of the minified output by kind, found by parsing it. */
function ranges(text) {
  const file = ts.createSourceFile('out.js', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  // Local names of the imports that matter: minification renames them, the import says what they are.
  const imported = new Map();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const spec of bindings.elements) {
      imported.set(spec.name.text, (spec.propertyName ?? spec.name).text);
    }
  }
  const kinds = { css: [], html: [], msg: [], strings: [] };
  const literalRanges = (node) => {
    // The text of a template (its literal parts), or of a string literal.
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) {
      return [[node.getStart(file), node.end]];
    }
    if (ts.isTemplateExpression(node)) {
      return [
        [node.head.getStart(file), node.head.end],
        ...node.templateSpans.map((span) => [span.literal.getStart(file), span.literal.end]),
      ];
    }
    return [];
  };
  const visit = (node, inMsg) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = imported.get(node.tag.text);
      const kind = inMsg ? 'msg' : tag === 'css' ? 'css' : tag === 'html' || tag === 'svg' ? 'html' : null;
      if (kind) {
        kinds[kind].push(...literalRanges(node.template));
        ts.forEachChild(node.template, (child) => visit(child, inMsg));
        return;
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && imported.get(node.expression.text) === 'msg') {
      const [first, ...rest] = node.arguments;
      if (first) visit(first, true);
      for (const arg of rest) visit(arg, false);
      return;
    }
    const own = literalRanges(node);
    if (own.length && !ts.isTemplateExpression(node)) {
      // Import specifiers ("lit", "@lit/localize") are not content.
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        kinds[inMsg ? 'msg' : 'strings'].push(...own);
      }
      return;
    }
    if (ts.isTemplateExpression(node)) kinds[inMsg ? 'msg' : 'strings'].push(...own);
    ts.forEachChild(node, (child) => visit(child, inMsg));
  };
  visit(file, false);
  return kinds;
}

/** Bytes of each kind: minified, and what gzip saves when that kind is blanked out. */
export function byKind(text) {
  const kinds = ranges(text);
  const total = gzipSize(text);
  const rows = [];
  let covered = 0;
  for (const [kind, list] of Object.entries(kinds)) {
    const minified = list.reduce((sum, [from, to]) => sum + (to - from), 0);
    covered += minified;
    // Blank the kind's text (keep quotes/backticks so the rest is unchanged).
    const chars = text.split('');
    for (const [from, to] of list) for (let i = from + 1; i < to - 1; i++) chars[i] = '';
    const without = gzipSize(chars.join(''));
    rows.push({ kind, minified, gzip: total - without });
  }
  rows.push({ kind: 'code', minified: Buffer.byteLength(text) - covered, gzip: null });
  // What a crude squeeze of the template literals would still save on top of the build's
  // minifier (esbuild leaves their text alone): CSS comments dropped and every whitespace run
  // collapsed to one space, in CSS and HTML templates only. Near zero when the build did it.
  let squeezed = '';
  let at = 0;
  const templates = [...kinds.css.map((r) => [...r, 'css']), ...kinds.html.map((r) => [...r, 'html'])].sort(
    (a, b) => a[0] - b[0],
  );
  for (const [from, to, kind] of templates) {
    let part = text.slice(from, to);
    if (kind === 'css') part = part.replace(/\/\*[\s\S]*?\*\//g, '');
    part = part.replace(/\s+/g, ' ');
    squeezed += text.slice(at, from) + part;
    at = to;
  }
  squeezed += text.slice(at);
  const templatesMinified = { minified: Buffer.byteLength(squeezed), gzip: gzipSize(squeezed) };
  return { total, minified: Buffer.byteLength(text), rows, templatesMinified };
}

const LABELS = {
  css: 'CSS (css`` templates)',
  html: 'HTML template text (html`` static parts)',
  msg: 'English UI strings (msg() arguments)',
  strings: 'other string literals (error texts, keys, part names)',
  code: 'code (everything else)',
};

export async function why() {
  const { elementsMetafile } = await measureSizes();
  const modules = breakdown(elementsMetafile);
  const { build } = await import('esbuild');
  const { root } = await import('./size.mjs');
  const out = await build({
    entryPoints: [`${root}${ENTRY}`],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    tsconfig: `${root}tsconfig.json`,
    external: ['lit', 'lit/*', '@lit/*'],
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  const kinds = byKind(out.outputFiles[0].text);
  return {
    modules,
    kinds,
    marginal: await marginal(
      modules.slice(0, 12).map((m) => m.path),
      kinds.total,
    ),
  };
}

/**
 * Gzip bytes saved by replacing each module with an empty stub of the same exports (so what
 * only it uses goes too). Gzip is not additive; this says what each module really costs.
 */
async function marginal(paths, total) {
  const { build } = await import('esbuild');
  const { root } = await import('./size.mjs');
  const options = {
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    tsconfig: `${root}tsconfig.json`,
    external: ['lit', 'lit/*', '@lit/*'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    absWorkingDir: root,
  };
  const rows = [];
  for (const path of paths) {
    // The module's export names, from bundling it alone.
    const alone = await build({ ...options, entryPoints: [`${root}${path}`], metafile: true });
    const names = Object.values(alone.metafile.outputs)[0].exports;
    const stub = names
      .map((name) => (name === 'default' ? 'export default function(){}' : `export function ${name}(){}`))
      .join('\n');
    const target = `${root}${path}`;
    const result = await build({
      ...options,
      entryPoints: [`${root}${ENTRY}`],
      plugins: [
        {
          name: 'stub',
          setup(b) {
            b.onLoad({ filter: /\.[jt]s$/ }, (args) =>
              args.path === target ? { contents: stub, loader: 'js' } : undefined,
            );
          },
        },
      ],
    });
    rows.push({ path, gzip: total - gzipSize(result.outputFiles[0].text) });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stale = ensureBuilt();
  if (stale) console.warn(`warning: ${stale}`);
  const { modules, kinds, marginal } = await why();
  console.log(`elements without Lit: ${fmt(kinds.minified)} B minified, ${fmt(kinds.total)} B gzip`);
  console.log('\nBy module (minified bytes in the bundle, share):');
  for (const row of modules) {
    console.log(`${fmt(row.bytes).padStart(8)}  ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.path}`);
  }
  console.log('\nGzip bytes saved without each of the largest modules (and what only it uses):');
  for (const row of marginal) console.log(`${fmt(row.gzip).padStart(8)}  ${row.path}`);
  console.log('\nBy kind (minified bytes; gzip bytes saved if that kind were removed):');
  for (const row of kinds.rows) {
    const gzip = row.gzip === null ? '' : `  ~${fmt(row.gzip)} B gzip`;
    console.log(`${fmt(row.minified).padStart(8)}  ${LABELS[row.kind]}${gzip}`);
  }
  const { templatesMinified: t } = kinds;
  console.log(
    `\nA crude squeeze on top of the build's template minifier (CSS comments dropped, every whitespace run in css\`\` and html\`\` one space): ${fmt(t.minified)} B minified, ${fmt(t.gzip)} B gzip (${fmt(kinds.total - t.gzip)} B less).`,
  );
}
