import { describe, expect, test } from 'vitest';
import { DuplicateDetector } from './detector.ts';

const TEXT = [
  'Copperline Rail won a contract worth about 1.4 billion euros to build forty regional trains for a consortium of three northern provinces, the manufacturer said on Friday.',
  'The trains will run on batteries on lines that are not electrified, replacing diesel units that are more than thirty years old. Deliveries are due to start in 2029.',
  'Copperline will assemble the trains at its plant in the south and said the order would secure work there for four years.',
].join('\n\n');

describe('DuplicateDetector', () => {
  test('same canonical URL is an exact duplicate', () => {
    const d = new DuplicateDetector<number>();
    expect(d.check({ id: 1, url: 'https://rail.example/news/contract/', text: TEXT }).kind).toBe('unique');
    const v = d.check({ id: 2, url: 'https://rail.example/amp/news/contract?utm_source=x', text: 'different extraction' });
    expect(v).toMatchObject({ kind: 'exact', of: 1, by: 'canonical-url' });
  });

  test('same normalised text under another URL is an exact duplicate by content hash', () => {
    const d = new DuplicateDetector<number>();
    d.check({ id: 1, url: 'https://rail.example/a', text: TEXT });
    const v = d.check({ id: 2, url: 'https://mirror.example/b', text: `${TEXT}\n\nSource: https://rail.example/a` });
    expect(v).toMatchObject({ kind: 'exact', of: 1, by: 'content-hash' });
  });

  test('a trimmed copy is a near duplicate of the group root, and copies of copies point at the root', () => {
    const d = new DuplicateDetector<number>();
    d.check({ id: 1, url: 'https://rail.example/a', text: TEXT });
    d.check({ id: 2, url: 'https://mirror.example/b', text: `${TEXT}\n\nThe post Copperline wins order appeared first on Rail Desk.` });
    const v = d.check({ id: 3, url: 'https://third.example/c', text: TEXT.split('\n\n').slice(0, 2).join('\n\n') });
    expect(v.kind).toBe('near');
    expect(v.kind !== 'unique' && v.of).toBe(1);
    expect(d.rootOf(3)).toBe(1);
  });

  test('two near-empty articles with the same text are not collapsed', () => {
    const d = new DuplicateDetector<number>();
    d.check({ id: 1, url: 'https://a.example/1', text: 'Subscribe to read.' });
    expect(d.check({ id: 2, url: 'https://b.example/2', text: 'Subscribe to read.' }).kind).toBe('unique');
  });

  test('register rebuilds the detector from stored keys', () => {
    const first = new DuplicateDetector<number>();
    const keys = first.keysOf({ url: 'https://rail.example/a', text: TEXT });
    const restarted = new DuplicateDetector<number>();
    restarted.register(7, keys, null);
    expect(restarted.check({ id: 8, url: 'https://other.example/x', text: `Photo: a train\n\n${TEXT}` })).toMatchObject({ kind: 'exact', of: 7 });
  });
});
