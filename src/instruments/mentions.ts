/**
 * @module instruments/mentions — raw candidate mentions in one text: cashtags, exchange-qualified tickers
 * and alias n-grams. No disambiguation here (see link.ts).
 */
import type { AliasEntry, InstrumentIndex } from './load.ts';
import { type Token, tokenize } from './text.ts';
import type { Instrument, Mention } from './types.ts';

/** `$BTC`, `$BRK.B`, `$nvda` — not `$5` or `US$`. */
const CASHTAG = /(?<![\p{L}\p{N}$])\$([A-Za-z][A-Za-z0-9]{0,9}(?:\.[A-Za-z]{1,2})?)(?![\p{L}\p{N}])/gu;
/** "NASDAQ: NOW", "(NYSE:BABA)", "HKEX: 700", "SHA: 600519". */
const QUALIFIED =
  /\b(NASDAQ|Nasdaq|NYSE American|NYSE Arca|NYSEARCA|NYSE|AMEX|Cboe|CBOE|OTCQX|OTCQB|OTC|HKEX|HKSE|SEHK|HKG|SSE|SHA|SZSE|SHE)\s?:\s?([A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?)\b/g;
/** "Orion Group Holdings (ORN)": a ticker in parentheses (checked to follow a capitalised word, see afterName). */
const PAREN_TICKER = /\(([A-Z]{2,5}(?:\.[A-Z])?)\)/g;
/** The word before a parenthesised ticker: capitalised, possibly ending in "." or "'s" ("Inc.", "Macy's"). */
const NAME_BEFORE = /\p{Lu}[\p{L}\p{N}&.'’-]*\s?$/u;
/** "0700.HK", "688981.SS", "600519.SH", "300750.SZ". */
const SUFFIXED = /\b(\d{1,5})\.HK\b|\b(\d{6})\.(SS|SH|SZ)\b/g;

const US_VENUES = new Set(['NASDAQ', 'NYSE', 'NYSE AMERICAN', 'NYSE ARCA', 'NYSEARCA', 'AMEX', 'CBOE']);
const HK_VENUES = new Set(['HKEX', 'HKSE', 'SEHK', 'HKG']);
const CN_VENUES = new Set(['SSE', 'SHA', 'SZSE', 'SHE']);

/** Hong Kong codes are shown zero-padded to four digits ("700" → "0700", "00700" → "0700"). */
export function hkCode(code: string): string {
  return code.replace(/^0+/, '').padStart(4, '0');
}

function qualifiedInstrument(index: InstrumentIndex, venue: string, code: string): Instrument | undefined {
  const v = venue.toUpperCase();
  if (US_VENUES.has(v)) return index.byId.get(`us:${code}`);
  if (v.startsWith('OTC')) return index.byOtcTicker.get(code) ?? index.byId.get(`us:${code}`);
  if (HK_VENUES.has(v) && /^\d+$/.test(code)) return index.byId.get(`hk:${hkCode(code)}`);
  if (CN_VENUES.has(v)) return index.byId.get(`cn:${code}`);
  return undefined;
}

/**
 * Which instrument a cashtag names. Several instruments can share a symbol (a stock and a token): the
 * higher-ranked wins, and on a tie the crypto one wins only when the text talks about crypto.
 */
function cashtagInstrument(index: InstrumentIndex, symbol: string, cryptoContext: boolean): Instrument | undefined {
  const sym = symbol.toUpperCase();
  const candidates = [...(index.bySymbol.get(sym) ?? [])].filter((i) => i.id.startsWith('us:') || i.id.startsWith('crypto:'));
  const otc = index.byOtcTicker.get(sym);
  if (otc) candidates.push(otc);
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => {
    const rank = b.rank - a.rank;
    if (rank !== 0) return rank;
    const crypto = (i: Instrument) => (i.assetClass === 'crypto') === cryptoContext;
    return Number(crypto(b)) - Number(crypto(a));
  });
  return candidates[0];
}


/** The first (longest) alias in `entries` whose tokens match the text at token i, keys and capitals. */
function firstMatch(entries: AliasEntry[] | undefined, tokens: Token[], i: number): AliasEntry | undefined {
  if (!entries) return undefined;
  for (const entry of entries) {
    const n = entry.keys.length;
    let ok = i + n <= tokens.length;
    for (let k = 0; ok && k < n; k++) {
      const t = tokens[i + k];
      ok = t !== undefined && t.key === entry.keys[k] && (entry.exact ? t.text === entry.tokens[k] : t.cap || !entry.caps[k]);
    }
    if (ok) return entry;
  }
  return undefined;
}

/** Options for findMentions. */
export interface FindOptions {
  /** The wider text is about crypto (decides `$SOL`-style ties). */
  cryptoContext: boolean;
}

/** Candidate mentions in `text` (offsets into it), non-overlapping, longest alias first. */
export function findMentions(
  index: InstrumentIndex,
  text: string,
  opts: FindOptions,
  tokens: Token[] = tokenize(text),
): { mentions: Mention[]; tokens: Token[] } {
  const mentions: Mention[] = [];
  const taken: Array<[number, number]> = [];
  const add = (inst: Instrument | undefined, kind: Mention['kind'], start: number, end: number) => {
    taken.push([start, end]);
    if (inst) mentions.push({ instrumentId: inst.id, kind, strength: 'strong', start, end, surface: text.slice(start, end) });
  };
  for (const m of text.matchAll(QUALIFIED)) {
    add(qualifiedInstrument(index, m[1] ?? '', m[2] ?? ''), 'qualified', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(SUFFIXED)) {
    const inst = m[1] ? index.byId.get(`hk:${hkCode(m[1])}`) : index.byId.get(`cn:${m[2] ?? ''}`);
    add(inst, 'qualified', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(PAREN_TICKER)) {
    const sym = m[1] ?? '';
    if (index.ambiguousWords.has(sym.toLowerCase()) || !NAME_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const inst = index.byId.get(`us:${sym}`) ?? index.byOtcTicker.get(sym);
    if (inst) add(inst, 'qualified', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(CASHTAG)) {
    add(cashtagInstrument(index, m[1] ?? '', opts.cryptoContext), 'cashtag', m.index, m.index + m[0].length);
  }
  const isTaken = (t: Token) => taken.length > 0 && taken.some(([s, e]) => t.start < e && t.end > s);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok || isTaken(tok)) continue;
    const next = tokens[i + 1];
    const multi = next ? index.aliasesByPair.get(tok.key)?.get(next.key) : undefined;
    const entry = (multi && firstMatch(multi, tokens, i)) ?? firstMatch(index.singleAliases.get(tok.key), tokens, i);
    if (!entry) continue;
    const last = tokens[i + entry.keys.length - 1];
    if (!last) continue;
    mentions.push({ instrumentId: entry.instrumentId, kind: entry.exact ? 'ticker' : 'name', strength: entry.strength, start: tok.start, end: last.end, surface: text.slice(tok.start, last.end) });
    i += entry.keys.length - 1;
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, tokens };
}
