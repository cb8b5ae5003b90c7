/**
 * The rules, run per request on the memory backend's own code: in one transaction the
 * contract's slice is loaded (its state row locked for writes), a `MemoryStore` built on it
 * answers the call, and what changed is written back with the idempotency record, the event
 * rows and the notification rows. Nothing here re-implements a rule of the contract.
 */
import type { CheckinEvent } from '../../src/adapters/adapter.js';
import type { MemoryData, MemorySession } from '../../src/adapters/memory.js';
import { MemoryStore } from '../../src/adapters/memory.js';
import type { Settings } from '../../src/model.js';
import { CheckinError } from '../../src/model.js';
import type { Database, Queryable } from './db.js';
import { LOCK_EVENTS } from './migrations.js';
import { insertNotes, notificationsOf } from './outbox.js';
import { json, loadContractSlice, loadViewerSlice, saveSlice, type Saved } from './storage.js';

export type Method = Exclude<keyof MemorySession, 'subscribe'>;

/** One call of the wire: who, what, on which contract, with the arguments after the contract id. */
export interface Call {
  userId: string;
  method: Method;
  contractId?: string;
  args: unknown[];
  idempotencyKey?: string;
}

/** The HTTP answer of a call, as stored for an idempotent replay. */
export interface Outcome {
  status: number;
  body: unknown;
  etag: string | null;
}

/** A failure with a status the adapter's code alone does not decide (412, 422). */
export class WireError extends CheckinError {
  readonly status: number;
  constructor(status: number, code: CheckinError['code'], message: string) {
    super(code, message);
    this.status = status;
  }
}

const WRITES = new Set<Method>([
  'updateSettings',
  'submitAnswers',
  'skipCheckin',
  'acknowledge',
  'requestUpdate',
  'reply',
]);
const CREATED = new Set<Method>(['reply', 'requestUpdate']);
const WITH_ACTIVITY = new Set<Method>(['updateSettings', 'listHistory']);
const IDEMPOTENCY_TTL = "interval '24 hours'";

const iso = (ms: number) => new Date(ms).toISOString();
/** The memory store's own record name for an idempotent write. */
const recordName = (call: Call) => JSON.stringify([call.userId, call.method, call.idempotencyKey]);

function outcomeOf(method: Method, result: unknown): Outcome {
  const etag = method === 'getSettings' || method === 'updateSettings' ? `"${(result as Settings).version}"` : null;
  return { status: CREATED.has(method) ? 201 : 200, body: result, etag };
}

interface Prior {
  fingerprint: string;
  status: number;
  body: unknown;
  etag: string | null;
}

interface Done {
  outcome: Outcome;
  events: number;
  notifications: number;
}

export class Service {
  private readonly inFlight = new Set<string>();

  constructor(
    readonly db: Database,
    readonly clock: () => number,
    /** Told after each commit that wrote events about a contract. */
    private readonly onEvents: (contractId: string) => void,
    /** Told after each commit that wrote notification rows. */
    private readonly onNotifications: () => void,
  ) {}

  /** Runs one call of the wire in one transaction and returns its HTTP answer. */
  async run(call: Call): Promise<Outcome> {
    const slot = call.idempotencyKey === undefined ? null : recordName(call);
    if (slot !== null) {
      if (this.inFlight.has(slot)) {
        throw new CheckinError('conflict', 'This request is still being processed. Wait for its answer.');
      }
      this.inFlight.add(slot);
    }
    try {
      const done = await this.db.transaction((tx) => this.serve(tx, call));
      if (done.events && call.contractId) this.onEvents(call.contractId);
      if (done.notifications) this.onNotifications();
      return done.outcome;
    } finally {
      if (slot !== null) this.inFlight.delete(slot);
    }
  }

  /**
   * Brings one contract up to the clock under its lock: check-ins that came due are created,
   * statuses that time moved are stored and announced (the timer and the testing clock).
   */
  async refresh(contractId: string): Promise<void> {
    const done = await this.db.transaction((tx) => this.serve(tx, null, contractId));
    if (done.events) this.onEvents(contractId);
    if (done.notifications) this.onNotifications();
  }

  private async serve(tx: Queryable, call: Call | null, refreshId?: string): Promise<Done> {
    const now = this.clock();
    if (call?.method === 'getViewer') {
      const data = await loadViewerSlice(tx, call.userId, call.contractId);
      const store = new MemoryStore(data, { clock: () => now });
      return {
        outcome: outcomeOf('getViewer', store.session(call.userId).getViewer(call.contractId)),
        events: 0,
        notifications: 0,
      };
    }
    const id = (call?.contractId ?? refreshId)!;
    const write = !call || WRITES.has(call.method);
    const before = await loadContractSlice(tx, {
      userId: call?.userId ?? '',
      contractId: id,
      lock: write ? 'update' : 'share',
      activity: !!call && WITH_ACTIVITY.has(call.method),
    });
    const prior = call && call.idempotencyKey !== undefined ? await this.loadPrior(tx, call, now) : null;
    if (prior)
      before.idempotency![recordName(call!)] = { fingerprint: prior.fingerprint, result: prior.body, at: iso(now) };

    const store = new MemoryStore(before, { clock: () => now });
    const emitted: CheckinEvent[] = [];
    store.subscribe(id, (event) => emitted.push(event));
    let outcome: Outcome | null = null;
    if (call) {
      let result: unknown;
      try {
        result = invoke(store, call);
      } catch (error) {
        throw this.explain(error, before, call, prior, now);
      }
      outcome = prior ? { status: prior.status, body: prior.body, etag: prior.etag } : outcomeOf(call.method, result);
    }
    // The store hands events to listeners in microtasks; let them run.
    await Promise.resolve();
    await Promise.resolve();
    const after = store.snapshot();
    const saved = before.contracts.length
      ? await saveSlice(tx, id, before, after, write)
      : { created: [], statusChanged: [] };

    const events = timeEvents(saved, emitted).concat(emitted);
    if (call && outcome && !prior && call.idempotencyKey !== undefined) {
      const record = after.idempotency?.[recordName(call)];
      await tx.query(
        `INSERT INTO idempotency (user_id, method, key, fingerprint, status, body, etag, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::json, $7, $8::timestamptz)
         ON CONFLICT (user_id, method, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
           status = EXCLUDED.status, body = EXCLUDED.body, etag = EXCLUDED.etag, created_at = EXCLUDED.created_at`,
        [
          call.userId,
          call.method,
          call.idempotencyKey,
          record?.fingerprint ?? '',
          outcome.status,
          json(outcome.body),
          outcome.etag,
          iso(now),
        ],
      );
    }
    if (events.length) {
      // One writer of events at a time, so their seq order is their commit order: a reader
      // that has seen seq n never later finds a smaller one.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_EVENTS]);
      for (const event of events) {
        await tx.query(
          'INSERT INTO events (contract_id, payload, created_at) VALUES ($1, $2::jsonb, $3::timestamptz)',
          [id, json(event), iso(now)],
        );
      }
      await tx.query('SELECT pg_notify($1, $2)', [`checkin_events_${this.db.namespace}`, id]);
    }
    const contract = before.contracts[0];
    const notes = contract ? notificationsOf(contract, saved, call && !prior ? call : null, outcome) : [];
    await insertNotes(tx, id, notes, iso(now));
    return {
      outcome: outcome ?? { status: 204, body: null, etag: null },
      events: events.length,
      notifications: notes.length,
    };
  }

  private async loadPrior(tx: Queryable, call: Call, now: number): Promise<Prior | null> {
    const [row] = await tx.query<Prior>(
      `SELECT fingerprint, status, body, etag FROM idempotency
        WHERE user_id = $1 AND method = $2 AND key = $3 AND created_at > $4::timestamptz - ${IDEMPOTENCY_TTL}`,
      [call.userId, call.method, call.idempotencyKey, iso(now)],
    );
    return row ?? null;
  }

  /**
   * Turns the store's answer into the wire's: a stale settings version is 412, and a key used
   * before for another request is 422 (told apart by running the call once without the record).
   */
  private explain(error: unknown, before: MemoryData, call: Call, prior: Prior | null, now: number): unknown {
    if (!(error instanceof CheckinError)) return error;
    if (error.code === 'conflict' && call.method === 'updateSettings' && call.contractId) {
      const version = before.settings[call.contractId]?.version ?? 1;
      const expected = (call.args[1] as { expectedVersion?: unknown })?.expectedVersion;
      if (expected !== version) return new WireError(412, 'conflict', error.message);
    }
    if (error.code === 'invalid' && prior) {
      const fresh = structuredClone(before);
      fresh.idempotency = {};
      try {
        invoke(new MemoryStore(fresh, { clock: () => now }), call);
      } catch (again) {
        if (again instanceof CheckinError && again.message === error.message) return error;
      }
      return new WireError(422, 'invalid', error.message);
    }
    return error;
  }
}

function invoke(store: MemoryStore, call: Call): unknown {
  const session = store.session(call.userId) as unknown as Record<Method, (...args: unknown[]) => unknown>;
  return session[call.method](call.contractId, ...call.args);
}

/** Events for what time did (check-ins created, statuses moved) that the store did not announce. */
function timeEvents(saved: Saved, emitted: CheckinEvent[]): CheckinEvent[] {
  const told = new Set(emitted.flatMap((e) => (e.type === 'checkin' ? [e.checkin.id] : [])));
  return [...saved.created, ...saved.statusChanged]
    .filter((checkin) => !told.has(checkin.id))
    .map((checkin) => ({ type: 'checkin' as const, checkin }));
}
