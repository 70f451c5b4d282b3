import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_OUTLETS } from './content/index.ts';
import { PAGE_SKINS } from './page-skins.ts';
import { type DemoServer, startDemoServer } from './server.ts';
import { buildSite, type SiteArticle } from './site.ts';

type Doc = ReturnType<typeof parseDocument>;
type El = ReturnType<typeof DomUtils.findAll>[number];

let demo: DemoServer;
const pages = new Map<string, { item: SiteArticle; html: string; doc: Doc }>();

beforeAll(async () => {
  const startedAt = new Date();
  demo = await startDemoServer({ now: () => startedAt });
  for (const site of buildSite(DEMO_OUTLETS, demo.baseUrl, startedAt)) {
    for (const item of site.articles) {
      const html = await (await fetch(item.url)).text();
      pages.set(`${site.outlet.key}/${item.article.slug}`, { item, html, doc: parseDocument(html) });
    }
  }
});

afterAll(async () => {
  await demo.close();
});

function all(node: Doc | El, test: (el: El) => boolean): El[] {
  return DomUtils.findAll(test, node.children);
}
function hasClass(el: El, name: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(name);
}
function meta(doc: Doc, key: string): string | undefined {
  return all(doc, (el) => el.name === 'meta' && (el.attribs.property === key || el.attribs.name === key))[0]?.attribs.content;
}
function textOf(els: El[]): string {
  return els.map((el) => DomUtils.textContent(el)).join(' ');
}
/** The article body container: the element holding the most direct `<p>` children. */
function bodyOf(doc: Doc): El | undefined {
  const score = (el: El) => el.children.filter((c) => 'name' in c && c.name === 'p').length;
  return all(doc, (el) => el.name === 'div').sort((a, b) => score(b) - score(a))[0];
}
function page(key: string): { item: SiteArticle; html: string; doc: Doc } {
  const found = pages.get(key);
  if (!found) throw new Error(`no page ${key}`);
  return found;
}

describe('demo article pages: chrome an extractor must strip', () => {
  test('every page has navigation, breadcrumbs, share bar, footer and a cookie notice', () => {
    for (const [key, { doc }] of pages) {
      expect(all(doc, (el) => el.name === 'nav' && el.attribs['aria-label'] === 'Primary'), key).toHaveLength(1);
      expect(all(doc, (el) => el.name === 'nav' && el.attribs['aria-label'] === 'Breadcrumb'), key).toHaveLength(1);
      expect(textOf(all(doc, (el) => el.attribs.class?.includes('share') ?? false)), key).toMatch(/Share|Spread/);
      expect(all(doc, (el) => el.name === 'footer' && el.attribs.role === 'contentinfo'), key).toHaveLength(1);
      expect(textOf(all(doc, (el) => el.attribs['aria-label'] === 'Cookie consent')), key).toMatch(/cookies/i);
    }
  });

  test('the newsletter call-to-action and an Advertisement label sit inside the article body', () => {
    for (const [key, { doc }] of pages) {
      const body = bodyOf(doc);
      expect(body, key).toBeDefined();
      if (!body) continue;
      const inside = (pred: (el: El) => boolean) => DomUtils.findAll(pred, body.children);
      expect(inside((el) => el.name === 'input' && el.attribs.type === 'email'), key).toHaveLength(1);
      expect(textOf(inside((el) => hasClass(el, 'ad-label'))), key).toMatch(/advertisement/i);
    }
  });

  test('every page has an author bio box and a related/read-more block linking to real pages', async () => {
    for (const [key, { doc, item }] of pages) {
      const bio = all(doc, (el) => el.name === 'section' && textOf([el]).includes(item.article.author.bio));
      expect(bio, key).toHaveLength(1);
      const related = all(doc, (el) => el.name === 'section' && /Related|Read more|More from|You might/.test(textOf(el.children.filter((c): c is El => 'name' in c && c.name === 'h3'))));
      expect(related, key).toHaveLength(1);
      const links = all(related[0] ?? doc, (el) => el.name === 'a').map((a) => a.attribs.href ?? '');
      expect(links.length).toBeGreaterThanOrEqual(3);
      const res = await fetch(`${demo.baseUrl}${links[0]}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });

  test('every page carries canonical, Open Graph, article times, JSON-LD NewsArticle and a language', () => {
    for (const [key, { doc, item }] of pages) {
      const html = all(doc, (el) => el.name === 'html')[0];
      expect(html?.attribs.lang, key).toBe(item.lang);
      const canonical = all(doc, (el) => el.name === 'link' && el.attribs.rel === 'canonical')[0];
      expect(canonical?.attribs.href).toBe(item.url);
      expect(meta(doc, 'og:title')).toBe(item.article.title);
      expect(meta(doc, 'og:site_name')).toBe(item.outlet.name);
      expect(meta(doc, 'og:image')).toBe(item.imageUrl);
      expect(meta(doc, 'article:published_time')).toBe(item.publishedAt.toISOString());
      const ldScript = all(doc, (el) => el.name === 'script' && el.attribs.type === 'application/ld+json')[0];
      const parsed = JSON.parse(DomUtils.textContent(ldScript ?? doc)) as Record<string, unknown>;
      const graph = (parsed['@graph'] ?? [parsed]) as Array<Record<string, unknown>>;
      const ld = graph.find((node) => node['@type'] === 'NewsArticle') ?? {};
      expect(parsed['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('NewsArticle');
      expect(ld.headline).toBe(item.article.title);
      expect(ld.datePublished).toBe(item.publishedAt.toISOString());
      expect(typeof ld.dateModified).toBe('string');
      expect(ld.author).toEqual([expect.objectContaining({ '@type': 'Person', name: item.article.author.name })]);
    }
  });

  test('template-specific chrome: ticker tape, inline read-more, comments, sponsored box, standards line, audio player', () => {
    for (const [key, { doc, item }] of pages) {
      const skin = PAGE_SKINS[item.outlet.theme.markup];
      const body = bodyOf(doc);
      if (!body) throw new Error(`no body in ${key}`);
      const tape = all(doc, (el) => el.attribs['aria-label'] === 'Market prices');
      expect(tape.length, key).toBe(item.outlet.theme.tickerTape ? 1 : 0);
      const readAlso = DomUtils.findAll((el) => hasClass(el, 'read-also'), body.children);
      expect(readAlso.length, key).toBe(skin.readAlsoLabel ? 1 : 0);
      if (skin.readAlsoLabel) expect(textOf(readAlso)).toContain(skin.readAlsoLabel);
      expect(all(doc, (el) => el.attribs.id === 'comments').length, key).toBe(skin.hasComments ? 1 : 0);
      expect(textOf(all(doc, (el) => hasClass(el, 'sponsored-content'))), key).toEqual(skin.sponsoredLabel ? expect.stringContaining(skin.sponsoredLabel) : '');
      expect(all(doc, (el) => hasClass(el, 'standards-note')).length, key).toBe(skin.standardsNote ? 1 : 0);
      expect(textOf(all(doc, (el) => hasClass(el, 'audio-player'))).includes('Listen to this article'), key).toBe(skin.hasListenBar);
    }
  });

  test('templates differ between outlets (no single class name finds every body)', () => {
    const bodyClasses = new Set([...pages.values()].map(({ doc }) => bodyOf(doc)?.attribs.class));
    expect(bodyClasses.size).toBe(DEMO_OUTLETS.length);
  });

  test('a newly published page is not older than its feed entry and the title is escaped once', () => {
    const { html } = page('harbor-ledger/sp500-third-weekly-gain-megacaps');
    expect(html).toContain('<h1 class="entry-title">S&amp;P 500 notches');
    expect(html).not.toContain('&amp;amp;');
  });
});

describe('demo showcase: what later capabilities are tested on', () => {
  test('one story is reported independently by three outlets with different headlines', () => {
    const story = [...pages.values()].filter(({ item }) => item.article.labels.storyKey === 'nvidia-q3-results');
    expect(new Set(story.map(({ item }) => item.outlet.key)).size).toBe(3);
    expect(new Set(story.map(({ item }) => item.article.title)).size).toBe(3);
    expect(new Set(story.map(({ item }) => item.article.body[0])).size).toBe(3);
  });

  test('a syndicated copy names its source and credits where it appeared first', () => {
    const copy = [...pages.values()].find(({ item }) => item.origin !== null);
    expect(copy).toBeDefined();
    if (!copy?.item.origin) return;
    const origin = copy.item.origin;
    expect(origin.outlet.key).not.toBe(copy.item.outlet.key);
    expect(copy.html).toContain(`<strong>Source:</strong> <a href="${origin.url}"`);
    expect(DomUtils.textContent(copy.doc)).toContain(`The post ${origin.article.title} appeared first on ${origin.outlet.name}.`);
    expect(copy.item.article.title).not.toBe(origin.article.title);
    expect(copy.item.publishedAt.getTime()).toBeGreaterThan(origin.publishedAt.getTime());
  });

  test('traps for the instrument linker are in the text', () => {
    const text = (key: string) => DomUtils.textContent(bodyOf(page(key).doc) ?? page(key).doc);
    expect(text('harbor-ledger/two-tech-listings-test-the-public-market')).toMatch(/\bpublic\b/);
    expect(text('harbor-ledger/apple-prices-climb-as-orchard-losses-reach-shelves')).toMatch(/^\s*Apple prices/);
    expect(text('blockline-daily/stablecoin-bill-nears-final-vote')).toMatch(/\bNear the end\b/);
    expect(text('blockline-daily/stablecoin-bill-nears-final-vote')).toMatch(/\bOne sticking point\b/);
    expect(text('blockline-daily/es-solana-supera-los-200-dolares')).toMatch(/\bde sol a sol\b/);
  });

  test('the Spanish article is marked as Spanish', () => {
    const { doc } = page('blockline-daily/es-solana-supera-los-200-dolares');
    expect(all(doc, (el) => el.name === 'html')[0]?.attribs.lang).toBe('es');
  });

  test('articles state figures the way market news does', () => {
    expect(DomUtils.textContent(page('harbor-ledger/sp500-third-weekly-gain-megacaps').doc)).toContain(
      'Apple shares rose 4.2% to $231.50 over the week',
    );
  });

  test('one article repeats its teaser as the first paragraph of the body', () => {
    const { doc, item } = page('northwind-markets-wire/treasury-yields-edge-lower-ahead-of-fed-minutes');
    const firstParagraph = bodyOf(doc)?.children.find((c): c is El => 'name' in c && c.name === 'p');
    expect(DomUtils.textContent(firstParagraph ?? doc)).toBe(item.article.summary);
    expect(meta(doc, 'description')).toBe(item.article.summary);
  });
});
