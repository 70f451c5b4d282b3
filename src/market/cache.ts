/**
 * @module market/cache — stale-while-revalidate quote cache. Serves fresh quotes from memory, serves old ones
 * flagged `stale: true` with their age while one background refresh runs, and never throws when the provider is
 * down: with nothing cached it returns null (no price box beats a wrong one).
 */
import { AppError, describeError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { MarketDataProvider, Quote } from './types.ts';

/** Tunables of the cache. */
export interface QuoteCacheOptions {
  /** Age until which a quote is fresh (crypto: ~15 s; equities: ~60 s). */
  ttlMs: number;
  /** After a failed fetch with nothing cached, how long to answer null without asking the provider again. */
  errorBackoffMs?: number;
  /** Most symbols kept (oldest-inserted evicted first). */
  maxEntries?: number;
  now?: () => number;
  log?: Logger;
}

/** Default wait after a failure before the provider is asked again for an uncached symbol. */
const DEFAULT_ERROR_BACKOFF_MS = 30_000;
/** Default number of symbols kept. */
const DEFAULT_MAX_ENTRIES = 10_000;

interface Entry {
  quote: Quote;
  fetchedAt: number;
}

/** A quote cache in front of one provider. */
export class QuoteCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Quote | null>>();
  private readonly failedAt = new Map<string, { at: number; message: string }>();
  private readonly now: () => number;

  constructor(
    private readonly provider: MarketDataProvider,
    private readonly opts: QuoteCacheOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  /**
   * The quote for `symbol`: fresh from memory; or old with `stale: true` (a refresh starts in the background);
   * or fetched now when nothing is cached; or null when nothing is cached and the provider fails.
   */
  async getQuote(symbol: string): Promise<Quote | null> {
    const entry = this.entries.get(symbol);
    const t = this.now();
    if (entry) {
      const age = t - entry.fetchedAt;
      if (age <= this.opts.ttlMs) return { ...entry.quote, stale: false, ageMs: age };
      void this.refresh(symbol);
      return { ...entry.quote, stale: true, ageMs: age };
    }
    const failed = this.failedAt.get(symbol);
    if (failed && t - failed.at < (this.opts.errorBackoffMs ?? DEFAULT_ERROR_BACKOFF_MS)) return null;
    const quote = await this.refresh(symbol);
    return quote && { ...quote, stale: false, ageMs: 0 };
  }

  /** The cached quote without fetching (stale flag and age set), or null. */
  peek(symbol: string): Quote | null {
    const entry = this.entries.get(symbol);
    if (!entry) return null;
    const age = this.now() - entry.fetchedAt;
    return { ...entry.quote, stale: age > this.opts.ttlMs, ageMs: age };
  }

  /** Store a quote that arrived another way (a websocket stream); it is fresh from now. */
  put(symbol: string, quote: Quote): void {
    this.store(symbol, quote);
    this.failedAt.delete(symbol);
  }

  /** The last refresh error for a symbol, if its last refresh failed. */
  lastError(symbol: string): string | undefined {
    return this.failedAt.get(symbol)?.message;
  }

  /** Fetch once per symbol at a time; failures are logged and resolve to null. */
  private refresh(symbol: string): Promise<Quote | null> {
    const running = this.inFlight.get(symbol);
    if (running) return running;
    const job = this.provider
      .getQuote(symbol)
      .then((quote) => {
        // A zero, negative or non-finite price is a broken answer, not a quote: keep the last good one instead.
        if (!(Number.isFinite(quote.price) && quote.price > 0)) {
          throw new AppError('fetch_failed', `${this.provider.name}: implausible price ${quote.price} for ${symbol}`);
        }
        this.store(symbol, quote);
        this.failedAt.delete(symbol);
        return quote;
      })
      .catch((err: unknown) => {
        const message = describeError(err);
        this.failedAt.set(symbol, { at: this.now(), message });
        this.opts.log?.warn('market.quote_failed', { provider: this.provider.name, symbol, error: message });
        return null;
      })
      .finally(() => this.inFlight.delete(symbol));
    this.inFlight.set(symbol, job);
    return job;
  }

  private store(symbol: string, quote: Quote): void {
    this.entries.delete(symbol);
    this.entries.set(symbol, { quote, fetchedAt: this.now() });
    const max = this.opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
