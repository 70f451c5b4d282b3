import { expect, test } from 'vitest';
import { extractFigures } from './figures.ts';
import { loadInstruments } from './load.ts';

const index = loadInstruments();

test('who moved how much over what period', () => {
  const figs = extractFigures('Nvidia rose 4.2% on Tuesday to $181.20, while Apple shares fell 1.5%.', { index });
  expect(figs).toEqual([
    expect.objectContaining({ subject: 'us:NVDA', metric: 'change_pct', value: 4.2, unit: '%', period: 'on Tuesday' }),
    expect.objectContaining({ subject: 'us:NVDA', metric: 'price', value: 181.2, unit: 'USD' }),
    expect.objectContaining({ subject: 'us:AAPL', metric: 'change_pct', value: -1.5 }),
  ]);
});

test('index points, Hong Kong dollars, market value and the past-24-hours window', () => {
  const figs = extractFigures(
    'The Hang Seng Index dropped 312 points. Tencent closed at HK$512.50. Bitcoin gained 3% in the past 24 hours. Nvidia is now valued at $4.5 trillion.',
    { index },
  );
  expect(figs).toEqual([
    expect.objectContaining({ subject: 'idx:HSI', metric: 'change_abs', value: -312, unit: 'points' }),
    expect.objectContaining({ subject: 'hk:0700', metric: 'price', value: 512.5, unit: 'HKD' }),
    expect.objectContaining({ subject: 'crypto:BTC', metric: 'change_pct', value: 3, period: 'in the past 24 hours' }),
    expect.objectContaining({ subject: 'us:NVDA', metric: 'market_cap', value: 4.5e12 }),
  ]);
});

test('a percentage without a direction is not a move, and figures work without an index', () => {
  expect(extractFigures('The fund owns a 5% stake and rates sit at 4.5%.')).toEqual([]);
  expect(extractFigures('Stocks were up 2% this week.')).toEqual([
    { metric: 'change_pct', value: 2, unit: '%', period: 'this week', sentence: 'Stocks were up 2% this week.' },
  ]);
});

test('precomputed links restrict subjects to the linked instruments', async () => {
  const { linkInstruments } = await import('./link.ts');
  const text = 'Nvidia rose 4%. Apple fell 1%.';
  const links = linkInstruments(index, { title: '', text }).filter((l) => l.instrumentId === 'us:NVDA');
  const figs = extractFigures(text, { index, links });
  expect(figs.map((f) => f.subject ?? null)).toEqual(['us:NVDA', null]);
});
