/** About page: what this site is, where articles come from, how removal works. */
import { Layout } from './layout.tsx';

export function AboutPage(props: { siteName: string; contactEmail: string }) {
  return (
    <Layout title="About" siteName={props.siteName}>
      <article class="body">
        <h1>About {props.siteName}</h1>
        <p>
          {props.siteName} collects market, crypto and technology news from public feeds, extracts each article's text,
          removes site boilerplate, and shows it with a link to the original publisher.
        </p>
        <p>
          Every article names its source and links to the original. Some sources allow only an excerpt; for those we show
          the excerpt and a link. Nothing here is investment advice.
        </p>
        <h2>Removal requests</h2>
        <p>
          Rights holders can ask for an article or a whole source to be removed by writing to{' '}
          <a href={`mailto:${props.contactEmail}`}>{props.contactEmail}</a>.
        </p>
        <p>
          Machine-readable access: the <a href="/api/docs">JSON API</a> (documented, with an{' '}
          <a href="/api/openapi.json">OpenAPI document</a>), live updates as Server-Sent Events at <code>/api/events</code>, and
          feeds of every listing: <a href="/feed.xml">RSS</a> · <a href="/feed.atom">Atom</a> · <a href="/feed.json">JSON Feed</a>{' '}
          (sources, stories, instruments and searches have theirs too).
        </p>
      </article>
    </Layout>
  );
}
