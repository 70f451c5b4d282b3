/** One source: its health in full, its latest articles, its feeds. */
import type { Article, Source } from '../../model.ts';
import { sourceHealth } from '../present.ts';
import { fullTime, timeAgo } from './format.ts';
import { ArticleItem } from './home.tsx';
import { feedLinks, Layout } from './layout.tsx';

function When(props: { date: Date | null; now: Date }) {
  return props.date ? (
    <time datetime={props.date.toISOString()} title={fullTime(props.date)}>
      {timeAgo(props.date, props.now)}
    </time>
  ) : (
    <>never</>
  );
}

export function SourcePage(props: { siteName: string; source: Source; articles: Article[]; nextCursor: string | null; now: Date }) {
  const s = props.source;
  const title = s.title || s.url;
  const health = sourceHealth(s);
  return (
    <Layout title={title} siteName={props.siteName} feeds={feedLinks(title, `/sources/${s.id}/feed`)}>
      <h1>
        {title} {s.demoKey ? <span class="badge demo">demo</span> : null}
      </h1>
      <dl class="facts">
        <dt>Health</dt>
        <dd>
          <span class={`badge ${health === 'ok' ? 'ok' : health === 'failing' ? 'bad' : ''}`}>{health}</span>
          {s.consecutiveFailures > 0 ? ` ${s.consecutiveFailures} failures in a row` : ''}
        </dd>
        {s.consecutiveFailures > 0 ? (
          <>
            <dt>Last error</dt>
            <dd class="err">
              {s.lastErrorCode ?? ''}: {s.lastError ?? ''}
            </dd>
          </>
        ) : null}
        <dt>Last success</dt>
        <dd>
          <When date={s.lastSuccessAt} now={props.now} />
        </dd>
        <dt>Newest item</dt>
        <dd>
          <When date={s.lastItemAt} now={props.now} />
        </dd>
        <dt>Polled every</dt>
        <dd>{Math.round(s.pollIntervalSec / 60)} min</dd>
        <dt>Articles</dt>
        <dd>{s.articleCount}</dd>
        <dt>Republishing</dt>
        <dd>{s.policy === 'full' ? 'full text' : s.policy === 'excerpt' ? 'excerpt and link' : 'link only'}</dd>
        <dt>Feed</dt>
        <dd class="url">{s.url}</dd>
        {s.siteUrl ? (
          <>
            <dt>Site</dt>
            <dd>
              <a href={s.siteUrl} rel="noopener noreferrer nofollow">
                {s.siteUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Latest articles</h2>
      {props.articles.length === 0 ? (
        <p>No articles from this source yet.</p>
      ) : (
        <ol class="list">
          {props.articles.map((a) => (
            <ArticleItem article={a} source={s} now={props.now} />
          ))}
        </ol>
      )}
      {props.nextCursor ? (
        <nav class="pager" aria-label="Pagination">
          <span />
          <a href={`/?source=${s.id}&cursor=${encodeURIComponent(props.nextCursor)}`}>Older articles →</a>
        </nav>
      ) : null}
    </Layout>
  );
}
