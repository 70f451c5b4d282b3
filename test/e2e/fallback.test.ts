/** When an item's page cannot be fetched, the full text the feed carries is stored instead (a teaser is not). */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { ingestSources } from '../../src/pipeline/ingest-all.ts';
import { createPipeline, type PipelineHandle } from '../../src/runtime/pipeline.ts';
import { SqliteStore } from '../../src/store/sqlite/index.ts';
import { type LoopbackServer, startLoopback } from '../helpers/loopback.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

const FULL = `<p>Grain exporters booked their busiest week since the spring as buyers in North Africa returned to the market, taking advantage of lower freight rates and a weaker currency that made cargoes cheaper.</p>
<p>Traders said most of the wheat would ship in the first half of next month, and that port congestion had eased after two new loading berths opened in October.</p>
<p>The post Grain exporters book their busiest week appeared first on <a href="https://grain.example/original">Grain Desk</a>.</p>`;

let site: LoopbackServer;
let store: SqliteStore;
let pipeline: PipelineHandle;
const tmp = tempDir();

beforeAll(async () => {
  site = await startLoopback((req, res) => {
    if (req.url === '/feed.xml') {
      res.setHeader('content-type', 'application/rss+xml');
      res.end(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Grain</title><link>${site.url}/</link>
<item><title>Grain exporters book their busiest week</title><link>${site.url}/gone-1</link><guid>g1</guid><content:encoded><![CDATA[${FULL}]]></content:encoded></item>
<item><title>Short teaser only</title><link>${site.url}/gone-2</link><guid>g2</guid><description>Read the rest on our site.</description></item>
</channel></rss>`);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  store = new SqliteStore(':memory:');
  await store.migrate();
  await store.insertSource({ url: `${site.url}/feed.xml` }, new Date());
  pipeline = createPipeline(testConfig(tmp.dir), store, silentLogger);
});

afterAll(async () => {
  await pipeline.close();
  await store.close();
  await site.close();
  tmp.remove();
});

test('full feed content stands in for an unreachable page, without the syndication footer', async () => {
  const { summaries } = await ingestSources(await store.listSources(), pipeline.deps, 1);
  expect(summaries[0]).toMatchObject({ ok: true, articlesAdded: 1, itemErrors: 1 });
  const [article] = (await store.listArticles({ limit: 5 })).items;
  expect(article?.title).toBe('Grain exporters book their busiest week');
  expect(article?.text).toContain('two new loading berths');
  expect(article?.text).not.toContain('appeared first on');
  expect(article?.originUrl).toBe('https://grain.example/original');
  expect(article?.warnings.some((w) => w.startsWith('used feed content'))).toBe(true);
});
