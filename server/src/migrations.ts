/**
 * The schema, as versioned migrations run at start (each once, in order, recorded in
 * `schema_migrations`). Several instances starting at once take turns on an advisory lock.
 * Documents (contracts, settings, check-ins, activity) are the model's JSON shapes in `jsonb`;
 * the columns beside them are what queries filter and sort on.
 */
import type { Database } from './db.js';

// Advisory lock keys of this server (one bigint namespace per database).
export const LOCK_MIGRATIONS = 7_245_000;
export const LOCK_EVENTS = 7_245_001;

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'contracts, check-ins, idempotency, events, notifications',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        doc jsonb NOT NULL
      );
      CREATE TABLE contracts (
        id text PRIMARY KEY,
        ord bigserial NOT NULL,
        client_id text NOT NULL,
        talent_id text NOT NULL,
        doc jsonb NOT NULL
      );
      CREATE INDEX contracts_client ON contracts (client_id, ord);
      CREATE INDEX contracts_talent ON contracts (talent_id, ord);
      CREATE TABLE observers (
        contract_id text NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
        user_id text NOT NULL,
        PRIMARY KEY (contract_id, user_id)
      );
      -- One row per contract: the row writes lock, and the settings and clocks of its rules.
      CREATE TABLE contract_state (
        contract_id text PRIMARY KEY REFERENCES contracts (id) ON DELETE CASCADE,
        settings jsonb,
        active_since text,
        schedule_changed_at text,
        last_request_at text
      );
      CREATE TABLE checkins (
        contract_id text NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
        id text NOT NULL,
        due_at timestamptz NOT NULL,
        doc jsonb NOT NULL,
        PRIMARY KEY (contract_id, id)
      );
      CREATE INDEX checkins_by_due ON checkins (contract_id, due_at DESC, id DESC);
      CREATE TABLE activity (
        contract_id text NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
        id text NOT NULL,
        at timestamptz NOT NULL,
        doc jsonb NOT NULL,
        PRIMARY KEY (contract_id, id)
      );
      -- A write's response, replayed for a repeat of its key; expires after 24 hours. The body
      -- is json, not jsonb, so a replay sends the very bytes of the first answer.
      CREATE TABLE idempotency (
        user_id text NOT NULL,
        method text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status integer NOT NULL,
        body json NOT NULL,
        etag text,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, method, key)
      );
      CREATE INDEX idempotency_by_age ON idempotency (created_at);
      -- The live events; inserts are serialised by an advisory lock, so seq order is commit order.
      CREATE TABLE events (
        seq bigserial PRIMARY KEY,
        contract_id text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX events_by_contract ON events (contract_id, seq);
      -- The transactional outbox: written with the effect, delivered after commit.
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        contract_id text NOT NULL,
        kind text NOT NULL,
        checkin_id text,
        recipient_id text NOT NULL,
        actor jsonb NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz
      );
      CREATE INDEX notifications_pending ON notifications (id) WHERE delivered_at IS NULL;
      CREATE TABLE policy (
        id integer PRIMARY KEY CHECK (id = 1),
        doc jsonb NOT NULL
      );
      -- Small facts of the server, e.g. the newest event seq pruned.
      CREATE TABLE server_state (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
];

/** Applies every migration not applied yet; returns the versions it applied. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_MIGRATIONS]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
