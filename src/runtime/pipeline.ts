/** Building the pipeline's dependencies (fetcher, extractor pool) from the configuration. */
import type { Config } from '../config/index.ts';
import { createExtractorPool } from '../extract/pool.ts';
import { createFetcher } from '../fetch/index.ts';
import type { Logger } from '../log.ts';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { Semaphore } from '../pipeline/semaphore.ts';
import type { Store } from '../store/store.ts';
import { fetcherOptions } from './fetcher-options.ts';

/** Pages fetched at once per source; the fetcher's per-host cap still applies. */
const PAGE_CONCURRENCY = 8;
/** Articles per insert transaction. */
const INSERT_BATCH_SIZE = 25;
/** Pages decoded or extracted at once across all sources: enough to keep the cores busy, bounded memory. */
const PAGES_IN_FLIGHT = 16;

export interface PipelineHandle {
  deps: PipelineDeps;
  close(): Promise<void>;
}

/** Create fetcher + extractor pool; `extraAllowHosts` lets the demo server's address through the SSRF guard. */
export function createPipeline(config: Config, store: Store, log: Logger, extraAllowHosts: string[] = []): PipelineHandle {
  const fetcher = createFetcher(
    fetcherOptions(config, extraAllowHosts),
    log.child({ stage: 'fetch' }),
  );
  const extractor = createExtractorPool({ threads: config.workers, extract: { rules: config.extractRules } });
  const deps: PipelineDeps = {
    store,
    fetcher,
    extractor,
    log: log.child({ stage: 'ingest' }),
    now: () => new Date(),
    settings: {
      pollDefaultSec: config.pollDefaultSec,
      pollMinSec: config.pollMinSec,
      pollMaxSec: config.pollMaxSec,
      maxItemsPerFeed: config.maxItemsPerFeed,
      pageConcurrency: PAGE_CONCURRENCY,
      insertBatchSize: INSERT_BATCH_SIZE,
      extractRules: config.extractRules,
    },
    pageSlots: new Semaphore(PAGES_IN_FLIGHT),
  };
  return {
    deps,
    async close() {
      await Promise.allSettled([fetcher.close(), extractor.close()]);
    },
  };
}
