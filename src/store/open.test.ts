import { describe, expect, test } from 'vitest';
import { checkPostgres, dropSchema, uniqueSchema } from './contract/harness.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, openStore, parsePostgresUrl, parseSqliteUrl } from './open.ts';
import type { SqliteStore } from './sqlite/index.ts';

const pgState = await checkPostgres();

describe('openStore', () => {
  test('sqlite: URLs open the SQLite driver, migrated', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      expect(store.dialect).toBe('sqlite');
      expect(await store.migrate()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  test('sqlite: memory-mapped reads by default, ?mmap=N sets the size, 0 turns them off, anything else is refused', async () => {
    expect(parseSqliteUrl('sqlite:/d/tw.db')).toEqual({ path: '/d/tw.db', opts: {} });
    expect(parseSqliteUrl('sqlite:/d/tw.db?mmap=0')).toEqual({ path: '/d/tw.db', opts: { mmapMb: 0 } });
    expect(() => createStore('sqlite:/d/tw.db?cache=9')).toThrow(expect.objectContaining({ code: 'config_invalid' }));
    expect(() => createStore('sqlite:/d/tw.db?mmap=-1')).toThrow(expect.objectContaining({ code: 'config_invalid' }));
    const dir = mkdtempSync(join(tmpdir(), 'tw-mmap-'));
    try {
      const mmap = async (url: string) => {
        const store = createStore(url) as SqliteStore;
        try {
          return Number(store.db.pragma('mmap_size', { simple: true }));
        } finally {
          await store.close();
        }
      };
      expect(await mmap(`sqlite:${join(dir, 'a.db')}`)).toBe(1024 * 1_048_576);
      expect(await mmap(`sqlite:${join(dir, 'b.db')}?mmap=64`)).toBe(64 * 1_048_576);
      expect(await mmap(`sqlite:${join(dir, 'c.db')}?mmap=0`)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('unsupported URLs are config_invalid', () => {
    expect(() => createStore('mysql://localhost/db')).toThrow(expect.objectContaining({ code: 'config_invalid' }));
    expect(() => createStore('/var/lib/tw.db')).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });

  test('the schema parameter is ours, the rest goes to pg', () => {
    expect(parsePostgresUrl('postgres://u@h:5432/db?schema=tw&sslmode=disable')).toEqual({
      url: 'postgres://u@h:5432/db?sslmode=disable',
      opts: { schema: 'tw' },
    });
    expect(parsePostgresUrl('postgresql://h/db')).toEqual({ url: 'postgresql://h/db', opts: {} });
    expect(() => createStore('postgres://h/db?schema=bad;name')).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });

  test('postgres:// and postgresql:// open the PostgreSQL driver in the named schema', async (ctx) => {
    if (pgState.state === 'skip') ctx.skip(pgState.reason);
    if (pgState.state === 'fail') throw new Error(pgState.reason);
    const schema = uniqueSchema('tw_open');
    const url = pgState.url.replace(/^postgres:/, 'postgresql:');
    const store = await openStore(`${url}?schema=${schema}`);
    try {
      expect(store.dialect).toBe('postgres');
      await store.setSetting('k', 'v');
      const other = await openStore(`${pgState.url}?schema=${schema}`);
      expect(await other.getSetting('k')).toBe('v');
      await other.close();
    } finally {
      await store.close();
      await dropSchema(pgState.url, schema);
    }
  });

  test('an unreachable PostgreSQL fails to open', async () => {
    await expect(openStore('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow();
  });
});
