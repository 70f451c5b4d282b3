/** PostgreSQL: WebSub subscriptions (same semantics as sqlite/websub.ts). */
import type { WebSubSubscription } from '../../model.ts';
import { type Sql, toMs } from './db.ts';
import { toSub, type WebSubRow } from '../rows.ts';



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
