/**
 * @module feeds/json — JSON Feed 1.0 / 1.1 (feedsmith's shape) to our model.
 */
import type { JsonFeed } from 'feedsmith';
import { type AdaptedFeed, type DraftItem, escapeHtml, textToHtml } from './adapt.ts';
import { parseFeedDate } from './dates.ts';
import { absoluteUrl, cleanTitle, firstOf, optionalString } from './text.ts';

type Feed = JsonFeed.Feed<string>;
type Item = JsonFeed.Item<string>;

/** JSON Feed 1.0 has a single `author`; 1.1 has `authors`. feedsmith keeps 1.1's shape. */
function authorName(authors: Array<{ name?: string }> | undefined, legacy: unknown): string | null {
  const legacyName = typeof legacy === 'object' && legacy !== null ? (legacy as { name?: unknown }).name : undefined;
  return firstOf(cleanTitle(authors?.[0]?.name), cleanTitle(legacyName));
}

function adaptItem(item: Item, base: string | null, feedAuthor: string | null): DraftItem {
  const id = optionalString(item.id);
  const summary = optionalString(item.summary);
  return {
    guid: id,
    url: firstOf(
      absoluteUrl(item.url, base),
      absoluteUrl(item.external_url, base),
      id !== null && /^https?:\/\//i.test(id) ? absoluteUrl(id, base) : null,
    ),
    title: cleanTitle(item.title),
    author: firstOf(authorName(item.authors, (item as { author?: unknown }).author), feedAuthor),
    publishedAt: parseFeedDate(item.date_published),
    updatedAt: parseFeedDate(item.date_modified),
    // JSON Feed's summary is plain text.
    summaryHtml: summary === null ? null : escapeHtml(summary),
    contentHtml: firstOf(optionalString(item.content_html), textToHtml(optionalString(item.content_text))),
    imageUrl: firstOf(absoluteUrl(item.image, base), absoluteUrl(item.banner_image, base)),
  };
}

/** Adapt a parsed JSON Feed. `docBase` is the feed URL when it is an absolute URL. */
export function adaptJson(feed: Feed, docBase: string | null): AdaptedFeed {
  const siteUrl = absoluteUrl(feed.home_page_url, docBase);
  const base = siteUrl ?? docBase;
  const feedAuthor = authorName(feed.authors, (feed as { author?: unknown }).author);
  return {
    title: cleanTitle(feed.title),
    siteUrl,
    hubUrl: firstOf(...(feed.hubs ?? []).map((hub) => absoluteUrl(hub.url, base))),
    ttlMinutes: null,
    items: (feed.items ?? []).map((item) => adaptItem(item, base, feedAuthor)),
  };
}
