/** Home page: latest articles, newest first, with source, time and reading time. */
import type { Article, Source } from '../../model.ts';
import { fullTime, hostOf, timeAgo } from './format.ts';
import { Layout } from './layout.tsx';

export interface HomeProps {
  siteName: string;
  articles: Article[];
  sources: Map<number, Source>;
  nextCursor: string | null;
  now: Date;
  filterSource?: Source | undefined;
}

export function ArticleItem(props: { article: Article; source: Source | undefined; now: Date }) {
  const { article: a, source, now } = props;
  return (
    <li class="item">
      <h2>
        <a href={`/articles/${a.id}`}>{a.title}</a>
      </h2>
      <div class="meta">
        <a href={source ? `/?source=${source.id}` : '#'}>{source?.title || hostOf(a.url)}</a>
        {source?.demoKey ? <span class="badge demo">demo</span> : null}
        <span aria-hidden="true">·</span>
        <time datetime={a.publishedAt.toISOString()} title={fullTime(a.publishedAt)}>
          {timeAgo(a.publishedAt, now)}
        </time>
        <span aria-hidden="true">·</span>
        <span>{a.readingMinutes} min read</span>
      </div>
      {a.excerpt ? <p class="excerpt">{a.excerpt}</p> : null}
    </li>
  );
}

export function HomePage(props: HomeProps) {
  const title = props.filterSource ? props.filterSource.title || props.filterSource.url : 'Latest';
  const more = props.nextCursor
    ? `/?cursor=${encodeURIComponent(props.nextCursor)}${props.filterSource ? `&source=${props.filterSource.id}` : ''}`
    : null;
  return (
    <Layout title={title} siteName={props.siteName}>
      <h1>{title}</h1>
      {props.articles.length === 0 ? (
        <p>No articles yet. Sources are polled on a schedule; check the <a href="/sources">sources page</a> for their health.</p>
      ) : (
        <ol class="list">
          {props.articles.map((a) => (
            <ArticleItem article={a} source={props.sources.get(a.sourceId)} now={props.now} />
          ))}
        </ol>
      )}
      <nav class="pager" aria-label="Pagination">
        <span />
        {more ? <a href={more}>Older articles →</a> : null}
      </nav>
    </Layout>
  );
}
