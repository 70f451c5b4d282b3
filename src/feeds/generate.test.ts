import { describe, expect, test } from 'vitest';
import { type FeedChannel, type FeedEntry, generateFeed, type OutgoingFormat, parseFeed } from './index.ts';

const channel: FeedChannel = {
  title: 'tickerwire — Metals & <Mining>',
  siteUrl: 'https://desk.example/',
  selfUrl: 'https://desk.example/feeds/metals.xml',
  description: 'Latest metals coverage & more',
  updatedAt: new Date('2026-11-25T08:00:00Z'),
};

const entries: FeedEntry[] = [
  {
    id: 'tag:desk.example,2026:article-17',
    url: 'https://harbor-street.example/markets/copper?x=1&y=2',
    title: 'Copper <rallies> & tin slips ]]> again',
    author: 'Maren Oduya',
    publishedAt: new Date('2026-11-24T09:15:00Z'),
    updatedAt: new Date('2026-11-24T10:00:00Z'),
    summary: 'Copper rose; "tin" fell <2%> & more ]]> text',
    contentHtml: '<p>Copper rose &amp; tin fell.</p><pre>a ]]> b</pre>',
    sourceName: 'Harbor Street',
    categories: ['HG=F', 'Metals & Mining'],
  },
  {
    id: 'https://quayside.example/news/port-fees',
    url: 'https://quayside.example/news/port-fees',
    title: 'Why port fees matter\u0007',
    author: null,
    publishedAt: new Date('2026-11-23T12:00:00Z'),
    updatedAt: null,
    summary: 'Fees are a quiet tax on trade.',
    contentHtml: null,
    sourceName: 'Quayside Desk',
    categories: [],
  },
];

const formats: OutgoingFormat[] = ['rss', 'atom', 'json'];

describe.each(formats)('generateFeed(%s)', (format) => {
  const text = generateFeed(format, channel, entries);
  const parsed = parseFeed(text, channel.selfUrl);

  test('round-trips through parseFeed', () => {
    expect(parsed.format).toBe(format);
    expect(parsed.title).toBe(channel.title);
    expect(parsed.siteUrl).toBe(channel.siteUrl);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.items.map((i) => i.url)).toEqual(entries.map((e) => e.url));
    expect(parsed.items.map((i) => i.guid)).toEqual(entries.map((e) => e.id));
    expect(parsed.items.map((i) => i.publishedAt?.toISOString())).toEqual(entries.map((e) => e.publishedAt.toISOString()));
  });

  test('escapes &, < and ]]> in titles and content', () => {
    const first = parsed.items[0];
    expect(first?.title).toBe('Copper <rallies> & tin slips ]]> again');
    expect(first?.contentHtml).toBe('<p>Copper rose &amp; tin fell.</p><pre>a ]]> b</pre>');
    expect(first?.summaryHtml).toBe('Copper rose; &quot;tin&quot; fell &lt;2%&gt; &amp; more ]]&gt; text');
  });

  test('drops control characters that would make the document invalid', () => {
    expect(parsed.items[1]?.title).toBe('Why port fees matter');
    expect(text).not.toContain('\u0007');
  });

  test('names the author, or the publication when the byline is unknown', () => {
    expect(parsed.items.map((i) => i.author)).toEqual(['Maren Oduya', format === 'rss' ? null : 'Quayside Desk']);
  });
});

describe('format specifics', () => {
  test('RSS 2.0: atom:link self, guid permalink flag, RFC 822 dates, content:encoded only with full text', () => {
    const xml = generateFeed('rss', channel, entries);
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain('<atom:link href="https://desk.example/feeds/metals.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('<guid isPermaLink="false">tag:desk.example,2026:article-17</guid>');
    expect(xml).toContain('<guid isPermaLink="true">https://quayside.example/news/port-fees</guid>');
    expect(xml).toContain('<pubDate>Tue, 24 Nov 2026 09:15:00 GMT</pubDate>');
    expect(xml).toContain('<lastBuildDate>Wed, 25 Nov 2026 08:00:00 GMT</lastBuildDate>');
    expect(xml.match(/<content:encoded>/g)).toHaveLength(1);
    expect(xml).toContain('<dc:publisher>Harbor Street</dc:publisher>');
    expect(xml).toMatch(/<title><!\[CDATA\[tickerwire/);
  });

  test('Atom 1.0: required id/title/updated, author, alternate and self links, source', () => {
    const xml = generateFeed('atom', channel, entries);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<id>https://desk.example/feeds/metals.xml</id>');
    expect(xml).toContain('<updated>2026-11-25T08:00:00.000Z</updated>');
    expect(xml).toContain('<link href="https://desk.example/feeds/metals.xml" rel="self" type="application/atom+xml"/>');
    expect(xml).toContain('<link href="https://desk.example/" rel="alternate" type="text/html"/>');
    const entryBlocks = xml.split('<entry>').slice(1);
    expect(entryBlocks).toHaveLength(2);
    for (const block of entryBlocks) {
      for (const required of ['<id>', '<title', '<updated>', '<author>', 'rel="alternate"', '<source>']) expect(block).toContain(required);
    }
    // An entry never updated reports its publication time as `updated`.
    expect(entryBlocks[1]).toContain('<updated>2026-11-23T12:00:00.000Z</updated>');
  });

  test('JSON Feed 1.1: version, feed_url, content_html or content_text on every item', () => {
    const feed = JSON.parse(generateFeed('json', channel, entries)) as {
      version: string;
      feed_url: string;
      items: Array<Record<string, unknown>>;
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(channel.selfUrl);
    expect(feed.items[0]).toMatchObject({ content_html: entries[0]?.contentHtml, tags: ['HG=F', 'Metals & Mining'], date_modified: '2026-11-24T10:00:00.000Z' });
    expect(feed.items[1]).toMatchObject({ content_text: 'Fees are a quiet tax on trade.' });
    expect(feed.items[1]).not.toHaveProperty('content_html');
  });

  test('an empty listing is still a valid feed', () => {
    for (const format of formats) {
      const parsed = parseFeed(generateFeed(format, channel, []), channel.selfUrl);
      expect(parsed.items).toEqual([]);
      expect(parsed.title).toBe(channel.title);
    }
  });
});
