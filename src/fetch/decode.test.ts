import { describe, expect, it } from 'vitest';
import { chooseEncoding, decodeText } from './decode.ts';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('decodeText', () => {
  it('uses a UTF-8 BOM over everything and drops it', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>Zürich</rss>')]);
    expect(decodeText(body, 'text/xml; charset=iso-8859-2', 'xml')).toBe('<rss>Zürich</rss>');
  });

  it('reads a UTF-16LE BOM', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<feed>€</feed>', 'utf16le')]);
    expect(decodeText(body, null, 'xml')).toBe('<feed>€</feed>');
  });

  it('uses the HTTP charset for a legacy single-byte page', () => {
    // 0xE9 is é in windows-1252 and in ISO-8859-1.
    expect(decodeText(latin1('<p>caf\u00e9</p>'), 'text/html; charset=ISO-8859-1', 'html')).toBe('<p>café</p>');
  });

  it('reads the XML declaration when the header has no charset', () => {
    const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss>'), Buffer.from([0xcf, 0xf0, 0xe8]), Buffer.from('</rss>')]);
    expect(decodeText(body, 'application/rss+xml', 'xml')).toBe('<?xml version="1.0" encoding="windows-1251"?><rss>При</rss>');
  });

  it('reads <meta charset> and <meta http-equiv> in HTML', () => {
    const a = Buffer.concat([Buffer.from('<html><head><meta charset="shift_jis"></head><body>'), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from('</body>')]);
    expect(decodeText(a, 'text/html', 'html')).toContain('日本');
    const b = latin1('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>na\u00efve \u0080</p>');
    expect(decodeText(b, null, 'html')).toContain('naïve €');
  });

  it('ignores <meta> for XML and JSON, defaulting to UTF-8', () => {
    const body = Buffer.from('<rss><description>&lt;meta charset="koi8-r"&gt; <meta charset="koi8-r"/> ünï</description></rss>');
    expect(decodeText(body, 'application/xml', 'xml')).toContain('ünï');
    expect(decodeText(Buffer.from('{"t":"ünï"}'), 'application/json', 'json')).toBe('{"t":"ünï"}');
  });

  it('trusts valid UTF-8 over a wrong Latin-1 header', () => {
    expect(decodeText(Buffer.from('<p>Börse €</p>'), 'text/html; charset=iso-8859-1', 'html')).toBe('<p>Börse €</p>');
  });

  it('falls back to windows-1252 for undeclared HTML that is not UTF-8', () => {
    expect(chooseEncoding(latin1('<p>d\u00e9j\u00e0</p>'), null, 'html')).toBe('windows-1252');
    expect(chooseEncoding(Buffer.from('<p>déjà</p>'), null, 'html')).toBe('utf-8');
  });

  it('replaces invalid sequences instead of throwing, and survives unknown labels', () => {
    const broken = Buffer.concat([Buffer.from('<rss>ok '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' end</rss>')]);
    const text = decodeText(broken, 'application/xml; charset=utf-8', 'xml');
    expect(text).toContain('\ufffd');
    expect(text).toMatch(/^<rss>ok .*end<\/rss>$/);
    expect(decodeText(Buffer.from('<rss>x</rss>'), 'text/xml; charset=no-such-charset', 'xml')).toBe('<rss>x</rss>');
  });

  it('handles an empty body', () => {
    expect(decodeText(Buffer.alloc(0), null, 'html')).toBe('');
  });
});
