import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseFeed } from './index.ts';

const root = new URL('./fixtures/', import.meta.url);
/** Fixed base so relative links resolve the same everywhere. */
const FEED_BASE = 'https://feeds.example.test/';
const FIXED_NOW = new Date('2026-11-25T00:00:00Z');

const inputs = readdirSync(root).filter((f) => /\.(xml|json)$/.test(f) && !f.endsWith('.expected.json'));

describe('parseFeed fixtures', () => {
  test('every fixture has an input', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(9);
  });
  for (const file of inputs) {
    const slug = file.replace(/\.(xml|json)$/, '');
    test(slug, async () => {
      const text = readFileSync(new URL(file, root), 'utf8');
      const parsed = parseFeed(text, `${FEED_BASE}${file}`, { now: FIXED_NOW });
      await expect(`${JSON.stringify(parsed, null, 2)}\n`).toMatchFileSnapshot(`./fixtures/${slug}.expected.json`);
    });
  }
});
