/** PostgreSQL: WebSub subscriptions (same semantics as sqlite/websub.ts). */
import type { WebSubSubscription } from '../../model.ts';
import { type Sql, toDate, toMs } from './db.ts';

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

export async function getWebSub(sql: Sql, sourceId: number): Promise<WebSubSubscription | undefined> {
  const row = (await sql.query<WebSubRow>('SELECT * FROM websub_subscriptions WHERE source_id = $1', [sourceId])).rows[0];
  return row && toSub(row);
}

/** Insert or replace (SQLite's INSERT OR REPLACE: every column from `s`). */
export async function saveWebSub(sql: Sql, s: WebSubSubscription): Promise<void> {
  await sql.query(
    `INSERT INTO websub_subscriptions (source_id, hub_url, topic_url, secret, state, lease_seconds, renew_at,
       verified_at, last_push_at, last_error, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (source_id) DO UPDATE SET hub_url = excluded.hub_url, topic_url = excluded.topic_url,
       secret = excluded.secret, state = excluded.state, lease_seconds = excluded.lease_seconds,
       renew_at = excluded.renew_at, verified_at = excluded.verified_at, last_push_at = excluded.last_push_at,
       last_error = excluded.last_error, updated_at = excluded.updated_at`,
    [
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
    ],
  );
}

export async function listWebSubsToRenew(sql: Sql, now: Date): Promise<WebSubSubscription[]> {
  const { rows } = await sql.query<WebSubRow>(
    "SELECT * FROM websub_subscriptions WHERE state = 'active' AND renew_at <= $1 ORDER BY renew_at, source_id",
    [now.getTime()],
  );
  return rows.map(toSub);
}
