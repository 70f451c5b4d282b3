/**
 * @module market/market-data — one object the web and CLI ask for an instrument's quote and candles. It picks the
 * provider by asset class, maps the instrument to that provider's symbol, caches quotes (stale-while-revalidate) and
 * candles, and answers null instead of throwing when nothing can be shown.
 */
import { describeError } from '../errors.ts';
import type { AssetClass, Instrument } from '../instruments/types.ts';
import type { Logger } from '../log.ts';
import { QuoteCache } from './cache.ts';
import { marketSymbolFor, type ProviderName } from './symbols.ts';
import type { Candle, CandleRange, MarketDataProvider, Quote } from './types.ts';

/** A provider and the name that decides its symbols. */
export interface MarketRoute {
  name: ProviderName;
  provider: MarketDataProvider;
}

/** Options for MarketData. */
export interface MarketDataOptions {
  /** Provider per asset class; `default` serves classes without their own route. */
  routes: Partial<Record<AssetClass | 'default', MarketRoute>>;
  /** Quote freshness per asset class in ms (defaults: crypto 15 s, others 60 s). */
  quoteTtlMs?: Partial<Record<AssetClass, number>>;
  log?: Logger;
  now?: () => number;
}

/** Default quote freshness: crypto trades around the clock and moves fast. */
const DEFAULT_QUOTE_TTL_MS: Record<AssetClass, number> = { crypto: 15_000, stock: 60_000, etf: 60_000, index: 60_000 };
/** Candle freshness per range: short ranges change within minutes, a year of daily bars within hours. */
const CANDLE_TTL_MS: Record<CandleRange, number> = { '1D': 60_000, '1W': 5 * 60_000, '1M': 30 * 60_000, '1Y': 6 * 3_600_000 };

/** Candles with their staleness, as served. */
export interface CandleSeries {
  candles: Candle[];
  provider: string;
  stale: boolean;
  ageMs: number;
}

/** Quotes and candles per instrument, routed, cached and never throwing. */
export class MarketData {
  private readonly caches = new Map<string, QuoteCache>();
  private readonly candles = new Map<string, { series: Candle[]; at: number; provider: string }>();
  private readonly now: () => number;

  constructor(private readonly opts: MarketDataOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The route and provider symbol for an instrument, or null when no provider can quote it. */
  routeFor(inst: Instrument): { route: MarketRoute; symbol: string } | null {
    const route = this.opts.routes[inst.assetClass] ?? this.opts.routes.default;
    const symbol = route ? marketSymbolFor(inst, route.name) : null;
    return route && symbol ? { route, symbol } : null;
  }

  /** Latest quote (possibly `stale: true` with its age), or null when there is none to show. */
  async quote(inst: Instrument): Promise<Quote | null> {
    const target = this.routeFor(inst);
    if (!target) return null;
    return this.cacheFor(target.route, inst.assetClass).getQuote(target.symbol);
  }

  /** Candles for a range (stale when the provider failed and older ones exist), or null when there are none. */
  async candleSeries(inst: Instrument, range: CandleRange): Promise<CandleSeries | null> {
    const target = this.routeFor(inst);
    if (!target) return null;
    const key = `${target.route.provider.name}|${target.symbol}|${range}`;
    const cached = this.candles.get(key);
    const t = this.now();
    if (cached && t - cached.at <= CANDLE_TTL_MS[range]) return { candles: cached.series, provider: cached.provider, stale: false, ageMs: t - cached.at };
    try {
      const series = await target.route.provider.getCandles(target.symbol, range);
      this.candles.set(key, { series, at: this.now(), provider: target.route.provider.name });
      return { candles: series, provider: target.route.provider.name, stale: false, ageMs: 0 };
    } catch (err) {
      this.opts.log?.warn('market.candles_failed', { provider: target.route.provider.name, symbol: target.symbol, range, error: describeError(err) });
      return cached ? { candles: cached.series, provider: cached.provider, stale: true, ageMs: t - cached.at } : null;
    }
  }

  private cacheFor(route: MarketRoute, assetClass: AssetClass): QuoteCache {
    const key = `${route.provider.name}|${assetClass}`;
    let cache = this.caches.get(key);
    if (!cache) {
      const ttlMs = this.opts.quoteTtlMs?.[assetClass] ?? DEFAULT_QUOTE_TTL_MS[assetClass];
      cache = new QuoteCache(route.provider, { ttlMs, ...(this.opts.log ? { log: this.opts.log } : {}), ...(this.opts.now ? { now: this.opts.now } : {}) });
      this.caches.set(key, cache);
    }
    return cache;
  }
}
