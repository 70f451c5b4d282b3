import { describe, expect, test } from 'vitest';
import { commonFeedUrls, findFeedLinks } from './index.ts';

const PAGE = `<!doctype html>
<html><head>
  <title>Harbor Street</title>
  <base href="https://harbor-street.example/news/">
  <link rel="stylesheet" href="/site.css">
  <link rel="alternate" type="application/rss+xml" title="Harbor Street &raquo; Comments Feed" href="comments/feed/">
  <link rel="alternate" type="application/rss+xml" title="Harbor Street &amp; Markets" href="/feed.xml">
  <link rel="alternate" type="application/atom+xml" href="atom.xml">
  <LINK REL="Alternate" TYPE="application/feed+json; charset=utf-8" HREF="https://harbor-street.example/feed.json" TITLE="JSON">
  <link rel="alternate" hreflang="de" href="https://harbor-street.example/de/">
  <link rel="alternate" type="application/json" href="https://harbor-street.example/wp-json/wp/v2/posts/9">
  <link rel="alternate" type="application/rss+xml" href="/feed.xml">
  <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body><link rel="alternate" type="application/rdf+xml" href="/index.rdf"></body></html>`;

describe('findFeedLinks', () => {
  test('finds advertised feeds, absolute, deduplicated, comment feeds last', () => {
    expect(findFeedLinks(PAGE, 'https://harbor-street.example/news/today')).toEqual([
      { url: 'https://harbor-street.example/feed.xml', type: 'application/rss+xml', format: 'rss', title: 'Harbor Street & Markets' },
      { url: 'https://harbor-street.example/news/atom.xml', type: 'application/atom+xml', format: 'atom', title: null },
      { url: 'https://harbor-street.example/feed.json', type: 'application/feed+json', format: 'json', title: 'JSON' },
      { url: 'https://harbor-street.example/index.rdf', type: 'application/rdf+xml', format: 'rdf', title: null },
      { url: 'https://harbor-street.example/news/comments/feed/', type: 'application/rss+xml', format: 'rss', title: 'Harbor Street » Comments Feed' },
    ]);
  });

  test('a page without feed links gives an empty list', () => {
    expect(findFeedLinks('<html><head><title>x</title></head><body><p>no feeds</p></body></html>', 'https://a.example/')).toEqual([]);
  });

  test('broken HTML does not throw', () => {
    expect(findFeedLinks('<link rel=alternate type=application/rss+xml href=/f.xml><div <<<', 'https://a.example/x')).toEqual([
      { url: 'https://a.example/f.xml', type: 'application/rss+xml', format: 'rss', title: null },
    ]);
  });
});

describe('commonFeedUrls', () => {
  test('resolves common paths against the origin', () => {
    const urls = commonFeedUrls('https://quayside.example/some/deep/page?x=1');
    expect(urls[0]).toBe('https://quayside.example/feed');
    expect(urls).toContain('https://quayside.example/atom.xml');
    expect(urls.every((u) => u.startsWith('https://quayside.example/'))).toBe(true);
  });
  test('an invalid page URL gives nothing', () => {
    expect(commonFeedUrls('not a url')).toEqual([]);
  });
});
