/**
 * Real, public crypto / markets / tech news feeds seeded on first start (when `seedDefaultSources`).
 * Offline they simply show as unhealthy sources with the reason. Users edit the list in the config
 * file (`defaultSources`) or remove sources with `tickerwire sources remove ID`.
 */
export const DEFAULT_SOURCES: ReadonlyArray<{ url: string; title: string }> = [
  { url: 'https://www.coindesk.com/arc/outboundfeeds/rss/', title: 'CoinDesk' },
  { url: 'https://cointelegraph.com/rss', title: 'Cointelegraph' },
  { url: 'https://decrypt.co/feed', title: 'Decrypt' },
  { url: 'https://bitcoinmagazine.com/feed', title: 'Bitcoin Magazine' },
  { url: 'https://www.theblock.co/rss.xml', title: 'The Block' },
  { url: 'https://feeds.content.dowjones.io/public/rss/mw_topstories', title: 'MarketWatch Top Stories' },
  { url: 'https://www.cnbc.com/id/100003114/device/rss/rss.html', title: 'CNBC Top News' },
  { url: 'https://finance.yahoo.com/news/rssindex', title: 'Yahoo Finance' },
  { url: 'https://techcrunch.com/feed/', title: 'TechCrunch' },
  { url: 'https://www.theverge.com/rss/index.xml', title: 'The Verge' },
  { url: 'https://feeds.arstechnica.com/arstechnica/index', title: 'Ars Technica' },
  { url: 'https://hnrss.org/frontpage', title: 'Hacker News front page' },
];
