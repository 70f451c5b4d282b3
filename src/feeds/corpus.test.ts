/**
 * feedparser's hostile and odd feeds from ../shared/datasets/badinput (read in place, never copied):
 * every file is parsed, or rejected with a clear AppError, quickly, with clean output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isAppError } from '../errors.ts';
import { decodeText } from '../fetch/decode.ts';
import { parseFeed } from './index.ts';

const CORPUS = new URL('../../../shared/datasets/badinput/feeds/', import.meta.url);
const MANIFEST = new URL('manifest.json', CORPUS);
/** Per-file bound on a shared 2-core machine; real files take well under 10 ms. */
const MAX_MS_PER_FILE = 1_000;

interface Entry {
  id: string;
  file: string;
  outcome: 'parse' | 'reject' | 'parse-or-reject';
  serve_headers?: Record<string, string>;
}

const present = existsSync(MANIFEST);
const entries: Entry[] = present ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { entries: Entry[] }).entries : [];

// biome-ignore lint/suspicious/noControlCharactersInRegex: checking that no control characters survive
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe.skipIf(!present)('feedparser bad-input corpus', () => {
  test('the corpus is there', () => {
    expect(entries.length).toBeGreaterThan(250);
  });

  test.each(entries.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const body = readFileSync(new URL(entry.file, CORPUS));
    const text = decodeText(body, entry.serve_headers?.['Content-Type'] ?? null, 'xml');
    const start = performance.now();
    let outcome: 'parsed' | string;
    try {
      const feed = parseFeed(text, 'http://corpus.example.test/feed.xml', { maxItems: 500 });
      outcome = 'parsed';
      const json = JSON.stringify(feed);
      expect(json).not.toMatch(UNSAFE_TEXT);
      for (const item of feed.items) {
        expect(item.url).toMatch(/^https?:\/\//);
        for (const date of [item.publishedAt, item.updatedAt]) if (date !== null) expect(Number.isNaN(date.getTime())).toBe(false);
      }
    } catch (error) {
      // A rejection must be one of ours, with a reason a person can read; never a crash.
      expect(isAppError(error), String(error)).toBe(true);
      const message = (error as Error).message;
      expect(message).toMatch(/^(not a feed|broken feed|malformed|unsafe|JSON Feed)/);
      outcome = message;
    }
    expect(performance.now() - start).toBeLessThan(MAX_MS_PER_FILE);
    if (entry.outcome === 'parse' && outcome !== 'parsed') {
      // Only a decoding mistake upstream (UTF-32, which TextDecoder cannot read) may stop a "parse" file.
      expect(outcome).toContain('wrong charset');
    }
  });
});

test.skipIf(present)('feedparser bad-input corpus (skipped)', () => {
  console.warn(`skipping the feedparser corpus: ${MANIFEST.pathname} not found`);
});

/** Generated hostile files (never stored: the corpus's generator writes them to a temp dir), with the corpus's time limits. */
const GENERATED: Array<{ file: string; maxMs: number }> = [
  { file: 'items-100k.xml', maxMs: 30_000 },
  { file: 'items-100k.json', maxMs: 30_000 },
  { file: 'nested-1m.xml', maxMs: 5_000 },
  { file: 'nested-1m.json', maxMs: 5_000 },
  { file: 'quadratic-blowup-10g.xml', maxMs: 2_000 },
  { file: 'wide-line-20mb.xml', maxMs: 5_000 },
];
const GENERATOR = new URL('generators/make-large.mjs', CORPUS);

describe.skipIf(!existsSync(GENERATOR))('generated hostile feeds (make-large.mjs)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tw-large-'));
    const only = GENERATED.map((g) => g.file).join(',');
    execFileSync(process.execPath, [fileURLToPath(GENERATOR), '--out', dir, '--only', only], { stdio: 'ignore' });
  }, 120_000);
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  test.each(GENERATED)('$file: parsed or rejected with a reason within $maxMs ms', ({ file, maxMs }) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const start = performance.now();
    let items = -1;
    try {
      items = parseFeed(text, 'http://example.com/feed', { maxItems: 500 }).items.length;
    } catch (error) {
      expect(isAppError(error), String(error)).toBe(true);
    }
    expect(performance.now() - start).toBeLessThan(maxMs);
    if (file.startsWith('items-100k')) expect(items).toBe(500);
    // Parsed without expanding the 100 KB entity; its one item has no link, so nothing is kept.
    if (file.startsWith('quadratic')) expect(items).toBe(0);
  });
});
