// `npm run test:dist`: the tests of what a consumer gets, run after `npm run build` and
// `npm run examples` (.ci/run does both first): test/built/packaging.test.ts imports dist/,
// test/built/examples.test.ts drives the built React, Vue and plain-HTML examples.
import { existsSync } from 'node:fs';
import base from './web-test-runner.config.mjs';

const needed = {
  'dist/index.js': 'npm run build',
  'dist/checkin-elements.bundle.js': 'npm run build',
  'examples/react/dist/index.html': 'npm run examples',
  'examples/vue/dist/index.html': 'npm run examples',
};
const missing = Object.entries(needed).filter(([path]) => !existsSync(path));
if (missing.length) {
  console.error(
    `Missing ${missing.map(([path]) => path).join(', ')}: run ${[...new Set(missing.map(([, run]) => `\`${run}\``))].join(' and ')} first.`,
  );
  process.exit(1);
}

export default { ...base, files: ['test/built/**/*.test.ts'] };
