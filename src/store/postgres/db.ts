/** Connecting to PostgreSQL (node-postgres pool), applying migrations, and running transactions. */
import pg from 'pg';
import { AppError } from '../../errors.ts';
import { type Logger, silentLogger } from '../../log.ts';
import { loadMigrations } from '../migrations.ts';

export { toDate, toMs } from '../sqlite/db.ts';

/** Anything that runs a query: the pool itself or one checked-out client inside a transaction. */
export type Sql = pg.Pool | pg.PoolClient;

/** Connections per process; a worker or web node rarely needs more (PostgreSQL's default cap is 100). */
const POOL_MAX = 10;
/** Give up connecting after this long, so a down server fails a command instead of hanging it. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Key of the advisory lock that serialises migrations across processes starting at once. */
const MIGRATION_LOCK_KEY = 7_245_001;
/** PostgreSQL's SQLSTATE for a unique-constraint violation. */
const UNIQUE_VIOLATION = '23505';

const INT8_OID = 20;

/**
 * BIGINT columns (ids, epoch-ms times, COUNT(*)) come back as JS numbers, as on SQLite.
 * Scoped to our pool (not pg's global type table), so other pg users in the process are unaffected.
 */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PgOptions {
  /** Schema to keep every table in (created by migrate); default: the server's search_path. */
  schema?: string;
  /** Pool size; default POOL_MAX. */
  max?: number;
  /** Told about connections that fail while idle in the pool (the next query gets a fresh one). */
  log?: Logger;
}

/** A schema name safe to quote into SQL (letters, digits, underscore). */
export function checkSchemaName(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new AppError('config_invalid', `invalid PostgreSQL schema name "${schema}"`);
  }
  return schema;
}

/** A pool on `url`; with a schema, every connection's search_path is that schema. */
export function openPool(url: string, opts: PgOptions = {}): pg.Pool {
  const config: pg.PoolConfig = {
    connectionString: url,
    max: opts.max ?? POOL_MAX,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: TYPES,
  };
  if (opts.schema !== undefined) config.options = `-c search_path=${checkSchemaName(opts.schema)}`;
  const pool = new pg.Pool(config);
  const log = opts.log ?? silentLogger;
  // Without a listener an idle connection dropped by the server (restart, failover) would crash the process.
  pool.on('error', (error) => log.warn('store.pg_idle_connection_lost', { error: error.message }));
  // Likewise for a checked-out connection that dies between queries; its pending query rejects anyway.
  pool.on('connect', (client) =>
    client.on('error', (error) => log.warn('store.pg_connection_lost', { error: error.message })),
  );
  return pool;
}

/** Run `fn` in a transaction on one client; rolls back and rethrows on error. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** True when `error` is PostgreSQL's unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === UNIQUE_VIOLATION;
}

/**
 * Apply pending migrations, each in a transaction that records its version. An advisory lock makes
 * processes that start together take turns, so each migration runs once.
 */
export async function migratePool(pool: pg.Pool, schema: string | undefined): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${checkSchemaName(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of loadMigrations('postgres')) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new AppError('store_failed', `PostgreSQL migration ${m.version}_${m.name} failed`, { cause: error });
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
