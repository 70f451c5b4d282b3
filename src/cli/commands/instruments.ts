/**
 * `tickerwire link` (link a text to instruments, storing nothing) and `tickerwire instruments
 * search | show | update` (the reference data).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { extractFigures, linkInstruments, loadInstruments, scoreSentiment, searchInstruments } from '../../instruments/index.ts';
import { printJson, println, printTable } from '../output.ts';

const BUILD_SCRIPT = fileURLToPath(new URL('../../../scripts/build-instruments.ts', import.meta.url));
const RUN_TS = fileURLToPath(new URL('../../../bin/run-ts.mjs', import.meta.url));

function readInput(file: string | undefined): string {
  if (file === undefined || file === '-') return readFileSync(0, 'utf8');
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('usage', `cannot read ${file}`, { cause });
  }
}

export function registerInstruments(program: Command): void {
  program
    .command('link [file]')
    .description('link a text (file or stdin) to the instruments it discusses; prints salience and supporting sentences')
    .option('--title <title>', 'the headline (weighs more than the body)', '')
    .option('--lang <code>', 'language of the text (non-English disables word-like names)', 'en')
    .option('--json', 'print links, figures and sentiment as JSON')
    .action((file: string | undefined, opts: { title: string; lang: string; json?: boolean }) => {
      const text = readInput(file);
      const index = loadInstruments();
      const links = linkInstruments(index, { title: opts.title, text, lang: opts.lang });
      if (opts.json) {
        return printJson({ links, figures: extractFigures(text, { index, links }), sentiment: scoreSentiment(`${opts.title}. ${text}`) });
      }
      if (links.length === 0) return println('no instruments linked');
      for (const l of links) {
        println(`${l.role === 'subject' ? '●' : '○'} ${l.symbol.padEnd(8)} ${l.name}  (${l.instrumentId}, ${l.assetClass}, salience ${l.salience.toFixed(2)}, ${l.mentions}×)`);
        if (l.sentences[0]) println(`    “${l.sentences[0]}”`);
      }
    });

  const instruments = program.command('instruments').description('the instrument reference data (stocks, ETFs, indices, tokens)');

  instruments
    .command('search <query>')
    .description('find instruments by symbol, name or alias')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action((query: string, opts: { limit: string; json?: boolean }) => {
      const found = searchInstruments(loadInstruments(), query, Number(opts.limit) || 20);
      if (opts.json) return printJson(found);
      printTable(
        ['ID', 'SYMBOL', 'CLASS', 'VENUE', 'NAME'],
        found.map((i) => [i.id, i.symbol, i.assetClass, i.exchange, i.name]),
      );
    });

  instruments
    .command('show <id>')
    .description('show one instrument with its tickers and aliases')
    .action((id: string) => {
      const inst = loadInstruments().byId.get(id);
      if (!inst) throw new AppError('not_found', `instrument ${id} not found (try: tickerwire instruments search ${id.split(':').pop() ?? id})`);
      printJson(inst);
    });

  instruments
    .command('update')
    .description('rebuild the reference data from a folder of instrument lists (same layout as the shipped sources)')
    .requiredOption('--from <dir>', 'folder with the lists (us-listings/, sec-company-tickers/, sp500/, hk-china/, indices/, crypto/)')
    .action((opts: { from: string }) => {
      if (!existsSync(opts.from)) throw new AppError('usage', `no such folder: ${opts.from}`);
      const r = spawnSync(process.execPath, [RUN_TS, BUILD_SCRIPT, opts.from], { stdio: 'inherit' });
      if (r.status !== 0) throw new AppError('internal_error', `building the reference data failed (exit ${r.status})`);
      println('reference data rebuilt; restart tickerwire to load it');
    });
}
