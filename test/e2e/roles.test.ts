/**
 * Split roles: a scheduler+worker process polls through the job queue (not in-process), enriches, and a
 * separate web-only instance on the same database serves what it stored. SQLite here; the PostgreSQL
 * queue is covered by src/queue's multi-process tests.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { type Running, startTickerwire } from '../../src/runtime/start.ts';
import { startQuaysideSite } from '../helpers/fixture-site.ts';
import type { LoopbackServer } from '../helpers/loopback.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

describe('scheduler + worker and web as separate roles', () => {
  const tmp = tempDir();
  let site: LoopbackServer;
  let pollers: Running;
  let web: Running;

  beforeAll(async () => {
    site = await startQuaysideSite();
    const config = testConfig(tmp.dir, { TICKERWIRE_SCHEDULER_TICK_MS: '200', TICKERWIRE_DATABASE_URL: `sqlite:${join(tmp.dir, 'shared.db')}` });
    pollers = await startTickerwire(config, silentLogger, new Set(['scheduler', 'worker']));
    await pollers.store.insertSource({ url: `${site.url}/quayside/feed.xml` }, new Date());
    web = await startTickerwire(config, silentLogger, new Set(['web']));
  }, 30_000);

  afterAll(async () => {
    await web.stop();
    await pollers.stop();
    await site.close();
    tmp.remove();
  });

  test('polls run as queue jobs; the web-only process serves the stored, enriched articles', async () => {
    expect(pollers.polling?.mode).toBe('queue');
    expect(pollers.url).toBeNull();
    expect(web.polling).toBeUndefined();
    let items: Array<{ title: string; storyId?: number | null }> = [];
    for (let i = 0; i < 100 && items.length < 2; i++) {
      items = ((await (await fetch(`${web.url}/api/articles`)).json()) as { items: typeof items }).items;
      if (items.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(items.map((i) => i.title).sort()).toEqual([
      'Copper miners rally as warehouse stocks thin out',
      'Regional lenders trim deposit rates ahead of the holiday',
    ]);
    for (let i = 0; i < 50 && (await web.store.listPendingEnrichment(10)).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await web.store.listPendingEnrichment(10)).toEqual([]);
    const source = (await web.store.listSources())[0];
    expect(source?.lastSuccessAt).not.toBeNull();
  });
});
