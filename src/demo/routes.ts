/**
 * @module demo/routes — every response of the demo server, rendered once at start-up into a table
 * keyed by path, each with its ETag and Last-Modified validators. Pure: sites in, table out.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './html.ts';
import { renderFeed } from './render-feed.ts';
import { renderImageSvg } from './render-image.ts';
import { FEED_MIME, renderArticlePage, renderHomePage, renderIndexPage } from './render-page.ts';
import { sectionPath } from './render-chrome.ts';
import { newestTime, type SiteOutlet } from './site.ts';

/** Seconds clients may cache demo responses before revalidating. */
const MAX_AGE_SEC = 60;

/** One prepared response. */
export interface DemoResponse {
  contentType: string;
  body: Buffer;
  /** Strong validator: a hash of the body. */
  etag: string;
  /** HTTP date of the content's last change. */
  lastModified: string;
  cacheControl: string;
}

function respond(contentType: string, text: string, modified: Date): DemoResponse {
  const body = Buffer.from(text, 'utf8');
  return {
    contentType,
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    lastModified: modified.toUTCString(),
    cacheControl: `public, max-age=${MAX_AGE_SEC}`,
  };
}

function robotsTxt(baseUrl: string): string {
  return `# tickerwire demo server: everything may be crawled.\nUser-agent: *\nAllow: /\n\nSitemap: ${baseUrl}/sitemap.xml\n`;
}

function sitemapXml(sites: readonly SiteOutlet[]): string {
  const urls = sites.flatMap((site) =>
    site.articles.map(
      (item) =>
        `<url><loc>${escapeHtml(item.url)}</loc><lastmod>${(item.updatedAt ?? item.publishedAt).toISOString()}</lastmod></url>`,
    ),
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

function addOutletRoutes(table: Map<string, DemoResponse>, site: SiteOutlet): void {
  const { outlet } = site;
  const updated = newestTime(site);
  table.set(site.feedPath, respond(`${FEED_MIME[outlet.format]}; charset=utf-8`, renderFeed(site), updated));
  table.set(site.homePath, respond('text/html; charset=utf-8', renderHomePage(site), updated));
  const sections = new Set([...outlet.theme.nav, ...outlet.articles.map((a) => a.section)]);
  for (const label of sections) {
    const path = sectionPath(site, label);
    const slug = path.slice(`${outlet.path}/section/`.length, -1);
    table.set(path, respond('text/html; charset=utf-8', renderHomePage(site, slug), updated));
  }
  for (const item of site.articles) {
    const modified = item.updatedAt ?? item.publishedAt;
    table.set(item.path, respond('text/html; charset=utf-8', renderArticlePage(site, item), modified));
    const svg = renderImageSvg(item.article.image, item.article.slug, outlet.name, outlet.theme.accent);
    table.set(item.imagePath, respond('image/svg+xml', svg, item.publishedAt));
  }
}

/** Render every page, feed, image and helper file of the demo sites. */
export function buildDemoRoutes(sites: readonly SiteOutlet[], baseUrl: string, startedAt: Date): Map<string, DemoResponse> {
  const table = new Map<string, DemoResponse>();
  const newest = new Date(Math.max(...sites.map((s) => newestTime(s).getTime())));
  table.set('/', respond('text/html; charset=utf-8', renderIndexPage(sites), newest));
  table.set('/robots.txt', respond('text/plain; charset=utf-8', robotsTxt(baseUrl), startedAt));
  table.set('/sitemap.xml', respond('application/xml; charset=utf-8', sitemapXml(sites), newest));
  for (const site of sites) addOutletRoutes(table, site);
  return table;
}
