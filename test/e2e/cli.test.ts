/** The real CLI binary: help, exit codes, sources, ingest, articles, extract — against loopback sites. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { PAGES, renderFixturePage } from '../fixtures/e2e/pages.ts';
import { runCli } from '../helpers/cli.ts';
import { startQuaysideSite } from '../helpers/fixture-site.ts';
import type { LoopbackServer } from '../helpers/loopback.ts';
import { tempDir } from '../helpers/temp.ts';

// Each test spawns the real binary several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

describe('tickerwire CLI', () => {
  let server: LoopbackServer;
  const tmp = tempDir();
  const env = () => ({ TICKERWIRE_DATA: tmp.dir, TICKERWIRE_ALLOW_HOSTS: '127.0.0.1' });

  beforeAll(async () => {
    server = await startQuaysideSite();
  });
  afterAll(async () => {
    await server.close();
    tmp.remove();
  });

  test('--help works on the program and on subcommands', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'ingest', 'sources', 'articles', 'extract']) expect(top.stdout).toContain(cmd);
    const sub = await runCli(['sources', 'add', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--policy');
    expect(sub.stdout).toContain('--data');
  });

  test('usage errors exit 2 with a one-line reason', async () => {
    const unknown = await runCli(['frobnicate'], env());
    expect(unknown.code).toBe(2);
    const badUrl = await runCli(['sources', 'add', 'not a url'], env());
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('not a URL');
  });

  test('an invalid configuration value exits 1 naming the value', async () => {
    const r = await runCli(['sources', 'list'], { ...env(), PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid configuration.*port/);
  });

  test('sources add/list, ingest --once, articles list/show', async () => {
    const add = await runCli(['sources', 'add', `${server.url}/quayside/feed.xml`, '--json'], env());
    expect(add.code, add.stderr).toBe(0);
    const added = JSON.parse(add.stdout) as { id: number };
    const dup = await runCli(['sources', 'add', `${server.url}/quayside/feed.xml`], env());
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('already exists');

    const ingest = await runCli(['ingest', '--once', '--json'], env());
    expect(ingest.code, ingest.stderr).toBe(0);
    const result = JSON.parse(ingest.stdout) as { totals: { articlesAdded: number; failed: number } };
    expect(result.totals).toMatchObject({ articlesAdded: 2, failed: 0 });

    const list = await runCli(['sources', 'list', '--json'], env());
    const sources = JSON.parse(list.stdout) as Array<{ id: number; articleCount: number; health: { status: string } }>;
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ id: added.id, articleCount: 2, health: { status: 'ok' } });

    const articles = await runCli(['articles', 'list', '--json'], env());
    const page = JSON.parse(articles.stdout) as { items: Array<{ id: number; title: string }> };
    expect(page.items.map((a) => a.title)).toEqual([
      'Copper miners rally as warehouse stocks thin out',
      'Regional lenders trim deposit rates ahead of the holiday',
    ]);
    const show = await runCli(['articles', 'show', String(page.items[0]?.id)], env());
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Fabricators, who buy refined metal');
    const missing = await runCli(['articles', 'show', '99999'], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('not found');
  });

  test('ingest --once exits 0 even when a source fails, and records the failure', async () => {
    const dir = tempDir();
    try {
      const e = { TICKERWIRE_DATA: dir.dir, TICKERWIRE_ALLOW_HOSTS: '127.0.0.1' };
      await runCli(['sources', 'add', `${server.url}/missing/feed.xml`], e);
      await runCli(['sources', 'add', 'http://feed.invalid/rss'], e);
      const r = await runCli(['ingest', '--once', '--json'], e);
      expect(r.code, r.stderr).toBe(0);
      const list = JSON.parse((await runCli(['sources', 'list', '--json'], e)).stdout) as Array<{ health: { lastErrorCode: string; lastError: string } }>;
      expect(list.map((s) => s.health.lastErrorCode).sort()).toEqual(['fetch_failed', 'http_status']);
      expect(list.find((s) => s.health.lastErrorCode === 'http_status')?.health.lastError).toContain('404');
    } finally {
      dir.remove();
    }
  });

  test('extract prints the article of a saved page', async () => {
    const path = '/lantern/cooler-chips';
    const file = join(tmp.dir, 'page.html');
    const page = PAGES[path];
    if (!page) throw new Error('fixture missing');
    writeFileSync(file, renderFixturePage(path, page, 'https://lantern.example'));
    const r = await runCli(['extract', file, '--url', 'https://lantern.example/lantern/cooler-chips', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { title: string; byline: string; text: string; canonicalUrl: string };
    expect(a.title).toBe('Chip designers bet on smaller, cooler data-centre parts');
    expect(a.byline).toContain('Sana Okafor');
    expect(a.canonicalUrl).toBe('https://lantern.example/lantern/cooler-chips');
    expect(a.text).toContain('Cooling is changing too.');
    const text = await runCli(['extract', file]);
    expect(text.stdout.split('\n')[0]).toBe('Chip designers bet on smaller, cooler data-centre parts');
    const none = await runCli(['extract', join(tmp.dir, 'nope.html')]);
    expect(none.code).toBe(2);
  });

  test('OPML import (with a dry run) and export', async () => {
    const dir = tempDir();
    try {
      const e = { TICKERWIRE_DATA: dir.dir };
      const opml = join(dir.dir, 'subs.opml');
      writeFileSync(
        opml,
        `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
          <outline text="Markets"><outline type="rss" text="Quay" xmlUrl="https://quay.example/feed.xml" htmlUrl="https://quay.example/"/>
          <outline type="rss" text="Lantern" xmlUrl="https://lantern.example/atom.xml"/></outline></body></opml>`,
      );
      const dry = await runCli(['sources', 'import-opml', opml, '--dry-run', '--json'], e);
      expect(dry.code, dry.stderr).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, added: ['https://quay.example/feed.xml', 'https://lantern.example/atom.xml'] });
      expect(JSON.parse((await runCli(['sources', 'list', '--json'], e)).stdout)).toEqual([]);
      expect((await runCli(['sources', 'import-opml', opml], e)).code).toBe(0);
      const again = JSON.parse((await runCli(['sources', 'import-opml', opml, '--json'], e)).stdout) as { added: string[]; existing: string[] };
      expect(again).toMatchObject({ added: [], existing: ['https://quay.example/feed.xml', 'https://lantern.example/atom.xml'] });
      const out = await runCli(['sources', 'export-opml'], e);
      expect(out.stdout).toContain('xmlUrl="https://lantern.example/atom.xml"');
      const bad = join(dir.dir, 'bad.opml');
      writeFileSync(bad, 'this is not xml');
      const refused = await runCli(['sources', 'import-opml', bad], e);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('not an OPML file');
    } finally {
      dir.remove();
    }
  });

  test('feeds check reports format and items, and fails on a page that is not a feed', async () => {
    const ok = await runCli(['feeds', 'check', `${server.url}/quayside/feed.xml`, '--json'], env());
    expect(ok.code, ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout) as { ok: boolean; format: string; itemCount: number };
    expect(report).toMatchObject({ ok: true, format: 'rss' });
    expect(report.itemCount).toBeGreaterThanOrEqual(2);
    const notFeed = await runCli(['feeds', 'check', `${server.url}/quayside/copper-miners-rally`], env());
    expect(notFeed.code).toBe(1);
    expect(notFeed.stdout).toContain('feed_unrecognized');
  });

  test('link prints subject instruments and never links ordinary words', async () => {
    const file = join(tmp.dir, 'note.txt');
    writeFileSync(file, 'Nvidia shares rose 4.2% to $131.50 on Tuesday after the chipmaker beat forecasts. Apple pie prices also rose at public markets near the harbour.');
    const r = await runCli(['link', file, '--title', 'Nvidia jumps after results', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { links: Array<{ instrumentId: string; role: string }>; figures: Array<{ value: number; unit: string }> };
    expect(out.links.map((l) => l.instrumentId)).toEqual(['us:NVDA']);
    expect(out.links[0]?.role).toBe('subject');
    expect(out.figures.some((f) => f.value === 4.2 && f.unit === '%')).toBe(true);
    const search = await runCli(['instruments', 'search', 'SMIC', '--json']);
    expect((JSON.parse(search.stdout) as Array<{ id: string }>).map((i) => i.id)).toContain('hk:0981');
    expect((await runCli(['instruments', 'show', 'us:NOPE'])).code).toBe(1);
  });

  test('export, import and copy move a database without loss', async () => {
    const source = tempDir();
    const target = tempDir();
    const from = { TICKERWIRE_DATA: source.dir, TICKERWIRE_ALLOW_HOSTS: '127.0.0.1' };
    try {
      await runCli(['sources', 'add', `${server.url}/quayside/feed.xml`], from);
      expect((await runCli(['ingest', '--once'], from)).code).toBe(0);
      const dump = join(source.dir, 'dump.jsonl');
      const out = await runCli(['export', '-o', dump], from);
      expect(out.code, out.stderr).toBe(0);
      const imported = await runCli(['import', dump, '--json'], { TICKERWIRE_DATA: target.dir });
      expect(imported.code, imported.stderr).toBe(0);
      const counts = (JSON.parse(imported.stdout) as { counts: Record<string, number> }).counts;
      expect(counts.articles).toBe(2);
      const before = JSON.parse((await runCli(['articles', 'list', '--json'], from)).stdout) as unknown;
      const after = JSON.parse((await runCli(['articles', 'list', '--json'], { TICKERWIRE_DATA: target.dir })).stdout) as unknown;
      expect(after).toEqual(before);
      expect((await runCli(['import', dump], { TICKERWIRE_DATA: target.dir })).code).toBe(1);
      const copy = await runCli(['copy', '--to', `sqlite:${join(target.dir, 'copy.db')}`, '--json'], from);
      expect(copy.code, copy.stderr).toBe(0);
      expect((JSON.parse(copy.stdout) as { counts: Record<string, number> }).counts.sources).toBe(1);
    } finally {
      source.remove();
      target.remove();
    }
  });
});
