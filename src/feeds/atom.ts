/**
 * @module feeds/atom — Atom 1.0 (feedsmith's shape) to our model.
 */
import type { AtomFeed } from 'feedsmith';
import { type AdaptedFeed, type DraftItem, escapeHtml, mediaImage, ttlMinutes } from './adapt.ts';
import { parseFeedDate } from './dates.ts';
import { atomLinkHref } from './rss.ts';
import { absoluteUrl, cleanTitle, firstOf, optionalString, resolveBase } from './text.ts';

type Feed = AtomFeed.Feed<string>;
type Entry = AtomFeed.Entry<string>;
type Link = AtomFeed.Link<string>;

/** An Atom text construct as HTML: text is escaped, html and xhtml are kept as they are. */
function textConstructHtml(text: { value?: string; type?: string } | undefined): string | null {
  const value = optionalString(text?.value);
  if (value === null) return null;
  const type = (text?.type ?? 'text').toLowerCase();
  return type === 'html' || type === 'xhtml' || type.includes('html') ? value : escapeHtml(value);
}

/** An enclosure link that points to an image. */
function enclosureLinkImage(links: Link[] | undefined, base: string | null): string | null {
  for (const link of links ?? []) {
    if (link.rel === 'enclosure' && (link.type ?? '').startsWith('image/')) {
      const url = absoluteUrl(link.href, base);
      if (url !== null) return url;
    }
  }
  return null;
}

function adaptEntry(entry: Entry, feedBase: string | null, feedAuthor: string | null): DraftItem {
  const base = resolveBase([entry.xml?.base], feedBase);
  const id = optionalString(entry.id);
  const author = entry.authors?.[0];
  // Out-of-line content (`src`) is a link, not content we can show.
  const content = entry.content?.src === undefined ? textConstructHtml(entry.content) : null;
  return {
    guid: id,
    url: firstOf(atomLinkHref(entry.links, 'alternate', base), id !== null && /^https?:\/\//i.test(id) ? absoluteUrl(id, base) : null),
    title: cleanTitle(entry.title?.value),
    author: firstOf(cleanTitle(author?.name), cleanTitle(author?.email), cleanTitle(entry.dc?.creators?.[0]), feedAuthor),
    publishedAt: firstOf(parseFeedDate(entry.published), parseFeedDate(entry.dc?.dates?.[0]), parseFeedDate(entry.updated)),
    updatedAt: parseFeedDate(entry.updated),
    summaryHtml: textConstructHtml(entry.summary),
    contentHtml: content,
    imageUrl: firstOf(mediaImage(entry.media, base), enclosureLinkImage(entry.links, base)),
  };
}

/** Adapt a parsed Atom 1.0 feed. `docBase` is the feed URL when it is an absolute URL. */
export function adaptAtom(feed: Feed, docBase: string | null): AdaptedFeed {
  const feedBase = resolveBase([feed.xml?.base], docBase);
  const siteUrl = atomLinkHref(feed.links, 'alternate', feedBase);
  const feedAuthor = cleanTitle(feed.authors?.[0]?.name);
  return {
    title: cleanTitle(feed.title?.value),
    siteUrl,
    hubUrl: atomLinkHref(feed.links, 'hub', feedBase),
    ttlMinutes: ttlMinutes(undefined, feed.sy),
    items: (feed.entries ?? []).map((entry) => adaptEntry(entry, feedBase ?? siteUrl, feedAuthor)),
  };
}
