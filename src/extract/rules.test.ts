import { describe, expect, test } from 'vitest';
import { DEFAULT_RULES, mergeRules } from './rules.ts';
import { compileSelector } from './selector.ts';
import { createElement } from './tree.ts';

describe('mergeRules', () => {
  test('no overrides gives the defaults object itself', () => {
    expect(mergeRules(undefined)).toBe(DEFAULT_RULES);
  });
  test('overrides are appended, defaults kept', () => {
    const merged = mergeRules({ text: { nl: [{ rule: 'related', reason: 'Dutch label', pattern: '^lees ook', maxChars: 80 }] }, classes: [{ rule: 'x', reason: 'x', pattern: 'x-box' }], sites: { 'a.example': [{ selector: '.promo', reason: 'promo' }] } });
    expect(merged.text.nl).toHaveLength(1);
    expect(merged.text.en?.length).toBe(DEFAULT_RULES.text.en?.length);
    expect(merged.classes.length).toBe(DEFAULT_RULES.classes.length + 1);
    expect(merged.sites['a.example']).toHaveLength(1);
    expect(DEFAULT_RULES.sites['a.example']).toBeUndefined();
  });
  test('every default pattern compiles', () => {
    for (const list of Object.values(DEFAULT_RULES.text)) for (const r of list) expect(() => new RegExp(r.pattern, 'iu')).not.toThrow();
    for (const r of DEFAULT_RULES.classes) expect(() => new RegExp(r.pattern, 'i')).not.toThrow();
  });
});

describe('compileSelector', () => {
  const el = createElement('div', { class: 'promo wide', id: 'shop', 'data-kind': 'ad' });
  test.each([
    ['div', true], ['.promo', true], ['div.promo.wide', true], ['#shop', true], ['[data-kind]', true], ['[data-kind=ad]', true],
    ['span', false], ['.narrow', false], ['#cart', false], ['[data-kind=x]', false], ['span, .wide', true],
  ])('%s → %s', (selector, expected) => {
    expect(compileSelector(selector)(el)).toBe(expected);
  });
});

describe('default text rules', () => {
  const all = Object.values(DEFAULT_RULES.text).flat();
  const rulesHit = (t: string): string[] => all.filter((r) => r.minLinkShare === undefined && t.length <= r.maxChars && new RegExp(r.pattern, r.caseSensitive === true ? 'u' : 'iu').test(t)).map((r) => r.rule);

  test.each([
    'By 2030, solar will double from 2020 levels.',
    'By contrast, in 2019 the figure was 5%.',
    'May 5, 2019 was a turning point for the company.',
    'Published results show a 5% rise in sales.',
    "The company's Pro subscription costs $9.99 per month, up from $7.99.",
    'Regulators are reviewing comments from the public on the rule.',
    'Related to the cuts, the exchange said subscribers would see a revised share count.',
    'Shares closed at 14:30 on 3 March 2026 after the halt was lifted.',
    'Categories of spending that rose most were travel and dining.',
    'Tag Heuer said sales in Asia recovered.',
  ])('a real sentence is kept: %s', (text) => {
    expect(rulesHit(text)).toEqual([]);
  });

  test.each([
    ['November 20, 2019 Emiliano Bellini', 'dateline'],
    ['Updated: Sat 8:31 PM, Feb 17, 2018', 'dateline'],
    ['By Ana Lindqvist | March 4, 2026', 'byline'],
    ['You may also like...', 'related'],
    ['Lesen Sie auch: Aluminium bleibt knapp', 'related'],
    ['Advertisement', 'advertisement'],
    ['Tags: copper, mining, metals', 'tags'],
    ['The post Rates rise appeared first on Harbor Ledger.', 'syndication'],
    ['Follow Newsbeat on Instagram, Facebook and YouTube.', 'share'],
  ])('boilerplate is caught: %s', (text, rule) => {
    expect(rulesHit(text)).toContain(rule);
  });
});
