/**
 * @module stories/eval/news-stories — reader of the shared UCI News Aggregator story set
 * (`../shared/datasets/news-stories/`, see its README): rows of the first N crawl days, shuffled
 * within each day with a fixed seed because the file order leaks the labels.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** One labelled headline. */
export interface StoryRow {
  title: string;
  host: string;
  story: string;
  time: number;
  /** Crawl day, 0 = the first day of the file. */
  day: number;
}

const DAY_MS = 86_400_000;

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Rows of calendar days 0…days-1 (UTC, from the file's first day), ordered by day and shuffled
 * within each day with `seed`. Returns null when the file is absent.
 */
export async function loadNewsStories(file: string, days: number, seed = 42): Promise<StoryRow[] | null> {
  if (!existsSync(file)) return null;
  const all: Array<Omit<StoryRow, 'day'> & { dayNumber: number }> = [];
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const f = line.split('\t');
    const time = Number(f[7]);
    if (f.length < 8 || !Number.isFinite(time)) continue;
    all.push({ title: f[1] ?? '', host: f[6] ?? '', story: f[5] ?? '', time, dayNumber: Math.floor(time / DAY_MS) });
  }
  const first = all.reduce((min, r) => Math.min(min, r.dayNumber), Infinity);
  const byDay: StoryRow[][] = Array.from({ length: days }, () => []);
  for (const r of all) {
    const day = r.dayNumber - first;
    if (day < days) byDay[day]?.push({ title: r.title, host: r.host, story: r.story, time: r.time, day });
  }
  const random = seededRandom(seed);
  for (const rows of byDay) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const a = rows[i];
      const b = rows[j];
      if (a && b) [rows[i], rows[j]] = [b, a];
    }
  }
  return byDay.flat();
}
