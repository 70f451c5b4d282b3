/**
 * Load generator for bench/api.ts, run as its own process: `node bin/run-ts.mjs bench/api-load.ts
 * SECONDS CONNECTIONS MAX_ID URL…`. Spreads requests round-robin over the URLs (one web process each)
 * with a mix of listing, article and sources reads; prints `{ requests, errors, seconds, p50Ms, p99Ms }`.
 */
import { Pool } from 'undici';

const [secondsArg, connectionsArg, maxIdArg, ...bases] = process.argv.slice(2);
const seconds = Number(secondsArg);
const connections = Number(connectionsArg);
const maxId = Number(maxIdArg);
const pools = bases.map((b) => new Pool(b, { connections }));
const latencies: number[] = [];
let errors = 0;
let n = 0;

function nextPath(i: number): string {
  const r = i % 10;
  if (r < 5) return '/api/articles?limit=20';
  if (r < 9) return `/api/articles/${1 + ((i * 7919) % maxId)}`;
  return '/api/sources';
}

const deadline = performance.now() + seconds * 1000;
async function lane(): Promise<void> {
  while (performance.now() < deadline) {
    const i = n++;
    const pool = pools[i % pools.length];
    if (!pool) return;
    const started = performance.now();
    try {
      const res = await pool.request({ method: 'GET', path: nextPath(i) });
      await res.body.arrayBuffer();
      if (res.statusCode !== 200) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - started);
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: connections * pools.length }, lane));
const elapsed = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
await Promise.all(pools.map((p) => p.close()));
process.stdout.write(`${JSON.stringify({ requests: latencies.length, errors, seconds: elapsed, p50Ms: at(0.5), p99Ms: at(0.99) })}\n`);
