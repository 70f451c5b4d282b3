/**
 * feedparser's hostile and odd feeds from ../shared/datasets/badinput (read in place, never copied):
 * every file is parsed, or rejected with a clear AppError, quickly, with clean output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
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
