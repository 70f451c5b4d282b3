/**
 * The scheduler role: every tick, poll the sources whose time has come, a bounded number at once,
 * never the same source twice concurrently. `refresh(id)` polls one source now ("refresh now").
 */
import type { RunSummary } from '../model.ts';
import type { PipelineDeps } from './deps.ts';
import { runSource } from './run-source.ts';

export interface Scheduler {
  /** Poll a source now (or join its poll in flight). */
  refresh(sourceId: number): Promise<RunSummary | undefined>;
  /** Resolve when no poll is in flight (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  tickMs: number;
  concurrency: number;
  /** Called after every poll (live updates, metrics). */
  onPolled?: (summary: RunSummary) => void;
}

/** Start polling due sources on a timer; the first tick runs at once. */
export function startScheduler(deps: PipelineDeps, opts: SchedulerOptions): Scheduler {
  const inFlight = new Map<number, Promise<RunSummary>>();
  let stopped = false;
  let ticking: Promise<void> | null = null;

  function poll(sourceId: number, run: () => Promise<RunSummary>): Promise<RunSummary> {
    const existing = inFlight.get(sourceId);
    if (existing) return existing;
    const p = run()
      .then((summary) => {
        opts.onPolled?.(summary);
        return summary;
      })
      .finally(() => inFlight.delete(sourceId));
    inFlight.set(sourceId, p);
    return p;
  }

  async function tick(): Promise<void> {
    const free = opts.concurrency - inFlight.size;
    if (stopped || free <= 0) return;
    const due = await deps.store.listDueSources(deps.now(), free + inFlight.size);
    for (const source of due) {
      if (inFlight.size >= opts.concurrency) break;
      if (!inFlight.has(source.id)) void poll(source.id, () => runSource(source, deps));
    }
  }

  function safeTick(): void {
    if (ticking) return;
    ticking = tick()
      .catch((error: unknown) => deps.log.error('scheduler.tick_failed', { message: String(error) }))
      .finally(() => {
        ticking = null;
      });
  }

  const timer = setInterval(safeTick, opts.tickMs);
  timer.unref();
  safeTick();

  return {
    async refresh(sourceId) {
      const source = await deps.store.getSource(sourceId);
      if (!source) return undefined;
      return poll(sourceId, () => runSource(source, deps));
    },
    async idle() {
      while (ticking || inFlight.size > 0) {
        await ticking;
        await Promise.allSettled([...inFlight.values()]);
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await this.idle();
    },
  };
}
