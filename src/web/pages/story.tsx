/** A story: every article reporting one event, from every source, oldest first, with its feeds. */
import type { Article, Source, StorySummary } from '../../model.ts';
import type { InstrumentChip } from './chips.tsx';
import { fullTime } from './format.ts';
import { ArticleItem } from './home.tsx';
import { feedLinks, Layout } from './layout.tsx';

export function StoryPage(props: {
  siteName: string;
  story: StorySummary;
  articles: Article[];
  sources: Map<number, Source>;
  chips: Map<number, InstrumentChip[]>;
  now: Date;
}) {
  const s = props.story;
  return (
    <Layout title={s.headline} siteName={props.siteName} feeds={feedLinks(`Story: ${s.headline}`, `/stories/${s.id}/feed`)}>
      <h1>{s.headline}</h1>
      <p class="meta">
        {s.sourceCount} {s.sourceCount === 1 ? 'source' : 'sources'} · {s.articleCount} {s.articleCount === 1 ? 'article' : 'articles'} · first seen{' '}
        <time datetime={s.firstSeenAt.toISOString()}>{fullTime(s.firstSeenAt)}</time> · updated{' '}
        <time datetime={s.lastUpdateAt.toISOString()}>{fullTime(s.lastUpdateAt)}</time>
      </p>
      <ol class="list">
        {props.articles.map((a) => (
          <ArticleItem article={a} source={props.sources.get(a.sourceId)} now={props.now} chips={props.chips.get(a.id)} />
        ))}
      </ol>
    </Layout>
  );
}
