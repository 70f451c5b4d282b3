/**
 * Starting tickerwire as a long-running process from its roles: store, live-event bus, demo, default
 * sources, polling (scheduler and worker roles) and the web server. `tickerwire serve` runs every role
 * in one process; `worker`, `web` and `scheduler` run one each. Used by the CLI and the end-to-end tests.
 */
import type { Config } from '../config/index.ts';
import { createLocalEventBus, type EventBus } from '../events.ts';
import type { Logger } from '../log.ts';
import { PostgresStore } from '../store/postgres/index.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { createApp } from '../web/app.ts';
import { listen } from '../web/server.ts';
import { type RunningDemo, startDemo } from './demo.ts';
import { createInstrumentSource } from './instruments.ts';
import { createMarketService } from './market.ts';
import { createPgEventBus } from './pg-events.ts';
import { type Polling, startPolling } from './polling.ts';
import type { Role } from './roles.ts';
import { seedDefaultSources } from './seed.ts';

export type { Role } from './roles.ts';

export interface Running {
  url: string | null;
  store: Store;
  demo: RunningDemo | undefined;
  polling: Polling | undefined;
  events: EventBus;
  stop(): Promise<void>;
}

/** Live events: across processes on PostgreSQL (LISTEN/NOTIFY), in-process on SQLite. */
function createEvents(store: Store, log: Logger): Promise<EventBus> {
  if (store instanceof PostgresStore) return createPgEventBus(store.pool, log);
  return Promise.resolve(createLocalEventBus((error) => log.error('events.listener_failed', { message: String(error) })));
}

/** Start the given roles; resolves once the web server listens. */
export async function startTickerwire(config: Config, log: Logger, roles: ReadonlySet<Role>): Promise<Running> {
  const store = await openStore(config.databaseUrl);
  /** Run in order on stop: web first, then polling, then the rest. */
  const closers: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const close of closers) await close().catch((error: unknown) => log.error('runtime.stop_failed', { message: String(error) }));
    await store.close();
  };
  try {
    const events = await createEvents(store, log);
    const seeded = await seedDefaultSources(config, store, new Date());
    if (seeded > 0) log.info('sources.seeded', { count: seeded });
    const polls = roles.has('scheduler') || roles.has('worker');
    const demo = polls ? await startDemo(config, store, log) : undefined;
    const polling = polls ? await startPolling(config, store, log, roles, events, demo) : undefined;
    let url: string | null = null;
    if (roles.has('web')) {
      const instruments = createInstrumentSource(config);
      const market = await createMarketService(config, log.child({ stage: 'market' }), { instruments });
      closers.push(() => market.close());
      const app = createApp({
        market,
        instruments,
        store,
        config,
        log: log.child({ stage: 'web' }),
        now: () => new Date(),
        events,
        ...(polling ? { refreshSource: (id: number) => polling.refresh(id) } : {}),
        ...(polling?.enricher ? { splitArticle: (id: number) => polling.enricher?.splitArticle(id) ?? Promise.resolve(undefined) } : {}),
        ...(polling?.websub ? { websub: polling.websub.manager } : {}),
      });
      const server = await listen(app, config.host, config.port);
      closers.unshift(() => server.close());
      url = server.url;
      log.info('web.listening', { url });
    }
    if (polling) closers.push(() => polling.stop());
    if (demo) closers.push(() => demo.server.close());
    closers.push(() => events.close());
    return { url, store, demo, polling, events, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
