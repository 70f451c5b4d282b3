/**
 * @module instruments/sparkline — a tiny server-side SVG line for price boxes and lists (no client JS).
 */

/** Sparkline drawing options. */
export interface SparklineOptions {
  width?: number;
  height?: number;
  /** Stroke colour; defaults to green when the series ends at or above its start, red otherwise. */
  stroke?: string;
  strokeWidth?: number;
  /** Fill under the line (e.g. `rgba(0,128,0,0.1)`); none by default. */
  fill?: string;
  /** Accessible label (`<title>`); escaped. */
  label?: string;
}

const UP_COLOUR = '#1a7f37';
const DOWN_COLOUR = '#cf222e';
/** Inner margin so the stroke is not clipped at the extremes. */
const PAD = 1;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

/**
 * Render `values` (oldest first) as an SVG polyline string. Non-finite values are skipped; fewer than two points
 * give an empty, correctly sized SVG.
 * @example renderSparkline([1, 3, 2, 5], { width: 80, height: 20, label: 'NVDA 1D' })
 */
export function renderSparkline(values: number[], opts: SparklineOptions = {}): string {
  const width = opts.width ?? 100;
  const height = opts.height ?? 24;
  const points = values.filter((v) => Number.isFinite(v));
  const title = opts.label ? `<title>${escapeXml(opts.label)}</title>` : '';
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"${opts.label ? ` aria-label="${escapeXml(opts.label)}"` : ''}>${title}`;
  const first = points[0];
  const last = points.at(-1);
  if (points.length < 2 || first === undefined || last === undefined) return `${open}</svg>`;
  const min = Math.min(...points);
  const max = Math.max(...points);
  const span = max - min || 1;
  const stepX = (width - 2 * PAD) / (points.length - 1);
  const coords = points.map((v, i) => `${fmt(PAD + i * stepX)},${fmt(height - PAD - ((v - min) / span) * (height - 2 * PAD))}`);
  const stroke = escapeXml(opts.stroke ?? (last >= first ? UP_COLOUR : DOWN_COLOUR));
  const area = opts.fill
    ? `<polygon points="${fmt(PAD)},${fmt(height - PAD)} ${coords.join(' ')} ${fmt(width - PAD)},${fmt(height - PAD)}" fill="${escapeXml(opts.fill)}" stroke="none"/>`
    : '';
  return `${open}${area}<polyline points="${coords.join(' ')}" fill="none" stroke="${stroke}" stroke-width="${opts.strokeWidth ?? 1.5}" stroke-linejoin="round" stroke-linecap="round"/></svg>`;
}
