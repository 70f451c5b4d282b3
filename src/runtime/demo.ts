/**
 * The bundled demo: start the loopback demo server and keep the demo sources pointing at it.
 * The server binds a dedicated loopback address when the OS allows it (127.77.0.1 on Linux), so the
 * SSRF allowlist opened for the demo covers nothing else; otherwise it falls back to 127.0.0.1.
 */
import type { Config } from '../config/index.ts';
import { type DemoServer, startDemoServer } from '../demo/server.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/store.ts';

/** Setting written by `tickerwire demo remove`: the demo stays off until `demo add`. */
export const DEMO_REMOVED_SETTING = 'demo.removed';
const DEMO_HOSTS = ['127.77.0.1', '127.0.0.1'];
/**
 * Port tried first when none is configured: a stable address keeps stored article links working across
 * restarts. When it is taken, an ephemeral port is used (the demo sources are re-pointed at it).
 */
const PREFERRED_DEMO_PORT = 38_917;

export interface RunningDemo {
  server: DemoServer;
  /** Address to add to the fetcher's allowlist. */
  allowHost: string;
}

async function startOnFirstHost(port: number): Promise<{ server: DemoServer; host: string }> {
  let lastError: unknown;
  const ports = port === 0 ? [PREFERRED_DEMO_PORT, 0] : [port];
  for (const host of DEMO_HOSTS) {
    for (const p of ports) {
      try {
        return { server: await startDemoServer({ host, port: p }), host };
      } catch (error) {
        lastError = error;
      }
    }
  }
  throw lastError;
}

/** Insert or re-point the demo sources at `server`; returns how many were added. */
export async function syncDemoSources(store: Store, server: DemoServer, now: Date): Promise<number> {
  let added = 0;
  for (const spec of server.sources) {
    const existing = await store.getSourceByDemoKey(spec.key);
    if (!existing) {
      await store.insertSource(
        { url: spec.url, title: `${spec.title}`, siteUrl: spec.siteUrl, demoKey: spec.key, pollIntervalSec: 600 },
        now,
      );
      added++;
    } else if (existing.url !== spec.url) {
      // The demo server's port changed since last run: poll the new address now.
      await store.updateSource(existing.id, { url: spec.url, siteUrl: spec.siteUrl, nextPollAt: null });
    }
  }
  return added;
}

/** Start the demo when enabled and not removed; undefined otherwise. */
export async function startDemo(config: Config, store: Store, log: Logger): Promise<RunningDemo | undefined> {
  if (!config.demo || (await store.getSetting(DEMO_REMOVED_SETTING)) === '1') return undefined;
  const { server, host } = await startOnFirstHost(config.demoPort);
  const added = await syncDemoSources(store, server, new Date());
  log.info('demo.started', { url: server.baseUrl, sources: server.sources.length, added });
  return { server, allowHost: host };
}

/** Delete the demo sources (and their articles) and keep the demo off. Returns how many were removed. */
export async function removeDemo(store: Store): Promise<number> {
  let removed = 0;
  for (const s of await store.listSources()) {
    if (s.demoKey !== null && (await store.deleteSource(s.id))) removed++;
  }
  await store.setSetting(DEMO_REMOVED_SETTING, '1');
  return removed;
}
