/**
 * @module instruments/figures — who moved how much over what period: price moves, prices, market values in
 * sentences ("Nvidia rose 4.2% on Tuesday to $181.20").
 */
import { linkInstruments } from './link.ts';
import type { InstrumentIndex } from './load.ts';
import { findMentions } from './mentions.ts';
import { splitSentences } from './text.ts';
import type { InstrumentLink } from './types.ts';

/** What a figure measures. */
export type FigureMetric = 'change_pct' | 'change_abs' | 'price' | 'market_cap' | 'revenue';

/** A number the text states about an instrument (or the market when `subject` is absent). */
export interface Figure {
  /** Instrument id the figure is about, when the index was given and a linked instrument is in the sentence. */
  subject?: string;
  metric: FigureMetric;
  /** Signed for changes (-3.1 for "fell 3.1%"). */
  value: number;
  /** `%`, `points`, or an ISO currency code (`USD`, `HKD`, `CNY`, `EUR`, `GBP`, `JPY`). */
  unit: string;
  /** The period phrase in the sentence ("on Tuesday", "this year", "in the past 24 hours"). */
  period?: string;
  sentence: string;
}

/** Options for extractFigures. */
export interface FigureOptions {
  /** Instrument index: with it figures get a `subject`. */
  index?: InstrumentIndex;
  /** Links already computed for this text (saves linking it again); only these instruments become subjects. */
  links?: InstrumentLink[];
}

/** How far before a number a direction word may stand ("rose as much as 4%" ≈ 20 chars). */
const DIRECTION_WINDOW = 40;
const UP = /\b(rose|rises|rising|gained|gains|up|jumped|jumps|climbed|climbs|surged|surges|soared|soars|rallied|rallies|advanced|added|higher|rebounded|spiked)\b/gi;
const DOWN = /\b(fell|falls|falling|down|lost|dropped|drops|slid|slides|declined|declines|tumbled|tumbles|sank|sinks|plunged|plunges|slumped|slumps|lower|shed|retreated|eased|skidded)\b/gi;
const PCT = /([+\-−])?(\d+(?:\.\d+)?)\s?(%|percent\b|per cent\b|pct\b)/gi;
const POINTS = /([+\-−])?(\d[\d,]*(?:\.\d+)?)\s?points\b/gi;
const MONEY =
  /(US\$|HK\$|\$|€|£|¥|RMB ?|CNY ?|USD ?|HKD ?|EUR ?)(\d[\d,]*(?:\.\d+)?)(?:\s?(trillion|billion|million|bn|tn|mn|m)\b)?/g;
const PERIOD =
  /\b(on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the day|the week)|(?:this|last|the past|the previous) (?:week|month|quarter|year|session)|year[- ]to[- ]date|so far this year|in (?:the )?(?:past|last) (?:24 hours|\d+ (?:hours|days|weeks|months|years)|day|week|month|year)|over the (?:past|last) (?:\d+ )?(?:hours|days|weeks|months|year|years)|in (?:early|late|premarket|pre-market|after-hours|extended|afternoon|morning) trading|overnight|intraday|since (?:January|February|March|April|May|June|July|August|September|October|November|December|the start of the year|\d{4})|in (?:the )?(?:first|second|third|fourth) quarter|year[- ]on[- ]year|from a year earlier|in \d{4})\b/i;
const CURRENCY: Record<string, string> = { US$: 'USD', $: 'USD', HK$: 'HKD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', RMB: 'CNY', CNY: 'CNY', USD: 'USD', HKD: 'HKD', EUR: 'EUR' };
const SCALE: Record<string, number> = { trillion: 1e12, tn: 1e12, billion: 1e9, bn: 1e9, million: 1e6, mn: 1e6, m: 1e6 };

/** +1 / -1 from the last direction word shortly before `at`, or 0. */
function directionBefore(sentence: string, at: number): number {
  const window = sentence.slice(Math.max(0, at - DIRECTION_WINDOW), at);
  let best = -1;
  let dir = 0;
  for (const [re, sign] of [
    [UP, 1],
    [DOWN, -1],
  ] as const) {
    for (const m of window.matchAll(re)) {
      if (m.index > best) {
        best = m.index;
        dir = sign;
      }
    }
  }
  return dir;
}

const num = (s: string) => Number(s.replace(/,/g, ''));

/** Figures in one sentence, with the offset each number starts at. */
function sentenceFigures(sentence: string): Array<Omit<Figure, 'subject' | 'sentence' | 'period'> & { at: number }> {
  const out: Array<Omit<Figure, 'subject' | 'sentence' | 'period'> & { at: number }> = [];
  for (const m of sentence.matchAll(PCT)) {
    const explicit = m[1] ? (m[1] === '+' ? 1 : -1) : 0;
    const dir = explicit || directionBefore(sentence, m.index);
    if (dir !== 0) out.push({ metric: 'change_pct', value: dir * num(m[2] ?? ''), unit: '%', at: m.index });
  }
  for (const m of sentence.matchAll(POINTS)) {
    const dir = m[1] ? (m[1] === '+' ? 1 : -1) : directionBefore(sentence, m.index);
    if (dir !== 0) out.push({ metric: 'change_abs', value: dir * num(m[2] ?? ''), unit: 'points', at: m.index });
  }
  const lower = sentence.toLowerCase();
  for (const m of sentence.matchAll(MONEY)) {
    const unit = CURRENCY[(m[1] ?? '').trim()] ?? 'USD';
    const scale = m[3] ? (SCALE[m[3].toLowerCase()] ?? 1) : 1;
    const value = num(m[2] ?? '') * scale;
    if (scale >= 1e9 && /market (?:value|cap|capitali[sz]ation)|valuation|valued at|worth/.test(lower)) {
      out.push({ metric: 'market_cap', value, unit, at: m.index });
    } else if (scale >= 1e6 && /\b(?:revenue|sales)\b/.test(lower)) {
      out.push({ metric: 'revenue', value, unit, at: m.index });
    } else if (scale === 1 && /\b(?:to|at|of|near|above|below|around|hit|topped|reached|closed|traded|trading)\s+$/i.test(sentence.slice(Math.max(0, m.index - 10), m.index))) {
      out.push({ metric: 'price', value, unit, at: m.index });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Extract stated moves, prices and values from a text. With `opts.index`, each figure's subject is the linked
 * instrument named nearest before it in its sentence (else the first one after it).
 * @example extractFigures('Nvidia rose 4% on Tuesday.', { index }) // [{ subject: 'us:NVDA', metric: 'change_pct', value: 4, unit: '%', period: 'on Tuesday', … }]
 */
export function extractFigures(text: string, opts: FigureOptions = {}): Figure[] {
  const { index } = opts;
  const links = opts.links ?? (index ? linkInstruments(index, { title: '', text }) : undefined);
  const linked = links ? new Set(links.map((l) => l.instrumentId)) : undefined;
  const figures: Figure[] = [];
  for (const s of splitSentences(text)) {
    const found = sentenceFigures(s.text);
    if (found.length === 0) continue;
    const period = PERIOD.exec(s.text)?.[1];
    const mentions =
      index && linked ? findMentions(index, s.text, { cryptoContext: false }).mentions.filter((m) => linked.has(m.instrumentId)) : [];
    for (const f of found) {
      const before = mentions.filter((m) => m.start < f.at).at(-1);
      const subject = before ?? mentions.find((m) => m.start > f.at);
      figures.push({
        ...(subject ? { subject: subject.instrumentId } : {}),
        metric: f.metric,
        value: f.value,
        unit: f.unit,
        ...(period ? { period } : {}),
        sentence: s.text,
      });
    }
  }
  return figures;
}
