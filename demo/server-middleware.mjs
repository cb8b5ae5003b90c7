// `npm start`'s backend: the reference server (server/dist) under /v1 of the demo's origin, on
// the embedded database in .data/demo (PGlite; seeded with the demo contracts on first start),
// in demo mode: the development sign-in (`Authorization: Bearer <userId>`, the page's "View as")
// and the development-only routes the demo's controls use (/v1/_testing/*: move the clock,
// reset the data). Notifications the server sends are kept for the page at /_demo/notifications.
import { existsSync, mkdirSync } from 'node:fs';
import { getRequestListener } from '@hono/node-server';

const root = new URL('..', import.meta.url);
const entry = new URL('server/dist/index.js', root);
const dataDir = process.env.CHECKIN_DEMO_DATA ?? new URL('.data/demo', root).pathname;
const notifications = [];
let started = null;

const say = (message) => console.log(`demo: ${message}`);

function start() {
  started ??= (async () => {
    if (!existsSync(entry)) throw new Error('server/dist is missing: run `npm run build -w server`.');
    const { createCheckinServer, bearerUserId } = await import(entry.href);
    const { seedDemo } = await import(new URL('server/dist/demo-seed.js', root).href);
    mkdirSync(dataDir, { recursive: true });
    const first = !existsSync(new URL('PG_VERSION', `file://${dataDir}/`));
    const at = performance.now();
    say(
      `opening the embedded database in ${dataDir}${first ? ' (first start: creating it takes several seconds)' : ''}…`,
    );
    const server = createCheckinServer({
      database: { dataDir },
      authenticate: bearerUserId,
      testing: true,
      notify: (n) => {
        notifications.unshift(n);
        notifications.length = Math.min(notifications.length, 50);
      },
    });
    await server.ready;
    const db = await server.database();
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM contracts');
    if (!n) await server.seed(seedDemo());
    say(
      `the reference server is ready (${Math.round(performance.now() - at)} ms)${n ? '' : ', seeded with the demo contracts'}.`,
    );
    const close = () => void server.close();
    process.once('SIGINT', () => (close(), process.exit(0)));
    process.once('SIGTERM', () => (close(), process.exit(0)));
    return { listener: getRequestListener((request) => server.fetch(request)) };
  })();
  return started;
}

/** Koa middleware for the demo's dev server: /v1/* to the reference server. */
export async function demoBackend(context, next) {
  if (context.path === '/_demo/notifications') {
    context.body = notifications;
    return;
  }
  if (!context.path.startsWith('/v1/')) return next();
  const { listener } = await start();
  context.respond = false;
  await listener(context.req, context.res);
}

/** Starts the server with the dev server, so the first page load does not wait for it. */
export const warmUp = () => start().catch((error) => say(`the reference server did not start: ${error.message}`));
