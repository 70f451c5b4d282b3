import { describe, expect, test } from 'vitest';
import { canonicalizeUrl, hostOf } from './url.ts';

describe('canonicalizeUrl', () => {
  test.each([
    ['scheme and host lower-cased', 'HTTPS://News.Example.COM/Markets/Story', 'https://news.example.com/Markets/Story'],
    ['default https port dropped', 'https://example.com:443/a', 'https://example.com/a'],
    ['default http port dropped', 'http://example.com:80/a', 'http://example.com/a'],
    ['other port kept', 'http://example.com:8080/a', 'http://example.com:8080/a'],
    ['fragment dropped', 'https://example.com/a#comments', 'https://example.com/a'],
    ['trailing slash removed', 'https://example.com/markets/story/', 'https://example.com/markets/story'],
    ['root slash kept', 'https://example.com/', 'https://example.com/'],
    ['utm_* removed', 'https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x', 'https://example.com/a'],
    ['fbclid and gclid removed', 'https://example.com/a?fbclid=IwAR0&gclid=Cj0', 'https://example.com/a'],
    ['mailchimp ids removed', 'https://example.com/a?mc_cid=1&mc_eid=2', 'https://example.com/a'],
    ['ref and cmpid removed', 'https://example.com/a?ref=homepage&cmpid=rss', 'https://example.com/a'],
    ['query sorted, real params kept', 'https://example.com/a?page=2&id=7&utm_term=q', 'https://example.com/a?id=7&page=2'],
    ['same key sorted by value', 'https://example.com/a?t=b&t=a', 'https://example.com/a?t=a&t=b'],
    ['/amp/ path segment', 'https://example.com/amp/markets/story', 'https://example.com/markets/story'],
    ['trailing /amp', 'https://example.com/markets/story/amp', 'https://example.com/markets/story'],
    ['?amp=1', 'https://example.com/markets/story?amp=1', 'https://example.com/markets/story'],
    ['bare ?amp', 'https://example.com/markets/story?amp', 'https://example.com/markets/story'],
    ['amp. subdomain', 'https://amp.example.com/markets/story', 'https://example.com/markets/story'],
    ['.amp.html', 'https://example.com/markets/story.amp.html', 'https://example.com/markets/story.html'],
    ['outputType=amp', 'https://example.com/markets/story?outputType=amp&id=3', 'https://example.com/markets/story?id=3'],
    ['amplify is not amp', 'https://example.com/amplify/story', 'https://example.com/amplify/story'],
    ['credentials dropped', 'https://user:pw@example.com/a', 'https://example.com/a'],
    ['not a URL returned trimmed', '  not a url ', 'not a url'],
    ['non-http scheme unchanged', 'mailto:desk@example.com', 'mailto:desk@example.com'],
  ])('%s', (_name, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  test('is idempotent', () => {
    const once = canonicalizeUrl('HTTPS://amp.Example.com/amp/a/?utm_source=x&b=2&a=1#top');
    expect(canonicalizeUrl(once)).toBe(once);
    expect(once).toBe('https://example.com/a?a=1&b=2');
  });
});

describe('hostOf', () => {
  test('lower-cases and drops www.', () => {
    expect(hostOf('https://WWW.Example.com/a')).toBe('example.com');
    expect(hostOf('nope')).toBeNull();
  });
});
