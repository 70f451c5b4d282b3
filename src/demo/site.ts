/**
 * @module demo/site — resolves the demo content against a running server: absolute URLs, GUIDs and
 * publication times relative to the server's start. Pure: the same inputs give the same site.
 */
import type { DemoArticle, DemoOutlet } from './types.ts';
import { slugify } from './html.ts';

const MINUTE_MS = 60_000;

/** An article placed on the demo site. */
export interface SiteArticle {
  outlet: DemoOutlet;
  article: DemoArticle;
  /** Server path of the page (what the router matches). */
  path: string;
  /** Absolute canonical URL of the page. */
  url: string;
  /** Absolute URL of the outlet's home page. */
  homeUrl: string;
  /** URL the feed links to (may carry tracking parameters, as real feeds do). */
  feedUrl: string;
  /** Stable identifier: does not change with the demo server's port or start time. */
  guid: string;
  imagePath: string;
  imageUrl: string;
  publishedAt: Date;
  updatedAt: Date | null;
  lang: string;
  /** For a syndicated copy: the original it republishes. */
  origin: SiteArticle | null;
}

/** An outlet placed on the demo site, its articles newest first. */
export interface SiteOutlet {
  outlet: DemoOutlet;
  homePath: string;
  homeUrl: string;
  feedPath: string;
  feedUrl: string;
  articles: SiteArticle[];
}

/** Where each outlet keeps its feed, by format (each site has its own habits). */
const FEED_FILE: Record<DemoOutlet['format'], string> = {
  rss: 'feed/',
  atom: 'atom.xml',
  json: 'feed.json',
  rdf: 'index.rdf',
};

/** Page path of an article; the URL shape differs by site template, like real CMSes. */
function articlePath(outlet: DemoOutlet, article: DemoArticle): string {
  switch (outlet.theme.markup) {
    case 'wordpress':
      return `${outlet.path}/${slugify(article.section)}/${article.slug}/`;
    case 'bem':
      return `${outlet.path}/news/${article.slug}`;
    case 'wire':
      return `${outlet.path}/article/${article.id}/${article.slug}`;
    case 'bootstrap':
      return `${outlet.path}/${slugify(article.section)}/${article.slug}.html`;
  }
}

function guidOf(outlet: DemoOutlet, article: DemoArticle): string {
  return outlet.format === 'json' ? `${outlet.guidHost}/${article.id}` : `tag:${outlet.guidHost},2026:${article.id}`;
}

/** Publication time: `minutesAgo` before the start, rounded down to the minute. */
function publishedAt(startedAt: Date, minutesAgo: number): Date {
  const at = startedAt.getTime() - minutesAgo * MINUTE_MS;
  return new Date(Math.floor(at / MINUTE_MS) * MINUTE_MS);
}

function placeArticle(baseUrl: string, startedAt: Date, outlet: DemoOutlet, article: DemoArticle): SiteArticle {
  const path = articlePath(outlet, article);
  const published = publishedAt(startedAt, article.minutesAgo);
  const imagePath = `${outlet.path}/media/${article.slug}.svg`;
  const tracking = outlet.format === 'json' ? `?utm_source=${outlet.key}&utm_medium=jsonfeed` : '';
  return {
    outlet,
    article,
    path,
    url: `${baseUrl}${path}`,
    homeUrl: `${baseUrl}${outlet.path}/`,
    feedUrl: `${baseUrl}${path}${tracking}`,
    guid: guidOf(outlet, article),
    imagePath,
    imageUrl: `${baseUrl}${imagePath}`,
    publishedAt: published,
    updatedAt:
      article.updatedAfterMinutes === undefined
        ? null
        : new Date(published.getTime() + article.updatedAfterMinutes * MINUTE_MS),
    lang: article.lang ?? outlet.lang,
    origin: null,
  };
}

/**
 * Place every outlet and article on a server at `baseUrl` (no trailing slash) started at `startedAt`.
 * Syndicated copies are linked to their originals.
 */
export function buildSite(outlets: readonly DemoOutlet[], baseUrl: string, startedAt: Date): SiteOutlet[] {
  const site = outlets.map((outlet) => {
    const articles = outlet.articles
      .map((article) => placeArticle(baseUrl, startedAt, outlet, article))
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    const feedPath = `${outlet.path}/${FEED_FILE[outlet.format]}`;
    return {
      outlet,
      homePath: `${outlet.path}/`,
      homeUrl: `${baseUrl}${outlet.path}/`,
      feedPath,
      feedUrl: `${baseUrl}${feedPath}`,
      articles,
    };
  });
  const byKey = new Map(site.flatMap((s) => s.articles.map((a) => [`${s.outlet.key}/${a.article.slug}`, a] as const)));
  for (const placed of byKey.values()) {
    const from = placed.article.syndicatedFrom;
    if (from) placed.origin = byKey.get(`${from.outletKey}/${from.slug}`) ?? null;
  }
  return site;
}

/** Newest publication time among an outlet's articles (its feed's last-modified time). */
export function newestTime(outlet: SiteOutlet): Date {
  const times = outlet.articles.map((a) => (a.updatedAt ?? a.publishedAt).getTime());
  return new Date(Math.max(0, ...times));
}
