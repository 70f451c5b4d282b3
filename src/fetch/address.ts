/**
 * @module fetch/address — classify hosts and IP addresses for the SSRF guard.
 * Pure functions: no DNS, no I/O. IPv4 spellings that browsers and `inet_aton` accept (decimal
 * `2130706433`, octal `0177.0.0.1`, hex `0x7f.1`, short `127.1`) and IPv4-mapped/-translated IPv6
 * are reduced to the address they name before classification.
 */
import ipaddr from 'ipaddr.js';

/** Why an address is refused, or null when it is a public unicast address. */
export type BlockedRange =
  | 'loopback'
  | 'private'
  | 'linkLocal'
  | 'carrierGradeNat'
  | 'multicast'
  | 'broadcast'
  | 'unspecified'
  | 'reserved'
  | 'uniqueLocal'
  | 'cloudMetadata'
  | 'embeddedIpv4'
  | 'other';

/** Human wording for each refused range, used in error messages. */
export const RANGE_WORDS: Record<BlockedRange, string> = {
  loopback: 'a loopback address',
  private: 'a private-network address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  unspecified: 'the unspecified address',
  reserved: 'a reserved address',
  uniqueLocal: 'a unique-local (private IPv6) address',
  cloudMetadata: 'a cloud metadata endpoint',
  embeddedIpv4: 'an IPv6 address embedding a non-public IPv4 address',
  other: 'a non-public address',
};

/** Cloud metadata endpoints, refused by name even where their range would be too (defence in depth). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200']);

/** ipaddr.js range names we map onto our own words; anything else but 'unicast' is 'other'. */
const RANGE_MAP: Record<string, BlockedRange> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'linkLocal',
  carrierGradeNat: 'carrierGradeNat',
  multicast: 'multicast',
  broadcast: 'broadcast',
  unspecified: 'unspecified',
  reserved: 'reserved',
  uniqueLocal: 'uniqueLocal',
  benchmarking: 'reserved',
};

/** IPv6 ranges that carry an IPv4 address in their low 32 bits (NAT64, SIIT) or bits 16–48 (6to4). */
function embeddedIpv4(addr: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = addr.range();
  const bytes = addr.toByteArray();
  if (range === 'rfc6052' || range === 'rfc6145') {
    return new ipaddr.IPv4(bytes.slice(12, 16));
  }
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

/**
 * Parse a host (as found in a URL, with or without IPv6 brackets) as an IP literal in any
 * accepted spelling. Returns the canonical address text, or null when the host is a name.
 */
export function parseIpLiteral(host: string): string | null {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.') && !h.includes(':')) h = h.slice(0, -1);
  if (h === '') return null;
  // ipaddr.js accepts the inet_aton spellings (1–4 parts, decimal/octal/hex) and every IPv6 form.
  if (!ipaddr.isValid(h)) return null;
  try {
    return ipaddr.process(h).toString();
  } catch {
    return null;
  }
}

/**
 * Classify an IP address (any spelling). Returns null for a public unicast address, otherwise
 * the range that makes it unsafe to fetch from.
 */
export function classifyAddress(ip: string): BlockedRange | null {
  const canonical = parseIpLiteral(ip);
  if (canonical === null) return 'other';
  if (METADATA_ADDRESSES.has(canonical)) return 'cloudMetadata';
  const addr = ipaddr.process(canonical);
  const range = addr.range();
  if (range === 'unicast') return null;
  if (addr instanceof ipaddr.IPv6) {
    const inner = embeddedIpv4(addr);
    if (inner) return inner.range() === 'unicast' ? null : 'embeddedIpv4';
  }
  return RANGE_MAP[range] ?? 'other';
}
