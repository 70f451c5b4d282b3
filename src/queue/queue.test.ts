import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../log.ts';
import { Logger, runMigrations } from 'graphile-worker';
import { checkPostgres, dropSchema, testPgUrl } from '../store/contract/harness.ts';
import type { Store } from '../store/store.ts';
import { hostQueue, pageKey, pollKey } from './keys.ts';
import { type FreshQueue, freshQueue, waitFor } from './testing/harness.ts';
import { type JobHandler, type QueueWorker, retryDelayMs } from './types.ts';

const pgState = await checkPostgres();
const FAST = { log: silentLogger, pollMs: 50, leaseMs: 2_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('queue names and keys', () => {
  test('host queues group a site by registrable domain, loopback hosts by host and port', () => {
    expect(hostQueue('https://feeds.example.co.uk/rss')).toBe('host:example.co.uk');
    expect(hostQueue('https://www.example.co.uk/a')).toBe('host:example.co.uk');
    expect(hostQueue('https://alice.github.io/feed.xml')).toBe('host:alice.github.io');
    expect(hostQueue('https://bob.github.io/feed.xml')).toBe('host:bob.github.io');
    expect(hostQueue('http://127.0.0.1:8080/feed')).toBe('host:127.0.0.1:8080');
    expect(hostQueue('http://127.0.0.1:8081/feed')).toBe('host:127.0.0.1:8081');
    expect(() => hostQueue('/relative')).toThrow(expect.objectContaining({ code: 'bad_request' }));
    expect(pollKey(7)).toBe('poll:7');
    expect(pageKey(7, 'https://a.example/x')).toBe('page:7:https://a.example/x');
  });

  test('retry delays grow exponentially and are capped', () => {
    expect(retryDelayMs(1)).toBe(2718);
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));
    expect(retryDelayMs(30)).toBe(retryDelayMs(10));
  });
});

describe.each<Store['dialect']>(['sqlite', 'postgres'])('job queue: %s', (dialect) => {
  let q: FreshQueue | undefined;
  let worker: QueueWorker | undefined;
  beforeEach(async (ctx) => {
    if (dialect === 'postgres' && pgState.state === 'skip') ctx.skip(pgState.reason);
    if (dialect === 'postgres' && pgState.state === 'fail') throw new Error(pgState.reason);
    q = await freshQueue(dialect);
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    await q?.dispose();
    q = undefined;
  });

  test('runs each enqueued job once with its payload', async () => {
    const queue = q!.queue;
    const seen: unknown[] = [];
    for (let i = 0; i < 5; i++) await queue.enqueue({ task: 'note', payload: { i } });
    expect(await queue.stats()).toEqual({ pending: 5, running: 0, failed: 0 });
    worker = await queue.work({ note: async (p) => void seen.push(p) }, { ...FAST, concurrency: 2 });
    await waitFor(async () => seen.length === 5, 'five jobs');
    await waitFor(async () => (await queue.stats()).pending === 0, 'an empty queue');
    expect(seen.map((p) => (p as { i: number }).i).sort()).toEqual([0, 1, 2, 3, 4]);
    await sleep(200);
    expect(seen).toHaveLength(5);
  });

  test('a job key keeps one pending job, with the latest payload', async () => {
    const queue = q!.queue;
    for (const v of ['a', 'b', 'c']) await queue.enqueue({ task: 'poll', payload: { v }, key: pollKey(1) });
    await queue.enqueue({ task: 'poll', payload: { v: 'other' }, key: pollKey(2) });
    expect((await queue.stats()).pending).toBe(2);
    const seen: string[] = [];
    worker = await queue.work({ poll: async (p) => void seen.push((p as { v: string }).v) }, { ...FAST, concurrency: 2 });
    await waitFor(async () => seen.length === 2, 'two polls');
    await sleep(200);
    expect(seen.sort()).toEqual(['c', 'other']);
  });

  test('jobs of one named queue never overlap, other queues run beside them', async () => {
    const queue = q!.queue;
    const active = new Map<string, number>();
    let peakPerQueue = 0;
    let peakTotal = 0;
    let total = 0;
    let done = 0;
    const handler: JobHandler = async (p) => {
      const name = (p as { queue: string }).queue;
      active.set(name, (active.get(name) ?? 0) + 1);
      total++;
      peakPerQueue = Math.max(peakPerQueue, active.get(name) ?? 0);
      peakTotal = Math.max(peakTotal, total);
      await sleep(40);
      active.set(name, (active.get(name) ?? 1) - 1);
      total--;
      done++;
    };
    for (let i = 0; i < 6; i++) {
      for (const name of ['host:a.example', 'host:b.example']) {
        await queue.enqueue({ task: 'fetch', payload: { queue: name }, queue: name });
      }
    }
    worker = await queue.work({ fetch: handler }, { ...FAST, concurrency: 4 });
    await waitFor(async () => done === 12, 'twelve fetches');
    expect(peakPerQueue).toBe(1);
    expect(peakTotal).toBe(2);
  });

  test('a failing job is retried after a backoff and then succeeds', async () => {
    const queue = q!.queue;
    const attempts: number[] = [];
    let ok = false;
    await queue.enqueue({ task: 'flaky', payload: {} });
    worker = await queue.work(
      {
        flaky: async (_p, ctx) => {
          attempts.push(ctx.attempt);
          if (ctx.attempt === 1) throw new Error('first try fails');
          ok = true;
        },
      },
      { ...FAST, concurrency: 1 },
    );
    await waitFor(async () => attempts.length === 1, 'the first attempt');
    const failedAt = Date.now();
    await waitFor(async () => ok, 'the retry', 15_000);
    expect(Date.now() - failedAt).toBeGreaterThan(retryDelayMs(1) - 500);
    expect(attempts).toEqual([1, 2]);
  });

  test('a job out of attempts is left failed, not run again', async () => {
    const queue = q!.queue;
    let runs = 0;
    await queue.enqueue({ task: 'doomed', payload: {}, maxAttempts: 1 });
    worker = await queue.work(
      {
        doomed: async () => {
          runs++;
          throw new Error('always fails');
        },
      },
      { ...FAST, concurrency: 1 },
    );
    await waitFor(async () => (await queue.stats()).failed === 1, 'a failed job');
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, failed: 1 });
    await sleep(200);
    expect(runs).toBe(1);
  });

  test('scheduled jobs wait for their time', async () => {
    const queue = q!.queue;
    let ranAt = 0;
    const runAt = new Date(Date.now() + 600);
    await queue.enqueue({ task: 'later', payload: {}, runAt });
    worker = await queue.work({ later: async () => void (ranAt = Date.now()) }, { ...FAST, concurrency: 1 });
    await waitFor(async () => ranAt > 0, 'the scheduled job');
    expect(ranAt).toBeGreaterThanOrEqual(runAt.getTime() - 20);
  });
});

describe('job queue: postgres only', () => {
  test('workers keep running when another worker schema in the database is migrated', async (ctx) => {
    if (pgState.state === 'skip') ctx.skip(pgState.reason);
    if (pgState.state === 'fail') throw new Error(pgState.reason);
    const q = await freshQueue('postgres');
    const queue = q.queue;
    let runs = 0;
    const worker = await queue.work({ note: async () => void runs++ }, { ...FAST, concurrency: 1 });
    // A fresh graphile-worker schema sends a database-wide "breaking migration" notice.
    const other = `${q.workerSchema}_other`;
    try {
      await queue.enqueue({ task: 'note', payload: {} });
      await waitFor(async () => runs === 1, 'the first job');
      await runMigrations({ connectionString: testPgUrl(), schema: other, logger: new Logger(() => () => {}) });
      await sleep(300);
      await queue.enqueue({ task: 'note', payload: {} });
      await waitFor(async () => runs === 2, 'a job after the notice');
      expect(process.exitCode).not.toBe(57);
    } finally {
      await worker.stop();
      await q.dispose();
      await dropSchema(testPgUrl(), other);
    }
  });
});
