/** Reading what a command was pointed at: a URL (fetched through the guarded fetcher) or a local file. */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { decodeText } from '../fetch/decode.ts';
import { createFetcher } from '../fetch/index.ts';
import type { FetchPurpose } from '../fetch/types.ts';
import { loadCliConfig } from './context.ts';
import { fetcherOptions } from '../runtime/fetcher-options.ts';

export interface Target {
  text: string;
  /** Final URL (after redirects) or the file's file:// URL. */
  url: string;
}

/**
 * Fetch `target` when it is an http(s) URL, else read it as a file, and decode it.
 * @throws AppError usage when the file cannot be read; fetch errors as the fetcher reports them
 */
export async function readTarget(target: string, cmd: Command, purpose: FetchPurpose, kind: 'html' | 'xml'): Promise<Target> {
  if (/^https?:\/\//i.test(target)) {
    const { config, log } = loadCliConfig(cmd);
    const fetcher = createFetcher(
      fetcherOptions(config),
      log,
    );
    try {
      const res = await fetcher.fetch({ url: target, purpose });
      const asKind = kind === 'xml' && /json/i.test(res.contentType ?? '') ? 'json' : kind;
      return { text: decodeText(res.body, res.contentType, asKind), url: res.url };
    } finally {
      await fetcher.close();
    }
  }
  let body: Buffer;
  try {
    body = readFileSync(target);
  } catch (cause) {
    throw new AppError('usage', `cannot read ${target}`, { cause });
  }
  return { text: decodeText(body, null, kind), url: pathToFileURL(target).href };
}
