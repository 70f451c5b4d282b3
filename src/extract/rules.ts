/**
 * @module extract/rules — the clean-up rules as data. Text patterns are grouped by language ('*' applies
 * to every page); class/id patterns mark boilerplate containers; site rules add selectors for one host.
 * Users extend them through `ExtractOptions.rules` (merged over these defaults by `mergeRules`).
 */

/** A block whose whole text matches `pattern` (a case-insensitive regex source) is removed. */
export interface TextRule {
  rule: string;
  reason: string;
  pattern: string;
  /** Only blocks up to this many characters are considered (protects real paragraphs). */
  maxChars: number;
  /** Match case-sensitively (default: case-insensitive). */
  caseSensitive?: boolean;
  /** Only blocks where at least this share of the text is link text (label + list of links). */
  minLinkShare?: number;
}

/** Containers whose class or id matches `pattern` (case-insensitive regex source) are removed. */
export interface ClassRule {
  rule: string;
  reason: string;
  pattern: string;
}

/** Elements matching a simple selector (`tag`, `.class`, `#id`, `tag.class`, comma lists) on one host. */
export interface SiteRule {
  selector: string;
  reason: string;
}

/** The full rule set. */
export interface CleanupRules {
  /** Language code ('en', 'de', …, or '*') → text rules. */
  text: Record<string, TextRule[]>;
  classes: ClassRule[];
  /** Host name (without "www.") → site rules. */
  sites: Record<string, SiteRule[]>;
}

/** Partial rules given by configuration; added to the defaults. */
export interface RuleOverrides {
  text?: Record<string, TextRule[]>;
  classes?: ClassRule[];
  sites?: Record<string, SiteRule[]>;
}

/** Short blocks (labels, CTAs) are at most this long; syndication footers a little longer. */
const SHORT = 200;
const FOOTER = 400;

/** Separator after a label that is followed by more text ("Read more: …", "Related — …"). */
const LABEL_TAIL = '(?:\\s*(?:[:|–—-]|\\.\\.\\.|…)\\s*.{0,160}|\\s*[:.…]*)$';

/** Labels of related / read-more blocks, per language (matched as a whole short block). */
const RELATED_LABELS: Record<string, string> = {
  en: "related(?: articles| stories| posts| coverage| content| news| links| reading)?|read more|read also|also read|read next|see also|see more|more from\\b.{0,40}|recommended(?: for you| stories| reading)?|you (?:may|might) also (?:like|be interested in)|more stories|more news|further reading|trending(?: now| stories)?|most popular|most read|popular now|don'?t miss|must read|editor'?s picks|top stories|more on this(?: story| topic)?|latest news|up next|watch next",
  de: 'lesen sie auch|auch interessant|mehr zum thema|das könnte sie auch interessieren|weitere artikel|meistgelesen',
  fr: '(?:à )?lire aussi|sur le même sujet|à voir aussi|les plus lus',
  es: 'lee también|lea también|te puede interesar|más noticias|noticias relacionadas|lo más leído',
  pt: 'leia também|veja também|relacionad[oa]s|mais lidas|notícias relacionadas|posts relacionados',
  it: 'leggi anche|potrebbe interessarti|articoli correlati|più letti',
  ru: 'читайте также|самые популярные(?: \\S+)?|похожие (?:статьи|записи|новости)|смотрите также|по теме',
  id: 'baca juga|berita terkait|artikel terkait|terpopuler',
  ja: '関連記事|あわせて読みたい|おすすめ記事|人気記事',
  ko: '관련\\s?기사|많이 본 기사|추천 기사',
};

function relatedRule(lang: string): TextRule {
  return { rule: 'related', reason: 'related / read-more block', pattern: `^(?:${RELATED_LABELS[lang] ?? ''})${LABEL_TAIL}`, maxChars: SHORT };
}

/** The rules tickerwire ships with. */
export const DEFAULT_RULES: CleanupRules = {
  text: {
    '*': [
      { rule: 'syndication', reason: 'syndication footer ("The post … appeared first on …")', pattern: '^the post\\b.*\\bappeared first on\\b', maxChars: FOOTER },
      { rule: 'syndication', reason: 'syndication footer ("… appeared first/originally on …")', pattern: '^(?:this (?:article|post|story) )?(?:was )?(?:originally )?(?:appeared|published|posted) (?:first |originally )?(?:on|at|in)\\b.{0,120}$', maxChars: FOOTER },
      { rule: 'syndication', reason: 'source line', pattern: '^(?:source|via|originally published (?:on|at))\\s*:?\\s*(?:https?://\\S+|[\\w.-]+\\.[a-z]{2,}\\S*)\\s*\\.?$', maxChars: SHORT },
      { rule: 'advertisement', reason: 'advertisement label', pattern: '^(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|реклама|広告|광고|iklan)\\s*[:.]?$', maxChars: 40 },
      { rule: 'dateline', reason: 'date / time stamp line', pattern: '^(?=.*\\b(?:19|20)\\d{2}\\b)(?=.*\\b\\d{1,2}[:h]\\d{2}\\b)(?!.*\\p{Ll}{3,}[.!?]$).{0,110}$', maxChars: 110 },
      { rule: 'navigation', reason: 'skip link', pattern: '^skip to (?:main )?(?:content|navigation|main|article)$', maxChars: 40 },
      { rule: 'byline', reason: 'byline with date', pattern: '^(?:by|par|von|por|di|oleh|door|av)\\s+(?!\\d)[^,.;:]{1,60}?\\s*[|/／·•–—-]\\s*.{0,30}\\b(?:19|20)\\d{2}\\b.{0,30}$', maxChars: 140 },
      { rule: 'tags', reason: 'tag list', pattern: '^(?:tags?|tagged(?: with)?|topics?|filed under|categories|category|schlagworte|etiquetas|marcadores)(?:\\s*:\\s*.{0,300}|\\s*)$', maxChars: 320 },
      { rule: 'tags', reason: 'tag / topic links under a label', pattern: '^(?:tags?|tagged(?: with)?|topics?|filed under|categories|category|schlagworte|etiquetas|marcadores)\\b', maxChars: 3000, minLinkShare: 0.6 },
    ],
    en: [
      relatedRule('en'),
      { rule: 'dateline', reason: 'posted / updated line', pattern: '^(?:posted|updated|published|first published|last updated|last modified|modified)(?:\\s+(?:on|at))?\\s*:?\\s*(?:\\p{L}{3,9}\\.?,?\\s+)?(?:\\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)).{0,80}$', maxChars: 160 },
      { rule: 'byline', reason: 'byline', pattern: '^[Bb][Yy]:?\\s+(?:\\p{Lu}[\\p{L}.\'’-]*\\s*){1,4}(?:(?:and|&|,)\\s*(?:\\p{Lu}[\\p{L}.\'’-]*\\s*){1,4}){0,3}(?:\\s*[|,·•–—-]\\s*.{0,100})?$', maxChars: 160, caseSensitive: true },
      { rule: 'newsletter', reason: 'newsletter / subscribe call-to-action', pattern: '(?:sign up|subscribe|register)\\b.{0,80}\\b(?:newsletter|briefing|digest|alerts?|inbox|updates)\\b|\\b(?:newsletter|briefing)\\b.{0,60}\\b(?:sign up|subscribe)\\b|^get (?:the|our) .{0,60}(?:newsletter|in your inbox)', maxChars: SHORT },
      { rule: 'newsletter', reason: 'subscription offer', pattern: '^(?=.*\\b(?:subscri\\w*|delivered|issues for|membership|pro)\\b)(?=.*(?:click here|use (?:the )?code|for as little as|free trial|subscribe (?:now|today)|get (?:full |unlimited )?access))', maxChars: 300 },
      { rule: 'share', reason: 'share / follow bar', pattern: '^(?:share(?: this(?: article| story| post)?)?(?: on)?|follow us(?: on)?|tweet|share on (?:facebook|twitter|x|linkedin)|copy link|email|print)(?:[\\s:|,/·•]+(?:facebook|twitter|x|linkedin|reddit|whatsapp|telegram|email|print|copy link|pinterest|instagram|youtube|tiktok|share|tweet))*\\s*:?$|^follow us on\\b|^follow @\\w+|^follow \\S+(?: \\S+)? on (?:instagram|facebook|twitter|youtube|x|linkedin|tiktok|threads|bluesky)\\b', maxChars: SHORT },
      { rule: 'cta', reason: 'call-to-action', pattern: '^(?:learn more|click here|subscribe(?: now)?|sign up(?: now)?|join now|donate(?: now)?|support us|become a (?:member|subscriber))[.!]?$|^if you (?:enjoyed|liked|value) (?:this|our) (?:article|story|journalism|reporting)\\b', maxChars: 400 },
      { rule: 'standards', reason: 'editorial standards line', pattern: '^(?:our (?:editorial )?standards|editorial standards|(?:the )?(?:\\p{Lu}[\\p{L}.&-]*\\s+){0,3}trust principles)\\b.{0,120}$', maxChars: 160 },
      { rule: 'cookies', reason: 'cookie notice', pattern: '\\b(?:we use cookies|this (?:site|website) uses cookies|by continuing to (?:use|browse)|accept (?:all )?cookies|cookie (?:policy|settings))\\b', maxChars: FOOTER },
      { rule: 'author-bio', reason: 'author bio box', pattern: '^(?:about the author|author bio|about\\s+\\S+(?:\\s+\\S+)?\\s*$)', maxChars: 60 },
      { rule: 'author-bio', reason: 'author bio (name, e-mail, role)', pattern: '^\\S+(?: \\S+){0,3} \\([^()\\s]+@[^()\\s]+\\) is\\b', maxChars: 600 },
      { rule: 'author-bio', reason: 'author contact line', pattern: '^(?:have|got) a (?:news )?tip\\b|\\b(?:can|may) be (?:reached|contacted) at\\b|\\bfollow (?:him|her|them|me) on (?:twitter|x|facebook|instagram|linkedin)\\b', maxChars: 300 },
      { rule: 'dateline', reason: 'date line', pattern: '^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2},? (?:19|20)\\d{2}|\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? (?:19|20)\\d{2})(?:\\s+\\p{Lu}[\\p{L}.\'’-]*){0,4}$', maxChars: 70, caseSensitive: true },
      { rule: 'comments', reason: 'comments call-to-action', pattern: '^(?:\\d+\\s+)?comments?$|^(?:leave|post|add|write) a (?:comment|reply)|^tell us what you think|^join the (?:conversation|discussion)|^(?:show|view|load) (?:\\d+ )?comments|\\bmoderat\\w+ (?:all )?comments\\b|\\bcomments (?:are|will be) (?:moderated|reviewed|closed)\\b', maxChars: 200 },
    ],
    de: [relatedRule('de')],
    fr: [relatedRule('fr')],
    es: [relatedRule('es')],
    pt: [relatedRule('pt')],
    it: [relatedRule('it')],
    ru: [relatedRule('ru')],
    id: [relatedRule('id')],
    ja: [relatedRule('ja')],
    ko: [relatedRule('ko')],
  },
  classes: [
    { rule: 'share', reason: 'share / follow bar', pattern: '(?:^|[-_\\s])(?:share|sharing|sharedaddy|social|socials|follow-us|addthis|sharethis)(?:[-_\\s]|$)' },
    { rule: 'newsletter', reason: 'newsletter / subscribe box', pattern: '(?:^|[-_\\s])(?:newsletter|subscribe|subscription|signup|sign-up|optin|opt-in|mailchimp)(?:[-_\\s]|$)' },
    { rule: 'related', reason: 'related / recommended block', pattern: '(?:^|[-_\\s])(?:related|recommended|recommendations|read-?more|more-stories|also-read|jp-relatedposts|yarpp|outbrain|taboola|trending|popular)(?:[-_\\s]|$)' },
    { rule: 'author-bio', reason: 'author bio box', pattern: '(?:^|[-_\\s])(?:author-?bio|author-?box|about-?the-?author|author-?info|author-?card|bio-?box|contributors|contributor-?box|story-?credits)(?:[-_\\s]|$)' },
    { rule: 'advertisement', reason: 'inline ad', pattern: '(?:^|[-_\\s])(?:ad|ads|advert|advertisement|adsbygoogle|ad-?slot|ad-?container|ad-?wrapper|dfp|sponsor|sponsored|promo|banner-?ad)(?:[-_\\s]|$)' },
    { rule: 'cookies', reason: 'cookie notice', pattern: '(?:^|[-_\\s])(?:cookie|cookies|gdpr|consent)(?:[-_\\s]|$)' },
    { rule: 'teaser', reason: 'teaser / standfirst repeating the page description', pattern: '(?:^|[-_\\s])(?:dek|standfirst|abstract|subhead|subheadline|sub-?title|lead-?text|summary|excerpt|teaser|intro-?text|deck)(?:[-_\\s]|$)' },
    { rule: 'comments', reason: 'comments block', pattern: '(?:^|[-_\\s])(?:comments?|disqus|respond)(?:[-_\\s]|$)' },
    { rule: 'audio-player', reason: 'listen-to-this-article player', pattern: '(?:^|[-_\\s])(?:audio-?player|article-?audio|listen-?(?:button|player|to-?article)|tts-?player|text-?to-?speech|speechify)(?:[-_\\s]|$)' },
  ],
  sites: {},
};

/** Defaults plus overrides (overrides are appended; nothing is removed). */
export function mergeRules(overrides: RuleOverrides | undefined): CleanupRules {
  if (overrides === undefined) return DEFAULT_RULES;
  const text: Record<string, TextRule[]> = { ...DEFAULT_RULES.text };
  for (const [lang, list] of Object.entries(overrides.text ?? {})) text[lang] = [...(text[lang] ?? []), ...list];
  const sites: Record<string, SiteRule[]> = { ...DEFAULT_RULES.sites };
  for (const [host, list] of Object.entries(overrides.sites ?? {})) sites[host] = [...(sites[host] ?? []), ...list];
  return { text, classes: [...DEFAULT_RULES.classes, ...(overrides.classes ?? [])], sites };
}
