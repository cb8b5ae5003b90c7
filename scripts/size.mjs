// `npm run size`: the wire size of each entry (minified + gzip -6) against bench/budgets.json.
// The figures describe what we ship: the built dist/ (bench/size.mjs), so run `npm run build`
// first (it warns when src/ is newer). Fails (exit 1) when a figure grows past its budget or
// when a page importing only <checkin-toggle> carries form or thread code. The target
// is printed beside each budget so that the remaining gap stays visible; budgets only ever come
// down towards it. Where an entry loads a module on demand (`import()`), a line under the table
// gives its first load beside the whole.
//
//   node scripts/size.mjs                 check (CI)
//   node scripts/size.mjs --why           also: where the bytes of the elements bundle go
//   node scripts/size.mjs --json          figures as JSON on stdout
//   node scripts/size.mjs --set-budgets   rewrite budgets.json as today's figures + 2 %
//                                         (review the diff: a raised budget needs a reason)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, fmt, measureSizes } from '../bench/size.mjs';

const BUDGETS = fileURLToPath(new URL('../bench/budgets.json', import.meta.url));
const args = new Set(process.argv.slice(2));

const stale = ensureBuilt();
const { figures, treeShaking } = await measureSizes();
const budgets = JSON.parse(readFileSync(BUDGETS, 'utf8'));

if (args.has('--set-budgets')) {
  const next = { ...budgets, figures: {} };
  for (const { name, bytes } of figures) {
    const old = budgets.figures[name];
    const budget = Math.ceil((bytes * 1.02) / 10) * 10;
    next.figures[name] = { budget, target: old?.target ?? null, ...(old?.why ? { why: old.why } : {}) };
    if (old && budget > old.budget) console.warn(`raised: ${name} ${fmt(old.budget)} -> ${fmt(budget)}`);
  }
  writeFileSync(BUDGETS, serialize(next));
  console.log(`wrote ${BUDGETS}`);
}

/** One line per figure, so that a budget change is a one-line diff. */
function serialize(data) {
  const lines = Object.entries(data.figures).map(
    ([name, entry]) => `    ${JSON.stringify(name)}: ${JSON.stringify(entry)}`,
  );
  return `{\n  "about": ${JSON.stringify(data.about)},\n  "figures": {\n${lines.join(',\n')}\n  }\n}\n`;
}

const current = args.has('--set-budgets') ? JSON.parse(readFileSync(BUDGETS, 'utf8')) : budgets;
const rows = figures.map(({ name, bytes, minified, firstLoad }) => {
  const entry = current.figures[name];
  const status = !entry
    ? 'no budget'
    : bytes > entry.budget
      ? 'OVER BUDGET'
      : entry.target != null && bytes > entry.target
        ? 'ok (target not met)'
        : 'ok';
  return {
    name,
    bytes,
    minified,
    budget: entry?.budget ?? null,
    target: entry?.target ?? null,
    status,
    ...(firstLoad ? { firstLoad } : {}),
  };
});

if (args.has('--json')) {
  console.log(JSON.stringify({ figures: rows, treeShaking }, null, 2));
} else {
  const table = [
    ['entry', 'gzip B', 'minified B', 'budget B', 'target B', 'status'],
    ...rows.map((r) => [
      r.name,
      fmt(r.bytes),
      fmt(r.minified),
      r.budget == null ? '-' : fmt(r.budget),
      r.target == null ? '-' : fmt(r.target),
      r.status,
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const [i, row] of table.entries()) {
    console.log(
      row.map((cell, j) => (j === 0 || j === 5 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  // The figures above are the whole code, modules loaded on demand included; a page fetches
  // those only when it needs them.
  const split = rows.filter((r) => r.firstLoad);
  if (split.length)
    console.log('\nfirst load (before any import() on demand), gzip B: entry + static chunks; on demand');
  for (const { name, firstLoad: f } of split) {
    console.log(
      `  ${name}: ${fmt(f.bytes)} (${f.chunks} chunk${f.chunks === 1 ? '' : 's'}); +${fmt(f.onDemand.bytes)} on demand (${f.onDemand.chunks} chunk${f.onDemand.chunks === 1 ? '' : 's'})`,
    );
  }
  console.log(
    `\ntree-shaking (page importing only <checkin-toggle>): form code ${treeShaking.formCodeAbsent ? 'absent' : 'PRESENT'}, thread code ${treeShaking.threadCodeAbsent ? 'absent' : 'PRESENT'}`,
  );
  console.log(
    'gzip -6 (zlib); the bundle as rollup + terser build it, the rest esbuild --minify of the built dist/ (templates minified by the build); targets from issue 5 (1 KB = 1,024 B).',
  );
}
if (stale) console.warn(`warning: ${stale}`);

if (args.has('--why')) {
  const { why } = await import('../bench/why.mjs');
  const { modules, kinds, marginal } = await why();
  console.log('\nelements without Lit, largest modules: minified bytes, share, gzip bytes saved without it');
  const saved = new Map(marginal.map((row) => [row.path, row.gzip]));
  for (const row of modules.slice(0, 12)) {
    const gzip = saved.has(row.path) ? fmt(saved.get(row.path)).padStart(7) : '';
    console.log(`${fmt(row.bytes).padStart(8)}  ${(row.share * 100).toFixed(1).padStart(5)}%  ${gzip}  ${row.path}`);
  }
  console.log('\nby kind: minified bytes, gzip bytes saved if removed');
  for (const row of kinds.rows) {
    console.log(
      `${fmt(row.minified).padStart(8)}  ${row.gzip == null ? '       ' : fmt(row.gzip).padStart(7)}  ${row.kind}`,
    );
  }
}

const over = rows.filter((r) => r.status === 'OVER BUDGET' || r.status === 'no budget');
const leaked = !treeShaking.formCodeAbsent || !treeShaking.threadCodeAbsent || !treeShaking.markersFoundInBundle;
if (over.length || leaked) {
  for (const r of over) {
    console.error(
      r.budget == null
        ? `${r.name}: no budget in bench/budgets.json`
        : `${r.name}: ${fmt(r.bytes)} B is over its budget of ${fmt(r.budget)} B (+${fmt(r.bytes - r.budget)} B)`,
    );
  }
  if (!treeShaking.markersFoundInBundle)
    console.error(
      'tree-shaking check is void: its marker strings are not in the bundle any more (update MARKERS in bench/size.mjs)',
    );
  else if (leaked) console.error('a page importing only <checkin-toggle> carries form or thread code');
  process.exit(1);
}
