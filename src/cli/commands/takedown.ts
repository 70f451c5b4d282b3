/** `tickerwire takedown article|source|list`: removal on request, recorded and permanent. */
import type { Command } from 'commander';
import { takeDownArticle, takeDownSource } from '../../govern/takedown.ts';
import type { Takedown } from '../../model.ts';
import { withContext } from '../context.ts';
import { printJson, println, printTable } from '../output.ts';
import { parseId } from './parse.ts';

function report(t: Takedown, json: boolean | undefined): void {
  if (json) return printJson(t);
  println(`takedown ${t.id}: removed ${t.articlesRemoved} article(s) — "${t.title}" (${t.reason})`);
}

export function registerTakedown(program: Command): void {
  const takedown = program.command('takedown').description('remove content on request, everywhere and for good');

  for (const kind of ['article', 'source'] as const) {
    takedown
      .command(`${kind} <id>`)
      .description(
        kind === 'article'
          ? 'remove an article and every copy of it; it will not be ingested again'
          : 'remove everything a source published (and copies elsewhere) and stop polling it',
      )
      .requiredOption('--reason <text>', 'why (kept in the record)')
      .option('--by <who>', 'who asked (name or e-mail)', 'operator')
      .option('--json', 'print the takedown record as JSON')
      .action(async (idArg: string, opts: { reason: string; by: string; json?: boolean }, cmd: Command) => {
        const id = parseId(idArg, 'id');
        await withContext(cmd, async ({ store }) => {
          const req = { reason: opts.reason, requestedBy: opts.by };
          const t = kind === 'article' ? await takeDownArticle(store, id, req, new Date()) : await takeDownSource(store, id, req, new Date());
          report(t, opts.json);
        });
      });
  }

  takedown
    .command('list')
    .description('list takedowns, newest first')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async ({ store }) => {
        const list = await store.listTakedowns();
        if (opts.json) return printJson(list);
        printTable(
          ['ID', 'WHEN', 'REMOVED', 'WHAT', 'REASON', 'BY'],
          list.map((t) => [t.id, t.createdAt.toISOString().slice(0, 16).replace('T', ' '), t.articlesRemoved, t.title, t.reason, t.requestedBy]),
        );
      });
    });
}
