/** `tickerwire sources import-opml|export-opml`: move subscription lists in and out as OPML. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { generateOpml, parseOpml } from '../../feeds/opml.ts';
import { withContext } from '../context.ts';
import { printJson, println } from '../output.ts';
import { startProgress } from '../progress.ts';

/** Add the OPML subcommands to the `sources` command. */
export function registerOpml(sources: Command): void {
  sources
    .command('import-opml <file>')
    .description('add the feeds listed in an OPML file')
    .option('--dry-run', 'show what would be added, add nothing')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const entries = parseOpml(readFileSync(file, 'utf8'));
      await withContext(cmd, async ({ store }) => {
        const added: string[] = [];
        const existing: string[] = [];
        const bar = startProgress('import', entries.length);
        for (const [i, e] of entries.entries()) {
          if (await store.getSourceByUrl(e.url)) existing.push(e.url);
          else {
            if (!opts.dryRun) await store.insertSource({ url: e.url, ...(e.title ? { title: e.title } : {}), siteUrl: e.siteUrl }, new Date());
            added.push(e.url);
          }
          bar.update(i + 1, e.title ?? e.url);
        }
        bar.stop();
        if (opts.json) return printJson({ dryRun: Boolean(opts.dryRun), added, existing });
        println(`${opts.dryRun ? 'would add' : 'added'} ${added.length} sources; ${existing.length} already present`);
        for (const url of added) println(`  + ${url}`);
      });
    });

  sources
    .command('export-opml')
    .description('write all sources as OPML (to stdout or a file)')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (opts: { output?: string }, cmd: Command) => {
      await withContext(cmd, async ({ store, config }) => {
        const list = await store.listSources();
        const xml = generateOpml(
          `${config.siteName} sources`,
          list.map((s) => ({ url: s.url, title: s.title || s.url, siteUrl: s.siteUrl })),
        );
        if (opts.output) writeFileSync(opts.output, xml);
        else process.stdout.write(xml.endsWith('\n') ? xml : `${xml}\n`);
      });
    });
}
