/**
 * One small database interface, two drivers: PGlite (Postgres compiled to WebAssembly, in
 * process, a data folder or memory) and a PostgreSQL server through `pg`. Both speak the same
 * SQL; each has its own adapter (PGlite under `pg.Pool` breaks after the first failed query).
 * Result types differ between them (int8 is a number or BigInt in PGlite, a string in `pg`):
 * the queries cast in SQL.
 */
import pg from 'pg';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as the driver returns it; queries cast in SQL
export type Row = Record<string, any>;

/** What a query runs on: the database, or one transaction. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (a migration). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** The schema the tables live in, so NOTIFY channels of two schemas do not mix. */
  readonly namespace: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls `listener` with the payload of each `NOTIFY channel`; resolves to the unlisten. */
  listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { memory: true }
  | { dataDir: string }
  | {
      url: string;
      /** A schema of its own (created when missing), e.g. one per test file. */
      schema?: string;
      /** Connections in the pool (default 10). */
      max?: number;
    };

/** Opens the database `options` names: PGlite in memory, PGlite on a folder, or a server. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) return openPostgres(options.url, options.schema, options.max);
  return openPglite('dataDir' in options ? options.dataDir : undefined);
}

async function openPglite(dataDir?: string): Promise<Database> {
  // Loaded on demand: a server on PostgreSQL never pays for the WebAssembly module.
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  type Target = Pick<typeof db, 'query' | 'exec'>;
  const on = (target: Target): Queryable => ({
    query: async <T extends Row>(sql: string, params?: unknown[]) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver's own parameter type
      (await target.query<T>(sql, params as any[])).rows,
    exec: async (sql) => {
      await target.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    namespace: 'public',
    ...on(db),
    // PGlite has one connection: its transactions run one after another.
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    listen: async (channel, listener) => {
      const stop = await db.listen(channel, listener);
      return () => stop();
    },
    close: () => db.close(),
  };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function openPostgres(url: string, schema?: string, max = 10): Promise<Database> {
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    } finally {
      await setup.end();
    }
  }
  // Every connection starts on the schema (a startup parameter: no extra query per connection).
  const searchPath = schema ? `-c search_path=${quoteIdent(schema)}` : undefined;
  const pool = new pg.Pool({ connectionString: url, max, ...(searchPath ? { options: searchPath } : {}) });
  // An idle connection that drops (server restart) must not crash the process.
  pool.on('error', (error) => console.error('checkin-server: idle database connection failed:', error.message));
  const listeners: pg.PoolClient[] = [];
  const on = (target: pg.Pool | pg.PoolClient): Queryable => ({
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver's own parameter type
    query: async (sql, params) => (await target.query(sql, params as any[])).rows,
    // Without parameters `pg` sends the simple protocol, which takes several statements.
    exec: async (sql) => {
      await target.query(sql);
    },
  });
  return {
    kind: 'postgres',
    namespace: schema ?? 'public',
    ...on(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: async (channel, listener) => {
      const client = await pool.connect();
      listeners.push(client);
      client.on('notification', (message) => {
        if (message.channel === channel) listener(message.payload ?? '');
      });
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        const index = listeners.indexOf(client);
        if (index < 0) return;
        listeners.splice(index, 1);
        await client.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => {});
        client.release();
      };
    },
    close: async () => {
      for (const client of listeners.splice(0)) client.release();
      await pool.end();
    },
  };
}
