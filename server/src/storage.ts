/**
 * The rows of one contract as the memory backend's `MemoryData` and back: a request loads its
 * contract's slice, runs the memory store's own rules on it, and writes back what changed.
 * Instants are kept as the model's ISO strings inside the documents; the `timestamptz`
 * columns beside them are for sorting and expiry.
 */
import type { Activity, Checkin, Contract, Policy } from '../../src/model.js';
import { DEFAULT_POLICY } from '../../src/model.js';
import type { MemoryData } from '../../src/adapters/memory.js';
import { MemoryStore } from '../../src/adapters/memory.js';
import type { Queryable } from './db.js';

export const json = (value: unknown) => JSON.stringify(value);

/** What a request reads: its contract (or, for the viewer, the person's contracts). */
export interface Scope {
  userId: string;
  contractId?: string;
  /** `update` for writes, `share` for reads that may materialise check-ins, `none` for the viewer. */
  lock: 'update' | 'share' | 'none';
  /** Also load the activity entries (history and settings changes need them). */
  activity: boolean;
}

export interface StateRow {
  settings: MemoryData['settings'][string] | null;
  active_since: string | null;
  schedule_changed_at: string | null;
  last_request_at: string | null;
}

export async function loadPolicy(tx: Queryable): Promise<Policy> {
  const [row] = await tx.query<{ doc: Policy }>('SELECT doc FROM policy WHERE id = 1');
  return { ...DEFAULT_POLICY, ...row?.doc };
}

const emptyData = (policy: Policy): MemoryData => ({
  users: [],
  contracts: [],
  observers: {},
  settings: {},
  checkins: {},
  lastRequestAt: {},
  policy,
  activeSince: {},
  scheduleChangedAt: {},
  activity: {},
  idempotency: {},
  now: null,
});

/** The viewer's slice: the person and the contracts `getViewer` chooses among. */
export async function loadViewerSlice(tx: Queryable, userId: string, contractId?: string): Promise<MemoryData> {
  const data = emptyData(await loadPolicy(tx));
  const users = await tx.query<{ doc: MemoryData['users'][number] }>('SELECT doc FROM users WHERE id = $1', [userId]);
  data.users = users.map((r) => r.doc);
  const contracts = await tx.query<{ doc: Contract }>(
    `SELECT doc FROM contracts WHERE id = $2 OR client_id = $1 OR talent_id = $1 ORDER BY ord`,
    [userId, contractId ?? null],
  );
  data.contracts = contracts.map((r) => r.doc);
  if (contractId) {
    const observers = await tx.query<{ user_id: string }>(
      'SELECT user_id FROM observers WHERE contract_id = $1 AND user_id = $2',
      [contractId, userId],
    );
    data.observers[contractId] = observers.map((r) => r.user_id);
  }
  return data;
}

/**
 * One contract's slice, its state row locked as `scope.lock` says. A contract that does not
 * exist gives an empty slice: the store then answers `not-found` itself.
 */
export async function loadContractSlice(tx: Queryable, scope: Scope & { contractId: string }): Promise<MemoryData> {
  const id = scope.contractId;
  const lock = scope.lock === 'update' ? ' FOR UPDATE' : scope.lock === 'share' ? ' FOR SHARE' : '';
  const [state] = await tx.query<StateRow>(
    `SELECT settings, active_since, schedule_changed_at, last_request_at
       FROM contract_state WHERE contract_id = $1${lock}`,
    [id],
  );
  const data = emptyData(await loadPolicy(tx));
  const [contract] = await tx.query<{ doc: Contract }>('SELECT doc FROM contracts WHERE id = $1', [id]);
  if (!contract) return data;
  data.contracts = [contract.doc];
  const observers = await tx.query<{ user_id: string }>('SELECT user_id FROM observers WHERE contract_id = $1', [id]);
  data.observers[id] = observers.map((r) => r.user_id);
  if (state?.settings) data.settings[id] = state.settings;
  data.activeSince![id] = state?.active_since ?? null;
  if (state?.schedule_changed_at) data.scheduleChangedAt![id] = state.schedule_changed_at;
  if (state?.last_request_at) data.lastRequestAt[id] = state.last_request_at;
  const checkins = await tx.query<{ doc: Checkin }>(
    'SELECT doc FROM checkins WHERE contract_id = $1 ORDER BY due_at DESC, id DESC',
    [id],
  );
  data.checkins[id] = checkins.map((r) => r.doc);
  if (scope.activity) {
    const activity = await tx.query<{ doc: Activity }>(
      'SELECT doc FROM activity WHERE contract_id = $1 ORDER BY at DESC, id DESC',
      [id],
    );
    data.activity![id] = activity.map((r) => r.doc);
  }
  return data;
}

/** What writing a slice back did: check-ins this transaction created, and those whose status moved. */
export interface Saved {
  created: Checkin[];
  statusChanged: Checkin[];
}

/**
 * Writes back what the store changed in contract `id`. Reads only insert the check-ins that
 * came due (`ON CONFLICT DO NOTHING`: the ids are deterministic, so two readers insert one
 * row); writes hold the contract's lock and also store changed settings, check-ins and activity.
 */
export async function saveSlice(
  tx: Queryable,
  id: string,
  before: MemoryData,
  after: MemoryData,
  write: boolean,
): Promise<Saved> {
  const saved: Saved = { created: [], statusChanged: [] };
  const old = new Map((before.checkins[id] ?? []).map((c) => [c.id, c]));
  for (const checkin of after.checkins[id] ?? []) {
    const prior = old.get(checkin.id);
    if (!prior) {
      const rows = await tx.query<{ inserted: boolean }>(
        `INSERT INTO checkins (contract_id, id, due_at, doc) VALUES ($1, $2, $3::timestamptz, $4::jsonb)
         ON CONFLICT (contract_id, id) DO ${write ? 'UPDATE SET doc = EXCLUDED.doc' : 'NOTHING'}
         RETURNING (xmax::text = '0') AS inserted`,
        [id, checkin.id, checkin.dueAt, json(checkin)],
      );
      if (rows[0]?.inserted) saved.created.push(checkin);
    } else if (write && json(prior) !== json(checkin)) {
      await tx.query('UPDATE checkins SET doc = $3::jsonb WHERE contract_id = $1 AND id = $2', [
        id,
        checkin.id,
        json(checkin),
      ]);
      if (prior.status !== checkin.status) saved.statusChanged.push(checkin);
    }
  }
  if (!write) return saved;
  const known = new Set((before.activity?.[id] ?? []).map((a) => a.id));
  for (const entry of after.activity?.[id] ?? []) {
    if (known.has(entry.id)) continue;
    await tx.query(
      `INSERT INTO activity (contract_id, id, at, doc) VALUES ($1, $2, $3::timestamptz, $4::jsonb)
       ON CONFLICT (contract_id, id) DO UPDATE SET doc = EXCLUDED.doc`,
      [id, entry.id, entry.at, json(entry)],
    );
  }
  const state = (data: MemoryData) => [
    data.settings[id] ? json(data.settings[id]) : null,
    data.activeSince?.[id] ?? null,
    data.scheduleChangedAt?.[id] ?? null,
    data.lastRequestAt[id] ?? null,
  ];
  if (json(state(before)) !== json(state(after))) {
    await tx.query(
      `UPDATE contract_state SET settings = $2::jsonb, active_since = $3, schedule_changed_at = $4,
         last_request_at = $5 WHERE contract_id = $1`,
      [id, ...state(after)],
    );
  }
  return saved;
}

const TABLES =
  'users, contracts, observers, contract_state, checkins, activity, idempotency, events, notifications, policy, server_state';

/** Removes every row (and restarts the event sequence). */
export async function wipe(tx: Queryable): Promise<void> {
  await tx.query(`TRUNCATE ${TABLES} RESTART IDENTITY CASCADE`);
}

/**
 * Loads `source` (replacing the contracts and people it names): normalised by the memory
 * store first, at the clock, so it is stored exactly as the store would keep it.
 */
export async function seedData(tx: Queryable, source: MemoryData, clock: () => number): Promise<void> {
  const data = new MemoryStore(source, { clock }).snapshot();
  for (const user of data.users) {
    await tx.query(
      'INSERT INTO users (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc',
      [user.id, json(user)],
    );
  }
  await tx.query(
    'INSERT INTO policy (id, doc) VALUES (1, $1::jsonb) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc',
    [json(data.policy)],
  );
  for (const contract of data.contracts) {
    const id = contract.id;
    await tx.query(
      `INSERT INTO contracts (id, client_id, talent_id, doc) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (id) DO UPDATE SET client_id = EXCLUDED.client_id, talent_id = EXCLUDED.talent_id, doc = EXCLUDED.doc`,
      [id, contract.client.id, contract.talent.id, json(contract)],
    );
    for (const table of ['observers', 'checkins', 'activity', 'contract_state']) {
      await tx.query(`DELETE FROM ${table} WHERE contract_id = $1`, [id]);
    }
    for (const userId of new Set(data.observers[id] ?? [])) {
      await tx.query('INSERT INTO observers (contract_id, user_id) VALUES ($1, $2)', [id, userId]);
    }
    await tx.query(
      `INSERT INTO contract_state (contract_id, settings, active_since, schedule_changed_at, last_request_at)
       VALUES ($1, $2::jsonb, $3, $4, $5)`,
      [
        id,
        data.settings[id] ? json(data.settings[id]) : null,
        data.activeSince?.[id] ?? null,
        data.scheduleChangedAt?.[id] ?? null,
        data.lastRequestAt[id] ?? null,
      ],
    );
    for (const checkin of data.checkins[id] ?? []) {
      await tx.query(
        'INSERT INTO checkins (contract_id, id, due_at, doc) VALUES ($1, $2, $3::timestamptz, $4::jsonb)',
        [id, checkin.id, checkin.dueAt, json(checkin)],
      );
    }
    for (const entry of data.activity?.[id] ?? []) {
      await tx.query('INSERT INTO activity (contract_id, id, at, doc) VALUES ($1, $2, $3::timestamptz, $4::jsonb)', [
        id,
        entry.id,
        entry.at,
        json(entry),
      ]);
    }
  }
}
