import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: { TZ: 'UTC', TICKERWIRE_LOG_LEVEL: 'silent' },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
});
