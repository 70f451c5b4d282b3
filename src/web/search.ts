/** Running a search for the API, the search page and the search feed: request parameters → hits. */
import { AppError } from '../errors.ts';
import type { SearchHit } from '../store/store.ts';
import type { WebDeps } from './context.ts';
import { decodeOffsetCursor, encodeOffsetCursor } from './cursor.ts';
import { searchInstruments } from '../instruments/index.ts';
import { instrumentIndexOf, resolveInstrument } from './instruments/lookup.ts';
import { dateParam, idParam, instrumentIdParam, limitParam, parseParam, parseWithin } from './params.ts';
import { parseSearchQuery } from './search-query.ts';

/** Search parameters as they arrive in a query string. */
export interface SearchParams {
  q?: string | undefined;
  source?: string | undefined;
  /** An instrument id (`us:NVDA`), or a symbol, cashtag or name the reference data knows (`NVDA`, `$BTC`). */
  instrument?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  /** A recent window instead of `since`: 24h, 7d or 30d (the home page's time filter). */
  within?: string | undefined;
  cursor?: string | undefined;
  limit?: string | undefined;
}

export interface SearchOutcome {
  query: string;
  hits: SearchHit[];
  nextCursor: string | null;
  sourceId: number | undefined;
  /** The instrument the filter resolved to. */
  instrument: { id: string; symbol: string; name: string } | undefined;
  since: Date | undefined;
  until: Date | undefined;
}

/**
 * The instrument a search filter names: an id (checked against the reference data when it is loaded), else
 * the best exact symbol, cashtag or name match.
 * @throws AppError bad_request when nothing matches
 */
function resolveFilterInstrument(deps: WebDeps, raw: string): SearchOutcome['instrument'] {
  const value = raw.trim();
  const index = instrumentIndexOf(deps);
  if (value.includes(':')) {
    const id = parseParam(instrumentIdParam, value, 'instrument') ?? value;
    if (!index) return { id, symbol: id.slice(id.indexOf(':') + 1), name: id };
    try {
      const inst = resolveInstrument(deps, id);
      return { id: inst.id, symbol: inst.symbol, name: inst.name };
    } catch {
      throw new AppError('bad_request', `invalid instrument: no instrument with id ${value}`);
    }
  }
  const needle = value.replace(/^\$/, '').toLowerCase();
  const inst = index
    ? searchInstruments(index, value, 5).find((i) => i.symbol.toLowerCase() === needle || i.name.toLowerCase() === needle)
    : undefined;
  if (!inst) throw new AppError('bad_request', `invalid instrument: ${value} is not a known instrument id, symbol or name`);
  return { id: inst.id, symbol: inst.symbol, name: inst.name };
}

/**
 * Validate the parameters and search.
 * @throws AppError bad_request for a missing/invalid query or parameter; internal_error when the store cannot search
 */
export async function runSearch(deps: WebDeps, p: SearchParams, defaultLimit?: number): Promise<SearchOutcome> {
  const query = (p.q ?? '').trim();
  if (!query) throw new AppError('bad_request', 'invalid q: a search query is required');
  const clauses = parseSearchQuery(query);
  const sourceId = p.source === undefined || p.source === '' ? undefined : parseParam(idParam, p.source, 'source');
  const window = parseWithin(p.within, deps.now());
  const since = parseParam(dateParam, p.since || undefined, 'since') ?? window;
  const until = parseParam(dateParam, p.until || undefined, 'until');
  const instrument = p.instrument?.trim() ? resolveFilterInstrument(deps, p.instrument) : undefined;
  const limit = parseParam(limitParam, p.limit ?? defaultLimit, 'limit');
  const offset = decodeOffsetCursor(p.cursor);
  if (!deps.store.searchArticles) throw new AppError('internal_error', `search is not available on the ${deps.store.dialect} store yet`);
  const result = await deps.store.searchArticles({
    clauses,
    offset,
    limit,
    now: deps.now(),
    ...(sourceId === undefined ? {} : { sourceId }),
    ...(instrument ? { instrumentId: instrument.id } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  });
  return { query, hits: result.hits, nextCursor: result.hasMore ? encodeOffsetCursor(offset + limit) : null, sourceId, instrument, since, until };
}
