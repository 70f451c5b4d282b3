import { describe, expect, test } from 'vitest';
import { absoluteUrl, cleanTitle } from './text.ts';

describe('cleanTitle', () => {
  test.each([
    ['tags stripped', 'Copper <em>rallies</em> <br/>again', 'Copper rallies again'],
    ['entities decoded', 'AT&amp;T &mdash; Q3', 'AT&T — Q3'],
    ['numeric entity left by a double-escaping publisher', 'It&#8217;s up', 'It’s up'],
    ['ticker in angle brackets kept', 'Index <SPX> flat', 'Index <SPX> flat'],
    ['leaked CDATA unwrapped', '<![CDATA[Bonds firm]]>', 'Bonds firm'],
    ['literal ]]> kept', 'a ]]> b', 'a ]]> b'],
    ['whitespace collapsed', '  Two\n\t lines\u00a0here ', 'Two lines here'],
  ])('%s', (_label, input, expected) => {
    expect(cleanTitle(input)).toBe(expected);
  });
  test.each([[''], ['   '], ['<b></b>'], [undefined], [42]])('nothing left → null (%s)', (input) => {
    expect(cleanTitle(input)).toBeNull();
  });
});

describe('absoluteUrl', () => {
  test('resolves relative links and keeps only http(s)', () => {
    expect(absoluteUrl('../b?q=1', 'https://a.example/x/y/')).toBe('https://a.example/x/b?q=1');
    expect(absoluteUrl('//cdn.example/i.png', 'https://a.example/')).toBe('https://cdn.example/i.png');
    expect(absoluteUrl('javascript:alert(1)', 'https://a.example/')).toBeNull();
    expect(absoluteUrl('file:///etc/passwd', null)).toBeNull();
    expect(absoluteUrl('relative/only', null)).toBeNull();
  });
});
