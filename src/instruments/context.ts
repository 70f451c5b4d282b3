/**
 * @module instruments/context — the evidence that lets an ordinary-word name link: cue words in its sentence
 * and words right beside it. Word lists are tunables; each says why it is there.
 */
import type { Token } from './text.ts';
import type { AssetClass } from './types.ts';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Words that make a sentence about a listed company (not fruit, rivers or a target to hit). */
export const COMPANY_CUES = words(`shares share stock stocks shareholders stockholders investors investor analysts analyst
  earnings revenue revenues profit profits quarter quarterly guidance forecast outlook ceo cfo chief executive company firm
  companies inc corp ltd plc listed nasdaq nyse dividend buyback buybacks valuation capitalization downgraded downgrade
  upgraded upgrade outperform underperform overweight underweight rating ratings iphone iphones ipad mac app store cloud
  aws chipmaker retailer automaker smartphone subscribers deliveries shipments results reported tariff tariffs antitrust
  lawsuit regulators acquisition acquire acquired merger deal executives supplier suppliers customers pt bull bullish
  bearish estimates expectations coverage sidelines`);

/** Words that make a sentence about crypto assets. */
export const CRYPTO_CUES = words(`crypto cryptocurrency cryptocurrencies token tokens coin coins blockchain bitcoin btc ether
  eth defi stablecoin stablecoins altcoin altcoins memecoin memecoins on-chain onchain staking stakers wallet wallets binance
  coinbase mexc kraken solana ethereum mainnet validators dex airdrop`);

/** Words that make a sentence about an index level. */
export const INDEX_CUES = words(`index indexes indices benchmark stocks shares points closed opened futures market markets
  rally selloff sell-off composite record gauge`);

/** Verbs that, right after a name, say it is a traded thing ("Apple fell 2%"). */
export const MOVE_VERBS = words(`rose rises rising fell falls falling gained gains jumped jumps slid slides sank sinks
  surged surges soared soars climbed climbs tumbled tumbles dropped drops plunged plunges rallied rallies slumped slumps
  advanced declined declines edged added lost beat missed cut cuts raised raises downgraded upgraded reported posted
  said announced shares stock reports forecasts warns expects launches inks presents unveils unveiled agrees agreed
  signs signed files filed sues sued wins loses gets hires appoints recalls slashes boosts completes says announces
  sells buys acquires tops misses beats proposes submits halts amends highlights comments`);

/** Words right after a name that mark a company ("Navigator Holdings", "Navigator shares"). */
const AFTER_COMPANY = words(`inc corp corporation ltd plc co holdings group shares stock ceo`);
/** A fiscal period right after a name ("Akamai Q4 2019 Earnings Preview", "Nike FY25"). */
const FISCAL_PERIOD = /^(?:Q[1-4]|H[12]|FY\d{0,4}|1Q|2Q|3Q|4Q)$/;

/** The ticker in "Name (TICK)" right after tokens[j], if any. */
export function parenTickerAfter(tokens: Token[], j: number): string | undefined {
  if (tokens[j + 1]?.key !== '(' || tokens[j + 3]?.key !== ')') return undefined;
  const t = tokens[j + 2]?.text ?? '';
  return /^[A-Z][A-Z0-9.]{0,5}$/.test(t) ? t : undefined;
}

/** Words a few tokens after a name that tie it to a listed share. */
const SHARE_WORDS = words('shares stock stocks');
/** Words right after a name that mark a token ("NEAR token", "Polygon network"). */
const AFTER_CRYPTO = words(`token tokens coin coins price network protocol blockchain`);

/** Does a sentence (given as its set of token keys) carry cue words for this asset class? */
export function sentenceHasCue(keys: Set<string>, assetClass: AssetClass): boolean {
  const cues = assetClass === 'crypto' ? CRYPTO_CUES : assetClass === 'index' ? INDEX_CUES : COMPANY_CUES;
  for (const k of keys) if (cues.has(k)) return true;
  if (assetClass === 'index' && (keys.has('%') || keys.has('percent'))) return true;
  return false;
}

/**
 * Evidence right beside a mention at tokens[i..j]: "X Inc", "X shares", "X's shares", "shares of X", "X (TICK)",
 * "X token"; with `moves`, also "X rose/fell…".
 */
export function adjacentEvidence(tokens: Token[], i: number, j: number, assetClass: AssetClass, moves: boolean): boolean {
  let n = j + 1;
  if (tokens[n]?.key === "'s") n++;
  const next = tokens[n]?.key ?? '';
  const after = assetClass === 'crypto' ? AFTER_CRYPTO : AFTER_COMPANY;
  if (after.has(next)) return true;
  if (moves && MOVE_VERBS.has(next)) return true;
  // "Apple, whose shares fell…": a share word within the next few tokens.
  for (let k = n; k < n + 4; k++) if (SHARE_WORDS.has(tokens[k]?.key ?? '')) return assetClass !== 'crypto';
  if (FISCAL_PERIOD.test(tokens[n]?.text ?? '')) return assetClass === 'stock' || assetClass === 'etf';
  const prev = tokens[i - 1]?.key ?? '';
  const prev2 = tokens[i - 2]?.key ?? '';
  return (prev === 'of' || prev === 'in') && (prev2 === 'shares' || prev2 === 'stake' || prev2 === 'stock');
}
