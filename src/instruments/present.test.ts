import { expect, test } from 'vitest';
import { loadInstruments } from './load.ts';
import { toInstrumentJson } from './present.ts';
import { renderSparkline } from './sparkline.ts';

test('toInstrumentJson presents an instrument with quote staleness and link fields', () => {
  const inst = loadInstruments().byId.get('us:NVDA');
  if (!inst) throw new Error('us:NVDA missing from the reference data');
  const asOf = new Date('2026-11-25T14:00:00Z');
  const json = toInstrumentJson(inst, {
    quote: { symbol: 'NVDA', price: 181.2, changePct: 2.5, changeWindow: 'session', open: null, high: null, low: null, volume: null, currency: 'USD', asOf, provider: 'demo', stale: true, ageMs: 90_500 },
    link: { instrumentId: 'us:NVDA', symbol: 'NVDA', name: 'Nvidia', assetClass: 'stock', salience: 0.9, role: 'subject', mentions: 3, sentences: ['Nvidia rose.'] },
  });
  expect(json).toMatchObject({ id: 'us:NVDA', symbol: 'NVDA', assetClass: 'stock', currency: 'USD', exchange: 'NASDAQ' });
  expect(json.quote).toEqual({ price: 181.2, changePct: 2.5, changeWindow: 'session', currency: 'USD', asOf: '2026-11-25T14:00:00.000Z', provider: 'demo', stale: true, ageSec: 91 });
  expect(json.link).toEqual({ salience: 0.9, role: 'subject', mentions: 3, sentences: ['Nvidia rose.'] });
  expect(JSON.parse(JSON.stringify(json))).toEqual(json);
});

test('renderSparkline draws a rising line green, a falling one red, and escapes the label', () => {
  const up = renderSparkline([1, 2, 3], { width: 50, height: 10, label: 'A<b>' });
  expect(up).toContain('stroke="#1a7f37"');
  expect(up).toContain('<polyline points="1,9 25,5 49,1"');
  expect(up).toContain('<title>A&#60;b&#62;</title>');
  expect(renderSparkline([3, 1])).toContain('stroke="#cf222e"');
  expect(renderSparkline([5])).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="24" viewBox="0 0 100 24" role="img"></svg>');
  expect(renderSparkline([1, Number.NaN, 1])).toContain('points="1,23 99,23"');
});

test('searchInstruments ranks exact symbols, then names and aliases', async () => {
  const { searchInstruments } = await import('./search.ts');
  const index = loadInstruments();
  expect(searchInstruments(index, 'NVDA')[0]?.id).toBe('us:NVDA');
  expect(searchInstruments(index, '$btc')[0]?.id).toBe('crypto:BTC');
  expect(searchInstruments(index, 'hua hong')[0]?.id).toBe('hk:1347');
  expect(searchInstruments(index, 'nvid').map((i) => i.id)).toContain('us:NVDA');
  expect(searchInstruments(index, '  ')).toEqual([]);
});
