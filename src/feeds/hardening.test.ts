/**
 * Parser hardening (STYLE 2.10): truncated and garbled versions of every fixture either parse or are
 * rejected with an AppError that has a specific reason (not parseFeed's safety net), and never yield
 * items without an http(s) URL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isAppError } from '../errors.ts';
import { parseFeed } from './index.ts';
import { UNEXPECTED_FAILURE } from './parse.ts';

const root = new URL('./fixtures/', import.meta.url);
const inputs = readdirSync(root).filter((f) => /\.(xml|json)$/.test(f) && !f.endsWith('.expected.json'));
/** Cut points per fixture. */
const CUTS = 40;
/** Garbled variants per fixture. */
const GARBLES = 40;

/** A small deterministic PRNG (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['<', '>', '&', '"', ']]>', '<![CDATA[', '</item>', '<item>', '\u0000', '\uD800', '&#x0;', '&bogus;', '{', '}', ',', '\n'];

function outcome(text: string): 'parsed' | 'rejected' {
  try {
    const feed = parseFeed(text, 'https://hardening.example.test/feed');
    for (const item of feed.items) expect(item.url).toMatch(/^https?:\/\//);
    return 'parsed';
  } catch (error) {
    expect(isAppError(error), `unexpected ${String(error)}`).toBe(true);
    // The safety net must not be what catches these: each failure has its own reason.
    expect((error as Error).message).not.toContain(UNEXPECTED_FAILURE);
    return 'rejected';
  }
}

describe.each(inputs)('%s', (file) => {
  const text = readFileSync(new URL(file, root), 'utf8');

  test('truncated anywhere: parsed or rejected with an AppError', () => {
    const seen = new Set<string>();
    for (let i = 1; i < CUTS; i++) seen.add(outcome(text.slice(0, Math.floor((text.length * i) / CUTS))));
    // Late cuts of an XML feed keep the complete items.
    if (file.endsWith('.xml')) expect(seen.has('parsed')).toBe(true);
  });

  test('garbled: parsed or rejected with an AppError', () => {
    const next = random(file.length);
    for (let i = 0; i < GARBLES; i++) {
      let garbled = text;
      for (let j = 0; j < 3; j++) {
        const at = Math.floor(next() * garbled.length);
        const noise = NOISE[Math.floor(next() * NOISE.length)] ?? '';
        garbled = garbled.slice(0, at) + noise + garbled.slice(at + Math.floor(next() * 4));
      }
      outcome(garbled);
    }
  });
});
