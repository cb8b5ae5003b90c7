// Wire size of what a page downloads: minified, then gzip -6 (zlib), in bytes. Deterministic:
// esbuild and zlib give the same bytes for the same sources, so these figures can gate CI
// (scripts/size.mjs) while the timings in bench/run.mjs cannot.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(root, 'dist/checkin-elements.bundle.js');
const TOGGLE_DIST = join(root, 'dist/define/checkin-toggle.js');

/** Lit stays out of the "without Lit" figures: a page shares one copy between libraries. */
const LIT_EXTERNAL = ['lit', 'lit/*', '@lit/*'];

// Text that only the form's or the thread's code contains (their on-screen words), to show that
// a page importing only <checkin-toggle> does not carry them.
const MARKERS = {
  form: ['Copy last week', 'This draft was updated in another tab'],
  thread: ['Export Markdown', 'Check-in history'],
};

export const gzipSize = (text) => gzipSync(Buffer.from(text), { level: 6 }).length;

async function bundle(entry, { external = LIT_EXTERNAL, metafile = false } = {}) {
  const result = await build({
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
    outfile: 'out.js',
    metafile,
    logLevel: 'error',
  });
  const text = result.outputFiles.find((file) => file.path.endsWith('.js')).text;
  return { text, metafile: result.metafile };
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

/**
 * Makes sure dist/ exists (runs `npm run build` when it does not). Returns a warning when the
 * sources are newer than the built bundle, since the bundle figure then describes old code.
 */
export function ensureBuilt({ log = console.error } = {}) {
  if (!existsSync(BUNDLE) || !existsSync(TOGGLE_DIST)) {
    log('dist/ is missing: running npm run build');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (newest(join(root, 'src')) > statSync(BUNDLE).mtimeMs) {
    return 'src/ is newer than dist/checkin-elements.bundle.js: run `npm run build` for a current bundle figure.';
  }
  return null;
}

function defineEntries() {
  return readdirSync(join(root, 'src/define'))
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => file.slice(0, -3));
}

/**
 * Every size figure, in a fixed order: `{ name, what, bytes (gzip), minified }`, and the
 * tree-shaking check of a page importing only <checkin-toggle>.
 */
export async function measureSizes() {
  const figures = [];
  const add = (name, what, text) =>
    figures.push({ name, what, bytes: gzipSize(text), minified: Buffer.byteLength(text) });

  const full = readFileSync(BUNDLE, 'utf8');
  add('bundle', 'dist/checkin-elements.bundle.js (Lit and the memory adapter included)', full);

  // What a page needs without the demo backend: the same public surface, Lit included.
  const index = await bundle(join(root, 'src/index.ts'), { external: [] });
  add('index + Lit', 'src/index.ts (all tags, schedule, events; no memory adapter), Lit included', index.text);

  const elements = await bundle(join(root, 'src/elements/index.ts'), { metafile: true });
  add('elements', 'src/elements/index.ts: the four elements, Lit external', elements.text);

  for (const tag of defineEntries()) {
    const { text } = await bundle(join(root, `src/define/${tag}.ts`));
    add(`define/${tag}`, `src/define/${tag}.ts alone, Lit external`, text);
  }

  const schedule = await bundle(join(root, 'src/schedule/index.ts'));
  add('schedule', 'checkin-elements/schedule alone', schedule.text);

  const memory = await bundle(join(root, 'src/adapters/memory.ts'));
  add('adapters/memory', 'checkin-elements/adapters/memory alone', memory.text);

  // A page as a consumer builds it: the built define module (so the package's `sideEffects`
  // applies), Lit included.
  const page = await bundle(
    { contents: `import './${relative(root, TOGGLE_DIST)}';` },
    { external: [] },
  );
  add('page: toggle only', "a page importing only dist/define/checkin-toggle.js, Lit included", page.text);

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

/** Minified bytes per source module in the elements-without-Lit bundle, largest first. */
export function breakdown(metafile) {
  const output = Object.values(metafile.outputs)[0];
  const total = Object.values(output.inputs).reduce((sum, input) => sum + input.bytesInOutput, 0);
  return Object.entries(output.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput, share: input.bytesInOutput / total }))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

export const fmt = (n) => Math.round(n).toLocaleString('en-US');
