import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';

/** Largest page (HTML with inline CSS and JS) the reader may send. */
const MAX_PAGE_BYTES = 100 * 1024;

describe('reader pages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());
  const html = async (path: string, status = 200) => {
    const res = await h.app.request(path);
    expect(res.status, path).toBe(status);
    return res.text();
  };

  test('every page has landmarks, a labelled search box, and stays under 100 KB', async () => {
    for (const path of ['/', '/articles/1', '/search?q=bitcoin', '/sources', `/sources/${h.sourceIds[0]}`, '/about', '/api/docs']) {
      const page = await html(path);
      expect(page.length, path).toBeLessThan(MAX_PAGE_BYTES);
      for (const part of ['<main id="main">', '<header class="site">', '<footer class="site">', 'aria-label="Main"', '<label for="site-q"', 'lang="en"']) {
        expect(page, `${path} ${part}`).toContain(part);
      }
    }
  });

  test('home: time filter, source filter, pagination keeps filters, live bar only on the first page', async () => {
    const day = await html('/?within=24h');
    expect(day).not.toContain('Bitcoin miners expand');
    expect(day).toContain('<option value="24h" selected="">');
    const bySource = await html(`/?source=${h.sourceIds[1]}`);
    expect(bySource).toContain('Copper slides');
    expect(bySource).not.toContain('Lumen Bank');
    expect(bySource).toContain('id="live"');
    expect(await html('/?within=1y', 400)).toContain('invalid within');
    expect(await html('/?source=999', 404)).toContain('Not found');
  });

  test('times are relative with the full time on hover; reading time shown', async () => {
    const page = await html('/');
    expect(page).toMatch(/<time datetime="2026-11-25T11:00:00.000Z" title="2026-11-25 11:00 UTC">1 h ago<\/time>/);
    expect(page).toContain('1 min read');
  });

  test('search page: highlighted results, a helpful 400 for a query with nothing to search', async () => {
    expect(await html('/search?q=copper')).toContain('<mark>Copper</mark>');
    expect(await html('/search?q=-copper', 400)).toContain('could not be run');
    expect(await html('/search')).toContain('Words must all match');
  });

  test('article page: related articles shown, never the article itself', async () => {
    const page = await html('/articles/4');
    expect(page).toContain('You may also like');
    const related = page.slice(page.indexOf('You may also like'));
    expect(related).not.toContain('href="/articles/4"');
  });

  test('an excerpt-only source shows the excerpt and a link, not the body', async () => {
    const page = await html('/articles/2');
    expect(page).toContain('Read the full article at Ledger Wire');
    expect(page).not.toContain('demand from builders cooled.</p>');
  });
});
