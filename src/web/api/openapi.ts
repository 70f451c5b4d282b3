/**
 * The OpenAPI 3.1 document of the JSON API and the feeds, written as data. A test checks it against
 * the route table, so a route cannot be added without documenting it.
 */
import { TOPIC_SPECS, TOPICS } from '../../topics/index.ts';
import { instrumentOpenApiPaths } from '../instruments/openapi.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const limit = { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } };
const cursor = { name: 'cursor', in: 'query', description: 'Opaque cursor from the previous page (`nextCursor`).', schema: { type: 'string' } };
const source = { name: 'source', in: 'query', description: 'Only articles of this source id.', schema: { type: 'integer', minimum: 1 } };
const instrument = { name: 'instrument', in: 'query', description: 'Only stories linked to this instrument id (e.g. us:NVDA).', schema: { type: 'string' } };
const searchInstrument = {
  name: 'instrument',
  in: 'query',
  description: 'Only articles linked to this instrument: an id (`us:NVDA`), or a symbol, cashtag or name the reference data knows (`NVDA`, `$BTC`, `Nvidia`).',
  schema: { type: 'string' },
};
const topic = {
  name: 'topic',
  in: 'query',
  description: `Only articles filed under this topic: ${TOPICS.map((t) => `\`${t}\` (${TOPIC_SPECS[t].description.toLowerCase()})`).join('; ')}.`,
  schema: { type: 'string', enum: [...TOPICS] },
};
const within = { name: 'within', in: 'query', description: 'Only the last `24h`, `7d` or `30d` (ignored when `since` is given).', schema: { type: 'string', enum: ['24h', '7d', '30d'] } };
const since = { name: 'since', in: 'query', description: 'Published at or after (ISO 8601 date or date-time).', schema: { type: 'string' } };
const until = { name: 'until', in: 'query', description: 'Published before (ISO 8601 date or date-time).', schema: { type: 'string' } };
const q = {
  name: 'q',
  in: 'query',
  required: true,
  description:
    'Search query: words (all must match), "quoted phrases", prefixes (`infla*`, at least 3 letters), exclusions (`-word`), cashtags (`$BTC`).',
  schema: { type: 'string', maxLength: 300 },
};
const etag = { ETag: { description: 'Weak validator of the body; send it back in If-None-Match to get 304.', schema: { type: 'string' } } };
const read = (summary: string, schema: object, parameters: object[] = [], extra: Record<string, object> = {}) => ({
  get: {
    summary,
    parameters,
    responses: { '200': { ...json(schema), headers: etag }, '304': { description: 'Not modified (If-None-Match matched)' }, ...extra },
  },
});
const feedFormats = {
  'application/rss+xml': { schema: { type: 'string' } },
  'application/atom+xml': { schema: { type: 'string' } },
  'application/feed+json': { schema: { type: 'string' } },
};
const feed = (summary: string, parameters: object[] = []) => ({
  get: { summary, parameters, responses: { '200': { description: 'The feed document', content: feedFormats }, '404': error('Unknown source') } },
});
const page = (item: string) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: ref(item) }, nextCursor: { type: ['string', 'null'] } },
});

const FEED_EXTENSIONS = ['xml', 'atom', 'json'] as const;
const feedPaths = (prefix: string, summary: string, parameters: object[] = []) =>
  Object.fromEntries(FEED_EXTENSIONS.map((ext) => [`${prefix}.${ext}`, feed(`${summary} (${ext === 'xml' ? 'RSS 2.0' : ext === 'atom' ? 'Atom 1.0' : 'JSON Feed 1.1'})`, parameters)]));

/** The OpenAPI document served at /api/openapi.json. */
export function openApiDocument(siteName: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: `${siteName} API`,
      version: '1',
      description:
        'Read-only JSON API of tickerwire: sources with their health, articles (newest first, cursor-paginated), full-text search, related articles, live events, and feeds of every listing. Errors are `{ "error": { "code", "message" } }` with the matching HTTP status. Reads carry a weak ETag.',
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness', responses: { '200': json({ type: 'object', properties: { status: { const: 'ok' } } }) } } },
      '/api/sources': read('Every source with its health', { type: 'object', properties: { items: { type: 'array', items: ref('Source') } } }),
      '/api/sources/{id}': read('One source', ref('Source'), [id], { '404': error('No such source') }),
      '/api/articles': read('Articles, newest first', page('ArticleSummary'), [source, topic, since, until, cursor, limit], { '400': error('Invalid parameter') }),
      '/api/articles/{id}': read('One article (body per the source policy)', ref('Article'), [id], { '404': error('No such article') }),
      '/api/articles/{id}/related': read(
        'Related articles ("You may also like")',
        { type: 'object', properties: { items: { type: 'array', items: ref('ArticleSummary') } } },
        [id],
        { '404': error('No such article') },
      ),
      '/api/stories': read('Stories (reports of one event from several sources), most recently updated first', page('Story'), [source, instrument, cursor, limit], {
        '400': error('Invalid parameter'),
      }),
      '/api/stories/{id}': read('One story: its coverage in publication order, the first reporter marked, copies flagged', ref('StoryDetail'), [id], {
        '404': error('No such story'),
      }),
      '/api/search': read('Full-text search, best match first (relevance blended with recency)', page('SearchHit'), [q, source, searchInstrument, within, since, until, cursor, limit], {
        '400': error('Missing or invalid query or filter (unknown instrument, bad date)'),
      }),
      '/api/events': {
        get: {
          summary: 'Live events (Server-Sent Events): `articles` when new articles are stored; comment heartbeats',
          responses: { '200': { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }) } } },
      ...instrumentOpenApiPaths(),
      ...feedPaths('/feed', 'Latest articles', [topic]),
      ...feedPaths('/sources/{id}/feed', 'Latest articles of a source', [id]),
      ...feedPaths('/search/feed', 'Search results', [q, source, searchInstrument, within, since, until]),
      ...feedPaths('/stories/{id}/feed', 'Every article of a story', [id]),
      ...feedPaths('/instruments/{id}/feed', 'Latest articles linked to an instrument', [
        { name: 'id', in: 'path', required: true, description: 'Instrument id, e.g. `crypto:btc`', schema: { type: 'string' } },
      ]),
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
        Source: {
          type: 'object',
          required: ['id', 'url', 'title', 'policy', 'health'],
          properties: {
            id: { type: 'integer' },
            url: { type: 'string', format: 'uri' },
            kind: { enum: ['feed', 'sitemap'] },
            title: { type: 'string' },
            siteUrl: { type: ['string', 'null'] },
            isDemo: { type: 'boolean' },
            isEnabled: { type: 'boolean' },
            policy: { enum: ['full', 'excerpt', 'link'], description: 'What may be republished' },
            createdAt: { type: 'string', format: 'date-time' },
            articleCount: { type: 'integer' },
            health: {
              type: 'object',
              properties: {
                status: { enum: ['ok', 'failing', 'pending', 'disabled'] },
                lastAttemptAt: { type: ['string', 'null'], format: 'date-time' },
                lastSuccessAt: { type: ['string', 'null'], format: 'date-time' },
                lastErrorAt: { type: ['string', 'null'], format: 'date-time' },
                lastErrorCode: { type: ['string', 'null'] },
                lastError: { type: ['string', 'null'] },
                consecutiveFailures: { type: 'integer' },
                lastItemAt: { type: ['string', 'null'], format: 'date-time' },
                pollIntervalSec: { type: 'integer' },
                nextPollAt: { type: ['string', 'null'], format: 'date-time' },
              },
            },
          },
        },
        Story: {
          type: 'object',
          required: ['id', 'headline', 'firstSeenAt', 'lastUpdateAt', 'sourceCount', 'articleCount'],
          properties: {
            id: { type: 'integer' },
            headline: { type: 'string', description: 'Title of its most representative independent article' },
            headlineArticleId: { type: ['integer', 'null'] },
            firstSeenAt: { type: 'string', format: 'date-time' },
            lastUpdateAt: { type: 'string', format: 'date-time' },
            sourceCount: { type: 'integer', description: 'Independent sources (copies do not count)' },
            articleCount: { type: 'integer' },
          },
        },
        StoryDetail: {
          allOf: [
            ref('Story'),
            {
              type: 'object',
              properties: {
                firstReporterArticleId: { type: ['integer', 'null'] },
                articles: {
                  type: 'array',
                  items: { allOf: [ref('ArticleSummary'), { type: 'object', properties: { isFirstReport: { type: 'boolean' }, isCopy: { type: 'boolean' } } }] },
                },
              },
            },
          ],
        },
        ArticleSummary: {
          type: 'object',
          required: ['id', 'title', 'url', 'source', 'publishedAt'],
          properties: {
            storyId: { type: ['integer', 'null'], description: 'The story it belongs to' },
            duplicateOf: { type: ['integer', 'null'], description: 'The original it copies (syndicated copy), or null' },
            topics: { type: 'array', items: { type: 'string', enum: [...TOPICS] }, description: 'Topics, strongest first (in /api/articles and /api/articles/{id})' },
            sentiment: { type: ['number', 'null'], description: '-1..1, finance lexicon' },
            id: { type: 'integer' },
            title: { type: 'string' },
            url: { type: 'string', format: 'uri', description: 'The original' },
            canonicalUrl: { type: 'string' },
            source: { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' }, siteUrl: { type: ['string', 'null'] } } },
            author: { type: ['string', 'null'] },
            publishedAt: { type: 'string', format: 'date-time' },
            fetchedAt: { type: 'string', format: 'date-time' },
            excerpt: { type: 'string' },
            imageUrl: { type: ['string', 'null'] },
            lang: { type: ['string', 'null'] },
            wordCount: { type: 'integer' },
            readingMinutes: { type: 'integer' },
          },
        },
        Article: {
          allOf: [
            ref('ArticleSummary'),
            {
              type: 'object',
              properties: {
                html: { type: ['string', 'null'], description: 'Sanitized body; null unless the source policy is full' },
                text: { type: ['string', 'null'] },
                originUrl: { type: ['string', 'null'] },
                contentHash: { type: 'string' },
                figures: { type: 'array', description: 'Figures the text states (who moved how much, over what period)', items: { type: 'object' } },
                copies: {
                  type: 'array',
                  description: 'Also published by: copies of this article on other sites',
                  items: { type: 'object', properties: { id: { type: 'integer' }, url: { type: 'string' }, title: { type: 'string' }, publishedAt: { type: 'string', format: 'date-time' }, source: { type: 'object' } } },
                },
                instruments: {
                  type: 'array',
                  description: 'Linked instruments, subjects first then by salience (0..1)',
                  items: { type: 'object', properties: { id: { type: 'string' }, symbol: { type: 'string' }, name: { type: 'string' }, assetClass: { type: 'string' }, salience: { type: 'number' }, role: { enum: ['subject', 'mention'] } } },
                },
              },
            },
          ],
        },
        SearchHit: {
          allOf: [
            ref('ArticleSummary'),
            {
              type: 'object',
              properties: {
                score: { type: 'number' },
                snippet: {
                  type: 'object',
                  properties: {
                    text: { type: 'string' },
                    highlights: { type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 } },
                  },
                },
                snippetHtml: { type: 'string', description: 'The snippet escaped, matches in <mark>' },
              },
            },
          ],
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
