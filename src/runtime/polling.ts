/**
 * The polling side of a process (roles `scheduler` and `worker`). One process with every role on SQLite
 * polls in-process; otherwise (several processes, or PostgreSQL) polls become queue jobs that any number
 * of workers run. Enrichment (duplicates, stories, instruments) runs in the scheduler role only.
 */
import type { Config } from '../config/index.ts';
import type { EventBus } from '../events.ts';
import type { Logger } from '../log.ts';
import type { RunSummary } from '../model.ts';
import type { Enricher } from '../pipeline/enrich.ts';
import { startScheduler } from '../pipeline/scheduler.ts';
import { hostQueue, pollKey } from '../queue/keys.ts';
import { openQueue } from '../queue/open.ts';
import type { Store } from '../store/store.ts';
import type { RunningDemo } from './demo.ts';
import { createEnricher } from './enrich.ts';
import { startIndexMaintenance } from './maintenance.ts';
import { POLL_TASK, startJobScheduler, startJobWorker } from './jobs.ts';
import { createPipeline } from './pipeline.ts';
import type { Role } from './roles.ts';
import { startWebSub, type WebSubHandle } from './websub.ts';

/** How often the scheduler role looks for articles stored by other processes and not enriched yet. */
const ENRICH_EVERY_MS = 2_000;

export interface Polling {
  mode: 'in-process' | 'queue';
  /** Poll a source now (in-process: waits for the result; queue: enqueues it). */
  refresh(sourceId: number): Promise<unknown>;
  enricher: Enricher | undefined;
  websub: WebSubHandle | undefined;
  /** Resolve when in-process polling and enrichment are idle (tests). */
  idle(): Promise<void>;
  /** Stop in order; the store stays open. */
  stop(): Promise<void>;
}

/** Start the polling roles of this process. */
export async function startPolling(
  config: Config,
  store: Store,
  log: Logger,
  roles: ReadonlySet<Role>,
  events: EventBus,
  demo: RunningDemo | undefined,
): Promise<Polling> {
  const closers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const close of closers) await close().catch((error: unknown) => log.error('polling.stop_failed', { message: String(error) }));
  };
  try {
    const pipeline = createPipeline(config, store, log, demo ? [demo.allowHost] : []);
    const enricher = roles.has('scheduler') ? createEnricher(config, store, log) : undefined;
    const maintenance = roles.has('scheduler') ? startIndexMaintenance(store, log) : undefined;
    closers.push(async () => maintenance?.stop());
    let enriching: Promise<void> = Promise.resolve();
    const enrich = (sourceId: number | null): Promise<void> => {
      if (!enricher) return Promise.resolve();
      enriching = enricher
        .enrichPending()
        .then((done) => {
          if (done.length === 0) return;
          events.publish({
            type: 'articles',
            sourceId: sourceId ?? 0,
            count: done.length,
            stories: done.filter((d) => d.isNewStory).length,
            at: new Date().toISOString(),
          });
        })
        .catch((error: unknown) => log.error('enrich.failed', { message: String(error) }));
      return enriching;
    };
    const onPolled = (summary: RunSummary) => {
      if (summary.articlesAdded > 0) void enrich(summary.sourceId);
    };
    // Articles stored before a crash but never enriched are picked up now.
    void enrich(null);
    const websub = roles.has('worker') ? startWebSub(config, pipeline, log, onPolled) : undefined;
    const allRoles = roles.has('web') && roles.has('worker') && roles.has('scheduler');

    if (store.dialect === 'sqlite' && allRoles) {
      const scheduler = startScheduler(pipeline.deps, { tickMs: config.schedulerTickMs, concurrency: config.concurrency, onPolled });
      closers.push(() => scheduler.stop(), async () => websub?.close(), () => enriching, () => pipeline.close());
      return {
        mode: 'in-process',
        refresh: (id) => scheduler.refresh(id),
        enricher,
        websub,
        idle: async () => {
          await scheduler.idle();
          await enriching;
        },
        stop,
      };
    }

    const queue = await openQueue(store, log, { workerSchema: config.queueSchema });
    const jobScheduler = roles.has('scheduler') ? startJobScheduler(store, queue, log, config.schedulerTickMs) : undefined;
    const worker = roles.has('worker') ? await startJobWorker(queue, pipeline.deps, config.concurrency, onPolled) : undefined;
    const enrichTimer = enricher ? setInterval(() => void enrich(null), ENRICH_EVERY_MS) : undefined;
    enrichTimer?.unref();
    closers.push(
      async () => jobScheduler?.stop(),
      async () => worker?.stop(),
      async () => websub?.close(),
      async () => clearInterval(enrichTimer),
      () => enriching,
      () => pipeline.close(),
      () => queue.close(),
    );
    log.info('polling.queue_mode', { queue: queue.kind, roles: [...roles].join(',') });
    return {
      mode: 'queue',
      refresh: async (id) => {
        const source = await store.getSource(id);
        if (!source) return undefined;
        await queue.enqueue({ task: POLL_TASK, payload: { sourceId: id }, key: pollKey(id), queue: hostQueue(source.url) });
        return { sourceId: id, queued: true };
      },
      enricher,
      websub,
      idle: () => enriching,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
