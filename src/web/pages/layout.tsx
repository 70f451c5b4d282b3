/** The page frame shared by every reader page: landmarks, skip link, navigation, search, feed autodiscovery, footer. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { STYLE } from './style.ts';

/** A feed offered for the page (`<link rel="alternate">`). */
export interface FeedLink {
  title: string;
  href: string;
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}

/** RSS, Atom and JSON Feed links for a listing whose feeds live at `base` + .xml/.atom/.json (+ query). */
export function feedLinks(title: string, base: string, query = ''): FeedLink[] {
  return [
    { title: `${title} (RSS)`, href: `${base}.xml${query}`, type: 'application/rss+xml' },
    { title: `${title} (Atom)`, href: `${base}.atom${query}`, type: 'application/atom+xml' },
    { title: `${title} (JSON Feed)`, href: `${base}.json${query}`, type: 'application/feed+json' },
  ];
}

export interface LayoutProps {
  title: string;
  siteName: string;
  description?: string;
  feeds?: FeedLink[];
  /** Current search text (kept in the header search box). */
  query?: string;
  /** Small inline script placed at the end of the body. */
  script?: string;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{props.title === props.siteName ? props.title : `${props.title} — ${props.siteName}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {(props.feeds ?? []).map((f) => (
          <link rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <div class="in">
            <a class="brand" href="/">
              {props.siteName}
            </a>
            <nav aria-label="Main">
              <a href="/">Latest</a>
              <a href="/sources">Sources</a>
              <a href="/about">About</a>
              <a href="/api/docs">API</a>
            </nav>
            <form class="search" role="search" action="/search" method="get">
              <label for="site-q" class="vh">
                Search articles
              </label>
              <input id="site-q" type="search" name="q" value={props.query ?? ''} placeholder="Search, e.g. $BTC or &quot;rate cut&quot;" />
              <button type="submit">Search</button>
            </form>
          </div>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          Articles belong to their publishers and link to the originals. Not investment advice. Powered by tickerwire ·{' '}
          {(props.feeds ?? []).length > 0 ? (
            <>
              Feeds of this page:{' '}
              {(props.feeds ?? []).map((f, i) => (
                <>
                  {i > 0 ? ' · ' : ''}
                  <a href={f.href}>{f.type === 'application/rss+xml' ? 'RSS' : f.type === 'application/atom+xml' ? 'Atom' : 'JSON Feed'}</a>
                </>
              ))}
            </>
          ) : null}
        </footer>
        {props.script ? <script>{raw(props.script)}</script> : null}
      </body>
    </html>
  );
}
