/** Search page: the form with filters (works without JS), results with highlighted snippets, next page, feeds of the query. */
import type { Source } from '../../model.ts';
import type { SearchHit } from '../../store/store.ts';
import { snippetHtml } from '../present.ts';
import type { SearchParams } from '../search.ts';
import { SourceSelect, TimeSelect } from './filters.tsx';
import { ArticleItem } from './home.tsx';
import { feedLinks, Layout } from './layout.tsx';

/** The filters as the request gave them (kept in the form and in links, even when one was rejected). */
export type SearchFilters = Pick<SearchParams, 'source' | 'instrument' | 'within' | 'since' | 'until'>;

export interface SearchPageProps {
  siteName: string;
  query: string;
  filters: SearchFilters;
  hits: SearchHit[];
  sources: Map<number, Source>;
  nextCursor: string | null;
  now: Date;
  /** Message for a query or filter the parser rejected. */
  problem?: string | undefined;
  /** The instrument the filter resolved to (its name is shown). */
  instrument?: { id: string; symbol: string; name: string } | undefined;
}

/** The query string of a search: the words and every filter set. */
export function searchQueryString(query: string, filters: SearchFilters): string {
  const qs = new URLSearchParams({ q: query });
  for (const key of ['source', 'instrument', 'within', 'since', 'until'] as const) {
    const value = filters[key]?.trim();
    if (value) qs.set(key, value);
  }
  return qs.toString();
}

function SearchForm(props: { query: string; filters: SearchFilters; sources: Map<number, Source> }) {
  const f = props.filters;
  return (
    <form class="filters" method="get" action="/search" aria-label="Search with filters">
      <label>
        Words <input type="search" name="q" value={props.query} required />
      </label>
      <SourceSelect sources={props.sources} selected={f.source ? Number(f.source) : undefined} />
      <label>
        Instrument <input name="instrument" value={f.instrument ?? ''} placeholder="NVDA, $BTC or us:NVDA" size={14} />
      </label>
      <TimeSelect within={f.within} />
      {f.since ? <input type="hidden" name="since" value={f.since} /> : null}
      {f.until ? <input type="hidden" name="until" value={f.until} /> : null}
      <button type="submit">Search</button>
    </form>
  );
}

export function SearchPage(props: SearchPageProps) {
  const qs = searchQueryString(props.query, props.filters);
  const feeds = props.query && !props.problem ? feedLinks(`Search "${props.query}"`, '/search/feed', `?${qs}`) : [];
  const more = props.nextCursor ? `/search?${qs}&cursor=${encodeURIComponent(props.nextCursor)}` : null;
  const about = props.instrument ? ` about ${props.instrument.symbol}` : '';
  return (
    <Layout title={props.query ? `Search: ${props.query}` : 'Search'} siteName={props.siteName} feeds={feeds} query={props.query}>
      <h1>{props.query ? <>Results for “{props.query}”{about}</> : 'Search'}</h1>
      <SearchForm query={props.query} filters={props.filters} sources={props.sources} />
      <p class="hint">
        Words must all match. Use <code>"a phrase"</code>, <code>infla*</code> for a prefix, <code>-word</code> to exclude, <code>$BTC</code> for a
        cashtag; the instrument filter keeps articles our linker tied to it{props.instrument ? ` (${props.instrument.name}, ${props.instrument.id})` : ''}.
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
