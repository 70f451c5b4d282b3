/** `tickerwire serve`: run the web server, scheduler and workers in one process until stopped. */
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { type Role, startTickerwire } from '../../runtime/start.ts';
import { loadCliConfig } from '../context.ts';
import { println } from '../output.ts';

const ROLES: readonly Role[] = ['web', 'worker', 'scheduler'];

function parseRoles(value: string): Set<Role> {
  const roles = value.split(',').map((r) => r.trim());
  for (const r of roles) {
    if (!ROLES.includes(r as Role)) throw new AppError('usage', `unknown role "${r}" (use ${ROLES.join(', ')})`);
  }
  return new Set(roles as Role[]);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the reader and API, and poll sources on a schedule')
    .option('-p, --port <n>', 'HTTP port (env PORT, default 3000)')
    .option('--host <addr>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('--roles <list>', 'roles of this process: web,worker,scheduler', 'web,worker,scheduler')
    .action(async (opts: { port?: string; host?: string; roles: string }, cmd: Command) => {
      const roles = parseRoles(opts.roles);
      const { config, log } = loadCliConfig(cmd, { port: opts.port, host: opts.host });
      const running = await startTickerwire(config, log, roles);
      if (running.url) println(`tickerwire is running at ${running.url}  (data: ${config.dataDir}; Ctrl+C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      log.info('serve.stopping');
      await running.stop();
    });
}
