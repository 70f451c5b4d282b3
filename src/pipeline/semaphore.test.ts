import { expect, test } from 'vitest';
import { mapLimit } from './map-limit.ts';
import { Semaphore } from './semaphore.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a semaphore never lets more than its size run at once, and releases on failure', async () => {
  const sem = new Semaphore(3);
  let running = 0;
  let peak = 0;
  const jobs = Array.from({ length: 12 }, (_, i) =>
    sem.run(async () => {
      running++;
      peak = Math.max(peak, running);
      await tick(5);
      running--;
      if (i === 4) throw new Error('boom');
      return i;
    }),
  );
  const results = await Promise.allSettled(jobs);
  expect(peak).toBe(3);
  expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  expect(await sem.run(async () => 'still usable')).toBe('still usable');
});

test('mapLimit keeps input order and bounds concurrency', async () => {
  let running = 0;
  let peak = 0;
  const out = await mapLimit([30, 10, 20, 5, 15], 2, async (ms, i) => {
    running++;
    peak = Math.max(peak, running);
    await tick(ms);
    running--;
    return i;
  });
  expect(out).toEqual([0, 1, 2, 3, 4]);
  expect(peak).toBe(2);
  expect(await mapLimit([], 4, async () => 1)).toEqual([]);
});
