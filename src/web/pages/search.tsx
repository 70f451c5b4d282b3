/** Search page: the form (works without JS), results with highlighted snippets, next page, feeds of the query. */
import type { Source } from '../../model.ts';
import type { SearchHit } from '../../store/store.ts';
import { snippetHtml } from '../present.ts';
import { ArticleItem } from './home.tsx';
import { feedLinks, Layout } from './layout.tsx';

export interface SearchPageProps {
  siteName: string;
  query: string;
  hits: SearchHit[];
  sources: Map<number, Source>;
  nextCursor: string | null;
  now: Date;
  /** Message for a query the parser rejected. */
  problem?: string | undefined;
  sourceId?: number | undefined;
}

export function SearchPage(props: SearchPageProps) {
  const qs = new URLSearchParams({ q: props.query });
  if (props.sourceId !== undefined) qs.set('source', String(props.sourceId));
  const feeds = props.query && !props.problem ? feedLinks(`Search "${props.query}"`, '/search/feed', `?${qs.toString()}`) : [];
  const more = props.nextCursor ? `/search?${qs.toString()}&cursor=${encodeURIComponent(props.nextCursor)}` : null;
  return (
    <Layout title={props.query ? `Search: ${props.query}` : 'Search'} siteName={props.siteName} feeds={feeds} query={props.query}>
      <h1>{props.query ? <>Results for “{props.query}”</> : 'Search'}</h1>
      <p class="hint">
        Words must all match. Use <code>"a phrase"</code>, <code>infla*</code> for a prefix, <code>-word</code> to exclude, <code>$BTC</code> for a
        cashtag.
      </p>
      {props.problem ? <p class="problem">{props.problem}</p> : null}
      {props.query && !props.problem && props.hits.length === 0 ? <p>No articles match.</p> : null}
      {props.hits.length > 0 ? (
        <ol class="list">
          {props.hits.map((h) => (
            <ArticleItem article={h.article} source={props.sources.get(h.article.sourceId)} now={props.now} snippetHtml={snippetHtml(h.snippet)} />
          ))}
        </ol>
      ) : null}
      <nav class="pager" aria-label="Pagination">
        <span />
        {more ? <a href={more}>More results →</a> : null}
      </nav>
    </Layout>
  );
}
