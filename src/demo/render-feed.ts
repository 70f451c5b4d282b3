/**
 * @module demo/render-feed — the demo outlets' feeds, hand-written per format: RSS 2.0 (with
 * content:encoded when the outlet publishes full text), Atom 1.0, JSON Feed 1.1 and RDF/RSS 1.0.
 * Every text value is escaped; full HTML bodies go in CDATA (RSS) or escaped text (Atom).
 */
import { cdata, escapeHtml } from './html.ts';
import { renderContentHtml } from './render-body.ts';
import { newestTime, type SiteArticle, type SiteOutlet } from './site.ts';

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
/** Minutes an RSS reader may cache the demo feeds (RSS `<ttl>`). */
const RSS_TTL_MINUTES = 15;

const x = escapeHtml;

function rssItem(site: SiteOutlet, item: SiteArticle): string {
  const { article } = item;
  return [
    '<item>',
    `<title>${x(article.title)}</title>`,
    `<link>${x(item.feedUrl)}</link>`,
    `<guid isPermaLink="false">${x(item.guid)}</guid>`,
    `<dc:creator>${x(article.author.name)}</dc:creator>`,
    `<pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
    ...article.tags.map((tag) => `<category>${x(tag)}</category>`),
    `<description>${x(article.summary)}</description>`,
    site.outlet.fullContent ? `<content:encoded>${cdata(renderContentHtml(item))}</content:encoded>` : '',
    `<media:content url="${x(item.imageUrl)}" medium="image" type="image/svg+xml" width="640" height="360"/>`,
    '</item>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** RSS 2.0 document of an outlet. */
export function renderRss(site: SiteOutlet): string {
  const { outlet } = site;
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    `<title>${x(outlet.name)}</title>`,
    `<link>${x(site.homeUrl)}</link>`,
    `<atom:link href="${x(site.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    `<description>${x(outlet.tagline)}</description>`,
    `<language>${x(outlet.lang)}</language>`,
    `<lastBuildDate>${newestTime(site).toUTCString()}</lastBuildDate>`,
    `<ttl>${RSS_TTL_MINUTES}</ttl>`,
    '<generator>tickerwire demo server</generator>',
    ...site.articles.map((item) => rssItem(site, item)),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function atomEntry(site: SiteOutlet, item: SiteArticle): string {
  const { article } = item;
  const lang = item.lang === site.outlet.lang ? '' : ` xml:lang="${x(item.lang)}"`;
  return [
    `<entry${lang}>`,
    `<id>${x(item.guid)}</id>`,
    `<title type="text">${x(article.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${x(item.feedUrl)}"/>`,
    `<published>${item.publishedAt.toISOString()}</published>`,
    `<updated>${(item.updatedAt ?? item.publishedAt).toISOString()}</updated>`,
    `<author><name>${x(article.author.name)}</name></author>`,
    ...article.tags.map((tag) => `<category term="${x(tag)}"/>`),
    `<summary type="text">${x(article.summary)}</summary>`,
    site.outlet.fullContent ? `<content type="html">${x(renderContentHtml(item))}</content>` : '',
    `<link rel="enclosure" type="image/svg+xml" href="${x(item.imageUrl)}"/>`,
    '</entry>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** Atom 1.0 document of an outlet. */
export function renderAtom(site: SiteOutlet): string {
  const { outlet } = site;
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(outlet.lang)}">`,
    `<id>tag:${x(outlet.guidHost)},2026:feed</id>`,
    `<title type="text">${x(outlet.name)}</title>`,
    `<subtitle type="text">${x(outlet.tagline)}</subtitle>`,
    `<updated>${newestTime(site).toISOString()}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${x(site.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${x(site.homeUrl)}"/>`,
    '<generator>tickerwire demo server</generator>',
    ...site.articles.map((item) => atomEntry(site, item)),
    '</feed>',
    '',
  ].join('\n');
}

/** JSON Feed 1.1 document of an outlet. */
export function renderJsonFeed(site: SiteOutlet): string {
  const { outlet } = site;
  const items = site.articles.map((item) => ({
    id: item.guid,
    url: item.feedUrl,
    title: item.article.title,
    ...(outlet.fullContent ? { content_html: renderContentHtml(item) } : { content_text: item.article.summary }),
    summary: item.article.summary,
    image: item.imageUrl,
    date_published: item.publishedAt.toISOString(),
    ...(item.updatedAt ? { date_modified: item.updatedAt.toISOString() } : {}),
    authors: [{ name: item.article.author.name }],
    tags: item.article.tags,
    language: item.lang,
    ...(item.origin ? { external_url: item.origin.url } : {}),
  }));
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: outlet.name,
    home_page_url: site.homeUrl,
    feed_url: site.feedUrl,
    description: outlet.tagline,
    language: outlet.lang,
    items,
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function rdfItem(item: SiteArticle): string {
  const { article } = item;
  return [
    // rdf:about is the item's identity; a tag: URI keeps it stable when the demo port changes.
    `<item rdf:about="${x(item.guid)}">`,
    `<title>${x(article.title)}</title>`,
    `<link>${x(item.feedUrl)}</link>`,
    `<description>${x(article.summary)}</description>`,
    `<dc:creator>${x(article.author.name)}</dc:creator>`,
    `<dc:date>${item.publishedAt.toISOString()}</dc:date>`,
    `<dc:subject>${x(article.section)}</dc:subject>`,
    `<dc:language>${x(item.lang)}</dc:language>`,
    '</item>',
  ].join('\n');
}

/** RDF Site Summary (RSS 1.0) document of an outlet. */
export function renderRdf(site: SiteOutlet): string {
  const { outlet } = site;
  const seq = site.articles.map((item) => `<rdf:li rdf:resource="${x(item.guid)}"/>`).join('\n');
  return [
    XML_DECLARATION,
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<channel rdf:about="${x(site.feedUrl)}">`,
    `<title>${x(outlet.name)}</title>`,
    `<link>${x(site.homeUrl)}</link>`,
    `<description>${x(outlet.tagline)}</description>`,
    `<dc:language>${x(outlet.lang)}</dc:language>`,
    `<dc:date>${newestTime(site).toISOString()}</dc:date>`,
    `<items><rdf:Seq>\n${seq}\n</rdf:Seq></items>`,
    '</channel>',
    ...site.articles.map(rdfItem),
    '</rdf:RDF>',
    '',
  ].join('\n');
}

/** The feed document of an outlet in its own format. */
export function renderFeed(site: SiteOutlet): string {
  switch (site.outlet.format) {
    case 'rss':
      return renderRss(site);
    case 'atom':
      return renderAtom(site);
    case 'json':
      return renderJsonFeed(site);
    case 'rdf':
      return renderRdf(site);
  }
}
