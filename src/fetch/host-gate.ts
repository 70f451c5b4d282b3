/**
 * @module fetch/host-gate — per-host politeness: at most `perHost` requests in flight to one host,
 * at least `minIntervalMs` between request starts (raised by robots.txt Crawl-delay), and a
 * "do not call before" time after 429/503 with Retry-After. Waiters are served first come, first served.
 */

/** Frees the slot taken by `acquire`; calling it twice is harmless. */
export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
}

interface HostState {
  active: number;
  queue: Waiter[];
  lastStart: number;
  intervalMs: number;
  timer: NodeJS.Timeout | null;
  retryUntil: number;
  retryStatus: number;
}

/** Options of a gate. */
export interface HostGateOptions {
  perHost: number;
  minIntervalMs: number;
  now?: () => number;
}

/** A host the server asked us to leave alone until `until`. */
export interface RetryNotice {
  until: Date;
  status: number;
}

/** Per-host concurrency and pacing. */
export interface HostGate {
  /** Wait for a slot to `host`; rejects with the signal's reason when aborted while queued. */
  acquire(host: string, signal?: AbortSignal): Promise<Release>;
  /** Raise the minimum interval between requests to `host` (e.g. robots.txt Crawl-delay). */
  setMinInterval(host: string, ms: number): void;
  /** Record that `host` answered `status` with Retry-After until `until`. */
  deferUntil(host: string, until: Date, status: number): void;
  /** The pending Retry-After notice for `host`, if it is still in the future. */
  retryNotice(host: string): RetryNotice | null;
  /** Requests in flight to `host` now. */
  active(host: string): number;
  /** The highest number of requests seen in flight to any one host. */
  peakActive(): number;
}

/** Idle host entries are pruned once this many hosts are tracked. */
const PRUNE_AT = 2_000;

/** Create a gate. */
export function createHostGate(opts: HostGateOptions): HostGate {
  const now = opts.now ?? Date.now;
  const hosts = new Map<string, HostState>();
  let peak = 0;

  const state = (host: string): HostState => {
    let s = hosts.get(host);
    if (!s) {
      if (hosts.size >= PRUNE_AT) prune();
      s = { active: 0, queue: [], lastStart: 0, intervalMs: opts.minIntervalMs, timer: null, retryUntil: 0, retryStatus: 0 };
      hosts.set(host, s);
    }
    return s;
  };

  const prune = (): void => {
    const t = now();
    for (const [host, s] of hosts) {
      const idle = s.active === 0 && s.queue.length === 0 && s.timer === null;
      if (idle && s.lastStart + s.intervalMs < t && s.retryUntil < t && s.intervalMs === opts.minIntervalMs) hosts.delete(host);
    }
  };

  const pump = (s: HostState): void => {
    while (s.queue.length > 0 && s.active < opts.perHost) {
      const wait = s.lastStart + s.intervalMs - now();
      if (wait > 0) {
        if (s.timer === null) {
          s.timer = setTimeout(() => {
            s.timer = null;
            pump(s);
          }, wait);
        }
        return;
      }
      const waiter = s.queue.shift();
      if (!waiter) return;
      s.active += 1;
      s.lastStart = now();
      peak = Math.max(peak, s.active);
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        s.active -= 1;
        pump(s);
      });
    }
  };

  return {
    acquire(host, signal) {
      const s = state(host);
      return new Promise<Release>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const onAbort = (): void => {
          const i = s.queue.indexOf(waiter);
          if (i >= 0) s.queue.splice(i, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          grant: (release) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        s.queue.push(waiter);
        pump(s);
      });
    },
    setMinInterval(host, ms) {
      const s = state(host);
      s.intervalMs = Math.max(opts.minIntervalMs, ms);
    },
    deferUntil(host, until, status) {
      const s = state(host);
      if (until.getTime() > s.retryUntil) {
        s.retryUntil = until.getTime();
        s.retryStatus = status;
      }
    },
    retryNotice(host) {
      const s = hosts.get(host);
      if (!s || s.retryUntil <= now()) return null;
      return { until: new Date(s.retryUntil), status: s.retryStatus };
    },
    active: (host) => hosts.get(host)?.active ?? 0,
    peakActive: () => peak,
  };
}
