/**
 * @module stories/story-terms — the terms a story is recognised by: lower-case words of a title or
 * lead, minus stop words and headline filler, lightly stemmed so "shares"/"share", "cuts"/"cut" meet.
 */

/** Words that say nothing about which event an article reports. */
const STOP_WORDS = new Set(
  ('a an and are as at be been but by for from has have had he her his i in is it its of on or our she ' +
    'that the their them they this to was were will with we you your not no do does did so than then ' +
    'there these those what when where which who why how all any can could may might would should about ' +
    'after before over into out up down more most new says said say report reports update updates ' +
    'just now also amid via vs video photos watch live here s t 1 2 3 ' +
    // News filler that every desk writes every day: without these, same-day articles look alike.
    'said told according percent pct per cent year years week weeks month months day days today ' +
    'yesterday monday tuesday wednesday thursday friday saturday sunday company companies million ' +
    'billion first last next one two three its while since some other said').split(' '),
);

/** A light suffix stripper (not Porter): plurals and the commonest verb endings. */
export function stemWord(word: string): string {
  const n = word.length;
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (n > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (n > 4 && word.endsWith('ed') && !word.endsWith('eed')) return word.slice(0, -2);
  if (n > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    return word.slice(0, -1);
  }
  return word;
}

const WORD = /[\p{L}\p{N}]+(?:['’&][\p{L}\p{N}]+)*/gu;

/** Story terms of a text: lower-case, stop words and 1-letter words dropped, stemmed, in order. */
export function storyTerms(text: string): string[] {
  const words = text.toLowerCase().match(WORD) ?? [];
  const terms: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/['’]s$/, '').replace(/['’]/g, '');
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.push(stemWord(word));
  }
  return terms;
}

/** The first `count` words of a text (its lead), wrappers not removed. */
export function leadOf(text: string, count: number): string {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < count) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (i >= text.length) break;
    while (i < text.length && !/\s/.test(text.charAt(i))) i++;
    seen++;
  }
  return text.slice(0, i);
}
