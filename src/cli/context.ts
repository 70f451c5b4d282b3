/** What every command needs: validated config (flags > env > file > defaults), logger, store. */
import type { Command } from 'commander';
import { type Config, type ConfigOverrides, loadConfig } from '../config/index.ts';
import { createLogger, type Logger } from '../log.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';

export interface CliContext {
  config: Config;
  log: Logger;
  store: Store;
  close(): Promise<void>;
}

/** Config overrides from the global flags (--data, --no-demo) plus command-specific ones. */
export function overridesFrom(cmd: Command, extra: ConfigOverrides = {}): ConfigOverrides {
  const opts = cmd.optsWithGlobals<{ data?: string; demo?: boolean }>();
  const out: ConfigOverrides = { ...extra };
  if (opts.data !== undefined) out.dataDir = opts.data;
  // --no-demo only counts when given: its default must not override TICKERWIRE_DEMO.
  if (opts.demo === false) out.demo = false;
  return out;
}

/** Load config and logger only (commands that need no database). */
export function loadCliConfig(cmd: Command, extra: ConfigOverrides = {}): { config: Config; log: Logger } {
  const config = loadConfig(process.env, overridesFrom(cmd, extra));
  const log = createLogger({ level: config.logLevel, format: config.logFormat });
  return { config, log };
}

/** Load config, logger and the migrated store. */
export async function openContext(cmd: Command, extra: ConfigOverrides = {}): Promise<CliContext> {
  const { config, log } = loadCliConfig(cmd, extra);
  const store = await openStore(config.databaseUrl);
  return { config, log, store, close: () => store.close() };
}

/** Run `fn` with a context and always close it. */
export async function withContext<T>(cmd: Command, fn: (ctx: CliContext) => Promise<T>, extra: ConfigOverrides = {}): Promise<T> {
  const ctx = await openContext(cmd, extra);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
