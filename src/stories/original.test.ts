import { describe, expect, test } from 'vitest';
import { type CopyCandidate, chooseOriginal } from './original.ts';

function copy(id: string, over: Partial<CopyCandidate<string>> = {}): CopyCandidate<string> {
  const url = `https://${id}.example/story`;
  return {
    id,
    url,
    canonicalUrl: url,
    originUrl: null,
    publishedAt: new Date('2026-11-24T12:00:00Z'),
    wordCount: 400,
    sourceHost: `${id}.example`,
    ...over,
  };
}

describe('chooseOriginal', () => {
  test('the copy named by another copy\'s Source link wins, even when published later', () => {
    const choice = chooseOriginal([
      copy('aggregator', { publishedAt: new Date('2026-11-24T11:00:00Z'), originUrl: 'https://wire.example/story?utm_source=rss' }),
      copy('wire', { publishedAt: new Date('2026-11-24T12:00:00Z') }),
    ]);
    expect(choice).toMatchObject({ id: 'wire', reason: 'source-link' });
  });

  test('a Source link naming only the site points at the copy from that host', () => {
    const choice = chooseOriginal([
      copy('mirror', { originUrl: 'https://www.wire.example/' }),
      copy('wire', { publishedAt: new Date('2026-11-24T12:30:00Z') }),
    ]);
    expect(choice).toMatchObject({ id: 'wire', reason: 'source-host' });
  });

  test('without links the earliest publication wins', () => {
    const choice = chooseOriginal([
      copy('late', { publishedAt: new Date('2026-11-24T14:00:00Z'), wordCount: 900 }),
      copy('early', { publishedAt: new Date('2026-11-24T10:00:00Z'), wordCount: 300 }),
    ]);
    expect(choice).toMatchObject({ id: 'early', reason: 'earliest' });
  });

  test('a copy crediting an origin outside the group is not chosen on time alone', () => {
    const choice = chooseOriginal([
      copy('reposter', { publishedAt: new Date('2026-11-24T09:00:00Z'), originUrl: 'https://elsewhere.example/x' }),
      copy('outlet', { publishedAt: new Date('2026-11-24T10:00:00Z') }),
    ]);
    expect(choice.id).toBe('outlet');
  });

  test('times within the tie window fall back to the most complete text', () => {
    const choice = chooseOriginal([
      copy('trimmed', { publishedAt: new Date('2026-11-24T12:00:00Z'), wordCount: 180 }),
      copy('full', { publishedAt: new Date('2026-11-24T12:01:00Z'), wordCount: 420 }),
    ]);
    expect(choice).toMatchObject({ id: 'full', reason: 'most-complete' });
  });

  test('unknown publication times fall back to the most complete text', () => {
    const choice = chooseOriginal([copy('a', { publishedAt: null, wordCount: 100 }), copy('b', { publishedAt: null, wordCount: 500 })]);
    expect(choice).toMatchObject({ id: 'b', reason: 'most-complete' });
  });

  test('no evidence keeps the first listed; one copy is its own original; none is a caller bug', () => {
    expect(chooseOriginal([copy('a'), copy('b')])).toMatchObject({ id: 'a', reason: 'first-listed' });
    expect(chooseOriginal([copy('only')])).toMatchObject({ id: 'only', reason: 'only-one' });
    expect(() => chooseOriginal([])).toThrow(RangeError);
  });
});
