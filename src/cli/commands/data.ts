/**
 * `tickerwire migrate | export | import | copy`: schema migrations and lossless moves between databases
 * (e.g. the embedded SQLite file to PostgreSQL).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { openStore } from '../../store/open.ts';
import { copyStore, exportStore, importStore } from '../../store/transfer.ts';
import { withContext } from '../context.ts';
import { printJson, println } from '../output.ts';

export function registerData(program: Command): void {
  program
    .command('migrate')
    .description('apply pending schema migrations to the configured database')
    .action(async (_opts: unknown, cmd: Command) => {
      // Opening the store migrates it; report what was applied.
      await withContext(cmd, async ({ config }) => {
        println(`database ${config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl : 'postgres'} is up to date`);
      });
    });

  program
    .command('export')
    .description('write the whole database as JSON lines (to stdout or a file)')
    .option('-o, --output <file>', 'write to this file')
    .action(async (opts: { output?: string }, cmd: Command) => {
      await withContext(cmd, async ({ store }) => {
        const out = opts.output ? createWriteStream(opts.output) : process.stdout;
        await exportStore(store, (line) => {
          if (!out.write(`${line}\n`)) return new Promise<void>((resolve) => out.once('drain', () => resolve()));
          return undefined;
        });
        if (opts.output) await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())));
      });
    });

  program
    .command('import <file>')
    .description('load an export into the configured database (which must be empty), in one transaction')
    .option('--json', 'print the row counts as JSON')
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async ({ store }) => {
        const lines = createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Infinity });
        const summary = await importStore(store, lines);
        if (opts.json) return printJson(summary);
        println(`imported ${Object.entries(summary.counts).map(([t, n]) => `${n} ${t}`).join(', ')}`);
      });
    });

  program
    .command('copy')
    .description('copy the configured database into another (empty) one, e.g. SQLite → PostgreSQL')
    .requiredOption('--to <databaseUrl>', 'target database URL (sqlite:PATH or postgres://…)')
    .option('--json', 'print the row counts as JSON')
    .action(async (opts: { to: string; json?: boolean }, cmd: Command) => {
      await withContext(cmd, async ({ store }) => {
        const target = await openStore(opts.to);
        try {
          const summary = await copyStore(store, target);
          if (opts.json) return printJson(summary);
          println(`copied ${Object.entries(summary.counts).map(([t, n]) => `${n} ${t}`).join(', ')}`);
        } finally {
          await target.close();
        }
      });
    });
}
