import { describe, expect, test } from 'vitest';
import { linkInstruments } from './link.ts';
import { buildInstrumentIndex, loadInstruments } from './load.ts';
import { findMentions, hkCode } from './mentions.ts';
import type { Instrument } from './types.ts';

const index = loadInstruments();
const found = (text: string, cryptoContext = false) =>
  findMentions(index, text, { cryptoContext }).mentions.map((m) => `${m.instrumentId}/${m.kind}`);

describe('findMentions', () => {
  test.each([
    ['NASDAQ: NOW', 'us:NOW/qualified'],
    ['(NYSE:BABA)', 'us:BABA/qualified'],
    ['NYSE Arca: SPY', 'us:SPY/qualified'],
    ['HKEX: 700', 'hk:0700/qualified'],
    ['HKG: 00981', 'hk:0981/qualified'],
    ['0700.HK', 'hk:0700/qualified'],
    ['688981.SS', 'cn:688981/qualified'],
    ['600519.SH', 'cn:600519/qualified'],
    ['OTC: TCEHY', 'hk:0700/qualified'],
    ['$BRK.B', 'us:BRK.B/cashtag'],
    ['$nvda', 'us:NVDA/cashtag'],
    ['$TCEHY', 'hk:0700/cashtag'],
  ])('%s → %s', (text, want) => {
    expect(found(`Shares of ${text} moved.`)).toEqual([want]);
  });

  test('a qualified ticker is not also read as the exchange name or a bare ticker', () => {
    expect(found('NASDAQ: NVDA')).toEqual(['us:NVDA/qualified']);
  });

  test('dollar amounts and unknown codes are not cashtags or listings; the venue name is not the exchange operator', () => {
    const text = 'It paid $5 and US$7 for 9999.XX and HKEX: 12345678. The firm will list on HKEX next week.';
    expect(linkInstruments(index, { title: '', text })).toEqual([]);
    expect(linkInstruments(index, { title: '', text: 'HKEX shares rose 2% on record turnover.' })[0]?.instrumentId).toBe('hk:0388');
  });

  test('a cashtag shared by a stock and a token follows the text: crypto context picks the token', () => {
    const extra: Instrument[] = [
      { id: 'us:ZZZ', symbol: 'ZZZ', name: 'Zed Corp', assetClass: 'stock', currency: 'USD', exchange: 'NYSE', tickers: {}, aliases: [], rank: 2 },
      { id: 'crypto:ZZZ', symbol: 'ZZZ', name: 'Zedcoin', assetClass: 'crypto', currency: 'USD', exchange: 'CRYPTO', tickers: {}, aliases: [], rank: 2 },
    ];
    const idx = buildInstrumentIndex({ version: 1, builtAt: '', sources: [], instruments: extra, ambiguousWords: [] });
    expect(findMentions(idx, '$ZZZ', { cryptoContext: false }).mentions[0]?.instrumentId).toBe('us:ZZZ');
    expect(findMentions(idx, '$ZZZ', { cryptoContext: true }).mentions[0]?.instrumentId).toBe('crypto:ZZZ');
  });

  test('longest alias wins and names need their capital letters', () => {
    expect(found('Hua Hong Semiconductor rose')).toEqual(['hk:1347/name']);
    expect(found('the hua hong plant')).toEqual([]);
    expect(found('Alibaba’s cloud')).toEqual(['us:BABA/name']);
  });

  test('hkCode pads and trims Hong Kong codes to four digits', () => {
    expect([hkCode('700'), hkCode('00700'), hkCode('9988'), hkCode('5')]).toEqual(['0700', '0700', '9988', '0005']);
  });
});

describe('loadInstruments', () => {
  test('is built once, with tens of thousands of names', () => {
    expect(loadInstruments()).toBe(index);
    expect(index.size).toBeGreaterThan(10_000);
    for (const id of ['us:NVDA', 'us:BRK.B', 'us:SPY', 'hk:0700', 'cn:688981', 'idx:SPX', 'crypto:BTC']) expect(index.byId.has(id)).toBe(true);
  });

  test('config can add instruments and aliases', () => {
    const idx = loadInstruments({
      instruments: [{ id: 'hk:2513', symbol: '2513', name: 'Example AI Lab', assetClass: 'stock', currency: 'HKD', exchange: 'HKEX', tickers: {}, aliases: [{ text: 'Example AI Lab', strength: 'strong' }], rank: 3 }],
      aliases: { 'us:NVDA': ['Team Green'] },
    });
    expect(idx).not.toBe(index);
    expect(findMentions(idx, 'Example AI Lab (HKEX: 2513) and Team Green', { cryptoContext: false }).mentions.map((m) => m.instrumentId)).toEqual(['hk:2513', 'hk:2513', 'us:NVDA']);
    expect(findMentions(index, 'Team Green', { cryptoContext: false }).mentions).toEqual([]);
  });
});
