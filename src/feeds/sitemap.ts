/**
 * @module feeds/sitemap — Google news sitemaps (`<urlset>` with `<news:news>`) to our model.
 * feedsmith has no sitemap support; htmlparser2's XML mode is a streaming tokenizer that never
 * throws, never resolves DTD entities and keeps no tree, so a hostile sitemap costs one linear pass.
 */
import { Parser } from 'htmlparser2';
import type { AdaptedFeed, DraftItem } from './adapt.ts';
import { parseFeedDate } from './dates.ts';
import { absoluteUrl, cleanTitle, firstOf, optionalString } from './text.ts';

/** Text fields collected per `<url>`, keyed by local element path. */
interface UrlEntry {
  loc: string;
  lastmod: string;
  title: string;
  publicationDate: string;
  publicationName: string;
  imageLoc: string;
  hasNews: boolean;
}

const FIELD_BY_TAG: Record<string, keyof Omit<UrlEntry, 'hasNews'>> = {
  loc: 'loc',
  lastmod: 'lastmod',
  'news:title': 'title',
  'news:publication_date': 'publicationDate',
  'news:name': 'publicationName',
  'image:loc': 'imageLoc',
};

function emptyEntry(): UrlEntry {
  return { loc: '', lastmod: '', title: '', publicationDate: '', publicationName: '', imageLoc: '', hasNews: false };
}

/** Read every `<url>` of a sitemap (up to `maxItems`), tolerating broken markup. */
function readUrls(text: string, maxItems: number): { entries: UrlEntry[]; more: boolean } {
  const entries: UrlEntry[] = [];
  let current: UrlEntry | null = null;
  let field: keyof Omit<UrlEntry, 'hasNews'> | null = null;
  let more = false;
  const parser = new Parser(
    {
      onopentag(name) {
        const tag = name.toLowerCase();
        if (tag === 'url') {
          if (entries.length >= maxItems) {
            more = true;
            parser.pause();
            return;
          }
          current = emptyEntry();
        } else if (current !== null) {
          if (tag === 'news:news') current.hasNews = true;
          // image:loc and loc are both "loc"; only the first image is kept.
          const f = FIELD_BY_TAG[tag];
          field = f !== undefined && current[f] === '' ? f : null;
        }
      },
      ontext(data) {
        if (current !== null && field !== null) current[field] += data;
      },
      onclosetag(name) {
        field = null;
        if (name.toLowerCase() === 'url' && current !== null) {
          entries.push(current);
          current = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  if (!more) parser.end();
  return { entries, more };
}

/** Adapt a news sitemap. Plain `<url>`s without `<news:news>` are skipped. */
export function adaptSitemap(text: string, docBase: string | null, maxItems: number, warnings: string[]): AdaptedFeed {
  const { entries, more } = readUrls(text, maxItems);
  if (more) warnings.push(`sitemap has more than ${maxItems} entries; only the first ${maxItems} were read`);
  const news = entries.filter((e) => e.hasNews);
  if (news.length < entries.length) warnings.push(`${entries.length - news.length} <url> entries without <news:news> were skipped`);
  const items: DraftItem[] = news.map((e) => {
    const url = absoluteUrl(e.loc, docBase);
    return {
      guid: url ?? optionalString(e.loc),
      url,
      title: cleanTitle(e.title),
      author: null,
      publishedAt: firstOf(parseFeedDate(e.publicationDate), parseFeedDate(e.lastmod)),
      updatedAt: parseFeedDate(e.lastmod),
      summaryHtml: null,
      contentHtml: null,
      imageUrl: absoluteUrl(e.imageLoc, url ?? docBase),
    };
  });
  return {
    title: firstOf(...news.map((e) => cleanTitle(e.publicationName))),
    siteUrl: firstOf(...items.map((i) => (i.url === null ? null : `${new URL(i.url).origin}/`))),
    hubUrl: null,
    ttlMinutes: null,
    items,
  };
}
