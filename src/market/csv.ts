/**
 * @module market/csv — candles imported from CSV files in the Stooq/Yahoo column format
 * (`Date,Open,High,Low,Close[,Adj Close],Volume`), for anything no live provider covers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import type { Candle, CandleRange, MarketDataProvider } from './types.ts';

const NAME = 'csv';
/** How far back each range reaches from the newest candle in the file. */
const RANGE_MS: Record<CandleRange, number> = { '1D': 86_400_000, '1W': 7 * 86_400_000, '1M': 31 * 86_400_000, '1Y': 366 * 86_400_000 };

/** Parse a date cell: ISO date/time (UTC when no zone is given), `YYYYMMDD`, or epoch seconds/ms. */
function parseTime(cell: string): number {
  const s = cell.trim();
  if (/^\d{8}$/.test(s)) return Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)));
  if (/^\d{9,13}$/.test(s)) return s.length <= 10 ? Number(s) * 1000 : Number(s);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s.replace(' ', 'T')}Z`;
  return Date.parse(iso);
}

/**
 * Parse candle CSV text. Rows with a bad date or price are skipped (a value, not an error), as are empty cells
 * ("null" rows in Yahoo exports).
 * @throws AppError `feed_invalid` when the header lacks Date/Open/High/Low/Close.
 */
export function parseCandleCsv(text: string): Candle[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [d, o, h, l, c, v] = [col('date') >= 0 ? col('date') : col('time'), col('open'), col('high'), col('low'), col('close'), col('volume')];
  if (d < 0 || o < 0 || h < 0 || l < 0 || c < 0) throw new AppError('feed_invalid', `${NAME}: header must name Date, Open, High, Low, Close (got "${header.join(',')}")`);
  const candles: Candle[] = [];
  for (const line of lines) {
    const cells = line.split(',');
    const num = (i: number) => (i >= 0 && cells[i]?.trim() ? Number(cells[i]) : Number.NaN);
    const candle = { time: parseTime(cells[d] ?? ''), open: num(o), high: num(h), low: num(l), close: num(c), volume: v >= 0 ? num(v) : 0 };
    if ([candle.time, candle.open, candle.high, candle.low, candle.close].every(Number.isFinite)) {
      candles.push({ ...candle, volume: Number.isFinite(candle.volume) ? candle.volume : 0 });
    }
  }
  return candles.sort((a, b) => a.time - b.time);
}

/** Options for the CSV provider. */
export interface CsvProviderOptions {
  /** CSV text for a symbol, or null when there is none. */
  read: (symbol: string) => Promise<string | null>;
  /** Quote currency per symbol (default USD). */
  currencyOf?: (symbol: string) => string;
}

/** Read `<dir>/<symbol>.csv` (symbol sanitised to a file name); null when the file does not exist. */
export function readCsvFromDirectory(dir: string): (symbol: string) => Promise<string | null> {
  return async (symbol) => {
    const file = join(dir, `${symbol.replace(/[^A-Za-z0-9._-]/g, '_')}.csv`);
    try {
      return await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AppError('fetch_failed', `${NAME}: cannot read ${file}`, { cause: err });
    }
  };
}

/**
 * A provider over imported CSV candles: the quote is the last close against the previous close.
 * @example createCsvProvider({ read: readCsvFromDirectory('data/candles') })
 */
export function createCsvProvider(opts: CsvProviderOptions): MarketDataProvider {
  const load = async (symbol: string) => {
    const text = await opts.read(symbol);
    const candles = text === null ? [] : parseCandleCsv(text);
    if (candles.length === 0) throw new AppError('not_found', `${NAME}: no candles for ${symbol}`);
    return candles;
  };
  return {
    name: NAME,
    async getQuote(symbol) {
      const candles = await load(symbol);
      const last = candles.at(-1);
      if (!last) throw new AppError('not_found', `${NAME}: no candles for ${symbol}`);
      const prev = candles.at(-2);
      return {
        symbol,
        price: last.close,
        changePct: prev ? Math.round(((last.close - prev.close) / prev.close) * 100 * 1e4) / 1e4 : null,
        changeWindow: 'session',
        open: last.open,
        high: last.high,
        low: last.low,
        volume: last.volume,
        currency: opts.currencyOf?.(symbol) ?? 'USD',
        asOf: new Date(last.time),
        provider: NAME,
      };
    },
    async getCandles(symbol, range) {
      const candles = await load(symbol);
      const since = (candles.at(-1)?.time ?? 0) - RANGE_MS[range];
      return candles.filter((c) => c.time >= since);
    },
  };
}
