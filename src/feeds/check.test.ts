import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkFeed } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('checkFeed', () => {
  test('reports format, title, counts, preview and quality notes', () => {
    const report = checkFeed(fixture('rss-20-markets.xml'), 'https://harbor-street.example/feed.xml', {
      now: new Date('2026-11-25T00:00:00Z'),
    });
    expect(report.ok).toBe(true);
    expect(report.format).toBe('rss');
    expect(report.title).toBe('Harbor Street Markets & Money');
    expect(report.itemCount).toBe(3);
    expect(report.items[0]).toMatchObject({ title: 'Copper rallies as warehouse stocks thin & buyers return', hasFullContent: true });
    expect(report.newestAt?.toISOString()).toBe('2026-11-23T21:05:00.000Z');
    expect(report.oldestAt?.toISOString()).toBe('2026-11-23T14:15:00.000Z');
    expect(report.problems).toEqual([]);
    expect(report.warnings).toContain('1 item(s) without a usable http(s) link were skipped');
    expect(report.warnings).toContain('1 of 3 item(s) have no readable publication date (the fetch time will be used)');
  });

  test('flags a stale feed', () => {
    const report = checkFeed(fixture('rdf-10-wire.xml'), 'https://lantern-wire.example/rss', { now: new Date('2027-06-01T00:00:00Z') });
    expect(report.warnings.some((w) => w.includes('may be stale'))).toBe(true);
  });

  test('turns a rejection into a problem instead of throwing', () => {
    const report = checkFeed('<!doctype html><html><body>Shop</body></html>', '/tmp/page.html');
    expect(report.ok).toBe(false);
    expect(report.format).toBeNull();
    expect(report.problems).toEqual([{ code: 'feed_unrecognized', message: 'not a feed: looks like an HTML page' }]);
  });

  test('notes an empty feed', () => {
    const report = checkFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', 'https://quiet.example/feed');
    expect(report.ok).toBe(true);
    expect(report.itemCount).toBe(0);
    expect(report.warnings).toContain('the feed has no items');
  });
});
