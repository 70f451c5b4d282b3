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
