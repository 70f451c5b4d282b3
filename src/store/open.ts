/** Open the store named by a database URL: `sqlite:PATH` (default) or `postgres://…` / `postgresql://…`. */
import { AppError } from '../errors.ts';
import { type PgOptions, PostgresStore } from './postgres/index.ts';
import type { SqliteOptions } from './sqlite/db.ts';
import { SqliteStore } from './sqlite/index.ts';
import type { Store } from './store.ts';

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * Split tickerwire's own `schema` query parameter off a PostgreSQL URL
 * (`postgres://host/db?schema=tw` keeps every table in schema `tw`); pg gets the rest.
 */
export function parsePostgresUrl(databaseUrl: string): { url: string; opts: PgOptions } {
  let parsed: URL;
  try {
    parsed = new URL(databaseUrl);
  } catch (cause) {
    throw new AppError('config_invalid', `invalid PostgreSQL URL "${databaseUrl}"`, { cause });
  }
  const schema = parsed.searchParams.get('schema');
  if (schema === null) return { url: databaseUrl, opts: {} };
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), opts: { schema } };
}

/**
 * `sqlite:PATH` with tickerwire's optional `?mmap=MiB` (memory-mapped reads; 0 = off, default 1024).
 * @throws AppError config_invalid for a bad option
 */
export function parseSqliteUrl(databaseUrl: string): { path: string; opts: SqliteOptions } {
  const rest = databaseUrl.slice('sqlite:'.length);
  const q = rest.indexOf('?');
  const path = (q < 0 ? rest : rest.slice(0, q)) || ':memory:';
  if (q < 0) return { path, opts: {} };
  const params = new URLSearchParams(rest.slice(q + 1));
  const opts: SqliteOptions = {};
  for (const [key, value] of params) {
    if (key !== 'mmap' || !/^\d{1,6}$/.test(value)) {
      throw new AppError('config_invalid', `unsupported SQLite URL option "${key}=${value}" (use ?mmap=MiB, 0 to turn memory mapping off)`);
    }
    opts.mmapMb = Number(value);
  }
  return { path, opts };
}

/**
 * Create (without connecting or migrating) the store for `databaseUrl`.
 * @throws AppError config_invalid for an unsupported URL
 */
export function createStore(databaseUrl: string): Store {
  if (databaseUrl.startsWith('sqlite:')) {
    const { path, opts } = parseSqliteUrl(databaseUrl);
    return new SqliteStore(path, opts);
  }
  if (POSTGRES_URL.test(databaseUrl)) {
    const { url, opts } = parsePostgresUrl(databaseUrl);
    return new PostgresStore(url, opts);
  }
  throw new AppError('config_invalid', `unsupported database URL "${databaseUrl}" (use sqlite:PATH or postgres://…)`);
}

/**
 * Open and migrate the store for `databaseUrl`.
 * @throws AppError config_invalid for an unsupported URL; store_failed when migrating fails
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  const store = createStore(databaseUrl);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
