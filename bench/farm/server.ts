/**
 * The loopback feed farm, run as its own process so its CPU and memory are not counted against
 * tickerwire: `node bin/run-ts.mjs bench/farm/server.ts FEEDS ITEMS`. One host per feed
 * (127.1.x.y), every page pre-rendered; prints one JSON line `{ "feeds": [url…] }` when ready.
 */
import { createServer } from 'node:http';
import { farmArticles, farmFeed, farmPage, prng } from './content.ts';

const MIN_PAGE_BYTES = 20_000;
const MAX_PAGE_BYTES = 150_000;

const feeds = Number(process.argv[2] ?? 200);
const items = Number(process.argv[3] ?? 20);
const now = new Date();
const urls: string[] = [];
let totalBytes = 0;

for (let f = 0; f < feeds; f++) {
  const host = `127.1.${Math.floor((f + 1) / 250)}.${((f + 1) % 250) + 1}`;
  const base = `http://${host}:8${String(f % 1000).padStart(3, '0')}`;
  const articles = farmArticles(f, items, now);
  const rnd = prng(f + 7);
  const routes = new Map<string, Buffer>();
  routes.set('/feed.xml', Buffer.from(farmFeed(base, f, articles)));
  routes.set('/robots.txt', Buffer.from('User-agent: *\nAllow: /\n'));
  for (const a of articles) {
    const size = MIN_PAGE_BYTES + Math.floor(rnd() * (MAX_PAGE_BYTES - MIN_PAGE_BYTES));
    const page = Buffer.from(farmPage(base, a, size, rnd));
    totalBytes += page.length;
    routes.set(`/a/${a.slug}`, page);
  }
  const server = createServer((req, res) => {
    const body = routes.get((req.url ?? '/').split('?')[0] ?? '/');
    if (!body) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', req.url === '/feed.xml' ? 'application/rss+xml' : 'text/html; charset=utf-8');
    res.end(body);
  });
  const port = Number(new URL(base).port);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  urls.push(`${base}/feed.xml`);
}

process.stdout.write(`${JSON.stringify({ feeds: urls, pageMb: Math.round(totalBytes / 1e6) })}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
