/**
 * @module market/coingecko — CoinGecko (aggregated crypto prices). Symbols are CoinGecko coin ids (`bitcoin`), never
 * tickers: tickers are not unique there. Change is in percent; `usd_24h_change: null` marks a stale coin.
 */
import { AppError } from '../errors.ts';
import { asArray, asRecord, type ClientOptions, createJsonGetter, requireNumber, toNumber } from './http.ts';
import type { Candle, CandleRange, MarketDataProvider } from './types.ts';

const NAME = 'coingecko';
/** Design for the Demo plan's older limit of ~30 calls/min. */
const RATE_PER_SEC = 0.5;
/** `days` of /coins/{id}/ohlc per range (the endpoint accepts 1, 7, 14, 30, 90, 180, 365). */
const DAYS: Record<CandleRange, number> = { '1D': 1, '1W': 7, '1M': 30, '1Y': 365 };

/** Options: a Demo API key is sent as `x-cg-demo-api-key` when given; `vsCurrency` defaults to usd. */
export interface CoinGeckoOptions extends ClientOptions {
  apiKey?: string;
  vsCurrency?: string;
}

/**
 * CoinGecko simple price and OHLC candles.
 * @example createCoinGeckoProvider({ baseUrl: server.url }).getQuote('bitcoin')
 */
export function createCoinGeckoProvider(opts: CoinGeckoOptions = {}): MarketDataProvider {
  const vs = (opts.vsCurrency ?? 'usd').toLowerCase();
  const baseFetch = opts.fetch ?? fetch;
  const keyed: typeof fetch = opts.apiKey
    ? (input, init) => baseFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-cg-demo-api-key': opts.apiKey ?? '' } })
    : baseFetch;
  const get = createJsonGetter(NAME, 'https://api.coingecko.com/api/v3', { ...opts, fetch: keyed }, RATE_PER_SEC);
  const coin = (symbol: string) => {
    const id = symbol.trim().toLowerCase();
    if (!/^[a-z0-9-]+$/.test(id)) throw new AppError('bad_request', `${NAME}: coin id must look like "bitcoin", got "${symbol}"`);
    return id;
  };
  return {
    name: NAME,
    async getQuote(symbol) {
      const id = coin(symbol);
      const body = asRecord(await get('/simple/price', { ids: id, vs_currencies: vs, include_24hr_change: 'true', include_24hr_vol: 'true', include_last_updated_at: 'true' }), NAME, 'simple price');
      if (!(id in body)) throw new AppError('not_found', `${NAME}: no price for ${id}`);
      const row = asRecord(body[id], NAME, `price of ${id}`);
      const updated = toNumber(row.last_updated_at);
      return {
        symbol: id,
        price: requireNumber(row[vs], NAME, vs),
        changePct: toNumber(row[`${vs}_24h_change`]),
        changeWindow: '24h',
        open: null,
        high: null,
        low: null,
        volume: toNumber(row[`${vs}_24h_vol`]),
        currency: vs.toUpperCase(),
        asOf: new Date(updated === null ? Date.now() : updated * 1000),
        provider: NAME,
      };
    },
    async getCandles(symbol, range) {
      const rows = asArray(await get(`/coins/${coin(symbol)}/ohlc`, { vs_currency: vs, days: DAYS[range] }), NAME, 'ohlc');
      return rows
        .map((r): Candle => {
          const a = asArray(r, NAME, 'ohlc row');
          const n = (i: number, f: string) => requireNumber(a[i], NAME, f);
          return { time: n(0, 'time'), open: n(1, 'open'), high: n(2, 'high'), low: n(3, 'low'), close: n(4, 'close'), volume: 0 };
        })
        .sort((a, b) => a.time - b.time);
    },
  };
}
