/**
 * @module feeds/rss — RSS 2.0 / 0.9x (feedsmith's shape) to our model.
 */
import type { RssFeed } from 'feedsmith';
import { type AdaptedFeed, type DraftItem, enclosureImage, mediaImage, permalinkFromGuid, ttlMinutes } from './adapt.ts';
import { parseFeedDate } from './dates.ts';
import { absoluteUrl, cleanTitle, firstOf, optionalString, resolveBase } from './text.ts';

type Feed = RssFeed.Feed<string>;
type Item = RssFeed.Item<string>;

/** A `<link rel="…">` among atom:link elements, resolved. */
export function atomLinkHref(
  links: Array<{ href?: string; rel?: string; type?: string }> | undefined,
  rel: string,
  base: string | null,
): string | null {
  for (const link of links ?? []) {
    if ((link.rel ?? 'alternate').toLowerCase() === rel) {
      const url = absoluteUrl(link.href, base);
      if (url !== null) return url;
    }
  }
  return null;
}

function adaptItem(item: Item, channelBase: string | null): DraftItem {
  const base = resolveBase([item.xml?.base], channelBase);
  const guid = optionalString(item.guid?.value);
  const author = item.authors?.[0];
  return {
    guid,
    url: firstOf(
      absoluteUrl(item.link, base),
      atomLinkHref(item.atom?.links, 'alternate', base),
      permalinkFromGuid(guid, item.guid?.isPermaLink, base),
    ),
    title: firstOf(cleanTitle(item.title), cleanTitle(item.dc?.titles?.[0])),
    author: firstOf(cleanTitle(item.dc?.creators?.[0]), cleanTitle(author?.name), cleanTitle(author?.email)),
    publishedAt: firstOf(
      parseFeedDate(item.pubDate),
      parseFeedDate(item.dc?.dates?.[0]),
      parseFeedDate(item.dcterms?.issued?.[0]),
      parseFeedDate(item.dcterms?.created?.[0]),
      parseFeedDate(item.atom?.published),
    ),
    updatedAt: firstOf(parseFeedDate(item.atom?.updated), parseFeedDate(item.dcterms?.modified?.[0])),
    summaryHtml: optionalString(item.description),
    contentHtml: optionalString(item.content?.encoded),
    imageUrl: firstOf(
      mediaImage(item.media, base),
      enclosureImage(item.enclosures, base),
      absoluteUrl(item.itunes?.image, base),
    ),
  };
}

/** Adapt a parsed RSS 2.0 / 0.9x channel. `docBase` is the feed URL when it is an absolute URL. */
export function adaptRss(feed: Feed, docBase: string | null): AdaptedFeed {
  const channelBase = resolveBase([feed.xml?.base], docBase);
  const siteUrl = firstOf(absoluteUrl(feed.link, channelBase), atomLinkHref(feed.atom?.links, 'alternate', channelBase));
  // Without xml:base, relative item links are read against the site (the feed may live on another host).
  const itemBase = feed.xml?.base === undefined ? (siteUrl ?? channelBase) : channelBase;
  return {
    title: firstOf(cleanTitle(feed.title), cleanTitle(feed.dc?.titles?.[0])),
    siteUrl,
    hubUrl: atomLinkHref(feed.atom?.links, 'hub', itemBase),
    ttlMinutes: ttlMinutes(feed.ttl, feed.sy),
    items: (feed.items ?? []).map((item) => adaptItem(item, itemBase)),
  };
}
