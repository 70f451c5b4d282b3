import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig, redactConfig } from './index.ts';
import { AppError } from '../errors.ts';

describe('loadConfig', () => {
  test('defaults put the database under the data dir', () => {
    const c = loadConfig({ TICKERWIRE_DATA: '/tmp/tw-x' });
    expect(c.dataDir).toBe('/tmp/tw-x');
    expect(c.databaseUrl).toBe('sqlite:/tmp/tw-x/tickerwire.db');
    expect(c.port).toBe(3000);
    expect(c.demo).toBe(true);
    expect(c.defaultSources.length).toBeGreaterThanOrEqual(10);
  });

  test('environment and overrides win, in that order', () => {
    const c = loadConfig({ TICKERWIRE_DATA: '/tmp/a', PORT: '4000', TICKERWIRE_DEMO: '0' }, { port: 5000 });
    expect(c.port).toBe(5000);
    expect(c.demo).toBe(false);
  });

  test('lists are comma separated', () => {
    const c = loadConfig({ TICKERWIRE_DATA: '/tmp/a', TICKERWIRE_ALLOW_HOSTS: '127.0.0.1, ::1' });
    expect(c.allowHosts).toEqual(['127.0.0.1', '::1']);
  });

  test('every bad value is reported at once', () => {
    try {
      loadConfig({ TICKERWIRE_DATA: '/tmp/a', PORT: 'eighty', TICKERWIRE_LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('config_invalid');
      expect(err.message).toContain('port');
      expect(err.message).toContain('logLevel');
    }
  });

  test('secrets are redacted for display', () => {
    const c = loadConfig({ TICKERWIRE_DATA: '/tmp/a', TICKERWIRE_DATABASE_URL: 'postgres://u:pw@h/db' });
    expect(redactConfig(c).databaseUrl).toBe('postgres://u:[redacted]@h/db');
  });

  test('a config file adds extraction rules and instruments, validated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-cfg-'));
    try {
      writeFileSync(
        join(dir, 'tickerwire.json'),
        JSON.stringify({
          extractRules: { sites: { 'news.example': [{ selector: '.promo-box', reason: 'house ads' }] }, text: { en: [{ rule: 'cta', reason: 'podcast plug', pattern: '^listen to our podcast' }] } },
          extraInstruments: { aliases: { 'us:NVDA': ['Team Green'] } },
        }),
      );
      const c = loadConfig({ TICKERWIRE_DATA: dir });
      expect(c.extractRules.sites['news.example']?.[0]?.selector).toBe('.promo-box');
      expect(c.extractRules.text.en?.[0]).toMatchObject({ maxChars: 200, caseSensitive: false });
      expect(c.extraInstruments.aliases['us:NVDA']).toEqual(['Team Green']);
      writeFileSync(join(dir, 'tickerwire.json'), JSON.stringify({ extractRules: { classes: [{ rule: 'x', reason: 'y', pattern: '([' }] } }));
      expect(() => loadConfig({ TICKERWIRE_DATA: dir })).toThrow(/not a valid regular expression/);
      writeFileSync(join(dir, 'tickerwire.json'), '{ not json');
      expect(() => loadConfig({ TICKERWIRE_DATA: dir })).toThrow(/not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
