// Wire size of what a page downloads: minified, then gzip -6 (zlib), in bytes. Deterministic:
// esbuild and zlib give the same bytes for the same sources, so these figures can gate CI
// (scripts/size.mjs) while the timings in bench/run.mjs cannot.
//
// Every figure describes what we ship: the single-file bundle as rollup + terser build it, and
// the other entries as a consumer's bundler sees them, i.e. the BUILT modules of dist/ (with
// their templates minified by the build) bundled by esbuild --minify. A module loaded on demand
// (`import()`) is inlined by such a bundle, so each figure is the whole code; where there is
// such a module, `firstLoad` says what the page fetches before it (esbuild with splitting).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(root, 'dist/checkin-elements.bundle.js');
const TOGGLE_DIST = join(root, 'dist/define/checkin-toggle.js');
const ELEMENTS_DIST = join(root, 'dist/elements/index.js');

/** Lit stays out of the "without Lit" figures: a page shares one copy between libraries. */
const LIT_EXTERNAL = ['lit', 'lit/*', '@lit/*'];

// Text that only the form's or the thread's code contains (their on-screen words), to show that
// a page importing only <checkin-toggle> does not carry them.
const MARKERS = {
  form: ['Copy last week', 'This draft was updated in another tab'],
  thread: ['Export Markdown', 'Check-in history'],
};

export const gzipSize = (text) => gzipSync(Buffer.from(text), { level: 6 }).length;

const esbuildOptions = (entry, external) => ({
  ...(typeof entry === 'string'
    ? { entryPoints: [entry] }
    : { stdin: { contents: entry.contents, resolveDir: root, loader: 'js' } }),
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  conditions: ['production'],
  tsconfig: join(root, 'tsconfig.json'),
  external,
  legalComments: 'none',
  write: false,
  logLevel: 'error',
});

async function bundle(entry, { external = LIT_EXTERNAL, metafile = false } = {}) {
  const result = await build({ ...esbuildOptions(entry, external), outfile: 'out.js', metafile });
  const text = result.outputFiles.find((file) => file.path.endsWith('.js')).text;
  return { text, metafile: result.metafile };
}

/**
 * What a page fetches before any on-demand module: the same entry bundled with code splitting,
 * the entry chunk and every chunk it imports statically (each gzipped on its own: they are
 * separate requests). Null when the entry loads nothing on demand.
 */
async function firstLoad(entry, { external = LIT_EXTERNAL } = {}) {
  const result = await build({
    ...esbuildOptions(entry, external),
    splitting: true,
    outdir: 'size-out',
    metafile: true,
  });
  const texts = new Map(result.outputFiles.map((file) => [relative(root, file.path), file.text]));
  const outputs = result.metafile.outputs;
  const chunks = Object.keys(outputs).filter((path) => path.endsWith('.js'));
  // The entry chunk is the one no other chunk imports (statically or with `import()`).
  const imported = new Set(chunks.flatMap((path) => outputs[path].imports.map((i) => i.path)));
  const roots = chunks.filter((path) => !imported.has(path));
  const first = new Set();
  const stack = [...roots];
  while (stack.length) {
    const path = stack.pop();
    if (first.has(path)) continue;
    first.add(path);
    for (const i of outputs[path].imports) if (!i.external && i.kind === 'import-statement') stack.push(i.path);
  }
  const later = chunks.filter((path) => !first.has(path));
  if (!later.length) return null;
  const sum = (paths) => ({
    bytes: paths.reduce((n, path) => n + gzipSize(texts.get(path)), 0),
    minified: paths.reduce((n, path) => n + Buffer.byteLength(texts.get(path)), 0),
    chunks: paths.length,
  });
  return { ...sum([...first]), onDemand: sum(later) };
}

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

/** What the build reads besides src/: a change to these also makes dist/ stale. */
const BUILD_INPUTS = ['rollup.config.mjs'];

/**
 * Makes sure dist/ exists (runs `npm run build` when it does not). Returns a warning when the
 * sources (or the build's own scripts) are newer than the built files, since the figures then
 * describe old code.
 */
export function ensureBuilt({ log = console.error } = {}) {
  if (!existsSync(BUNDLE) || !existsSync(TOGGLE_DIST) || !existsSync(ELEMENTS_DIST)) {
    log('dist/ is missing: running npm run build');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const built = Math.min(statSync(BUNDLE).mtimeMs, statSync(ELEMENTS_DIST).mtimeMs);
  const inputs = Math.max(
    newest(join(root, 'src')),
    ...BUILD_INPUTS.map((path) => join(root, path))
      .filter(existsSync)
      .map((path) => statSync(path).mtimeMs),
  );
  if (inputs > built) {
    return 'src/ or the build config is newer than dist/: run `npm run build`; the figures describe the last build.';
  }
  return null;
}

function defineEntries() {
  return readdirSync(join(root, 'src/define'))
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => file.slice(0, -3));
}

/** The built module for an entry, or its source (said in the figure) if dist/ lacks it. */
function shipped(distPath, srcPath) {
  return existsSync(join(root, distPath))
    ? { path: join(root, distPath), from: distPath }
    : { path: join(root, srcPath), from: `${srcPath} (not in dist/)` };
}

/**
 * Every size figure, in a fixed order: `{ name, what, bytes (gzip), minified }`, and the
 * tree-shaking check of a page importing only <checkin-toggle>.
 */
export async function measureSizes() {
  const figures = [];
  const add = async (name, what, text, entry, options) =>
    figures.push({
      name,
      what,
      bytes: gzipSize(text),
      minified: Buffer.byteLength(text),
      ...(entry ? { firstLoad: await firstLoad(entry, options) } : {}),
    });

  const full = readFileSync(BUNDLE, 'utf8');
  await add('bundle', 'dist/checkin-elements.bundle.js (Lit and the memory adapter included)', full);

  // What a page needs without the demo backend: the same public surface, Lit included.
  const indexEntry = shipped('dist/index.js', 'src/index.ts');
  const index = await bundle(indexEntry.path, { external: [] });
  await add(
    'index + Lit',
    `${indexEntry.from} (all tags, schedule, events; no memory adapter), Lit included`,
    index.text,
    indexEntry.path,
    { external: [] },
  );

  const elementsEntry = shipped('dist/elements/index.js', 'src/elements/index.ts');
  const elements = await bundle(elementsEntry.path, { metafile: true });
  await add('elements', `${elementsEntry.from}: the four elements, Lit external`, elements.text, elementsEntry.path);

  for (const tag of defineEntries()) {
    const entry = shipped(`dist/define/${tag}.js`, `src/define/${tag}.ts`);
    const { text } = await bundle(entry.path);
    await add(`define/${tag}`, `${entry.from} alone, Lit external`, text, entry.path);
  }

  const scheduleEntry = shipped('dist/schedule/index.js', 'src/schedule/index.ts');
  const schedule = await bundle(scheduleEntry.path);
  await add('schedule', `checkin-elements/schedule alone (${scheduleEntry.from})`, schedule.text, scheduleEntry.path);

  const memoryEntry = shipped('dist/adapters/memory.js', 'src/adapters/memory.ts');
  const memory = await bundle(memoryEntry.path);
  await add(
    'adapters/memory',
    `checkin-elements/adapters/memory alone (${memoryEntry.from})`,
    memory.text,
    memoryEntry.path,
  );

  const httpEntry = shipped('dist/adapters/http.js', 'src/adapters/http.ts');
  const http = await bundle(httpEntry.path);
  await add('adapters/http', `checkin-elements/adapters/http alone (${httpEntry.from})`, http.text, httpEntry.path);

  // A page as a consumer builds it: the built define module (so the package's `sideEffects`
  // applies), Lit included.
  const pageEntry = { contents: `import './${relative(root, TOGGLE_DIST)}';` };
  const page = await bundle(pageEntry, { external: [] });
  await add(
    'page: toggle only',
    'a page importing only dist/define/checkin-toggle.js, Lit included',
    page.text,
    pageEntry,
    { external: [] },
  );

  const present = (text, words) => words.filter((word) => text.includes(word));
  const treeShaking = {
    formCodeAbsent: present(page.text, MARKERS.form).length === 0,
    threadCodeAbsent: present(page.text, MARKERS.thread).length === 0,
    // The check means something only if the markers are there when the code is.
    markersFoundInBundle:
      present(full, MARKERS.form).length === MARKERS.form.length &&
      present(full, MARKERS.thread).length === MARKERS.thread.length,
    markers: MARKERS,
  };

  return { figures, treeShaking, elementsMetafile: elements.metafile };
}

/** Minified bytes per module (of dist/) in the elements-without-Lit bundle, largest first. */
export function breakdown(metafile) {
  const output = Object.values(metafile.outputs)[0];
  const total = Object.values(output.inputs).reduce((sum, input) => sum + input.bytesInOutput, 0);
  return Object.entries(output.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput, share: input.bytesInOutput / total }))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

export const fmt = (n) => Math.round(n).toLocaleString('en-US');
