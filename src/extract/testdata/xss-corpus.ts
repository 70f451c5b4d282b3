/** Loads the XSS corpora from ../shared/datasets/badinput/xss/ (read in place, never copied). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface XssVector {
  id: string;
  payload: string;
}

export const XSS_DIR = fileURLToPath(new URL('../../../../shared/datasets/badinput/xss/', import.meta.url));
const FILES = ['dompurify-fixtures.json', 'owasp-filter-evasion.json'];

/** Every vector of both corpora, or null when the corpora are absent. */
export function loadXssVectors(): XssVector[] | null {
  const out: XssVector[] = [];
  for (const file of FILES) {
    const path = `${XSS_DIR}${file}`;
    if (!existsSync(path)) return null;
    const data = JSON.parse(readFileSync(path, 'utf8')) as { vectors: Array<{ id: string; payload: unknown }> };
    for (const v of data.vectors) if (typeof v.payload === 'string') out.push({ id: v.id, payload: v.payload });
  }
  return out;
}
