/**
 * @module config — the only reader of configuration. `loadConfig(env, overrides)` is called once by
 * the CLI; it merges built-in defaults < config file (JSON) < environment < command-line overrides,
 * validates everything at once, and returns a frozen object that is passed down.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { DEFAULT_SOURCES } from './default-sources.ts';

const boolish = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])]).transform((v) =>
  typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v),
);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const SourceSpec = z.object({
  url: z.string().url(),
  title: z.string().optional(),
  policy: z.enum(['full', 'excerpt', 'link']).optional(),
});

/** Extra extraction clean-up rules (added to the built-in ones; see src/extract/rules.ts and the README). */
const TextRuleSpec = z.object({
  rule: z.string().min(1),
  reason: z.string().min(1),
  pattern: z.string().min(1).refine(isRegex, 'not a valid regular expression'),
  maxChars: z.number().int().positive().default(200),
  caseSensitive: z.boolean().default(false),
});
const ExtractRulesSpec = z.object({
  text: z.record(z.string(), z.array(TextRuleSpec)).default({}),
  classes: z.array(z.object({ rule: z.string().min(1), reason: z.string().min(1), pattern: z.string().min(1).refine(isRegex, 'not a valid regular expression') })).default([]),
  sites: z.record(z.string(), z.array(z.object({ selector: z.string().min(1), reason: z.string().min(1) }))).default({}),
});

/** Instruments and aliases users add (see src/instruments/types.ts). */
const AliasSpec = z.object({ text: z.string().min(1), strength: z.enum(['strong', 'contextual', 'weak']), exact: z.boolean().default(false) });
const InstrumentSpec = z.object({
  id: z.string().regex(/^[a-z]+:[A-Za-z0-9.\-]+$/, 'ids look like us:NVDA, hk:0700, crypto:BTC'),
  symbol: z.string().min(1),
  name: z.string().min(1),
  assetClass: z.enum(['stock', 'etf', 'index', 'crypto']),
  currency: z.string().length(3),
  exchange: z.string().min(1),
  tickers: z.record(z.string(), z.string()).default({}),
  aliases: z.array(AliasSpec).default([]),
  rank: z.number().int().min(1).max(3).default(2),
});
const ExtraInstrumentsSpec = z.object({
  instruments: z.array(InstrumentSpec).default([]),
  aliases: z.record(z.string(), z.array(z.union([z.string().min(1), AliasSpec]))).default({}),
});

function isRegex(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

const ConfigSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z.string().min(1),
  host: z.string().min(1),
  port: int(0, 65535),
  publicUrl: z.string().url().optional(),
  demo: boolish,
  demoPort: int(0, 65535),
  seedDefaultSources: boolish,
  defaultSources: z.array(SourceSpec),
  logLevel: z.enum(['silent', 'debug', 'info', 'warn', 'error']),
  logFormat: z.enum(['json', 'text']),
  userAgent: z.string().min(1),
  fetchTimeoutMs: int(100, 600_000),
  maxBodyBytes: int(1024, 1_000_000_000),
  maxRedirects: int(0, 20),
  perHostConcurrency: int(1, 64),
  hostIntervalMs: int(0, 60_000),
  concurrency: int(1, 256),
  allowHosts: z.array(z.string()),
  pollDefaultSec: int(10, 86_400 * 7),
  pollMinSec: int(1, 86_400),
  pollMaxSec: int(60, 86_400 * 30),
  schedulerTickMs: int(100, 3_600_000),
  queueSchema: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier'),
  workers: int(0, 64),
  maxItemsPerFeed: int(1, 100_000),
  linkInstruments: boolish,
  extraInstruments: ExtraInstrumentsSpec,
  extractRules: ExtractRulesSpec,
  contactEmail: z.string().min(3),
  adminToken: z.string().min(16, 'must be at least 16 characters').optional(),
  siteName: z.string().min(1),
  /** Origins allowed to call the API from a browser ('*' for any); empty = same-origin only. */
  corsOrigins: z.array(z.string().min(1)),
  /** Market data (quotes, candles) for price boxes and charts; off = no prices anywhere. */
  market: boolish,
  /** With the demo on, serve the demo instruments' prices from the loopback demo market server. */
  marketDemo: boolish,
  /** Provider for crypto tokens, and for stocks, ETFs and indices. */
  marketCrypto: z.enum(['binance', 'mexc', 'coinbase', 'coingecko', 'csv', 'none']),
  marketEquities: z.enum(['binance', 'mexc', 'coinbase', 'coingecko', 'csv', 'none']),
  marketBinanceUrl: z.string().url().optional(),
  marketMexcUrl: z.string().url().optional(),
  marketCoinbaseUrl: z.string().url().optional(),
  marketCoingeckoUrl: z.string().url().optional(),
  marketCoingeckoKey: z.string().min(1).optional(),
  /** Directory of `<instrument id>.csv` candle files for the csv provider. */
  marketCsvDir: z.string().min(1),
  marketTimeoutMs: int(100, 60_000),
});

/** The validated, frozen configuration. */
export type Config = Readonly<z.infer<typeof ConfigSchema>>;

/** Values given on the command line (they win over everything else). */
export type ConfigOverrides = Partial<Record<keyof Config, unknown>>;

/** Environment variable → config key, with how to read it. Documented in .env.example. */
const ENV_KEYS: Record<string, { key: keyof Config; list?: boolean }> = {
  TICKERWIRE_DATA: { key: 'dataDir' },
  TICKERWIRE_DATABASE_URL: { key: 'databaseUrl' },
  HOST: { key: 'host' },
  PORT: { key: 'port' },
  TICKERWIRE_PUBLIC_URL: { key: 'publicUrl' },
  TICKERWIRE_DEMO: { key: 'demo' },
  TICKERWIRE_DEMO_PORT: { key: 'demoPort' },
  TICKERWIRE_SEED_DEFAULTS: { key: 'seedDefaultSources' },
  TICKERWIRE_LOG_LEVEL: { key: 'logLevel' },
  LOG_LEVEL: { key: 'logLevel' },
  LOG_FORMAT: { key: 'logFormat' },
  TICKERWIRE_USER_AGENT: { key: 'userAgent' },
  TICKERWIRE_FETCH_TIMEOUT_MS: { key: 'fetchTimeoutMs' },
  TICKERWIRE_MAX_BODY_BYTES: { key: 'maxBodyBytes' },
  TICKERWIRE_MAX_REDIRECTS: { key: 'maxRedirects' },
  TICKERWIRE_PER_HOST_CONCURRENCY: { key: 'perHostConcurrency' },
  TICKERWIRE_HOST_INTERVAL_MS: { key: 'hostIntervalMs' },
  TICKERWIRE_CONCURRENCY: { key: 'concurrency' },
  TICKERWIRE_ALLOW_HOSTS: { key: 'allowHosts', list: true },
  TICKERWIRE_POLL_DEFAULT_SEC: { key: 'pollDefaultSec' },
  TICKERWIRE_POLL_MIN_SEC: { key: 'pollMinSec' },
  TICKERWIRE_POLL_MAX_SEC: { key: 'pollMaxSec' },
  TICKERWIRE_SCHEDULER_TICK_MS: { key: 'schedulerTickMs' },
  TICKERWIRE_QUEUE_SCHEMA: { key: 'queueSchema' },
  TICKERWIRE_WORKERS: { key: 'workers' },
  TICKERWIRE_MAX_ITEMS_PER_FEED: { key: 'maxItemsPerFeed' },
  TICKERWIRE_INSTRUMENTS: { key: 'linkInstruments' },
  TICKERWIRE_CONTACT: { key: 'contactEmail' },
  TICKERWIRE_ADMIN_TOKEN: { key: 'adminToken' },
  TICKERWIRE_SITE_NAME: { key: 'siteName' },
  TICKERWIRE_CORS_ORIGINS: { key: 'corsOrigins', list: true },
  TICKERWIRE_MARKET: { key: 'market' },
  TICKERWIRE_MARKET_DEMO: { key: 'marketDemo' },
  TICKERWIRE_MARKET_CRYPTO: { key: 'marketCrypto' },
  TICKERWIRE_MARKET_EQUITIES: { key: 'marketEquities' },
  TICKERWIRE_MARKET_BINANCE_URL: { key: 'marketBinanceUrl' },
  TICKERWIRE_MARKET_MEXC_URL: { key: 'marketMexcUrl' },
  TICKERWIRE_MARKET_COINBASE_URL: { key: 'marketCoinbaseUrl' },
  TICKERWIRE_MARKET_COINGECKO_URL: { key: 'marketCoingeckoUrl' },
  TICKERWIRE_MARKET_COINGECKO_KEY: { key: 'marketCoingeckoKey' },
  TICKERWIRE_MARKET_CSV_DIR: { key: 'marketCsvDir' },
  TICKERWIRE_MARKET_TIMEOUT_MS: { key: 'marketTimeoutMs' },
};

/** Keys whose values are secrets: redacted by `tickerwire config`. */
const SECRET_KEYS: ReadonlySet<keyof Config> = new Set(['databaseUrl', 'adminToken', 'marketCoingeckoKey']);

function defaults(dataDir: string): Record<keyof Config, unknown> {
  return {
    dataDir,
    databaseUrl: `sqlite:${join(dataDir, 'tickerwire.db')}`,
    host: '127.0.0.1',
    port: 3000,
    publicUrl: undefined,
    demo: true,
    demoPort: 0,
    seedDefaultSources: true,
    defaultSources: DEFAULT_SOURCES,
    logLevel: 'info',
    logFormat: 'text',
    userAgent: 'tickerwire/0.1 (+https://github.com/tickerwire/tickerwire; self-hosted news reader)',
    fetchTimeoutMs: 20_000,
    maxBodyBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    perHostConcurrency: 4,
    hostIntervalMs: 100,
    concurrency: 64,
    allowHosts: [],
    pollDefaultSec: 900,
    pollMinSec: 120,
    pollMaxSec: 86_400,
    schedulerTickMs: 5_000,
    queueSchema: 'graphile_worker',
    workers: 1,
    maxItemsPerFeed: 500,
    linkInstruments: true,
    extraInstruments: { instruments: [], aliases: {} },
    extractRules: { text: {}, classes: [], sites: {} },
    contactEmail: 'takedown@example.org',
    adminToken: undefined,
    siteName: 'tickerwire',
    corsOrigins: [],
    market: true,
    marketDemo: true,
    marketCrypto: 'binance',
    marketEquities: 'csv',
    marketBinanceUrl: undefined,
    marketMexcUrl: undefined,
    marketCoinbaseUrl: undefined,
    marketCoingeckoUrl: undefined,
    marketCoingeckoKey: undefined,
    marketCsvDir: join(dataDir, 'candles'),
    marketTimeoutMs: 5_000,
  };
}

/** Read `X_FILE` variants: the value of X is the (trimmed) content of that file. */
function readFileVariants(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of Object.keys(ENV_KEYS)) {
    const path = env[`${name}_FILE`];
    if (path && out[name] === undefined) out[name] = readFileSync(path, 'utf8').trim();
  }
  return out;
}

function readConfigFile(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AppError('config_invalid', `config file ${path} is not valid JSON`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('config_invalid', `config file ${path} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Build the configuration.
 * @param env process environment (only this module reads it)
 * @param overrides command-line values, which win
 * @throws AppError config_invalid listing every bad value at once
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const e = readFileVariants(env);
  const dataDir = resolve(String(overrides.dataDir ?? e.TICKERWIRE_DATA ?? './data'));
  const merged: Record<string, unknown> = defaults(dataDir);
  const filePath = e.TICKERWIRE_CONFIG ?? join(dataDir, 'tickerwire.json');
  if (e.TICKERWIRE_CONFIG || existsSync(filePath)) Object.assign(merged, readConfigFile(filePath));
  for (const [name, { key, list }] of Object.entries(ENV_KEYS)) {
    const value = e[name];
    if (value === undefined || value === '') continue;
    merged[key] = list ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
  }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) merged[key] = value;
  merged.dataDir = dataDir;
  if (merged.databaseUrl === undefined) merged.databaseUrl = `sqlite:${join(dataDir, 'tickerwire.db')}`;
  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AppError('config_invalid', `invalid configuration — ${problems.join('; ')}`, {
      details: { problems },
    });
  }
  if (result.data.pollMinSec > result.data.pollMaxSec) {
    throw new AppError('config_invalid', 'invalid configuration — pollMinSec must not exceed pollMaxSec');
  }
  return Object.freeze(result.data);
}

/** The configuration with secrets redacted, for `tickerwire config`. */
export function redactConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const key of SECRET_KEYS) {
    const v = out[key];
    if (typeof v !== 'string') continue;
    out[key] = key === 'databaseUrl' ? v.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:[redacted]@') : '[redacted]';
  }
  return out;
}
