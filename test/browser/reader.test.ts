/**
 * The reader as a person uses it, in headless Chromium against tickerwire started in-process with the
 * bundled demo sources: open home, filter by source, open an article (and its "More coverage" when the
 * demo has stories), search, receive a live update. Screenshots of the main pages at phone (390 px) and
 * desktop (1280 px) widths go to artifacts/screenshots/ (git-ignored); every page stays under 100 KB.
 * Without chromium the suite skips, except in CI (process.env.CI), where it fails.
 */
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { type Running, startTickerwire } from '../../src/runtime/start.ts';
import { findChromium, inCi, LAUNCH_ARGS, seriousAxeViolations } from '../helpers/chromium.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

/** How long the demo may take to show its articles. */
const READY_MS = 30_000;
/** Largest page (HTML with its inline CSS and JS) the reader may send. */
const MAX_PAGE_BYTES = 100 * 1024;
const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url);
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

const executablePath = findChromium();
if (executablePath === null && !inCi) console.warn('chromium not found: browser tests of the reader skipped (they fail in CI)');

test.runIf(executablePath === null && inCi)('chromium is required in CI', () => {
  throw new Error('chromium not found (command -v chromium); the reader browser tests cannot run in CI');
});

describe.runIf(executablePath !== null)('the reader in a browser', () => {
  const tmp = tempDir('tw-browser-');
  let running: Running;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const config = testConfig(tmp.dir, { TICKERWIRE_DEMO: '1', TICKERWIRE_WORKERS: '1', TICKERWIRE_SCHEDULER_TICK_MS: '200' });
    running = await startTickerwire(config, silentLogger, new Set(['web', 'worker', 'scheduler']));
    base = running.url ?? '';
    const started = Date.now();
    while (Date.now() - started < READY_MS) {
      const { items } = (await (await fetch(`${base}/api/articles?limit=100`)).json()) as { items: unknown[] };
      if (items.length >= 10) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    browser = await chromium.launch({ executablePath: executablePath ?? '', args: LAUNCH_ARGS, headless: true });
    context = await browser.newContext({ viewport: WIDTHS.desktop });
    page = await context.newPage();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    tmp.remove();
  });

  async function firstArticlePath(): Promise<string> {
    const { items } = (await (await fetch(`${base}/api/articles?limit=1`)).json()) as { items: Array<{ id: number }> };
    return `/articles/${items[0]?.id}`;
  }

  test('home lists the demo articles with source, relative time (full time on hover) and reading time', async () => {
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('ol.list > li').count()).toBeGreaterThanOrEqual(10);
    const first = page.locator('ol.list > li').first();
    expect(await first.locator('time').getAttribute('title')).toMatch(/UTC$/);
    expect(await first.textContent()).toContain('min read');
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('link[rel="alternate"][type="application/rss+xml"]').count()).toBe(1);
  });

  test('filter by source keeps only that source, and the URL keeps the place', async () => {
    await page.goto(`${base}/`);
    const select = page.getByLabel('Source');
    const options = await select.locator('option').allTextContents();
    const name = options.find((o) => o !== 'All sources') ?? '';
    await select.selectOption({ label: name });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/source=\d+/);
    const sources = await page.locator('ol.list > li .meta > a:first-child').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set([name]));
    expect(await page.locator('h1').textContent()).toBe(name);
  });

  test('open an article from the list: title, source link to the original, attribution and removal route', async () => {
    await page.goto(`${base}/`);
    const link = page.locator('ol.list > li h2 a').first();
    const title = (await link.textContent()) ?? '';
    await link.click();
    await page.waitForURL(/\/articles\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('aside.attribution').textContent()).toContain('request removal');
    expect(await page.locator('article.body .meta a').first().getAttribute('href')).toMatch(/^http/);
    const coverage = page.getByRole('region', { name: 'More coverage' }).locator('a');
    if ((await coverage.count()) > 0) {
      const next = (await coverage.first().textContent()) ?? '';
      await coverage.first().click();
      await page.waitForURL(/\/articles\/\d+$/);
      expect(await page.locator('h1').textContent()).toBe(next);
    }
  });

  test('search from the header box: results with highlighted matches', async () => {
    await page.goto(`${base}/`);
    const title = (await page.locator('ol.list > li h2 a').first().textContent()) ?? '';
    const word = title.split(/\W+/).find((w) => w.length >= 5) ?? title.split(/\W+/)[0] ?? 'market';
    await page.getByLabel('Search articles').fill(word);
    await page.getByLabel('Search articles').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await expect.poll(() => page.locator('ol.list > li').count()).toBeGreaterThan(0);
    expect((await page.locator('ol.list mark').first().textContent())?.toLowerCase()).toContain(word.toLowerCase().slice(0, 3));
  });

  test('search filters: the form narrows to one source and keeps the words, without JavaScript help', async () => {
    await page.goto(`${base}/search?q=market`);
    const all = await page.locator('ol.list > li').count();
    expect(all).toBeGreaterThan(1);
    const form = page.getByRole('form', { name: 'Search with filters' });
    const options = await form.getByLabel('Source').locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(2);
    await form.getByLabel('Source').selectOption({ label: options[1] ?? '' });
    await form.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/[?&]source=\d+/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('market');
    const chosen = new URL(page.url()).searchParams.get('source');
    const links = page.locator('ol.list > li .meta a[href^="/sources/"]');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await page.locator('ol.list > li').count()).toBeLessThanOrEqual(all);
    for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) expect(href).toBe(`/sources/${chosen}`);
    expect(await form.getByLabel('Source').inputValue()).not.toBe('');
  });

  test('a live update shows the "new" bar without moving the list', async () => {
    await page.goto(`${base}/`);
    const bar = page.locator('#live');
    expect(await bar.isHidden()).toBe(true);
    const before = await page.locator('ol.list > li').first().boundingBox();
    // Wait until the page's EventSource is connected, then publish as the scheduler does.
    await page.locator('#live[data-state="open"]').waitFor({ state: 'attached', timeout: 10_000 });
    running.events.publish({ type: 'articles', sourceId: 0, count: 2, stories: 2, at: new Date().toISOString() });
    await bar.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await bar.textContent()).toMatch(/2 new (stories|articles)/);
    expect(await page.locator('ol.list > li').first().boundingBox()).toEqual(before);
  });

  async function mainPages(): Promise<Record<string, string>> {
    return {
      home: '/',
      article: await firstArticlePath(),
      search: '/search?q=market',
      'search-filtered': '/search?q=market&within=30d&source=1',
      sources: '/sources',
      source: '/sources/1',
      about: '/about',
      'api-docs': '/api/docs',
    };
  }

  test('axe finds no serious or critical accessibility violations on the main pages', async () => {
    for (const path of Object.values(await mainPages())) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${base}${path}`);
        const violations = await seriousAxeViolations(page);
        expect(violations, `${path} ${scheme}`).toEqual([]);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }, 90_000);

  test('every main page is under 100 KB; screenshots at phone and desktop widths', async () => {
    for (const [name, path] of Object.entries(await mainPages())) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect((await res.arrayBuffer()).byteLength, path).toBeLessThan(MAX_PAGE_BYTES);
      for (const [label, viewport] of Object.entries(WIDTHS)) {
        await page.setViewportSize(viewport);
        await page.goto(`${base}${path}`);
        await page.screenshot({ path: new URL(`${name}-${label}.png`, SCREENSHOTS).pathname, fullPage: false });
      }
    }
    await page.setViewportSize(WIDTHS.desktop);
  }, 90_000);
});
