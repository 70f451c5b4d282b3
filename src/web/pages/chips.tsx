/** Slots filled by enrichment when the store provides it: instrument chips, topic tags, key facts, market box, coverage. */
import type { Child } from 'hono/jsx';
import { isTopic, TOPIC_SPECS } from '../../topics/index.ts';

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

/** An article's topics as small tags in its meta line, each opening the home page filtered by it. */
export function TopicTags(props: { topics: string[] | undefined }) {
  const topics = (props.topics ?? []).filter(isTopic);
  if (topics.length === 0) return null;
  return (
    <>
      <span aria-hidden="true">·</span>
      {topics.map((t) => (
        <a class="badge" href={`/?topic=${t}`} aria-label={`Topic: ${TOPIC_SPECS[t].label}`}>
          {TOPIC_SPECS[t].label}
        </a>
      ))}
    </>
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
