/** Reader page handlers: validate → read store → render. */
import type { Context } from 'hono';
import { AppError, isAppError } from '../../errors.ts';
import type { Article } from '../../model.ts';
import { sourcesById } from '../api/articles.ts';
import { openApiDocument } from '../api/openapi.ts';
import type { WebDeps } from '../context.ts';
import { chipsFor, coverageFor, keyFacts, storySources, topicsFor } from '../enrichment.ts';
import { loadMarketBox, MarketBox } from '../instruments/market-box.tsx';
import { idParam, parseParam, parseWithin, topicParam } from '../params.ts';
import { findRelated, RELATED_LIMIT } from '../related.ts';
import { runSearch, type SearchOutcome } from '../search.ts';
import { AboutPage } from './about.tsx';
import { ArticlePage } from './article.tsx';
import { DocsPage } from './docs.tsx';
import { HomePage } from './home.tsx';
import { type SearchFilters, SearchPage } from './search.tsx';
import { SourcePage } from './source.tsx';
import { SourcesPage } from './sources.tsx';
import { StoryPage } from './story.tsx';

/** Page size of the home listing. */
const HOME_PAGE_SIZE = 30;
/** Page size of search results and of a source page. */
const SEARCH_PAGE_SIZE = 20;
const SOURCE_PAGE_SIZE = 20;

/** Keep the first article of each story (the list is newest first); articles without a story stay. */
export function onePerStory<T extends { storyId: number | null }>(articles: T[]): T[] {
  const seen = new Set<number>();
  return articles.filter((a) => {
    if (a.storyId === null) return true;
    if (seen.has(a.storyId)) return false;
    seen.add(a.storyId);
    return true;
  });
}

export function homeHandler(deps: WebDeps) {
  return async (c: Context) => {
    const sourceParam = c.req.query('source') || undefined;
    const sourceId = sourceParam === undefined ? undefined : parseParam(idParam, sourceParam, 'source');
    const within = c.req.query('within') || undefined;
    const cursor = c.req.query('cursor');
    const instrument = c.req.query('instrument') || undefined;
    const topic = parseParam(topicParam, c.req.query('topic'), 'topic');
    const now = deps.now();
    const since = parseWithin(within, now);
    const page = instrument
      ? await deps.store.listInstrumentArticles(instrument, { limit: HOME_PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      : await deps.store.listArticles({
          limit: HOME_PAGE_SIZE,
          excludeCopies: true,
          ...(sourceId === undefined ? {} : { sourceId }),
          ...(topic ? { topic } : {}),
          ...(since ? { since } : {}),
          ...(cursor ? { cursor } : {}),
        });
    const pageTopics = await topicsFor(deps, page.items);
    const listed = page.items.filter(
      (a) => (sourceId === undefined || a.sourceId === sourceId) && (!since || a.publishedAt >= since) && (!topic || pageTopics.get(a.id)?.includes(topic)),
    );
    // Grouped by story: the newest report stands for its story (its "N sources" link opens the rest).
    const articles = sourceId === undefined ? onePerStory(listed) : listed;
    const [sources, instruments, stories] = await Promise.all([sourcesById(deps), chipsFor(deps, articles), storySources(deps, articles)]);
    const filterInstrument = instrument
      ? ([...instruments.values()].flat().find((i) => i.id === instrument) ?? { id: instrument, symbol: instrument, name: instrument })
      : undefined;
    const filterSource = sourceId === undefined ? undefined : sources.get(sourceId);
    if (sourceId !== undefined && !filterSource) throw new AppError('not_found', `source ${sourceId} not found`);
    return c.html(
      <HomePage
        siteName={deps.config.siteName}
        articles={articles}
        sources={sources}
        nextCursor={page.nextCursor}
        now={now}
        filterSource={filterSource}
        filterInstrument={filterInstrument}
        filterTopic={topic}
        within={within}
        isPaged={Boolean(cursor)}
        instruments={instruments}
        topics={pageTopics}
        storySources={stories}
      />,
    );
  };
}

export function articlePageHandler(deps: WebDeps) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const article = await deps.store.getArticle(id);
    if (!article) throw new AppError('not_found', `article ${id} not found`);
    const [sources, related, coverage, chips, marketBox, topics] = await Promise.all([
      sourcesById(deps),
      findRelated(deps, article, RELATED_LIMIT),
      coverageFor(deps, article),
      chipsFor(deps, [article]),
      loadMarketBox(deps, article.id),
      topicsFor(deps, [article]),
    ]);
    const link = (a: Article) => ({ article: a, source: sources.get(a.sourceId) });
    return c.html(
      <ArticlePage
        siteName={deps.config.siteName}
        article={article}
        source={sources.get(article.sourceId)}
        contactEmail={deps.config.contactEmail}
        now={deps.now()}
        related={related.map((r) => link(r.article))}
        moreCoverage={coverage.map(link)}
        chips={chips.get(article.id)}
        topics={topics.get(article.id)}
        keyFacts={keyFacts(article)}
        market={marketBox ? <MarketBox data={marketBox} /> : undefined}
      />,
    );
  };
}

export function sourcesPageHandler(deps: WebDeps) {
  return async (c: Context) => c.html(<SourcesPage siteName={deps.config.siteName} sources={await deps.store.listSources()} now={deps.now()} />);
}

export function sourcePageHandler(deps: WebDeps) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const source = await deps.store.getSource(id);
    if (!source) throw new AppError('not_found', `source ${id} not found`);
    const page = await deps.store.listArticles({ limit: SOURCE_PAGE_SIZE, sourceId: id });
    return c.html(<SourcePage siteName={deps.config.siteName} source={source} articles={page.items} nextCursor={page.nextCursor} now={deps.now()} />);
  };
}

export function searchPageHandler(deps: WebDeps) {
  return async (c: Context) => {
    const params = c.req.query();
    const query = (params.q ?? '').trim();
    const filters: SearchFilters = { source: params.source, instrument: params.instrument, within: params.within, since: params.since, until: params.until };
    let out: SearchOutcome | undefined;
    let problem: string | undefined;
    if (query) {
      try {
        out = await runSearch(deps, params, SEARCH_PAGE_SIZE);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'bad_request') throw error;
        problem = `This search could not be run: ${error.message}.`;
      }
    }
    return c.html(
      <SearchPage
        siteName={deps.config.siteName}
        query={query}
        filters={filters}
        hits={out?.hits ?? []}
        sources={await sourcesById(deps)}
        nextCursor={out?.nextCursor ?? null}
        now={deps.now()}
        problem={problem}
        instrument={out?.instrument}
      />,
      problem ? 400 : 200,
    );
  };
}

export function storyPageHandler(deps: WebDeps) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const story = await deps.store.getStory(id);
    if (!story) throw new AppError('not_found', `story ${id} not found`);
    const articles = await deps.store.listStoryArticles(id);
    const [sources, chips] = await Promise.all([sourcesById(deps), chipsFor(deps, articles)]);
    return c.html(<StoryPage siteName={deps.config.siteName} story={story} articles={articles} sources={sources} chips={chips} now={deps.now()} />);
  };
}

export function aboutPageHandler(deps: WebDeps) {
  return (c: Context) => c.html(<AboutPage siteName={deps.config.siteName} contactEmail={deps.config.contactEmail} />);
}

export function docsPageHandler(deps: WebDeps) {
  return (c: Context) => c.html(<DocsPage siteName={deps.config.siteName} doc={openApiDocument(deps.config.siteName)} />);
}
