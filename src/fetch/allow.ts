/**
 * @module fetch/allow — the explicit SSRF allowlist (`TICKERWIRE_ALLOW_HOSTS`): host names and
 * IP addresses or CIDR ranges (`127.0.0.1`, `::1`, `10.0.0.0/8`, `demo.local`) that may be fetched
 * even though they resolve to non-public addresses.
 */
import ipaddr from 'ipaddr.js';
import { AppError } from '../errors.ts';
import { parseIpLiteral } from './address.ts';

/** Answers whether a host name or resolved address is exempt from the SSRF guard. */
export interface AllowList {
  /** True when `host` (a URL host name, lower-cased) is listed by name or is an allowed IP literal. */
  allowsHost(host: string): boolean;
  /** True when the resolved address `ip` falls in a listed address or range. */
  allowsAddress(ip: string): boolean;
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseEntry(entry: string): { cidr: Cidr } | { name: string } {
  const e = entry.trim().toLowerCase();
  if (e.includes('/')) {
    try {
      return { cidr: ipaddr.parseCIDR(e) };
    } catch (cause) {
      throw new AppError('config_invalid', `allowHosts entry "${entry}" is not a valid CIDR range`, { cause });
    }
  }
  const ip = parseIpLiteral(e);
  if (ip !== null) {
    const addr = ipaddr.parse(ip);
    return { cidr: [addr, addr.kind() === 'ipv4' ? 32 : 128] };
  }
  return { name: e.endsWith('.') ? e.slice(0, -1) : e };
}

/** True when `addr` lies in `range`; IPv4 is also matched against IPv4-mapped IPv6 ranges. */
function inRange(addr: ipaddr.IPv4 | ipaddr.IPv6, [base, bits]: Cidr): boolean {
  if (base instanceof ipaddr.IPv4) return addr instanceof ipaddr.IPv4 && addr.match(base, bits);
  const v6 = addr instanceof ipaddr.IPv4 ? addr.toIPv4MappedAddress() : addr;
  return v6.match(base, bits);
}

/**
 * Build an allowlist from configured entries.
 * @throws AppError config_invalid for a malformed CIDR range
 */
export function createAllowList(entries: readonly string[]): AllowList {
  const names = new Set<string>();
  const ranges: Cidr[] = [];
  for (const entry of entries) {
    if (entry.trim() === '') continue;
    const parsed = parseEntry(entry);
    if ('name' in parsed) names.add(parsed.name);
    else ranges.push(parsed.cidr);
  }
  const allowsAddress = (ip: string): boolean => {
    const canonical = parseIpLiteral(ip);
    if (canonical === null) return false;
    const addr = ipaddr.parse(canonical);
    return ranges.some((range) => inRange(addr, range));
  };
  return {
    allowsHost: (host) => {
      const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
      if (names.has(h)) return true;
      return parseIpLiteral(h) !== null && allowsAddress(h);
    },
    allowsAddress,
  };
}
