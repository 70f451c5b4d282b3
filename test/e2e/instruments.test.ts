/**
 * Market context end to end, over the real runtime with the bundled demo (temp data dir, port 0, offline): the demo
 * articles are polled, linked to instruments, and the article page shows a market box priced by the loopback demo
 * market server — for Nvidia, never for Apple the fruit; the instrument page draws the chart with the news on it;
 * the instrument API answers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { demoPrice } from '../../src/market/index.ts';
import { type Running, startTickerwire } from '../../src/runtime/start.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

const DEADLINE_MS = 20_000;
const NVIDIA_TITLE = /Nvidia’s data-center haul tops forecasts/;
const APPLE_FRUIT_TITLE = /Apple prices climb as orchard losses/;

interface Summary {
  id: number;
  title: string;
  publishedAt: string;
}
interface Linked {
  id: string;
  symbol: string;
  salience: number;
  role: 'subject' | 'mention';
}
interface QuoteJson {
  price: number;
  changePct: number | null;
  provider: string;
  asOf: string;
  stale: boolean;
}

describe('market context with the bundled demo', () => {
  const tmp = tempDir();
  let running: Running;
  let base: string;
  let nvidia: Summary;
  let appleFruit: Summary;
  const getJson = async <T,>(path: string) => (await (await fetch(`${base}${path}`)).json()) as T;

  beforeAll(async () => {
    const config = testConfig(tmp.dir, { TICKERWIRE_DEMO: '1', TICKERWIRE_ALLOW_HOSTS: '', TICKERWIRE_SCHEDULER_TICK_MS: '200' });
    running = await startTickerwire(config, silentLogger, new Set(['web', 'worker', 'scheduler']));
    base = running.url ?? '';
    const started = Date.now();
    while (Date.now() - started < DEADLINE_MS) {
      const { items } = await getJson<{ items: Summary[] }>('/api/articles?limit=200');
      const n = items.find((i) => NVIDIA_TITLE.test(i.title));
      const a = items.find((i) => APPLE_FRUIT_TITLE.test(i.title));
      if (n && a) {
        // Linking runs after storing: wait until the Nvidia article has its instruments.
        const full = await getJson<{ instruments: Linked[] }>(`/api/articles/${n.id}`);
        if (full.instruments.length > 0) {
          nvidia = n;
          appleFruit = a;
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 40_000);

  afterAll(async () => {
    await running?.stop();
    tmp.remove();
  });

  test('the demo articles were ingested and linked in time', () => {
    expect(nvidia?.id).toBeGreaterThan(0);
    expect(appleFruit?.id).toBeGreaterThan(0);
  });

  test('GET /api/articles/:id lists linked instruments with salience and role; Apple the fruit has none', async () => {
    const n = await getJson<{ instruments: Linked[] }>(`/api/articles/${nvidia.id}`);
    expect(n.instruments[0]).toMatchObject({ id: 'us:NVDA', symbol: 'NVDA', role: 'subject' });
    expect(n.instruments[0]?.salience).toBeGreaterThan(0.5);
    const a = await getJson<{ instruments: Linked[] }>(`/api/articles/${appleFruit.id}`);
    expect(a.instruments.map((i) => i.id)).not.toContain('us:AAPL');
  });

  test('the Nvidia article has a market box for NVDA priced by the demo market server', async () => {
    const html = await (await fetch(`${base}/articles/${nvidia.id}`)).text();
    expect(html).toContain('class="mbox"');
    expect(html).toContain('href="/instruments/us:NVDA"');
    const price = Number(/class="mb-price" data-price="([\d.]+)"/.exec(html)?.[1]);
    const api = await getJson<{ quote: QuoteJson }>('/api/instruments/us:NVDA');
    expect(api.quote.provider).toBe('demo');
    expect(api.quote.stale).toBe(false);
    // The demo server prices deterministically at its clock: the quote is exactly the demo price at its time.
    expect(api.quote.price).toBe(demoPrice('us:NVDA', Date.parse(api.quote.asOf)));
    expect(price).toBe(api.quote.price);
    expect(html).toMatch(/<svg[^>]*aria-label="NVDA, last day"/);
    expect(html).toContain('Demo prices: illustrative');
  });

  test('the Apple-the-fruit article has no Apple price box', async () => {
    const html = await (await fetch(`${base}/articles/${appleFruit.id}`)).text();
    expect(html).toContain('orchard');
    expect(html).not.toContain('class="mbox"');
    expect(html).not.toContain('/instruments/us:AAPL');
  });

  test('the instrument page draws the chart with the news placed on it', async () => {
    const res = await fetch(`${base}/instruments/us:NVDA`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div class="price-chart"');
    expect(html).toContain('Nvidia');
    expect(html).toContain('NASDAQ');
    expect(html).toMatch(new RegExp(`<a class="marker[^"]*" href="/articles/${nvidia.id}"[^>]*data-tip="Nvidia’s data-center haul`));
    expect(html).toContain(`href="/articles/${nvidia.id}">`);
    expect(html).toMatch(/class="price" data-price="[\d.]+"/);
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
    // The encoded form of the id routes to the same page; an unknown one is a 404 page.
    expect((await fetch(`${base}/instruments/us%3ANVDA?range=1y`)).status).toBe(200);
    expect((await fetch(`${base}/instruments/us:NOPE`)).status).toBe(404);
  });

  test('instrument API: search, quote, candles per range, articles with cursor, errors', async () => {
    const found = await getJson<{ items: Array<{ id: string }> }>('/api/instruments?q=nvidia');
    expect(found.items[0]?.id).toBe('us:NVDA');
    const btc = await getJson<{ id: string; quote: QuoteJson | null }>('/api/instruments/crypto%3Abtc');
    expect(btc.id).toBe('crypto:BTC');
    expect(btc.quote?.price).toBeGreaterThan(1000);
    const c5 = await getJson<{ range: string; candles: Array<{ time: number; close: number }> }>('/api/instruments/us:NVDA/candles?range=5d');
    expect(c5.range).toBe('5d');
    expect(c5.candles.length).toBeGreaterThan(50);
    const times = c5.candles.map((c) => c.time);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeLessThanOrEqual(5 * 86_400_000);
    expect((await fetch(`${base}/api/instruments/us:NVDA/candles?range=7y`)).status).toBe(400);
    const missing = await fetch(`${base}/api/instruments/us:NOPE`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const p1 = await getJson<{ items: Summary[]; nextCursor: string | null }>('/api/instruments/us:NVDA/articles?limit=1');
    expect(p1.items).toHaveLength(1);
    expect(p1.nextCursor).toBeTruthy();
    const p2 = await getJson<{ items: Summary[] }>(`/api/instruments/us:NVDA/articles?limit=1&cursor=${encodeURIComponent(p1.nextCursor ?? '')}`);
    expect(p2.items[0]?.id).not.toBe(p1.items[0]?.id);
  });
});
