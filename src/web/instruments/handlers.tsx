/**
 * @module web/instruments/handlers — the instrument page handler: validate → read quote, candles and linked
 * articles → render.
 */
import type { Context } from 'hono';
import { sourcesById } from '../api/articles.ts';
import type { WebDeps } from '../context.ts';
import { type ChartMarker, candleIndexAt, MAX_MARKERS, renderPriceChart } from './chart.ts';
import { quietly, resolveInstrument } from './lookup.ts';
import { findMoves } from './moves.ts';
import { InstrumentPage } from './page.tsx';
import { parseRange } from './params.ts';

/** Articles per page of the instrument page's list. */
const PAGE_SIZE = 20;

/** `GET /instruments/:id?range=1m&cursor=`: the instrument page. */
export function instrumentPageHandler(deps: WebDeps) {
  return async (c: Context) => {
    const inst = resolveInstrument(deps, c.req.param('id') ?? '');
    const range = parseRange(c.req.query('range'));
    const cursor = c.req.query('cursor') || undefined;
    const [quote, series, page, recent, sources] = await Promise.all([
      quietly(deps, `quote ${inst.id}`, deps.market?.getQuote(inst.id)),
      quietly(deps, `candles ${inst.id}`, deps.market?.getCandles(inst.id, range)),
      deps.store.listInstrumentArticles(inst.id, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
      deps.store.listInstrumentArticles(inst.id, { limit: MAX_MARKERS }),
      sourcesById(deps),
    ]);
    const candles = series?.candles ?? [];
    const markers: ChartMarker[] = recent.items
      .filter((a) => candleIndexAt(candles, a.publishedAt.getTime()) !== null)
      .map((a) => ({ time: a.publishedAt.getTime(), title: a.title, href: `/articles/${a.id}` }));
    const rangeName = range.toUpperCase();
    const chartSvg = renderPriceChart(candles, markers, { range, label: `${inst.name} (${inst.symbol}) price, ${rangeName}, with ${markers.length} articles` });
    return c.html(
      <InstrumentPage
        siteName={deps.config.siteName}
        instrument={inst}
        quote={quote}
        range={range}
        series={series}
        chartSvg={chartSvg}
        markerCount={chartSvg ? markers.length : 0}
        moves={chartSvg ? findMoves(candles, recent.items, deps.now().getTime()) : []}
        articles={page.items}
        sources={sources}
        nextCursor={page.nextCursor}
        isPaged={Boolean(cursor)}
        now={deps.now()}
      />,
    );
  };
}
