/**
 * @module fetch/guard — the SSRF guard. `checkUrl` runs before every request and every redirect hop
 * (scheme and IP-literal hosts, which never reach DNS); `guardedLookup` runs inside the connection
 * itself, so the address checked is the address connected to (no DNS-rebinding gap).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { AppError } from '../errors.ts';
import { type BlockedRange, classifyAddress, parseIpLiteral, RANGE_WORDS } from './address.ts';
import type { AllowList } from './allow.ts';

/** Resolves a host name to its addresses (injectable: benchmarks map names to loopback). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** Schemes tickerwire fetches. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:']);

/** How to say "you can allow it" in every refusal. */
const ALLOW_HINT = 'add it to TICKERWIRE_ALLOW_HOSTS to allow it';

/** The system resolver, all addresses. */
export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Details carried by a fetch_blocked error. */
function blocked(message: string, details: Record<string, unknown>): AppError {
  return new AppError('fetch_blocked', message, { details });
}

/** The refusal for a host that is (or resolves to) a non-public address. */
export function blockedAddressError(host: string, ip: string, range: BlockedRange): AppError {
  const what = parseIpLiteral(host) === null ? `${host} resolves to ${ip}, ${RANGE_WORDS[range]}` : `${host} is ${RANGE_WORDS[range]}`;
  return blocked(`${what} (${ALLOW_HINT})`, { host, address: ip, range });
}

/**
 * Check a URL before a request: scheme http/https, and an IP-literal host
 * (any spelling) public or allowlisted. Host names are checked later, by `guardedLookup`.
 * @returns the parsed URL
 * @throws AppError fetch_blocked
 */
export function checkUrl(raw: string | URL, allow: AllowList): URL {
  let url: URL;
  try {
    url = typeof raw === 'string' ? new URL(raw) : raw;
  } catch (cause) {
    throw new AppError('fetch_blocked', `"${String(raw)}" is not a valid URL`, { cause, details: { url: String(raw) } });
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    throw blocked(`${url.protocol.slice(0, -1)}: URLs are not fetched (only http and https)`, { url: url.href, scheme: url.protocol });
  }
  if (allow.allowsHost(url.hostname)) return url;
  const ip = parseIpLiteral(url.hostname);
  if (ip !== null) {
    const range = classifyAddress(ip);
    if (range !== null) throw blockedAddressError(url.hostname.replace(/^\[|\]$/g, ''), ip, range);
  }
  return url;
}

/**
 * Refuse the first non-public address among `addresses` unless the host or address is allowlisted.
 * @throws AppError fetch_blocked
 */
export function checkResolved(hostname: string, addresses: readonly LookupAddress[], allow: AllowList): void {
  if (allow.allowsHost(hostname)) return;
  for (const { address } of addresses) {
    if (allow.allowsAddress(address)) continue;
    const range = classifyAddress(address);
    if (range !== null) throw blockedAddressError(hostname, address, range);
  }
}

/**
 * A `lookup` for undici's `connect` options: resolves with `resolver`, then refuses the connection
 * when any address is non-public (a host that mixes public and private answers is refused whole).
 */
export function guardedLookup(allow: AllowList, resolver: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname)
      .then((all) => {
        checkResolved(hostname, all, allow);
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family === 0 ? all : all.filter((a) => a.family === family);
        const first = usable[0];
        if (!first) {
          const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
          callback(err, '', 0);
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, '', 0));
  };
}
