import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

// Debian's Chromium (or any Chrome) on this machine: no test tool downloads its own browser.
const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter(Boolean);
const executablePath = candidates.find((path) => existsSync(path));
if (!executablePath) {
  console.error(
    'No Chromium found. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH.',
  );
  process.exit(1);
}

export default {
  // test/built/ needs the build and the examples: web-test-runner.dist.config.mjs runs it.
  files: ['test/**/*.test.ts', '!test/built/**'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      // Test files run side by side; in one browser context the page opened first becomes a
      // background tab that never gets animation frames or IntersectionObserver callbacks.
      // A context per page keeps every page visible.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath,
        headless: true,
        // One pinned zone, so that formatted dates in tests do not depend on the machine.
        env: { ...process.env, TZ: 'UTC' },
        // Chromium refuses to start as root without --no-sandbox (CI runs as root).
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--no-first-run',
        ],
      },
    }),
  ],
};
