/**
 * @module instruments/load — the shipped reference data and the lookup index the linker uses.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tokenize } from './text.ts';
import type { AliasStrength, ExtraInstruments, Instrument, InstrumentAlias, InstrumentDataFile } from './types.ts';

/** The shipped data file, built by scripts/build-instruments.ts. */
const DATA_FILE = new URL('./data/instruments.json.gz', import.meta.url);

/** One alias in the n-gram matcher: its token keys after the first, and how it must be matched. */
export interface AliasEntry {
  instrumentId: string;
  /** Lower-cased token keys of the whole alias. */
  keys: string[];
  /** Original alias tokens (exact matches compare them). */
  tokens: string[];
  /** Per alias token: it starts with a capital, so the text token must too. */
  caps: boolean[];
  strength: AliasStrength;
  exact: boolean;
}

/** Everything the linker needs, built once. */
export interface InstrumentIndex {
  byId: Map<string, Instrument>;
  /** First token key → aliases starting with it, longest first. */
  aliasesByFirstKey: Map<string, AliasEntry[]>;
  /** First token key → second token key → aliases of two or more tokens starting with them, longest first. */
  aliasesByPair: Map<string, Map<string, AliasEntry[]>>;
  /** Token key → one-token aliases. */
  singleAliases: Map<string, AliasEntry[]>;
  /** Upper-case symbol → instruments with that symbol (cashtags, qualified tickers). */
  bySymbol: Map<string, Instrument[]>;
  /** OTC ADR ticker → instrument (e.g. `TCEHY` → `hk:0700`). */
  byOtcTicker: Map<string, Instrument>;
  /** Lower-case words never linked from their word use alone. */
  ambiguousWords: Set<string>;
  size: number;
}

let cached: InstrumentIndex | undefined;

/**
 * The instrument index over the shipped reference data, plus `extra` instruments and aliases (from config).
 * Built lazily once per process when `extra` is absent; a call with `extra` builds a fresh index.
 * @throws Error when the shipped data file is missing or corrupt (a build problem, not an expected outcome).
 */
export function loadInstruments(extra?: ExtraInstruments): InstrumentIndex {
  if (!extra && cached) return cached;
  const data = JSON.parse(gunzipSync(readFileSync(DATA_FILE)).toString('utf8')) as InstrumentDataFile;
  const index = buildInstrumentIndex(data, extra);
  if (!extra) cached = index;
  return index;
}

/** Build an index from a data file and optional extras (pure; used by loadInstruments and tests). */
export function buildInstrumentIndex(data: InstrumentDataFile, extra?: ExtraInstruments): InstrumentIndex {
  const byId = new Map<string, Instrument>();
  for (const inst of data.instruments) byId.set(inst.id, inst);
  for (const inst of extra?.instruments ?? []) byId.set(inst.id, inst);
  for (const [id, list] of Object.entries(extra?.aliases ?? {})) {
    const inst = byId.get(id);
    if (!inst) continue;
    const added: InstrumentAlias[] = list.map((a) => (typeof a === 'string' ? { text: a, strength: 'strong' } : a));
    byId.set(id, { ...inst, aliases: [...inst.aliases, ...added] });
  }
  const aliasesByFirstKey = new Map<string, AliasEntry[]>();
  const bySymbol = new Map<string, Instrument[]>();
  const byOtcTicker = new Map<string, Instrument>();
  for (const inst of byId.values()) {
    const sym = inst.symbol.toUpperCase();
    bySymbol.set(sym, [...(bySymbol.get(sym) ?? []), inst]);
    if (inst.tickers.otc) byOtcTicker.set(inst.tickers.otc.toUpperCase(), inst);
    for (const alias of inst.aliases) {
      const toks = tokenize(alias.text);
      const first = toks[0];
      if (!first) continue;
      const entry: AliasEntry = {
        instrumentId: inst.id,
        keys: toks.map((t) => t.key),
        tokens: toks.map((t) => t.text),
        caps: toks.map((t) => /^\p{Lu}/u.test(t.text)),
        strength: alias.strength,
        exact: alias.exact === true,
      };
      const list = aliasesByFirstKey.get(first.key);
      if (list) list.push(entry);
      else aliasesByFirstKey.set(first.key, [entry]);
    }
  }
  const aliasesByPair = new Map<string, Map<string, AliasEntry[]>>();
  const singleAliases = new Map<string, AliasEntry[]>();
  const push = <K>(map: Map<K, AliasEntry[]>, key: K, e: AliasEntry) => {
    const bucket = map.get(key);
    if (bucket) bucket.push(e);
    else map.set(key, [e]);
  };
  for (const [first, list] of aliasesByFirstKey) {
    list.sort((a, b) => b.keys.length - a.keys.length);
    for (const e of list) {
      if (e.keys.length === 1) {
        push(singleAliases, first, e);
        continue;
      }
      let seconds = aliasesByPair.get(first);
      if (!seconds) {
        seconds = new Map();
        aliasesByPair.set(first, seconds);
      }
      push(seconds, e.keys[1] ?? '', e);
    }
  }
  return {
    byId,
    aliasesByFirstKey,
    aliasesByPair,
    singleAliases,
    bySymbol,
    byOtcTicker,
    ambiguousWords: new Set(data.ambiguousWords),
    size: byId.size,
  };
}
