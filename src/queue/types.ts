/**
 * @module queue — durable background jobs (feed polls, page fetches) shared by any number of worker
 * processes. Two engines behind one interface: graphile-worker on PostgreSQL, a jobs table on SQLite.
 *
 * Guarantees of both engines:
 * - `queue`: jobs of one named queue run one at a time across all workers (per-host politeness; a feed
 *   is therefore never fetched by two workers at once when its jobs share the feed's host queue);
 * - `key`: at most one pending job per key; enqueueing again replaces the pending job's payload and run time;
 * - a job whose handler throws is retried later with exponential backoff, up to `maxAttempts`;
 * - a job whose worker died (killed, machine lost) is retried once its lease has expired.
 */
import type { Logger } from '../log.ts';

/** A JSON-serialisable payload. */
export type JobPayload = Record<string, unknown>;

/** One job to enqueue. */
export interface JobSpec {
  /** Name of the handler that runs it (e.g. 'poll_source', 'fetch_page'). */
  task: string;
  payload: JobPayload;
  /** Serial queue: at most one job of this queue runs at a time, across all workers (see hostQueue). */
  queue?: string;
  /** Deduplication key: at most one pending job per key; re-adding replaces it (see pollKey). */
  key?: string;
  /** Not before this time; default now. */
  runAt?: Date;
  /** Attempts before the job is left failed; default DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
}

/** What a handler learns about the job it runs. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  log: Logger;
}

/** Runs one job; a thrown error schedules a retry. */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

/** Options of a running worker. */
export interface WorkOptions {
  /** Jobs this process runs at once. */
  concurrency: number;
  log: Logger;
  /** A job whose worker shows no sign of life for this long is run again elsewhere; default DEFAULT_LEASE_MS. */
  leaseMs?: number;
  /** How often idle workers look for due jobs (retries, scheduled jobs); default DEFAULT_POLL_MS. */
  pollMs?: number;
}

/** A running set of workers in this process. */
export interface QueueWorker {
  /** Stop taking jobs and wait for the running ones to finish. */
  stop(): Promise<void>;
}

/** Counts for health pages and tests. */
export interface QueueStats {
  /** Waiting or running, not failed for good. */
  pending: number;
  running: number;
  /** Out of attempts. */
  failed: number;
}

/** A durable job queue. */
export interface JobQueue {
  readonly kind: 'postgres' | 'sqlite';
  /** Create or upgrade the queue's own tables (idempotent; the store's migrations come first). */
  migrate(): Promise<void>;
  enqueue(job: JobSpec): Promise<void>;
  /** Start `concurrency` workers running jobs of the given tasks. */
  work(handlers: Record<string, JobHandler>, opts: WorkOptions): Promise<QueueWorker>;
  stats(): Promise<QueueStats>;
  /** Release connections (stop workers first). */
  close(): Promise<void>;
}

/** Attempts before a job is left failed (graphile-worker's default). */
export const DEFAULT_MAX_ATTEMPTS = 25;
/**
 * Lease of a running job. A worker process heartbeats far more often (LEASE_HEARTBEAT_FRACTION), so only a
 * dead or frozen process loses its jobs; a longer lease means slower recovery, a shorter one risks a
 * stalled-but-alive worker (long GC pause) running beside its replacement.
 */
export const DEFAULT_LEASE_MS = 60_000;
/** Heartbeat every lease / 4. */
export const LEASE_HEARTBEAT_FRACTION = 4;
/** Idle poll for due jobs; new jobs are picked up sooner (LISTEN/NOTIFY on PostgreSQL, a nudge on SQLite). */
export const DEFAULT_POLL_MS = 1_000;

/** Seconds to wait before retry n (n ≥ 1): e^min(n,10), as graphile-worker does (2.7 s … 6 h). */
export function retryDelayMs(attempt: number): number {
  return Math.round(Math.exp(Math.min(Math.max(attempt, 1), 10)) * 1000);
}
