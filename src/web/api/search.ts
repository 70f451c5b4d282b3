/** GET /api/search: full-text search with filters, ranked, with highlighted snippets. */
import type { Context } from 'hono';
import type { WebDeps } from '../context.ts';
import { presentSearchHit } from '../present.ts';
import { runSearch } from '../search.ts';
import { sourcesById } from './articles.ts';

export function searchHandler(deps: WebDeps) {
  return async (c: Context) => {
    const out = await runSearch(deps, c.req.query());
    const sources = await sourcesById(deps);
    return c.json({
      query: out.query,
      items: out.hits.map((h) => presentSearchHit(h, sources.get(h.article.sourceId))),
      nextCursor: out.nextCursor,
    });
  };
}
