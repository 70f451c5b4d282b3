/**
 * Deterministic synthetic news for the ingest benchmark: feeds and article pages (20–150 KB) with
 * realistic chrome. All words are ours; a seeded PRNG makes every run serve the same bytes.
 */

const SUBJECTS = ['The exchange', 'A regional lender', 'The chipmaker', 'Grain traders', 'The central bank', 'A shipping group', 'Miners', 'The retailer', 'Bond investors', 'A battery maker', 'The insurer', 'Token holders'];
const VERBS = ['reported', 'warned about', 'raised its outlook for', 'cut spending on', 'expanded', 'paused', 'reviewed', 'questioned', 'priced', 'delayed', 'doubled', 'trimmed'];
const OBJECTS = ['quarterly margins', 'its dividend policy', 'warehouse capacity', 'the bond auction', 'freight rates', 'credit lines', 'a new listing', 'its buyback plan', 'export volumes', 'deposit rates', 'a data-centre build', 'settlement fees'];
const TAILS = ['after a volatile week', 'ahead of the holiday season', 'as funding costs eased', 'despite softer demand', 'according to people familiar with the plans', 'in a filing on Tuesday', 'while rivals held steady', 'as inventories thinned', 'for the first time in two years', 'amid a review by regulators'];

/** Mulberry32: a tiny seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

function sentence(rnd: () => number): string {
  const pct = (rnd() * 9 + 0.1).toFixed(1);
  return `${pick(rnd, SUBJECTS)} ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} ${pick(rnd, TAILS)}, a move worth about ${pct}% of revenue.`;
}

function paragraph(rnd: () => number): string {
  const n = 3 + Math.floor(rnd() * 4);
  return Array.from({ length: n }, () => sentence(rnd)).join(' ');
}

export interface FarmArticle {
  slug: string;
  title: string;
  author: string;
  publishedAt: Date;
  paragraphs: string[];
}

/** The articles of feed `feedIndex`, newest first. */
export function farmArticles(feedIndex: number, count: number, now: Date): FarmArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const rnd = prng(feedIndex * 1000 + i + 1);
    const words = 400 + Math.floor(rnd() * 1100);
    const paragraphs: string[] = [];
    let total = 0;
    while (total < words) {
      const p = paragraph(rnd);
      paragraphs.push(p);
      total += p.split(' ').length;
    }
    return {
      slug: `story-${feedIndex}-${i}`,
      title: `${pick(rnd, SUBJECTS)} ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} (${feedIndex}-${i})`,
      author: `Writer ${feedIndex % 37}`,
      publishedAt: new Date(now.getTime() - (i * 37 + feedIndex) * 60_000),
      paragraphs,
    };
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RSS 2.0 feed of a farm site. */
export function farmFeed(base: string, feedIndex: number, articles: FarmArticle[]): string {
  const items = articles
    .map(
      (a) => `<item><title>${esc(a.title)}</title><link>${base}/a/${a.slug}</link><guid isPermaLink="false">${a.slug}</guid>
<dc:creator>${a.author}</dc:creator><pubDate>${a.publishedAt.toUTCString()}</pubDate><description>${esc(a.paragraphs[0]?.slice(0, 200) ?? '')}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Farm site ${feedIndex}</title><link>${base}/</link><description>Synthetic news</description>
${items}
</channel></rss>`;
}

/** An article page with navigation, scripts, share bars, CTA, related links and footer, padded to `targetBytes`. */
export function farmPage(base: string, a: FarmArticle, targetBytes: number, rnd: () => number): string {
  const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="${base}/section/${i}">Section ${i}</a></li>`).join('');
  const related = Array.from({ length: 8 }, (_, i) => `<li><a href="${base}/a/rel-${i}">${esc(sentence(rnd))}</a></li>`).join('');
  const body = a.paragraphs.map((p, i) => (i === 2 ? `<div class="newsletter-cta"><p>Sign up for our newsletter to get the briefing every morning.</p></div><p>${esc(p)}</p>` : `<p>${esc(p)}</p>`)).join('\n');
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)}</title>
<link rel="canonical" href="${base}/a/${a.slug}"><meta property="og:title" content="${esc(a.title)}">
<meta property="article:published_time" content="${a.publishedAt.toISOString()}"><meta name="author" content="${a.author}">`;
  const chrome = `<body><header><nav><ul>${nav}</ul></nav></header><div class="share"><a href="#">Share</a><a href="#">Tweet</a></div>
<main><article><h1>${esc(a.title)}</h1><p class="byline">By ${a.author}</p>${body}</article>
<aside class="related"><h2>Related</h2><ul>${related}</ul></aside></main><footer><p>© Farm site</p></footer>`;
  const fixed = head.length + chrome.length + 40;
  const padLen = Math.max(0, targetBytes - fixed);
  // Pages carry bulky scripts and JSON state; the extractor must skip them cheaply.
  const blob = Array.from({ length: Math.ceil(padLen / 60) }, (_, i) => `"k${i}":"${Math.floor(rnd() * 1e12).toString(36)}"`).join(',');
  return `${head}<script>window.__STATE__={${blob.slice(0, padLen)}}</script></head>${chrome}</body></html>`;
}
