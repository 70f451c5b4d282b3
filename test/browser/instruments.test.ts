/**
 * Market context in a real browser (headless Debian chromium, DEPS.md pitfall 18) against tickerwire started
 * in-process with the bundled demo: open the Nvidia demo article, follow its market box to the instrument page,
 * see the chart with the news markers (hover names the headline, click opens the article), switch ranges — all
 * without client JS. Screenshots at phone (390 px) and desktop (1280 px) widths go to artifacts/screenshots/
 * (git-ignored); axe finds no serious violations in light or dark mode. Without chromium the suite skips, except in
 * CI (process.env.CI), where it fails.
 */
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { type Running, startTickerwire } from '../../src/runtime/start.ts';
import { findChromium, inCi, LAUNCH_ARGS, seriousAxeViolations } from '../helpers/chromium.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

/** How long the demo may take to ingest and link the Nvidia article. */
const READY_MS = 30_000;
const NVIDIA_TITLE = /Nvidia’s data-center haul tops forecasts/;
const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url);
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

const executablePath = findChromium();
if (executablePath === null && !inCi) console.warn('chromium not found: browser tests of the market context skipped (they fail in CI)');

test.runIf(executablePath === null && inCi)('chromium is required in CI', () => {
  throw new Error('chromium not found (command -v chromium); the market-context browser tests cannot run in CI');
});

describe.runIf(executablePath !== null)('market context in a browser', () => {
  const tmp = tempDir('tw-browser-mkt-');
  let running: Running;
  let base: string;
  let browser: Browser;
  let articlePath = '';

  beforeAll(async () => {
    const config = testConfig(tmp.dir, { TICKERWIRE_DEMO: '1', TICKERWIRE_ALLOW_HOSTS: '', TICKERWIRE_SCHEDULER_TICK_MS: '200' });
    running = await startTickerwire(config, silentLogger, new Set(['web', 'worker', 'scheduler']));
    base = running.url ?? '';
    const started = Date.now();
    while (Date.now() - started < READY_MS && !articlePath) {
      const { items } = (await (await fetch(`${base}/api/articles?limit=200`)).json()) as { items: Array<{ id: number; title: string }> };
      const nvidia = items.find((i) => NVIDIA_TITLE.test(i.title));
      const linked = nvidia && ((await (await fetch(`${base}/api/articles/${nvidia.id}`)).json()) as { instruments: unknown[] }).instruments.length > 0;
      if (nvidia && linked) articlePath = `/articles/${nvidia.id}`;
      else await new Promise((r) => setTimeout(r, 300));
    }
    browser = await chromium.launch({ executablePath: executablePath ?? '', args: LAUNCH_ARGS, headless: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    tmp.remove();
  });

  async function open(width: keyof typeof WIDTHS, path: string, javaScript = true): Promise<Page> {
    const context = await browser.newContext({ viewport: WIDTHS[width], javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    return page;
  }

  test('the article market box leads to the instrument page, whose chart carries the news (no JS needed)', async () => {
    expect(articlePath).not.toBe('');
    const page = await open('desktop', articlePath, false);
    const box = page.locator('.mbox');
    await expect(box.locator('.mb-sym').first().textContent()).resolves.toBe('NVDA');
    expect(await box.locator('.mb-price').first().textContent()).toMatch(/^\$\d{2,3}(,\d{3})*\.\d{2}$/);
    await page.screenshot({ path: new URL('market-article-desktop.png', SCREENSHOTS).pathname, fullPage: false });
    await box.locator('a.mb-row').first().click();
    await page.waitForURL(/\/instruments\/us(:|%3A)NVDA$/);
    expect(await page.locator('h1').textContent()).toContain('Nvidia');
    const markers = page.locator('.price-chart a.marker');
    expect(await markers.count()).toBeGreaterThan(0);
    const ourMarker = page.locator(`.price-chart a.marker[href="${articlePath}"]`);
    expect(await ourMarker.getAttribute('data-tip')).toMatch(NVIDIA_TITLE);
    await page.screenshot({ path: new URL('instrument-desktop.png', SCREENSHOTS).pathname, fullPage: true });
    // Markers of articles published close together overlap: click the one on top and land on its article.
    const top = markers.last();
    const href = (await top.getAttribute('href')) ?? 'none';
    await top.click();
    await page.waitForURL(new RegExp(`${href}$`));
    await page.context().close();
  });

  test('ranges switch the chart; the marker names its headline on hover', async () => {
    const page = await open('desktop', '/instruments/us:NVDA');
    await page.locator('nav[aria-label="Chart range"] a', { hasText: '1Y' }).click();
    await page.waitForURL(/range=1y$/);
    expect(await page.locator('nav[aria-label="Chart range"] a[aria-current="true"]').textContent()).toBe('1Y');
    expect(await page.locator('.price-chart polyline.line').count()).toBe(1);
    const marker = page.locator('.price-chart a.marker').last();
    expect(await marker.getAttribute('aria-label')).toMatch(/\(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)$/);
    await marker.hover();
    // The headline appears on hover (a CSS tooltip from data-tip, so it works without JS).
    const tip = await marker.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(tip).toContain(await marker.getAttribute('data-tip'));
    await page.screenshot({ path: new URL('instrument-hover-desktop.png', SCREENSHOTS).pathname });
    await page.context().close();
  });

  test('phone width: nothing overflows sideways; screenshots of the article and instrument pages', async () => {
    for (const [name, path] of [
      ['market-article', articlePath],
      ['instrument', '/instruments/us:NVDA'],
    ] as const) {
      const page = await open('phone', path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      if (name === 'market-article') await page.locator('.mbox').scrollIntoViewIfNeeded();
      await page.screenshot({ path: new URL(`${name}-phone.png`, SCREENSHOTS).pathname, fullPage: name === 'instrument' });
      await page.context().close();
    }
  });

  test('axe finds no serious or critical violations on the instrument page and the market box, light and dark', async () => {
    for (const path of ['/instruments/us:NVDA', articlePath]) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await open('desktop', path);
        await page.emulateMedia({ colorScheme: scheme });
        const violations = await seriousAxeViolations(page);
        expect(violations, `${path} ${scheme}`).toEqual([]);
        if (scheme === 'dark') await page.screenshot({ path: new URL(`${path === articlePath ? 'market-article' : 'instrument'}-dark-desktop.png`, SCREENSHOTS).pathname });
        await page.context().close();
      }
    }
  }, 60_000);
});
