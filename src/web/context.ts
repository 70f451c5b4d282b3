/** What every web handler can reach: passed to createApp by the composition root. */
import type { Config } from '../config/index.ts';
import type { EventBus } from '../events.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/store.ts';
import type { InstrumentSource, MarketService } from './instruments/types.ts';

/** WebSub callbacks, answered by the pipeline's subscription manager. */
export interface WebSubCallbacks {
  verify(sourceId: number, query: URLSearchParams): Promise<{ status: number; body: string }>;
  push(sourceId: number, body: Buffer, signature: string | null, contentType: string | null): Promise<{ status: number; body: string }>;
}

export interface WebDeps {
  store: Store;
  config: Config;
  log: Logger;
  now: () => Date;
  /** Poll a source now (present when this process also runs the scheduler). */
  refreshSource?: (sourceId: number) => Promise<unknown>;
  /** Admin split: move an article into a story of its own (present with the scheduler role). */
  splitArticle?: (articleId: number) => Promise<number | undefined>;
  /** WebSub callbacks (present when a public URL is configured and this process polls). */
  websub?: WebSubCallbacks;
  /** Live events (new articles) for Server-Sent Events. */
  events: EventBus;
  /** Quotes and candles for price boxes and charts (absent: no prices are shown). */
  market?: MarketService;
  /** Reference instruments (absent: the shipped data, loaded on first use, when linking is on). */
  instruments?: InstrumentSource;
}
