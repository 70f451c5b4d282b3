/**
 * @module web/instruments/api — `GET /api/instruments?q=`, `/api/instruments/:id` (with the latest quote),
 * `/api/instruments/:id/candles?range=` and `/api/instruments/:id/articles` (cursor pagination).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { searchInstruments, toInstrumentJson } from '../../instruments/index.ts';
import { sourcesById } from '../api/articles.ts';
import type { WebDeps } from '../context.ts';
import { limitParam, parseParam } from '../params.ts';
import { presentArticleSummary } from '../present.ts';
import { instrumentPath } from './format.ts';
import { instrumentIndexOf, quietly, resolveInstrument } from './lookup.ts';
import { parseRange } from './params.ts';

/** Most search results per request. */
const searchLimitParam = z.coerce.number().int().min(1).max(50).default(20);

/** `GET /api/instruments?q=nvidia&limit=20`: instruments by id, symbol, name or alias (no quotes). */
export function searchInstrumentsHandler(deps: WebDeps) {
  return (c: Context) => {
    const q = (c.req.query('q') ?? '').trim();
    const limit = parseParam(searchLimitParam, c.req.query('limit'), 'limit');
    const index = instrumentIndexOf(deps);
    const found = q && index ? searchInstruments(index, q, limit) : [];
    return c.json({ query: q, items: found.map((inst) => ({ ...toInstrumentJson(inst), url: instrumentPath(inst.id) })) });
  };
}

/** `GET /api/instruments/:id`: the instrument with its latest quote (`stale: true` when old; null when none). */
export function getInstrumentHandler(deps: WebDeps) {
  return async (c: Context) => {
    const inst = resolveInstrument(deps, c.req.param('id') ?? '');
    const quote = await quietly(deps, `quote ${inst.id}`, deps.market?.getQuote(inst.id));
    return c.json({ ...toInstrumentJson(inst, { quote }), url: instrumentPath(inst.id) });
  };
}

/** `GET /api/instruments/:id/candles?range=1m`: candles oldest first, times in epoch ms; empty when none. */
export function candlesHandler(deps: WebDeps) {
  return async (c: Context) => {
    const inst = resolveInstrument(deps, c.req.param('id') ?? '');
    const range = parseRange(c.req.query('range'));
    const series = await quietly(deps, `candles ${inst.id}`, deps.market?.getCandles(inst.id, range));
    return c.json({
      instrumentId: inst.id,
      range,
      currency: inst.currency,
      provider: series?.provider ?? null,
      stale: series?.stale ?? false,
      ageSec: series ? Math.round(series.ageMs / 1000) : null,
      candles: (series?.candles ?? []).map((k) => ({ time: k.time, open: k.open, high: k.high, low: k.low, close: k.close, volume: k.volume })),
    });
  };
}

/** `GET /api/instruments/:id/articles?limit=&cursor=`: linked articles, newest first, copies left out. */
export function instrumentArticlesHandler(deps: WebDeps) {
  return async (c: Context) => {
    const inst = resolveInstrument(deps, c.req.param('id') ?? '');
    const limit = parseParam(limitParam, c.req.query('limit'), 'limit');
    const cursor = c.req.query('cursor');
    const page = await deps.store.listInstrumentArticles(inst.id, { limit, ...(cursor ? { cursor } : {}) });
    const [sources, links] = await Promise.all([sourcesById(deps), deps.store.listArticleInstruments(page.items.map((a) => a.id))]);
    return c.json({
      instrumentId: inst.id,
      items: page.items.map((a) => {
        const link = links.get(a.id)?.find((l) => l.instrumentId === inst.id);
        return { ...presentArticleSummary(a, sources.get(a.sourceId)), link: link ? { salience: link.salience, role: link.role } : null };
      }),
      nextCursor: page.nextCursor,
    });
  };
}
