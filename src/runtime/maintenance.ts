/**
 * Idle-time upkeep of the search index: small steps on a timer, in the process that runs the scheduler
 * (one writer). A step runs while the last one found work and pauses otherwise until writes resume.
 */
import type { Logger } from '../log.ts';
import type { Store } from '../store/store.ts';

/** How often a step may run while work remains, and how often to look again once the index is tidy. */
const BUSY_EVERY_MS = 250;
const IDLE_EVERY_MS = 15_000;

export interface Maintenance {
  /** Run steps until no work remains (tests, benchmarks, shutdown of a bulk load). Returns the steps run. */
  drain(): Promise<number>;
  stop(): void;
}

/** Start upkeep for `store`; undefined when the store needs none. */
export function startIndexMaintenance(store: Store, log: Logger): Maintenance | undefined {
  const step = store.maintainSearchIndex?.bind(store);
  if (!step) return undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<boolean> = Promise.resolve(false);
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    running = step().catch((error: unknown) => {
      log.warn('maintenance.search_index_failed', { message: String(error) });
      return false;
    });
    void running.then((more) => schedule(more ? BUSY_EVERY_MS : IDLE_EVERY_MS));
  };
  schedule(BUSY_EVERY_MS);
  return {
    async drain() {
      await running;
      let steps = 0;
      while (await step()) steps++;
      return steps;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
