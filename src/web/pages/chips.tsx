/** Slots filled by enrichment when the store provides it: instrument chips, key facts, market box, coverage. */
import type { Child } from 'hono/jsx';

/** An instrument linked to an article, as a chip. */
export interface InstrumentChip {
  id: string;
  symbol: string;
  name: string;
}

export function InstrumentChips(props: { chips: InstrumentChip[] | undefined }) {
  if (!props.chips || props.chips.length === 0) return null;
  return (
    <ul class="chips" aria-label="Instruments">
      {props.chips.map((i) => (
        <li>
          <a class="chip" href={`/?instrument=${encodeURIComponent(i.id)}`} title={i.name}>
            {i.symbol}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A titled aside rendered only when it has content. */
export function Panel(props: { title: string; label: string; children?: Child; show: boolean }) {
  if (!props.show) return null;
  return (
    <section class="panel" aria-label={props.label}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}
