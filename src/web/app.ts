/**
 * @module web/app — the whole route table of the HTTP server (API, reader pages, health), and its one
 * error handler: AppErrors become their status with `{ error: { code, message } }` (or an HTML page),
 * anything else is logged with its stack and becomes a 500 that leaks nothing.
 */
import { Hono } from 'hono';
import { isAppError } from '../errors.ts';
import { getArticleHandler, listArticlesHandler } from './api/articles.ts';
import { getSourceHandler, listSourcesHandler } from './api/sources.ts';
import type { WebDeps } from './context.ts';
import { errorPage } from './pages/error.tsx';
import { aboutPageHandler, articlePageHandler, homeHandler, sourcesPageHandler } from './pages/handlers.tsx';

/** Build the app; no socket is opened (tests call `app.request()`). */
export function createApp(deps: WebDeps): Hono {
  const app = new Hono();

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/api/sources', listSourcesHandler(deps));
  app.get('/api/sources/:id', getSourceHandler(deps));
  app.get('/api/articles', listArticlesHandler(deps));
  app.get('/api/articles/:id', getArticleHandler(deps));

  app.get('/', homeHandler(deps));
  app.get('/articles/:id', articlePageHandler(deps));
  app.get('/sources', sourcesPageHandler(deps));
  app.get('/about', aboutPageHandler(deps));

  app.notFound((c) => {
    const body = { error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } };
    return c.req.path.startsWith('/api/') ? c.json(body, 404) : c.html(errorPage(deps.config.siteName, 404, 'Page not found'), 404);
  });

  app.onError((err, c) => {
    const api = c.req.path.startsWith('/api/');
    if (isAppError(err) && err.status < 500) {
      const status = err.status as 400 | 401 | 403 | 404 | 409 | 422;
      return api
        ? c.json({ error: { code: err.code, message: err.message } }, status)
        : c.html(errorPage(deps.config.siteName, status, err.message), status);
    }
    deps.log.error('web.unhandled', { path: c.req.path, message: err.message, stack: err.stack });
    const body = { error: { code: 'internal_error', message: 'internal error' } };
    return api ? c.json(body, 500) : c.html(errorPage(deps.config.siteName, 500, 'Something went wrong'), 500);
  });

  return app;
}
