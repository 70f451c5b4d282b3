/** Article page: title, source linking to the original, author, times, reading time, body, attribution. */
import type { Article, Source } from '../../model.ts';
import { fullTime, hostOf } from './format.ts';
import { Layout } from './layout.tsx';

export interface ArticleProps {
  siteName: string;
  article: Article;
  source: Source | undefined;
  contactEmail: string;
}

export function ArticlePage({ siteName, article: a, source, contactEmail }: ArticleProps) {
  const sourceName = source?.title || hostOf(a.url);
  const full = !source || source.policy === 'full';
  return (
    <Layout title={a.title} siteName={siteName} description={a.excerpt}>
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
        </div>
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
    </Layout>
  );
}
