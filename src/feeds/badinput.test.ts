/**
 * The bad-input corpus of issue 4, written by us: every document is parsed or rejected with a
 * clear reason, in bounded time, and never reads a file or the network.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLoopback, type LoopbackServer } from '../../test/helpers/loopback.ts';
import { AppError, describeError } from '../errors.ts';
import { MAX_HTML_CHARS, MAX_TITLE_CHARS } from './adapt.ts';
import { parseFeed } from './index.ts';

const URL_ = 'https://bad.example.test/feed.xml';
/** Bound for parsing a 100,000-item feed capped to a few hundred (uncapped: 2.5–5 s on this machine). */
const CAPPED_PARSE_MAX_MS = 1_500;

function rejection(text: string): AppError {
  try {
    parseFeed(text, URL_);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected parseFeed to reject the document');
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const rss = (items: string, head = '') =>
  `<?xml version="1.0"?>${head}<rss version="2.0"><channel><title>Bad input desk</title><link>https://bad.example.test/</link>${items}</channel></rss>`;
const item = (n: number) => `<item><title>Item ${n}</title><link>https://bad.example.test/${n}</link><guid>g${n}</guid></item>`;

describe('not a feed → feed_unrecognized with a reason', () => {
  test.each([
    ['HTML page', '<!DOCTYPE html><html lang="en"><head><title>Home</title></head><body><p>Hello</p></body></html>', 'looks like an HTML page'],
    ['HTML without doctype', '\n  <html><body><h1>Welcome</h1></body></html>', 'looks like an HTML page'],
    ['plain text', 'Service temporarily unavailable, try again later.', 'looks like plain text'],
    ['empty', '', 'empty'],
    ['whitespace only', '  \n\t ', 'empty'],
    ['BOM only', '\uFEFF', 'empty'],
    ['JSON array', '[1,2,3]', 'JSON array'],
    ['JSON object that is not a feed', '{"status":"ok","data":{}}', 'without a JSON Feed version'],
    ['OPML', '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="x" xmlUrl="https://a.example/"/></body></opml>', 'OPML'],
    ['sitemap index', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>', 'sitemap index'],
    ['plain sitemap', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/</loc></url></urlset>', 'without <news:news>'],
    ['other XML', '<?xml version="1.0"?><catalog><book/></catalog>', 'root element <catalog>'],
  ])('%s', (_label, text, reason) => {
    const error = rejection(text);
    expect(error.code).toBe('feed_unrecognized');
    expect(error.message).toMatch(/^not a feed: /);
    expect(error.message).toContain(reason);
  });
});

test('an HTML page that advertises feeds names them in the error', () => {
  const page = `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/markets/feed.xml"><link rel="alternate" type="application/atom+xml" href="https://bad.example.test/atom"></head><body>Home</body></html>`;
  const error = rejection(page);
  expect(error.code).toBe('feed_unrecognized');
  expect(error.message).toBe(
    'not a feed: looks like an HTML page; the page links to feeds: https://bad.example.test/markets/feed.xml, https://bad.example.test/atom',
  );
  expect(error.details?.feedLinks).toEqual(['https://bad.example.test/markets/feed.xml', 'https://bad.example.test/atom']);
});

describe('broken beyond repair → feed_invalid', () => {
  test('truncated before any item', () => {
    const error = rejection('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut');
    expect(error.code).toBe('feed_invalid');
    expect(error.message).toContain('could not be recovered');
    // The one-line description used for source health says it once, without feedsmith's generic wrapper.
    expect(describeError(error)).toBe(error.message);
    expect(describeError(error)).not.toContain('Invalid feed format');
  });
  test('truncated JSON Feed', () => {
    const error = rejection('{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[{"id":"1"');
    expect(error.code).toBe('feed_invalid');
    expect(error.message).toContain('invalid JSON');
  });
});

describe('lenient where it can be', () => {
  test('junk before the root element is skipped with a warning', () => {
    const parsed = parseFeed(`Warning: something failed in /var/www/feed.php\n${rss(item(1))}`, URL_);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.warnings.join(' ')).toContain('before the root element');
  });
  test('a bare ampersand in a title does not lose the feed', () => {
    const parsed = parseFeed(rss('<item><title>Profit & loss</title><link>https://bad.example.test/pl</link></item>'), URL_);
    expect(parsed.items[0]?.title).toBe('Profit & loss');
  });
  test('javascript: and data: links are not item URLs', () => {
    const parsed = parseFeed(
      rss(`<item><title>a</title><link>javascript:alert(1)</link></item><item><title>b</title><link>data:text/html,hi</link></item>${item(3)}`),
      URL_,
    );
    expect(parsed.items.map((i) => i.url)).toEqual(['https://bad.example.test/3']);
    expect(parsed.warnings.join(' ')).toContain('2 item(s) without a usable http(s) link');
  });
  test('NUL, control characters and lone surrogates never reach the output', () => {
    const parsed = parseFeed(rss('<item><title>A\u0000B\u0007C \uD800 D</title><link>https://bad.example.test/x</link></item>'), URL_);
    expect(parsed.items[0]?.title).toBe('ABC \uFFFD D');
  });
  test('over-long fields are cut to the documented maximum', () => {
    const longTitle = 'word '.repeat(400);
    const longUrl = `https://bad.example.test/${'x'.repeat(5_000)}`;
    const parsed = parseFeed(
      rss(`<item><title>${longTitle}</title><link>https://bad.example.test/t</link><description>${'y'.repeat(1_200_000)}</description></item>` +
        `<item><title>long link</title><link>${longUrl}</link></item>`),
      URL_,
    );
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]?.title?.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(parsed.items[0]?.title?.endsWith('word…')).toBe(true);
    expect(parsed.items[0]?.summaryHtml?.length).toBe(MAX_HTML_CHARS);
    expect(parsed.warnings).toContain('1 item(s) had over-long fields, cut to the documented maximum');
    expect(parsed.warnings).toContain('1 item(s) without a usable http(s) link were skipped');
  });
  test('duplicate items are dropped', () => {
    const parsed = parseFeed(rss(item(1) + item(1) + item(2)), URL_);
    expect(parsed.items.map((i) => i.guid)).toEqual(['g1', 'g2']);
    expect(parsed.warnings.join(' ')).toContain('1 duplicate');
  });
  test('future dates are ignored when now is given', () => {
    const text = rss('<item><title>x</title><link>https://bad.example.test/x</link><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>');
    const parsed = parseFeed(text, URL_, { now: new Date('2026-11-25T00:00:00Z') });
    expect(parsed.items[0]?.publishedAt).toBeNull();
    expect(parsed.warnings.join(' ')).toContain('in the future');
  });
  test('wrong charset: a Latin-1 document decoded as UTF-8 still parses, with replacement characters', () => {
    const latin1 = Buffer.from(rss('<item><title>Caf\u00e9 prices</title><link>https://bad.example.test/cafe</link></item>'), 'latin1');
    const parsed = parseFeed(latin1.toString('utf8'), URL_);
    expect(parsed.items[0]?.title).toBe('Caf\uFFFD prices');
  });
  test('wrong charset: UTF-8 decoded as Latin-1 gives mojibake, not a failure', () => {
    const utf8 = Buffer.from(rss('<item><title>Caf\u00e9 \u20ac</title><link>https://bad.example.test/cafe</link></item>'), 'utf8');
    const parsed = parseFeed(utf8.toString('latin1'), URL_);
    expect(parsed.items[0]?.title).toMatch(/^Caf/);
  });
  test('a declared encoding that differs from the decoded string is ignored', () => {
    const parsed = parseFeed(rss(item(1)).replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1252"?>'), URL_);
    expect(parsed.items).toHaveLength(1);
  });
  test('a byte-order mark is skipped', () => {
    expect(parseFeed(`\uFEFF${rss(item(1))}`, URL_).items).toHaveLength(1);
  });
  test('JSON Feed with __proto__ keys does not pollute Object.prototype', () => {
    const text = '{"version":"https://jsonfeed.org/version/1.1","title":"x","__proto__":{"polluted":1},"items":[{"id":"1","url":"https://bad.example.test/1","__proto__":{"polluted":2}}]}';
    const parsed = parseFeed(text, URL_);
    expect(parsed.items).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('size and depth limits', () => {
  const huge = rss(Array.from({ length: 100_000 }, (_, i) => item(i)).join(''));

  test('100,000 RSS items are capped by maxItems quickly', () => {
    const { value, ms } = timed(() => parseFeed(huge, URL_, { maxItems: 200 }));
    expect(value.items).toHaveLength(200);
    expect(value.items[199]?.guid).toBe('g199');
    expect(value.warnings.join(' ')).toContain('only the first 200');
    // Parsing all 100,000 takes 2.5–5 s here; the cut makes it a few ms. The bound leaves room for a busy shared machine.
    expect(ms).toBeLessThan(CAPPED_PARSE_MAX_MS);
  });

  test('100,000 Atom entries are capped too', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => `<entry><id>e${i}</id><title>E${i}</title><link href="/e/${i}"/><updated>2026-11-01T00:00:00Z</updated></entry>`).join('');
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Big</title><id>big</id><updated>2026-11-01T00:00:00Z</updated>${entries}</feed>`;
    const { value, ms } = timed(() => parseFeed(atom, URL_, { maxItems: 50 }));
    expect(value.items).toHaveLength(50);
    expect(ms).toBeLessThan(CAPPED_PARSE_MAX_MS);
  });

  test('100,000 JSON Feed items are capped', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Big',
      items: Array.from({ length: 100_000 }, (_, i) => ({ id: `j${i}`, url: `https://bad.example.test/${i}`, title: `J${i}` })),
    });
    const { value, ms } = timed(() => parseFeed(json, URL_, { maxItems: 100 }));
    expect(value.items).toHaveLength(100);
    expect(value.warnings.join(' ')).toContain('100000 items');
    expect(ms).toBeLessThan(2_000);
  });

  const dated = (n: number) =>
    `<item><title>Item ${n}</title><link>https://bad.example.test/${n}</link><guid>g${n}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toUTCString()}</pubDate></item>`;

  test('a capped feed listed oldest first keeps its newest items', () => {
    const oldestFirst = rss(Array.from({ length: 300 }, (_, i) => dated(i)).join(''));
    const parsed = parseFeed(oldestFirst, URL_, { maxItems: 50 });
    expect(parsed.items.map((i) => i.guid)).toEqual(Array.from({ length: 50 }, (_, i) => `g${250 + i}`));
    expect(parsed.warnings.join(' ')).toContain('listed oldest first; only the last (newest) 50 were read');
  });

  test('a capped feed listed newest first keeps its first items', () => {
    const newestFirst = rss(Array.from({ length: 300 }, (_, i) => dated(299 - i)).join(''));
    const parsed = parseFeed(newestFirst, URL_, { maxItems: 50 });
    expect(parsed.items[0]?.guid).toBe('g299');
    expect(parsed.items).toHaveLength(50);
    expect(parsed.warnings.join(' ')).toContain('only the first 50 were read');
  });

  test('a capped JSON Feed listed oldest first keeps its newest items', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Oldest first',
      items: Array.from({ length: 120 }, (_, i) => ({ id: `j${i}`, url: `https://bad.example.test/j${i}`, date_published: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() })),
    });
    const parsed = parseFeed(json, URL_, { maxItems: 20 });
    expect(parsed.items[0]?.guid).toBe('j100');
    expect(parsed.warnings.join(' ')).toContain('120 items listed oldest first');
  });

  test('without maxItems the default cap still bounds the result', () => {
    expect(parseFeed(huge, URL_).items).toHaveLength(10_000);
  });

  test('a news sitemap with 100,000 URLs is capped', () => {
    const urls = Array.from(
      { length: 100_000 },
      (_, i) => `<url><loc>https://bad.example.test/s/${i}</loc><news:news><news:title>S${i}</news:title><news:publication_date>2026-11-24</news:publication_date></news:news></url>`,
    ).join('');
    const text = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls}</urlset>`;
    const { value, ms } = timed(() => parseFeed(text, URL_, { maxItems: 100 }));
    expect(value.format).toBe('sitemap');
    expect(value.items).toHaveLength(100);
    expect(value.warnings.join(' ')).toContain('more than 100 entries');
    expect(ms).toBeLessThan(CAPPED_PARSE_MAX_MS);
  });

  test('a 10 MB one-line title is cut quickly', () => {
    const text = rss(`<item><title>${'w '.repeat(5_000_000)}</title><link>https://bad.example.test/w</link></item>`);
    const { value, ms } = timed(() => parseFeed(text, URL_));
    expect(value.items[0]?.title?.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(ms).toBeLessThan(CAPPED_PARSE_MAX_MS * 2);
  });

  test('a DTD larger than the root search window does not hide the feed', () => {
    const doctype = `<!DOCTYPE rss [<!ENTITY pad "${'p'.repeat(100_000)}">]>`;
    expect(parseFeed(rss(item(1), doctype), URL_).items).toHaveLength(1);
  });

  test('deeply nested XML is refused without a stack overflow', () => {
    const depth = 200_000;
    const text = rss(`<item><title>x</title><link>https://bad.example.test/x</link><extra>${'<d>'.repeat(depth)}${'</d>'.repeat(depth)}</extra></item>`);
    const { value: error, ms } = timed(() => rejection(text));
    expect(error.code).toBe('feed_invalid');
    expect(error.message).toContain('nested too deeply');
    expect(ms).toBeLessThan(2_000);
  });

  test('deeply nested JSON does not crash', () => {
    const depth = 100_000;
    const text = `{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[{"id":"1","url":"https://bad.example.test/1","extra":${'['.repeat(depth)}${']'.repeat(depth)}}]}`;
    expect(parseFeed(text, URL_).items).toHaveLength(1);
  });
});

describe('XML attacks', () => {
  let dir: string;
  let secretFile: string;
  let canary: LoopbackServer;
  const SECRET = 'tickerwire-canary-secret-4711';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tw-xxe-'));
    secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, SECRET);
    canary = await startLoopback((_req, res) => {
      res.end(`<!ENTITY leak "${SECRET}">`);
    });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await canary.close();
  });

  function attempt(text: string): string {
    try {
      return JSON.stringify(parseFeed(text, URL_));
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).message;
    }
  }

  test.each([
    ['file SYSTEM entity', () => `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "${pathToFileURL(secretFile).href}">]>`, '&xxe;'],
    ['http SYSTEM entity', () => `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "${canary.url}/entity">]>`, '&xxe;'],
    ['PUBLIC entity', () => `<!DOCTYPE rss [<!ENTITY xxe PUBLIC "-//x//y" "${canary.url}/public">]>`, '&xxe;'],
    ['parameter entity', () => `<!DOCTYPE rss [<!ENTITY % ext SYSTEM "${canary.url}/param.dtd"> %ext;]>`, '&leak;'],
    ['external DTD', () => `<!DOCTYPE rss SYSTEM "${canary.url}/rss.dtd">`, '&leak;'],
  ])('%s: no file read, no request made, no secret in the output', (_label, doctype, ref) => {
    const text = rss(`<item><title>${ref}</title><link>https://bad.example.test/x</link></item>`, doctype());
    const outcome = attempt(text);
    expect(outcome).not.toContain(SECRET);
    expect(canary.requests).toHaveLength(0);
  });

  test.each([
    ['SYSTEM', () => `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "${pathToFileURL(secretFile).href}">]>`, 'external entities'],
    ['PUBLIC', () => `<!DOCTYPE rss [<!ENTITY xxe PUBLIC "-//x//y" "${canary.url}/p">]>`, 'external entities'],
    ['parameter', () => `<!DOCTYPE rss [<!ENTITY % ext SYSTEM "${canary.url}/p.dtd"> %ext;]>`, 'parameter entities'],
  ])('%s entity declarations are refused with a clear reason', (_label, doctype, reason) => {
    const error = rejection(rss(item(1), doctype()));
    expect(error.code).toBe('feed_invalid');
    expect(error.message).toContain(reason);
    expect(error.message).toContain('refused');
  });

  test('an external DTD reference alone (RSS 0.91 style) is harmless and parses', () => {
    expect(parseFeed(rss(item(1), `<!DOCTYPE rss SYSTEM "${canary.url}/rss.dtd">`), URL_).items).toHaveLength(1);
    expect(canary.requests).toHaveLength(0);
  });

  test('a news sitemap with an external entity is refused before parsing', () => {
    const text = `<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "${pathToFileURL(secretFile).href}">]><urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://bad.example.test/&xxe;</loc><news:news><news:title>&xxe;</news:title></news:news></url></urlset>`;
    const error = rejection(text);
    expect(error.code).toBe('feed_invalid');
    expect(error.message).not.toContain(SECRET);
  });

  test('billion laughs: no expansion, bounded time', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const doctype = `<!DOCTYPE rss [<!ENTITY l0 "ha">${levels}]>`;
    const text = rss('<item><title>&l9;</title><link>https://bad.example.test/lol</link><description>&l9;&l9;</description></item>', doctype);
    const { value, ms } = timed(() => parseFeed(text, URL_));
    expect(ms).toBeLessThan(1_000);
    expect(JSON.stringify(value).length).toBeLessThan(2_000);
    expect(value.items[0]?.title).toBe('&l9;');
  });

  test('quadratic blowup: one large entity referenced many times is not expanded', () => {
    const doctype = `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(50_000)}">]>`;
    const text = rss(`<item><title>q</title><link>https://bad.example.test/q</link><description>${'&big;'.repeat(20_000)}</description></item>`, doctype);
    const { value, ms } = timed(() => parseFeed(text, URL_));
    expect(ms).toBeLessThan(2_000);
    expect(value.items[0]?.summaryHtml?.length ?? 0).toBeLessThan(200_000);
  });
});
