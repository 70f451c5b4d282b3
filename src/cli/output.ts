/** Command output on stdout: aligned text tables for people, JSON for machines. */

/** Print rows as an aligned table with a header. */
export function printTable(header: string[], rows: Array<Array<string | number | null>>): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = header.map((_, i) => Math.min(60, Math.max(...cells.map((r) => (r[i] ?? '').length))));
  for (const row of cells) {
    const line = row.map((c, i) => {
      const w = widths[i] ?? 0;
      const text = c.length > w ? `${c.slice(0, w - 1)}…` : c;
      return i === row.length - 1 ? text : text.padEnd(w);
    });
    process.stdout.write(`${line.join('  ').trimEnd()}\n`);
  }
}

/** Print a value as pretty JSON. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Print one line. */
export function println(text = ''): void {
  process.stdout.write(`${text}\n`);
}
