/**
 * @module market/binance-stream — live quotes from a Binance-compatible combined websocket stream
 * (`/stream?streams=btcusdt@miniTicker/...`). Symbols are lower-case in stream names; each event arrives wrapped as
 * `{ stream, data }`; the server pings every 20 s (the WebSocket client answers) and announces planned disconnects
 * with `serverShutdown`. The stream reconnects with a growing delay and never throws into the caller.
 */
import { WebSocket } from 'undici';
import { describeError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { toNumber } from './http.ts';
import type { Quote } from './types.ts';

/** Options for a ticker stream. */
export interface TickerStreamOptions {
  /** Stream base, e.g. `wss://data-stream.binance.vision` (tests: `ws://127.0.0.1:PORT`). */
  streamUrl: string;
  /** Pair symbols (`BTCUSDT`); at most 1,024 streams per connection on Binance. */
  symbols: string[];
  onQuote: (quote: Quote) => void;
  log?: Logger;
  /** First reconnect delay; doubles up to MAX_RECONNECT_MS. */
  reconnectMs?: number;
  provider?: string;
}

/** Longest wait between reconnect attempts (Binance allows 300 connection attempts per 5 minutes per IP). */
const MAX_RECONNECT_MS = 60_000;
/** Default first reconnect delay. */
const DEFAULT_RECONNECT_MS = 1_000;

/** A running stream. */
export interface TickerStream {
  /** Connections opened so far (1 + reconnects). */
  readonly connections: number;
  close(): void;
}

/** A mini-ticker event as a Quote (change computed from open and close: the mini ticker has no percent field). */
export function parseMiniTicker(data: unknown, provider: string): Quote | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.e !== '24hrMiniTicker' && d.e !== '24hrTicker') return null;
  const price = toNumber(d.c);
  const open = toNumber(d.o);
  if (price === null || typeof d.s !== 'string') return null;
  const eventTime = toNumber(d.E);
  const symbol = d.s.toUpperCase();
  return {
    symbol,
    price,
    changePct: open ? Math.round(((price - open) / open) * 100 * 1e4) / 1e4 : null,
    changeWindow: '24h',
    open,
    high: toNumber(d.h),
    low: toNumber(d.l),
    volume: toNumber(d.v),
    currency: /USDT$/.test(symbol) ? 'USDT' : 'USD',
    asOf: new Date(eventTime ?? Date.now()),
    provider,
  };
}

/**
 * Subscribe to mini tickers for `symbols` and call `onQuote` for each update.
 * @example const s = streamBinanceTickers({ streamUrl, symbols: ['BTCUSDT'], onQuote: (q) => cache.put(q.symbol, q) }); s.close();
 */
export function streamBinanceTickers(opts: TickerStreamOptions): TickerStream {
  const provider = opts.provider ?? 'binance';
  const streams = opts.symbols.map((s) => `${s.toLowerCase()}@miniTicker`).join('/');
  const url = `${opts.streamUrl.replace(/\/+$/, '')}/stream?streams=${streams}`;
  let closed = false;
  let connections = 0;
  let delay = opts.reconnectMs ?? DEFAULT_RECONNECT_MS;
  let socket: WebSocket | undefined;
  let timer: NodeJS.Timeout | undefined;

  const reconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect();
    }, delay);
    delay = Math.min(MAX_RECONNECT_MS, delay * 2);
  };

  const connect = () => {
    if (closed) return;
    connections++;
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      delay = opts.reconnectMs ?? DEFAULT_RECONNECT_MS;
    });
    ws.addEventListener('message', (ev) => {
      if (typeof ev.data !== 'string') return;
      let msg: unknown;
      try {
        msg = JSON.parse(ev.data);
      } catch (err) {
        opts.log?.warn('market.stream_bad_message', { provider, error: describeError(err) });
        return;
      }
      const body = typeof msg === 'object' && msg !== null && 'data' in msg ? (msg as { data: unknown }).data : msg;
      if (typeof body === 'object' && body !== null && (body as { e?: unknown }).e === 'serverShutdown') {
        ws.close();
        return;
      }
      const quote = parseMiniTicker(body, provider);
      if (quote) opts.onQuote(quote);
    });
    ws.addEventListener('error', (ev) => {
      opts.log?.warn('market.stream_error', { provider, error: describeError((ev as { error?: unknown }).error ?? 'websocket error') });
    });
    ws.addEventListener('close', () => {
      if (socket === ws) socket = undefined;
      reconnect();
    });
  };

  connect();
  return {
    get connections() {
      return connections;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    },
  };
}
