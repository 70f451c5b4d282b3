/** Poll many sources once, with bounded concurrency and a progress callback (CLI `ingest --once`). */
import type { RunSummary, Source } from '../model.ts';
import type { PipelineDeps } from './deps.ts';
import { mapLimit } from './map-limit.ts';
import { runSource } from './run-source.ts';

export interface IngestProgress {
  done: number;
  total: number;
  last: RunSummary;
  source: Source;
}

/** Totals over a set of polls. */
export interface IngestTotals {
  sources: number;
  failed: number;
  articlesAdded: number;
  itemErrors: number;
  ms: number;
}

/** Poll every given source once; never throws for a failing source. */
export async function ingestSources(
  sources: Source[],
  deps: PipelineDeps,
  concurrency: number,
  onProgress?: (p: IngestProgress) => void,
): Promise<{ summaries: RunSummary[]; totals: IngestTotals }> {
  const started = Date.now();
  let done = 0;
  const summaries = await mapLimit(sources, concurrency, async (source) => {
    const last = await runSource(source, deps);
    done++;
    onProgress?.({ done, total: sources.length, last, source });
    return last;
  });
  const totals: IngestTotals = {
    sources: sources.length,
    failed: summaries.filter((s) => !s.ok).length,
    articlesAdded: summaries.reduce((n, s) => n + s.articlesAdded, 0),
    itemErrors: summaries.reduce((n, s) => n + s.itemErrors, 0),
    ms: Date.now() - started,
  };
  return { summaries, totals };
}
