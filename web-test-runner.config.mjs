import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { referenceServer } from './test/server-middleware.mjs';

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
  console.error('No Chromium found. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

// The strict policy of security-csp.test.ts, sent with the pages under test/csp/ only (the test
// harness page itself runs inline scripts and could not run under it). `?tt=none` swaps the
// Trusted Types allowlist for 'none': the negative control that shows the policy is enforced.
const CSP_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

async function strictCspForTestPages(context, next) {
  await next();
  if (context.path.startsWith('/test/csp/') && context.path.endsWith('.html')) {
    const policy =
      context.query.tt === 'none' ? CSP_POLICY.replace('trusted-types lit-html', "trusted-types 'none'") : CSP_POLICY;
    context.set('Content-Security-Policy', policy);
  }
}

export default {
  // test/built/ needs the build and the examples: web-test-runner.dist.config.mjs runs it.
  files: ['test/**/*.test.ts', '!test/built/**'],
  nodeResolve: true,
  middleware: [strictCspForTestPages, referenceServer],
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
