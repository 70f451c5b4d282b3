/** Building the enricher (duplicates, stories, instruments) from the configuration. */
import type { Config } from '../config/index.ts';
import type { Logger } from '../log.ts';
import { Enricher } from '../pipeline/enrich.ts';
import { createInstrumentSource } from './instruments.ts';
import type { Store } from '../store/store.ts';

/** An enricher whose instrument reference data loads on first use (shared with the web layer). */
export function createEnricher(config: Config, store: Store, log: Logger): Enricher {
  return new Enricher({ store, log: log.child({ stage: 'enrich' }), now: () => new Date(), instruments: createInstrumentSource(config) });
}
