/**
 * SQLite: the tag tokens behind search filters (migration 006). An article's `search_tags` column holds
 * `tws<source id>` and `twi<hex of instrument id>0` for each linked instrument; FTS5 indexes it as a
 * third column, so a filter is one more term intersected inside the index. The SQL below and migration
 * 006 build the same string.
 */
import type { Db } from './db.ts';

/** The tag token of a source. */
export function sourceTag(sourceId: number): string {
  return `tws${sourceId}`;
}

/** The tag token of an instrument id (hex keeps `crypto:btc` one token; the final digit keeps porter off it). */
export function instrumentTag(instrumentId: string): string {
  return `twi${Buffer.from(instrumentId, 'utf8').toString('hex')}0`;
}

/** The search tags of the `articles` row aliased `a`, from its source and its linked instruments. */
const TAGS_OF_A = `'tws' || a.source_id || coalesce((
  SELECT ' ' || group_concat('twi' || lower(hex(i.instrument_id)) || '0', ' ' ORDER BY i.instrument_id)
  FROM article_instruments i WHERE i.article_id = a.id), '')`;

/**
 * Bring `search_tags` up to date for the given articles (all when omitted); rows already current are not
 * written (an update re-indexes the row). Returns how many changed.
 */
export function refreshSearchTags(db: Db, ids?: readonly number[]): number {
  const where = ids ? 'a.id IN (SELECT value FROM json_each(?)) AND ' : '';
  const stmt = db.prepare(`UPDATE articles AS a SET search_tags = ${TAGS_OF_A} WHERE ${where}a.search_tags <> ${TAGS_OF_A}`);
  return (ids ? stmt.run(JSON.stringify(ids)) : stmt.run()).changes;
}
