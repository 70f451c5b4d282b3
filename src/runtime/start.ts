/**
 * Starting tickerwire as a long-running process: store, demo, default sources, scheduler (polling)
 * and the web server, in one process. Used by `tickerwire serve` and by the end-to-end tests.
 */
import type { Config } from '../config/index.ts';
import { createLocalEventBus, type EventBus } from '../events.ts';
import type { Logger } from '../log.ts';
import { startScheduler, type Scheduler } from '../pipeline/scheduler.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { createApp } from '../web/app.ts';
import { listen } from '../web/server.ts';
import { type RunningDemo, startDemo } from './demo.ts';
import type { Enricher } from '../pipeline/enrich.ts';
import { createEnricher } from './enrich.ts';
import { createMarketService } from './market.ts';
import { createPipeline } from './pipeline.ts';
import { startWebSub, type WebSubHandle } from './websub.ts';
import { seedDefaultSources } from './seed.ts';

export type Role = 'web' | 'worker' | 'scheduler';

export interface Running {
  url: string | null;
  store: Store;
  demo: RunningDemo | undefined;
  scheduler: Scheduler | undefined;
  events: EventBus;
  stop(): Promise<void>;
}

/** Start the given roles; resolves once the web server listens. */
export async function startTickerwire(config: Config, log: Logger, roles: ReadonlySet<Role>): Promise<Running> {
  const store = await openStore(config.databaseUrl);
  const closers: Array<() => Promise<void>> = [];
  const events = createLocalEventBus((error) => log.error('events.listener_failed', { message: String(error) }));
  closers.push(() => events.close());
  try {
    const now = new Date();
    const seeded = await seedDefaultSources(config, store, now);
    if (seeded > 0) log.info('sources.seeded', { count: seeded });
    const polling = roles.has('scheduler') || roles.has('worker');
    const demo = polling ? await startDemo(config, store, log) : undefined;
    if (demo) closers.push(() => demo.server.close());
    let scheduler: Scheduler | undefined;
    let enricher: Enricher | undefined;
    let websub: WebSubHandle | undefined;
    if (polling) {
      const pipeline = createPipeline(config, store, log, demo ? [demo.allowHost] : []);
      closers.push(() => pipeline.close());
      const active = createEnricher(config, store, log);
      enricher = active;
      const enrich = (sourceId: number | null) =>
        active
          .enrichPending()
          .then((done) => {
            if (done.length > 0) {
              events.publish({
                type: 'articles',
                sourceId: sourceId ?? 0,
                count: done.length,
                stories: done.filter((d) => d.isNewStory).length,
                at: new Date().toISOString(),
              });
            }
          })
          .catch((error: unknown) => log.error('enrich.failed', { message: String(error) }));
      // Articles stored before a crash but never enriched are picked up now.
      void enrich(null);
      websub = startWebSub(config, pipeline, log, (summary) => void enrich(summary.sourceId));
      if (websub) closers.push(() => websub?.close() ?? Promise.resolve());
      scheduler = startScheduler(pipeline.deps, {
        tickMs: config.schedulerTickMs,
        concurrency: config.concurrency,
        onPolled: (summary) => {
          if (summary.articlesAdded > 0) void enrich(summary.sourceId);
        },
      });
      closers.unshift(() => scheduler?.stop() ?? Promise.resolve());
    }
    let url: string | null = null;
    if (roles.has('web')) {
      const market = await createMarketService(config, log.child({ stage: 'market' }));
      closers.push(() => market.close());
      const app = createApp({
        market,
        store,
        config,
        log: log.child({ stage: 'web' }),
        now: () => new Date(),
        events,
        ...(scheduler ? { refreshSource: (id: number) => scheduler.refresh(id) } : {}),
        ...(enricher ? { splitArticle: (id: number) => enricher.splitArticle(id) } : {}),
        ...(websub ? { websub: websub.manager } : {}),
      });
      const server = await listen(app, config.host, config.port);
      closers.unshift(() => server.close());
      url = server.url;
      log.info('web.listening', { url });
    }
    return {
      url,
      store,
      demo,
      scheduler,
      events,
      async stop() {
        for (const close of closers) await close();
        await store.close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
    await store.close();
    throw error;
  }
}
