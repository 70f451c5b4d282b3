/**
 * Fetch benchmark (issue 4): 1,000 feeds over 100 host names (h001.bench.test … h100.bench.test,
 * resolved to loopback by an injected resolver, still checked by the SSRF guard), each response
 * delayed 50–500 ms, 10% failing in eight different ways. Measures tickerwire's fetcher against a
 * naive baseline (every feed at once through undici's own `fetch`, no per-host limit) in the same
 * run: wall time, feeds/s, peak RSS, outcomes, and the most connections / requests one host saw.
 * The farm and each client run in child processes of their own, so each RSS figure is that
 * client's alone (the process's exact peak, from the OS).
 *
 * Run: `node bin/run-ts.mjs bench/fetch.ts` (or `npm run bench -- fetch`).
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Agent, fetch as undiciFetch } from 'undici';
import { isAppError } from '../src/errors.ts';
import { createFetcher } from '../src/fetch/index.ts';
import { silentLogger } from '../src/log.ts';
import { markdownTable, writeSection } from './report.ts';

/** Feeds polled per round. */
const FEEDS = 1_000;
/** Distinct host names the feeds are spread over. */
const HOSTS = 100;
/** Per-host connection cap under test (the goal says at most 6). */
const PER_HOST = 6;
/** Request timeout for both clients (ms); the "hang" failures cost this much. */
const TIMEOUT_MS = 3_000;
/** Share of feeds that fail. */
const FAIL_RATE = 0.1;
/** Rounds of (ours, baseline); medians are reported. */
const ROUNDS = 3;
/** Response latency range (ms). */
const LATENCY_MIN_MS = 50;
const LATENCY_MAX_MS = 500;

const FAILURES = ['500', '404', '503-retry-after', 'hang', 'reset', 'too-large', 'redirect-loop', 'corrupt-gzip'] as const;
type Failure = (typeof FAILURES)[number];

/** Deterministic PRNG (mulberry32) so every run serves the same farm. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface FeedPlan {
  host: string;
  path: string;
  latencyMs: number;
  failure: Failure | null;
}

function planFarm(): FeedPlan[] {
  const rand = prng(20_261_125);
  return Array.from({ length: FEEDS }, (_, i) => {
    const failing = rand() < FAIL_RATE;
    return {
      host: `h${String((i % HOSTS) + 1).padStart(3, '0')}.bench.test`,
      path: `/feeds/${i}.xml`,
      latencyMs: Math.round(LATENCY_MIN_MS + rand() * (LATENCY_MAX_MS - LATENCY_MIN_MS)),
      failure: failing ? (FAILURES[Math.floor(rand() * FAILURES.length)] ?? '500') : null,
    };
  });
}

/** An RSS document of ~8–12 KB, written for this benchmark. */
function feedXml(i: number): string {
  const items = Array.from(
    { length: 20 },
    (_, k) =>
      `<item><title>Bench feed ${i} item ${k}: quarterly figures and market notes</title><link>https://example.test/${i}/${k}</link>` +
      `<guid>bench-${i}-${k}</guid><pubDate>Wed, 25 Nov 2026 ${String(k % 24).padStart(2, '0')}:00:00 GMT</pubDate>` +
      `<description>Synthetic summary number ${k} for feed ${i}, long enough to look like a real teaser paragraph ` +
      `with a few clauses, some numbers like ${(i * 7 + k) % 100}.${k} percent, and a closing remark.</description></item>`,
  ).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench ${i}</title>${items}</channel></rss>`;
}

/** What the farm saw, per host. */
interface FarmStats {
  maxOpenConnections: number;
  maxActiveRequests: number;
  requests: number;
}

interface Farm {
  port: number;
  close(): Promise<void>;
}

async function startFarm(plans: FeedPlan[]): Promise<Farm> {
  const byPath = new Map(plans.map((p, i) => [p.path, { ...p, i }]));
  const bodies = new Map(plans.map((p, i) => [p.path, gzipSync(feedXml(i))]));
  const open = new Map<string, number>();
  const active = new Map<string, number>();
  const socketHost = new WeakMap<Socket, string>();
  let stats: FarmStats = { maxOpenConnections: 0, maxActiveRequests: 0, requests: 0 };
  const bump = (m: Map<string, number>, k: string, d: number): number => {
    const v = (m.get(k) ?? 0) + d;
    m.set(k, v);
    return v;
  };

  const answer = (plan: FeedPlan & { i: number }, req: IncomingMessage, res: ServerResponse): void => {
    switch (plan.failure) {
      case '500':
      case '404':
        res.statusCode = Number(plan.failure);
        res.end('no feed here');
        return;
      case '503-retry-after':
        res.writeHead(503, { 'retry-after': '1' });
        res.end();
        return;
      case 'hang':
        return; // never answers; the client's timeout ends it
      case 'reset':
        req.socket.destroy();
        return;
      case 'too-large': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let left = 32; // 2 MB, past the 1 MB limit
        const pump = (): void => {
          while (left > 0) {
            left -= 1;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        pump();
        return;
      }
      case 'redirect-loop':
        res.writeHead(302, { location: plan.path.replace('.xml', '.loop.xml') });
        res.end();
        return;
      case 'corrupt-gzip':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        res.end(Buffer.from('this is not gzip at all'));
        return;
      default:
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': 'gzip', etag: `"f${plan.i}"` });
        res.end(bodies.get(plan.path));
    }
  };

  const server = createServer((req, res) => {
    if (req.url === '/__stats') {
      res.end(JSON.stringify(stats));
      return;
    }
    if (req.url === '/__reset') {
      stats = { maxOpenConnections: 0, maxActiveRequests: 0, requests: 0 };
      res.end('{}');
      return;
    }
    const host = (req.headers.host ?? '').split(':')[0] ?? '';
    stats.requests += 1;
    if (!socketHost.has(req.socket)) {
      socketHost.set(req.socket, host);
      stats.maxOpenConnections = Math.max(stats.maxOpenConnections, bump(open, host, 1));
      req.socket.once('close', () => bump(open, host, -1));
    }
    stats.maxActiveRequests = Math.max(stats.maxActiveRequests, bump(active, host, 1));
    let done = false;
    const finish = (): void => {
      if (!done) {
        done = true;
        bump(active, host, -1);
      }
    };
    res.once('close', finish);
    const path = (req.url ?? '').replace('.loop.xml', '.xml');
    const plan = byPath.get(path);
    if (!plan) {
      res.statusCode = 404;
      res.end();
      return;
    }
    setTimeout(() => answer(plan, req, res), plan.latencyMs);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface RunResult {
  label: string;
  wallMs: number;
  ok: number;
  outcomes: Record<string, number>;
  peakRssMb: number;
  farm: FarmStats;
}

/** Ask the farm for its counters (`/__stats`) or to zero them (`/__reset`). */
async function farmControl(port: number, what: 'stats' | 'reset'): Promise<FarmStats> {
  const res = await undiciFetch(`http://127.0.0.1:${port}/__${what}`);
  return (await res.json()) as FarmStats;
}

/** Poll every feed once with tickerwire's fetcher; outcome counts by error code. */
async function pollOurs(plans: FeedPlan[], port: number): Promise<Record<string, number>> {
  const fetcher = createFetcher(
    {
      userAgent: 'tickerwire-bench/0.1 (+https://example.test/bench)',
      timeoutMs: TIMEOUT_MS,
      maxBodyBytes: 1024 * 1024,
      maxRedirects: 5,
      perHostConcurrency: PER_HOST,
      // The guard still runs: names resolve to 127.0.0.1, which only this allowlist admits.
      allowHosts: ['127.0.0.1'],
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    },
    silentLogger,
  );
  const counts: Record<string, number> = {};
  await Promise.all(
    plans.map(async (p) => {
      let key = 'ok';
      try {
        await fetcher.fetch({ url: `http://${p.host}:${port}${p.path}`, purpose: 'feed' });
      } catch (err) {
        key = isAppError(err) ? err.code : 'other';
      }
      counts[key] = (counts[key] ?? 0) + 1;
    }),
  );
  await fetcher.close();
  return counts;
}

/** The naive loop: every feed at once through undici's fetch, no per-host limit or pacing. */
async function pollBaseline(plans: FeedPlan[], port: number): Promise<Record<string, number>> {
  const agent = new Agent({ connect: { lookup: (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]) } });
  const counts: Record<string, number> = {};
  await Promise.all(
    plans.map(async (p) => {
      let key = 'ok';
      try {
        const res = await undiciFetch(`http://${p.host}:${port}${p.path}`, { dispatcher: agent, signal: AbortSignal.timeout(TIMEOUT_MS) });
        await res.arrayBuffer();
        if (!res.ok) key = `http ${res.status}`;
      } catch {
        key = 'error';
      }
      counts[key] = (counts[key] ?? 0) + 1;
    }),
  );
  await agent.close();
  return counts;
}

type ClientKind = 'ours' | 'baseline';
const LABELS: Record<ClientKind, string> = {
  ours: 'tickerwire fetcher (6/host, 100 ms pacing)',
  baseline: 'baseline: all at once, undici fetch, no per-host limit',
};

/** Child-process entry: poll once, print one JSON line with the result. */
async function clientMain(kind: ClientKind, port: number): Promise<void> {
  const plans = planFarm();
  await farmControl(port, 'reset');
  const started = performance.now();
  const outcomes = await (kind === 'ours' ? pollOurs : pollBaseline)(plans, port);
  const wallMs = performance.now() - started;
  const farm = await farmControl(port, 'stats');
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const result: RunResult = { label: LABELS[kind], wallMs, ok: outcomes.ok ?? 0, outcomes, peakRssMb, farm };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Child-process entry: serve the farm, print its port, exit when stdin closes. */
async function farmMain(): Promise<void> {
  const farm = await startFarm(planFarm());
  process.stdout.write(`${JSON.stringify({ port: farm.port })}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => {
    void farm.close().then(() => process.exit(0));
  });
}

const SELF = fileURLToPath(import.meta.url);
const RUN_TS = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));

/** Start `bench/fetch.ts ARGS` in a child process; resolves with its first stdout line. */
function child(args: string[]): { firstLine: Promise<string>; end: () => void; done: Promise<void> } {
  const proc = spawn(process.execPath, [RUN_TS, SELF, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout });
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`bench child ${args.join(' ')} exited with ${String(code)} before answering`)));
  });
  const done = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return { firstLine, end: () => proc.stdin.end(), done };
}

async function runClient(kind: ClientKind, port: number): Promise<RunResult> {
  const c = child(['--client', kind, String(port)]);
  const line = await c.firstLine;
  c.end();
  await c.done;
  return JSON.parse(line) as RunResult;
}

function medianBy(results: RunResult[], key: (r: RunResult) => number): RunResult {
  const sorted = [...results].sort((a, b) => key(a) - key(b));
  const mid = sorted[Math.floor(sorted.length / 2)];
  if (!mid) throw new Error('no results');
  return mid;
}

const fmtOutcomes = (o: Record<string, number>): string =>
  Object.entries(o)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** Run the benchmark, print the table and write the `fetch` section of BENCHMARKS.md. */
export async function run(): Promise<void> {
  const failing = planFarm().filter((p) => p.failure !== null).length;
  const farm = child(['--farm']);
  const { port } = JSON.parse(await farm.firstLine) as { port: number };
  const ours: RunResult[] = [];
  const base: RunResult[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      ours.push(await runClient('ours', port));
      base.push(await runClient('baseline', port));
    }
  } finally {
    farm.end();
    await farm.done;
  }
  const o = medianBy(ours, (r) => r.wallMs);
  const b = medianBy(base, (r) => r.wallMs);
  const maxConn = Math.max(...ours.map((r) => r.farm.maxOpenConnections));
  const maxActive = Math.max(...ours.map((r) => r.farm.maxActiveRequests));
  const peakRss = Math.max(...ours.map((r) => r.peakRssMb));
  const row = (r: RunResult, conn: number, active: number) => [
    r.label,
    (r.wallMs / 1000).toFixed(2),
    Math.round((FEEDS / r.wallMs) * 1000),
    r.peakRssMb,
    conn,
    active,
    r.farm.requests,
    fmtOutcomes(r.outcomes),
  ];
  const table = markdownTable(
    ['client', 'wall s (median)', 'feeds/s', 'peak RSS MB', 'max conns/host', 'max in-flight/host', 'requests', 'outcomes'],
    [
      row(o, maxConn, maxActive),
      row(
        b,
        Math.max(...base.map((r) => r.farm.maxOpenConnections)),
        Math.max(...base.map((r) => r.farm.maxActiveRequests)),
      ),
    ],
  );
  const ratio = b.wallMs / o.wallMs;
  const goals = [
    `- Goal: ${FEEDS} feeds in < 30 s → ${(o.wallMs / 1000).toFixed(2)} s (${o.wallMs < 30_000 ? 'met' : 'NOT met'}).`,
    `- Goal: ≤ ${PER_HOST} connections per host → max ${maxConn} open, ${maxActive} in flight over ${ROUNDS} rounds (${maxConn <= PER_HOST && maxActive <= PER_HOST ? 'met' : 'NOT met'}).`,
    `- Goal: peak RSS < 300 MB → ${peakRss} MB at most over ${ROUNDS} rounds (client process alone; ${peakRss < 300 ? 'met' : 'NOT met'}).`,
    `- Speed ratio (baseline wall time / ours): ${ratio.toFixed(2)}× — ${ratio >= 1 ? 'ours is faster' : 'the baseline is faster'}; the baseline opens up to ${Math.max(...base.map((r) => r.farm.maxOpenConnections))} connections to one host and paces nothing, ours keeps ≤ ${PER_HOST} per host and 100 ms between request starts. Baseline successes ${b.ok} vs ours ${o.ok} (the baseline has no size limit, so it counts the 2 MB bodies that ours refuses as successes).`,
  ].join('\n');
  const body = `${FEEDS} feeds on ${HOSTS} host names (loopback via an injected resolver; SSRF guard active), latency ${LATENCY_MIN_MS}–${LATENCY_MAX_MS} ms, ${failing} failing (${FAILURES.join(', ')}), timeout ${TIMEOUT_MS / 1000} s, ${ROUNDS} alternating rounds.\n\n${table}\n\n${goals}`;
  console.log(body);
  writeSection('fetch', 'Fetch: 1,000 feeds over 100 hosts', 'node bin/run-ts.mjs bench/fetch.ts', body);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, kind, port] = process.argv.slice(2);
  if (mode === '--farm') await farmMain();
  else if (mode === '--client' && (kind === 'ours' || kind === 'baseline')) await clientMain(kind, Number(port));
  else await run();
}
