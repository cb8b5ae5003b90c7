/**
 * What the server's tests share: the targets (PGlite in memory, and PostgreSQL when
 * CHECKIN_TEST_DATABASE_URL reaches one), a server on loopback over real HTTP, and small request helpers.
 */
import { serve } from '@hono/node-server';
import { basename } from 'node:path';
import pg from 'pg';
import { bearerUserId, createCheckinServer, openDatabase } from '../dist/index.js';

export * from '../dist/test-world.js';
import { ANSWERS, FIRST } from '../dist/test-world.js';

async function postgresSkip() {
  const url = process.env.CHECKIN_TEST_DATABASE_URL;
  if (!url) return 'CHECKIN_TEST_DATABASE_URL is not set (CI starts a PostgreSQL server and sets it)';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return false;
  } catch (error) {
    return `no PostgreSQL server at CHECKIN_TEST_DATABASE_URL (${error.message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgSkip = await postgresSkip();

/**
 * The databases a test file runs on. Each file gets a schema of its own on PostgreSQL, so
 * files running in parallel never see each other's rows.
 */
export function targets(file) {
  const schema = `test_${basename(file).replace(/\W+/g, '_')}`;
  if (pgSkip && !targets.told) {
    targets.told = true;
    console.log(`PostgreSQL tests skipped: ${pgSkip}`);
  }
  return [
    { name: 'PGlite (in memory)', database: { memory: true }, skip: false },
    { name: 'PostgreSQL', database: { url: process.env.CHECKIN_TEST_DATABASE_URL, schema }, skip: pgSkip, schema },
  ];
}

/** Opens the target's database (one per test file: a PGlite cold start costs seconds). */
export function open(target) {
  return openDatabase(target.database);
}

/** Starts a server (testing on) on `db` (the test file owns it), on 127.0.0.1 at a free port. */
export async function start(db, options = {}) {
  const notifications = [];
  const server = createCheckinServer({
    database: db,
    authenticate: bearerUserId,
    testing: true,
    tickMs: 0,
    notify: (n) => notifications.push(n),
    ...options,
  });
  await server.ready;
  const http = await new Promise((resolve) => {
    const s = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${http.address().port}`;
  return {
    server,
    http,
    base,
    notifications,
    async stop() {
      await server.close();
      http.closeAllConnections?.();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/**
 * One request: `as` signs in (Bearer), `body` is sent as JSON, `key` as Idempotency-Key.
 * Resolves to { status, headers, body } with the body parsed when it is JSON.
 */
export async function call(base, method, path, { as, body, key, headers = {}, raw } = {}) {
  const h = { ...headers };
  if (as) h.authorization = `Bearer ${as}`;
  if (key) h['idempotency-key'] = key;
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['content-type'] ??= 'application/json';
  }
  const response = await fetch(base + path, { method, headers: h, body: payload });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    type,
    text,
    body: /json/.test(type) && text ? JSON.parse(text) : text,
  };
}

export const ANSWERS_BODY = { answers: ANSWERS };
export const C1 = '/v1/contracts/c-1';
export const checkinPath = (id = FIRST) => `${C1}/checkins/${id}`;

/** Milliseconds to wait, for what happens after an answer (streams, deliveries). */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens an event stream and reads it frame by frame: `next()` resolves to the next frame
 * ({ id, event, data, retry, comment }), pings skipped unless asked for; `ended` resolves when
 * the server ends the stream.
 */
export async function openStream(base, contractId, { as, lastEventId, after } = {}) {
  const controller = new AbortController();
  const headers = { accept: 'text/event-stream' };
  if (as) headers.authorization = `Bearer ${as}`;
  if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
  const query = after === undefined ? '' : `?after=${after}`;
  const response = await fetch(`${base}/v1/contracts/${contractId}/events${query}`, {
    headers,
    signal: controller.signal,
  });
  const frames = [];
  const waiting = [];
  let buffer = '';
  let ended = false;
  const push = (frame) => (waiting.length ? waiting.shift()(frame) : frames.push(frame));
  const decoder = new TextDecoder();
  const done = (async () => {
    if (!response.body || !/event-stream/.test(response.headers.get('content-type') ?? '')) return;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) frame.comment = line.slice(1).trim();
            else {
              const at = line.indexOf(':');
              const field = line.slice(0, at);
              const value = line.slice(at + 1).replace(/^ /, '');
              frame[field] = field === 'data' && frame.data !== undefined ? `${frame.data}\n${value}` : value;
            }
          }
          push(frame);
        }
      }
    } catch {
      // Aborted by the test.
    }
    ended = true;
    while (waiting.length) waiting.shift()(null);
  })();
  return {
    status: response.status,
    headers: response.headers,
    async json() {
      return response.json();
    },
    /** The next frame (null once the stream ended); rejects after `timeout` ms. */
    async next({ pings = false, timeout = 5000 } = {}) {
      for (;;) {
        const frame =
          frames.shift() ??
          (ended
            ? null
            : await new Promise((resolve, reject) => {
                const waiter = (f) => {
                  clearTimeout(timer);
                  resolve(f);
                };
                const timer = setTimeout(() => {
                  waiting.splice(waiting.indexOf(waiter), 1);
                  reject(new Error(`no event within ${timeout} ms`));
                }, timeout);
                waiting.push(waiter);
              }));
        if (frame && frame.comment !== undefined && !pings && Object.keys(frame).length === 1) continue;
        return frame;
      }
    },
    /** Every frame already received, without waiting. */
    drain() {
      return frames.splice(0).filter((f) => f.comment === undefined);
    },
    ended: done,
    close() {
      controller.abort();
      return done;
    },
  };
}
