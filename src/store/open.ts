/** Open the store named by a database URL: `sqlite:PATH` (default) or, later, `postgres://…`. */
import { AppError } from '../errors.ts';
import { SqliteStore } from './sqlite/index.ts';
import type { Store } from './store.ts';

/**
 * Open and migrate the store for `databaseUrl`.
 * @throws AppError config_invalid for an unsupported URL
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  let store: Store;
  if (databaseUrl.startsWith('sqlite:')) {
    store = new SqliteStore(databaseUrl.slice('sqlite:'.length) || ':memory:');
  } else if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new AppError('config_invalid', 'the PostgreSQL store is not part of this build yet');
  } else {
    throw new AppError('config_invalid', `unsupported database URL "${databaseUrl}" (use sqlite:PATH or postgres://…)`);
  }
  await store.migrate();
  return store;
}
