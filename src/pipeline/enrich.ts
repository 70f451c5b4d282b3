/**
 * @module pipeline/enrich — after articles are stored: find copies (exact and near-duplicate text) and
 * credit the original, link instruments, extract figures and sentiment, file under topics, and group reports
 * into stories.
 * Runs in one process (the scheduler role) over articles not enriched yet, oldest first, so a crash
 * between storing and enriching loses nothing. In-memory indexes are rebuilt from the store on start.
 */
import { extractFigures, type InstrumentIndex, linkInstruments, scoreSentiment } from '../instruments/index.ts';
import type { Logger } from '../log.ts';
import type { Article, ArticleFigure, ArticleInstrument } from '../model.ts';
import type { Store } from '../store/store.ts';
import { classifyTopics } from '../topics/index.ts';
import {
  chooseOriginal,
  DuplicateIndex,
  type Fingerprint,
  fingerprintText,
  fromFingerprintRecord,
  hostOf,
  isDedupCandidate,
  StoryClusterer,
  toFingerprintRecord,
} from '../stories/index.ts';

/** How far back the in-memory duplicate and story indexes reach after a restart. */
const REBUILD_DAYS = 7;
/** Articles enriched per call of `enrichPending`. */
const BATCH = 100;
/** Every this many articles, fingerprints older than the rebuild window leave the duplicate index. */
const PRUNE_EVERY = 1_000;
/**
 * Setting that marks articles enriched before topics existed (migration 007 writes it when there are any):
 * the id the topic backfill has reached, or `done`.
 */
export const TOPICS_BACKFILL_SETTING = 'topics.backfill';
/** Batches of the topic backfill per `enrichPending` pass, so new articles never wait long behind it. */
const BACKFILL_BATCHES_PER_PASS = 10;

export interface EnricherDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  /** Instrument reference data, loaded on first use; null disables linking. */
  instruments: () => InstrumentIndex | null;
}

/** What happened to one article. */
export interface EnrichOutcome {
  articleId: number;
  /** Null when the article was removed because its text had been taken down before. */
  storyId: number | null;
  isNewStory: boolean;
  duplicateOf: number | null;
  instruments: number;
}

/** The topics of an article, from its title, lead and linked instruments. */
function topicsOf(a: Article, instruments: ArticleInstrument[]): string[] {
  return classifyTopics({ title: a.title, text: a.text, instruments });
}

export class Enricher {
  readonly #deps: EnricherDeps;
  readonly #dups = new DuplicateIndex<number>();
  readonly #clusterer = new StoryClusterer<number>();
  /** Clusterer story id → stored story id. */
  readonly #storyIds = new Map<string, number>();
  /** Article → the original it copies (null for originals), for articles in the indexes. */
  readonly #dupOf = new Map<number, number | null>();
  /** Publication time (ms) of every article in the duplicate index, for pruning. */
  readonly #times = new Map<number, number>();
  #addsSincePrune = 0;
  #ready: Promise<void> | null = null;
  #running: Promise<EnrichOutcome[]> | null = null;

  constructor(deps: EnricherDeps) {
    this.#deps = deps;
  }

  /** Rebuild the indexes from recent enriched articles (idempotent; called lazily). */
  init(): Promise<void> {
    this.#ready ??= this.#rebuild();
    return this.#ready;
  }

  async #rebuild(): Promise<void> {
    const since = new Date(this.#deps.now().getTime() - REBUILD_DAYS * 86_400_000);
    const state = await this.#deps.store.listEnrichmentState(since);
    for (const s of state) {
      if (s.fingerprint) this.#dups.add(s.id, fromFingerprintRecord(JSON.parse(s.fingerprint)));
      this.#dupOf.set(s.id, s.duplicateOf);
      this.#times.set(s.id, s.publishedAt.getTime());
      const input = {
        id: s.id,
        title: s.title,
        text: s.lead,
        publishedAt: s.publishedAt,
        instruments: s.subjectInstruments,
        sourceKey: String(s.sourceId),
        ...(s.duplicateOf !== null ? { duplicateOf: s.duplicateOf } : {}),
      };
      if (s.storyId === null) {
        this.#clusterer.add(input);
        continue;
      }
      // Keep the stored grouping (an admin split included): file the article in its stored story.
      const key = `db${s.storyId}`;
      this.#clusterer.place(input, key);
      this.#storyIds.set(key, s.storyId);
    }
    this.#deps.log.info('enrich.rebuilt', { articles: state.length, stories: this.#storyIds.size });
  }

  /** Enrich every pending article (one pass at a time; concurrent calls share it). */
  enrichPending(): Promise<EnrichOutcome[]> {
    if (this.#running) return this.#running;
    this.#running = this.#drain().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #drain(): Promise<EnrichOutcome[]> {
    await this.init();
    const out: EnrichOutcome[] = [];
    for (;;) {
      const batch = await this.#deps.store.listPendingEnrichment(BATCH);
      if (batch.length === 0) break;
      for (const a of batch) out.push(await this.#enrichOne(a));
    }
    await this.backfillTopics(BACKFILL_BATCHES_PER_PASS);
    return out;
  }

  /**
   * File articles enriched before topics existed under their topics, `maxBatches` batches at a time,
   * resuming where the last pass stopped. Returns how many articles were classified.
   */
  async backfillTopics(maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
    const { store, log } = this.#deps;
    const mark = await store.getSetting(TOPICS_BACKFILL_SETTING);
    if (mark === undefined || mark === 'done') return 0;
    let after = Number(mark) || 0;
    let classified = 0;
    for (let b = 0; b < maxBatches; b++) {
      const batch = await store.listEnrichedArticlesAfter(after, BATCH);
      if (batch.length === 0) {
        await store.setSetting(TOPICS_BACKFILL_SETTING, 'done');
        log.info('enrich.topics_backfilled', { through: after });
        break;
      }
      const links = await store.listArticleInstruments(batch.map((a) => a.id));
      for (const a of batch) await store.saveArticleTopics(a.id, topicsOf(a, links.get(a.id) ?? []));
      classified += batch.length;
      after = batch.at(-1)?.id ?? after;
      await store.setSetting(TOPICS_BACKFILL_SETTING, String(after));
    }
    return classified;
  }

  /** Forget fingerprints older than the rebuild window: copies of old news are rare, memory is not free. */
  #prune(): void {
    this.#addsSincePrune = 0;
    const cutoff = this.#deps.now().getTime() - REBUILD_DAYS * 86_400_000;
    for (const [id, at] of this.#times) {
      if (at >= cutoff) continue;
      this.#dups.remove(id);
      this.#dupOf.delete(id);
      this.#times.delete(id);
    }
  }

  /** The root original of an article known to the indexes. */
  #rootOf(id: number): number {
    let current = id;
    for (let hops = 0; hops < 10; hops++) {
      const next = this.#dupOf.get(current);
      if (next === undefined || next === null) return current;
      current = next;
    }
    return current;
  }

  async #findOriginal(a: Article, fp: Fingerprint): Promise<number | null> {
    const { store } = this.#deps;
    if (!isDedupCandidate(fp)) return null;
    const match = (await store.findArticleByContentHash(a.contentHash, a.id)) ?? this.#dups.findNearDuplicates(fp)[0]?.id;
    if (match === undefined) return null;
    const root = this.#rootOf(match);
    const rootArticle = await store.getArticle(root);
    if (!rootArticle) return null;
    const group = [rootArticle, ...(await store.listCopies(root)).filter((c) => c.id !== a.id), a];
    const choice = chooseOriginal(
      group.map((g) => ({
        id: g.id,
        url: g.url,
        canonicalUrl: g.canonicalUrl,
        originUrl: g.originUrl,
        publishedAt: g.publishedAt,
        wordCount: g.wordCount,
        sourceHost: hostOf(g.url) ?? '',
      })),
    );
    if (choice.id === a.id) {
      // The newcomer is the original (e.g. the copies credit it): re-point the whole group at it.
      const others = group.filter((g) => g.id !== a.id).map((g) => g.id);
      await store.setDuplicateOf(others, a.id);
      for (const id of others) this.#dupOf.set(id, a.id);
      this.#deps.log.info('enrich.original_replaced', { articleId: a.id, previous: root, reason: choice.reason });
      return null;
    }
    if (choice.id !== root) {
      const others = group.filter((g) => g.id !== choice.id && g.id !== a.id).map((g) => g.id);
      await store.setDuplicateOf(others, choice.id);
      for (const id of others) this.#dupOf.set(id, choice.id);
    }
    return choice.id;
  }

  #link(a: Article): { instruments: ArticleInstrument[]; figures: ArticleFigure[] } {
    const index = this.#deps.instruments();
    if (!index) return { instruments: [], figures: [] };
    const links = linkInstruments(index, { title: a.title, text: a.text, lang: a.lang });
    const figures = extractFigures(a.text, { index }).map((f) => ({
      subject: f.subject ?? null,
      metric: f.metric,
      value: f.value,
      unit: f.unit,
      period: f.period ?? null,
      sentence: f.sentence,
    }));
    return { instruments: links.map((l) => ({ ...l })), figures };
  }

  async #storyFor(a: Article, duplicateOf: number | null, subjects: string[]): Promise<{ id: number; isNew: boolean }> {
    const { store } = this.#deps;
    const assignment = this.#clusterer.add({
      id: a.id,
      title: a.title,
      text: a.text,
      publishedAt: a.publishedAt,
      instruments: subjects,
      sourceKey: String(a.sourceId),
      ...(duplicateOf !== null ? { duplicateOf } : {}),
    });
    const write = this.#storyWrite(assignment.storyId, a);
    let id = this.#storyIds.get(assignment.storyId);
    const isNew = id === undefined;
    if (id === undefined) {
      id = await store.insertStory(write);
      this.#storyIds.set(assignment.storyId, id);
    } else await store.updateStory(id, write);
    for (const m of assignment.merged) {
      const from = this.#storyIds.get(m);
      this.#storyIds.delete(m);
      if (from !== undefined && from !== id) await store.mergeStories([from], id);
    }
    return { id, isNew };
  }

  async #enrichOne(a: Article): Promise<EnrichOutcome> {
    const { store } = this.#deps;
    if (await store.isTakenDown({ contentHash: a.contentHash })) {
      // Republished text of something removed on request: it goes the same way.
      await store.insertTakedown(
        { articleId: a.id, sourceId: null, title: a.title, reason: 'copy of content taken down earlier', requestedBy: 'tickerwire' },
        [{ id: a.id, canonicalUrl: a.canonicalUrl, contentHash: a.contentHash }],
        this.#deps.now(),
      );
      this.#deps.log.info('enrich.copy_of_takedown_removed', { articleId: a.id });
      return { articleId: a.id, storyId: null, isNewStory: false, duplicateOf: null, instruments: 0 };
    }
    const fp = fingerprintText(a.text);
    const duplicateOf = await this.#findOriginal(a, fp);
    this.#dups.add(a.id, fp);
    this.#dupOf.set(a.id, duplicateOf);
    this.#times.set(a.id, a.publishedAt.getTime());
    if (++this.#addsSincePrune >= PRUNE_EVERY) this.#prune();
    const { instruments, figures } = this.#link(a);
    const subjects = instruments.filter((i) => i.role === 'subject').map((i) => i.instrumentId);
    const story = await this.#storyFor(a, duplicateOf, subjects);
    await this.#deps.store.saveEnrichment({
      articleId: a.id,
      storyId: story.id,
      duplicateOf,
      sentiment: scoreSentiment(`${a.title}. ${a.text}`).score,
      figures,
      instruments,
      fingerprint: isDedupCandidate(fp) ? JSON.stringify(toFingerprintRecord(fp)) : null,
      topics: topicsOf(a, instruments),
      at: this.#deps.now(),
    });
    return { articleId: a.id, storyId: story.id, isNewStory: story.isNew, duplicateOf, instruments: instruments.length };
  }

  /**
   * Admin split: move an article (and its copies) out of its story into a new story of its own.
   * Returns the new story id, or undefined when the article is unknown to the indexes.
   */
  async splitArticle(articleId: number): Promise<number | undefined> {
    await this.init();
    const { store } = this.#deps;
    const clusterId = this.#clusterer.split(articleId);
    const article = await store.getArticle(articleId);
    if (clusterId === undefined || !article) return undefined;
    const story = this.#clusterer.getStory(clusterId);
    const write = this.#storyWrite(clusterId, article);
    let id = this.#storyIds.get(clusterId);
    if (id === undefined || id === article.storyId) {
      id = await store.insertStory(write);
      this.#storyIds.set(clusterId, id);
    }
    for (const member of story?.articles ?? []) await store.moveArticleToStory(member.id, id);
    // The story it left changes too: new headline, counts and times.
    for (const [clusterStory, storedId] of this.#storyIds) {
      if (storedId !== article.storyId || clusterStory === clusterId) continue;
      const left = this.#clusterer.getStory(clusterStory);
      const headline = left?.headlineArticleId == null ? undefined : await store.getArticle(left.headlineArticleId);
      if (left && headline) await store.updateStory(storedId, this.#storyWrite(clusterStory, headline));
    }
    return id;
  }

  /** Stored fields of a clusterer story (falling back to `a` alone when the clusterer lost it). */
  #storyWrite(clusterStoryId: string, a: Article) {
    const story = this.#clusterer.getStory(clusterStoryId);
    return {
      headline: story?.headline ?? a.title,
      headlineArticleId: story?.headlineArticleId ?? a.id,
      firstSeenAt: story?.firstSeen ?? a.publishedAt,
      lastUpdateAt: story?.lastUpdate ?? a.publishedAt,
      sourceCount: story?.sourceCount ?? 1,
      articleCount: story?.articles.length ?? 1,
    };
  }
}
