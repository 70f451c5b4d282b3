/** `tickerwire demo remove|restore`: take the bundled demo sources out (or bring them back). */
import type { Command } from 'commander';
import { DEMO_REMOVED_SETTING, removeDemo } from '../../runtime/demo.ts';
import { withContext } from '../context.ts';
import { println } from '../output.ts';

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('the bundled demo sources');
  demo
    .command('remove')
    .description('delete the demo sources and their articles, and keep the demo off')
    .action(async (_opts: unknown, cmd: Command) => {
      await withContext(cmd, async ({ store }) => {
        const n = await removeDemo(store);
        println(`removed ${n} demo sources; the demo stays off (bring it back with: tickerwire demo restore)`);
      });
    });
  demo
    .command('restore')
    .description('turn the demo back on (its sources return at the next start)')
    .action(async (_opts: unknown, cmd: Command) => {
      await withContext(cmd, async ({ store }) => {
        await store.setSetting(DEMO_REMOVED_SETTING, '0');
        println('demo restored: it starts with the next `tickerwire serve`');
      });
    });
}
