/**
 * @module instruments/types — the shapes of reference instruments, their index and the links the linker finds.
 */

/** What an instrument is. */
export type AssetClass = 'stock' | 'etf' | 'index' | 'crypto';

/**
 * How much evidence a name or ticker needs before it links:
 * - `strong`: links on its own (distinctive names, cashtags, exchange-qualified tickers);
 * - `contextual`: an ordinary word or a well-known name that is also a word ("Apple", "Amazon"):
 *   links when its sentence has company/market context or the article confirms the instrument otherwise;
 * - `weak`: links only with adjacent evidence ("Navigator Holdings", "shares of Navigator", "Navigator (NVGS)")
 *   or when the article confirms the instrument with a strong mention.
 */
export type AliasStrength = 'strong' | 'contextual' | 'weak';

/** A surface form of an instrument. */
export interface InstrumentAlias {
  text: string;
  strength: AliasStrength;
  /** Match case-sensitively (bare tickers such as `NVDA`, `BTC`); otherwise case-insensitively with a capital first letter. */
  exact?: boolean;
}

/** One reference instrument, as shipped in src/instruments/data and as callers may add in config. */
export interface Instrument {
  /** Canonical id: `us:NVDA`, `hk:0700`, `cn:688981`, `idx:SPX`, `crypto:BTC`. */
  id: string;
  /** Display symbol on its home venue (`NVDA`, `0700`, `688981`, `SPX`, `BTC`). */
  symbol: string;
  /** Display name ("NVIDIA Corporation"). */
  name: string;
  assetClass: AssetClass;
  /** ISO currency of quotes (`USD`, `HKD`, `CNY`; crypto quoted in `USD`). */
  currency: string;
  /** Home venue: NASDAQ, NYSE, NYSE American, NYSE Arca, Cboe BZX, HKEX, SSE, SZSE, INDEX, CRYPTO. */
  exchange: string;
  /** Tickers per venue or data source: `{ yahoo: '0700.HK', otc: 'TCEHY', binance: 'BTCUSDT' }`. */
  tickers: Record<string, string>;
  /** Surface forms news uses for it, each with the evidence it needs. */
  aliases: InstrumentAlias[];
  /** 3 = curated or index member (S&P 500, top crypto); 2 = main-board listing; 1 = other. */
  rank: number;
  /** Other listings of the same issuer (`hk:9988` for `us:BABA`). */
  related?: string[];
  /** SEC CIK when known (groups share classes of one issuer). */
  cik?: number;
  sector?: string;
}

/** The compact file written by scripts/build-instruments.ts. */
export interface InstrumentDataFile {
  version: 1;
  builtAt: string;
  sources: string[];
  instruments: Instrument[];
  /** Words that are never linked from their word use alone (lower case). */
  ambiguousWords: string[];
}

/** Instruments and aliases callers add (from config). */
export interface ExtraInstruments {
  instruments?: Instrument[];
  /** Extra aliases per instrument id; plain strings are `strong`. */
  aliases?: Record<string, Array<string | InstrumentAlias>>;
}

/** How an instrument was found in the text. */
export type MentionKind = 'cashtag' | 'qualified' | 'name' | 'ticker';

/** One raw occurrence before disambiguation (offsets into the linked text). */
export interface Mention {
  instrumentId: string;
  kind: MentionKind;
  strength: AliasStrength;
  start: number;
  end: number;
  surface: string;
}

/** An instrument linked to an article. */
export interface InstrumentLink {
  instrumentId: string;
  symbol: string;
  name: string;
  assetClass: AssetClass;
  /** 0..1: how much the article is about this instrument. */
  salience: number;
  role: 'subject' | 'mention';
  /** Accepted occurrences in title and text. */
  mentions: number;
  /** Supporting sentences (at most a few, title first when it names the instrument). */
  sentences: string[];
}

/** Input to the linker. */
export interface LinkInput {
  title: string;
  text: string;
  /** BCP-47 language of the text; anything but English disables word-like aliases. */
  lang?: string | null;
}
