import { parseAtomFeed, parseFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_OUTLETS } from './content/index.ts';
import { type DemoServer, startDemoServer } from './server.ts';
import { xmlProblems } from './xml-check.ts';

const NOW = new Date('2026-03-14T15:09:26.535Z');
const HOUR_MS = 3_600_000;

/** What the tests need from a parsed item, whatever the format. */
interface Item {
  id: string | undefined;
  link: string;
  title: string;
  published: string | undefined;
  author: string | undefined;
  summary: string | undefined;
  content: string | undefined;
}

function itemsOf(format: string, text: string): Item[] {
  switch (format) {
    case 'rss':
      return (parseRssFeed(text).items ?? []).map((i) => ({
        id: i.guid?.value,
        link: i.link ?? '',
        title: i.title ?? '',
        published: i.pubDate,
        author: i.dc?.creators?.[0],
        summary: i.description,
        content: i.content?.encoded,
      }));
    case 'atom':
      return (parseAtomFeed(text).entries ?? []).map((e) => ({
        id: e.id,
        link: e.links?.find((l) => l.rel === 'alternate')?.href ?? '',
        title: e.title?.value ?? '',
        published: e.published,
        author: e.authors?.[0]?.name,
        summary: e.summary?.value,
        content: e.content?.value,
      }));
    case 'json':
      return (parseJsonFeed(JSON.parse(text)).items ?? []).map((i) => ({
        id: i.id,
        link: i.url ?? '',
        title: i.title ?? '',
        published: i.date_published,
        author: i.authors?.[0]?.name,
        summary: i.summary,
        content: i.content_html,
      }));
    default:
      return (parseRdfFeed(text).items ?? []).map((i) => ({
        id: i.rdf?.about,
        link: i.link ?? '',
        title: i.title ?? '',
        published: i.dc?.dates?.[0],
        author: i.dc?.creators?.[0],
        summary: i.description,
        content: undefined,
      }));
  }
}

let demo: DemoServer;
const feeds = new Map<string, { contentType: string; text: string; items: Item[] }>();

beforeAll(async () => {
  demo = await startDemoServer({ now: () => NOW });
  for (const source of demo.sources) {
    const res = await fetch(source.url);
    expect(res.status).toBe(200);
    const text = await res.text();
    feeds.set(source.key, { contentType: res.headers.get('content-type') ?? '', text, items: itemsOf(source.format, text) });
  }
});

afterAll(async () => {
  await demo.close();
});

describe('demo feeds', () => {
  test('the demo offers one source per format, RSS, Atom, JSON Feed and RDF included', () => {
    expect(demo.sources.map((s) => s.format).sort()).toEqual(['atom', 'json', 'rdf', 'rss']);
    expect(new Set(demo.sources.map((s) => s.key)).size).toBe(demo.sources.length);
    for (const source of demo.sources) {
      expect(source.url.startsWith(`${demo.baseUrl}/`)).toBe(true);
      expect(source.siteUrl.startsWith(`${demo.baseUrl}/`)).toBe(true);
    }
  });

  test('each feed is detected as its declared format and served with its media type', () => {
    const mime = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json', rdf: 'application/rdf+xml' };
    for (const source of demo.sources) {
      const feed = feeds.get(source.key);
      expect(feed?.contentType).toBe(`${mime[source.format]}; charset=utf-8`);
      const parsed = parseFeed(source.format === 'json' ? JSON.parse(feed?.text ?? '') : (feed?.text ?? ''));
      expect(parsed.format).toBe(source.format);
    }
  });

  test('every XML feed is well-formed, and so is the HTML inside full-content feeds', () => {
    for (const source of demo.sources.filter((s) => s.format !== 'json')) {
      expect(xmlProblems(feeds.get(source.key)?.text ?? ''), source.key).toEqual([]);
    }
  });

  test('the well-formedness check rejects broken XML', () => {
    expect(xmlProblems('<rss><channel><title>A & B</title></channel></rss>')).not.toEqual([]);
    expect(xmlProblems('<rss><channel><title>x</channel></rss>')).not.toEqual([]);
    expect(xmlProblems('<a/><b/>')).not.toEqual([]);
    expect(xmlProblems('<rss><item>ok &amp; fine</item><x/></rss>')).toEqual([]);
  });

  test('every article appears once in its feed with title, link, id, author, date and summary', () => {
    let total = 0;
    for (const outlet of DEMO_OUTLETS) {
      const items = feeds.get(outlet.key)?.items ?? [];
      expect(items).toHaveLength(outlet.articles.length);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
      for (const item of items) {
        expect(item.title.length).toBeGreaterThan(10);
        expect(item.link.startsWith(demo.baseUrl)).toBe(true);
        expect(item.id).toBeTruthy();
        expect(item.author).toBeTruthy();
        expect(item.summary?.length).toBeGreaterThan(40);
        expect(Number.isNaN(Date.parse(item.published ?? ''))).toBe(false);
      }
      total += items.length;
    }
    expect(total).toBeGreaterThanOrEqual(16);
    expect(total).toBeLessThanOrEqual(24);
  });

  test('full-content feeds carry the body; summary-only feeds do not', () => {
    for (const outlet of DEMO_OUTLETS) {
      const items = feeds.get(outlet.key)?.items ?? [];
      for (const item of items) {
        if (outlet.fullContent) expect(item.content?.match(/<p>/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
        else expect(item.content).toBeUndefined();
      }
    }
  });

  test('publication times lie in the 48 hours before the server started, rounded to the minute', () => {
    for (const [key, feed] of feeds) {
      for (const item of feed.items) {
        const at = Date.parse(item.published ?? '');
        expect(at, `${key} ${item.title}`).toBeLessThanOrEqual(NOW.getTime());
        expect(at).toBeGreaterThan(NOW.getTime() - 49 * HOUR_MS);
        expect(at % 60_000).toBe(0);
      }
    }
  });

  test('every feed item links to a page that exists', async () => {
    for (const [key, feed] of feeds) {
      for (const item of feed.items) {
        const res = await fetch(item.link);
        expect(res.status, `${key} ${item.link}`).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(await res.text()).toContain(`<meta property="og:title" content="`);
      }
    }
  });

  test('feeds are identical on every request during one run', async () => {
    for (const source of demo.sources) {
      expect(await (await fetch(source.url)).text()).toBe(feeds.get(source.key)?.text);
    }
  });

  test('GUIDs do not depend on the server port or start time', async () => {
    const other = await startDemoServer({ now: () => new Date(NOW.getTime() + 5 * HOUR_MS) });
    try {
      for (const source of other.sources) {
        expect(source.url).not.toBe(demo.sources.find((s) => s.key === source.key)?.url);
        const items = itemsOf(source.format, await (await fetch(source.url)).text());
        expect(items.map((i) => i.id).sort()).toEqual((feeds.get(source.key)?.items ?? []).map((i) => i.id).sort());
      }
    } finally {
      await other.close();
    }
  });
});
