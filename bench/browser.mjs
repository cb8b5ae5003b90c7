// The browser half of `npm run bench`: bundles bench/pages/bench.ts (Lit in production mode),
// serves it from 127.0.0.1 (a real origin, so that drafts reach localStorage), and drives Debian
// Chromium through puppeteer-core.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('..', import.meta.url));

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>checkin-elements bench</title>
<style>body { margin: 0; font: 16px/1.5 system-ui, sans-serif; } main { max-width: 48rem; margin: 0 auto; padding: 1rem; }</style>
</head>
<body><main></main><script type="module" src="/bench.js"></script></body>
</html>`;

export function chromePath() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.');
  return found;
}

async function bundlePage(minify, plugins) {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./pages/bench.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    minify,
    conditions: ['production'],
    tsconfig: `${root}tsconfig.json`,
    target: 'es2022',
    write: false,
    plugins,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/**
 * Opens the bench page in headless Chromium; `close()` stops the browser and the server.
 * `minify: false` keeps names readable in CPU profiles; `plugins` (esbuild) lets a diagnosis
 * try a patched copy of a module without editing it.
 */
export async function openBench({ minify = true, plugins = [] } = {}) {
  const script = await bundlePage(minify, plugins);
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
    } else if (request.url === '/' || request.url === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(HTML);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const browser = await puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      // The page collects garbage before each measurement (the naive lists leave up to half a
      // million dead nodes), so one variant's garbage is not collected in another's figure.
      '--js-flags=--expose-gc',
    ],
    env: { ...process.env, TZ: 'UTC' },
    // The longest evaluate (the scroll through 10,000 entries) takes about a minute when quiet.
    protocolTimeout: 600_000,
  });
  const close = async () => {
    await browser.close().catch(() => {});
    await new Promise((resolve) => server.close(resolve));
  };
  const open = async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('body[data-ready]', { timeout: 30_000 }).catch((error) => {
      throw errors[0] ?? error;
    });
    return page;
  };
  try {
    let page = await open();
    const version = await browser.version();
    /** Closes the page and opens a new one: no garbage or warm caches from what ran before. */
    const freshPage = async () => {
      await page.close();
      page = await open();
      return page;
    };
    return {
      /** The page open now (`freshPage()` replaces it). */
      get page() {
        return page;
      },
      version,
      close,
      freshPage,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export const median = (values) => {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const percentile = (values, p) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
