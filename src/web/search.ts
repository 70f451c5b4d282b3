/** Running a search for the API, the search page and the search feed: request parameters → hits. */
import { AppError } from '../errors.ts';
import type { SearchHit } from '../store/store.ts';
import type { WebDeps } from './context.ts';
import { decodeOffsetCursor, encodeOffsetCursor } from './cursor.ts';
import { dateParam, idParam, limitParam, parseParam } from './params.ts';
import { parseSearchQuery } from './search-query.ts';

/** Search parameters as they arrive in a query string. */
export interface SearchParams {
  q?: string | undefined;
  source?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  cursor?: string | undefined;
  limit?: string | undefined;
}

export interface SearchOutcome {
  query: string;
  hits: SearchHit[];
  nextCursor: string | null;
  sourceId: number | undefined;
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
  const since = parseParam(dateParam, p.since || undefined, 'since');
  const until = parseParam(dateParam, p.until || undefined, 'until');
  const limit = parseParam(limitParam, p.limit ?? defaultLimit, 'limit');
  const offset = decodeOffsetCursor(p.cursor);
  if (!deps.store.searchArticles) throw new AppError('internal_error', `search is not available on the ${deps.store.dialect} store yet`);
  const result = await deps.store.searchArticles({
    clauses,
    offset,
    limit,
    now: deps.now(),
    ...(sourceId === undefined ? {} : { sourceId }),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  });
  return { query, hits: result.hits, nextCursor: result.hasMore ? encodeOffsetCursor(offset + limit) : null, sourceId };
}
