/**
 * What enrichment adds to the reader, read from the store: instrument chips, key facts, "More coverage"
 * (the other articles of an article's story). Pure helpers plus batched store reads.
 */
import type { Article, ArticleInstrument } from '../model.ts';
import type { WebDeps } from './context.ts';
import type { InstrumentChip } from './pages/chips.tsx';

/** Most chips shown per article. */
const MAX_CHIPS = 4;
/** Most key facts shown on an article page. */
const MAX_FACTS = 5;
/** Most "More coverage" links. */
const MAX_COVERAGE = 8;

/** Chips of one article: subjects first, then by salience. */
export function toChips(instruments: ArticleInstrument[]): InstrumentChip[] {
  return [...instruments]
    .sort((a, b) => (a.role === b.role ? b.salience - a.salience : a.role === 'subject' ? -1 : 1))
    .slice(0, MAX_CHIPS)
    .map((i) => ({ id: i.instrumentId, symbol: i.symbol, name: i.name }));
}

/** Instrument chips for a list of articles (one store read). */
export async function chipsFor(deps: WebDeps, articles: Article[]): Promise<Map<number, InstrumentChip[]>> {
  if (articles.length === 0) return new Map();
  const byArticle = await deps.store.listArticleInstruments(articles.map((a) => a.id));
  return new Map([...byArticle].map(([id, list]) => [id, toChips(list)]));
}

/** Topics of a list of articles, strongest first (one store read). */
export async function topicsFor(deps: WebDeps, articles: Article[]): Promise<Map<number, string[]>> {
  if (articles.length === 0) return new Map();
  return deps.store.listArticleTopics(articles.map((a) => a.id));
}

/** Key facts: the distinct sentences behind the figures the article states. */
export function keyFacts(article: Article): string[] {
  const seen = new Set<string>();
  for (const f of article.figures ?? []) {
    const s = f.sentence.trim();
    if (s) seen.add(s);
    if (seen.size >= MAX_FACTS) break;
  }
  return [...seen];
}

/** Other articles of the same story (copies of this article left out), newest first. */
export async function coverageFor(deps: WebDeps, article: Article): Promise<Article[]> {
  if (article.storyId === null) return [];
  const all = await deps.store.listStoryArticles(article.storyId);
  return all
    .filter((a) => a.id !== article.id && a.duplicateOf !== article.id && article.duplicateOf !== a.id)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .slice(0, MAX_COVERAGE);
}

/** Number of independent sources per story of these articles (stories with one source left out). */
export async function storySources(deps: WebDeps, articles: Article[]): Promise<Map<number, number>> {
  const ids = [...new Set(articles.map((a) => a.storyId).filter((id): id is number => id !== null))];
  const out = new Map<number, number>();
  for (const id of ids) {
    const story = await deps.store.getStory(id);
    if (story && story.sourceCount > 1) out.set(id, story.sourceCount);
  }
  return out;
}
