/**
 * @module extract/pool — runs `extractArticle` on worker threads so ingest uses every core.
 * Each worker takes one page at a time; a page that runs past the time limit gets its worker
 * terminated and replaced, and comes back as 'skipped'. `threads: 0` runs inline (tests, CLI).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../model.ts';
import { type ExtractOptions, extractArticle } from './index.ts';
import type { WorkerRequest } from './worker.ts';

/**
 * Heap limits of a worker: one page at a time needs little, and a small young generation keeps each
 * worker's resident memory low (a page that needs more fails alone and its worker is replaced).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 8 };

/** Longest time one page may take before its worker is replaced. */
export const PAGE_TIMEOUT_MS = 15_000;

/** Options for `createExtractorPool`. */
export interface ExtractorPoolOptions {
  /** Worker threads; 0 runs extraction inline on the calling thread. */
  threads: number;
  /**
   * Passed to every `extractArticle` call (must be structured-cloneable). Leave `now` out in a
   * long-lived pool: a fixed `now` would go stale; without it each call uses the current time.
   */
  extract?: ExtractOptions;
  /** Per-page time limit in ms (default PAGE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** A pool of extractors. */
export interface ExtractorPool {
  extract(html: string, pageUrl: string): Promise<Extraction>;
  close(): Promise<void>;
}

interface Task {
  req: WorkerRequest;
  resolve: (e: Extraction) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

/**
 * The worker is TypeScript. On Node 20 `execArgv: ['--import', 'tsx']` registers tsx too late for a
 * worker's entry module (ERR_UNKNOWN_FILE_EXTENSION), so a tiny eval bootstrap registers tsx's ESM
 * hooks first and then imports the worker. Works under the tsx-run app and under vitest alike.
 */
function workerBootstrap(): string {
  const tsxApi = createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs');
  const api = JSON.stringify(pathToFileURL(tsxApi).href);
  return `import(${api}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
}

/** Create a pool of `threads` extractor workers (or an inline extractor when threads is 0). */
export function createExtractorPool(opts: ExtractorPoolOptions): ExtractorPool {
  const extractOpts = opts.extract ?? {};
  if (opts.threads <= 0) {
    return {
      extract: (html, pageUrl) => Promise.resolve(extractArticle(html, pageUrl, extractOpts)),
      close: () => Promise.resolve(),
    };
  }
  const timeoutMs = opts.timeoutMs ?? PAGE_TIMEOUT_MS;
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (slot: Slot, outcome: Extraction | Error): void => {
    const task = slot.task;
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    if (task !== null) {
      if (outcome instanceof Error) task.reject(outcome);
      else task.resolve(reviveDates(outcome));
    }
    pump();
  };

  const spawn = (): Slot => {
    const worker = new Worker(workerBootstrap(), { eval: true, workerData: extractOpts, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on('message', (msg: { id: number; result: Extraction }) => {
      if (slot.task?.req.id === msg.id) finish(slot, msg.result);
    });
    worker.on('error', (err) => replace(slot, err));
    worker.on('exit', (code) => {
      if (!closed && slot.task !== null) replace(slot, new Error(`extractor worker exited with code ${code}`));
    });
    worker.unref();
    return slot;
  };

  const replace = (slot: Slot, err: Error): void => {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    void slot.worker.terminate();
    finish(slot, err);
    if (!closed) slots.push(spawn());
    pump();
  };

  const pump = (): void => {
    for (const slot of slots) {
      if (slot.task !== null) continue;
      const task = queue.shift();
      if (task === undefined) return;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        const i = slots.indexOf(slot);
        if (i < 0) return;
        slots.splice(i, 1);
        void slot.worker.terminate();
        finish(slot, { kind: 'skipped', reason: 'no-article', message: `extraction timed out after ${timeoutMs} ms` });
        if (!closed) slots.push(spawn());
        pump();
      }, timeoutMs);
      slot.worker.postMessage(task.req);
    }
    for (const slot of slots) if (slot.task === null) slot.worker.unref();
  };

  for (let i = 0; i < opts.threads; i++) slots.push(spawn());

  return {
    extract(html, pageUrl) {
      if (closed) return Promise.reject(new Error('extractor pool is closed'));
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ req: { id: nextId++, html, pageUrl }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('extractor pool closed'));
      await Promise.all(slots.splice(0).map(async (slot) => {
        if (slot.timer !== null) clearTimeout(slot.timer);
        slot.task?.reject(new Error('extractor pool closed'));
        await slot.worker.terminate();
      }));
    },
  };
}

/** Dates survive structured cloning, but a Date that arrives as a string (or number) is revived. */
function reviveDates(e: Extraction): Extraction {
  if (e.kind !== 'article') return e;
  const a = e.article;
  return { kind: 'article', article: { ...a, publishedAt: toDate(a.publishedAt), modifiedAt: toDate(a.modifiedAt) } };
}

function toDate(v: Date | string | number | null): Date | null {
  if (v === null || v instanceof Date) return v;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}
