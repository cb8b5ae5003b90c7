// `npm run check:package` (after `npm run build`): the package as a consumer gets it.
// 1. Every "exports" target (and main/module/types/web-types/customElements) is a real file,
//    and one that `files` publishes.
// 2. `sideEffects` marks the define modules, the main entry and the bundle, and no class module.
// 3. Tree-shaking through the package's own exports, the way an app's bundler sees it (rollup +
//    node-resolve, which honours `sideEffects`): a page that imports only
//    `checkin-elements/define/checkin-toggle.js` carries no form or thread code; a page that
//    imports a class and leaves it unused carries nothing; the schedule entry carries no Lit.
// The browser half (what each entry defines) is test/built/packaging.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

const root = new URL('..', import.meta.url);
const rootPath = root.pathname.replace(/\/$/, '');
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const failures = [];
const fail = (message) => failures.push(message);

if (!existsSync(new URL('dist/index.js', root))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

// --- 1. exports ------------------------------------------------------------------------------

const defineNames = readdirSync(new URL('src/define/', root))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => file.slice(0, -3));

/** Every file path a target names, with `*` expanded over the define modules. */
function targets(value) {
  if (typeof value === 'string') {
    return value.includes('*') ? defineNames.map((name) => value.replace('*', name)) : [value];
  }
  return Object.values(value ?? {}).flatMap(targets);
}

const published = (path) =>
  path === './package.json' ||
  pkg.files.some((entry) => {
    const clean = `./${entry.replace(/^\.\//, '').replace(/\/$/, '')}`;
    return path === clean || path.startsWith(`${clean}/`);
  });

let checked = 0;
const checkPath = (label, path) => {
  checked += 1;
  if (!existsSync(new URL(path, root))) fail(`${label} -> ${path}: no such file`);
  else if (!published(path)) fail(`${label} -> ${path}: not covered by "files", so not published`);
};
for (const [key, value] of Object.entries(pkg.exports)) {
  for (const path of targets(value)) checkPath(`exports["${key}"]`, path);
}
for (const field of ['main', 'module', 'types', 'web-types', 'customElements']) {
  if (pkg[field]) checkPath(field, `./${pkg[field].replace(/^\.\//, '')}`);
}
console.log(`exports: ${checked} targets checked (${defineNames.length} define entries)`);

// --- 2. sideEffects --------------------------------------------------------------------------

// A private-use character stands in for `**` while `*` is replaced: no path contains it.
const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .replace(/^\.\//, '')
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*/g, '\uE000')
      .replace(/\*/g, '[^/]*')
      .replace(/\uE000/g, '.*')}$`,
  );
const effectful = pkg.sideEffects.map(globToRegExp);
const hasSideEffects = (path) => effectful.some((re) => re.test(path));

const mustHave = [
  ...defineNames.map((name) => `dist/define/${name}.js`),
  'dist/index.js',
  'dist/checkin-elements.bundle.js',
];
const mustNotHave = readdirSync(new URL('dist/', root), { recursive: true })
  .map(String)
  .map((path) => `dist/${path}`)
  .filter((path) => path.endsWith('.js') && !mustHave.includes(path));
for (const path of mustHave) if (!hasSideEffects(path)) fail(`sideEffects does not list ${path}`);
for (const path of mustNotHave)
  if (hasSideEffects(path)) fail(`sideEffects lists ${path}, a module without side effects`);
console.log(`sideEffects: ${mustHave.length} effectful and ${mustNotHave.length} pure modules checked`);

// --- 3. tree-shaking -------------------------------------------------------------------------

// Lit's compiled decorators use `this` at the top level (harmless); an empty page is expected.
const onwarn = (warning, warn) =>
  warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'EMPTY_BUNDLE' ? undefined : warn(warning);

/** Bundles `source` as if it were an app page inside this package, minified; the result. */
async function page(source) {
  const id = `${rootPath}/__page__.js`;
  const bundle = await rollup({
    input: id,
    plugins: [
      {
        name: 'page',
        resolveId: (source) => (source === id ? id : null),
        load: (file) => (file === id ? source : null),
      },
      nodeResolve({ exportConditions: ['production'] }),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
    onwarn,
  });
  const { output } = await bundle.generate({ format: 'esm', inlineDynamicImports: true });
  await bundle.close();
  const [chunk] = output;
  const modules = Object.entries(chunk.modules)
    .filter(([, info]) => info.renderedLength > 0)
    .map(([file]) => file.replace(`${rootPath}/`, ''));
  return { code: chunk.code, modules, gzip: gzipSync(chunk.code, { level: 9 }).length };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const report = (label, result) =>
  console.log(`  ${label.padEnd(44)} ${kb(result.code.length).padStart(9)} min ${kb(result.gzip).padStart(8)} gzip`);

console.log('tree-shaking (rollup + node-resolve through "exports", terser):');
const toggleOnly = await page("import 'checkin-elements/define/checkin-toggle.js';");
const everything = await page("import 'checkin-elements';");
const unusedClass = await page("import { CheckinToggle } from 'checkin-elements/elements';");
const schedule = await page("import { nextPrompt } from 'checkin-elements/schedule'; console.log(nextPrompt);");
report("'checkin-elements/define/checkin-toggle.js'", toggleOnly);
report("'checkin-elements' (all four tags)", everything);
report("unused import from 'checkin-elements/elements'", unusedClass);
report("nextPrompt from 'checkin-elements/schedule'", schedule);

const from = (result, pattern) => result.modules.filter((file) => pattern.test(file));
for (const other of ['checkin-form', 'checkin-thread']) {
  const leaked = from(toggleOnly, new RegExp(`dist/(elements/${other}/|define/${other}\\.js)`));
  if (leaked.length) fail(`the toggle-only page contains ${other} code: ${leaked.join(', ')}`);
  if (toggleOnly.code.includes(`"${other}"`)) fail(`the toggle-only page names "${other}"`);
}
if (!toggleOnly.code.includes('"checkin-toggle"')) fail('the toggle-only page does not define checkin-toggle');
for (const tag of ['checkin-toggle', 'checkin-form', 'checkin-thread', 'checkin-provider']) {
  if (!everything.code.includes(`"${tag}"`)) fail(`the full page does not define ${tag}`);
}
const adapters = from(everything, /dist\/adapters\/memory/);
if (adapters.length) fail(`the main entry pulls the memory adapter: ${adapters.join(', ')}`);
if (unusedClass.code.trim() !== '') {
  fail(`an unused class import left ${unusedClass.code.length} bytes: ${unusedClass.modules.join(', ')}`);
}
const litInSchedule = from(schedule, /node_modules\/(lit|lit-html|lit-element|@lit)\//);
if (litInSchedule.length) fail(`the schedule entry pulls Lit: ${litInSchedule.join(', ')}`);
if (toggleOnly.gzip >= everything.gzip) fail('the toggle-only page is not smaller than the full page');

if (failures.length) {
  console.error(`\npackage check failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('package check passed');
