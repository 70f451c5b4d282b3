/**
 * @module demo/render-extras — the chrome only some templates have: a price ticker tape, an inline
 * "read more" link between paragraphs, reader comments, a sponsored box, a newswire standards line
 * and a "listen to this article" player. Each one is a classic extractor trap.
 */
import { escapeHtml } from './html.ts';
import type { PageSkin } from './page-skins.ts';
import type { SiteArticle, SiteOutlet } from './site.ts';

/** Reader comments, written for the demo; two are picked per article. */
const COMMENTS: ReadonlyArray<{ name: string; text: string }> = [
  { name: 'quietcompounder', text: 'Good summary. I would have liked a chart of the last five quarters next to the numbers.' },
  { name: 'R. Okafor', text: 'Everyone is so focused on the headline figure that nobody reads the guidance footnotes any more.' },
  { name: 'tidewatcher', text: 'Saw the same thing happen two years ago. The first move after the news is rarely the one that lasts.' },
  { name: 'Marguerite L.', text: 'Thanks for explaining the background instead of just listing prices. Bookmarked.' },
  { name: 'longonly_larry', text: 'The comment from the strategist is the most sensible thing I have read on this all week.' },
  { name: 'B. Szabo', text: 'Would love a follow-up on what this means for smaller suppliers.' },
];

/** The price strip some mastheads carry (these are not the article's instruments). */
export function renderTickerTape(site: SiteOutlet): string {
  const tape = site.outlet.theme.tickerTape;
  if (!tape?.length) return '';
  const cells = tape.map((quote) => `<li>${escapeHtml(quote)}</li>`).join('');
  return `<div class="ticker-tape" aria-label="Market prices"><ul>${cells}</ul><p class="ticker-note">Prices delayed by at least 15 minutes.</p></div>`;
}

/** An inline "Read more: <other story>" paragraph placed inside the body, or '' when the skin has none. */
export function renderReadAlso(site: SiteOutlet, item: SiteArticle, skin: PageSkin): string {
  const other = site.articles.find((a) => a !== item && a.article.section === item.article.section) ?? site.articles.find((a) => a !== item);
  if (!skin.readAlsoLabel || !other) return '';
  return `<p class="read-also"><strong>${escapeHtml(skin.readAlsoLabel)}</strong> <a href="${escapeHtml(other.path)}">${escapeHtml(other.article.title)}</a></p>`;
}

/** Reader comments and the reply form, or '' when the skin has none. */
export function renderComments(item: SiteArticle, skin: PageSkin): string {
  if (!skin.hasComments) return '';
  const picked = [0, 1].map((offset) => COMMENTS[(item.article.id + offset * 3) % COMMENTS.length]);
  const list = picked
    .filter((c): c is { name: string; text: string } => c !== undefined)
    .map((c) => `<li class="comment"><p class="comment-author">${escapeHtml(c.name)} says:</p><div class="comment-content"><p>${escapeHtml(c.text)}</p></div><a class="comment-reply-link" href="#respond">Reply</a></li>`)
    .join('');
  return [
    '<section id="comments" class="comments-area">',
    `<h2 class="comments-title">${picked.length} thoughts on “${escapeHtml(item.article.title)}”</h2>`,
    `<ol class="comment-list">${list}</ol>`,
    '<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p>',
    '<form class="comment-form" method="post"><label>Comment * <textarea name="comment" required></textarea></label><label>Name * <input name="author" required></label><button type="submit">Post Comment</button></form></div>',
    '</section>',
  ].join('\n');
}

/** A sponsored-content teaser, or '' when the skin has none. */
export function renderSponsored(site: SiteOutlet, skin: PageSkin): string {
  if (!skin.sponsoredLabel) return '';
  return (
    `<section class="sponsored-content"><span class="badge">${escapeHtml(skin.sponsoredLabel)}</span>` +
    `<h3><a href="${escapeHtml(site.homePath)}partners/">How mid-sized manufacturers are rethinking their cloud bills</a></h3>` +
    '<p>Presented by a partner. The editorial staff of this site was not involved in its creation.</p></section>'
  );
}

/** The newswire's standards line, or '' when the skin has none. */
export function renderStandards(skin: PageSkin): string {
  return skin.standardsNote ? `<p class="standards-note"><a href="#standards">${escapeHtml(skin.standardsNote)}</a></p>` : '';
}

/** A "Listen to this article" player, or '' when the skin has none. */
export function renderListenBar(minutes: number, skin: PageSkin): string {
  if (!skin.hasListenBar) return '';
  return `<div class="audio-player" role="region" aria-label="Audio"><button type="button">▶ Listen to this article</button> <span class="audio-duration">${minutes} min</span> <span class="audio-credit">Voiced by a synthetic narrator</span></div>`;
}
