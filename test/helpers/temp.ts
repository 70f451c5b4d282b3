/** Temporary data directories and configurations for tests (no network beyond loopback). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../src/config/index.ts';

/** A fresh directory under the OS temp dir, and a function that removes it. */
export function tempDir(prefix = 'tw-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A config for tests: temp data dir, no demo, no real default sources, loopback allowed, inline extraction. */
export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    TICKERWIRE_DATA: dataDir,
    TICKERWIRE_DEMO: '0',
    TICKERWIRE_SEED_DEFAULTS: '0',
    TICKERWIRE_ALLOW_HOSTS: '127.0.0.1,::1',
    TICKERWIRE_WORKERS: '0',
    TICKERWIRE_LOG_LEVEL: 'silent',
    PORT: '0',
    ...env,
  });
}
