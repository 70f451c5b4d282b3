import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { saveHarnessTopics } from '../test/topics.ts';

/** Largest page (HTML with inline CSS and JS) the reader may send. */
const MAX_PAGE_BYTES = 100 * 1024;

describe('reader pages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await saveHarnessTopics(h.store);
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

  test('home: topic filter (form without JS, title, tags, pagination, live bar, feeds); an unknown topic is a 400', async () => {
    const crypto = await html('/?topic=crypto');
    expect(crypto).toContain('<title>Latest in Crypto');
    expect(crypto).toContain('<h1>Latest in Crypto</h1>');
    expect(crypto).toContain('<option value="crypto" selected="" title=');
    for (const title of ['Traders pile into $BTC futures', 'Bitcoin futures volume hits a record', 'Bitcoin miners expand']) expect(crypto).toContain(title);
    for (const title of ['Lumen Bank', 'Copper slides', 'Central bank holds']) expect(crypto).not.toContain(title);
    expect(crypto).toContain('<a class="badge" href="/?topic=crypto" aria-label="Topic: Crypto">Crypto</a>');
    expect(crypto).toContain('<a href="/?topic=crypto">Show</a>');
    expect(crypto).toContain('href="/feed.xml?topic=crypto"');
    // Topic, source and time together; pagination keeps all three.
    const both = await html(`/?topic=crypto&source=${h.sourceIds[0]}&within=24h`);
    expect(both).toContain('<h1>Harbor &lt;Daily&gt; &amp; Co · Crypto</h1>');
    expect(both).toContain('Bitcoin futures volume hits a record');
    expect(both).not.toContain('Traders pile into');
    const first = (await (await h.app.request('/api/articles?topic=crypto&limit=1')).json()) as { nextCursor: string };
    const paged = await html(`/?topic=crypto&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(paged).toContain('<a href="/?topic=crypto">← Newest</a>');
    expect(paged).not.toContain('Traders pile into');
    expect(paged).toContain('Bitcoin miners expand');
    expect(paged).not.toContain('Lumen Bank');
    const macro = await html('/?topic=macro');
    expect(macro).toContain('Central bank holds rates');
    expect(macro).toContain('Inflationary pressure eases');
    expect(macro).not.toContain('Bitcoin futures volume');
    expect(await html('/?topic=fx')).toContain('No articles match these filters');
    expect(await html('/?topic=')).toContain('<h1>Latest</h1>');
    expect(await html('/?topic=sports', 400)).toContain('invalid topic');
    const article = await html('/articles/5');
    expect(article).toContain('<a class="badge" href="/?topic=macro" aria-label="Topic: Macro">Macro</a>');
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
