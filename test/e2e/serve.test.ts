/**
 * `serve` as a newcomer sees it: the demo server starts, its sources are polled over real HTTP, and
 * within 15 seconds the reader shows at least 10 demo articles from at least 3 demo sources — offline.
 * A source that cannot be reached shows up as unhealthy with its reason, never as a crash.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { type Running, startTickerwire } from '../../src/runtime/start.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

const DEADLINE_MS = 15_000;

describe('serve with the bundled demo', () => {
  const tmp = tempDir();
  let running: Running;
  let base: string;
  let readyMs = 0;

  beforeAll(async () => {
    const started = Date.now();
    const config = testConfig(tmp.dir, {
      TICKERWIRE_DEMO: '1',
      TICKERWIRE_ALLOW_HOSTS: '',
      TICKERWIRE_WORKERS: '1',
      TICKERWIRE_SCHEDULER_TICK_MS: '200',
    });
    running = await startTickerwire({ ...config, defaultSources: [{ url: 'http://news.invalid/rss', title: 'Unreachable' }], seedDefaultSources: true }, silentLogger, new Set(['web', 'worker', 'scheduler']));
    base = running.url ?? '';
    while (Date.now() - started < DEADLINE_MS) {
      const { items } = (await (await fetch(`${base}/api/articles?limit=100`)).json()) as { items: Array<{ source: { id: number } }> };
      if (items.length >= 10 && new Set(items.map((i) => i.source.id)).size >= 3) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    readyMs = Date.now() - started;
  }, 30_000);

  afterAll(async () => {
    await running.stop();
    tmp.remove();
  });

  test('at least 10 demo articles from at least 3 demo sources within 15 s', async () => {
    expect(readyMs).toBeLessThan(DEADLINE_MS);
    const { items } = (await (await fetch(`${base}/api/articles?limit=100`)).json()) as { items: Array<{ source: { id: number } }> };
    expect(items.length).toBeGreaterThanOrEqual(10);
    const sources = (await (await fetch(`${base}/api/sources`)).json()) as { items: Array<{ id: number; isDemo: boolean }> };
    const demoIds = new Set(sources.items.filter((s) => s.isDemo).map((s) => s.id));
    expect(demoIds.size).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((i) => i.source.id).filter((id) => demoIds.has(id))).size).toBeGreaterThanOrEqual(3);
  });

  test('the home page renders the demo articles, labelled as demo', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('min read');
    expect(html).toContain('class="badge demo"');
  });

  test('an unreachable default source is unhealthy with its reason; the process keeps serving', async () => {
    let unreachable: { health: { status: string; lastError: string | null } } | undefined;
    for (let i = 0; i < 40 && unreachable?.health.status !== 'failing'; i++) {
      const { items } = (await (await fetch(`${base}/api/sources`)).json()) as { items: Array<{ url: string; health: { status: string; lastError: string | null } }> };
      unreachable = items.find((s) => s.url === 'http://news.invalid/rss');
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(unreachable?.health.status).toBe('failing');
    expect(unreachable?.health.lastError).toMatch(/news\.invalid/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  test('stories: the API groups coverage, marks the first reporter, and lists copies as "also published by"', async () => {
    for (let i = 0; i < 80 && (await running.store.listPendingEnrichment(1)).length > 0; i++) await new Promise((r) => setTimeout(r, 250));
    const { items } = (await (await fetch(`${base}/api/stories?limit=100`)).json()) as { items: Array<{ id: number; headline: string; sourceCount: number; articleCount: number }> };
    const multi = items.filter((s) => s.articleCount > 1);
    expect(multi.length).toBeGreaterThan(0);
    const nvidia = items.find((s) => /nvidia/i.test(s.headline) && s.sourceCount >= 2);
    expect(nvidia).toBeDefined();
    const detail = (await (await fetch(`${base}/api/stories/${nvidia?.id}`)).json()) as {
      firstReporterArticleId: number;
      articles: Array<{ id: number; isFirstReport: boolean; storyId: number; publishedAt: string }>;
    };
    expect(detail.articles.length).toBeGreaterThanOrEqual(2);
    expect(detail.articles.filter((a) => a.isFirstReport).map((a) => a.id)).toEqual([detail.firstReporterArticleId]);
    expect(detail.articles.every((a) => a.storyId === nvidia?.id)).toBe(true);
    const times = detail.articles.map((a) => a.publishedAt);
    expect([...times].sort()).toEqual(times);
    expect((await fetch(`${base}/api/stories/999999`)).status).toBe(404);

    // The syndicated bitcoin-ETF piece: one original with its copy, and the copy is not a separate home entry.
    const all = (await (await fetch(`${base}/api/articles?limit=100`)).json()) as { items: Array<{ id: number; duplicateOf: number | null; title: string }> };
    const copy = all.items.find((a) => a.duplicateOf !== null);
    expect(copy).toBeDefined();
    const original = (await (await fetch(`${base}/api/articles/${copy?.duplicateOf}`)).json()) as { copies: Array<{ id: number }> };
    expect(original.copies.map((c) => c.id)).toContain(copy?.id);
    const home = await (await fetch(`${base}/`)).text();
    expect(home).not.toContain(`href="/articles/${copy?.id}"`);
  });
});
