/** The `tickerwire` command tree. */
import { Command } from 'commander';
import { registerArticles } from './commands/articles.ts';
import { registerConfig } from './commands/config.ts';
import { registerData } from './commands/data.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExtract } from './commands/extract.ts';
import { registerFeeds } from './commands/feeds.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerInstruments } from './commands/instruments.ts';
import { registerOpml } from './commands/opml.ts';
import { registerServe } from './commands/serve.ts';
import { registerSources } from './commands/sources.ts';
import { registerTakedown } from './commands/takedown.ts';

/** Build the program; `run` in main.ts parses argv with it. */
export function buildProgram(): Command {
  const program = new Command('tickerwire')
    .description('self-hosted market-news desk: ingest feeds, extract articles, serve a reader and an API')
    .version('0.1.0')
    .option('--data <dir>', 'data directory (env TICKERWIRE_DATA, default ./data)')
    .option('--no-demo', 'do not start the bundled demo sources (env TICKERWIRE_DEMO=0)')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: true })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerServe(program);
  registerIngest(program);
  registerOpml(registerSources(program));
  registerFeeds(program);
  registerArticles(program);
  registerExtract(program);
  registerTakedown(program);
  registerDemo(program);
  registerInstruments(program);
  registerData(program);
  registerConfig(program);
  const override = (cmd: Command): void => {
    cmd.exitOverride();
    for (const sub of cmd.commands) override(sub);
  };
  override(program);
  return program;
}
