/** `tickerwire articles list|show`: read stored articles. */
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { presentArticle, presentArticleSummary } from '../../web/present.ts';
import { withContext } from '../context.ts';
import { printJson, println, printTable } from '../output.ts';
import { parseId } from './parse.ts';

export function registerArticles(program: Command): void {
  const articles = program.command('articles').description('read stored articles');

  articles
    .command('list')
    .description('list articles, newest first')
    .option('--source <id>', 'only this source')
    .option('--limit <n>', 'how many', '20')
    .option('--cursor <cursor>', 'continue after a previous page')
    .option('--json', 'print JSON')
    .action(async (opts: { source?: string; limit: string; cursor?: string; json?: boolean }, cmd: Command) => {
      const limit = parseId(opts.limit, 'limit');
      const sourceId = opts.source === undefined ? undefined : parseId(opts.source, 'source');
      await withContext(cmd, async ({ store }) => {
        const page = await store.listArticles({
          limit,
          ...(sourceId === undefined ? {} : { sourceId }),
          ...(opts.cursor ? { cursor: opts.cursor } : {}),
        });
        const sources = new Map((await store.listSources()).map((s) => [s.id, s]));
        const items = page.items.map((a) => presentArticleSummary(a, sources.get(a.sourceId)));
        if (opts.json) return printJson({ items, nextCursor: page.nextCursor });
        printTable(
          ['ID', 'PUBLISHED', 'SOURCE', 'MIN', 'TITLE'],
          page.items.map((a) => [a.id, a.publishedAt.toISOString().slice(0, 16).replace('T', ' '), sources.get(a.sourceId)?.title ?? a.sourceId, a.readingMinutes, a.title]),
        );
        if (page.nextCursor) println(`more: --cursor ${page.nextCursor}`);
      });
    });

  articles
    .command('show <id>')
    .description('show one article with its text')
    .option('--json', 'print JSON (including what extraction removed)')
    .action(async (idArg: string, opts: { json?: boolean }, cmd: Command) => {
      const id = parseId(idArg, 'id');
      await withContext(cmd, async ({ store }) => {
        const a = await store.getArticle(id);
        if (!a) throw new AppError('not_found', `article ${id} not found`);
        const source = await store.getSource(a.sourceId);
        if (opts.json) return printJson(presentArticle(a, source));
        println(a.title);
        println(`${source?.title ?? ''} · ${a.author ?? 'unknown author'} · ${a.publishedAt.toISOString()} · ${a.readingMinutes} min read`);
        println(a.url);
        println();
        println(a.text);
      });
    });
}
