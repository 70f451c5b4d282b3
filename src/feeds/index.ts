/**
 * @module feeds — everything tickerwire knows about feed documents: parsing the formats it reads
 * (RSS, Atom, RDF, JSON Feed, news sitemaps), checking a feed, OPML, autodiscovery and the feeds it
 * serves. Pure functions over strings: no I/O, no env, no store.
 */
export { type Detection, detectFeed } from './detect.ts';
export { parseFeedDate } from './dates.ts';
export { DEFAULT_MAX_ITEMS, type ParseFeedOptions, parseFeed } from './parse.ts';
export { type CheckFeedOptions, type FeedCheckItem, type FeedCheckReport, checkFeed } from './check.ts';
export { type GenerateOpmlOptions, MAX_OPML_SOURCES, type OpmlExportSource, type OpmlSource, generateOpml, parseOpml } from './opml.ts';
export { commonFeedPaths, commonFeedUrls, type FeedLink, findFeedLinks } from './discover.ts';
export { FEED_CONTENT_TYPES, type FeedChannel, type FeedEntry, type OutgoingFormat, generateFeed } from './generate.ts';
export { MAX_AUTHOR_CHARS, MAX_HTML_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS } from './adapt.ts';
