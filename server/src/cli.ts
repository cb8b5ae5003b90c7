#!/usr/bin/env node
/**
 * `checkin-server`: runs the reference server on a port (PORT, default 8787), on PGlite in
 * .data/ (CHECKIN_DATA_DIR) or on DATABASE_URL. `--dev` turns on the development sign-in
 * (`Authorization: Bearer <userId>`), the /v1/_testing routes and the demo data; otherwise
 * `--auth <module>` names a module whose `authenticate(request)` says who is signed in.
 */
import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { seedDemo } from '../../src/adapters/memory.js';
import { bearerUserId, createCheckinServer, type Authenticate } from './index.js';

const say = (message: string) => console.log(`checkin-server: ${message}`);

const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    auth: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
});

let authenticate: Authenticate;
if (values.auth) {
  const module = await import(pathToFileURL(resolve(values.auth)).href);
  authenticate = module.authenticate ?? module.default;
  if (typeof authenticate !== 'function') {
    console.error(`checkin-server: ${values.auth} exports no authenticate(request) function.`);
    process.exit(2);
  }
} else if (values.dev) {
  authenticate = bearerUserId;
} else {
  console.error(
    'checkin-server: say who is signed in: --auth <module> (exporting authenticate), or --dev for the development sign-in.',
  );
  process.exit(2);
}

const port = Number(values.port ?? process.env.PORT ?? 8787);
const hostname = values.host ?? process.env.HOST ?? 'localhost';
const url = process.env.DATABASE_URL;
const dataDir = resolve(process.env.CHECKIN_DATA_DIR ?? '.data');
const started = performance.now();
say(
  url
    ? 'connecting to PostgreSQL (DATABASE_URL)…'
    : `opening the embedded database in ${dataDir} (PGlite; the first start creates it, which takes several seconds)…`,
);
const server = createCheckinServer({
  database: url ? { url } : { dataDir },
  authenticate,
  testing: values.dev,
  notify: values.dev
    ? (n) => say(`notify ${n.recipient.name}: ${n.kind} on ${n.checkinId} (from ${n.actor.name})`)
    : undefined,
});
try {
  await server.ready;
} catch (error) {
  console.error(`checkin-server: the database could not be opened: ${(error as Error).message}`);
  process.exit(1);
}
say(`database ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (values.dev) {
  const db = await server.database();
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM contracts');
  if (!row?.n) {
    await server.seed(seedDemo());
    say('seeded the demo contracts (c-atlas, c-logo, c-nova; people u-dana, u-kofi, u-omar, u-eve)');
  }
  say('development sign-in is on: send "Authorization: Bearer <userId>"; /v1/_testing/* routes are on');
}

const http = serve({ fetch: server.fetch, port, hostname }, (info) => {
  say(`listening on http://${hostname}:${info.port}/v1 (Ctrl+C to stop)`);
});

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  say(`${signal}: closing event streams and the database…`);
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  await server.close();
  http.close();
  (http as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  say('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
