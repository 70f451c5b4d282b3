/** The job queue that goes with a store: graphile-worker on PostgreSQL, the jobs table on SQLite. */
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { PostgresStore } from '../store/postgres/index.ts';
import { SqliteStore } from '../store/sqlite/index.ts';
import type { Store } from '../store/store.ts';
import { DEFAULT_WORKER_SCHEMA, PostgresJobQueue } from './postgres.ts';
import { SqliteJobQueue } from './sqlite.ts';
import type { JobQueue } from './types.ts';

export interface QueueOptions {
  /** PostgreSQL only: graphile-worker's schema (default graphile_worker). */
  workerSchema?: string;
}

/**
 * Open and migrate the queue on the same database as `store` (already migrated: SQLite's jobs table
 * and PostgreSQL's worker_leases come with its migration 900).
 * @throws AppError config_invalid for a store driver without a queue
 */
export async function openQueue(store: Store, log: Logger, opts: QueueOptions = {}): Promise<JobQueue> {
  let queue: JobQueue;
  if (store instanceof PostgresStore) {
    queue = new PostgresJobQueue(store.pool, log, opts.workerSchema ?? DEFAULT_WORKER_SCHEMA);
  } else if (store instanceof SqliteStore) {
    queue = new SqliteJobQueue(store.db);
  } else {
    throw new AppError('config_invalid', `no job queue for the ${store.dialect} driver in use`);
  }
  await queue.migrate();
  return queue;
}
