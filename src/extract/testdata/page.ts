/** A page written for the tests: realistic chrome around a short article (our own text). */
export const PAGE_URL = 'https://news.example.com/2026/03/14/harbor-cranes?utm_source=feed';

export const ARTICLE_PARAGRAPHS = [
  'The port authority of Lindenhaven approved the purchase of six electric ship-to-shore cranes on Tuesday, ending a two-year debate about how to cut diesel use at the container terminal.',
  'The cranes will be delivered in two batches, the first next spring, and will replace machines that have worked the quay since the early nineties. Officials said the switch would lower fuel costs by about a third.',
  'Dock workers, who had asked for a say in the choice of equipment, said they welcomed the decision but wanted training to start well before the first crane arrives.',
  'Shares of the terminal operator rose 2.4 percent in afternoon trading after the announcement, while the wider transport index was flat.',
];

/** Build the page; `extra` is inserted inside the article body after the second paragraph. */
export function buildPage(extra = '', tail = ''): string {
  const [p1, p2, ...rest] = ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`);
  return `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbor approves electric cranes | Lindenhaven Ledger</title>
<meta property="og:site_name" content="Lindenhaven Ledger">
<meta property="og:image" content="/img/cranes.jpg">
<meta property="article:published_time" content="2026-03-14T09:30:00+01:00">
<meta name="author" content="Maren Ostrowski">
<link rel="canonical" href="https://news.example.com/2026/03/14/harbor-cranes?utm_source=rss&amp;id=7#top">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbor approves electric cranes","datePublished":"2026-03-14T09:30:00+01:00","dateModified":"2026-03-14T12:00:00Z","author":{"@type":"Person","name":"Maren Ostrowski"}}</script>
<script>window.tracking = true;</script>
</head><body>
<nav class="site-nav"><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/ports">Ports</a> <a href="/energy">Energy</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article class="post">
<h1>Harbor approves electric cranes</h1>
<div class="byline">By Maren Ostrowski · <time datetime="2026-03-14T09:30:00+01:00">March 14</time></div>
<div class="entry-content">
${p1}
${p2}
${extra}
${rest.join('\n')}
${tail}
</div>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">New bridge opens</a></li></ul></aside>
<footer class="site-footer">© 2026 Lindenhaven Ledger. <a href="/privacy">Privacy</a></footer>
</body></html>`;
}
