/**
 * @module demo/render-image — small SVG lead images drawn from an article's motif, so the demo needs
 * no external images. Deterministic: the same article always gets the same picture.
 */
import { escapeHtml } from './html.ts';
import type { DemoImage } from './types.ts';

/** Size of the drawn images (16:9, the usual lead-image shape). */
const WIDTH = 640;
const HEIGHT = 360;
/** Points on the drawn price lines. */
const LINE_POINTS = 24;

/** A small deterministic pseudo-random sequence (mulberry32) seeded from a string. */
function randomFrom(seedText: string): () => number {
  let seed = 2166136261;
  for (const ch of seedText) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function line(random: () => number, rising: boolean, accent: string): string {
  const points: string[] = [];
  let y = rising ? 280 : 90;
  for (let i = 0; i < LINE_POINTS; i++) {
    const x = 40 + (i * (WIDTH - 80)) / (LINE_POINTS - 1);
    y += (rising ? -8 : 8) + (random() - 0.5) * 34;
    y = Math.min(320, Math.max(40, y));
    points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  }
  return `<polyline fill="none" stroke="${accent}" stroke-width="5" stroke-linejoin="round" points="${points.join(' ')}"/>`;
}

function candles(random: () => number): string {
  const parts: string[] = [];
  let mid = 200;
  for (let i = 0; i < 16; i++) {
    const open = mid;
    mid = Math.min(300, Math.max(60, mid + (random() - 0.45) * 60));
    const up = mid < open;
    const top = Math.min(open, mid);
    const x = 60 + i * 34;
    parts.push(
      `<line x1="${x + 9}" y1="${(top - 18).toFixed(0)}" x2="${x + 9}" y2="${(Math.max(open, mid) + 18).toFixed(0)}" stroke="#555" stroke-width="2"/>`,
      `<rect x="${x}" y="${top.toFixed(0)}" width="18" height="${Math.max(4, Math.abs(open - mid)).toFixed(0)}" fill="${up ? '#2e8b57' : '#c0392b'}"/>`,
    );
  }
  return parts.join('');
}

function motifShapes(image: DemoImage, random: () => number, accent: string): string {
  switch (image.motif) {
    case 'line-up':
      return line(random, true, accent);
    case 'line-down':
      return line(random, false, accent);
    case 'candles':
      return candles(random);
    case 'chip':
      return `<rect x="220" y="90" width="200" height="180" rx="14" fill="${accent}"/><rect x="260" y="130" width="120" height="100" fill="#fff" opacity=".25"/>${Array.from({ length: 7 }, (_, i) => `<rect x="${236 + i * 26}" y="66" width="8" height="24" fill="#777"/><rect x="${236 + i * 26}" y="270" width="8" height="24" fill="#777"/>`).join('')}`;
    case 'coin':
      return `<circle cx="320" cy="180" r="110" fill="#e0b341" stroke="#a67c00" stroke-width="10"/><circle cx="320" cy="180" r="78" fill="none" stroke="#a67c00" stroke-width="4"/>`;
    case 'fruit':
      return [0, 1, 2, 3, 4]
        .map((i) => `<circle cx="${170 + i * 75}" cy="${170 + (i % 2) * 40}" r="44" fill="${i % 2 ? '#7cb342' : '#c62828'}"/>`)
        .join('');
    case 'globe':
      return `<circle cx="320" cy="180" r="120" fill="none" stroke="${accent}" stroke-width="6"/><ellipse cx="320" cy="180" rx="55" ry="120" fill="none" stroke="${accent}" stroke-width="4"/><line x1="200" y1="180" x2="440" y2="180" stroke="${accent}" stroke-width="4"/>`;
  }
}

/** An SVG document for an article's lead image, labelled with the outlet's name. */
export function renderImageSvg(image: DemoImage, seed: string, outletName: string, accent: string): string {
  const random = randomFrom(seed);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(image.alt)}">`,
    `<title>${escapeHtml(image.alt)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f1ea"/>`,
    motifShapes(image, random, accent),
    `<text x="24" y="340" font-family="Georgia, serif" font-size="18" fill="#333">${escapeHtml(outletName)}</text>`,
    '</svg>',
  ].join('\n');
}
