/** The instrument reference data of a configuration, loaded once and shared by enrichment and the web. */
import type { Config } from '../config/index.ts';
import { type InstrumentIndex, loadInstruments } from '../instruments/index.ts';

const sources = new WeakMap<Config, () => InstrumentIndex | null>();

/**
 * A loader of the shipped reference data plus the config file's extra instruments and aliases (≈1 s and
 * ≈50–100 MB on first use); null when linking is off. One index per configuration, however many callers.
 */
export function createInstrumentSource(config: Config): () => InstrumentIndex | null {
  const known = sources.get(config);
  if (known) return known;
  let index: InstrumentIndex | null | undefined;
  const source = () => {
    if (index === undefined) {
      const extra = config.extraInstruments;
      const hasExtra = extra.instruments.length > 0 || Object.keys(extra.aliases).length > 0;
      index = config.linkInstruments ? loadInstruments(hasExtra ? extra : undefined) : null;
    }
    return index;
  };
  sources.set(config, source);
  return source;
}
