/** /api/articles handlers. */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { Source } from '../../model.ts';
import type { WebDeps } from '../context.ts';
import { bySalience, presentArticleInstrument } from '../instruments/lookup.ts';
import { dateParam, idParam, limitParam, parseParam, topicParam } from '../params.ts';
import { presentArticle, presentArticleSummary, presentCopy } from '../present.ts';

/** Every source by id (few enough to read at once). */
export async function sourcesById(deps: WebDeps): Promise<Map<number, Source>> {
  return new Map((await deps.store.listSources()).map((s) => [s.id, s]));
}

export function listArticlesHandler(deps: WebDeps) {
  return async (c: Context) => {
    const q = c.req.query();
    const sourceId = q.source === undefined ? undefined : parseParam(idParam, q.source, 'source');
    const since = parseParam(dateParam, q.since, 'since');
    const until = parseParam(dateParam, q.until, 'until');
    const limit = parseParam(limitParam, q.limit, 'limit');
    const topic = parseParam(topicParam, q.topic, 'topic');
    const page = await deps.store.listArticles({
      limit,
      ...(sourceId === undefined ? {} : { sourceId }),
      ...(topic ? { topic } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    const [sources, topics] = await Promise.all([sourcesById(deps), deps.store.listArticleTopics(page.items.map((a) => a.id))]);
    return c.json({
      items: page.items.map((a) => ({ ...presentArticleSummary(a, sources.get(a.sourceId)), topics: topics.get(a.id) ?? [] })),
      nextCursor: page.nextCursor,
    });
  };
}

export function getArticleHandler(deps: WebDeps) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const article = await deps.store.getArticle(id);
    if (!article) throw new AppError('not_found', `article ${id} not found`);
    const [links, copies, sources, topics] = await Promise.all([
      deps.store.listArticleInstruments([id]).then((m) => m.get(id) ?? []),
      deps.store.listCopies(id),
      sourcesById(deps),
      deps.store.listArticleTopics([id]).then((m) => m.get(id) ?? []),
    ]);
    return c.json({
      ...presentArticle(article, sources.get(article.sourceId)),
      topics,
      instruments: bySalience(links).map(presentArticleInstrument),
      copies: copies.map((copy) => presentCopy(copy, sources.get(copy.sourceId))),
    });
  };
}
