/** `tickerwire sources …`: add, list, show, remove, enable/disable, import and export OPML. */
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import type { RepublishPolicy } from '../../model.ts';
import { presentSource, sourceHealth } from '../../web/present.ts';
import { withContext } from '../context.ts';
import { printJson, println, printTable } from '../output.ts';
import { parseId } from './parse.ts';

const POLICIES: readonly RepublishPolicy[] = ['full', 'excerpt', 'link'];

/** Validate a source URL given by a user. */
export function parseSourceUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('usage', `not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('usage', `only http and https URLs can be sources, got ${url.protocol}`);
  return url.href;
}

function parsePolicy(value: string | undefined): RepublishPolicy | undefined {
  if (value === undefined) return undefined;
  if (!POLICIES.includes(value as RepublishPolicy)) throw new AppError('usage', `policy must be one of ${POLICIES.join(', ')}`);
  return value as RepublishPolicy;
}

export function registerSources(program: Command): Command {
  const sources = program.command('sources').description('manage the sources tickerwire polls');

  sources
    .command('add <url>')
    .description('add a feed (RSS, Atom, RDF, JSON Feed) or news sitemap')
    .option('--title <title>', 'display name')
    .option('--policy <policy>', 'republishing policy: full, excerpt or link', 'full')
    .option('--json', 'print the new source as JSON')
    .action(async (url: string, opts: { title?: string; policy?: string; json?: boolean }, cmd: Command) => {
      const href = parseSourceUrl(url);
      const policy = parsePolicy(opts.policy);
      await withContext(cmd, async ({ store }) => {
        const s = await store.insertSource(
          { url: href, ...(opts.title ? { title: opts.title } : {}), ...(policy ? { policy } : {}) },
          new Date(),
        );
        if (opts.json) printJson(presentSource(s));
        else println(`added source ${s.id}: ${s.url}`);
      });
    });

  sources
    .command('list')
    .description('list sources with their health')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async ({ store }) => {
        const list = await store.listSources();
        if (opts.json) return printJson(list.map(presentSource));
        printTable(
          ['ID', 'HEALTH', 'ARTICLES', 'TITLE', 'URL', 'LAST ERROR'],
          list.map((s) => [
            s.id,
            `${sourceHealth(s)}${s.demoKey ? ' (demo)' : ''}`,
            s.articleCount,
            s.title || '-',
            s.url,
            s.consecutiveFailures > 0 ? `${s.lastErrorCode}: ${s.lastError} (${s.consecutiveFailures}×)` : '',
          ]),
        );
      });
    });

  sources
    .command('show <id>')
    .description('show one source and its health')
    .option('--json', 'print JSON')
    .action(async (idArg: string, opts: { json?: boolean }, cmd: Command) => {
      const id = parseId(idArg, 'id');
      await withContext(cmd, async ({ store }) => {
        const s = await store.getSource(id);
        if (!s) throw new AppError('not_found', `source ${id} not found`);
        const p = presentSource(s);
        if (opts.json) return printJson(p);
        for (const [k, v] of Object.entries({ ...p, health: undefined, ...p.health })) if (v !== undefined) println(`${k.padEnd(20)} ${v ?? '-'}`);
      });
    });

  sources
    .command('remove <id>')
    .description('remove a source and all of its articles')
    .action(async (idArg: string, _opts: unknown, cmd: Command) => {
      const id = parseId(idArg, 'id');
      await withContext(cmd, async ({ store }) => {
        if (!(await store.deleteSource(id))) throw new AppError('not_found', `source ${id} not found`);
        println(`removed source ${id} and its articles`);
      });
    });

  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    sources
      .command(`${name} <id>`)
      .description(`${name} polling of a source`)
      .action(async (idArg: string, _opts: unknown, cmd: Command) => {
        const id = parseId(idArg, 'id');
        await withContext(cmd, async ({ store }) => {
          if (!(await store.updateSource(id, { isEnabled: enabled }))) throw new AppError('not_found', `source ${id} not found`);
          println(`source ${id} ${enabled ? 'enabled' : 'disabled'}`);
        });
      });
  }
  return sources;
}
