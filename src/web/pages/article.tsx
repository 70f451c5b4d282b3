/**
 * Article page: title, source linking to the original, author, times, reading time, body, attribution;
 * and slots that render when their data exists: instrument chips, key facts, market box, more coverage
 * (other sources of the same story), you may also like.
 */
import type { Child } from 'hono/jsx';
import type { Article, Source } from '../../model.ts';
import { type InstrumentChip, InstrumentChips, Panel, TopicTags } from './chips.tsx';
import { fullTime, hostOf, timeAgo } from './format.ts';
import { Layout } from './layout.tsx';

/** Another article shown beside this one (coverage or related). */
export interface ArticleLink {
  article: Article;
  source: Source | undefined;
}

export interface ArticleProps {
  siteName: string;
  article: Article;
  source: Source | undefined;
  contactEmail: string;
  now?: Date;
  chips?: InstrumentChip[] | undefined;
  /** Topics, strongest first. */
  topics?: string[] | undefined;
  keyFacts?: string[] | undefined;
  /** Rendered market box (quotes, sparkline) when instruments and quotes exist. */
  market?: Child;
  moreCoverage?: ArticleLink[] | undefined;
  related?: ArticleLink[] | undefined;
}

function LinkList(props: { items: ArticleLink[]; now: Date }) {
  return (
    <ul class="links">
      {props.items.map(({ article, source }) => (
        <li>
          <a href={`/articles/${article.id}`}>{article.title}</a>
          <div class="meta">
            <span>{source?.title || hostOf(article.url)}</span>
            <span aria-hidden="true">·</span>
            <time datetime={article.publishedAt.toISOString()} title={fullTime(article.publishedAt)}>
              {timeAgo(article.publishedAt, props.now)}
            </time>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function ArticlePage(props: ArticleProps) {
  const { siteName, article: a, source, contactEmail } = props;
  const now = props.now ?? new Date();
  const sourceName = source?.title || hostOf(a.url);
  const full = !source || source.policy === 'full';
  return (
    <Layout title={a.title} siteName={siteName} description={a.excerpt}>
      <div class="article-grid">
      <article class="body">
        <h1>{a.title}</h1>
        <div class="meta">
          <a href={a.url} rel="noopener noreferrer nofollow">
            {sourceName}
          </a>
          {a.author ? (
            <>
              <span aria-hidden="true">·</span>
              <span>{a.author}</span>
            </>
          ) : null}
          <span aria-hidden="true">·</span>
          <time datetime={a.publishedAt.toISOString()}>{fullTime(a.publishedAt)}</time>
          <span aria-hidden="true">·</span>
          <span>{a.readingMinutes} min read</span>
          <TopicTags topics={props.topics} />
        </div>
        <InstrumentChips chips={props.chips} />
        <Panel title="Key facts" label="Key facts" show={(props.keyFacts ?? []).length > 0}>
          <ul>
            {(props.keyFacts ?? []).map((f) => (
              <li>{f}</li>
            ))}
          </ul>
        </Panel>
        {full ? (
          <div class="content" dangerouslySetInnerHTML={{ __html: a.html }} />
        ) : (
          <div class="content">
            <p>{a.excerpt}</p>
            <p>
              <a href={a.url} rel="noopener noreferrer nofollow">
                Read the full article at {sourceName} →
              </a>
            </p>
          </div>
        )}
        <aside class="attribution" aria-label="Attribution">
          <p>
            This article was published by <strong>{sourceName}</strong>
            {a.author ? <> (author: {a.author})</> : null} and is shown here with attribution. Original:{' '}
            <a href={a.url} rel="noopener noreferrer nofollow">
              {a.url}
            </a>
            {a.originUrl && a.originUrl !== a.url ? (
              <>
                {' '}
                — first published at{' '}
                <a href={a.originUrl} rel="noopener noreferrer nofollow">
                  {hostOf(a.originUrl)}
                </a>
              </>
            ) : null}
            .
          </p>
          <p>
            Not investment advice. Rights holders can request removal by writing to{' '}
            <a href={`mailto:${contactEmail}?subject=${encodeURIComponent(`Removal request: article ${a.id}`)}`}>{contactEmail}</a>{' '}
            with the article link.
          </p>
        </aside>
      </article>
      <aside class="side" aria-label="More on this">
        {props.market ? (
          <section class="panel market" aria-label="Market">
            {props.market}
          </section>
        ) : null}
        <Panel title="More coverage" label="More coverage" show={(props.moreCoverage ?? []).length > 0}>
          <LinkList items={props.moreCoverage ?? []} now={now} />
        </Panel>
        <Panel title="You may also like" label="You may also like" show={(props.related ?? []).length > 0}>
          <LinkList items={props.related ?? []} now={now} />
        </Panel>
      </aside>
      </div>
    </Layout>
  );
}
