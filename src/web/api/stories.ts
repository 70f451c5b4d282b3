/** /api/stories handlers: stories (reports of one event), most recently updated first, and one story's timeline. */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { WebDeps } from '../context.ts';
import { idParam, instrumentIdParam, limitParam, parseParam } from '../params.ts';
import { presentArticleSummary, presentStory } from '../present.ts';
import { sourcesById } from './articles.ts';

export function listStoriesHandler(deps: WebDeps) {
  return async (c: Context) => {
    const q = c.req.query();
    const sourceId = q.source === undefined ? undefined : parseParam(idParam, q.source, 'source');
    const instrumentId = parseParam(instrumentIdParam, q.instrument, 'instrument');
    const page = await deps.store.listStories({
      limit: parseParam(limitParam, q.limit, 'limit'),
      ...(sourceId === undefined ? {} : { sourceId }),
      ...(instrumentId === undefined ? {} : { instrumentId }),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    return c.json({ items: page.items.map(presentStory), nextCursor: page.nextCursor });
  };
}

/**
 * One story with its coverage in publication order. The first reporter is the earliest independent
 * article; copies are marked with the original they copy and do not count as sources.
 */
export function getStoryHandler(deps: WebDeps) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const story = await deps.store.getStory(id);
    if (!story) throw new AppError('not_found', `story ${id} not found`);
    const [articles, sources] = await Promise.all([deps.store.listStoryArticles(id), sourcesById(deps)]);
    const first = articles.find((a) => a.duplicateOf === null);
    return c.json({
      ...presentStory(story),
      firstReporterArticleId: first?.id ?? null,
      articles: articles.map((a) => ({ ...presentArticleSummary(a, sources.get(a.sourceId)), isFirstReport: a.id === first?.id, isCopy: a.duplicateOf !== null })),
    });
  };
}
