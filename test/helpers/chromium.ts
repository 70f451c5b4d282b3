/**
 * Headless Chromium for browser tests: Debian's binary with the launch flags a sandboxed root container needs
 * (DEPS.md pitfall 18), whether CI demands it, and axe-core's serious/critical violations of a page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** Launch flags for Debian's chromium in a container. */
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The chromium binary on PATH, or null. */
export function findChromium(): string | null {
  try {
    const path = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    return path === '' ? null : path;
  } catch {
    return null;
  }
}

/** True under CI (process.env.CI set and not "false"): browser tests must run there, not skip. */
export const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

let axeSource: string | undefined;

/** Serious and critical axe-core violations of the page as loaded ("rule (impact) at [targets]"). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}
