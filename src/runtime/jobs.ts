/**
 * Polling as jobs, for deployments of several processes (or PostgreSQL): the scheduler role enqueues
 * each due source as a `poll_source` job — one pending job per source (job key) and one running job per
 * host across all workers (named queue) — and worker processes run them with the pipeline. A job whose
 * worker dies is run again once its lease expires.
 */
import type { Logger } from '../log.ts';
import type { RunSummary } from '../model.ts';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { runSource } from '../pipeline/run-source.ts';
import { hostQueue, pollKey } from '../queue/keys.ts';
import type { JobQueue, QueueWorker } from '../queue/types.ts';
import type { Store } from '../store/store.ts';

export const POLL_TASK = 'poll_source';
/** Sources enqueued per scheduler tick at most. */
const ENQUEUE_BATCH = 500;
/**
 * Once enqueued, a source is not due again for this long; the job's poll sets its real next poll time.
 * If every worker is down, the source is enqueued again after this (the key keeps one pending job).
 */
const ENQUEUED_HOLD_MS = 10 * 60_000;

export interface JobScheduler {
  stop(): Promise<void>;
}

/** Scheduler role: enqueue due sources every `tickMs`. */
export function startJobScheduler(store: Store, queue: JobQueue, log: Logger, tickMs: number, now: () => Date = () => new Date()): JobScheduler {
  let running: Promise<void> | null = null;
  const tick = async (): Promise<void> => {
    const at = now();
    const due = await store.listDueSources(at, ENQUEUE_BATCH);
    for (const source of due) {
      await queue.enqueue({ task: POLL_TASK, payload: { sourceId: source.id }, key: pollKey(source.id), queue: hostQueue(source.url) });
      await store.updateSource(source.id, { nextPollAt: new Date(at.getTime() + ENQUEUED_HOLD_MS) });
    }
    if (due.length > 0) log.debug('scheduler.enqueued', { count: due.length });
  };
  const safeTick = () => {
    if (running) return;
    running = tick()
      .catch((error: unknown) => log.error('scheduler.tick_failed', { message: String(error) }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(safeTick, tickMs);
  timer.unref();
  safeTick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Worker role: run poll jobs with the pipeline; `onPolled` sees every result. */
export function startJobWorker(
  queue: JobQueue,
  deps: PipelineDeps,
  concurrency: number,
  onPolled: (summary: RunSummary) => void,
): Promise<QueueWorker> {
  return queue.work(
    {
      [POLL_TASK]: async (payload) => {
        const sourceId = Number((payload as { sourceId?: unknown }).sourceId);
        const source = await deps.store.getSource(sourceId);
        if (!source || !source.isEnabled) return;
        onPolled(await runSource(source, deps));
      },
    },
    { concurrency, log: deps.log.child({ stage: 'worker' }) },
  );
}
