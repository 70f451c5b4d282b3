/** `tickerwire ingest --once [--source ID]`: poll sources once and exit. */
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { ingestSources } from '../../pipeline/ingest-all.ts';
import { startDemo } from '../../runtime/demo.ts';
import { createEnricher } from '../../runtime/enrich.ts';
import { createPipeline } from '../../runtime/pipeline.ts';
import { seedDefaultSources } from '../../runtime/seed.ts';
import { withContext } from '../context.ts';
import { printJson, println } from '../output.ts';
import { startProgress } from '../progress.ts';
import { parseId } from './parse.ts';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('poll sources and store new articles')
    .requiredOption('--once', 'poll every enabled source once, then exit')
    .option('--source <id>', 'poll only this source')
    .option('--json', 'print per-source results as JSON')
    .action(async (opts: { source?: string; json?: boolean }, cmd: Command) => {
      await withContext(cmd, async ({ config, log, store }) => {
        await seedDefaultSources(config, store, new Date());
        const demo = await startDemo(config, store, log);
        const pipeline = createPipeline(config, store, log, demo ? [demo.allowHost] : []);
        try {
          let sources = (await store.listSources()).filter((s) => s.isEnabled);
          if (opts.source !== undefined) {
            const id = parseId(opts.source, 'source');
            const one = await store.getSource(id);
            if (!one) throw new AppError('not_found', `source ${id} not found`);
            sources = [one];
          }
          const bar = startProgress('ingest', sources.length);
          const { summaries, totals } = await ingestSources(sources, pipeline.deps, config.concurrency, (p) =>
            bar.update(p.done, p.source.title || p.source.url),
          );
          bar.stop();
          const enriched = await createEnricher(config, store, log).enrichPending();
          const stories = enriched.filter((e) => e.isNewStory).length;
          const copies = enriched.filter((e) => e.duplicateOf !== null).length;
          if (opts.json) printJson({ totals: { ...totals, enriched: enriched.length, newStories: stories, copies }, sources: summaries });
          else {
            println(
              `polled ${totals.sources} sources in ${(totals.ms / 1000).toFixed(1)} s: ${totals.articlesAdded} new articles, ` +
                `${totals.failed} sources failed, ${totals.itemErrors} items failed; ${stories} new stories, ${copies} copies found`,
            );
            for (const s of summaries.filter((x) => !x.ok)) println(`  source ${s.sourceId}: ${s.error?.code}: ${s.error?.message}`);
          }
        } finally {
          await pipeline.close();
          await demo?.server.close();
        }
      });
    });
}
