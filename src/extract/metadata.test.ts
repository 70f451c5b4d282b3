import { describe, expect, test } from 'vitest';
import { cleanTitle, decodeEntities, normalizeCanonical, parseDate, readMetadata } from './metadata.ts';
import { parseHtml } from './tree.ts';

const NOW = new Date('2026-05-01T00:00:00Z');
const meta = (head: string, body = '', url = 'https://site.example/2026/04/02/story') => readMetadata(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`), url, NOW);

describe('readMetadata', () => {
  test('JSON-LD @graph NewsArticle wins over meta tags', () => {
    const m = meta(`<meta property="og:title" content="OG title"><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2026-04-02T10:00:00-04:00","author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Editor"}],"image":{"url":"/ld.jpg"},"publisher":{"name":"The Example"}}]}</script>`);
    expect(m.title).toBe('LD headline');
    expect(m.byline).toBe('A. Writer, B. Editor');
    expect(m.publishedAt?.toISOString()).toBe('2026-04-02T14:00:00.000Z');
    expect(m.imageUrl).toBe('https://site.example/ld.jpg');
    expect(m.siteName).toBe('The Example');
  });

  test('falls back to meta, <time>, then the URL date', () => {
    expect(meta('<meta name="pubdate" content="2026-03-30">').publishedAt?.toISOString()).toBe('2026-03-30T00:00:00.000Z');
    expect(meta('', '<time datetime="2026-03-29T08:00:00Z">x</time>').publishedAt?.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(meta('').publishedAt?.toISOString()).toBe('2026-04-02T00:00:00.000Z');
    expect(meta('', '', 'https://site.example/story').publishedAt).toBeNull();
  });

  test('broken JSON-LD is ignored, future dates are dropped', () => {
    const m = meta('<script type="application/ld+json">{ not json</script><meta property="article:published_time" content="2030-01-01T00:00:00Z"><title>Plain words on rates | Site</title>', '', 'https://site.example/x');
    expect(m.publishedAt).toBeNull();
    expect(m.title).toBe('Plain words on rates');
  });

  test('entities left in meta content are decoded', () => {
    expect(meta('<meta property="og:title" content="Fees &amp;#163;5 &amp;amp; more">').title).toBe('Fees £5 & more');
    expect(decodeEntities('a &#x41; &quot;b&quot; &unknown;')).toBe('a A "b" &unknown;');
  });

  test('lang, canonical and h1', () => {
    const m = meta('<link rel="canonical" href="/c?utm_source=x&amp;fbclid=1#frag">', '<h1> Big  head </h1>');
    expect(m.canonicalUrl).toBe('https://site.example/c');
    expect(m.h1).toBe('Big head');
    expect(readMetadata(parseHtml('<html lang="pt-BR"><body></body></html>'), 'https://a.example/', NOW).lang).toBe('pt-BR');
  });
});

describe('cleanTitle', () => {
  test('drops site-name suffixes and prefixes', () => {
    expect(cleanTitle('Rates rise again | Harbor Ledger', 'Harbor Ledger')).toBe('Rates rise again');
    expect(cleanTitle('Rates rise again - Harbor Ledger', 'Harbor Ledger')).toBe('Rates rise again');
    expect(cleanTitle('Harbor Ledger: Rates rise again', 'Harbor Ledger')).toBe('Rates rise again');
    expect(cleanTitle('Rates rise again — Markets', null)).toBe('Rates rise again');
    expect(cleanTitle('Q3: revenue beats estimates', null)).toBe('Q3: revenue beats estimates');
  });
});

describe('parseDate and normalizeCanonical', () => {
  test('zones', () => {
    expect(parseDate('2026-01-02 03:04')?.toISOString()).toBe('2026-01-02T03:04:00.000Z');
    expect(parseDate('2026-01-02T03:04:05+0200')?.toISOString()).toBe('2026-01-02T01:04:05.000Z');
    expect(parseDate('Tue, 10 Mar 2026 12:00:00 GMT')?.toISOString()).toBe('2026-03-10T12:00:00.000Z');
    expect(parseDate('yesterday')).toBeNull();
    expect(parseDate('1970-01-01')).toBeNull();
  });
  test('tracking parameters go, others stay', () => {
    expect(normalizeCanonical('https://a.example/p?id=3&utm_medium=rss&gclid=9', 'https://a.example/')).toBe('https://a.example/p?id=3');
    expect(normalizeCanonical(null, 'https://a.example/page#x')).toBe('https://a.example/page');
    expect(normalizeCanonical('javascript:alert(1)', 'https://a.example/page')).toBe('https://a.example/page');
  });
});
