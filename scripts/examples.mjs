// `npm run examples` (after `npm run build`): builds examples/react and examples/vue with Vite
// into examples/*/dist/. examples/html needs no build: it loads dist/checkin-elements.bundle.js.
// The examples import `checkin-elements` by name, which resolves to this package's own
// "exports", i.e. to dist/: what an app that installed the package would get.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = new URL('..', import.meta.url);
for (const file of ['dist/index.js', 'dist/checkin-elements.bundle.js']) {
  if (!existsSync(new URL(file, root))) {
    console.error(`${file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
for (const name of ['react', 'vue']) {
  const started = performance.now();
  await build({ configFile: new URL(`examples/${name}/vite.config.mjs`, root).pathname, logLevel: 'warn' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const assets = new URL(`examples/${name}/dist/assets/`, root);
  const js = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(new URL(file, assets)));
  const min = js.reduce((sum, code) => sum + code.length, 0);
  const gzip = js.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
  console.log(`examples/${name}: built in ${seconds} s, JavaScript ${kb(min)} min, ${kb(gzip)} gzip`);
}
const bundle = readFileSync(new URL('dist/checkin-elements.bundle.js', root));
console.log(
  `examples/html: no build, loads dist/checkin-elements.bundle.js (${kb(bundle.length)} min, ${kb(gzipSync(bundle, { level: 9 }).length)} gzip)`,
);
