/** The Quayside fixture site on loopback: its RSS feed (test/fixtures/e2e/rss.xml) and the article pages. */
import { readFileSync } from 'node:fs';
import { PAGES, renderFixturePage } from '../fixtures/e2e/pages.ts';
import { type LoopbackServer, startLoopback } from './loopback.ts';

/** Feed path of the site. */
export const QUAYSIDE_FEED = '/quayside/feed.xml';

/** Serve the Quayside feed and every fixture page; anything else answers 404. */
export async function startQuaysideSite(): Promise<LoopbackServer> {
  const server: LoopbackServer = await startLoopback((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const page = PAGES[path];
    if (path === QUAYSIDE_FEED) {
      res.setHeader('content-type', 'application/rss+xml');
      res.end(readFileSync(new URL('../fixtures/e2e/rss.xml', import.meta.url), 'utf8').replaceAll('{{BASE}}', server.url));
    } else if (page) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(renderFixturePage(path, page, server.url));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  return server;
}
