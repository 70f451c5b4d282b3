import { describe, expect, test } from 'vitest';
import { DuplicateIndex, compareFingerprints } from './duplicate-index.ts';
import { fingerprintText, fromFingerprintRecord, isDedupCandidate, toFingerprintRecord } from './fingerprint.ts';
import { contentHash } from './text.ts';

const ORIGINAL = [
  'Harbour Mills said on Thursday it would close two of its five flour mills in the north of the country and move production to a new plant near the port, cutting about 240 jobs over the next eighteen months.',
  'The company blamed higher energy bills and the cost of repairing ageing equipment at the two sites, which were built in the 1960s. The new plant will be able to load grain directly from ships and will use about a third less electricity per tonne of flour.',
  'Union officials said they had not been consulted and would ask for talks on redundancy terms. Harbour Mills said it would offer jobs at the new plant to workers willing to relocate and retraining to those who were not.',
  'Shares in the company rose 2.4 percent in morning trading, as analysts said the move should lift operating margins by about a percentage point once the new plant reaches full output in 2028.',
].join('\n\n');

const REWRITE = [
  'Flour producer Harbour Mills will shut a pair of older northern sites and open a modern facility at the coast, a plan that puts roughly 240 positions at risk.',
  'Executives pointed to soaring power costs and maintenance bills. A trade union representative criticised the lack of consultation and said members wanted negotiations.',
  'Investors welcomed the plan, sending the stock up more than two percent before lunch.',
].join('\n\n');

const UNRELATED = [
  'Regional airline Skyrail Connect will add four routes from its southern base next summer, including its first service to the islands, after taking delivery of three more turboprop aircraft.',
  'The carrier said bookings for the coming season were running a fifth ahead of last year and that it would hire sixty cabin crew and a dozen pilots to staff the extra flights.',
  'Skyrail has expanded quickly since a private equity firm bought a majority stake two years ago.',
].join('\n\n');

function edit(text: string, pairs: Array<[string, string]>): string {
  return pairs.reduce((t, [from, to]) => t.replace(from, to), text);
}

describe('near-duplicate detection', () => {
  const original = fingerprintText(ORIGINAL);

  test.each([
    ['full copy', ORIGINAL],
    ['copy with "appeared first on" wrapper', `${ORIGINAL}\n\nThe post Harbour Mills to close two mills appeared first on Grain Desk.`],
    ['copy with "Source:" line and photo credit', `Photo: sacks of flour on a pallet\n\n${ORIGINAL}\n\nSource: https://graindesk.example/harbour-mills`],
    ['trimmed to the first three paragraphs', ORIGINAL.split('\n\n').slice(0, 3).join('\n\n')],
    ['trimmed to the first two paragraphs', ORIGINAL.split('\n\n').slice(0, 2).join('\n\n')],
    [
      'lightly edited',
      edit(ORIGINAL, [
        ['said on Thursday', 'said'],
        ['cutting about 240 jobs', 'cutting roughly 240 jobs'],
        ['Union officials said', 'Union representatives said'],
        ['in morning trading', 'early on'],
      ]),
    ],
  ])('finds a %s', (_name, copy) => {
    const result = compareFingerprints(fingerprintText(copy), original);
    expect(result.isNearDuplicate).toBe(true);
  });

  test('a rewrite of the same event by another outlet is not a duplicate', () => {
    const result = compareFingerprints(fingerprintText(REWRITE), original);
    expect(result.isNearDuplicate).toBe(false);
    expect(result.jaccard).toBeLessThan(0.2);
  });

  test('an unrelated article is not a duplicate', () => {
    expect(compareFingerprints(fingerprintText(UNRELATED), original).isNearDuplicate).toBe(false);
  });

  test('empty, near-empty and boilerplate-only texts never match, even each other', () => {
    const empties = ['', '   ', 'Read more', 'Subscribe to our newsletter\n\nWe use cookies to improve your experience.\n\nAll rights reserved'];
    for (const a of empties) {
      expect(isDedupCandidate(fingerprintText(a))).toBe(false);
      for (const b of empties) expect(compareFingerprints(fingerprintText(a), fingerprintText(b)).isNearDuplicate).toBe(false);
    }
  });

  test('templated price stubs that differ only in numbers are not duplicates', () => {
    const stub = (pct: string, price: string, vol: string, month: string) =>
      `Shares of Harbour Mills (HBML) rose ${pct}% to $${price} in morning trading, according to tickerwire price data. Trading volume was ${vol} times the 30-day average. The stock has gained ${month}% over the past month, and it is up ${pct}% since the open.`;
    const a = fingerprintText(stub('2.4', '18.20', '1.9', '7.5'));
    const b = fingerprintText(stub('3.1', '18.34', '2.6', '8.2'));
    expect(isDedupCandidate(a) && isDedupCandidate(b)).toBe(true);
    expect(compareFingerprints(a, b).isNearDuplicate).toBe(false);
  });
});

describe('DuplicateIndex', () => {
  test('finds copies by key lookup and reports estimated Jaccard, best first', () => {
    const index = new DuplicateIndex<string>();
    index.add('original', fingerprintText(ORIGINAL));
    index.add('rewrite', fingerprintText(REWRITE));
    index.add('unrelated', fingerprintText(UNRELATED));
    const found = index.findNearDuplicates(fingerprintText(`${ORIGINAL}\n\nSource: Grain Desk`));
    expect(found.map((f) => f.id)).toEqual(['original']);
    expect(found[0]?.jaccard).toBeGreaterThan(0.9);
  });

  test('remove forgets an article', () => {
    const index = new DuplicateIndex<number>();
    index.add(1, fingerprintText(ORIGINAL));
    expect(index.remove(1)).toBe(true);
    expect(index.remove(1)).toBe(false);
    expect(index.size).toBe(0);
    expect(index.findNearDuplicates(fingerprintText(ORIGINAL))).toEqual([]);
  });

  test('a fingerprint survives its persisted record (JSON round trip)', () => {
    const fp = fingerprintText(ORIGINAL);
    const record = JSON.parse(JSON.stringify(toFingerprintRecord(fp))) as ReturnType<typeof toFingerprintRecord>;
    expect(record.simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(record.minhash).toMatch(/^[0-9a-f]{1024}$/);
    const back = fromFingerprintRecord(record);
    expect(back).toEqual(fp);
    const index = new DuplicateIndex<string>();
    index.add('stored', back);
    expect(index.findNearDuplicates(fp).map((f) => f.id)).toEqual(['stored']);
  });
});

describe('contentHash', () => {
  test('ignores case, punctuation, whitespace and wrapper lines', () => {
    const base = contentHash('Shares rose 3% on Monday.\n\nThe board met.');
    expect(contentHash('shares  ROSE 3%  on monday\nthe board met')).toBe(base);
    expect(contentHash('Shares rose 3% on Monday.\n\nThe board met.\n\nSource: https://example.com/x')).toBe(base);
  });

  test('differs when a number differs', () => {
    expect(contentHash('Shares rose 3% on Monday.')).not.toBe(contentHash('Shares rose 4% on Monday.'));
  });
});
