// Mounts the reference server (server/dist, built by `npm run build -w server`) in the test
// runner's own origin, so browser tests reach a real HTTP server over a real socket, same-origin:
// /v1/* goes to the instance "main"; /srv/<name>/v1/* to an instance of its own (test files run
// side by side, each on its own database). PGlite in memory, or with CHECKIN_TEST_DATABASE=
// postgres the PostgreSQL server of CHECKIN_TEST_DATABASE_URL (a schema per instance); the
// testing routes and the bearer stand-in for sign-in are on. An instance named disk-* keeps its
// PGlite data in a folder, so it can be restarted.
//
// Test-only controls per instance, outside the server's own routes:
//   GET  /srv/<name>/_log       the requests the server received ({method, path, user}), DELETE clears
//   POST /srv/<name>/_faults    queue a fault for the next matching request (DELETE clears):
//        {match: 'PUT /answers', status: 503, retryAfter: 1} | {match, hang: true} |
//        {match, malformed: true} (200 with broken JSON) | {match, dropAfterMs} (connection cut) |
//        {match, loseResponse: true} (the server does the work; its answer is lost on the way);
//        `times: n` repeats it for the next n matching requests
//   POST /srv/<name>/_restart   close the server and open it again on the same data
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';

const entry = new URL('../server/dist/index.js', import.meta.url);
const instances = new Map();

async function open(name, dataDir) {
  if (!existsSync(entry)) {
    throw new Error('server/dist is missing: run `npm run build -w server` before the browser tests.');
  }
  const { createCheckinServer, bearerUserId } = await import(entry.href);
  const postgres = process.env.CHECKIN_TEST_DATABASE === 'postgres';
  if (postgres && !process.env.CHECKIN_TEST_DATABASE_URL) {
    throw new Error('CHECKIN_TEST_DATABASE=postgres needs CHECKIN_TEST_DATABASE_URL (see .ci/postgres.sh).');
  }
  const schema = `t_${name.replace(/\W/g, '_')}`;
  const server = createCheckinServer({
    database: postgres
      ? { url: process.env.CHECKIN_TEST_DATABASE_URL, schema }
      : dataDir
        ? { dataDir }
        : { memory: true },
    authenticate: bearerUserId,
    testing: true,
    tickMs: 0,
    heartbeatMs: 1000,
  });
  await server.ready;
  return { server, listener: getRequestListener((request) => server.fetch(request)) };
}

function instance(name) {
  let found = instances.get(name);
  if (!found) {
    const dataDir = name.startsWith('disk-') ? mkdtempSync(join(tmpdir(), 'checkin-test-')) : undefined;
    found = { name, dataDir, log: [], faults: [], opened: open(name, dataDir) };
    instances.set(name, found);
  }
  return found;
}

process.once('exit', () => {
  for (const found of instances.values()) void found.opened.then(({ server }) => server.close());
});

const readBody = (req) =>
  new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text ? JSON.parse(text) : {}));
  });

const readRaw = (req) =>
  new Promise((resolve) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });

function takeFault(found, method, path) {
  const index = found.faults.findIndex((f) => {
    const [m, part] = f.match.split(' ');
    return (m === '*' || m === method) && path.includes(part);
  });
  if (index < 0) return null;
  const fault = found.faults[index];
  fault.times = (fault.times ?? 1) - 1;
  if (fault.times <= 0) found.faults.splice(index, 1);
  return fault;
}

/** Koa middleware for web-test-runner. */
export async function referenceServer(context, next) {
  const prefixed = /^\/srv\/([\w-]+)(\/.*)$/.exec(context.path);
  if (!prefixed && !context.path.startsWith('/v1/')) return next();
  const found = instance(prefixed ? prefixed[1] : 'main');
  const path = prefixed ? prefixed[2] : context.path;
  const method = context.method;

  if (path === '/_log') {
    if (method === 'DELETE') found.log.length = 0;
    context.body = found.log;
    return;
  }
  if (path === '/_faults') {
    if (method === 'POST') found.faults.push(await readBody(context.req));
    if (method === 'DELETE') found.faults.length = 0;
    context.status = 204;
    return;
  }
  if (path === '/_restart' && method === 'POST') {
    const { server } = await found.opened;
    await server.close();
    found.opened = open(found.name, found.dataDir);
    await found.opened;
    context.status = 204;
    return;
  }
  if (!path.startsWith('/v1/')) return next();

  const { listener } = await found.opened;
  const user = /^Bearer\s+(\S+)/i.exec(context.get('authorization'))?.[1] ?? null;
  if (!path.startsWith('/v1/_testing/')) found.log.push({ method, path, user });
  const fault = takeFault(found, method, path);
  if (fault?.status) {
    context.status = fault.status;
    if (fault.retryAfter !== undefined) context.set('Retry-After', String(fault.retryAfter));
    context.type = 'application/problem+json';
    context.body = {
      type: 'about:blank',
      title: 'Injected',
      status: fault.status,
      code: fault.status >= 500 ? 'unavailable' : 'invalid',
      detail: `Injected ${fault.status}.`,
    };
    return;
  }
  if (fault?.hang) {
    // Never answers; the socket closes when the client gives up.
    context.respond = false;
    return new Promise((resolve) => context.req.on('close', resolve));
  }
  if (fault?.malformed) {
    context.type = 'application/json';
    context.body = '{"items": [';
    return;
  }
  if (fault?.loseResponse) {
    const { server } = await found.opened;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readRaw(context.req);
    const url = `http://${context.host}${path}${context.querystring ? `?${context.querystring}` : ''}`;
    await server.fetch(new Request(url, { method, headers: context.req.headers, body }));
    context.respond = false;
    context.req.socket.destroy();
    return;
  }
  context.respond = false;
  context.req.url = path + (context.querystring ? `?${context.querystring}` : '');
  if (fault?.dropAfterMs !== undefined) setTimeout(() => context.res.destroy(), fault.dropAfterMs);
  await listener(context.req, context.res);
}
