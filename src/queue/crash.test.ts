/**
 * Multi-process: three worker processes share one queue against a loopback feed farm; the worker that
 * starts fetching the slow page is killed with SIGKILL. Every item must be stored exactly once, the
 * killed job retried after its lease, and no host (hence no feed) ever fetched by two workers at once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../log.ts';
import { checkPostgres, dropSchema, freshPostgres, testPgUrl } from '../store/contract/harness.ts';
import { SqliteStore } from '../store/sqlite/index.ts';
import type { Store } from '../store/store.ts';
import { hostQueue, pollKey } from './keys.ts';
import { openQueue } from './open.ts';
import { waitFor } from './testing/harness.ts';
import { type Farm, startFarm } from './testing/farm.ts';
import type { JobQueue } from './types.ts';

const pgState = await checkPostgres();
const WORKERS = 3;
/** Short for the test, yet long enough that a busy 2-core machine does not expire a live worker. */
const LEASE_MS = 3_000;
const FARM = { hosts: 4, feedsPerHost: 3, itemsPerFeed: 8, feedDelayMs: 40, pageDelayMs: 25 };
const SLOW = { host: 0, path: '/page/1/3', delayMs: 1_500 };
const ROOT = new URL('../../', import.meta.url).pathname;

interface Proc {
  child: ChildProcess;
  lines: Array<{ event: string; task?: string; url?: string }>;
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnWorker(env: Record<string, string>, onLine: (p: Proc, line: Proc['lines'][number]) => void): Proc {
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'src/queue/testing/worker-main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, TICKERWIRE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = {
    child,
    lines: [],
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
  };
  child.stderr?.on('data', (d: Buffer) => {
    proc.stderr += d.toString();
  });
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as Proc['lines'][number];
      proc.lines.push(line);
      onLine(proc, line);
    });
  }
  return proc;
}

interface Setup {
  store: Store;
  queue: JobQueue;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

async function setupSqlite(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'tw-queue-'));
  const path = join(dir, 'tw.db');
  const store = new SqliteStore(path);
  await store.migrate();
  const queue = await openQueue(store, silentLogger);
  return {
    store,
    queue,
    env: { TW_DATABASE_URL: `sqlite:${path}` },
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function setupPostgres(): Promise<Setup> {
  const fresh = await freshPostgres();
  const schema = fresh.schema ?? '';
  const workerSchema = `${schema}_gw`;
  const queue = await openQueue(fresh.store, silentLogger, { workerSchema });
  const url = new URL(testPgUrl());
  url.searchParams.set('schema', schema);
  return {
    store: fresh.store,
    queue,
    env: { TW_DATABASE_URL: url.toString(), TW_WORKER_SCHEMA: workerSchema },
    dispose: async () => {
      await queue.close();
      await fresh.dispose();
      await dropSchema(testPgUrl(), workerSchema);
    },
  };
}

describe.each(['sqlite', 'postgres'] as const)('queue with %s: 3 worker processes, one killed', (dialect) => {
  let setup: Setup | undefined;
  let farm: Farm | undefined;
  const procs: Proc[] = [];
  afterEach(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    procs.length = 0;
    await farm?.close();
    await setup?.dispose();
  });

  test('every item is stored exactly once; the killed job is retried after its lease', async (ctx) => {
    if (dialect === 'postgres' && pgState.state === 'skip') ctx.skip(pgState.reason);
    if (dialect === 'postgres' && pgState.state === 'fail') throw new Error(pgState.reason);
    farm = await startFarm({ ...FARM, slow: SLOW });
    setup = dialect === 'sqlite' ? await setupSqlite() : await setupPostgres();
    const { store, queue } = setup;
    for (const url of farm.feeds) {
      const source = await store.insertSource({ url }, new Date());
      await queue.enqueue({ task: 'poll_feed', payload: { sourceId: source.id, url }, key: pollKey(source.id), queue: hostQueue(url) });
    }
    const slowUrl = farm.feeds[0]?.replace(/\/feed\/.*$/, SLOW.path) ?? '';
    let victim: Proc | undefined;
    const env = { ...setup.env, TW_CONCURRENCY: '2', TW_LEASE_MS: String(LEASE_MS), TW_POLL_MS: '100' };
    for (let i = 0; i < WORKERS; i++) {
      procs.push(
        spawnWorker(env, (p, line) => {
          if (!victim && line.event === 'start' && line.url === slowUrl) victim = p;
        }),
      );
    }
    // Kill the victim once its request for the slow page reached the farm (it is waiting for the answer).
    const slowKey = `${SLOW.host}${SLOW.path}`;
    await waitFor(async () => victim !== undefined && (farm?.hits.get(slowKey) ?? 0) >= 1, 'the slow page request', 30_000, 10);
    victim?.child.kill('SIGKILL');
    const total = farm.pages.length;
    await waitFor(
      async () => (await store.countArticles()) === total && (await queue.stats()).pending === 0,
      `${total} stored articles and an empty queue`,
      45_000,
      100,
    );

    expect(victim).toBeDefined();
    expect(await victim?.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const survivors = procs.filter((p) => p !== victim);
    expect(survivors.every((p) => p.child.exitCode === null)).toBe(true);
    // Exactly once: the count matches and every page is stored (the unique index forbids a second copy).
    expect(await store.countArticles()).toBe(total);
    const sources = await store.listSources();
    let found = 0;
    for (const s of sources) {
      const prefix = s.url.replace(/\/feed\/(\d+)\.json$/, '/page/$1/');
      const pages = farm.pages.filter((u) => u.startsWith(prefix)).map((url) => ({ guid: null, url }));
      expect(pages).toHaveLength(FARM.itemsPerFeed);
      found += (await store.listKnownItems(s.id, pages)).size;
      expect(s.articleCount).toBe(FARM.itemsPerFeed);
    }
    expect(found).toBe(total);
    // The killed worker's job ran again elsewhere, after the kill, and nothing is left failed.
    expect(farm.hits.get(slowKey)).toBe(2);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, failed: 0 });
    // Politeness: one request at a time per host, so never one feed or page twice at once.
    expect(farm.peakPerHost()).toBe(1);
    expect(farm.peakPerPath()).toBe(1);
    // Work was spread over the processes.
    const busy = procs.filter((p) => p.lines.some((l) => l.event === 'done'));
    expect(busy.length).toBeGreaterThanOrEqual(2);
    if (dialect === 'postgres') expect(survivors.some((p) => p.stderr.includes('queue.lease_expired'))).toBe(true);
  }, 90_000);
});
