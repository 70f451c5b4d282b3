/**
 * @module extract/worker — worker-thread entry of the extractor pool: one message in
 * ({ id, html, pageUrl }), one Extraction out. Options come once, through workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ExtractOptions, extractArticle } from './index.ts';

/** A request to the worker. */
export interface WorkerRequest {
  id: number;
  html: string;
  pageUrl: string;
}

const options = (workerData ?? {}) as ExtractOptions;
parentPort?.on('message', (req: WorkerRequest) => {
  parentPort?.postMessage({ id: req.id, result: extractArticle(req.html, req.pageUrl, options) });
});
