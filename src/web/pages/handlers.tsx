/** Reader page handlers: validate → read store → render. */
import type { Context } from 'hono';
import { AppError, isAppError } from '../../errors.ts';
import { sourcesById } from '../api/articles.ts';
import { openApiDocument } from '../api/openapi.ts';
import type { WebDeps } from '../context.ts';
import { idParam, parseParam } from '../params.ts';
import { findRelated, RELATED_LIMIT } from '../related.ts';
import { runSearch, type SearchOutcome } from '../search.ts';
import { AboutPage } from './about.tsx';
import { ArticlePage } from './article.tsx';
import { DocsPage } from './docs.tsx';
import { HomePage, WINDOWS } from './home.tsx';
import { SearchPage } from './search.tsx';
import { SourcePage } from './source.tsx';
import { SourcesPage } from './sources.tsx';

/** Page size of the home listing. */
const HOME_PAGE_SIZE = 30;
/** Page size of search results and of a source page. */
const SEARCH_PAGE_SIZE = 20;
const SOURCE_PAGE_SIZE = 20;

export function homeHandler(deps: WebDeps) {
  return async (c: Context) => {
    const sourceParam = c.req.query('source') || undefined;
    const sourceId = sourceParam === undefined ? undefined : parseParam(idParam, sourceParam, 'source');
    const within = c.req.query('within') || undefined;
    const window = within === undefined ? undefined : WINDOWS[within];
    if (within !== undefined && !window) throw new AppError('bad_request', `invalid within: use one of ${Object.keys(WINDOWS).join(', ')}`);
    const cursor = c.req.query('cursor');
    const now = deps.now();
    const page = await deps.store.listArticles({
      limit: HOME_PAGE_SIZE,
      ...(sourceId === undefined ? {} : { sourceId }),
      ...(window ? { since: new Date(now.getTime() - window.ms) } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const sources = await sourcesById(deps);
    const filterSource = sourceId === undefined ? undefined : sources.get(sourceId);
    if (sourceId !== undefined && !filterSource) throw new AppError('not_found', `source ${sourceId} not found`);
    return c.html(
      <HomePage
        siteName={deps.config.siteName}
        articles={page.items}
        sources={sources}
        nextCursor={page.nextCursor}
        now={now}
        filterSource={filterSource}
        within={window ? within : undefined}
        isPaged={Boolean(cursor)}
      />,
    );
  };
}

export function articlePageHandler(deps: WebDeps) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const article = await deps.store.getArticle(id);
    if (!article) throw new AppError('not_found', `article ${id} not found`);
    const sources = await sourcesById(deps);
    const related = await findRelated(deps, article, RELATED_LIMIT);
    return c.html(
      <ArticlePage
        siteName={deps.config.siteName}
        article={article}
        source={sources.get(article.sourceId)}
        contactEmail={deps.config.contactEmail}
        now={deps.now()}
        related={related.map((r) => ({ article: r.article, source: sources.get(r.article.sourceId) }))}
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
    let out: SearchOutcome = { query, hits: [], nextCursor: null, sourceId: undefined };
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
        hits={out.hits}
        sources={await sourcesById(deps)}
        nextCursor={out.nextCursor}
        now={deps.now()}
        problem={problem}
        sourceId={out.sourceId}
      />,
      problem ? 400 : 200,
    );
  };
}

export function aboutPageHandler(deps: WebDeps) {
  return (c: Context) => c.html(<AboutPage siteName={deps.config.siteName} contactEmail={deps.config.contactEmail} />);
}

export function docsPageHandler(deps: WebDeps) {
  return (c: Context) => c.html(<DocsPage siteName={deps.config.siteName} doc={openApiDocument(deps.config.siteName)} />);
}
