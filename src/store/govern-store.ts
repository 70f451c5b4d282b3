/** The part of the Store for governance: takedowns that remove content everywhere and keep it out. */
import type { NewTakedown, Takedown } from '../model.ts';

/** An article removed by a takedown, with the keys that keep it out. */
export interface TakedownKey {
  id: number;
  canonicalUrl: string;
  contentHash: string;
}

export interface GovernStore {
  /**
   * Delete `articles` (from listings, pages, feeds, search and stories) and record the takedown, in one
   * transaction. Their canonical URLs and text hashes are kept so the content cannot come back.
   */
  insertTakedown(takedown: NewTakedown, articles: TakedownKey[], at: Date): Promise<Takedown>;
  /** Every takedown, newest first. */
  listTakedowns(): Promise<Takedown[]>;
  /** True when content with this canonical URL or text hash was taken down. */
  isTakenDown(keys: { canonicalUrl?: string; contentHash?: string }): Promise<boolean>;
}
