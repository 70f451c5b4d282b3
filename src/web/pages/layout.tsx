/** The page frame shared by every reader page: landmarks, skip link, navigation, footer. */
import type { Child } from 'hono/jsx';
import { STYLE } from './style.ts';

export interface LayoutProps {
  title: string;
  siteName: string;
  description?: string;
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
            </nav>
          </div>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          Articles belong to their publishers and link to the originals. Powered by tickerwire.
        </footer>
      </body>
    </html>
  );
}
