/** SQLite: WebSub subscriptions. */
import type { WebSubSubscription } from '../../model.ts';
import { type Db, toDate, toMs } from './db.ts';

interface WebSubRow {
  source_id: number;
  hub_url: string;
  topic_url: string;
  secret: string;
  state: string;
  lease_seconds: number | null;
  renew_at: number | null;
  verified_at: number | null;
  last_push_at: number | null;
  last_error: string | null;
  updated_at: number;
}

function toSub(r: WebSubRow): WebSubSubscription {
  return {
    sourceId: r.source_id,
    hubUrl: r.hub_url,
    topicUrl: r.topic_url,
    secret: r.secret,
    state: r.state as WebSubSubscription['state'],
    leaseSeconds: r.lease_seconds,
    renewAt: toDate(r.renew_at),
    verifiedAt: toDate(r.verified_at),
    lastPushAt: toDate(r.last_push_at),
    lastError: r.last_error,
    updatedAt: new Date(r.updated_at),
  };
}

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
