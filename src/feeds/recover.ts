/**
 * @module feeds/recover — text-level surgery on XML feeds, done before or after a strict parse:
 * cut a huge feed after its first N items (so 100,000 items cost no more than N), and split a
 * broken document into its head and item chunks so the complete items can be kept.
 */
import type { FeedFormat } from '../model.ts';

type XmlFormat = Exclude<FeedFormat, 'json'>;

/** Element holding one entry, per format. */
const ITEM_TAG: Record<XmlFormat, string> = { rss: 'item', rdf: 'item', atom: 'entry', sitemap: 'url' };

/** An XML document split around its entries. */
export interface ItemChunks {
  /** Everything before the first entry (root, channel, feed-level elements). */
  head: string;
  /** Complete entries, each from its start tag to its end tag. */
  items: string[];
  /** Entries with no end tag (a truncated or broken document). */
  incomplete: number;
  /** Closing tags that turn head + items into a well-formed document. */
  tail: string;
}

function openTagPattern(format: XmlFormat): RegExp {
  // `[\s>/]` after the name so RDF's `<items>` list is not taken for an `<item>`.
  return new RegExp(`<(?:[\\w.-]+:)?${ITEM_TAG[format]}[\\s>/]`, 'gi');
}

function closeTagPattern(format: XmlFormat): RegExp {
  return new RegExp(`</(?:[\\w.-]+:)?${ITEM_TAG[format]}\\s*>`, 'gi');
}

/** Closing tags for the containers still open at the end of `head` (RSS channel, then the root). */
function closingTags(head: string, format: XmlFormat, rootName: string): string {
  let tail = `</${rootName}>`;
  if (format === 'rss') {
    const channel = /<((?:[\w.-]+:)?channel)[\s>]/i.exec(head)?.[1];
    if (channel !== undefined && !new RegExp(`</${channel}\\s*>`, 'i').test(head)) tail = `</${channel}>${tail}`;
  }
  return tail;
}

/**
 * Cut `text` right after its `maxItems`-th entry and close the open containers, so a feed with
 * 100,000 items is parsed as one with `maxItems`. Returns null when there is nothing to cut.
 */
export function cutAfterItems(text: string, format: XmlFormat, rootName: string, maxItems: number): string | null {
  const close = closeTagPattern(format);
  let count = 0;
  let end = -1;
  for (let m = close.exec(text); m !== null; m = close.exec(text)) {
    count += 1;
    if (count === maxItems) {
      end = m.index + m[0].length;
      break;
    }
  }
  if (end < 0) return null;
  const open = openTagPattern(format);
  open.lastIndex = end;
  if (open.exec(text) === null) return null;
  const head = text.slice(0, end);
  return head + closingTags(head, format, rootName);
}

/** Split a document into head, complete entries and the closing tags (for salvaging a broken feed). */
export function splitItems(text: string, format: XmlFormat, rootName: string): ItemChunks {
  const open = openTagPattern(format);
  const starts: number[] = [];
  for (let m = open.exec(text); m !== null; m = open.exec(text)) starts.push(m.index);
  const head = text.slice(0, starts[0] ?? text.length);
  const items: string[] = [];
  let incomplete = 0;
  const close = closeTagPattern(format);
  starts.forEach((start, i) => {
    const span = text.slice(start, starts[i + 1] ?? text.length);
    let last = -1;
    close.lastIndex = 0;
    for (let m = close.exec(span); m !== null; m = close.exec(span)) last = m.index + m[0].length;
    if (last < 0) incomplete += 1;
    else items.push(span.slice(0, last));
  });
  return { head, items, incomplete, tail: closingTags(head, format, rootName) };
}

/**
 * The document with only its last `maxItems` complete entries (head + those entries + closing tags),
 * for feeds listed oldest first. Returns null when there are not more than `maxItems` entries.
 */
export function keepLastItems(text: string, format: XmlFormat, rootName: string, maxItems: number): string | null {
  const open = openTagPattern(format);
  const starts: number[] = [];
  for (let m = open.exec(text); m !== null; m = open.exec(text)) starts.push(m.index);
  const first = starts[0];
  const from = starts[starts.length - maxItems];
  if (first === undefined || from === undefined || starts.length <= maxItems) return null;
  const close = closeTagPattern(format);
  let end = -1;
  close.lastIndex = from;
  for (let m = close.exec(text); m !== null; m = close.exec(text)) end = m.index + m[0].length;
  if (end < 0) return null;
  const head = text.slice(0, first);
  return head + text.slice(from, end) + closingTags(head, format, rootName);
}
