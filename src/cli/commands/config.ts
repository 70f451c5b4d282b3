/** `tickerwire config`: print the resolved configuration with secrets redacted. */
import type { Command } from 'commander';
import { redactConfig } from '../../config/index.ts';
import { loadCliConfig } from '../context.ts';
import { printJson, println } from '../output.ts';

export function registerConfig(program: Command): void {
  program
    .command('config')
    .description('print the resolved configuration (defaults < config file < environment < flags), secrets redacted')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const shown = redactConfig(loadCliConfig(cmd).config);
      if (opts.json) return printJson(shown);
      for (const [k, v] of Object.entries(shown)) println(`${k.padEnd(20)} ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    });
}
