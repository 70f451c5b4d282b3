/** Building the enricher (duplicates, stories, instruments) from the configuration. */
import type { Config } from '../config/index.ts';
import { type InstrumentIndex, loadInstruments } from '../instruments/index.ts';
import type { Logger } from '../log.ts';
import { Enricher } from '../pipeline/enrich.ts';
import type { Store } from '../store/store.ts';

/** An enricher whose instrument reference data loads on first use (≈1 s, ≈100 MB). */
export function createEnricher(config: Config, store: Store, log: Logger): Enricher {
  let index: InstrumentIndex | null | undefined;
  return new Enricher({
    store,
    log: log.child({ stage: 'enrich' }),
    now: () => new Date(),
    instruments: () => {
      if (index === undefined) {
        const extra = config.extraInstruments;
        const hasExtra = extra.instruments.length > 0 || Object.keys(extra.aliases).length > 0;
        index = config.linkInstruments ? loadInstruments(hasExtra ? extra : undefined) : null;
      }
      return index;
    },
  });
}
