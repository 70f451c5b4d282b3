/**
 * @module web/instruments/format — prices, changes and instrument URLs as the instrument pages and market box
 * show them.
 */
import type { Quote } from '../../market/types.ts';

/** Currencies written as a symbol before the number; others follow it as a code (`612.00 HKD`). */
const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };
/** Index levels are points: no unit at all. */
const UNITLESS = new Set(['PTS']);

/** Decimals for a price: more for small prices so a 0.19 token still shows its moves. */
function decimalsFor(price: number): number {
  const abs = Math.abs(price);
  if (abs < 1) return 4;
  if (abs < 10) return 3;
  return 2;
}

/**
 * A price with thousands separators and its currency.
 * @example formatPrice(94512.3, 'USDT') // '94,512.30 USDT'; formatPrice(182.1, 'USD') // '$182.10'
 */
export function formatPrice(price: number, currency: string): string {
  const d = decimalsFor(price);
  const n = price.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  if (UNITLESS.has(currency)) return n;
  const sym = CURRENCY_SYMBOLS[currency];
  return sym ? `${sym}${n}` : `${n} ${currency}`;
}

/** A change in percent with its sign (a true minus sign), e.g. `+1.25%`, `−0.40%`; `n/a` when unknown. */
export function formatChange(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return 'n/a';
  const abs = Math.abs(pct).toFixed(2);
  if (abs === '0.00') return '0.00%';
  return `${pct > 0 ? '+' : '−'}${abs}%`;
}

/** CSS class for a change: up, down or flat. */
export function changeClass(pct: number | null): 'up' | 'down' | 'flat' {
  if (pct === null || Math.abs(pct) < 0.005) return 'flat';
  return pct > 0 ? 'up' : 'down';
}

/** The window a quote's change covers, as a short label. */
export function changeWindowLabel(quote: Pick<Quote, 'changeWindow'>): string {
  return quote.changeWindow === '24h' ? '24h' : 'today';
}

/** How old a quote is, when it is served stale ("as of 14:02 UTC"). */
export function asOfLabel(quote: Pick<Quote, 'asOf'>): string {
  return `as of ${quote.asOf.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The page of an instrument. Ids hold a colon (`us:NVDA`), which is legal inside a path segment after the first
 * `/`, so it is kept readable (`/instruments/us:NVDA`); everything else is percent-encoded. `/instruments/us%3ANVDA`
 * routes to the same page.
 * @example instrumentPath('hk:0700') // '/instruments/hk:0700'
 */
export function instrumentPath(id: string): string {
  return `/instruments/${encodeURIComponent(id).replace(/%3A/gi, ':')}`;
}
