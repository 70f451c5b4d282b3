/**
 * @module instruments/present — JSON shapes for the web API (`GET /api/instruments/:id`, article links).
 */
import type { Quote } from '../market/types.ts';
import type { Instrument, InstrumentLink } from './types.ts';

/** An instrument as the API returns it. */
export interface InstrumentJson {
  id: string;
  symbol: string;
  name: string;
  assetClass: Instrument['assetClass'];
  exchange: string;
  currency: string;
  tickers: Record<string, string>;
  aliases: string[];
  related: string[];
  quote: QuoteJson | null;
  link?: { salience: number; role: InstrumentLink['role']; mentions: number; sentences: string[] };
}

/** A quote as the API returns it (ISO time, explicit staleness). */
export interface QuoteJson {
  price: number;
  changePct: number | null;
  changeWindow: Quote['changeWindow'];
  currency: string;
  asOf: string;
  provider: string;
  stale: boolean;
  ageSec: number | null;
}

/** Present a quote for JSON output. */
export function toQuoteJson(quote: Quote): QuoteJson {
  return {
    price: quote.price,
    changePct: quote.changePct,
    changeWindow: quote.changeWindow,
    currency: quote.currency,
    asOf: quote.asOf.toISOString(),
    provider: quote.provider,
    stale: quote.stale === true,
    ageSec: quote.ageMs === undefined ? null : Math.round(quote.ageMs / 1000),
  };
}

/**
 * Present an instrument (optionally with its latest quote and its link to an article) field by field.
 * @example toInstrumentJson(index.byId.get('us:NVDA'), { quote })
 */
export function toInstrumentJson(inst: Instrument, opts: { quote?: Quote | null; link?: InstrumentLink } = {}): InstrumentJson {
  const json: InstrumentJson = {
    id: inst.id,
    symbol: inst.symbol,
    name: inst.name,
    assetClass: inst.assetClass,
    exchange: inst.exchange,
    currency: inst.currency,
    tickers: { ...inst.tickers },
    aliases: inst.aliases.filter((a) => a.strength !== 'weak' && !a.exact).map((a) => a.text),
    related: inst.related ?? [],
    quote: opts.quote ? toQuoteJson(opts.quote) : null,
  };
  if (opts.link) {
    const { salience, role, mentions, sentences } = opts.link;
    json.link = { salience, role, mentions, sentences };
  }
  return json;
}
