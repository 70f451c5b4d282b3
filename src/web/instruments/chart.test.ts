import { describe, expect, test } from 'vitest';
import type { Candle } from '../../market/types.ts';
import { candleIndexAt, MAX_MARKERS, renderPriceChart, timeLabel } from './chart.ts';
import { changeClass, formatChange, formatPrice, instrumentPath } from './format.ts';
import { thin } from './market-box.tsx';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 20);
const series = (closes: number[]): Candle[] => closes.map((close, i) => ({ time: T0 + i * H, open: close, high: close, low: close, close, volume: 0 }));
const left = (html: string) => [...html.matchAll(/class="marker[^"]*" href="[^"]*" style="left:([\d.]+)%;top:([\d.]+)%"/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('candleIndexAt', () => {
  const c = series([1, 2, 3, 4, 5]);
  test('interpolates between bars and refuses times outside the series', () => {
    expect(candleIndexAt(c, T0)).toBe(0);
    expect(candleIndexAt(c, T0 + 2.5 * H)).toBe(2.5);
    expect(candleIndexAt(c, T0 + 4 * H + H / 2)).toBe(4.5);
    expect(candleIndexAt(c, T0 - 1)).toBeNull();
    expect(candleIndexAt(c, T0 + 6 * H)).toBeNull();
    expect(candleIndexAt([], T0)).toBeNull();
  });
});

describe('renderPriceChart', () => {
  test('places a marker at its time on the price line, newest drawn last', () => {
    const html = renderPriceChart(series([10, 20, 30]), [
      { time: T0 + H, title: 'Middle', href: '/articles/2' },
      { time: T0, title: 'First', href: '/articles/1' },
    ], { range: '1d', label: 'X' }) ?? '';
    expect(html).toContain('role="group" aria-label="X"');
    // Index 0 → left 0 %; index 1 of 2 → 50 %. Prices 10 and 20 sit at their share of the padded range.
    const [first, middle] = left(html);
    expect(first?.[0]).toBe(0);
    expect(middle?.[0]).toBe(50);
    expect(first?.[1] ?? 0).toBeGreaterThan(middle?.[1] ?? 100);
    expect(html.indexOf('/articles/1')).toBeLessThan(html.indexOf('/articles/2'));
  });

  test('escapes headlines and hrefs; flips the tooltip near the right edge', () => {
    const html = renderPriceChart(series([1, 2, 3, 4, 5]), [{ time: T0 + 4 * H, title: 'A <b>"bold"</b> & co', href: '/a?x=1&y="2"' }], { range: '1d', label: '<x>' }) ?? '';
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;b&#62;&#34;bold&#34;&#60;/b&#62; &#38; co');
    expect(html).toContain('href="/a?x=1&#38;y=&#34;2&#34;"');
    expect(html).toContain('aria-label="&#60;x&#62;"');
    expect(html).toContain('class="marker tip-left"');
  });

  test('markers outside the range are left off, and at most MAX_MARKERS are drawn', () => {
    const c = series(Array.from({ length: 200 }, (_, i) => 100 + i));
    const many = Array.from({ length: 100 }, (_, i) => ({ time: T0 + i * H, title: `n${i}`, href: `/articles/${i}` }));
    const html = renderPriceChart(c, [...many, { time: T0 - H, title: 'old', href: '/articles/old' }], { range: '1w', label: 'x' }) ?? '';
    expect(left(html)).toHaveLength(MAX_MARKERS);
    expect(html).not.toContain('/articles/old');
    expect(html).toContain('/articles/99');
    expect(html).not.toContain('"/articles/0"');
  });

  test('a flat series still draws; fewer than two candles or a broken close draws nothing', () => {
    expect(renderPriceChart(series([5, 5, 5]), [], { range: '1d', label: 'x' })).toContain('<polyline class="line up"');
    expect(renderPriceChart(series([5, 4]), [], { range: '1d', label: 'x' })).toContain('class="line down"');
    expect(renderPriceChart(series([5]), [], { range: '1d', label: 'x' })).toBeNull();
    expect(renderPriceChart(series([5, Number.NaN, 6]), [], { range: '1d', label: 'x' })).toBeNull();
  });

  test('time labels suit the range', () => {
    const t = Date.UTC(2026, 0, 5, 9, 30);
    expect(timeLabel(t, '1d')).toBe('09:30');
    expect(timeLabel(t, '1m')).toBe('Jan 5');
    expect(timeLabel(t, '1y')).toBe('Jan ’26');
  });
});

describe('format', () => {
  test('prices with currency, digits by magnitude; points without a unit', () => {
    expect(formatPrice(182.1, 'USD')).toBe('$182.10');
    expect(formatPrice(94512.3, 'USDT')).toBe('94,512.30 USDT');
    expect(formatPrice(0.19234, 'USD')).toBe('$0.1923');
    expect(formatPrice(2.3145, 'HKD')).toBe('2.315 HKD');
    expect(formatPrice(6620.5, 'PTS')).toBe('6,620.50');
  });
  test('changes carry their sign and class', () => {
    expect(formatChange(1.234)).toBe('+1.23%');
    expect(formatChange(-0.4)).toBe('−0.40%');
    expect(formatChange(0.001)).toBe('0.00%');
    expect(formatChange(null)).toBe('n/a');
    expect([changeClass(2), changeClass(-2), changeClass(0), changeClass(null)]).toEqual(['up', 'down', 'flat', 'flat']);
  });
  test('instrument paths keep the colon and encode the rest', () => {
    expect(instrumentPath('us:NVDA')).toBe('/instruments/us:NVDA');
    expect(instrumentPath('us:BRK/B')).toBe('/instruments/us:BRK%2FB');
  });
});

describe('findMoves', () => {
  test('largest close-to-close moves first, with the articles of the hours before each', async () => {
    const { findMoves } = await import('./moves.ts');
    const c = series([100, 101, 95, 96, 96, 96, 96, 96, 96, 106, 105]);
    const at = (h: number) => new Date(T0 + h * H);
    const moves = findMoves(c, [
      { id: 1, title: 'before the jump', publishedAt: at(8.5) },
      { id: 2, title: 'long before', publishedAt: at(-10) },
      { id: 3, title: 'after the jump', publishedAt: at(10.5) },
    ], T0 + 100 * H, 2);
    expect(moves.map((m) => Math.round(m.changePct * 10) / 10)).toEqual([10.4, -5.9]);
    expect(moves[0]?.articles.map((a) => a.id)).toEqual([1]);
    expect(moves[0]?.lookbackMs).toBe(6 * H);
    expect(moves[1]?.articles.map((a) => a.id)).toEqual([]);
    expect(findMoves(series([1]), [], T0)).toEqual([]);
    // Moves of one episode (within a lookback window) count once.
    const episode = findMoves(series([100, 110, 121, 121, 121, 121, 121, 121, 121, 100]), [], T0 + 100 * H, 3);
    expect(episode.map((m) => Math.round(m.changePct))).toEqual([-17, 10]);
    // The bar still forming ends now, not in the future.
    expect(findMoves(series([100, 120]), [], T0 + 1.5 * H)[0]?.at).toBe(T0 + 1.5 * H);
  });
});

test('thin keeps the first and last values and at most max', () => {
  const v = Array.from({ length: 288 }, (_, i) => i);
  const t = thin(v, 96);
  expect(t).toHaveLength(96);
  expect([t[0], t.at(-1)]).toEqual([0, 287]);
  expect(thin([1, 2], 96)).toEqual([1, 2]);
});
