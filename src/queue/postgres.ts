/**
 * The PostgreSQL job queue: graphile-worker (SKIP LOCKED claims, named queues run serially,
 * job keys, LISTEN/NOTIFY pickup, exponential retries). graphile-worker only frees the jobs of a dead
 * worker after 4 hours; tickerwire shortens that to a lease: every worker heartbeats in
 * `worker_leases` (migration 900), and any worker unlocks the jobs of workers whose heartbeat lapsed.
 */
import { EventEmitter } from 'node:events';
import {
  Logger as GraphileLogger,
  makeWorkerUtils,
  type Runner,
  run,
  runMigrations,
  type Task,
  type TaskList,
  type WorkerEvents,
  type WorkerUtils,
} from 'graphile-worker';
import type pg from 'pg';
import { checkSchemaName } from '../store/postgres/db.ts';
import { describeError } from '../errors.ts';
import type { Logger } from '../log.ts';
import {
  DEFAULT_LEASE_MS,
  DEFAULT_POLL_MS,
  type JobHandler,
  type JobQueue,
  type JobSpec,
  LEASE_HEARTBEAT_FRACTION,
  type QueueStats,
  type QueueWorker,
  type WorkOptions,
} from './types.ts';

/** The exit code graphile-worker sets when it shuts down on another schema's breaking migration. */
const GRAPHILE_MIGRATION_EXIT_CODE = 57;

/** graphile-worker's schema unless told otherwise. */
export const DEFAULT_WORKER_SCHEMA = 'graphile_worker';

/** graphile-worker's log lines go through our logger, at debug except warnings and errors. */
function bridgeLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    const attrs = { ...scope, ...meta };
    if (level === 'error') log.error('queue.graphile', { message, ...attrs });
    else if (level === 'warning') log.warn('queue.graphile', { message, ...attrs });
    else log.debug('queue.graphile', { message, ...attrs });
  });
}

/** Jobs in graphile-worker's schema on the store's pool. */
export class PostgresJobQueue implements JobQueue {
  readonly kind = 'postgres' as const;
  private readonly workerSchema: string;
  private utils: Promise<WorkerUtils> | undefined;

  /**
   * @param pool the store's pool (its search_path holds `worker_leases`)
   * @param log where graphile-worker's own messages go
   * @param workerSchema graphile-worker's schema (tests use one per run)
   */
  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
    workerSchema = DEFAULT_WORKER_SCHEMA,
  ) {
    this.workerSchema = checkSchemaName(workerSchema);
  }

  async migrate(): Promise<void> {
    await runMigrations({ pgPool: this.pool, schema: this.workerSchema, logger: bridgeLogger(this.log) });
  }

  private workerUtils(): Promise<WorkerUtils> {
    this.utils ??= makeWorkerUtils({ pgPool: this.pool, schema: this.workerSchema, logger: bridgeLogger(this.log) });
    return this.utils;
  }

  async enqueue(job: JobSpec): Promise<void> {
    const utils = await this.workerUtils();
    await utils.addJob(job.task, job.payload, {
      ...(job.queue === undefined ? {} : { queueName: job.queue }),
      ...(job.key === undefined ? {} : { jobKey: job.key }),
      ...(job.runAt === undefined ? {} : { runAt: job.runAt }),
      ...(job.maxAttempts === undefined ? {} : { maxAttempts: job.maxAttempts }),
    });
  }

  async work(handlers: Record<string, JobHandler>, opts: WorkOptions): Promise<QueueWorker> {
    const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    const events = new EventEmitter() as WorkerEvents;
    const leases = new LeaseKeeper(this.pool, this.workerSchema, leaseMs, opts.log);
    events.on('worker:create', ({ worker }) => leases.add(worker.workerId));
    events.on('worker:release', ({ worker }) => leases.remove(worker.workerId));
    const taskList: TaskList = {};
    for (const [name, handler] of Object.entries(handlers)) {
      const task: Task = async (payload, helpers) => {
        await handler(payload, {
          jobId: helpers.job.id,
          attempt: helpers.job.attempts,
          maxAttempts: helpers.job.max_attempts,
          log: opts.log.child({ jobId: helpers.job.id, task: name }),
        });
      };
      taskList[name] = task;
    }
    const start = () =>
      run({
        pgPool: this.pool,
        schema: this.workerSchema,
        concurrency: opts.concurrency,
        pollInterval: opts.pollMs ?? DEFAULT_POLL_MS,
        noHandleSignals: true,
        logger: bridgeLogger(opts.log),
        events,
        taskList,
      });
    let runner = await start();
    let stopping = false;
    let restarting: Promise<void> = Promise.resolve();
    const watch = (current: Runner) => {
      current.promise.then(
        () => {
          if (stopping) return;
          // graphile-worker's NOTIFY channels are database-wide: a breaking migration of ANY worker schema
          // in the database (another installation, a test's fresh schema) shuts every worker down and sets
          // process.exitCode. Ours is unaffected, so start again; run() refuses if our schema did change.
          if (process.exitCode === GRAPHILE_MIGRATION_EXIT_CODE) process.exitCode = undefined;
          opts.log.warn('queue.worker_restarted', { reason: 'graphile-worker shut down on a migration notice' });
          restarting = start().then(
            (next) => {
              runner = next;
              watch(next);
            },
            (error: unknown) => opts.log.error('queue.worker_restart_failed', { error: describeError(error) }),
          );
        },
        (error: unknown) => opts.log.error('queue.worker_failed', { error: describeError(error) }),
      );
    };
    watch(runner);
    leases.start();
    opts.log.info('queue.worker_started', { concurrency: opts.concurrency, leaseMs });
    return {
      stop: async () => {
        stopping = true;
        await restarting;
        await runner.stop().catch(() => undefined);
        await leases.stop();
      },
    };
  }

  async stats(): Promise<QueueStats> {
    const { rows } = await this.pool.query<QueueStats>(
      `SELECT COUNT(*) FILTER (WHERE attempts < max_attempts OR locked_at IS NOT NULL) AS pending,
              COUNT(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
              COUNT(*) FILTER (WHERE attempts >= max_attempts AND locked_at IS NULL) AS failed
       FROM ${this.workerSchema}.jobs`,
    );
    return rows[0] ?? { pending: 0, running: 0, failed: 0 };
  }

  async close(): Promise<void> {
    const utils = this.utils;
    this.utils = undefined;
    if (utils) await (await utils).release();
  }
}

/**
 * Heartbeats this process's workers and unlocks the jobs of workers whose heartbeat lapsed.
 * A lock is only taken away when it is older than the lease and its holder has no fresh heartbeat,
 * so a worker that just started (heartbeat not yet written) keeps its first job.
 */
class LeaseKeeper {
  private readonly ids = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: pg.Pool,
    private readonly workerSchema: string,
    private readonly leaseMs: number,
    private readonly log: Logger,
  ) {}

  add(id: string): void {
    this.ids.add(id);
  }

  remove(id: string): void {
    this.ids.delete(id);
  }

  start(): void {
    this.beating = this.beat();
    this.timer = setInterval(
      () => {
        this.beating = this.beating.then(() => this.beat());
      },
      Math.max(10, Math.floor(this.leaseMs / LEASE_HEARTBEAT_FRACTION)),
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.beating;
    await this.pool
      .query('DELETE FROM worker_leases WHERE worker_id = ANY($1)', [[...this.ids]])
      .catch((error: unknown) => this.log.warn('queue.lease_cleanup_failed', { error: describeError(error) }));
  }

  private async beat(): Promise<void> {
    try {
      const ids = [...this.ids];
      if (ids.length > 0) {
        await this.pool.query(
          `INSERT INTO worker_leases (worker_id, heartbeat_at) SELECT unnest($1::text[]), now()
           ON CONFLICT (worker_id) DO UPDATE SET heartbeat_at = now()`,
          [ids],
        );
      }
      const lease = `${this.leaseMs} milliseconds`;
      const { rows } = await this.pool.query<{ locked_by: string }>(
        `SELECT DISTINCT locked_by FROM ${this.workerSchema}.jobs
         WHERE locked_by IS NOT NULL AND locked_at < now() - $1::interval
           AND locked_by NOT IN (SELECT worker_id FROM worker_leases WHERE heartbeat_at >= now() - $1::interval)`,
        [lease],
      );
      const dead = rows.map((r) => r.locked_by);
      if (dead.length > 0) {
        await this.pool.query(`SELECT ${this.workerSchema}.force_unlock_workers($1::text[])`, [dead]);
        this.log.warn('queue.lease_expired', { workers: dead });
      }
      await this.pool.query('DELETE FROM worker_leases WHERE heartbeat_at < now() - $1::interval * 10', [lease]);
    } catch (error) {
      this.log.warn('queue.heartbeat_failed', { error: describeError(error) });
    }
  }
}
