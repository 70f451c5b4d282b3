/**
 * `npm run bench [-- NAME…]`: run every benchmark (or the named ones) in turn. Each prints its table
 * and rewrites its own section of BENCHMARKS.md. A benchmark is a bench/NAME.ts exporting `run()`.
 */
import { readdirSync } from 'node:fs';

const NOT_BENCHMARKS = new Set(['run', 'report', 'ingest-run', 'api-load']);
const dir = new URL('./', import.meta.url);
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !NOT_BENCHMARKS.has(f.slice(0, -3)))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n=== bench: ${name}`);
  const started = Date.now();
  try {
    const mod = (await import(new URL(`./${name}.ts`, dir).href)) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') throw new Error(`bench/${name}.ts exports no run()`);
    await mod.run();
    console.log(`=== ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed++;
    console.error(`=== ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
