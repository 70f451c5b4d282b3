/**
 * @module web/instruments/routes — the instrument routes, registered by `createApp` with one call.
 *
 * Instrument ids contain a colon (`us:NVDA`, `hk:0700`, `crypto:BTC`). It is legal inside a path segment, so ids go
 * in the path as they are (`/instruments/us:NVDA`) or percent-encoded (`/instruments/us%3ANVDA`); both route to the
 * same handler. Case after the colon is forgiven (`crypto:btc`).
 */
import type { Hono } from 'hono';
import type { WebDeps } from '../context.ts';
import { candlesHandler, getInstrumentHandler, instrumentArticlesHandler, searchInstrumentsHandler } from './api.ts';
import { instrumentPageHandler } from './handlers.tsx';

/** Register the instrument API and page. */
export function registerInstrumentRoutes(app: Hono, deps: WebDeps): void {
  app.get('/api/instruments', searchInstrumentsHandler(deps));
  app.get('/api/instruments/:id', getInstrumentHandler(deps));
  app.get('/api/instruments/:id/candles', candlesHandler(deps));
  app.get('/api/instruments/:id/articles', instrumentArticlesHandler(deps));
  app.get('/instruments/:id', instrumentPageHandler(deps));
}
