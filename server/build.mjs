/**
 * Bundles the server (and the memory adapter's rule modules it runs on) into dist/. Packages
 * stay external: they are the server's dependencies. Also bundles the conformance world as
 * dist/test-world.js for the server's own tests.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const started = performance.now();
rmSync(join(here, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: here,
  entryPoints: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    'test-world': '../src/conformance/world.ts',
    // The conformance kit and the HTTP adapter, for the kit's run under node:test (test/).
    conformance: '../src/conformance/index.ts',
    'http-adapter': '../src/adapters/http.ts',
    // The demo contracts, for `npm start`'s first run (the page's "Reset demo data" sends its own).
    'demo-seed': '../src/adapters/memory-seed.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`checkin-server: built dist/ in ${Math.round(performance.now() - started)} ms`);
