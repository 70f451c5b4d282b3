/**
 * @module feeds/discover — feed autodiscovery: the `<link rel="alternate">` feeds an HTML page
 * advertises, and the common paths worth trying when it advertises none. htmlparser2 streams the
 * page without building a tree.
 */
import { Parser } from 'htmlparser2';
import type { FeedFormat } from '../model.ts';
import { absoluteUrl, cleanTitle } from './text.ts';

/** Feed MIME types and the format each announces. */
const FEED_TYPES: Record<string, Exclude<FeedFormat, 'sitemap'>> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
  'application/feed+json': 'json',
  // Not plain application/json: WordPress advertises its REST API with it on every page.
  // Generic XML types are used for feeds by some sites; RSS is the likeliest.
  'application/xml': 'rss',
  'text/xml': 'rss',
  'application/x.atom+xml': 'atom',
  'application/x-atom+xml': 'atom',
  'application/x-rss+xml': 'rss',
};

/**
 * Paths commonly serving a site's feed (WordPress, Ghost, Hugo, Jekyll, Blogger, Substack…),
 * in the order worth trying when a page advertises none.
 */
export const commonFeedPaths: readonly string[] = [
  '/feed',
  '/rss',
  '/feed.xml',
  '/rss.xml',
  '/atom.xml',
  '/index.xml',
  '/feed.json',
  '/feed/atom',
  '/rss/index.xml',
  '/feeds/posts/default',
  '/?feed=rss2',
  '/blog/feed',
  '/news/rss.xml',
];

/** A feed a page links to. */
export interface FeedLink {
  url: string;
  /** The MIME type the link declares, lower-cased. */
  type: string;
  /** The format that type announces. */
  format: Exclude<FeedFormat, 'sitemap'>;
  title: string | null;
}

const COMMENTS = /comments?/i;

/**
 * The feeds an HTML page advertises with `<link rel="alternate" type="…">`, absolute (honouring
 * `<base href>`), deduplicated, comment feeds last.
 * @example findFeedLinks(html, 'https://example.com/')[0]?.url
 */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  let base = absoluteUrl(pageUrl, null);
  const found = new Map<string, FeedLink>();
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'base' && attribs.href !== undefined) {
          base = absoluteUrl(attribs.href, base) ?? base;
          return;
        }
        if (name !== 'link') return;
        const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
        if (!rel.includes('alternate') && !rel.includes('feed')) return;
        const type = (attribs.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
        const format = FEED_TYPES[type];
        const url = absoluteUrl(attribs.href, base);
        if (format === undefined || url === null || found.has(url)) return;
        found.set(url, { url, type, format, title: cleanTitle(attribs.title) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const links = [...found.values()];
  const isComments = (l: FeedLink) => COMMENTS.test(l.title ?? '') || /\/comments\/feed/i.test(l.url);
  return [...links.filter((l) => !isComments(l)), ...links.filter(isComments)];
}

/** The common feed URLs of a site, resolved against the page's origin, for probing. */
export function commonFeedUrls(pageUrl: string): string[] {
  const origin = absoluteUrl(pageUrl, null);
  if (origin === null) return [];
  return commonFeedPaths.flatMap((path) => {
    const url = absoluteUrl(path, origin);
    return url === null ? [] : [url];
  });
}
