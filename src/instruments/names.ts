/**
 * @module instruments/names — turning listing names into the names news uses. Pure string functions, shared by
 * the build script and by callers adding instruments from config.
 */

/** Security descriptors that listings append to the company name ("… Common Stock", "… American Depositary Shares"). */
const DESCRIPTOR =
  /\s*(?:-\s*)?(?:\(the\)\s*)?(?:class [a-z]\s+)?(?:common stock|common shares?|ordinary shares?|american depositary shares?|american depository shares?|ads|shares of beneficial interest|sponsored adr|\(de\)|new)\b.*$/i;

/** Legal-form words stripped from the end of a name to get its short form ("Apple Inc." → "Apple"). */
const LEGAL_SUFFIX =
  /(?:,|\s)+(?:inc|incorporated|corp|corporation|co|company|companies|ltd|limited|plc|llc|l\.?p|n\.?v|s\.?a|s\.a\.b\. de c\.v|de c\.v|ag|se|holdings?|group|oyj|asa|spa|s\.p\.a|ltda|\(cayman\)|\(h\)|\(a\)|\(international\)|\(group\)|\(holdings\))\.?$/i;

/** Strip listing descriptors: "NVIDIA Corporation - Common Stock" → "NVIDIA Corporation". */
export function cleanListingName(raw: string): string {
  let name = raw.replace(/\s+/g, ' ').trim();
  const dash = name.indexOf(' - ');
  if (dash > 0) name = name.slice(0, dash);
  name = name.replace(DESCRIPTOR, '').replace(/\s*\((?:class [a-z]|the)\)\s*$/i, '');
  return name.replace(/[\s,]+$/, '').trim();
}

/** The short name news uses: legal suffixes and a leading "The" removed ("The Walt Disney Company" → "Walt Disney"). */
export function shortName(name: string): string {
  let short = name.replace(/^the\s+/i, '').replace(/\s*\([^)]*\)\s*$/, '');
  for (let i = 0; i < 4; i++) {
    const next = short.replace(LEGAL_SUFFIX, '').trim();
    if (next === short || next.length < 2) break;
    short = next;
  }
  return short.replace(/[\s,.]+$/, '').trim();
}

/** Words of a name, lower-cased, for dictionary checks. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9&'.-]+/)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Generic business words that news drops after the brand ("Hilton Worldwide" → "Hilton", "Mondelez International"). */
const GENERIC_TAIL =
  /\s+(?:international|worldwide|technologies|technology|hotels|resorts|entertainment|communications|platforms|brands|industries|enterprises|systems|solutions|networks|video|cos|&)$/i;

/** The brand left after dropping generic business words from a short name, or undefined when nothing changes. */
export function brandName(short: string): string | undefined {
  let brand = short;
  for (let i = 0; i < 3; i++) brand = brand.replace(GENERIC_TAIL, '').trim();
  return brand !== short && brand.length >= 3 ? brand : undefined;
}
