/**
 * @module instruments/search — instrument lookup for `GET /api/instruments?q=` and the CLI.
 */
import type { InstrumentIndex } from './load.ts';
import type { Instrument } from './types.ts';

/** Results returned when the caller gives no limit. */
const DEFAULT_LIMIT = 20;

/**
 * Find instruments by id, symbol, name or alias (case-insensitive). Exact id/symbol first, then alias and name
 * prefixes, then substrings; higher rank first within each tier.
 * @example searchInstruments(index, 'nvid') // [Nvidia, …]
 */
export function searchInstruments(index: InstrumentIndex, query: string, limit = DEFAULT_LIMIT): Instrument[] {
  const q = query.trim().toLowerCase().replace(/^\$/, '');
  if (!q) return [];
  const scored: Array<{ inst: Instrument; score: number }> = [];
  for (const inst of index.byId.values()) {
    const names = [inst.name, ...inst.aliases.map((a) => a.text)].map((n) => n.toLowerCase());
    let score = 0;
    if (inst.id.toLowerCase() === q || inst.symbol.toLowerCase() === q) score = 100;
    else if (names.some((n) => n === q)) score = 80;
    else if (names.some((n) => n.startsWith(q)) || inst.symbol.toLowerCase().startsWith(q)) score = 60;
    else if (q.length >= 3 && names.some((n) => n.includes(q))) score = 40;
    if (score > 0) scored.push({ inst, score: score + inst.rank });
  }
  scored.sort((a, b) => b.score - a.score || a.inst.symbol.length - b.inst.symbol.length || a.inst.id.localeCompare(b.inst.id));
  return scored.slice(0, limit).map((s) => s.inst);
}
