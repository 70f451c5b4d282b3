import { expect, test } from 'vitest';
import { DEMO_OUTLETS } from '../demo/content/index.ts';
import type { DemoBlock } from '../demo/types.ts';
import { hkCode } from './mentions.ts';
import { linkInstruments } from './link.ts';
import { loadInstruments } from './load.ts';

const index = loadInstruments();
const PREFIX: Record<string, string> = { NASDAQ: 'us:', NYSE: 'us:', HKEX: 'hk:', SSE: 'cn:', SZSE: 'cn:', CRYPTO: 'crypto:', INDEX: 'idx:' };
const blockText = (b: DemoBlock) => (typeof b === 'string' ? b : 'heading' in b ? b.heading : 'quote' in b ? b.quote : b.list.join('\n'));

/** `HKEX:0981` → `hk:0981`; labels for things we do not ship (rates) map to nothing. */
function toId(label: string): string | undefined {
  const [venue = '', symbol = ''] = label.split(':');
  const prefix = PREFIX[venue];
  if (!prefix) return undefined;
  return prefix + (prefix === 'hk:' ? hkCode(symbol) : symbol);
}

const articles = DEMO_OUTLETS.flatMap((o) => o.articles.map((a) => ({ outlet: o, a })));

test.each(articles.map(({ outlet, a }) => [`${outlet.key}/${a.slug}`, outlet, a] as const))('demo article %s: labelled instruments linked, traps not', (_, outlet, a) => {
  const links = linkInstruments(index, { title: a.title, text: a.body.map(blockText).join('\n\n'), lang: a.lang ?? outlet.lang });
  const got = links.map((l) => l.instrumentId);
  const gold = a.labels.instruments.map(toId).filter((id): id is string => id !== undefined);
  expect(got).toEqual(expect.arrayContaining(gold));
  for (const trap of a.labels.traps ?? []) {
    const wrong = links.filter((l) => l.symbol === trap.toUpperCase() && !gold.includes(l.instrumentId));
    expect(wrong, `trap ${trap}`).toEqual([]);
  }
  // The most salient link is a labelled one (or ties with one).
  const best = Math.max(...links.filter((l) => gold.includes(l.instrumentId)).map((l) => l.salience));
  if (gold.length > 0) expect(best).toBe(links[0]?.salience);
});
