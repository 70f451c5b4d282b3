/**
 * @module demo/content/syndicate — builds a republished copy of a demo article with light edits,
 * the way aggregators repost wire and partner content (retitled, trimmed, a few words changed).
 * The "Source:" line and "appeared first on" footer are added when the copy is rendered.
 */
import type { DemoArticle, DemoAuthor, DemoBlock } from '../types.ts';

/** How the copy differs from its original. */
export interface SyndicationEdits {
  fromOutletKey: string;
  slug: string;
  id: number;
  title: string;
  author: DemoAuthor;
  /** Minutes before server start; later than the original (it is a repost). */
  minutesAgo: number;
  section: string;
  /** Literal find → replace pairs applied to every paragraph, in order. */
  replacements: Array<[string, string]>;
  /** Number of body blocks dropped from the end (aggregators often trim the tail). */
  dropLast: number;
}

function editBlock(block: DemoBlock, replacements: Array<[string, string]>): DemoBlock {
  if (typeof block !== 'string') return block;
  return replacements.reduce((text, [from, to]) => text.split(from).join(to), block);
}

/** A lightly edited copy of `original`, labelled as syndicated from it. */
export function syndicate(original: DemoArticle, edits: SyndicationEdits): DemoArticle {
  const kept = original.body.slice(0, Math.max(1, original.body.length - edits.dropLast));
  return {
    ...original,
    slug: edits.slug,
    id: edits.id,
    title: edits.title,
    author: edits.author,
    minutesAgo: edits.minutesAgo,
    section: edits.section,
    summary: String(editBlock(original.summary, edits.replacements)),
    body: kept.map((block) => editBlock(block, edits.replacements)),
    syndicatedFrom: { outletKey: edits.fromOutletKey, slug: original.slug },
  };
}
