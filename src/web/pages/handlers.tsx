/** Reader page handlers: validate → read store → render. */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { WebDeps } from '../context.ts';
import { idParam, parseParam } from '../params.ts';
import { AboutPage } from './about.tsx';
import { ArticlePage } from './article.tsx';
import { HomePage } from './home.tsx';
import { SourcesPage } from './sources.tsx';

/** Page size of the home listing. */
const HOME_PAGE_SIZE = 30;

export function homeHandler(deps: WebDeps) {
  return async (c: Context) => {
    const sourceParam = c.req.query('source');
    const sourceId = sourceParam === undefined ? undefined : parseParam(idParam, sourceParam, 'source');
    const cursor = c.req.query('cursor');
    const page = await deps.store.listArticles({
      limit: HOME_PAGE_SIZE,
      ...(sourceId === undefined ? {} : { sourceId }),
      ...(cursor ? { cursor } : {}),
    });
    const sources = new Map((await deps.store.listSources()).map((s) => [s.id, s]));
    const filterSource = sourceId === undefined ? undefined : sources.get(sourceId);
    if (sourceId !== undefined && !filterSource) throw new AppError('not_found', `source ${sourceId} not found`);
    return c.html(
      <HomePage
        siteName={deps.config.siteName}
        articles={page.items}
        sources={sources}
        nextCursor={page.nextCursor}
        now={deps.now()}
        filterSource={filterSource}
      />,
    );
  };
}

export function articlePageHandler(deps: WebDeps) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const article = await deps.store.getArticle(id);
    if (!article) throw new AppError('not_found', `article ${id} not found`);
    const source = await deps.store.getSource(article.sourceId);
    return c.html(
      <ArticlePage siteName={deps.config.siteName} article={article} source={source} contactEmail={deps.config.contactEmail} />,
    );
  };
}

export function sourcesPageHandler(deps: WebDeps) {
  return async (c: Context) =>
    c.html(<SourcesPage siteName={deps.config.siteName} sources={await deps.store.listSources()} now={deps.now()} />);
}

export function aboutPageHandler(deps: WebDeps) {
  return (c: Context) => c.html(<AboutPage siteName={deps.config.siteName} contactEmail={deps.config.contactEmail} />);
}
