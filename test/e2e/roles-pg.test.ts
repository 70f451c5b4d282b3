/**
 * The real runtime on PostgreSQL with split roles: a scheduler+worker instance polls through
 * graphile-worker jobs and enriches; a separate web-only instance serves the articles and receives the
 * live "new articles" event over LISTEN/NOTIFY (as an SSE client on any web node would).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TickerEvent } from '../../src/events.ts';
import { silentLogger } from '../../src/log.ts';
import { type Running, startTickerwire } from '../../src/runtime/start.ts';
import { checkPostgres, dropSchema, testPgUrl, uniqueSchema } from '../../src/store/contract/harness.ts';
import { startQuaysideSite } from '../helpers/fixture-site.ts';
import type { LoopbackServer } from '../helpers/loopback.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

const pg = await checkPostgres();

describe.skipIf(pg.state === 'skip')('roles on PostgreSQL', () => {
  const tmp = tempDir();
  const schema = uniqueSchema('tw_roles');
  const queueSchema = `${schema}_q`;
  let site: LoopbackServer;
  let pollers: Running;
  let web: Running;
  const seen: TickerEvent[] = [];

  beforeAll(async () => {
    if (pg.state === 'fail') throw new Error(pg.reason);
    site = await startQuaysideSite();
    const url = new URL(testPgUrl());
    url.searchParams.set('schema', schema);
    const config = testConfig(tmp.dir, {
      TICKERWIRE_DATABASE_URL: url.href,
      TICKERWIRE_QUEUE_SCHEMA: queueSchema,
      TICKERWIRE_SCHEDULER_TICK_MS: '200',
    });
    web = await startTickerwire(config, silentLogger, new Set(['web']));
    web.events.subscribe((e) => seen.push(e));
    pollers = await startTickerwire(config, silentLogger, new Set(['scheduler', 'worker']));
    await pollers.store.insertSource({ url: `${site.url}/quayside/feed.xml` }, new Date());
  }, 60_000);

  afterAll(async () => {
    await web?.stop();
    await pollers?.stop();
    await site?.close();
    await dropSchema(testPgUrl(), schema).catch(() => undefined);
    await dropSchema(testPgUrl(), queueSchema).catch(() => undefined);
    tmp.remove();
  });

  test('polls run as graphile-worker jobs; the web node serves the articles and hears the live event', async () => {
    expect(pollers.polling?.mode).toBe('queue');
    let titles: string[] = [];
    for (let i = 0; i < 150 && titles.length < 2; i++) {
      titles = ((await (await fetch(`${web.url}/api/articles`)).json()) as { items: Array<{ title: string }> }).items.map((a) => a.title);
      if (titles.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(titles.sort()).toEqual(['Copper miners rally as warehouse stocks thin out', 'Regional lenders trim deposit rates ahead of the holiday']);
    for (let i = 0; i < 100 && !seen.some((e) => e.count > 0); i++) await new Promise((r) => setTimeout(r, 100));
    expect(seen.reduce((n, e) => n + e.count, 0)).toBe(2);
    const article = (await web.store.listArticles({ limit: 5 })).items[0];
    expect(article?.storyId).not.toBeNull();
  });
});
