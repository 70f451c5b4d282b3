/** GET /api/articles/:id/related: "You may also like". */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { WebDeps } from '../context.ts';
import { idParam, parseParam } from '../params.ts';
import { presentArticleSummary } from '../present.ts';
import { findRelated, RELATED_LIMIT } from '../related.ts';
import { sourcesById } from './articles.ts';

export function relatedHandler(deps: WebDeps) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const article = await deps.store.getArticle(id);
    if (!article) throw new AppError('not_found', `article ${id} not found`);
    const related = await findRelated(deps, article, RELATED_LIMIT);
    const sources = await sourcesById(deps);
    return c.json({ items: related.map((r) => ({ ...presentArticleSummary(r.article, sources.get(r.article.sourceId)), score: r.score })) });
  };
}
