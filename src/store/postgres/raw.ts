/** Table-level row access on PostgreSQL for export/import (transfer.ts); not part of the Store API. */
import type pg from 'pg';
import type { RawTables, Row, TableSpec } from '../transfer.ts';

/** Bind parameters per statement stay under PostgreSQL's limit of 65,535. */
const MAX_PARAMS = 60_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** PostgreSQL booleans leave as 1/0, as SQLite stores them, so an export reads the same from both drivers. */
function portable(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'boolean' ? Number(v) : v;
  return out;
}

/** Raw access through one client: reads in a snapshot, writes in one transaction. */
export function pgRawTables(pool: pg.Pool): RawTables {
  let client: pg.PoolClient | undefined;
  const conn = () => {
    if (!client) throw new Error('pgRawTables: begin() first');
    return client;
  };
  const columns = new Map<string, string[]>();
  /** The table's stored columns in order; generated ones (search_vector) are derived, not exported. */
  const stored = async (table: string) => {
    let list = columns.get(table);
    if (!list) {
      const { rows } = await conn().query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
         ORDER BY ordinal_position`,
        [table],
      );
      list = rows.map((r) => r.name);
      columns.set(table, list);
    }
    return list;
  };
  return {
    dialect: 'postgres',
    async begin(mode) {
      client = await pool.connect();
      await client.query(mode === 'read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      if (mode === 'write') await client.query('SET CONSTRAINTS ALL DEFERRED');
    },
    async end(commit) {
      const c = conn();
      client = undefined;
      try {
        await c.query(commit ? 'COMMIT' : 'ROLLBACK');
      } finally {
        c.release();
      }
    },
    async tableNames() {
      const { rows } = await conn().query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
      );
      return rows.map((r) => r.name);
    },
    async versions() {
      const { rows } = await conn().query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      return rows.map((r) => r.version);
    },
    async count(table) {
      const { rows } = await conn().query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(table.name)}`);
      return rows[0]?.n ?? 0;
    },
    async page(table: TableSpec, after: unknown[] | undefined, limit: number) {
      const columns = (await stored(table.name)).map(quote).join(', ');
      if (table.key.length === 0) {
        return (await conn().query<Row>(`SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${columns}`)).rows.map(portable);
      }
      const key = table.key.map(quote).join(', ');
      const values: unknown[] = [...(after ?? []), limit];
      const where = after === undefined ? '' : `WHERE (${key}) > (${after.map((_, i) => `$${i + 1}`).join(', ')})`;
      const { rows } = await conn().query<Row>(
        `SELECT ${columns} FROM ${quote(table.name)} ${where}
         ORDER BY ${key} LIMIT $${values.length}`,
        values,
      );
      return rows.map(portable);
    },
    async insert(table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => {
          const refs = columns.map((c) => {
            values.push(row[c] ?? null);
            return `$${values.length}`;
          });
          return `(${refs.join(', ')})`;
        });
        await conn().query(
          `INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`,
          values,
        );
      }
    },
    async finish(tables) {
      for (const t of tables) {
        const [id] = t.key;
        if (!t.identity || id === undefined) continue;
        await conn().query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${quote(id)}), 1), MAX(${quote(id)}) IS NOT NULL)
           FROM ${quote(t.name)}`,
          [t.name, id],
        );
      }
    },
  };
}
