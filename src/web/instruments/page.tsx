/**
 * @module web/instruments/page — the instrument page: name, symbol, venue, latest price and change, the price
 * chart with the news placed on the line, range links, and the articles linked to the instrument.
 */
import { raw } from 'hono/html';
import type { Instrument } from '../../instruments/types.ts';
import type { Quote } from '../../market/types.ts';
import type { Article, Source } from '../../model.ts';
import { fullTime, hostOf, timeAgo } from '../pages/format.ts';
import { feedLinks, Layout } from '../pages/layout.tsx';
import { CHART_STYLE, timeLabel } from './chart.ts';
import { asOfLabel, changeClass, changeWindowLabel, formatChange, formatPrice, instrumentPath } from './format.ts';
import type { PriceMove } from './moves.ts';
import { CHART_RANGES, type CandleSeriesView, type ChartRange } from './types.ts';

/** Labels of the range links. */
const RANGE_LABELS: Record<ChartRange, string> = { '1d': '1D', '5d': '5D', '1w': '1W', '1m': '1M', '6m': '6M', '1y': '1Y' };
/** Spoken range names for the chart's accessible label. */
const RANGE_NAMES: Record<ChartRange, string> = { '1d': '1 day', '5d': '5 days', '1w': '1 week', '1m': '1 month', '6m': '6 months', '1y': '1 year' };
const ASSET_CLASS_NAMES: Record<Instrument['assetClass'], string> = { stock: 'Stock', etf: 'ETF', index: 'Index', crypto: 'Crypto token' };

/** Everything the page shows. */
export interface InstrumentPageProps {
  siteName: string;
  instrument: Instrument;
  quote: Quote | null;
  range: ChartRange;
  series: CandleSeriesView | null;
  /** The chart as SVG markup (renderPriceChart), or null without price history. */
  chartSvg: string | null;
  /** Articles placed on the chart. */
  markerCount: number;
  /** Largest moves in the range with the news before each. */
  moves: PriceMove[];
  articles: Article[];
  sources: Map<number, Source>;
  nextCursor: string | null;
  isPaged: boolean;
  now: Date;
}

const PAGE_STYLE = `
.inst-head{display:flex;flex-wrap:wrap;gap:8px 20px;align-items:baseline;justify-content:space-between;margin-bottom:8px}
.inst-head h1{margin:0}.inst-head .sym{color:var(--muted);font-weight:600;font-size:.8em}
.inst-quote{display:flex;flex-wrap:wrap;gap:0 12px;align-items:baseline;font-variant-numeric:tabular-nums}
.inst-quote .price{font-size:1.7rem;font-weight:700;white-space:nowrap}.inst-quote .chg{white-space:nowrap}.inst-quote .chg{font-weight:600}
.inst-quote .up{color:var(--up)}.inst-quote .down{color:var(--down)}.inst-quote .flat{color:var(--muted)}
.inst-note{margin:0 0 8px;font-size:.86rem;color:var(--muted)}.inst-note.stale{color:var(--warn)}
.ranges{display:flex;gap:4px;flex-wrap:wrap;margin:12px 0 6px;padding:0;list-style:none}
.ranges a{display:inline-block;min-width:40px;text-align:center;padding:3px 8px;border-radius:6px;border:1px solid var(--line);text-decoration:none;font-size:.88rem;font-weight:600}
.ranges a[aria-current]{background:var(--accent);border-color:var(--accent);color:var(--bg)}
figure.chart{margin:0 0 8px;border:1px solid var(--line);border-radius:8px;background:var(--card);padding:8px 6px 2px}
figure.chart figcaption{font-size:.8rem;color:var(--muted);padding:2px 4px 6px}
.moves{list-style:none;margin:0 0 8px;padding:0;display:grid;gap:8px;grid-template-columns:repeat(auto-fit,minmax(220px,1fr))}
.moves>li{border:1px solid var(--line);border-radius:8px;background:var(--card);padding:8px 12px}
.moves .mv{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap;font-variant-numeric:tabular-nums}
.moves .up{color:var(--up)}.moves .down{color:var(--down)}.moves ul{margin:4px 0 0;padding-left:18px;font-size:.9rem}
`;

function QuoteLine(props: { quote: Quote | null }) {
  const q = props.quote;
  if (!q) return <p class="inst-note">No price available right now.</p>;
  return (
    <div>
      <div class="inst-quote">
        <span class="price" data-price={String(q.price)}>
          {formatPrice(q.price, q.currency)}
        </span>
        <span class={`chg ${changeClass(q.changePct)}`}>
          {formatChange(q.changePct)} <small>{changeWindowLabel(q)}</small>
        </span>
      </div>
      <p class={q.stale ? 'inst-note stale' : 'inst-note'}>
        {q.stale ? `Delayed: the provider is unreachable; last price ${asOfLabel(q)}.` : `${q.provider === 'demo' ? 'Demo prices: illustrative, not real quotes' : `From ${q.provider}`} · ${asOfLabel(q)}`}
      </p>
    </div>
  );
}

function Moves(props: { moves: PriceMove[]; range: ChartRange; currency: string }) {
  if (props.moves.length === 0) return null;
  const hours = Math.round((props.moves[0]?.lookbackMs ?? 0) / 3_600_000);
  return (
    <section aria-label="Largest moves">
      <h2>Largest moves ({RANGE_LABELS[props.range]})</h2>
      <ol class="moves">
        {props.moves.map((m) => (
          <li>
            <div class="mv">
              <strong class={changeClass(m.changePct)}>{formatChange(m.changePct)}</strong>
              <span>
                {formatPrice(m.from, props.currency)} → {formatPrice(m.to, props.currency)}
              </span>
              <time class="meta" datetime={new Date(m.at).toISOString()}>
                {`${timeLabel(m.at, props.range === '1y' ? '1m' : props.range)}${props.range === '1d' ? '' : ` ${timeLabel(m.at, '1d')}`} UTC`}
              </time>
            </div>
            {m.articles.length > 0 ? (
              <ul>
                {m.articles.slice(0, 3).map((a) => (
                  <li>
                    <a href={`/articles/${a.id}`}>{a.title}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="hint">No linked news in the {hours} hours before.</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ArticleList(props: { articles: Article[]; sources: Map<number, Source>; now: Date }) {
  return (
    <ul class="list">
      {props.articles.map((a) => (
        <li class="item">
          <h2>
            <a href={`/articles/${a.id}`}>{a.title}</a>
          </h2>
          <div class="meta">
            <span>{props.sources.get(a.sourceId)?.title || hostOf(a.url)}</span>
            <span aria-hidden="true">·</span>
            <time datetime={a.publishedAt.toISOString()} title={fullTime(a.publishedAt)}>
              {timeAgo(a.publishedAt, props.now)}
            </time>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function InstrumentPage(props: InstrumentPageProps) {
  const { instrument: inst, range } = props;
  const path = instrumentPath(inst.id);
  const title = `${inst.name} (${inst.symbol})`;
  return (
    <Layout title={title} siteName={props.siteName} description={`${title}: price chart with the news, and the latest articles.`} feeds={feedLinks(`${inst.name} news`, `${path}/feed`)}>
      <style>{raw(PAGE_STYLE + CHART_STYLE)}</style>
      <div class="inst-head">
        <div>
          <h1>
            {inst.name} <span class="sym">{inst.symbol}</span>
          </h1>
          <div class="meta">
            <span>{ASSET_CLASS_NAMES[inst.assetClass]}</span>
            <span aria-hidden="true">·</span>
            <span>{inst.exchange}</span>
            <span aria-hidden="true">·</span>
            <span>{inst.currency}</span>
          </div>
        </div>
        <QuoteLine quote={props.quote} />
      </div>
      <nav aria-label="Chart range">
        <ul class="ranges">
          {CHART_RANGES.map((r) => (
            <li>
              <a href={`${path}?range=${r}`} aria-current={r === range ? 'true' : undefined}>
                {RANGE_LABELS[r]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.chartSvg ? (
        <figure class="chart">
          {raw(props.chartSvg)}
          <figcaption>
            {`${RANGE_NAMES[range]} of prices`}
            {props.markerCount > 0 ? `; each dot is an article, placed at its publication time (${props.markerCount} shown) — hover for the headline, click to read it` : '; no articles in this range'}
            {props.series?.stale ? '. Delayed: the provider is unreachable, older prices shown.' : '.'}
          </figcaption>
        </figure>
      ) : (
        <p class="hint">No price history available for this range.</p>
      )}
      <Moves moves={props.moves} range={range} currency={props.quote?.currency ?? inst.currency} />
      <section aria-label="Articles">
        <h2>News about {inst.name}</h2>
        {props.articles.length === 0 ? <p class="hint">No articles linked to {inst.symbol} yet.</p> : <ArticleList articles={props.articles} sources={props.sources} now={props.now} />}
        <div class="pager">
          {props.isPaged ? <a href={`${path}?range=${range}`}>← Newest</a> : <span />}
          {props.nextCursor ? <a href={`${path}?range=${range}&cursor=${encodeURIComponent(props.nextCursor)}`}>Older articles →</a> : null}
        </div>
      </section>
    </Layout>
  );
}
