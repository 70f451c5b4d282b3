import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { saveHarnessTopics } from '../test/topics.ts';

describe('outgoing feeds', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ TICKERWIRE_PUBLIC_URL: 'https://news.example' });
    await saveHarnessTopics(h.store);
  });
  afterAll(() => h.close());
  const get = (path: string) => h.app.request(path);

  test('the home feeds take a topic; an unknown topic is a 400 with the error body', async () => {
    const json = (await (await get('/feed.json?topic=crypto')).json()) as { title: string; home_page_url: string; items: Array<{ title: string }> };
    expect(json.title).toBe('tickerwire: latest in Crypto');
    expect(json.home_page_url).toBe('https://news.example/?topic=crypto');
    expect(json.items.map((i) => i.title)).toEqual(['Traders pile into $BTC futures', 'Bitcoin futures volume hits a record', 'Bitcoin miners expand as futures rally']);
    const rss = await (await get('/feed.xml?topic=commodities')).text();
    expect(rss).toContain('<atom:link href="https://news.example/feed.xml?topic=commodities" rel="self"');
    const titles = (parseFeed(rss).feed as { items?: Array<{ title?: string }> }).items?.map((i) => i.title?.trim());
    expect(titles).toEqual(['Copper slides as warehouse stocks swell']);
    expect((parseFeed(await (await get('/feed.atom?topic=macro')).text()).feed as { entries?: unknown[] }).entries).toHaveLength(2);
    const bad = await get('/feed.atom?topic=weather');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });

  test('RSS 2.0: required channel and item elements, RFC 822 dates, self link, escaping', async () => {
    const res = await get('/feed.xml');
    expect(res.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/);
    expect(xml).toContain('<rss version="2.0"');
    for (const el of ['<title>', '<link>https://news.example/</link>', '<description>', '<item>', '<guid isPermaLink="true">https://news.example/articles/']) {
      expect(xml).toContain(el);
    }
    expect(xml).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
    expect(xml).toContain('<atom:link href="https://news.example/feed.xml" rel="self"');
    expect(xml).not.toMatch(/<title>[^<]*&[^a#]/);
    const parsed = parseFeed(xml);
    expect(parsed.format).toBe('rss');
    const titles = (parsed.feed as { items?: Array<{ title?: string }> }).items?.map((i) => i.title?.trim());
    expect(titles).toContain('Lumen Bank raises its dividend & buyback');
  });

  test('Atom 1.0: id, title, updated, author, self link; entries with RFC 3339 dates; parses back', async () => {
    const res = await get('/feed.atom');
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    for (const el of ['<id>', '<title', '<updated>', '<author>', 'rel="self"', '<entry>']) expect(xml).toContain(el);
    expect(xml).toMatch(/<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z<\/updated>/);
    const parsed = parseFeed(xml);
    expect(parsed.format).toBe('atom');
    expect((parsed.feed as { entries?: unknown[] }).entries?.length).toBe(7);
  });

  test('JSON Feed 1.1: version, title, items with id and content; dates ISO', async () => {
    const res = await get('/feed.json');
    expect(res.headers.get('content-type')).toContain('application/feed+json');
    const feed = (await res.json()) as { version: string; title: string; feed_url: string; items: Array<{ id: string; date_published: string; content_html?: string; content_text?: string }> };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe('https://news.example/feed.json');
    expect(feed.items.length).toBe(7);
    for (const i of feed.items) {
      expect(i.id).toMatch(/^https:\/\/news\.example\/articles\/\d+$/);
      expect(new Date(i.date_published).toISOString()).toBe(i.date_published);
      expect(i.content_html ?? i.content_text).toBeTruthy();
    }
  });

  test('republishing policy: full text only for full sources, excerpt for excerpt, link only for link', async () => {
    const [full, excerpt, link] = h.sourceIds;
    const fullXml = await (await get(`/sources/${full}/feed.xml`)).text();
    expect(fullXml).toContain('<content:encoded>');
    const exXml = await (await get(`/sources/${excerpt}/feed.xml`)).text();
    expect(exXml).not.toContain('<content:encoded>');
    expect(exXml).toContain('<description>');
    const linkJson = (await (await get(`/sources/${link}/feed.json`)).json()) as { items: Array<{ url: string; content_html?: string; summary?: string }> };
    expect(linkJson.items.every((i) => i.content_html === undefined && i.summary === undefined)).toBe(true);
    expect(linkJson.items.every((i) => i.url.startsWith('https://src2.example/'))).toBe(true);
  });

  test('a source title with markup is escaped in every format', async () => {
    const xml = await (await get(`/sources/${h.sourceIds[0]}/feed.atom`)).text();
    // Markup may only appear inside CDATA sections (or entity-escaped).
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toContain('<Daily>');
    expect(parseFeed(xml).feed).toMatchObject({ title: { value: 'tickerwire: Harbor <Daily> & Co' } });
  });

  test('search feed mirrors the query; unknown source is a JSON 404', async () => {
    const feed = (await (await get('/search/feed.json?q=copper')).json()) as { title: string; items: unknown[] };
    expect(feed.title).toContain('copper');
    expect(feed.items).toHaveLength(1);
    const missing = await get('/sources/9999/feed.xml');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  test('pages advertise their feeds with <link rel="alternate">', async () => {
    const home = await (await get('/')).text();
    expect(home).toContain('<link rel="alternate" type="application/rss+xml" title="Latest (RSS)" href="/feed.xml"/>');
    expect(home).toContain('type="application/atom+xml"');
    expect(home).toContain('type="application/feed+json"');
    const search = await (await get('/search?q=copper')).text();
    expect(search).toContain('href="/search/feed.xml?q=copper"');
    const source = await (await get(`/sources/${h.sourceIds[1]}`)).text();
    expect(source).toContain(`href="/sources/${h.sourceIds[1]}/feed.atom"`);
  });
});
