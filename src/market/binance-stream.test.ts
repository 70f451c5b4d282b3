import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, expect, test } from 'vitest';
import { parseMiniTicker, streamBinanceTickers } from './binance-stream.ts';
import { QuoteCache } from './cache.ts';
import type { MarketDataProvider, Quote } from './types.ts';

/** A minimal RFC 6455 server: handshake, then the test pushes unmasked text frames or closes. */
async function startWsServer(onConnect: (send: (text: string) => void, close: () => void, url: string) => void) {
  const server: Server = createServer();
  const sockets: Duplex[] = [];
  server.on('upgrade', (req, socket: Duplex) => {
    sockets.push(socket);
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.on('error', () => {});
    // Answer the client's close frame so its close handshake completes.
    socket.on('data', (buf: Buffer) => {
      if (((buf[0] ?? 0) & 0x0f) === 8) {
        socket.write(Buffer.from([0x88, 0]));
        socket.end();
      }
    });
    const send = (text: string) => {
      const payload = Buffer.from(text);
      const header = payload.length < 126 ? Buffer.from([0x81, payload.length]) : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 255]);
      socket.write(Buffer.concat([header, payload]));
    };
    const close = () => {
      socket.write(Buffer.from([0x88, 0]));
      socket.end();
    };
    onConnect(send, close, req.url ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
};

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

test('mini-ticker events in the combined-stream envelope become quotes; serverShutdown triggers a reconnect', async () => {
  const urls: string[] = [];
  const server = await startWsServer((send, close, url) => {
    urls.push(url);
    send(JSON.stringify({ stream: 'btcusdt@miniTicker', data: { e: '24hrMiniTicker', E: 1764079200000, s: 'BTCUSDT', c: '93500.00', o: '92500.00', h: '94000.00', l: '92000.00', v: '1200.5', q: '1' } }));
    send('not json');
    if (urls.length === 1) send(JSON.stringify({ stream: 'x', data: { e: 'serverShutdown', E: 1764079200001 } }));
    if (urls.length === 2) setTimeout(close, 5);
  });
  const quotes: Quote[] = [];
  const stream = streamBinanceTickers({ streamUrl: server.url, symbols: ['BTCUSDT', 'ETHUSDT'], onQuote: (q) => quotes.push(q), reconnectMs: 10 });
  stop = () => {
    stream.close();
    server.close();
  };
  await until(() => quotes.length >= 2 && stream.connections >= 2);
  expect(urls[0]).toBe('/stream?streams=btcusdt@miniTicker/ethusdt@miniTicker');
  expect(quotes[0]).toMatchObject({ symbol: 'BTCUSDT', price: 93500, open: 92500, currency: 'USDT', changeWindow: '24h' });
  expect(quotes[0]?.changePct).toBeCloseTo((1000 / 92500) * 100, 3);
  expect(stream.connections).toBeGreaterThanOrEqual(2);
});

test('streamed quotes keep the cache fresh without asking the REST provider', async () => {
  let calls = 0;
  const rest: MarketDataProvider = {
    name: 'rest',
    getQuote: async () => {
      calls++;
      throw new Error('REST should not be needed');
    },
    getCandles: async () => [],
  };
  const cache = new QuoteCache(rest, { ttlMs: 60_000 });
  const q = parseMiniTicker({ e: '24hrMiniTicker', E: 1, s: 'ETHUSDT', c: '3000', o: '3100', h: '3150', l: '2990', v: '10' }, 'binance');
  if (!q) throw new Error('parse failed');
  cache.put('ETHUSDT', q);
  expect(await cache.getQuote('ETHUSDT')).toMatchObject({ price: 3000, stale: false });
  expect(calls).toBe(0);
  expect(parseMiniTicker({ e: 'kline' }, 'binance')).toBeNull();
  expect(parseMiniTicker('nope', 'binance')).toBeNull();
});
