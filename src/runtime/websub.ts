/** Wiring WebSub push delivery into a polling process (needs TICKERWIRE_PUBLIC_URL: hubs must reach us). */
import type { Config } from '../config/index.ts';
import { createWebSubClient } from '../fetch/websub.ts';
import type { Logger } from '../log.ts';
import type { RunSummary } from '../model.ts';
import { ingestPushedFeed } from '../pipeline/run-source.ts';
import { WebSubManager } from '../pipeline/websub.ts';
import type { PipelineHandle } from './pipeline.ts';
import { fetcherOptions } from './fetcher-options.ts';

/** How often leases are checked for renewal. */
const RENEW_CHECK_MS = 10 * 60_000;

export interface WebSubHandle {
  manager: WebSubManager;
  close(): Promise<void>;
}

/** Start WebSub upkeep when a public URL is configured; undefined otherwise. */
export function startWebSub(
  config: Config,
  pipeline: PipelineHandle,
  log: Logger,
  onPushed: (summary: RunSummary) => void,
): WebSubHandle | undefined {
  if (!config.publicUrl) {
    log.debug('websub.disabled', { reason: 'no TICKERWIRE_PUBLIC_URL' });
    return undefined;
  }
  const client = createWebSubClient(
    fetcherOptions(config),
    log.child({ stage: 'websub' }),
  );
  const manager = new WebSubManager({
    store: pipeline.deps.store,
    log: log.child({ stage: 'websub' }),
    now: () => new Date(),
    client,
    publicUrl: config.publicUrl,
    ingest: async (source, body, contentType) => {
      const summary = await ingestPushedFeed(source, body, contentType, pipeline.deps);
      if (summary.articlesAdded > 0) onPushed(summary);
      return summary;
    },
  });
  pipeline.deps.onFeed = (source, feed) => manager.onPolled(source, feed);
  const timer = setInterval(() => {
    manager.renewDue().catch((error: unknown) => log.warn('websub.renew_failed', { message: String(error) }));
  }, RENEW_CHECK_MS);
  timer.unref();
  return {
    manager,
    async close() {
      clearInterval(timer);
      await client.close();
    },
  };
}
