/**
 * `tickerwire serve` (every role in one process) and `tickerwire web | worker | scheduler` (one role
 * each, for deployments of many processes on PostgreSQL): run until SIGINT/SIGTERM.
 */
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { ALL_ROLES, type Role } from '../../runtime/roles.ts';
import { startTickerwire } from '../../runtime/start.ts';
import { loadCliConfig } from '../context.ts';
import { println } from '../output.ts';

function parseRoles(value: string): Set<Role> {
  const roles = value.split(',').map((r) => r.trim());
  for (const r of roles) {
    if (!ALL_ROLES.includes(r as Role)) throw new AppError('usage', `unknown role "${r}" (use ${ALL_ROLES.join(', ')})`);
  }
  return new Set(roles as Role[]);
}

async function run(cmd: Command, roles: Set<Role>, opts: { port?: string; host?: string }): Promise<void> {
  const { config, log } = loadCliConfig(cmd, { port: opts.port, host: opts.host });
  const running = await startTickerwire(config, log, roles);
  const what = [...roles].join(', ');
  println(
    running.url
      ? `tickerwire (${what}) is running at ${running.url}  (data: ${config.dataDir}; Ctrl+C to stop)`
      : `tickerwire (${what}) is running (Ctrl+C to stop)`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  log.info('serve.stopping');
  await running.stop();
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the reader and API, and poll sources on a schedule (all roles in one process)')
    .option('-p, --port <n>', 'HTTP port (env PORT, default 3000)')
    .option('--host <addr>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('--roles <list>', 'roles of this process: web,worker,scheduler', ALL_ROLES.join(','))
    .action(async (opts: { port?: string; host?: string; roles: string }, cmd: Command) => run(cmd, parseRoles(opts.roles), opts));

  const single: Array<[Role, string]> = [
    ['web', 'serve the reader and API only (stateless; run as many as you like)'],
    ['worker', 'run poll jobs from the queue (run as many as you like)'],
    ['scheduler', 'enqueue due sources and enrich new articles (run one)'],
  ];
  for (const [role, description] of single) {
    const cmd = program.command(role).description(description);
    if (role === 'web') cmd.option('-p, --port <n>', 'HTTP port (env PORT, default 3000)').option('--host <addr>', 'address to bind');
    cmd.action(async (opts: { port?: string; host?: string }, c: Command) => run(c, new Set([role]), opts));
  }
}
