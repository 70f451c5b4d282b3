import { describe, expect, test } from 'vitest';
import { countWords, cutAtWord, excerptOf, readingMinutesOf } from './excerpt.ts';

describe('excerptOf', () => {
  const body = [
    'Harbor approves electric cranes',
    'The port authority approved six electric cranes on Tuesday, ending a long debate about diesel use at the terminal.',
    'The port authority approved six electric cranes on Tuesday, ending a long debate about diesel use at the terminal.',
    'Deliveries start next spring and the old machines retire after thirty years on the quay, officials said in a statement.',
    'The post Harbor approves electric cranes appeared first on Lindenhaven Ledger.',
  ].join('\n\n');

  test('skips the title, repeats and syndication footers and cuts at a word boundary', () => {
    const e = excerptOf(body, 'Harbor approves electric cranes', 200);
    expect(e.startsWith('The port authority approved')).toBe(true);
    expect(e.match(/The port authority approved/g)).toHaveLength(1);
    expect(e).not.toMatch(/appeared first on|Harbor approves/);
    expect(e.length).toBeLessThanOrEqual(200);
    expect(e.endsWith('…')).toBe(true);
    expect(e.slice(0, -1)).toMatch(/\p{L}$/u);
    const words = body.split(/\s+/);
    expect(words).toContain(e.slice(0, -1).split(' ').pop());
  });

  test('short text is returned whole, without ellipsis', () => {
    expect(excerptOf('Rates held steady.', 'Other title')).toBe('Rates held steady.');
  });

  test('respects maxChars', () => {
    expect(excerptOf(body, '', 50).length).toBeLessThanOrEqual(50);
  });

  test('drops a title prefix glued to the first paragraph', () => {
    expect(excerptOf('Cranes approved: the board voted yes.', 'Cranes approved')).toBe('the board voted yes.');
  });
});

describe('word count and reading time', () => {
  test('counts words and CJK characters', () => {
    expect(countWords('Shares rose 2.4 percent, the index was flat.')).toBe(9);
    expect(countWords('株価が上昇')).toBe(5);
  });
  test('reading minutes are at least one and round up at 230 wpm', () => {
    expect(readingMinutesOf(0)).toBe(1);
    expect(readingMinutesOf(230)).toBe(1);
    expect(readingMinutesOf(231)).toBe(2);
  });
  test('cutAtWord', () => {
    expect(cutAtWord('alpha beta gamma delta', 12)).toBe('alpha beta…');
  });
});
