/**
 * @module web/instruments/lookup — finding the instrument a request names, and presenting article links.
 */
import { AppError, describeError } from '../../errors.ts';
import { type InstrumentIndex, loadInstruments } from '../../instruments/index.ts';
import type { Instrument } from '../../instruments/types.ts';
import type { ArticleInstrument } from '../../model.ts';
import type { WebDeps } from '../context.ts';

/** The reference instruments: the injected source, else the shipped data when linking is on, else null. */
export function instrumentIndexOf(deps: WebDeps): InstrumentIndex | null {
  if (deps.instruments) return deps.instruments();
  return deps.config.linkInstruments ? loadInstruments() : null;
}

/**
 * The instrument an id names. Ids are matched exactly, then with the part after the colon upper-cased
 * (`crypto:btc` → `crypto:BTC`), so hand-typed URLs work.
 * @throws AppError not_found when no such instrument exists (or the reference data is off)
 */
export function resolveInstrument(deps: WebDeps, rawId: string): Instrument {
  const index = instrumentIndexOf(deps);
  const id = rawId.trim();
  const colon = id.indexOf(':');
  const normalised = colon > 0 ? `${id.slice(0, colon).toLowerCase()}:${id.slice(colon + 1).toUpperCase()}` : id;
  const inst = index?.byId.get(id) ?? index?.byId.get(normalised);
  if (!inst) throw new AppError('not_found', `instrument ${id} not found`);
  return inst;
}

/** An article's linked instrument as the API shows it (field by field). */
export function presentArticleInstrument(link: ArticleInstrument) {
  return {
    id: link.instrumentId,
    symbol: link.symbol,
    name: link.name,
    assetClass: link.assetClass,
    salience: Math.round(link.salience * 1000) / 1000,
    role: link.role,
  };
}

/** Subjects first, then by salience (the order chips and boxes use). */
export function bySalience(list: ArticleInstrument[]): ArticleInstrument[] {
  return [...list].sort((a, b) => (a.role === b.role ? b.salience - a.salience : a.role === 'subject' ? -1 : 1));
}

/**
 * Await a market read that should never fail; if it does anyway (a bug, a broken service), log it and show no price
 * rather than failing the page.
 */
export async function quietly<T>(deps: WebDeps, what: string, read: Promise<T | null> | undefined): Promise<T | null> {
  try {
    return (await read) ?? null;
  } catch (error) {
    deps.log.warn('web.market_read_failed', { what, error: describeError(error) });
    return null;
  }
}
