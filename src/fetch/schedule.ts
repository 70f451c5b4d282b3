/**
 * @module fetch/schedule — when to poll a source next, and whether it has stalled. Pure functions:
 * the pipeline passes in what it knows (last interval, failures, hints from the response, recent
 * item times) and stores what comes back.
 */

/** Inputs of `nextPollTime`. */
export interface PollState {
  now: Date;
  /** The interval used last time (seconds); 0 or less when unknown. */
  intervalSec: number;
  /** Failures in a row, counting the poll that just ended (0 after a success). */
  consecutiveFailures: number;
  /** Retry-After from the last response (seconds), if any. */
  retryAfterSec?: number | null;
  /** RSS `<ttl>` in minutes, if the feed gives one. */
  ttlMinutes?: number | null;
  /** Freshness lifetime from Cache-Control max-age / Expires (see `cacheLifetimeSec`). */
  cacheMaxAgeSec?: number | null;
  /** The feed's own update period from `sy:updatePeriod`/`sy:updateFrequency` (see `syndicationPeriodSec`). */
  updatePeriodSec?: number | null;
  /** Publication times of the feed's recent items (any order). */
  recentItemTimes: readonly Date[];
}

/** Configured polling bounds (seconds). */
export interface PollBounds {
  minSec: number;
  maxSec: number;
  defaultSec: number;
}

/** When to poll next. */
export interface PollPlan {
  at: Date;
  intervalSec: number;
}

/** Poll this many times per typical gap between items (0.5 = twice per gap). */
const POLLS_PER_GAP = 2;
/** At most this many recent items shape the rhythm (older ones describe an older feed). */
const RHYTHM_ITEMS = 30;
/** An interval may at most grow by this factor from one poll to the next (it may shrink at once). */
const MAX_GROWTH = 2;
/** Success intervals vary by ± this fraction so sources polled together drift apart. */
const SUCCESS_JITTER = 0.1;
/** Backoff delays vary by ± this fraction (so failing sources do not retry in lockstep). */
const FAILURE_JITTER = 0.25;

/** Seconds between consecutive items, newest first, over the most recent `RHYTHM_ITEMS`. */
function itemGapsSec(times: readonly Date[]): number[] {
  const sorted = times
    .map((t) => t.getTime())
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => b - a)
    .slice(0, RHYTHM_ITEMS);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const newer = sorted[i - 1];
    const older = sorted[i];
    if (newer !== undefined && older !== undefined) gaps.push((newer - older) / 1000);
  }
  return gaps;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? 0;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? hi) + hi) / 2;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const jitter = (v: number, fraction: number, random: () => number): number => v * (1 - fraction + 2 * fraction * random());

/** The interval the publishing rhythm asks for (before bounds and hints). */
function rhythmIntervalSec(state: PollState, bounds: PollBounds): number {
  const gap = median(itemGapsSec(state.recentItemTimes));
  // Items published in the same second (a batch) say nothing about rhythm.
  if (gap === null || gap <= 0) return state.intervalSec > 0 ? state.intervalSec : bounds.defaultSec;
  let interval = gap / POLLS_PER_GAP;
  if (state.intervalSec > 0) interval = Math.min(interval, state.intervalSec * MAX_GROWTH);
  return interval;
}

/**
 * When to poll a source next.
 * - After a success: from the observed publishing rate (twice per median gap between recent items),
 *   growing at most ×2 per poll, never sooner than RSS ttl, sy:updatePeriod or the Cache-Control/Expires lifetime.
 * - After failures: exponential backoff from `minSec` (×2 per failure) with jitter, capped at `maxSec`;
 *   a failing source is slowed down, never dropped.
 * - Retry-After is always honoured (up to `maxSec`). The result lies within [minSec, maxSec].
 * @param random source of randomness in [0, 1) for jitter (tests pass a fixed one)
 */
export function nextPollTime(state: PollState, bounds: PollBounds, random: () => number = Math.random): PollPlan {
  const { minSec, maxSec } = bounds;
  let interval: number;
  if (state.consecutiveFailures > 0) {
    const exponent = Math.min(state.consecutiveFailures, 30);
    interval = jitter(Math.min(maxSec, minSec * 2 ** exponent), FAILURE_JITTER, random);
  } else {
    interval = jitter(rhythmIntervalSec(state, bounds), SUCCESS_JITTER, random);
    if (state.ttlMinutes && state.ttlMinutes > 0) interval = Math.max(interval, state.ttlMinutes * 60);
    if (state.cacheMaxAgeSec && state.cacheMaxAgeSec > 0) interval = Math.max(interval, state.cacheMaxAgeSec);
    if (state.updatePeriodSec && state.updatePeriodSec > 0) interval = Math.max(interval, state.updatePeriodSec);
  }
  if (state.retryAfterSec && state.retryAfterSec > 0) interval = Math.max(interval, state.retryAfterSec);
  const intervalSec = Math.round(clamp(interval, minSec, maxSec));
  return { at: new Date(state.now.getTime() + intervalSec * 1000), intervalSec };
}

const SYNDICATION_PERIOD_SEC: Record<string, number> = {
  hourly: 3600,
  daily: 86_400,
  weekly: 7 * 86_400,
  monthly: 30 * 86_400,
  yearly: 365 * 86_400,
};

/**
 * Seconds between updates announced by the RSS 1.0 syndication module: `sy:updatePeriod`
 * (hourly|daily|weekly|monthly|yearly, default daily) divided by `sy:updateFrequency` (default 1).
 * Null when neither is given or the period is unknown.
 */
export function syndicationPeriodSec(period: string | null | undefined, frequency: number | string | null | undefined): number | null {
  if (!period && (frequency === null || frequency === undefined || frequency === '')) return null;
  const base = SYNDICATION_PERIOD_SEC[(period ?? 'daily').trim().toLowerCase()];
  if (base === undefined) return null;
  const f = Number(frequency ?? 1);
  return Math.round(base / (Number.isFinite(f) && f >= 1 ? f : 1));
}

/**
 * Freshness lifetime of a response in seconds, from Cache-Control (s-maxage, max-age) or Expires
 * (relative to the Date header when present; an unreadable Expires is 0). Null when absent or
 * `no-cache`/`no-store`.
 */
export function cacheLifetimeSec(headers: Record<string, string>, now: Date): number | null {
  const cc = (headers['cache-control'] ?? '').toLowerCase();
  if (/\b(no-cache|no-store)\b/.test(cc)) return null;
  const m = /\bs-maxage\s*=\s*"?(\d+)/.exec(cc) ?? /\bmax-age\s*=\s*"?(\d+)/.exec(cc);
  if (m?.[1]) return Number(m[1]);
  if (headers.expires === undefined) return null;
  // RFC 9111 §5.3: an invalid Expires (e.g. "0") means "already expired".
  const expires = Date.parse(headers.expires);
  if (Number.isNaN(expires)) return 0;
  const date = headers.date ? Date.parse(headers.date) : Number.NaN;
  const base = Number.isNaN(date) ? now.getTime() : date;
  return Math.max(0, Math.round((expires - base) / 1000));
}

/** Inputs of `isStalled`. */
export interface StallState {
  /** Newest item publication time known for the source (falls back to the newest of recentItemTimes). */
  lastItemAt: Date | null;
  recentItemTimes: readonly Date[];
  now: Date;
}

/** Items needed before a rhythm is trusted enough to call a silence a stall. */
const STALL_MIN_ITEMS = 5;
/** Silence longer than this many median gaps is a stall… */
const STALL_GAP_FACTOR = 10;
/** …and longer than this many times the largest recent gap… */
const STALL_MAX_GAP_FACTOR = 1.5;
/** …and never shorter than this (seconds): night-time quiet is not a stall. */
const STALL_MIN_SEC = 12 * 3600;
/** Extra silence allowed when the quiet period spans a weekend (markets news pauses). */
const WEEKEND_ALLOWANCE_SEC = 48 * 3600;

const DAY_MS = 86_400_000;

/** True when the period [from, to] touches a Saturday or Sunday (UTC). */
function spansWeekend(from: Date, to: Date): boolean {
  if (to.getTime() - from.getTime() >= 7 * DAY_MS) return true;
  for (let t = from.getTime(); t < to.getTime() + DAY_MS; t += DAY_MS) {
    const day = new Date(Math.min(t, to.getTime())).getUTCDay();
    if (day === 0 || day === 6) return true;
  }
  return false;
}

/**
 * True when a source that answers successfully has been silent far longer than its usual rhythm:
 * longer than 10× its median gap between items, 1.5× its largest recent gap and 12 hours
 * (plus 48 hours when the silence spans a weekend). Sources with fewer than 5 known items never stall.
 */
export function isStalled(state: StallState): boolean {
  const times = state.recentItemTimes.map((t) => t.getTime()).filter((t) => Number.isFinite(t));
  if (times.length < STALL_MIN_ITEMS) return false;
  const gaps = itemGapsSec(state.recentItemTimes);
  const gap = median(gaps) ?? 0;
  const largest = Math.max(0, ...gaps);
  const last = state.lastItemAt?.getTime() ?? Math.max(...times);
  const silenceSec = (state.now.getTime() - last) / 1000;
  let threshold = Math.max(gap * STALL_GAP_FACTOR, largest * STALL_MAX_GAP_FACTOR, STALL_MIN_SEC);
  if (spansWeekend(new Date(last), state.now)) threshold += WEEKEND_ALLOWANCE_SEC;
  return silenceSec > threshold;
}
