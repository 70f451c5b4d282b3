/** `tickerwire extract FILE|URL`: print the article extracted from one page, storing nothing. */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { extractArticle } from '../../extract/index.ts';
import { decodeText } from '../../fetch/decode.ts';
import { createFetcher } from '../../fetch/index.ts';
import { loadCliConfig } from '../context.ts';
import { printJson, println } from '../output.ts';

async function readPage(target: string, cmd: Command): Promise<{ html: string; url: string }> {
  if (/^https?:\/\//i.test(target)) {
    const { config, log } = loadCliConfig(cmd);
    const fetcher = createFetcher(
      {
        userAgent: config.userAgent,
        timeoutMs: config.fetchTimeoutMs,
        maxBodyBytes: config.maxBodyBytes,
        maxRedirects: config.maxRedirects,
        perHostConcurrency: config.perHostConcurrency,
        allowHosts: config.allowHosts,
      },
      log,
    );
    try {
      const res = await fetcher.fetch({ url: target, purpose: 'page' });
      return { html: decodeText(res.body, res.contentType, 'html'), url: res.url };
    } finally {
      await fetcher.close();
    }
  }
  let body: Buffer;
  try {
    body = readFileSync(target);
  } catch (cause) {
    throw new AppError('usage', `cannot read ${target}`, { cause });
  }
  return { html: decodeText(body, null, 'html'), url: pathToFileURL(target).href };
}

export function registerExtract(program: Command): void {
  program
    .command('extract <fileOrUrl>')
    .description('extract the article from a saved page or a URL and print it')
    .option('--url <base>', 'the page URL (resolves relative links of a saved file)')
    .option('--json', 'print everything as JSON, including what was removed and why')
    .action(async (target: string, opts: { url?: string; json?: boolean }, cmd: Command) => {
      const page = await readPage(target, cmd);
      const result = extractArticle(page.html, opts.url ?? page.url);
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
