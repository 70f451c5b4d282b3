/**
 * Outgoing feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) for any listing, generated with feedsmith.
 * Each entry carries what its source's republishing policy allows: 'full' the sanitized HTML,
 * 'excerpt' the excerpt, 'link' only the title and a link to the original.
 */
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import type { Article, Source } from '../../model.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** File extension (in routes) → format. */
export const FEED_EXTENSIONS: Record<string, FeedFormat> = { xml: 'rss', atom: 'atom', json: 'json' };

/** Media type per format. */
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The listing a feed mirrors. URLs are absolute. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page of the same listing. */
  pageUrl: string;
  /** This feed's own URL (self link). */
  feedUrl: string;
  /** Base of the site, for article links. */
  siteUrl: string;
}

export interface FeedEntry {
  article: Article;
  source: Source | undefined;
}

interface EntryView {
  id: string;
  link: string;
  title: string;
  published: Date;
  updated: Date;
  author: string | null;
  summary: string | undefined;
  html: string | undefined;
  sourceTitle: string;
  sourceUrl: string;
}

function view(e: FeedEntry, siteUrl: string): EntryView {
  const a = e.article;
  const policy = e.source?.policy ?? 'full';
  return {
    id: `${siteUrl}/articles/${a.id}`,
    link: policy === 'link' ? a.url : `${siteUrl}/articles/${a.id}`,
    title: a.title,
    published: a.publishedAt,
    updated: a.publishedAt > a.fetchedAt ? a.publishedAt : a.fetchedAt,
    author: a.author,
    summary: policy === 'link' || !a.excerpt ? undefined : a.excerpt,
    html: policy === 'full' && a.html ? a.html : undefined,
    sourceTitle: e.source?.title || e.source?.url || new URL(a.url).hostname,
    sourceUrl: e.source?.url ?? a.url,
  };
}

function newest(entries: EntryView[]): Date {
  return entries.reduce((d, e) => (e.updated > d ? e.updated : d), new Date(0));
}

function rss(ch: FeedChannel, items: EntryView[]): string {
  return generateRssFeed({
    title: ch.title,
    link: ch.pageUrl,
    description: ch.description,
    lastBuildDate: newest(items),
    generator: 'tickerwire',
    atom: { links: [{ href: ch.feedUrl, rel: 'self', type: 'application/rss+xml' }] },
    items: items.map((e) => ({
      title: e.title,
      link: e.link,
      guid: { value: e.id, isPermaLink: true },
      pubDate: e.published,
      ...(e.summary ? { description: e.summary } : {}),
      ...(e.html ? { content: { encoded: e.html } } : {}),
      ...(e.author ? { dc: { creators: [e.author] } } : {}),
      source: { title: e.sourceTitle, url: e.sourceUrl },
    })),
  });
}

function atom(ch: FeedChannel, items: EntryView[]): string {
  return generateAtomFeed({
    id: ch.pageUrl,
    title: { value: ch.title, type: 'text' },
    subtitle: { value: ch.description, type: 'text' },
    updated: newest(items),
    generator: { text: 'tickerwire' },
    links: [
      { href: ch.feedUrl, rel: 'self', type: 'application/atom+xml' },
      { href: ch.pageUrl, rel: 'alternate', type: 'text/html' },
    ],
    // An Atom feed needs an author unless every entry has one.
    authors: [{ name: ch.title }],
    entries: items.map((e) => ({
      id: e.id,
      title: { value: e.title, type: 'text' },
      updated: e.updated,
      published: e.published,
      links: [{ href: e.link, rel: 'alternate', type: 'text/html' }],
      ...(e.summary ? { summary: { value: e.summary, type: 'text' } } : {}),
      ...(e.html ? { content: { value: e.html, type: 'html' } } : {}),
      ...(e.author ? { authors: [{ name: e.author }] } : {}),
      source: { id: e.sourceUrl, title: { value: e.sourceTitle, type: 'text' }, links: [{ href: e.sourceUrl, rel: 'self' }] },
    })),
  });
}

function json(ch: FeedChannel, items: EntryView[]): string {
  const feed = generateJsonFeed({
    title: ch.title,
    description: ch.description,
    home_page_url: ch.pageUrl,
    feed_url: ch.feedUrl,
    items: items.map((e) => ({
      id: e.id,
      url: e.link,
      title: e.title,
      date_published: e.published,
      date_modified: e.updated,
      ...(e.html ? { content_html: e.html } : { content_text: e.summary ?? e.title }),
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.author ? { authors: [{ name: e.author }] } : {}),
      ...(e.link === e.id ? {} : { external_url: e.link }),
    })),
  });
  return JSON.stringify(feed);
}

/** Render a listing as a feed document of `format`. */
export function renderFeed(format: FeedFormat, channel: FeedChannel, entries: FeedEntry[]): string {
  const items = entries.map((e) => view(e, channel.siteUrl));
  if (format === 'rss') return rss(channel, items);
  if (format === 'atom') return atom(channel, items);
  return json(channel, items);
}
