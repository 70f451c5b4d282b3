/** `tickerwire feeds check|discover`: what tickerwire makes of a feed, and where a site's feeds are. */
import type { Command } from 'commander';
import { checkFeed } from '../../feeds/check.ts';
import { commonFeedUrls, findFeedLinks } from '../../feeds/discover.ts';
import { printJson, println } from '../output.ts';
import { readTarget } from '../read-target.ts';

export function registerFeeds(program: Command): void {
  const feeds = program.command('feeds').description('inspect feeds without storing anything');

  feeds
    .command('check <urlOrFile>')
    .description('parse a feed and report its format, items and problems (exit 1 when it is not usable)')
    .option('--json', 'print the report as JSON')
    .action(async (target: string, opts: { json?: boolean }, cmd: Command) => {
      const doc = await readTarget(target, cmd, 'feed', 'xml');
      const report = checkFeed(doc.text, doc.url);
      if (opts.json) printJson(report);
      else {
        println(`${report.ok ? 'OK' : 'NOT USABLE'}  ${report.url}`);
        if (report.format) println(`format    ${report.format}`);
        if (report.title) println(`title     ${report.title}`);
        println(`items     ${report.itemCount}${report.newestAt ? ` (newest ${report.newestAt.toISOString()})` : ''}`);
        for (const item of report.items.slice(0, 10)) println(`  - ${item.title ?? '(untitled)'}  ${item.url}`);
        for (const p of report.problems) println(`problem   ${p.code}: ${p.message}`);
        for (const w of report.warnings) println(`warning   ${w}`);
      }
      if (!report.ok) process.exitCode = 1;
    });

  feeds
    .command('discover <pageUrlOrFile>')
    .description("list the feeds a site's page advertises, and the usual places to look")
    .option('--json', 'print JSON')
    .action(async (target: string, opts: { json?: boolean }, cmd: Command) => {
      const page = await readTarget(target, cmd, 'page', 'html');
      const links = findFeedLinks(page.text, page.url);
      const guesses = page.url.startsWith('http') ? commonFeedUrls(page.url) : [];
      if (opts.json) return printJson({ links, commonPaths: guesses });
      if (links.length === 0) println('no feeds advertised on the page');
      for (const l of links) println(`${l.format.padEnd(5)} ${l.url}${l.title ? `  (${l.title})` : ''}`);
      if (guesses.length > 0) println(`also worth trying: ${guesses.slice(0, 6).join(' ')}`);
    });
}
