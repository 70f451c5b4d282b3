/** Feed routes: the home listing (optionally one topic), a source and a search query as RSS, Atom and JSON Feed. */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import { sourcesById } from '../api/articles.ts';
import type { WebDeps } from '../context.ts';
import { TOPIC_SPECS } from '../../topics/index.ts';
import { idParam, parseParam, topicParam } from '../params.ts';
import { runSearch } from '../search.ts';
import { siteUrl } from '../site-url.ts';
import { FEED_CONTENT_TYPES, type FeedChannel, type FeedEntry, type FeedFormat, renderFeed } from './render.ts';

/** Entries per feed document. */
export const FEED_SIZE = 50;

function send(c: Context, format: FeedFormat, channel: FeedChannel, entries: FeedEntry[]) {
  return c.body(renderFeed(format, channel, entries), 200, { 'Content-Type': FEED_CONTENT_TYPES[format] });
}

/** The feed's own URL: the request path and query on the site URL. */
function selfUrl(base: string, c: Context): string {
  const u = new URL(c.req.url);
  return `${base}${u.pathname}${u.search}`;
}

export function homeFeedHandler(deps: WebDeps, format: FeedFormat) {
  return async (c: Context) => {
    const topic = parseParam(topicParam, c.req.query('topic'), 'topic');
    const base = siteUrl(deps, c);
    const page = await deps.store.listArticles({ limit: FEED_SIZE, ...(topic ? { topic } : {}) });
    const sources = await sourcesById(deps);
    const label = topic ? TOPIC_SPECS[topic].label : undefined;
    return send(
      c,
      format,
      {
        title: `${deps.config.siteName}: ${label ? `latest in ${label}` : 'latest'}`,
        description: label ? `Latest articles about ${label} from every source` : 'Latest articles from every source',
        pageUrl: topic ? `${base}/?topic=${topic}` : `${base}/`,
        feedUrl: selfUrl(base, c),
        siteUrl: base,
      },
      page.items.map((article) => ({ article, source: sources.get(article.sourceId) })),
    );
  };
}

export function sourceFeedHandler(deps: WebDeps, format: FeedFormat) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const source = await deps.store.getSource(id);
    if (!source) throw new AppError('not_found', `source ${id} not found`);
    const base = siteUrl(deps, c);
    const page = await deps.store.listArticles({ limit: FEED_SIZE, sourceId: id });
    const title = source.title || source.url;
    return send(
      c,
      format,
      { title: `${deps.config.siteName}: ${title}`, description: `Latest articles from ${title}`, pageUrl: `${base}/sources/${id}`, feedUrl: selfUrl(base, c), siteUrl: base },
      page.items.map((article) => ({ article, source })),
    );
  };
}

export function searchFeedHandler(deps: WebDeps, format: FeedFormat) {
  return async (c: Context) => {
    const base = siteUrl(deps, c);
    const out = await runSearch(deps, c.req.query(), FEED_SIZE);
    const sources = await sourcesById(deps);
    const qs = new URL(c.req.url).search;
    return send(
      c,
      format,
      { title: `${deps.config.siteName}: search "${out.query}"`, description: `Articles matching "${out.query}"`, pageUrl: `${base}/search${qs}`, feedUrl: selfUrl(base, c), siteUrl: base },
      out.hits.map((h) => ({ article: h.article, source: sources.get(h.article.sourceId) })),
    );
  };
}

export function storyFeedHandler(deps: WebDeps, format: FeedFormat) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const story = await deps.store.getStory(id);
    if (!story) throw new AppError('not_found', `story ${id} not found`);
    const base = siteUrl(deps, c);
    const articles = (await deps.store.listStoryArticles(id)).slice(-FEED_SIZE).reverse();
    const sources = await sourcesById(deps);
    return send(
      c,
      format,
      { title: `${deps.config.siteName}: ${story.headline}`, description: `Every report of: ${story.headline}`, pageUrl: `${base}/stories/${id}`, feedUrl: selfUrl(base, c), siteUrl: base },
      articles.map((article) => ({ article, source: sources.get(article.sourceId) })),
    );
  };
}

export function instrumentFeedHandler(deps: WebDeps, format: FeedFormat) {
  return async (c: Context) => {
    const id = c.req.param('id') ?? '';
    const base = siteUrl(deps, c);
    const page = await deps.store.listInstrumentArticles(id, { limit: FEED_SIZE });
    const sources = await sourcesById(deps);
    return send(
      c,
      format,
      { title: `${deps.config.siteName}: ${id}`, description: `Latest articles about ${id}`, pageUrl: `${base}/?instrument=${encodeURIComponent(id)}`, feedUrl: selfUrl(base, c), siteUrl: base },
      page.items.map((article) => ({ article, source: sources.get(article.sourceId) })),
    );
  };
}
