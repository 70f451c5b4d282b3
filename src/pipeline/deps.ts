/** What the pipeline needs from the rest of the program, passed in by the composition root. */
import type { Fetcher } from '../fetch/types.ts';
import type { RuleOverrides } from '../extract/index.ts';
import type { Logger } from '../log.ts';
import type { Extraction, ParsedFeed, Source } from '../model.ts';
import type { Store } from '../store/store.ts';
import type { Semaphore } from './semaphore.ts';

/** Extracts articles from pages (inline or on worker threads). */
export interface Extractor {
  extract(html: string, pageUrl: string): Promise<Extraction>;
  close(): Promise<void>;
}

/** Polling bounds and limits the pipeline applies. */
export interface PipelineSettings {
  pollDefaultSec: number;
  pollMinSec: number;
  pollMaxSec: number;
  maxItemsPerFeed: number;
  /** Pages fetched at once for one source (the fetcher also caps per host). */
  pageConcurrency: number;
  /** Articles committed per transaction: a crash loses at most one batch in flight, never a committed one. */
  insertBatchSize: number;
  /** Extra clean-up rules from configuration (for feed content used when a page cannot be fetched). */
  extractRules?: RuleOverrides;
}

export interface PipelineDeps {
  store: Store;
  fetcher: Fetcher;
  extractor: Extractor;
  log: Logger;
  now: () => Date;
  settings: PipelineSettings;
  /** Caps pages being decoded or extracted across all sources at once (bounds memory). */
  pageSlots: Semaphore;
  /** Called after a successful poll with the parsed feed (WebSub subscription upkeep). */
  onFeed?: (source: Source, feed: ParsedFeed) => Promise<void>;
}
