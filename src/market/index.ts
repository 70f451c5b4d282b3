/**
 * @module market — quotes and candles behind one interface (Binance, MEXC, Coinbase, CSV import, demo server),
 * a stale-while-revalidate quote cache, and the provider symbol for each instrument.
 */
export { createBinanceProvider, createBinanceShapedProvider, createMexcProvider, quoteAssetOf } from './binance.ts';
export { parseMiniTicker, streamBinanceTickers, type TickerStream, type TickerStreamOptions } from './binance-stream.ts';
export { QuoteCache, type QuoteCacheOptions } from './cache.ts';
export { createCoinbaseProvider } from './coinbase.ts';
export { type CoinGeckoOptions, createCoinGeckoProvider } from './coingecko.ts';
export { createCsvProvider, type CsvProviderOptions, parseCandleCsv, readCsvFromDirectory } from './csv.ts';
export {
  createDemoMarketData,
  createDemoProvider,
  DEMO_INSTRUMENTS,
  type DemoMarketServer,
  type DemoMarketServerOptions,
  demoPrice,
  startDemoMarketServer,
} from './demo-server.ts';
export { type ClientOptions, TokenBucket } from './http.ts';
export { type CandleSeries, MarketData, type MarketDataOptions, type MarketRoute } from './market-data.ts';
export { createProvider, type ProviderSpec } from './providers.ts';
export { marketSymbolFor, type ProviderName } from './symbols.ts';
export type { Candle, CandleRange, MarketDataProvider, Quote } from './types.ts';
