// Mounts the reference server (server/dist, built by `npm run build -w server`) under /v1 of
// the test runner's own origin, on PGlite in memory (or, with CHECKIN_TEST_DATABASE=postgres,
// on the PostgreSQL server of CHECKIN_TEST_DATABASE_URL), with its testing routes and the bearer
// stand-in for sign-in: browser tests reach a real HTTP server over a real socket, same-origin.
// Started on the first /v1 request (PGlite's cold start takes a few seconds), closed on exit.
import { existsSync } from 'node:fs';
import { getRequestListener } from '@hono/node-server';

const entry = new URL('../server/dist/index.js', import.meta.url);
let started = null;

function start() {
  started ??= (async () => {
    if (!existsSync(entry)) {
      throw new Error('server/dist is missing: run `npm run build -w server` before the browser tests.');
    }
    const { createCheckinServer, bearerUserId } = await import(entry.href);
    const postgres = process.env.CHECKIN_TEST_DATABASE === 'postgres';
    if (postgres && !process.env.CHECKIN_TEST_DATABASE_URL) {
      throw new Error('CHECKIN_TEST_DATABASE=postgres needs CHECKIN_TEST_DATABASE_URL (see .ci/postgres.sh).');
    }
    const server = createCheckinServer({
      database: postgres ? { url: process.env.CHECKIN_TEST_DATABASE_URL, schema: 'conformance' } : { memory: true },
      authenticate: bearerUserId,
      testing: true,
      tickMs: 0,
      heartbeatMs: 1000,
    });
    await server.ready;
    process.once('exit', () => void server.close());
    return { server, listener: getRequestListener((request) => server.fetch(request)) };
  })();
  return started;
}

/** Koa middleware for web-test-runner: /v1/* goes to the reference server. */
export async function referenceServer(context, next) {
  if (!context.path.startsWith('/v1/') && context.path !== '/v1') return next();
  const { listener } = await start();
  context.respond = false;
  await listener(context.req, context.res);
}
