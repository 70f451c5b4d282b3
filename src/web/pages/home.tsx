/** Home page: latest articles, newest first, with filters (source, topic, time), pagination that keeps its place, live bar. */
import type { Article, Source } from '../../model.ts';
import { TOPIC_SPECS, TOPICS, type Topic } from '../../topics/index.ts';
import { type InstrumentChip, InstrumentChips, TopicTags } from './chips.tsx';
import { fullTime, hostOf, timeAgo } from './format.ts';
import { feedLinks, Layout } from './layout.tsx';
import { SourceSelect, TimeSelect } from './filters.tsx';
import { LIVE_SCRIPT } from './live.ts';

/** Time windows offered by the home filter. */
export interface HomeProps {
  siteName: string;
  articles: Article[];
  sources: Map<number, Source>;
  nextCursor: string | null;
  now: Date;
  filterSource?: Source | undefined;
  /** Key of TIME_WINDOWS, when filtered by time. */
  within?: string | undefined;
  /** True on later pages (the list starts at a cursor). */
  isPaged?: boolean;
  instruments?: Map<number, InstrumentChip[]>;
  /** Independent sources per story id (only stories covered by more than one source). */
  storySources?: Map<number, number>;
  filterInstrument?: InstrumentChip | undefined;
  filterTopic?: Topic | undefined;
  /** Topics per article, strongest first. */
  topics?: Map<number, string[]>;
}

export function ArticleItem(props: {
  article: Article;
  source: Source | undefined;
  now: Date;
  chips?: InstrumentChip[] | undefined;
  snippetHtml?: string;
  /** Sources covering this article's story, when more than one. */
  storySources?: number | undefined;
  topics?: string[] | undefined;
}) {
  const { article: a, source, now } = props;
  return (
    <li class="item">
      <h2>
        <a href={`/articles/${a.id}`}>{a.title}</a>
      </h2>
      <div class="meta">
        <a href={source ? `/sources/${source.id}` : a.url}>{source?.title || hostOf(a.url)}</a>
        {source?.demoKey ? <span class="badge demo">demo</span> : null}
        <span aria-hidden="true">·</span>
        <time datetime={a.publishedAt.toISOString()} title={fullTime(a.publishedAt)}>
          {timeAgo(a.publishedAt, now)}
        </time>
        <span aria-hidden="true">·</span>
        <span>{a.readingMinutes} min read</span>
        <TopicTags topics={props.topics} />
        {props.storySources && a.storyId !== null ? (
          <>
            <span aria-hidden="true">·</span>
            <a href={`/stories/${a.storyId}`}>{props.storySources} sources</a>
          </>
        ) : null}
      </div>
      {props.snippetHtml !== undefined ? (
        <p class="excerpt" dangerouslySetInnerHTML={{ __html: props.snippetHtml }} />
      ) : a.excerpt ? (
        <p class="excerpt">{a.excerpt}</p>
      ) : null}
      <InstrumentChips chips={props.chips} />
    </li>
  );
}

/** The query string of the current filters (no cursor). */
export function filterQuery(sourceId: number | undefined, within: string | undefined, topic?: string): string {
  const p = new URLSearchParams();
  if (sourceId !== undefined) p.set('source', String(sourceId));
  if (topic) p.set('topic', topic);
  if (within) p.set('within', within);
  const s = p.toString();
  return s ? `?${s}` : '';
}

function Filters(props: { sources: Map<number, Source>; filterSource: Source | undefined; within: string | undefined; topic: Topic | undefined }) {
  return (
    <form class="filters" method="get" action="/" aria-label="Filter articles">
      <SourceSelect sources={props.sources} selected={props.filterSource?.id} />
      <label>
        Topic{' '}
        <select name="topic">
          <option value="">All topics</option>
          {TOPICS.map((t) => (
            <option value={t} selected={props.topic === t} title={TOPIC_SPECS[t].description}>
              {TOPIC_SPECS[t].label}
            </option>
          ))}
        </select>
      </label>
      <TimeSelect within={props.within} />
      <button type="submit">Filter</button>
    </form>
  );
}

/** The page title: instrument, source or "Latest", and the topic. */
function homeTitle(props: HomeProps): string {
  const base = props.filterInstrument
    ? `${props.filterInstrument.symbol} — ${props.filterInstrument.name}`
    : props.filterSource
      ? props.filterSource.title || props.filterSource.url
      : undefined;
  if (!props.filterTopic) return base ?? 'Latest';
  const topic = TOPIC_SPECS[props.filterTopic].label;
  return base === undefined ? `Latest in ${topic}` : `${base} · ${topic}`;
}

export function HomePage(props: HomeProps) {
  const title = homeTitle(props);
  const topicQuery = props.filterTopic ? `&topic=${props.filterTopic}` : '';
  const filters = props.filterInstrument
    ? `?instrument=${encodeURIComponent(props.filterInstrument.id)}${topicQuery}`
    : filterQuery(props.filterSource?.id, props.within, props.filterTopic);
  const more = props.nextCursor ? `/${filters ? `${filters}&` : '?'}cursor=${encodeURIComponent(props.nextCursor)}` : null;
  const feeds = props.filterInstrument
    ? feedLinks(props.filterInstrument.symbol, `/instruments/${encodeURIComponent(props.filterInstrument.id)}/feed`)
    : props.filterSource
      ? feedLinks(title, `/sources/${props.filterSource.id}/feed`)
      : props.filterTopic
        ? feedLinks(title, '/feed', `?topic=${props.filterTopic}`)
        : feedLinks('Latest', '/feed');
  return (
    <Layout title={title} siteName={props.siteName} feeds={feeds} script={props.isPaged ? '' : LIVE_SCRIPT}>
      <h1>{title}</h1>
      <Filters sources={props.sources} filterSource={props.filterSource} within={props.within} topic={props.filterTopic} />
      <div id="live" class="live" role="status" aria-live="polite" data-source={props.filterSource ? String(props.filterSource.id) : ''} hidden>
        <span class="live-count" /> <a href={`/${filters}`}>Show</a>
      </div>
      {props.articles.length === 0 ? (
        <p>
          No articles {props.within || props.filterSource || props.filterTopic ? 'match these filters' : 'yet'}. Sources are polled on a schedule; check the{' '}
          <a href="/sources">sources page</a> for their health.
        </p>
      ) : (
        <ol class="list">
          {props.articles.map((a) => (
            <ArticleItem
              article={a}
              source={props.sources.get(a.sourceId)}
              now={props.now}
              chips={props.instruments?.get(a.id)}
              topics={props.topics?.get(a.id)}
              storySources={a.storyId === null ? undefined : props.storySources?.get(a.storyId)}
            />
          ))}
        </ol>
      )}
      <nav class="pager" aria-label="Pagination">
        {props.isPaged ? <a href={`/${filters}`}>← Newest</a> : <span />}
        {more ? <a href={more}>Older articles →</a> : null}
      </nav>
    </Layout>
  );
}
