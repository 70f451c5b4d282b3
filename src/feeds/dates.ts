/**
 * @module feeds/dates — feed dates to `Date` (UTC). feedsmith returns dates as the source string
 * (DEPS.md pitfall 9); this reads RFC 822/1123 (named zones included), ISO 8601/RFC 3339 and a
 * few common near-misses, and returns null for anything else instead of guessing.
 * A date without a zone is taken as UTC, never as the server's local time.
 */

/** Years outside this range are treated as garbage (a typo or a placeholder such as 0001). */
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

/** Offsets in minutes for the zone names seen in feeds (RFC 822 names plus common abbreviations). */
const ZONE_OFFSETS: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
  BST: 60, IST: 330, CET: 60, CEST: 120, MET: 60, MEST: 120, WEST: 60, EET: 120, EEST: 180, MSK: 180,
  SGT: 480, HKT: 480, AWST: 480, JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660,
  NZST: 720, NZDT: 780,
};

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

// "Tue, 10 Jun 2003 04:00:00 GMT", "10 June 2003 4:00 +0200", "Tue, 10 Jun 03 04:00 EST",
// "Tue, 10 Jun 2003 04:00:00 +0000 (UTC)", "Tue, 10 Jun 2003 04:00:00 GMT+0200"
const RFC822 =
  /^(?:[a-z]{2,9},?\s+)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})(?:,?\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:(?:GMT|UTC?)?([+-])(\d{2}):?(\d{2})|\(?([a-z]{1,5})\)?)?(?:\s*\([^)]{0,40}\))?$/i;
// "2003-06-10", "2003-06-10T04:00:00.123+02:00", "2003-06-10 04:00Z", "20030610T040000Z"
const ISO8601 =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2})?)?)?$/i;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offsetMinutes: number;
}

function toDate(p: Parts): Date | null {
  if (p.year < MIN_YEAR || p.year > MAX_YEAR) return null;
  if (p.month < 0 || p.month > 11 || p.day < 1 || p.day > 31) return null;
  // 24:00 is allowed by ISO 8601 as the end of a day; 60 seconds by leap seconds.
  if (p.hour > 24 || p.minute > 59 || p.second > 60) return null;
  const utc = Date.UTC(p.year, p.month, p.day, p.hour, p.minute, p.second, p.ms);
  const check = new Date(Date.UTC(p.year, p.month, p.day));
  if (check.getUTCDate() !== p.day) return null; // 31 February
  return new Date(utc - p.offsetMinutes * 60_000);
}

function signedOffset(sign: string | undefined, hh: string | undefined, mm: string | undefined): number {
  const minutes = Number(hh ?? 0) * 60 + Number(mm ?? 0);
  return sign === '-' ? -minutes : minutes;
}

function zoneOffset(name: string): number | null {
  const upper = name.toUpperCase();
  const known = ZONE_OFFSETS[upper];
  if (known !== undefined) return known;
  // RFC 1123 §5.2.14: military single-letter zones other than Z are unreliable; read them as UTC.
  return /^[A-IK-Y]$/.test(upper) ? 0 : null;
}

function parseRfc822(s: string): Date | null {
  const m = RFC822.exec(s);
  if (!m) return null;
  const [, day, monthName, yearText, hh, mi, ss, sign, oh, om, zone] = m;
  const month = MONTHS[(monthName ?? '').slice(0, 3).toLowerCase()];
  if (month === undefined || yearText === undefined) return null;
  let year = Number(yearText);
  if (yearText.length === 2) year += year >= 50 ? 1900 : 2000;
  else if (yearText.length === 3) return null;
  let offsetMinutes = 0;
  if (sign !== undefined) offsetMinutes = signedOffset(sign, oh, om);
  else if (zone !== undefined) {
    const named = zoneOffset(zone);
    if (named === null) return null;
    offsetMinutes = named;
  }
  return toDate({
    year, month, day: Number(day), hour: Number(hh), minute: Number(mi), second: Number(ss ?? 0), ms: 0, offsetMinutes,
  });
}

function parseIso8601(s: string): Date | null {
  const m = ISO8601.exec(s);
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, frac, , sign, oh, om] = m;
  return toDate({
    year: Number(y),
    month: Number(mo) - 1,
    day: Number(d),
    hour: Number(hh ?? 0),
    minute: Number(mi ?? 0),
    second: Number(ss ?? 0),
    ms: frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000),
    offsetMinutes: sign === undefined ? 0 : signedOffset(sign, oh, om),
  });
}

/**
 * Parse a feed date string into a UTC `Date`, or null when it is missing or not a date.
 * @example parseFeedDate('Tue, 10 Jun 2003 04:00:00 EST') // 2003-06-10T09:00:00.000Z
 */
export function parseFeedDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const s = value.trim().replace(/\s+/g, ' ');
  if (s === '' || s.length > 64) return null;
  return parseIso8601(s) ?? parseRfc822(s);
}
