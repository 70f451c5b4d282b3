import { describe, expect, it } from 'vitest';
import { cacheLifetimeSec, isStalled, nextPollTime, type PollState, syndicationPeriodSec } from './schedule.ts';

const BOUNDS = { minSec: 120, maxSec: 86_400, defaultSec: 900 };
/** Wednesday noon UTC. */
const NOW = new Date('2026-11-25T12:00:00Z');
const mid = () => 0.5; // jitter factor exactly 1
const ago = (sec: number) => new Date(NOW.getTime() - sec * 1000);
/** `n` items, one every `gapSec`, the newest `firstAgoSec` ago. */
const every = (gapSec: number, n: number, firstAgoSec = 0) => Array.from({ length: n }, (_, i) => ago(firstAgoSec + i * gapSec));

const base = (over: Partial<PollState> = {}): PollState => ({ now: NOW, intervalSec: 0, consecutiveFailures: 0, recentItemTimes: [], ...over });

describe('nextPollTime after a success', () => {
  it('uses the default interval when the rhythm is unknown', () => {
    const plan = nextPollTime(base(), BOUNDS, mid);
    expect(plan.intervalSec).toBe(900);
    expect(plan.at.getTime()).toBe(NOW.getTime() + 900_000);
  });

  it('keeps the previous interval when there is no rhythm yet', () => {
    expect(nextPollTime(base({ intervalSec: 1800, recentItemTimes: [ago(10)] }), BOUNDS, mid).intervalSec).toBe(1800);
  });

  it('polls twice per median gap of a busy feed, never below minSec', () => {
    expect(nextPollTime(base({ recentItemTimes: every(1200, 20) }), BOUNDS, mid).intervalSec).toBe(600);
    expect(nextPollTime(base({ recentItemTimes: every(30, 20) }), BOUNDS, mid).intervalSec).toBe(120);
  });

  it('slows a quiet feed down gradually (at most ×2 per poll) and caps at maxSec', () => {
    const weekly = every(7 * 86_400, 10);
    expect(nextPollTime(base({ intervalSec: 600, recentItemTimes: weekly }), BOUNDS, mid).intervalSec).toBe(1200);
    expect(nextPollTime(base({ intervalSec: 80_000, recentItemTimes: weekly }), BOUNDS, mid).intervalSec).toBe(86_400);
  });

  it('speeds up at once when the feed gets busy', () => {
    expect(nextPollTime(base({ intervalSec: 20_000, recentItemTimes: every(600, 10) }), BOUNDS, mid).intervalSec).toBe(300);
  });

  it('honours RSS ttl and Cache-Control lifetime as floors, within maxSec', () => {
    const busy = every(60, 20);
    expect(nextPollTime(base({ recentItemTimes: busy, ttlMinutes: 60 }), BOUNDS, mid).intervalSec).toBe(3600);
    expect(nextPollTime(base({ recentItemTimes: busy, cacheMaxAgeSec: 1800 }), BOUNDS, mid).intervalSec).toBe(1800);
    expect(nextPollTime(base({ recentItemTimes: busy, cacheMaxAgeSec: 31_536_000 }), BOUNDS, mid).intervalSec).toBe(86_400);
  });

  it('honours sy:updatePeriod as a floor', () => {
    expect(nextPollTime(base({ recentItemTimes: every(60, 20), updatePeriodSec: syndicationPeriodSec('hourly', 2) }), BOUNDS, mid).intervalSec).toBe(1800);
  });

  it('ignores a batch of items all published in the same second', () => {
    const batch = Array.from({ length: 10 }, () => ago(60));
    expect(nextPollTime(base({ recentItemTimes: batch }), BOUNDS, mid).intervalSec).toBe(900);
  });

  it('adds at most ±10% jitter', () => {
    const lo = nextPollTime(base(), BOUNDS, () => 0).intervalSec;
    const hi = nextPollTime(base(), BOUNDS, () => 0.999_999).intervalSec;
    expect(lo).toBe(810);
    expect(hi).toBe(990);
  });
});

describe('nextPollTime after failures', () => {
  it('backs off exponentially from minSec', () => {
    const delays = [1, 2, 3, 4, 5].map((n) => nextPollTime(base({ consecutiveFailures: n }), BOUNDS, mid).intervalSec);
    expect(delays).toEqual([240, 480, 960, 1920, 3840]);
  });

  it('caps at maxSec and never drops the source, however long it fails', () => {
    for (const n of [20, 100, 10_000]) {
      const plan = nextPollTime(base({ consecutiveFailures: n }), BOUNDS, mid);
      expect(plan.intervalSec).toBe(86_400);
      expect(Number.isFinite(plan.at.getTime())).toBe(true);
    }
  });

  it('jitters the backoff by ±25% within bounds', () => {
    expect(nextPollTime(base({ consecutiveFailures: 3 }), BOUNDS, () => 0).intervalSec).toBe(720);
    expect(nextPollTime(base({ consecutiveFailures: 3 }), BOUNDS, () => 0.999_999).intervalSec).toBe(1200);
    expect(nextPollTime(base({ consecutiveFailures: 30 }), BOUNDS, () => 0.999_999).intervalSec).toBe(86_400);
  });

  it('honours Retry-After over a shorter backoff, up to maxSec', () => {
    expect(nextPollTime(base({ consecutiveFailures: 1, retryAfterSec: 3600 }), BOUNDS, mid).intervalSec).toBe(3600);
    expect(nextPollTime(base({ consecutiveFailures: 1, retryAfterSec: 10 }), BOUNDS, mid).intervalSec).toBe(240);
    expect(nextPollTime(base({ consecutiveFailures: 1, retryAfterSec: 9_999_999 }), BOUNDS, mid).intervalSec).toBe(86_400);
    expect(nextPollTime(base({ retryAfterSec: 7200, recentItemTimes: every(60, 10) }), BOUNDS, mid).intervalSec).toBe(7200);
  });
});

describe('syndicationPeriodSec', () => {
  it('divides the period by the frequency, with the module defaults', () => {
    expect(syndicationPeriodSec('hourly', '4')).toBe(900);
    expect(syndicationPeriodSec('Daily', undefined)).toBe(86_400);
    expect(syndicationPeriodSec(undefined, 2)).toBe(43_200);
    expect(syndicationPeriodSec('weekly', 0)).toBe(604_800);
  });

  it('is null when absent or unknown', () => {
    expect(syndicationPeriodSec(null, null)).toBeNull();
    expect(syndicationPeriodSec('fortnightly', 1)).toBeNull();
  });
});

describe('cacheLifetimeSec', () => {
  it('reads max-age and prefers s-maxage', () => {
    expect(cacheLifetimeSec({ 'cache-control': 'public, max-age=600' }, NOW)).toBe(600);
    expect(cacheLifetimeSec({ 'cache-control': 'max-age=600, s-maxage=300' }, NOW)).toBe(300);
  });

  it('reads Expires relative to Date, or to now', () => {
    expect(cacheLifetimeSec({ expires: 'Wed, 25 Nov 2026 13:00:00 GMT', date: 'Wed, 25 Nov 2026 12:30:00 GMT' }, NOW)).toBe(1800);
    expect(cacheLifetimeSec({ expires: 'Wed, 25 Nov 2026 13:00:00 GMT' }, NOW)).toBe(3600);
    expect(cacheLifetimeSec({ expires: 'Wed, 25 Nov 2026 11:00:00 GMT' }, NOW)).toBe(0);
  });

  it('is null for no-cache, no-store or nothing, and 0 for an unreadable Expires', () => {
    expect(cacheLifetimeSec({ 'cache-control': 'no-cache, max-age=600' }, NOW)).toBeNull();
    expect(cacheLifetimeSec({ 'cache-control': 'no-store' }, NOW)).toBeNull();
    expect(cacheLifetimeSec({}, NOW)).toBeNull();
    expect(cacheLifetimeSec({ expires: 'soon-ish' }, NOW)).toBe(0);
  });
});

describe('isStalled', () => {
  it('is false while a feed keeps its rhythm', () => {
    const times = every(3600, 20, 1800);
    expect(isStalled({ lastItemAt: times[0] ?? null, recentItemTimes: times, now: NOW })).toBe(false);
  });

  it('flags an hourly feed silent for two weekdays', () => {
    // Newest item Monday 12:00, now Wednesday 12:00 — no weekend in between.
    const times = every(3600, 20, 2 * 86_400);
    expect(isStalled({ lastItemAt: times[0] ?? null, recentItemTimes: times, now: NOW })).toBe(true);
  });

  it('does not flag a short quiet spell (night) of a busy feed', () => {
    const times = every(600, 30, 8 * 3600);
    expect(isStalled({ lastItemAt: null, recentItemTimes: times, now: NOW })).toBe(false);
  });

  it('allows a weekend pause, but not a week', () => {
    const monday = new Date('2026-11-23T08:00:00Z');
    const friday = new Date('2026-11-20T20:00:00Z');
    const times = Array.from({ length: 20 }, (_, i) => new Date(friday.getTime() - i * 1800_000));
    expect(isStalled({ lastItemAt: friday, recentItemTimes: times, now: monday })).toBe(false);
    expect(isStalled({ lastItemAt: friday, recentItemTimes: times, now: new Date('2026-11-27T20:00:00Z') })).toBe(true);
  });

  it('judges a slow feed by its own rhythm', () => {
    const weekly = every(7 * 86_400, 10, 10 * 86_400);
    expect(isStalled({ lastItemAt: null, recentItemTimes: weekly, now: NOW })).toBe(false);
    const longSilent = every(7 * 86_400, 10, 120 * 86_400);
    expect(isStalled({ lastItemAt: null, recentItemTimes: longSilent, now: NOW })).toBe(true);
  });

  it('never flags a feed with too few items to know its rhythm', () => {
    expect(isStalled({ lastItemAt: ago(365 * 86_400), recentItemTimes: every(60, 4, 365 * 86_400), now: NOW })).toBe(false);
  });
});
