/**
 * One test per folder in ./fixtures/: source.html (our own page), meta.json (URL, note, options),
 * expected.json (what must and must not survive, and which clean-up rules must fire).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { type ExtractOptions, extractArticle } from './index.ts';

interface Meta {
  url: string;
  note: string;
  options?: ExtractOptions;
}

interface Expected {
  title: string;
  mustContain?: string[];
  mustNotContain?: string[];
  htmlMustNotContain?: string[];
  removedRules?: string[];
  /** When set, no rule outside this list may fire. */
  allowedRules?: string[];
  originUrl?: string;
  textMustNotStartWith?: string;
  occurrences?: Record<string, number>;
}

const root = new URL('./fixtures/', import.meta.url);
const slugs = readdirSync(root).sort();

test('there is a fixture per clean-up rule', () => {
  expect(slugs.length).toBeGreaterThanOrEqual(15);
});

for (const slug of slugs) {
  test(`fixture ${slug}`, () => {
    const dir = new URL(`${slug}/`, root);
    const meta = JSON.parse(readFileSync(new URL('meta.json', dir), 'utf8')) as Meta;
    const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Expected;
    const result = extractArticle(readFileSync(new URL('source.html', dir), 'utf8'), meta.url, { now: new Date('2026-06-01T00:00:00Z'), ...meta.options });
    if (result.kind !== 'article') throw new Error(`${slug}: ${result.reason}: ${result.message}`);
    const a = result.article;
    expect(a.title).toBe(expected.title);
    for (const s of expected.mustContain ?? []) expect(a.text).toContain(s);
    for (const s of expected.mustNotContain ?? []) expect(a.text).not.toContain(s);
    for (const s of expected.htmlMustNotContain ?? []) expect(a.html).not.toContain(s);
    const fired = new Set(a.removed.map((r) => r.rule));
    for (const rule of expected.removedRules ?? []) expect([...fired]).toContain(rule);
    if (expected.allowedRules !== undefined) for (const rule of fired) expect(expected.allowedRules).toContain(rule);
    if (expected.originUrl !== undefined) expect(a.originUrl).toBe(expected.originUrl);
    if (expected.textMustNotStartWith !== undefined) expect(a.text.startsWith(expected.textMustNotStartWith)).toBe(false);
    for (const [s, n] of Object.entries(expected.occurrences ?? {})) expect(a.text.split(s).length - 1).toBe(n);
    for (const r of a.removed) expect(r.reason).not.toBe('');
    expect(a.excerpt).not.toMatch(/appeared first on|Source:/);
  });
}
