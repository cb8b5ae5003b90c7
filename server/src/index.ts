/**
 * The reference server of checkin-elements: `createCheckinServer(options)` gives a `fetch`
 * handler (mount it in any Node or WinterCG host) for the v1 wire, on PGlite or PostgreSQL.
 */
import type { MemoryData } from '../../src/adapters/memory.js';
import type { Policy } from '../../src/model.js';
import { createApp, type Authenticate } from './app.js';
import { openDatabase, type Database, type DatabaseOptions } from './db.js';
import { EventHub, PRUNED_KEY } from './events.js';
import { errorResponse, problem } from './http.js';
import { migrate } from './migrations.js';
import { deliver as deliverOutbox, type CheckinNotification } from './outbox.js';
import { Service } from './service.js';
import { json, seedData, wipe } from './storage.js';

export type { Authenticate } from './app.js';
export type { Database, DatabaseOptions, Queryable } from './db.js';
export type { CheckinNotification } from './outbox.js';
export { MIGRATIONS, migrate } from './migrations.js';
export { openDatabase } from './db.js';

export interface CheckinServerOptions {
  /**
   * PGlite in memory (the default), PGlite on a data folder, a PostgreSQL server, or an open
   * `Database` (from `openDatabase`) that the caller owns and closes.
   */
  database?: DatabaseOptions | Database;
  /** The signed-in person's id, or null (401). The host's own authentication. */
  authenticate: Authenticate;
  /** Milliseconds since the epoch (tests inject one); default the real time. */
  clock?: () => number;
  /** Receives each notification of the outbox after its transaction committed. */
  notify?: (notification: CheckinNotification) => unknown;
  /** The policy in force (consent, cooldown, eligibility), stored at start. */
  policy?: Partial<Policy>;
  /** Development and test controls: `setClock` and the `/v1/_testing/*` routes. Off by default. */
  testing?: boolean;
  /** Milliseconds between `: ping` comments on event streams (default 15 s). */
  heartbeatMs?: number;
  /** Milliseconds between maintenance runs: due check-ins, statuses, expiry, delivery (default 60 s; 0: none). */
  tickMs?: number;
  /** Events older than this are pruned; a stream resuming before them gets `event: reset` (default 7 days). */
  eventRetentionMs?: number;
}

export interface CheckinServer {
  /** Answers one request of the wire (waits for the database to be ready). */
  fetch(request: Request): Promise<Response>;
  /** Resolves when the database is open and migrated. */
  readonly ready: Promise<void>;
  /** Adds `data` (contracts, people, settings, check-ins), replacing the contracts it names. */
  seed(data: MemoryData): Promise<void>;
  /** Removes everything, then seeds `data` (testing: also sets the clock to `data.now`). */
  reset(data: MemoryData & { now?: string | null }): Promise<void>;
  /** Testing only: freezes the clock at `instant` (null: real time again), then brings every contract up to it. */
  setClock(instant: string | number | null): Promise<void>;
  /** One maintenance run now: due check-ins and statuses, expired keys and events, delivery. */
  tick(): Promise<void>;
  /** The database, e.g. for a host's own queries or a test's look at the rows. */
  database(): Promise<Database>;
  /** How many event streams are open. */
  readonly streams: number;
  /** Ends the event streams and timers, waits for requests under way, closes the database. */
  close(): Promise<void>;
}

const DAY = 86_400_000;

/** The development stand-in for sign-in: `Authorization: Bearer <userId>`. Never for production. */
export function bearerUserId(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match ? match[1]! : null;
}

export function createCheckinServer(options: CheckinServerOptions): CheckinServer {
  let frozen: number | null = null;
  const clock = () => frozen ?? options.clock?.() ?? Date.now();
  let closing = false;
  const pending = new Set<Promise<unknown>>();
  let db: Database | null = null;
  let hub: EventHub | null = null;
  let service: Service | null = null;
  let handler: ((request: Request) => Response | Promise<Response>) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  let delivering: Promise<unknown> = Promise.resolve();

  const deliver = () => {
    if (!options.notify || !db) return;
    const notify = options.notify;
    const open = db;
    delivering = delivering
      .then(() => deliverOutbox(open, clock, notify))
      .catch((error) => {
        console.error('checkin-server: delivering notifications failed:', error);
      });
  };

  const ready = (async () => {
    const given = options.database;
    db = given && 'transaction' in given ? given : await openDatabase(given ?? { memory: true });
    await migrate(db);
    if (options.policy) {
      await db.query(
        `INSERT INTO policy (id, doc) VALUES (1, $1::jsonb)
         ON CONFLICT (id) DO UPDATE SET doc = policy.doc || EXCLUDED.doc`,
        [json(options.policy)],
      );
    }
    hub = new EventHub(db, { heartbeatMs: options.heartbeatMs });
    const events = hub;
    service = new Service(db, clock, (contractId) => events.wake(contractId), deliver);
    // Other instances on the same PostgreSQL announce their events by contract id.
    if (db.kind === 'postgres') {
      unlisten = await db.listen(`checkin_events_${db.namespace}`, (contractId) => events.wake(contractId));
    }
    const app = createApp({
      service,
      hub,
      authenticate: options.authenticate,
      clock,
      closing: () => closing,
      testing: options.testing
        ? { reset: (data) => server.reset(data), setClock: (at) => server.setClock(at) }
        : undefined,
    });
    handler = (request) => app.fetch(request);
    const every = options.tickMs ?? 60_000;
    if (every > 0) {
      timer = setInterval(
        () => void server.tick().catch((e) => console.error('checkin-server: maintenance failed:', e)),
        every,
      );
      timer.unref?.();
    }
  })();
  ready.catch((error) => console.error('checkin-server: the database could not be opened:', error));

  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => {});
    return work;
  };
  const started = async () => {
    await ready;
    return { db: db!, service: service! };
  };

  const server: CheckinServer = {
    ready,
    fetch: (request) =>
      track(
        (async () => {
          if (closing) return problem(503, 'unavailable', 'The check-in service is shutting down.', { retryAfter: 5 });
          try {
            await ready;
          } catch {
            return problem(503, 'unavailable', 'The check-in service cannot open its storage.', { retryAfter: 5 });
          }
          try {
            return await handler!(request);
          } catch (error) {
            return errorResponse(error, clock());
          }
        })(),
      ),
    seed: async (data) => {
      const { db } = await started();
      await db.transaction((tx) => seedData(tx, data, clock));
    },
    reset: async (data) => {
      const { db } = await started();
      if (options.testing && data.now) frozen = Date.parse(data.now);
      await db.transaction(async (tx) => {
        await wipe(tx);
        await seedData(tx, data, clock);
      });
    },
    setClock: async (instant) => {
      if (!options.testing) throw new Error('setClock needs a server created with testing: true.');
      const at = instant === null ? null : new Date(instant).getTime();
      if (at !== null && Number.isNaN(at))
        throw new RangeError(`setClock needs an instant, got ${JSON.stringify(instant)}.`);
      frozen = at;
      await server.tick();
    },
    tick: async () => {
      const { db, service } = await started();
      const now = clock();
      const contracts = await db.query<{ id: string }>('SELECT id FROM contracts ORDER BY ord');
      for (const { id } of contracts) await service.refresh(id);
      await db.query(`DELETE FROM idempotency WHERE created_at < $1::timestamptz - interval '24 hours'`, [
        new Date(now).toISOString(),
      ]);
      await pruneEvents(db, now - (options.eventRetentionMs ?? 7 * DAY));
      deliver();
      await delivering;
    },
    database: async () => (await started()).db,
    get streams() {
      return hub?.size ?? 0;
    },
    close: async () => {
      if (closing) return;
      closing = true;
      if (timer) clearInterval(timer);
      hub?.close();
      await Promise.allSettled([...pending]);
      await delivering;
      await unlisten?.();
      await ready.catch(() => {});
      const owned = !(options.database && 'transaction' in options.database);
      if (owned) await db?.close().catch(() => {});
    },
  };
  return server;
}

/** Deletes events made before `before` and remembers the newest seq deleted. */
async function pruneEvents(db: Database, before: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ seq: number | null }>(
      `WITH gone AS (DELETE FROM events WHERE created_at < $1::timestamptz RETURNING seq)
       SELECT max(seq)::float8 AS seq FROM gone`,
      [new Date(before).toISOString()],
    );
    if (row?.seq == null) return;
    await tx.query(
      `INSERT INTO server_state (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = greatest(server_state.value::float8, EXCLUDED.value::float8)::text`,
      [PRUNED_KEY, String(row.seq)],
    );
  });
}
