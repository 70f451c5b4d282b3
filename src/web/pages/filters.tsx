/** Filter controls shared by the home and search forms: the source and time selects. */
import type { Source } from '../../model.ts';
import { TIME_WINDOWS } from '../params.ts';

/** "Source" select: every source with articles, by title; `selected` is a source id. */
export function SourceSelect(props: { sources: Map<number, Source>; selected: number | undefined }) {
  const sources = [...props.sources.values()].filter((s) => s.articleCount > 0).sort((a, b) => (a.title || a.url).localeCompare(b.title || b.url));
  return (
    <label>
      Source{' '}
      <select name="source">
        <option value="">All sources</option>
        {sources.map((s) => (
          <option value={String(s.id)} selected={props.selected === s.id}>
            {s.title || s.url}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Time" select over the recent windows (`within`). */
export function TimeSelect(props: { within: string | undefined }) {
  return (
    <label>
      Time{' '}
      <select name="within">
        <option value="">Any time</option>
        {Object.entries(TIME_WINDOWS).map(([key, w]) => (
          <option value={key} selected={props.within === key}>
            {w.label}
          </option>
        ))}
      </select>
    </label>
  );
}
