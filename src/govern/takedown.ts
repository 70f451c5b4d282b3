/**
 * @module govern/takedown — removal on request. Taking down an article removes it and every copy of it
 * (the same text republished elsewhere) from listings, pages, feeds, search and stories, and records
 * their canonical URLs and text hashes so the content is never ingested again. Taking down a source
 * does the same for all of its articles and stops polling it.
 */
import { AppError } from '../errors.ts';
import type { Article, Takedown } from '../model.ts';
import type { TakedownKey } from '../store/govern-store.ts';
import type { Store } from '../store/store.ts';

export interface TakedownRequest {
  reason: string;
  /** Who asked (a name or e-mail address), for the record. */
  requestedBy: string;
}

/** Listing page size while collecting a source's articles. */
const PAGE = 500;

const keyOf = (a: Article): TakedownKey => ({ id: a.id, canonicalUrl: a.canonicalUrl, contentHash: a.contentHash });

/** An article, its original and every copy of that original. */
async function withCopies(store: Store, article: Article): Promise<Article[]> {
  const root = article.duplicateOf === null ? article : ((await store.getArticle(article.duplicateOf)) ?? article);
  const group = new Map<number, Article>([[root.id, root], [article.id, article]]);
  for (const copy of await store.listCopies(root.id)) group.set(copy.id, copy);
  return [...group.values()];
}

function checkReason(req: TakedownRequest): void {
  if (req.reason.trim().length < 3) throw new AppError('bad_request', 'a takedown needs a reason');
}

/**
 * Take down one article and its copies.
 * @throws AppError not_found when the article does not exist; bad_request without a reason
 */
export async function takeDownArticle(store: Store, articleId: number, req: TakedownRequest, now: Date): Promise<Takedown> {
  checkReason(req);
  const article = await store.getArticle(articleId);
  if (!article) throw new AppError('not_found', `article ${articleId} not found`);
  const group = await withCopies(store, article);
  return store.insertTakedown(
    { articleId, sourceId: null, title: article.title, reason: req.reason.trim(), requestedBy: req.requestedBy },
    group.map(keyOf),
    now,
  );
}

/**
 * Take down everything a source published (with copies elsewhere) and stop polling it.
 * @throws AppError not_found when the source does not exist; bad_request without a reason
 */
export async function takeDownSource(store: Store, sourceId: number, req: TakedownRequest, now: Date): Promise<Takedown> {
  checkReason(req);
  const source = await store.getSource(sourceId);
  if (!source) throw new AppError('not_found', `source ${sourceId} not found`);
  const keys = new Map<number, TakedownKey>();
  let cursor: string | undefined;
  do {
    const page = await store.listArticles({ sourceId, limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const a of page.items) for (const member of await withCopies(store, a)) keys.set(member.id, keyOf(member));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await store.updateSource(sourceId, { isEnabled: false });
  return store.insertTakedown(
    { articleId: null, sourceId, title: source.title || source.url, reason: req.reason.trim(), requestedBy: req.requestedBy },
    [...keys.values()],
    now,
  );
}
