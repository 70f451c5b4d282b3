/** `tickerwire extract FILE|URL`: print the article extracted from one page, storing nothing. */
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { extractArticle } from '../../extract/index.ts';
import { loadCliConfig } from '../context.ts';
import { readTarget } from '../read-target.ts';
import { printJson, println } from '../output.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract <fileOrUrl>')
    .description('extract the article from a saved page or a URL and print it')
    .option('--url <base>', 'the page URL (resolves relative links of a saved file)')
    .option('--json', 'print everything as JSON, including what was removed and why')
    .action(async (target: string, opts: { url?: string; json?: boolean }, cmd: Command) => {
      const page = await readTarget(target, cmd, 'page', 'html');
      const { config } = loadCliConfig(cmd);
      const result = extractArticle(page.text, opts.url ?? page.url, { rules: config.extractRules });
      if (result.kind === 'skipped') throw new AppError('no_article', `no article found: ${result.reason} (${result.message})`);
      const a = result.article;
      if (opts.json) return printJson(a);
      println(a.title);
      if (a.byline) println(`By ${a.byline}`);
      if (a.publishedAt) println(`Published ${a.publishedAt.toISOString()}${a.modifiedAt ? `, updated ${a.modifiedAt.toISOString()}` : ''}`);
      if (a.canonicalUrl) println(`Canonical ${a.canonicalUrl}`);
      println(`${a.wordCount} words · ${a.readingMinutes} min read${a.lang ? ` · ${a.lang}` : ''}`);
      println();
      println(a.text);
    });
}
