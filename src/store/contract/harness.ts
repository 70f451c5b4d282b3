/**
 * Test harness for store tests on both drivers: a fresh SQLite in memory, or a fresh PostgreSQL schema
 * (uniquely named, dropped afterwards) on TICKERWIRE_TEST_PG. Used by the contract suite, the transfer
 * round trip and the queue tests.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../postgres/index.ts';
import { SqliteStore } from '../sqlite/index.ts';
import type { Store } from '../store.ts';

/** Where tests find PostgreSQL outside CI (CI exports TICKERWIRE_TEST_PG with a fresh database). */
export const DEFAULT_TEST_PG = 'postgres://postgres@127.0.0.1:5432/test';
/** How long the reachability probe waits before declaring PostgreSQL down. */
const PROBE_TIMEOUT_MS = 3_000;

export type Dialect = Store['dialect'];

/** The PostgreSQL URL tests use. */
export function testPgUrl(): string {
  return process.env.TICKERWIRE_TEST_PG || DEFAULT_TEST_PG;
}

/** Whether PostgreSQL tests may run, and if not, whether that is allowed (never silently). */
export type PgAvailability =
  | { state: 'ready'; url: string }
  | { state: 'skip'; url: string; reason: string }
  | { state: 'fail'; url: string; reason: string };

/**
 * Probe PostgreSQL. Unreachable is a failure in CI (`CI` set) and also outside it, unless the
 * developer opted out with TICKERWIRE_SKIP_PG=1.
 */
export async function checkPostgres(): Promise<PgAvailability> {
  const url = testPgUrl();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { state: 'ready', url };
  } catch (error) {
    const reason = `PostgreSQL at ${url} is unreachable (${error instanceof Error ? error.message : String(error)})`;
    if (!process.env.CI && process.env.TICKERWIRE_SKIP_PG === '1') return { state: 'skip', url, reason };
    return {
      state: 'fail',
      url,
      reason: `${reason}; start it, point TICKERWIRE_TEST_PG at one, or (outside CI only) set TICKERWIRE_SKIP_PG=1`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A migrated, empty store plus the function that closes it and removes its data. */
export interface FreshStore<S extends Store = Store> {
  store: S;
  /** For PostgreSQL: the schema holding this store's tables. */
  schema?: string;
  dispose(): Promise<void>;
}

/** A unique schema name for one test store. */
export function uniqueSchema(prefix = 'tw_test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drop a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL store in its own schema. */
export async function freshPostgres(url = testPgUrl()): Promise<FreshStore<PostgresStore>> {
  const schema = uniqueSchema();
  const store = new PostgresStore(url, { schema });
  await store.migrate();
  return {
    store,
    schema,
    dispose: async () => {
      await store.close();
      await dropSchema(url, schema);
    },
  };
}

/** A fresh in-memory SQLite store. */
export async function freshSqlite(): Promise<FreshStore<SqliteStore>> {
  const store = new SqliteStore(':memory:');
  await store.migrate();
  return { store, dispose: () => store.close() };
}

/** A fresh store of either dialect. */
export function freshStore(dialect: Dialect): Promise<FreshStore> {
  return dialect === 'sqlite' ? freshSqlite() : freshPostgres();
}
