/**
 * The SQLite-mode job queue: the `jobs` table of migration 900, claimed with one UPDATE … RETURNING
 * (SQLite runs one writer at a time, so a claim is atomic, also across processes sharing the file).
 * A running job holds a lease (`locked_until`) that its worker extends by heartbeat; a lapsed lease
 * makes the job claimable again.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { describeError } from '../errors.ts';
import {
  DEFAULT_LEASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_POLL_MS,
  type JobHandler,
  type JobQueue,
  type JobSpec,
  LEASE_HEARTBEAT_FRACTION,
  type QueueStats,
  type QueueWorker,
  retryDelayMs,
  type WorkOptions,
} from './types.ts';

interface JobRow {
  id: number;
  task: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

/** Error text kept on a failed job, at most this long. */
const MAX_ERROR_CHARS = 2_000;

/**
 * Claim the next due job: not leased, attempts left, and its queue (if any) not busy with another job.
 * `$now`, `$until`, `$worker` and `$tasks` (JSON array) are bound by the caller.
 */
const CLAIM = `UPDATE jobs SET locked_by = $worker, locked_until = $until, attempts = attempts + 1
  WHERE id = (
    SELECT j.id FROM jobs j
    WHERE j.run_at <= $now
      AND (j.locked_until IS NULL OR j.locked_until < $now)
      AND j.attempts < j.max_attempts
      AND j.task IN (SELECT value FROM json_each($tasks))
      AND (j.queue IS NULL OR NOT EXISTS (
        SELECT 1 FROM jobs o WHERE o.queue = j.queue AND o.id <> j.id AND o.locked_until >= $now))
    ORDER BY j.run_at, j.id LIMIT 1)
  RETURNING id, task, payload, attempts, max_attempts`;

/** Jobs on the SQLite connection of the store (`SqliteStore.db`). */
export class SqliteJobQueue implements JobQueue {
  readonly kind = 'sqlite' as const;
  private readonly nudges = new Set<() => void>();

  constructor(private readonly db: Database.Database) {}

  /** The jobs table comes with the store's migration 900_jobs; nothing more to create. */
  async migrate(): Promise<void> {}

  async enqueue(job: JobSpec): Promise<void> {
    const now = Date.now();
    const row = {
      task: job.task,
      payload: JSON.stringify(job.payload),
      queue: job.queue ?? null,
      key: job.key ?? null,
      runAt: job.runAt?.getTime() ?? now,
      maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      now,
    };
    this.db.transaction(() => {
      if (row.key !== null) {
        // A running job keeps running; it gives up its key so the new job waits beside it (same queue).
        this.db.prepare('UPDATE jobs SET key = NULL WHERE key = $key AND locked_until >= $now').run(row);
      }
      this.db
        .prepare(
          `INSERT INTO jobs (task, payload, queue, key, run_at, max_attempts, created_at)
           VALUES ($task, $payload, $queue, $key, $runAt, $maxAttempts, $now)
           ON CONFLICT (key) DO UPDATE SET task = excluded.task, payload = excluded.payload, queue = excluded.queue,
             run_at = excluded.run_at, max_attempts = excluded.max_attempts, attempts = 0, last_error = NULL,
             locked_by = NULL, locked_until = NULL`,
        )
        .run(row);
    })();
    for (const nudge of this.nudges) nudge();
  }

  async work(handlers: Record<string, JobHandler>, opts: WorkOptions): Promise<QueueWorker> {
    const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
    const worker = `sqlite-${process.pid}-${randomBytes(4).toString('hex')}`;
    const log = opts.log.child({ worker });
    const tasks = JSON.stringify(Object.keys(handlers));
    const claim = this.db.prepare(CLAIM);
    const running = new Map<number, Promise<void>>();
    let stopping = false;
    let wake: (() => void) | undefined;
    const nudge = () => wake?.();
    this.nudges.add(nudge);

    const heartbeat = setInterval(() => {
      if (running.size === 0) return;
      const ids = JSON.stringify([...running.keys()]);
      try {
        this.db
          .prepare('UPDATE jobs SET locked_until = ? WHERE locked_by = ? AND id IN (SELECT value FROM json_each(?))')
          .run(Date.now() + leaseMs, worker, ids);
      } catch (error) {
        log.warn('queue.heartbeat_failed', { error: describeError(error) });
      }
    }, Math.max(10, Math.floor(leaseMs / LEASE_HEARTBEAT_FRACTION)));

    const runJob = async (row: JobRow) => {
      const handler = handlers[row.task];
      const ctx = { jobId: String(row.id), attempt: row.attempts, maxAttempts: row.max_attempts, log };
      try {
        if (!handler) throw new Error(`no handler for task ${row.task}`);
        await handler(JSON.parse(row.payload) as unknown, ctx);
        this.db.prepare('DELETE FROM jobs WHERE id = ? AND locked_by = ?').run(row.id, worker);
      } catch (error) {
        const message = describeError(error).slice(0, MAX_ERROR_CHARS);
        log.warn('queue.job_failed', { jobId: row.id, task: row.task, attempt: row.attempts, error: message });
        this.db
          .prepare(
            `UPDATE jobs SET locked_by = NULL, locked_until = NULL, last_error = ?, run_at = ?
             WHERE id = ? AND locked_by = ?`,
          )
          .run(message, Date.now() + retryDelayMs(row.attempts), row.id, worker);
      }
    };

    const tryClaim = (): JobRow | undefined => {
      const now = Date.now();
      try {
        return claim.get({ now, until: now + leaseMs, worker, tasks }) as JobRow | undefined;
      } catch (error) {
        // Another process held the write lock past busy_timeout: try again on the next poll.
        log.warn('queue.claim_failed', { error: describeError(error) });
        return undefined;
      }
    };

    const loop = async () => {
      while (!stopping) {
        let claimed = false;
        if (running.size < opts.concurrency) {
          const row = tryClaim();
          if (row) {
            claimed = true;
            const done = runJob(row)
              .catch((error: unknown) => log.error('queue.job_bookkeeping_failed', { jobId: row.id, error: describeError(error) }))
              .finally(() => {
              running.delete(row.id);
              wake?.();
            });
            running.set(row.id, done);
          }
        }
        if (!claimed) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
        }
      }
    };
    const looping = loop();
    log.info('queue.worker_started', { concurrency: opts.concurrency, leaseMs });
    return {
      stop: async () => {
        stopping = true;
        wake?.();
        await looping;
        await Promise.allSettled(running.values());
        clearInterval(heartbeat);
        this.nudges.delete(nudge);
      },
    };
  }

  async stats(): Promise<QueueStats> {
    const now = Date.now();
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS total,
           COALESCE(SUM(locked_until >= $now), 0) AS running,
           COALESCE(SUM(attempts >= max_attempts AND (locked_until IS NULL OR locked_until < $now)), 0) AS failed
         FROM jobs`,
      )
      .get({ now }) as { total: number; running: number; failed: number };
    return { pending: row.total - row.failed, running: row.running, failed: row.failed };
  }

  async close(): Promise<void> {}
}
