/**
 * @module web/instruments/chart — the instrument page's price chart as server-rendered SVG (no client JS): the
 * close line over the range, price gridlines, time ticks, and one marker per article at its publication time on
 * the price line. Each marker is a link to the article with the headline as its tooltip (hover shows it, click
 * opens it, keyboard focus reaches it).
 */
import type { Candle } from '../../market/types.ts';
import type { ChartRange } from './types.ts';

/** An article placed on the chart. */
export interface ChartMarker {
  time: number;
  title: string;
  href: string;
}

/** Chart geometry in SVG user units; the SVG scales to its container's width. */
const WIDTH = 720;
const HEIGHT = 300;
/** Room for the price labels on the right and the time labels below. */
const PAD = { left: 8, right: 76, top: 14, bottom: 30 };
/** Horizontal gridlines (price levels) drawn. */
const GRID_LINES = 4;
/** Time labels along the bottom. */
const TIME_TICKS = 5;
/** Most markers drawn; older ones beyond this are left off (the list below the chart has them all). */
export const MAX_MARKERS = 60;
/** Marker radius. */
const MARKER_R = 7;

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const r1 = (n: number) => (Math.round(n * 10) / 10).toString();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time label suited to the range: hours within a day, days within months, months over a year. */
export function timeLabel(t: number, range: ChartRange): string {
  const d = new Date(t);
  if (range === '1d') return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  if (range === '1y') return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}`;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/** A compact price label for the axis. */
function priceLabel(v: number): string {
  const abs = Math.abs(v);
  const digits = abs < 1 ? 4 : abs < 10 ? 3 : abs < 10_000 ? 2 : 0;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Fractional candle index of time t (candles oldest first), or null outside the series. */
export function candleIndexAt(candles: Candle[], t: number): number | null {
  const first = candles[0];
  const last = candles.at(-1);
  if (!first || !last || t < first.time) return null;
  const step = candles.length > 1 ? (last.time - first.time) / (candles.length - 1) : 0;
  if (t > last.time + step) return null;
  let lo = 0;
  let hi = candles.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((candles[mid]?.time ?? Number.POSITIVE_INFINITY) <= t) lo = mid;
    else hi = mid - 1;
  }
  const here = candles[lo]?.time ?? t;
  const next = candles[lo + 1]?.time ?? here + step;
  return next > here ? lo + Math.min(1, (t - here) / (next - here)) : lo;
}

/** Options for the chart. */
export interface PriceChartOptions {
  range: ChartRange;
  /** Accessible name, e.g. "Nvidia (NVDA), 1 month". */
  label: string;
}

/**
 * Render the price chart. Fewer than two candles give null (the page then says there is no price history).
 * @example renderPriceChart(candles, [{ time, title: 'Nvidia beats', href: '/articles/7' }], { range: '1m', label: 'NVDA' })
 */
export function renderPriceChart(candles: Candle[], markers: ChartMarker[], opts: PriceChartOptions): string | null {
  const closes = candles.map((c) => c.close).filter((v) => Number.isFinite(v));
  if (candles.length < 2 || closes.length !== candles.length) return null;
  const lo = Math.min(...closes);
  const hi = Math.max(...closes);
  const margin = (hi - lo) * 0.08 || Math.abs(hi) * 0.01 || 1;
  const yMin = lo - margin;
  const yMax = hi + margin;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (i / (candles.length - 1)) * plotW;
  const y = (v: number) => PAD.top + (1 - (v - yMin) / (yMax - yMin)) * plotH;
  const bottom = PAD.top + plotH;

  const grid: string[] = [];
  for (let k = 0; k <= GRID_LINES; k++) {
    const v = yMin + ((yMax - yMin) * k) / GRID_LINES;
    const gy = r1(y(v));
    grid.push(`<line class="grid" x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${gy}" y2="${gy}"/>`);
    grid.push(`<text class="axis" x="${PAD.left + plotW + 6}" y="${gy}" dy="4">${priceLabel(v)}</text>`);
  }
  for (let k = 0; k < TIME_TICKS; k++) {
    const i = Math.round(((candles.length - 1) * (k + 0.5)) / TIME_TICKS);
    const c = candles[i];
    if (!c) continue;
    grid.push(`<text class="axis" x="${r1(x(i))}" y="${bottom + 20}" text-anchor="middle">${esc(timeLabel(c.time, opts.range))}</text>`);
  }

  const points = closes.map((v, i) => `${r1(x(i))},${r1(y(v))}`);
  const first = closes[0] ?? 0;
  const last = closes.at(-1) ?? 0;
  const trend = last >= first ? 'up' : 'down';
  const area = `<polygon class="area ${trend}" points="${r1(x(0))},${bottom} ${points.join(' ')} ${r1(x(candles.length - 1))},${bottom}"/>`;
  const line = `<polyline class="line ${trend}" points="${points.join(' ')}"/>`;

  const placed: string[] = [];
  for (const m of [...markers].sort((a, b) => b.time - a.time).slice(0, MAX_MARKERS)) {
    const fi = candleIndexAt(candles, m.time);
    if (fi === null) continue;
    const i = Math.floor(fi);
    const a = closes[i] ?? last;
    const b = closes[i + 1] ?? a;
    const mx = r1(x(Math.min(fi, candles.length - 1)));
    const my = r1(y(a + (b - a) * (fi - i)));
    const when = new Date(m.time).toISOString().slice(0, 16).replace('T', ' ');
    const title = esc(`${m.title} (${when} UTC)`);
    placed.push(
      `<a class="marker" href="${esc(m.href)}" aria-label="${title}"><title>${title}</title>` +
        `<line class="stem" x1="${mx}" x2="${mx}" y1="${my}" y2="${bottom}"/>` +
        `<circle cx="${mx}" cy="${my}" r="${MARKER_R}"/></a>`,
    );
  }

  return (
    `<svg class="price-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="${esc(opts.label)}">` +
    `${grid.join('')}${area}${line}${placed.reverse().join('')}</svg>`
  );
}

/** The chart's stylesheet (scoped to `.price-chart`; colours follow the reader's light/dark variables). */
export const CHART_STYLE = `
.price-chart{width:100%;height:auto;display:block;font:15px system-ui,sans-serif}
.price-chart .grid{stroke:var(--line);stroke-width:1}
.price-chart .axis{fill:var(--muted)}
.price-chart .line{fill:none;stroke-width:2.2;stroke-linejoin:round}
.price-chart .line.up{stroke:var(--up)}.price-chart .line.down{stroke:var(--down)}
.price-chart .area{stroke:none;opacity:.12}.price-chart .area.up{fill:var(--up)}.price-chart .area.down{fill:var(--down)}
.price-chart .marker circle{fill:var(--accent);stroke:var(--card);stroke-width:2.5}
.price-chart .marker .stem{stroke:var(--accent);stroke-width:1;stroke-dasharray:3 3;opacity:.5}
.price-chart .marker:hover circle,.price-chart .marker:focus circle{r:10;fill:var(--fg)}
.price-chart .marker:focus{outline:none}.price-chart .marker:focus-visible circle{stroke:var(--accent);stroke-width:4}
`;
