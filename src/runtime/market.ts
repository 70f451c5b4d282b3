/**
 * @module runtime/market — the market service the web asks for quotes and candles by instrument id. It picks a
 * provider per asset class from the configuration (`TICKERWIRE_MARKET_CRYPTO`, `TICKERWIRE_MARKET_EQUITIES`, base
 * URLs per provider), maps each instrument to that provider's symbol, caches quotes (stale-while-revalidate) and
 * candles, and answers null instead of throwing. With the demo on it starts the loopback demo market server and
 * serves the demo instruments from it, so price boxes and charts work offline (labelled as demo data).
 */
import type { Config } from '../config/index.ts';
import type { InstrumentIndex } from '../instruments/index.ts';
import { createInstrumentSource } from './instruments.ts';
import type { AssetClass } from '../instruments/types.ts';
import type { Logger } from '../log.ts';
import {
  type Candle,
  type CandleRange,
  createDemoProvider,
  createProvider,
  DEMO_INSTRUMENTS,
  type DemoMarketServer,
  MarketData,
  type MarketRoute,
  type ProviderName,
  startDemoMarketServer,
} from '../market/index.ts';
import type { CandleSeriesView, ChartRange, MarketService } from '../web/instruments/types.ts';

/** Which provider range feeds each chart range, and how many trailing days of it to keep (null = all). */
const RANGE_SOURCE: Record<ChartRange, { range: CandleRange; days: number | null }> = {
  '1d': { range: '1D', days: null },
  '5d': { range: '1W', days: 5 },
  '1w': { range: '1W', days: null },
  '1m': { range: '1M', days: null },
  '6m': { range: '1Y', days: 183 },
  '1y': { range: '1Y', days: null },
};
const DAY_MS = 86_400_000;
/** The asset classes the equities setting covers. */
const EQUITY_CLASSES: AssetClass[] = ['stock', 'etf', 'index'];

/** Tunables and collaborators of the service (tests inject them). */
export interface MarketServiceOptions {
  /** Reference instruments; defaults to createInstrumentSource(config). */
  instruments?: () => InstrumentIndex | null;
  now?: () => number;
}


/** A service that quotes nothing (market data turned off). */
const NO_MARKET: MarketService = {
  getQuote: async () => null,
  getCandles: async () => null,
  close: async () => undefined,
};

/** The base URL configured for a provider, if any. */
function baseUrlFor(config: Config, name: ProviderName): string | undefined {
  const urls: Partial<Record<ProviderName, string | undefined>> = {
    binance: config.marketBinanceUrl,
    mexc: config.marketMexcUrl,
    coinbase: config.marketCoinbaseUrl,
    coingecko: config.marketCoingeckoUrl,
  };
  return urls[name];
}

/** A route for a configured provider name, or undefined for `none`. */
function routeFor(config: Config, name: ProviderName | 'none'): MarketRoute | undefined {
  if (name === 'none') return undefined;
  const baseUrl = baseUrlFor(config, name);
  const provider = createProvider({
    name,
    timeoutMs: config.marketTimeoutMs,
    csvDir: config.marketCsvDir,
    ...(baseUrl ? { baseUrl } : {}),
    ...(config.marketCoingeckoKey ? { apiKey: config.marketCoingeckoKey } : {}),
  });
  return { name, provider };
}

/** Provider per asset class from the configuration (real providers; no demo). */
export function marketRoutesFromConfig(config: Config): Partial<Record<AssetClass, MarketRoute>> {
  const routes: Partial<Record<AssetClass, MarketRoute>> = {};
  const crypto = routeFor(config, config.marketCrypto);
  if (crypto) routes.crypto = crypto;
  const equities = routeFor(config, config.marketEquities);
  if (equities) for (const cls of EQUITY_CLASSES) routes[cls] = equities;
  return routes;
}

/** Keep the trailing `days` of a series (the chart's 5-day and 6-month views cut a longer provider range). */
export function trimCandles(candles: Candle[], days: number | null): Candle[] {
  const last = candles.at(-1);
  if (days === null || !last) return candles;
  const from = last.time - days * DAY_MS;
  return candles.filter((c) => c.time >= from);
}

/**
 * Start the market service: the demo market server when the demo is on (and `TICKERWIRE_MARKET_DEMO` is not 0),
 * otherwise the configured providers. Never throws for provider trouble later on: quotes become stale or null.
 * @throws AppError `config_invalid` when a configured provider lacks what it needs
 */
export async function createMarketService(config: Config, log: Logger, opts: MarketServiceOptions = {}): Promise<MarketService> {
  if (!config.market) return NO_MARKET;
  const instruments = opts.instruments ?? createInstrumentSource(config);
  let demo: DemoMarketServer | undefined;
  let data: MarketData;
  const common = { log, ...(opts.now ? { now: opts.now } : {}) };
  if (config.demo && config.marketDemo) {
    demo = await startDemoMarketServer({ host: '127.0.0.1', ...(opts.now ? { now: opts.now } : {}) });
    data = new MarketData({ routes: { default: { name: 'demo', provider: createDemoProvider(demo.url) } }, ...common });
    log.info('market.demo_started', { url: demo.url, instruments: Object.keys(DEMO_INSTRUMENTS).length });
  } else {
    data = new MarketData({ routes: marketRoutesFromConfig(config), ...common });
  }
  const demoOnly = demo !== undefined;
  const lookup = (id: string) => {
    // The demo server knows only its own instruments; asking it for others would just log failures.
    if (demoOnly && !DEMO_INSTRUMENTS[id]) return undefined;
    return instruments()?.byId.get(id);
  };
  return {
    async getQuote(instrumentId) {
      const inst = lookup(instrumentId);
      return inst ? data.quote(inst) : null;
    },
    async getCandles(instrumentId, range): Promise<CandleSeriesView | null> {
      const inst = lookup(instrumentId);
      const source = RANGE_SOURCE[range];
      const series = inst ? await data.candleSeries(inst, source.range) : null;
      if (!series) return null;
      return { range, candles: trimCandles(series.candles, source.days), provider: series.provider, stale: series.stale, ageMs: series.ageMs };
    },
    async close() {
      await demo?.close();
    },
  };
}
