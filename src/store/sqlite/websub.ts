/** SQLite: WebSub subscriptions. */
import type { WebSubSubscription } from '../../model.ts';
import { toSub, type WebSubRow } from '../rows.ts';
import { type Db, toMs } from './db.ts';



export function getWebSub(db: Db, sourceId: number): WebSubSubscription | undefined {
  const row = db.prepare('SELECT * FROM websub_subscriptions WHERE source_id = ?').get(sourceId) as WebSubRow | undefined;
  return row && toSub(row);
}

export function saveWebSub(db: Db, s: WebSubSubscription): void {
  db.prepare(
    `INSERT OR REPLACE INTO websub_subscriptions (source_id, hub_url, topic_url, secret, state, lease_seconds, renew_at,
       verified_at, last_push_at, last_error, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.sourceId,
    s.hubUrl,
    s.topicUrl,
    s.secret,
    s.state,
    s.leaseSeconds,
    toMs(s.renewAt),
    toMs(s.verifiedAt),
    toMs(s.lastPushAt),
    s.lastError,
    s.updatedAt.getTime(),
  );
}

export function listWebSubsToRenew(db: Db, now: Date): WebSubSubscription[] {
  return (
    db.prepare("SELECT * FROM websub_subscriptions WHERE state = 'active' AND renew_at <= ? ORDER BY renew_at").all(now.getTime()) as WebSubRow[]
  ).map(toSub);
}
