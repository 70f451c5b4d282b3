/** The part of the Store that keeps WebSub subscriptions. */
import type { WebSubSubscription } from '../model.ts';

export interface WebSubStore {
  getWebSub(sourceId: number): Promise<WebSubSubscription | undefined>;
  /** Insert or replace the subscription of `sub.sourceId`. */
  saveWebSub(sub: WebSubSubscription): Promise<void>;
  /** Active subscriptions whose lease should be renewed by `now`. */
  listWebSubsToRenew(now: Date): Promise<WebSubSubscription[]>;
}
