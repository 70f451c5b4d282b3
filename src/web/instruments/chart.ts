/**
 * @module web/instruments/chart — the instrument page's price chart as server-rendered SVG (no client JS): the
 * close line over the range, price gridlines, time ticks, and one marker per article at its publication time on
 * the price line. Each marker is a link to the article; hover or keyboard focus shows the headline (CSS tooltip),
 * click opens it.
 */
import type { Candle } from '../../market/types.ts';
import type { ChartRange } from './types.ts';

/** An article placed on the chart. */
export interface ChartMarker {
  time: number;
  title: string;
  href: string;
}

/** SVG user units of the plot; the SVG stretches to its box (labels and markers are HTML, so they stay crisp). */
const VIEW_W = 1000;
const VIEW_H = 300;
/** Horizontal gridlines (price levels) drawn. */
const GRID_LINES = 4;
/** Time labels along the bottom. */
const TIME_TICKS = 5;
/** Most markers drawn; older ones beyond this are left off (the list below the chart has them all). */
export const MAX_MARKERS = 60;
/** Markers right of this share of the width open their headline to the left (so it stays on screen). */
const TIP_FLIP_AT = 0.6;

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const r1 = (n: number) => (Math.round(n * 10) / 10).toString();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time label suited to the range: hours within a day, days within months, months over a year. */
export function timeLabel(t: number, range: ChartRange): string {
  const d = new Date(t);
  if (range === '1d') return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  if (range === '1y') return `${MONTHS[d.getUTCMonth()]} ’${String(d.getUTCFullYear()).slice(2)}`;
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

/** A percentage for inline positions. */
const pct = (n: number) => `${(Math.round(n * 10_000) / 100).toString()}%`;

/**
 * Render the price chart as HTML: an SVG plot (gridlines, area, close line, marker stems) stretched to the chart
 * box, with price and time labels and article markers as positioned HTML (links with the headline as title).
 * Fewer than two candles give null (the page then says there is no price history).
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
  // Fractions of the plot box (0..1), from the left and from the top.
  const fx = (i: number) => i / (candles.length - 1);
  const fy = (v: number) => 1 - (v - yMin) / (yMax - yMin);

  const svg: string[] = [];
  const labels: string[] = [];
  for (let k = 0; k <= GRID_LINES; k++) {
    const v = yMin + ((yMax - yMin) * k) / GRID_LINES;
    const gy = r1(fy(v) * VIEW_H);
    svg.push(`<line class="grid" x1="0" x2="${VIEW_W}" y1="${gy}" y2="${gy}"/>`);
    labels.push(`<span class="pc-y" style="top:${pct(fy(v))}">${priceLabel(v)}</span>`);
  }
  for (let k = 0; k < TIME_TICKS; k++) {
    const i = Math.round(((candles.length - 1) * (k + 0.5)) / TIME_TICKS);
    const c = candles[i];
    if (c) labels.push(`<span class="pc-x" style="left:${pct(fx(i))}">${esc(timeLabel(c.time, opts.range))}</span>`);
  }

  const points = closes.map((v, i) => `${r1(fx(i) * VIEW_W)},${r1(fy(v) * VIEW_H)}`);
  const first = closes[0] ?? 0;
  const last = closes.at(-1) ?? 0;
  const trend = last >= first ? 'up' : 'down';
  svg.push(`<polygon class="area ${trend}" points="0,${VIEW_H} ${points.join(' ')} ${VIEW_W},${VIEW_H}"/>`);
  svg.push(`<polyline class="line ${trend}" points="${points.join(' ')}"/>`);

  const placed: string[] = [];
  for (const m of [...markers].sort((a, b) => b.time - a.time).slice(0, MAX_MARKERS)) {
    const fi = candleIndexAt(candles, m.time);
    if (fi === null) continue;
    const i = Math.floor(fi);
    const a = closes[i] ?? last;
    const b = closes[i + 1] ?? a;
    const mx = fx(Math.min(fi, candles.length - 1));
    const my = fy(a + (b - a) * (fi - i));
    svg.push(`<line class="stem" x1="${r1(mx * VIEW_W)}" x2="${r1(mx * VIEW_W)}" y1="${r1(my * VIEW_H)}" y2="${VIEW_H}"/>`);
    const when = new Date(m.time).toISOString().slice(0, 16).replace('T', ' ');
    const title = esc(`${m.title} (${when} UTC)`);
    placed.push(
      `<a class="marker${mx > TIP_FLIP_AT ? ' tip-left' : ''}" href="${esc(m.href)}" style="left:${pct(mx)};top:${pct(my)}" aria-label="${title}" data-tip="${title}"></a>`,
    );
  }

  return (
    `<div class="price-chart" role="group" aria-label="${esc(opts.label)}"><div class="pc-plot">` +
    `<svg viewBox="0 0 ${VIEW_W} ${VIEW_H}" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">${svg.join('')}</svg>` +
    `${labels.join('')}${placed.reverse().join('')}</div></div>`
  );
}

/** The chart's stylesheet (scoped to `.price-chart`; colours follow the reader's light/dark variables). */
export const CHART_STYLE = `
.price-chart{position:relative;height:300px;padding:8px 64px 26px 4px;font-size:.78rem;font-variant-numeric:tabular-nums}
@media (max-width:600px){.price-chart{height:230px;padding-right:56px}}
.price-chart .pc-plot{position:relative;width:100%;height:100%}
.price-chart svg{display:block;width:100%;height:100%;overflow:visible}
.price-chart .grid{stroke:var(--line);stroke-width:1;vector-effect:non-scaling-stroke}
.price-chart .line{fill:none;stroke-width:2;stroke-linejoin:round;vector-effect:non-scaling-stroke}
.price-chart .line.up{stroke:var(--up)}.price-chart .line.down{stroke:var(--down)}
.price-chart .area{stroke:none;opacity:.12}.price-chart .area.up{fill:var(--up)}.price-chart .area.down{fill:var(--down)}
.price-chart .stem{stroke:var(--accent);stroke-width:1;stroke-dasharray:3 3;opacity:.55;vector-effect:non-scaling-stroke}
.price-chart .pc-y{position:absolute;left:100%;margin-left:6px;transform:translateY(-50%);color:var(--muted);white-space:nowrap}
.price-chart .pc-x{position:absolute;top:100%;margin-top:4px;transform:translateX(-50%);color:var(--muted);white-space:nowrap}
.price-chart .marker{position:absolute;width:14px;height:14px;margin:-7px 0 0 -7px;border-radius:50%;background:var(--accent);border:2px solid var(--card);box-shadow:0 0 0 1px var(--accent)}
.price-chart .marker:hover,.price-chart .marker:focus-visible{background:var(--fg);z-index:2;outline:none;box-shadow:0 0 0 3px var(--accent)}
.price-chart .marker:hover::after,.price-chart .marker:focus-visible::after{content:attr(data-tip);position:absolute;bottom:18px;left:-8px;width:max-content;max-width:240px;padding:6px 8px;border-radius:6px;background:var(--fg);color:var(--bg);font-size:.8rem;line-height:1.3;font-weight:600;white-space:normal;pointer-events:none}
.price-chart .marker.tip-left:hover::after,.price-chart .marker.tip-left:focus-visible::after{left:auto;right:-8px}
`;
