/**
 * Benchmark reporting: print a table and keep BENCHMARKS.md current. Each benchmark owns one section,
 * delimited by `<!-- bench:NAME -->` markers, so benchmarks update their part without touching others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../BENCHMARKS.md', import.meta.url);
const HEADER = `# Benchmarks

Every figure is printed by \`npm run bench\` (or the command named in its section) and is reported beside a
baseline measured in the same run. Machine: 2 cores, 24 GB, Node 20. Sections are rewritten by the benchmarks
themselves; do not edit numbers by hand.
`;

/** A markdown table from a header row and data rows. */
export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Replace (or append) the section `name` of BENCHMARKS.md with `body`. */
export function writeSection(name: string, title: string, command: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const section = `${start}\n## ${title}\n\nCommand: \`${command}\` — last run ${stamp} UTC, Node ${process.version}.\n\n${body.trim()}\n${end}`;
  let doc = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + section + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, doc);
}

/** Peak resident set size of this process so far, in MB (from the OS, not sampled). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
