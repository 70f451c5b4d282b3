/**
 * @module demo/content — every bundled demo outlet, in the order the demo server lists them.
 * The text is ours, written for the demo; the outlets, people and events are fictional.
 */
import type { DemoOutlet } from '../types.ts';
import { BLOCKLINE_DAILY } from './blockline-daily.ts';
import { EASTGATE_TECH_MONITOR } from './eastgate-tech-monitor.ts';
import { HARBOR_LEDGER } from './harbor-ledger.ts';
import { NORTHWIND_MARKETS_WIRE } from './northwind-markets-wire.ts';

/** The demo publications: one per feed format (RSS 2.0, Atom 1.0, JSON Feed 1.1, RDF/RSS 1.0). */
export const DEMO_OUTLETS: readonly DemoOutlet[] = [
  HARBOR_LEDGER,
  BLOCKLINE_DAILY,
  NORTHWIND_MARKETS_WIRE,
  EASTGATE_TECH_MONITOR,
];
