/**
 * A loopback feed farm for queue tests: several "hosts" (one loopback server each), each with feeds of
 * items whose pages answer after a delay. It records every request and the peak number of requests in
 * flight per host and per path, so a test can prove politeness and "never fetched twice at once".
 */
import { type LoopbackServer, startLoopback } from '../../../test/helpers/loopback.ts';

export interface FarmOptions {
  hosts: number;
  feedsPerHost: number;
  itemsPerFeed: number;
  feedDelayMs: number;
  pageDelayMs: number;
  /** One page (host index and path) that answers after this long instead, e.g. to kill a worker while it waits. */
  slow?: { host: number; path: string; delayMs: number };
}

/** One feed item as the farm lists it. */
export interface FarmItem {
  guid: string;
  url: string;
  title: string;
}

export interface Farm {
  feeds: string[];
  /** Every page URL the farm serves. */
  pages: string[];
  /** Requests per host index and path (`0/page/1/3`). */
  hits: Map<string, number>;
  peakPerHost(): number;
  peakPerPath(): number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start the farm. Feed bodies are JSON: `{ items: FarmItem[] }`; pages are short HTML. */
export async function startFarm(opts: FarmOptions): Promise<Farm> {
  const servers: LoopbackServer[] = [];
  const hits = new Map<string, number>();
  const activeHost = new Map<number, number>();
  const activePath = new Map<string, number>();
  let peakHost = 0;
  let peakPath = 0;
  const feeds: string[] = [];
  const pages: string[] = [];
  for (let h = 0; h < opts.hosts; h++) {
    const server = await startLoopback(async (req, res) => {
      const path = req.url ?? '/';
      const key = `${h}${path}`; // e.g. 0/page/1/3
      hits.set(key, (hits.get(key) ?? 0) + 1);
      activeHost.set(h, (activeHost.get(h) ?? 0) + 1);
      activePath.set(key, (activePath.get(key) ?? 0) + 1);
      peakHost = Math.max(peakHost, activeHost.get(h) ?? 0);
      peakPath = Math.max(peakPath, activePath.get(key) ?? 0);
      try {
        const feed = /^\/feed\/(\d+)\.json$/.exec(path);
        if (feed) {
          await sleep(opts.feedDelayMs);
          const items: FarmItem[] = Array.from({ length: opts.itemsPerFeed }, (_, i) => ({
            guid: `h${h}-f${feed[1]}-i${i}`,
            url: `${base}/page/${feed[1]}/${i}`,
            title: `Host ${h} feed ${feed[1]} item ${i}`,
          }));
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ items }));
          return;
        }
        await sleep(opts.slow?.host === h && opts.slow.path === path ? opts.slow.delayMs : opts.pageDelayMs);
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<html><body><p>Made-up page ${path} on host ${h}.</p></body></html>`);
      } finally {
        activeHost.set(h, (activeHost.get(h) ?? 1) - 1);
        activePath.set(key, (activePath.get(key) ?? 1) - 1);
      }
    });
    const base = server.url;
    servers.push(server);
    for (let f = 0; f < opts.feedsPerHost; f++) {
      feeds.push(`${base}/feed/${f}.json`);
      for (let i = 0; i < opts.itemsPerFeed; i++) pages.push(`${base}/page/${f}/${i}`);
    }
  }
  return {
    feeds,
    pages,
    hits,
    peakPerHost: () => peakHost,
    peakPerPath: () => peakPath,
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
