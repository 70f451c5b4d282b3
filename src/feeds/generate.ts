/**
 * @module feeds/generate — the feeds tickerwire serves (issue 7): RSS 2.0, Atom 1.0 and JSON Feed 1.1
 * for any listing, written with feedsmith's generators. Every entry names the source it came from.
 */
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import { escapeHtml } from './adapt.ts';
import { validText } from './text.ts';

/** Formats tickerwire serves. */
export type OutgoingFormat = 'rss' | 'atom' | 'json';

/** Content type to serve each format with. */
export const FEED_CONTENT_TYPES: Record<OutgoingFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Name written into `<generator>`. */
const GENERATOR = 'tickerwire';

/** The listing a feed is made for. */
export interface FeedChannel {
  title: string;
  siteUrl: string;
  /** The URL this feed is served at (atom:link rel=self, Atom id, JSON feed_url). */
  selfUrl: string;
  description: string;
  updatedAt: Date;
}

/** One article in an outgoing feed. */
export interface FeedEntry {
  /** Stable, unique id (a URL or tag: URI); never reused for another article. */
  id: string;
  url: string;
  title: string;
  author: string | null;
  publishedAt: Date;
  updatedAt: Date | null;
  /** Plain-text excerpt. */
  summary: string;
  /** Sanitized full HTML when the source's policy allows republishing it; null otherwise. */
  contentHtml: string | null;
  /** Name of the publication the article came from. */
  sourceName: string;
  categories: string[];
}

function validDate(date: Date | null, fallback: Date): Date {
  return date !== null && !Number.isNaN(date.getTime()) ? date : fallback;
}

function clean(text: string): string {
  return validText(text).trim();
}

/**
 * INFO: feedsmith pretty-prints and puts CDATA sections on their own indented line, which adds
 * whitespace to the element's text (`<title>\n  <![CDATA[A & B]]>\n</title>`). Put them back inline.
 */
function inlineCdata(xml: string): string {
  return xml.replace(/>\s*\n\s*<!\[CDATA\[/g, '><![CDATA[').replace(/\]\]>\s*\n\s*<\//g, ']]></');
}

function rss(channel: FeedChannel, entries: FeedEntry[]): string {
  return inlineCdata(
    generateRssFeed({
      title: clean(channel.title),
      link: channel.siteUrl,
      description: clean(channel.description),
      lastBuildDate: validDate(channel.updatedAt, new Date()),
      generator: GENERATOR,
      atom: { links: [{ href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' }] },
      items: entries.map((e) => ({
        title: clean(e.title),
        link: e.url,
        guid: { value: e.id, isPermaLink: e.id === e.url },
        pubDate: validDate(e.publishedAt, channel.updatedAt),
        // The excerpt is plain text; description is HTML.
        description: escapeHtml(clean(e.summary)),
        ...(e.contentHtml === null ? {} : { content: { encoded: validText(e.contentHtml) } }),
        categories: e.categories.map((name) => ({ name: clean(name) })),
        dc: {
          ...(e.author === null ? {} : { creators: [clean(e.author)] }),
          publishers: [clean(e.sourceName)],
        },
      })),
    }),
  );
}

function atom(channel: FeedChannel, entries: FeedEntry[]): string {
  return inlineCdata(
    generateAtomFeed({
      id: channel.selfUrl,
      title: { value: clean(channel.title), type: 'text' },
      subtitle: { value: clean(channel.description), type: 'text' },
      updated: validDate(channel.updatedAt, new Date()),
      generator: { text: GENERATOR },
      links: [
        { href: channel.siteUrl, rel: 'alternate', type: 'text/html' },
        { href: channel.selfUrl, rel: 'self', type: 'application/atom+xml' },
      ],
      entries: entries.map((e) => {
        const published = validDate(e.publishedAt, channel.updatedAt);
        return {
          id: e.id,
          title: { value: clean(e.title), type: 'text' },
          updated: validDate(e.updatedAt, published),
          published,
          // Atom requires an author; the publication stands in when the byline is unknown.
          authors: [{ name: clean(e.author ?? e.sourceName) }],
          links: [{ href: e.url, rel: 'alternate', type: 'text/html' }],
          summary: { value: clean(e.summary), type: 'text' },
          ...(e.contentHtml === null ? {} : { content: { value: validText(e.contentHtml), type: 'html' } }),
          categories: e.categories.map((term) => ({ term: clean(term) })),
          source: { title: { value: clean(e.sourceName), type: 'text' } },
        };
      }),
    }),
  );
}

function json(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = generateJsonFeed({
    title: clean(channel.title),
    home_page_url: channel.siteUrl,
    feed_url: channel.selfUrl,
    description: clean(channel.description),
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: clean(e.title),
      summary: clean(e.summary),
      // JSON Feed requires content_html or content_text.
      ...(e.contentHtml === null ? { content_text: clean(e.summary) } : { content_html: validText(e.contentHtml) }),
      date_published: validDate(e.publishedAt, channel.updatedAt),
      ...(e.updatedAt === null ? {} : { date_modified: validDate(e.updatedAt, e.publishedAt) }),
      authors: [{ name: clean(e.author ?? e.sourceName) }],
      tags: e.categories.map(clean),
    })),
  });
  return `${JSON.stringify(feed, null, 2)}\n`;
}

const GENERATORS: Record<OutgoingFormat, (channel: FeedChannel, entries: FeedEntry[]) => string> = { rss, atom, json };

/**
 * Write a listing as RSS 2.0 (atom:link self, guid, RFC 822 pubDate), Atom 1.0 (id, title, updated,
 * author, alternate/self links, source) or JSON Feed 1.1.
 * @example generateFeed('atom', channel, entries) // '<?xml version="1.0" encoding="utf-8"?>\n<feed …'
 */
export function generateFeed(format: OutgoingFormat, channel: FeedChannel, entries: FeedEntry[]): string {
  return GENERATORS[format](channel, entries);
}
