/**
 * @module instruments — reference instruments, the article linker, figures, sentiment and presenters.
 * The pipeline calls `linkInstruments(loadInstruments(), { title, text, lang })`; the web presents with `toInstrumentJson`.
 */
export { type Figure, type FigureMetric, type FigureOptions, extractFigures } from './figures.ts';
export { linkInstruments } from './link.ts';
export { type AliasEntry, buildInstrumentIndex, type InstrumentIndex, loadInstruments } from './load.ts';
export { findMentions, hkCode } from './mentions.ts';
export { type InstrumentJson, type QuoteJson, toInstrumentJson, toQuoteJson } from './present.ts';
export { searchInstruments } from './search.ts';
export { type SentimentScore, scoreSentiment } from './sentiment.ts';
export { renderSparkline, type SparklineOptions } from './sparkline.ts';
export type * from './types.ts';
