import { afterEach, describe, expect, test } from 'vitest';
import { createExtractorPool, type ExtractorPool } from './pool.ts';
import { buildPage, PAGE_URL } from './testdata/page.ts';

let pool: ExtractorPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe.each([0, 1])('createExtractorPool threads=%i', (threads) => {
  test('extracts pages and keeps dates as Date objects', async () => {
    const p = createExtractorPool({ threads, extract: { now: new Date('2026-03-20T00:00:00Z') } });
    pool = p;
    const results = await Promise.all([1, 2, 3].map(() => p.extract(buildPage(), PAGE_URL)));
    for (const r of results) {
      expect(r.kind).toBe('article');
      if (r.kind !== 'article') continue;
      expect(r.article.publishedAt).toBeInstanceOf(Date);
      expect(r.article.publishedAt?.toISOString()).toBe('2026-03-14T08:30:00.000Z');
      expect(r.article.modifiedAt).toBeInstanceOf(Date);
    }
  });

  test('bad input comes back as skipped', async () => {
    pool = createExtractorPool({ threads });
    await expect(pool.extract('\u0000\u0001\u0002'.repeat(100), PAGE_URL)).resolves.toMatchObject({ kind: 'skipped', reason: 'not-html' });
  });

  test('rejects after close', async () => {
    const p = createExtractorPool({ threads });
    await p.close();
    if (threads > 0) await expect(p.extract(buildPage(), PAGE_URL)).rejects.toThrow(/closed/);
  });
});

describe('createExtractorPool limits', () => {
  test('a page past the time limit comes back skipped and its worker is replaced', async () => {
    pool = createExtractorPool({ threads: 1, timeoutMs: 1 });
    const big = buildPage('<p>More text about the harbour and its cranes, repeated for size.</p>'.repeat(20_000));
    await expect(pool.extract(big, PAGE_URL)).resolves.toMatchObject({ kind: 'skipped', message: expect.stringMatching(/timed out/) });
    await expect(pool.extract(big, PAGE_URL)).resolves.toMatchObject({ kind: 'skipped' });
  });

  test('two threads work through a queue of pages', async () => {
    const p = createExtractorPool({ threads: 2 });
    pool = p;
    const results = await Promise.all(Array.from({ length: 12 }, () => p.extract(buildPage(), PAGE_URL)));
    expect(results.every((r) => r.kind === 'article')).toBe(true);
  });
});
