import { expect, test } from 'vitest';
import { cleanListingName, shortName } from './names.ts';
import { splitSentences, tokenize } from './text.ts';

test('sentences survive finance abbreviations and keep offsets', () => {
  const text = 'Apple Inc. rose 2% on Monday. J.P. Morgan analysts said the U.S. market is strong. Shares of Nvidia Corp. fell!\nNew paragraph here';
  const s = splitSentences(text);
  expect(s.map((x) => x.text)).toEqual([
    'Apple Inc. rose 2% on Monday.',
    'J.P. Morgan analysts said the U.S. market is strong.',
    'Shares of Nvidia Corp. fell!',
    'New paragraph here',
  ]);
  for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
});

test('tokens keep S&P, Amazon.com, Coca-Cola and 0700.HK whole and split possessives', () => {
  expect(tokenize("S&P 500, Amazon.com's Coca-Cola 0700.HK").map((t) => t.text)).toEqual(['S&P', '500', ',', 'Amazon.com', "'s", 'Coca-Cola', '0700.HK']);
  expect(tokenize('Alibaba’s').map((t) => t.key)).toEqual(['alibaba', "'s"]);
});

test('listing names become the names news uses', () => {
  expect(cleanListingName('NVIDIA Corporation - Common Stock')).toBe('NVIDIA Corporation');
  expect(cleanListingName('Alibaba Group Holding Limited American Depositary Shares each representing eight Ordinary share')).toBe('Alibaba Group Holding Limited');
  expect(shortName('Alibaba Group Holding Limited')).toBe('Alibaba');
  expect(shortName('The Walt Disney Company')).toBe('Walt Disney');
  expect(shortName('Cemex, S.A.B. de C.V.')).toBe('Cemex');
  expect(shortName('Apple Inc.')).toBe('Apple');
});
