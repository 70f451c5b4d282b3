/**
 * @module feeds/rdf — RDF / RSS 1.0 and RSS 0.90 (feedsmith's shape) to our model.
 */
import type { RdfFeed } from 'feedsmith';
import { type AdaptedFeed, type DraftItem, mediaImage, ttlMinutes } from './adapt.ts';
import { parseFeedDate } from './dates.ts';
import { atomLinkHref } from './rss.ts';
import { absoluteUrl, cleanTitle, firstOf, optionalString, resolveBase } from './text.ts';

type Feed = RdfFeed.Feed<string>;
type Item = RdfFeed.Item<string>;

function adaptItem(item: Item, channelBase: string | null): DraftItem {
  const base = resolveBase([item.xml?.base], channelBase);
  const about = optionalString(item.rdf?.about);
  return {
    guid: about,
    url: firstOf(absoluteUrl(item.link, base), about !== null && /^https?:\/\//i.test(about) ? absoluteUrl(about, base) : null),
    title: firstOf(cleanTitle(item.title), cleanTitle(item.dc?.titles?.[0])),
    author: cleanTitle(item.dc?.creators?.[0]),
    publishedAt: firstOf(parseFeedDate(item.dc?.dates?.[0]), parseFeedDate(item.dcterms?.issued?.[0])),
    updatedAt: parseFeedDate(item.dcterms?.modified?.[0]),
    summaryHtml: optionalString(item.description),
    contentHtml: optionalString(item.content?.encoded),
    imageUrl: mediaImage(item.media, base),
  };
}

/** Adapt a parsed RDF (RSS 1.0 / 0.90) document. `docBase` is the feed URL when it is an absolute URL. */
export function adaptRdf(feed: Feed, docBase: string | null): AdaptedFeed {
  const channelBase = resolveBase([feed.xml?.base], docBase);
  const siteUrl = absoluteUrl(feed.link, channelBase);
  return {
    title: firstOf(cleanTitle(feed.title), cleanTitle(feed.dc?.titles?.[0])),
    siteUrl,
    hubUrl: atomLinkHref(feed.atom?.links, 'hub', channelBase ?? siteUrl),
    ttlMinutes: ttlMinutes(undefined, feed.sy),
    items: (feed.items ?? []).map((item) => adaptItem(item, feed.xml?.base === undefined ? (siteUrl ?? channelBase) : channelBase)),
  };
}
