/** Test harness: a fresh store plus its queue, for either dialect; disposing drops everything. */
import { dropSchema, type FreshStore, freshStore, testPgUrl } from '../../store/contract/harness.ts';
import type { Store } from '../../store/store.ts';
import { silentLogger } from '../../log.ts';
import { openQueue } from '../open.ts';
import type { JobQueue } from '../types.ts';

export interface FreshQueue {
  store: Store;
  queue: JobQueue;
  /** PostgreSQL: graphile-worker's schema for this test. */
  workerSchema?: string;
  fresh: FreshStore;
  dispose(): Promise<void>;
}

/** A migrated store and queue of `dialect`, isolated from every other test. */
export async function freshQueue(dialect: Store['dialect']): Promise<FreshQueue> {
  const fresh = await freshStore(dialect);
  const workerSchema = fresh.schema === undefined ? undefined : `${fresh.schema}_gw`;
  const queue = await openQueue(fresh.store, silentLogger, workerSchema === undefined ? {} : { workerSchema });
  return {
    store: fresh.store,
    queue,
    ...(workerSchema === undefined ? {} : { workerSchema }),
    fresh,
    dispose: async () => {
      await queue.close();
      await fresh.dispose();
      if (workerSchema !== undefined) await dropSchema(testPgUrl(), workerSchema);
    },
  };
}

/** Resolve once `check` holds, polling every `everyMs`; reject after `timeoutMs` with `what`. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
