/**
 * @module market/symbols — which provider symbol quotes an instrument.
 */
import type { Instrument } from '../instruments/types.ts';

/** Providers tickerwire ships. */
export type ProviderName = 'binance' | 'mexc' | 'coinbase' | 'coingecko' | 'csv' | 'demo';

/**
 * The symbol to ask `provider` for, or null when that provider cannot quote the instrument
 * (crypto exchanges do not list stocks; CoinGecko needs a known coin id). The demo server and CSV import are keyed by
 * instrument id.
 * @example marketSymbolFor(btc, 'binance') // 'BTCUSDT'; marketSymbolFor(btc, 'coinbase') // 'BTC-USD'
 */
export function marketSymbolFor(inst: Pick<Instrument, 'id' | 'symbol' | 'assetClass' | 'tickers'>, provider: ProviderName): string | null {
  switch (provider) {
    case 'binance':
    case 'mexc':
      return inst.assetClass === 'crypto' ? (inst.tickers.binance ?? `${inst.symbol}USDT`) : null;
    case 'coinbase':
      return inst.assetClass === 'crypto' ? (inst.tickers.coinbase ?? `${inst.symbol}-USD`) : null;
    case 'coingecko':
      return inst.assetClass === 'crypto' ? (inst.tickers.coingecko ?? null) : null;
    case 'csv':
    case 'demo':
      return inst.id;
  }
}
