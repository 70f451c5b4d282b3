/**
 * @module web/instruments/market-box — the article page's market box: for the 1–3 most salient *subject*
 * instruments of an article, symbol and name, last price, change, a 1-day sparkline and a link to the instrument
 * page; chips for the other linked instruments. Nothing at all when no subject instrument has a quote: no price box
 * is better than a wrong one.
 */
import { raw } from 'hono/html';
import { renderSparkline } from '../../instruments/index.ts';
import type { Quote } from '../../market/types.ts';
import type { WebDeps } from '../context.ts';
import { asOfLabel, changeClass, changeWindowLabel, formatChange, formatPrice, instrumentPath } from './format.ts';
import { bySalience, instrumentIndexOf, quietly } from './lookup.ts';

/** Most instruments priced in one box. */
export const MAX_BOX_INSTRUMENTS = 3;
/** Most chips for the other linked instruments. */
const MAX_OTHER_CHIPS = 6;
/** Most points in a sparkline (a day of 5-minute bars is thinned to this; keeps the page small). */
const SPARK_POINTS = 96;
/** Sparkline size in CSS pixels. */
const SPARK = { width: 272, height: 34 };

/** One priced row of the box. */
export interface MarketBoxRow {
  id: string;
  symbol: string;
  name: string;
  exchange: string | null;
  quote: Quote;
  /** 1-day closes, oldest first (may be empty). */
  spark: number[];
}

/** What the box shows. */
export interface MarketBoxData {
  rows: MarketBoxRow[];
  others: Array<{ id: string; symbol: string; name: string }>;
}

/** At most `max` values, evenly spaced, always keeping the last (the current price). */
export function thin(values: number[], max: number): number[] {
  if (values.length <= max) return values;
  const step = (values.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => values[Math.round(i * step)] ?? Number.NaN);
}

/**
 * Read what the market box of an article shows: subject instruments (most salient first) that have a quote.
 * Null when there is no market service, no subject instrument, or no quote for any of them.
 */
export async function loadMarketBox(deps: WebDeps, articleId: number): Promise<MarketBoxData | null> {
  const market = deps.market;
  if (!market) return null;
  const links = bySalience((await deps.store.listArticleInstruments([articleId])).get(articleId) ?? []);
  const subjects = links.filter((l) => l.role === 'subject').slice(0, MAX_BOX_INSTRUMENTS);
  if (subjects.length === 0) return null;
  const index = instrumentIndexOf(deps);
  const priced = await Promise.all(
    subjects.map(async (s): Promise<MarketBoxRow | null> => {
      const [quote, candles] = await Promise.all([
        quietly(deps, `quote ${s.instrumentId}`, market.getQuote(s.instrumentId)),
        quietly(deps, `candles ${s.instrumentId}`, market.getCandles(s.instrumentId, '1d')),
      ]);
      if (!quote || !Number.isFinite(quote.price)) return null;
      const inst = index?.byId.get(s.instrumentId);
      return {
        id: s.instrumentId,
        symbol: inst?.symbol ?? s.symbol,
        name: inst?.name ?? s.name,
        exchange: inst?.exchange ?? null,
        quote,
        spark: thin(candles?.candles.map((c) => c.close) ?? [], SPARK_POINTS),
      };
    }),
  );
  const rows = priced.filter((r): r is MarketBoxRow => r !== null);
  if (rows.length === 0) return null;
  const shown = new Set(rows.map((r) => r.id));
  const others = links
    .filter((l) => !shown.has(l.instrumentId))
    .slice(0, MAX_OTHER_CHIPS)
    .map((l) => ({ id: l.instrumentId, symbol: l.symbol, name: l.name }));
  return { rows, others };
}

function Row(props: { row: MarketBoxRow }) {
  const { row } = props;
  const q = row.quote;
  const cls = changeClass(q.changePct);
  // Stretched to the box's width (no aspect ratio kept; the stroke keeps its width).
  const spark =
    row.spark.length > 1 ? renderSparkline(row.spark, { ...SPARK, label: `${row.symbol}, last day`, stroke: 'currentColor' }).replace('<svg ', '<svg preserveAspectRatio="none" ') : '';
  return (
    <li>
      <a class="mb-row" href={instrumentPath(row.id)}>
        <span class="mb-id">
          <strong class="mb-sym">{row.symbol}</strong>
          <span class="mb-name">{row.exchange ? `${row.name} · ${row.exchange}` : row.name}</span>
        </span>
        <span class={`mb-spark ${(row.spark.at(-1) ?? 0) >= (row.spark[0] ?? 0) ? 'up' : 'down'}`} aria-hidden={spark ? undefined : 'true'}>
          {raw(spark)}
        </span>
        <span class="mb-quote">
          <span class="mb-price" data-price={String(q.price)}>
            {formatPrice(q.price, q.currency)}
          </span>
          <span class={`mb-chg ${cls}`}>
            {formatChange(q.changePct)} <small>{changeWindowLabel(q)}</small>
          </span>
        </span>
      </a>
      {q.stale ? <p class="mb-note">Delayed: provider unreachable, {asOfLabel(q)}</p> : null}
    </li>
  );
}

/** The box's stylesheet (scoped to `.mbox`; colours follow the reader's variables). */
const BOX_STYLE = `
.mbox h2{font-size:1rem;margin:0 0 6px}.mbox ul.mb-rows{list-style:none;margin:0;padding:0!important}
.mbox .mb-rows li{border-bottom:1px solid var(--line)}.mbox .mb-rows li:last-child{border-bottom:0}
.mbox .mb-row{display:grid;grid-template-columns:minmax(0,1fr) auto;grid-template-areas:"id quote" "spark spark";gap:4px 10px;align-items:center;padding:8px 0;color:var(--fg);text-decoration:none}
.mbox .mb-row:hover .mb-sym{text-decoration:underline}
.mbox .mb-id{grid-area:id;display:flex;flex-direction:column;min-width:0}.mbox .mb-sym{font-size:1.02rem}
.mbox .mb-name{color:var(--muted);font-size:.8rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.mbox .mb-spark{grid-area:spark;color:var(--muted);line-height:0}.mbox .mb-spark svg{width:100%;height:34px}.mbox .mb-spark polyline{vector-effect:non-scaling-stroke}
.mbox .mb-quote{grid-area:quote;display:flex;flex-direction:column;align-items:flex-end;font-variant-numeric:tabular-nums}
.mbox .mb-price{font-weight:700}.mbox .mb-chg{font-size:.85rem;font-weight:600}.mbox .mb-chg small{font-weight:400;color:var(--muted)}
.mbox .up{color:var(--up)}.mbox .down{color:var(--down)}.mbox .flat{color:var(--muted)}
.mbox .mb-note{margin:0 0 6px;font-size:.78rem;color:var(--warn)}.mbox .mb-foot{margin:6px 0 0;font-size:.76rem;color:var(--muted)}
.mbox ul.chips{margin-top:8px;padding:0!important}
`;

/** The market box; render it only with data from loadMarketBox (it renders nothing without rows). */
export function MarketBox(props: { data: MarketBoxData | null }) {
  const data = props.data;
  if (!data || data.rows.length === 0) return null;
  const isDemo = data.rows.some((r) => r.quote.provider === 'demo');
  return (
    <div class="mbox">
      <style>{raw(BOX_STYLE)}</style>
      <h2>Market</h2>
      <ul class="mb-rows">
        {data.rows.map((row) => (
          <Row row={row} />
        ))}
      </ul>
      {data.others.length > 0 ? (
        <ul class="chips" aria-label="Also in this article">
          {data.others.map((o) => (
            <li>
              <a class="chip" href={instrumentPath(o.id)} title={o.name}>
                {o.symbol}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="mb-foot">{isDemo ? 'Demo prices: illustrative, not real quotes.' : `Prices from ${[...new Set(data.rows.map((r) => r.quote.provider))].join(', ')}. Not investment advice.`}</p>
    </div>
  );
}
