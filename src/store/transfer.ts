/**
 * Export and import a whole store as JSON lines, to move an installation between drivers
 * (SQLite → PostgreSQL and back) without loss: every row of every table, ids preserved.
 *
 * Format, one JSON document per line:
 *   {"kind":"header","format":"tickerwire-export","version":1,"dialect":"sqlite","migrations":[1]}
 *   {"kind":"row","table":"sources","row":{"id":1,"url":"…",…}}      (tables in dependency order)
 *   {"kind":"end","counts":{"sources":1,"articles":0,"settings":0}}
 * Rows carry the database columns as stored (epoch-ms times, 0/1 booleans, JSON text).
 */
import { AppError } from '../errors.ts';
import { PostgresStore } from './postgres/index.ts';
import { pgRawTables } from './postgres/raw.ts';
import { SqliteStore } from './sqlite/index.ts';
import { refreshSearchTags } from './sqlite/search-tags.ts';
import type { Store } from './store.ts';

/** A table the transfer copies, in an order that satisfies foreign keys. */
export interface TableSpec {
  name: string;
  /** Unique, ordered key (one or more columns) used to page through the table; none: read in one go (small tables). */
  key: string[];
  /** The key is one generated id column (its PostgreSQL sequence is bumped after an import). */
  identity: boolean;
}

/**
 * Every table that holds data. A migration adding a table must add it here (or to DERIVED_TABLES):
 * until then exporting fails rather than silently leaving the table behind.
 */
export const TRANSFER_TABLES: readonly TableSpec[] = [
  { name: 'sources', key: ['id'], identity: true },
  { name: 'stories', key: ['id'], identity: true },
  { name: 'articles', key: ['id'], identity: true },
  { name: 'article_instruments', key: ['article_id', 'instrument_id'], identity: false },
  { name: 'article_topics', key: ['article_id', 'topic'], identity: false },
  { name: 'takedowns', key: ['id'], identity: true },
  { name: 'takedown_keys', key: [], identity: false },
  { name: 'websub_subscriptions', key: ['source_id'], identity: false },
  { name: 'settings', key: ['key'], identity: false },
];

/**
 * Tables never exported: bookkeeping, search indexes rebuilt from articles, and transient queue state
 * (pending jobs, worker heartbeats; the scheduler re-enqueues polls from the sources' next poll times).
 */
const DERIVED_TABLES = /^(schema_migrations|sqlite_.*|.*_fts(_.*)?|jobs|worker_leases)$/;
/** Rows read per query while exporting. */
const EXPORT_PAGE = 1_000;
/** Rows written per insert batch while importing. */
const IMPORT_BATCH = 500;
const FORMAT = 'tickerwire-export';
const FORMAT_VERSION = 1;

export type Row = Record<string, unknown>;

/** Driver-specific raw table access (not part of Store; only transfers need it). */
export interface RawTables {
  dialect: Store['dialect'];
  /**
   * Open a snapshot ('read') or the write transaction the whole import runs in, with foreign keys
   * checked at commit (a copy may come before the original its duplicate_of points at).
   */
  begin(mode: 'read' | 'write'): Promise<void>;
  end(commit: boolean): Promise<void>;
  tableNames(): Promise<string[]>;
  versions(): Promise<number[]>;
  count(table: TableSpec): Promise<number>;
  /** Rows whose key is after `after` (from the start when undefined), by key; stored columns only. */
  page(table: TableSpec, after: unknown[] | undefined, limit: number): Promise<Row[]>;
  insert(table: TableSpec, rows: Row[]): Promise<void>;
  /** After an import: make generated ids continue after the imported ones. */
  finish(tables: readonly TableSpec[]): Promise<void>;
}

type ExportLine =
  | { kind: 'header'; format: string; version: number; dialect: Store['dialect']; migrations: number[] }
  | { kind: 'row'; table: string; row: Row }
  | { kind: 'end'; counts: Record<string, number> };

/** How many rows each table received. */
export interface ImportSummary {
  counts: Record<string, number>;
}

/** SQLite columns derived from other rows (search filter tags, rebuilt on import): never exported. */
const SQLITE_DERIVED_COLUMNS = new Set(['search_tags']);

function sqliteRawTables(store: SqliteStore): RawTables {
  const db = store.db;
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const storedColumns = (table: string) =>
    (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((c) => !SQLITE_DERIVED_COLUMNS.has(c));
  return {
    dialect: 'sqlite',
    async begin(mode) {
      db.exec('BEGIN');
      if (mode === 'write') db.pragma('defer_foreign_keys = ON');
    },
    async end(commit) {
      if (db.inTransaction) db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    },
    async tableNames() {
      return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    },
    async versions() {
      return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
    },
    async count(t) {
      return Number(db.prepare(`SELECT COUNT(*) FROM ${q(t.name)}`).pluck().get());
    },
    async page(t, after, limit) {
      const all = storedColumns(t.name);
      const columns = all.map(q).join(', ');
      if (t.key.length === 0) return db.prepare(`SELECT ${columns} FROM ${q(t.name)} ORDER BY ${columns}`).all() as Row[];
      const key = t.key.map(q).join(', ');
      const where = after === undefined ? '' : `WHERE (${key}) > (${t.key.map(() => '?').join(', ')})`;
      const stmt = db.prepare(`SELECT ${columns} FROM ${q(t.name)} ${where} ORDER BY ${key} LIMIT ?`);
      return stmt.all(...(after ?? []), limit) as Row[];
    },
    async insert(t, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first).filter((c) => !SQLITE_DERIVED_COLUMNS.has(c));
      // Articles get their source's search tag at once; instrument tags follow in finish().
      const tags = t.name === 'articles' && columns.includes('source_id');
      const stmt = db.prepare(
        `INSERT INTO ${q(t.name)} (${[...columns, ...(tags ? ['search_tags'] : [])].map(q).join(', ')})
         VALUES (${columns.map(() => '?').join(', ')}${tags ? ", 'tws' || ?" : ''})`,
      );
      for (const row of rows) stmt.run(...columns.map((c) => row[c] ?? null), ...(tags ? [row.source_id] : []));
    },
    async finish() {
      // INTEGER PRIMARY KEY continues from MAX(id) + 1 by itself; search tags need the instruments.
      refreshSearchTags(db);
    },
  };
}

/** Raw table access for a store of a known driver. */
function rawTables(store: Store): RawTables {
  if (store instanceof SqliteStore) return sqliteRawTables(store);
  if (store instanceof PostgresStore) return pgRawTables(store.pool);
  throw new AppError('config_invalid', `export/import does not know the ${store.dialect} driver in use`);
}

/** Fail when the database holds a table the transfer would leave behind. */
async function checkCoverage(raw: RawTables): Promise<void> {
  const known = new Set(TRANSFER_TABLES.map((t) => t.name));
  const missed = (await raw.tableNames()).filter((n) => !known.has(n) && !DERIVED_TABLES.test(n));
  if (missed.length > 0) {
    throw new AppError('store_failed', `export does not cover table(s) ${missed.join(', ')}; add them to TRANSFER_TABLES`);
  }
}

/**
 * The export as lines (JSON documents without newline), read in one consistent snapshot.
 * @throws AppError store_failed when the database has a table the export does not cover
 */
export async function* exportLines(store: Store): AsyncGenerator<string> {
  const raw = rawTables(store);
  await raw.begin('read');
  try {
    await checkCoverage(raw);
    const header: ExportLine = {
      kind: 'header',
      format: FORMAT,
      version: FORMAT_VERSION,
      dialect: raw.dialect,
      migrations: await raw.versions(),
    };
    yield JSON.stringify(header);
    const counts: Record<string, number> = {};
    for (const table of TRANSFER_TABLES) {
      let n = 0;
      let after: unknown[] | undefined;
      for (;;) {
        const rows = await raw.page(table, after, EXPORT_PAGE);
        for (const row of rows) yield JSON.stringify({ kind: 'row', table: table.name, row } satisfies ExportLine);
        n += rows.length;
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_PAGE || table.key.length === 0) break;
        after = table.key.map((k) => last[k]);
      }
      counts[table.name] = n;
    }
    yield JSON.stringify({ kind: 'end', counts } satisfies ExportLine);
  } finally {
    await raw.end(true);
  }
}

/**
 * Write the whole store as JSON lines: `write` is called once per line, without the newline
 * (awaited when it returns a promise, for backpressure).
 * @throws AppError store_failed when the database has a table the export does not cover
 */
export async function exportStore(store: Store, write: (line: string) => void | Promise<void>): Promise<void> {
  for await (const line of exportLines(store)) await write(line);
}

function parseLine(line: string, lineNo: number): ExportLine {
  try {
    return JSON.parse(line) as ExportLine;
  } catch (cause) {
    throw new AppError('bad_request', `import line ${lineNo} is not JSON`, { cause });
  }
}

function checkHeader(line: ExportLine | undefined, versions: number[]): void {
  if (line?.kind !== 'header' || line.format !== FORMAT) {
    throw new AppError('bad_request', 'import input is not a tickerwire export (no header line)');
  }
  if (line.version !== FORMAT_VERSION) {
    throw new AppError('bad_request', `export format version ${line.version} is not supported (need ${FORMAT_VERSION})`);
  }
  if (JSON.stringify(line.migrations) !== JSON.stringify(versions)) {
    throw new AppError(
      'conflict',
      `export has migrations [${line.migrations.join(',')}] but the target has [${versions.join(',')}]; migrate both to the same version first`,
    );
  }
}

/** The import target must be empty so that ids are kept as they are. */
async function checkEmpty(raw: RawTables): Promise<void> {
  for (const table of TRANSFER_TABLES) {
    if ((await raw.count(table)) > 0) {
      throw new AppError('conflict', `import target is not empty (table ${table.name} has rows)`);
    }
  }
}

/**
 * Load an export into an empty, migrated store, in one transaction: on any error (bad line, truncated
 * input, counts that do not match the end line) nothing is imported. Blank lines are ignored.
 * @throws AppError bad_request for input that is not a complete export; conflict for a non-empty or
 *   differently migrated target
 */
export async function importStore(store: Store, lines: AsyncIterable<string> | Iterable<string>): Promise<ImportSummary> {
  const raw = rawTables(store);
  const specs = new Map(TRANSFER_TABLES.map((t) => [t.name, t]));
  const counts: Record<string, number> = Object.fromEntries(TRANSFER_TABLES.map((t) => [t.name, 0]));
  let header: ExportLine | undefined;
  let end: Record<string, number> | undefined;
  let batch: { table: TableSpec; rows: Row[] } | undefined;
  const flush = async () => {
    if (batch) await raw.insert(batch.table, batch.rows);
    batch = undefined;
  };
  await raw.begin('write');
  let ok = false;
  try {
    let lineNo = 0;
    for await (const text of lines) {
      lineNo++;
      if (text.trim() === '') continue;
      const line = parseLine(text, lineNo);
      if (!header) {
        checkHeader(line, await raw.versions());
        await checkEmpty(raw);
        header = line;
        continue;
      }
      if (end) throw new AppError('bad_request', `import line ${lineNo} follows the end line`);
      if (line.kind === 'end') {
        end = line.counts;
        continue;
      }
      if (line.kind !== 'row') throw new AppError('bad_request', `import line ${lineNo} is not a row`);
      const table = specs.get(line.table);
      if (!table) throw new AppError('bad_request', `import line ${lineNo} names unknown table "${line.table}"`);
      if (batch && (batch.table !== table || batch.rows.length >= IMPORT_BATCH)) await flush();
      batch ??= { table, rows: [] };
      batch.rows.push(line.row);
      counts[table.name] = (counts[table.name] ?? 0) + 1;
    }
    if (!header) throw new AppError('bad_request', 'import input is empty');
    if (!end) throw new AppError('bad_request', 'import input is truncated (no end line)');
    const expected = end;
    const names = new Set([...Object.keys(expected), ...Object.keys(counts)]);
    if ([...names].some((n) => (expected[n] ?? 0) !== (counts[n] ?? 0))) {
      throw new AppError('bad_request', `import counts ${JSON.stringify(counts)} differ from the export's ${JSON.stringify(expected)}`);
    }
    await flush();
    await raw.finish(TRANSFER_TABLES);
    ok = true;
  } finally {
    await raw.end(ok);
  }
  return { counts };
}

/** Copy one store into another (empty, migrated) store without an intermediate file. */
export async function copyStore(from: Store, to: Store): Promise<ImportSummary> {
  return importStore(to, exportLines(from));
}
