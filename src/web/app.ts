/**
 * @module web/app — the whole route table of the HTTP server (API, feeds, reader pages, health), and its one
 * error handler: AppErrors become their status with `{ error: { code, message } }` (or an HTML page),
 * anything else is logged with its stack and becomes a 500 that leaks nothing.
 */
import { Hono } from 'hono';
import { isAppError } from '../errors.ts';
import { registerAdminRoutes } from './api/admin.ts';
import { getArticleHandler, listArticlesHandler } from './api/articles.ts';
import { eventsHandler, HEARTBEAT_MS } from './api/events.ts';
import { openApiDocument } from './api/openapi.ts';
import { relatedHandler } from './api/related.ts';
import { searchHandler } from './api/search.ts';
import { getSourceHandler, listSourcesHandler } from './api/sources.ts';
import { getStoryHandler, listStoriesHandler } from './api/stories.ts';
import type { WebDeps } from './context.ts';
import { registerWebSubRoutes } from './websub.ts';
import { homeFeedHandler, instrumentFeedHandler, searchFeedHandler, sourceFeedHandler, storyFeedHandler } from './feeds/handlers.ts';
import { FEED_EXTENSIONS } from './feeds/render.ts';
import { corsMiddleware, errorBody, etagMiddleware } from './http.ts';
import { registerInstrumentRoutes } from './instruments/routes.ts';
import { errorPage } from './pages/error.tsx';
import {
  aboutPageHandler,
  articlePageHandler,
  docsPageHandler,
  homeHandler,
  searchPageHandler,
  sourcePageHandler,
  sourcesPageHandler,
  storyPageHandler,
} from './pages/handlers.tsx';

/** Options of the app that tests tune. */
export interface AppOptions {
  /** Interval of SSE heartbeat comments. */
  heartbeatMs?: number;
}

/** Build the app; no socket is opened (tests call `app.request()`). */
export function createApp(deps: WebDeps, options: AppOptions = {}): Hono {
  const app = new Hono();
  const cors = corsMiddleware(deps.config.corsOrigins ?? []);
  if (cors) app.use('/api/*', cors);
  app.use('*', etagMiddleware());

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(deps.config.siteName)));
  app.get('/api/sources', listSourcesHandler(deps));
  app.get('/api/sources/:id', getSourceHandler(deps));
  app.get('/api/articles', listArticlesHandler(deps));
  app.get('/api/articles/:id', getArticleHandler(deps));
  app.get('/api/articles/:id/related', relatedHandler(deps));
  app.get('/api/stories', listStoriesHandler(deps));
  app.get('/api/stories/:id', getStoryHandler(deps));
  app.get('/api/search', searchHandler(deps));
  app.get('/api/events', eventsHandler(deps, options.heartbeatMs ?? HEARTBEAT_MS));
  registerAdminRoutes(app, deps);
  registerWebSubRoutes(app, deps);
  registerInstrumentRoutes(app, deps);

  for (const [ext, format] of Object.entries(FEED_EXTENSIONS)) {
    app.get(`/feed.${ext}`, homeFeedHandler(deps, format));
    app.get(`/sources/:id/feed.${ext}`, sourceFeedHandler(deps, format));
    app.get(`/search/feed.${ext}`, searchFeedHandler(deps, format));
    app.get(`/stories/:id/feed.${ext}`, storyFeedHandler(deps, format));
    app.get(`/instruments/:id/feed.${ext}`, instrumentFeedHandler(deps, format));
  }

  app.get('/', homeHandler(deps));
  app.get('/articles/:id', articlePageHandler(deps));
  app.get('/sources', sourcesPageHandler(deps));
  app.get('/sources/:id', sourcePageHandler(deps));
  app.get('/stories/:id', storyPageHandler(deps));
  app.get('/search', searchPageHandler(deps));
  app.get('/about', aboutPageHandler(deps));
  app.get('/api/docs', docsPageHandler(deps));

  app.notFound((c) => {
    const message = `no route for ${c.req.method} ${c.req.path}`;
    return c.req.path.startsWith('/api/') ? c.json(errorBody('not_found', message), 404) : c.html(errorPage(deps.config.siteName, 404, 'Page not found'), 404);
  });

  app.onError((err, c) => {
    const api = c.req.path.startsWith('/api/') || /\/feed\.(xml|atom|json)$/.test(c.req.path);
    if (isAppError(err) && err.status < 500) {
      const status = err.status as 400 | 401 | 403 | 404 | 409 | 422;
      return api ? c.json(errorBody(err.code, err.message), status) : c.html(errorPage(deps.config.siteName, status, err.message), status);
    }
    deps.log.error('web.unhandled', { path: c.req.path, message: err.message, stack: err.stack });
    const body = errorBody('internal_error', 'internal error');
    return api ? c.json(body, 500) : c.html(errorPage(deps.config.siteName, 500, 'Something went wrong'), 500);
  });

  return app;
}
