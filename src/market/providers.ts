/**
 * @module market/providers — build a provider from its configured name (what `TICKERWIRE_MARKET_*` style settings hold).
 */
import { AppError } from '../errors.ts';
import { createBinanceProvider, createMexcProvider } from './binance.ts';
import { createCoinbaseProvider } from './coinbase.ts';
import { createCoinGeckoProvider } from './coingecko.ts';
import { createCsvProvider, readCsvFromDirectory } from './csv.ts';
import { createDemoProvider } from './demo-server.ts';
import type { ProviderName } from './symbols.ts';
import type { MarketDataProvider } from './types.ts';

/** Settings for one provider. */
export interface ProviderSpec {
  name: ProviderName;
  /** REST base URL override (required for `demo`). */
  baseUrl?: string;
  /** CoinGecko Demo API key. */
  apiKey?: string;
  /** Directory of `<instrument id>.csv` files for `csv`. */
  csvDir?: string;
  timeoutMs?: number;
}

/**
 * Create the provider a spec names.
 * @throws AppError `config_invalid` when `demo` lacks a base URL or `csv` lacks a directory.
 */
export function createProvider(spec: ProviderSpec): MarketDataProvider {
  const common = { ...(spec.baseUrl ? { baseUrl: spec.baseUrl } : {}), ...(spec.timeoutMs ? { timeoutMs: spec.timeoutMs } : {}) };
  switch (spec.name) {
    case 'binance':
      return createBinanceProvider(common);
    case 'mexc':
      return createMexcProvider(common);
    case 'coinbase':
      return createCoinbaseProvider(common);
    case 'coingecko':
      return createCoinGeckoProvider({ ...common, ...(spec.apiKey ? { apiKey: spec.apiKey } : {}) });
    case 'csv':
      if (!spec.csvDir) throw new AppError('config_invalid', 'market provider csv needs a directory of candle files');
      return createCsvProvider({ read: readCsvFromDirectory(spec.csvDir) });
    case 'demo':
      if (!spec.baseUrl) throw new AppError('config_invalid', 'market provider demo needs the demo server URL');
      return createDemoProvider(spec.baseUrl);
  }
}
