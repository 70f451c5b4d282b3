/**
 * @module web/instruments/openapi — the OpenAPI 3.1 paths of the instrument API, spread into the document served
 * at /api/openapi.json (web/api/openapi.ts).
 */
import { CHART_RANGES, DEFAULT_CHART_RANGE } from './types.ts';

const ok = (schema: object) => ({ description: 'OK', content: { 'application/json': { schema } } });
const notFound = { description: 'No such instrument', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const badRequest = { description: 'Invalid parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Instrument id: `us:NVDA`, `hk:0700`, `cn:688981`, `idx:SPX`, `crypto:BTC`. The colon may be sent as is or as `%3A`.',
  schema: { type: 'string' },
};
const quote = {
  type: ['object', 'null'],
  description: 'Latest quote; null when no provider can price it right now (never a guessed price).',
  properties: {
    price: { type: 'number' },
    changePct: { type: ['number', 'null'], description: 'Change in percent over `changeWindow`.' },
    changeWindow: { enum: ['24h', 'session'] },
    currency: { type: 'string' },
    asOf: { type: 'string', format: 'date-time' },
    provider: { type: 'string', description: '`demo` for the illustrative prices of the offline demo.' },
    stale: { type: 'boolean', description: 'True when the provider is unreachable and an older price is served.' },
    ageSec: { type: ['integer', 'null'] },
  },
};
const instrument = {
  type: 'object',
  required: ['id', 'symbol', 'name', 'assetClass', 'exchange', 'currency'],
  properties: {
    id: { type: 'string' },
    symbol: { type: 'string' },
    name: { type: 'string' },
    assetClass: { enum: ['stock', 'etf', 'index', 'crypto'] },
    exchange: { type: 'string' },
    currency: { type: 'string' },
    tickers: { type: 'object', additionalProperties: { type: 'string' } },
    aliases: { type: 'array', items: { type: 'string' } },
    related: { type: 'array', items: { type: 'string' } },
    quote,
    url: { type: 'string', description: 'Path of the instrument page.' },
  },
};
const candle = {
  type: 'object',
  properties: {
    time: { type: 'integer', description: 'Bar open time, epoch ms' },
    open: { type: 'number' },
    high: { type: 'number' },
    low: { type: 'number' },
    close: { type: 'number' },
    volume: { type: 'number' },
  },
};
const get = (summary: string, parameters: object[], schema: object, withNotFound = true) => ({
  get: { summary, parameters, responses: { '200': ok(schema), '400': badRequest, ...(withNotFound ? { '404': notFound } : {}) } },
});

/** The instrument API's paths for the OpenAPI document. */
export function instrumentOpenApiPaths() {
  return {
    '/api/instruments': get(
      'Find instruments by id, symbol, name or alias',
      [
        { name: 'q', in: 'query', required: true, schema: { type: 'string' }, description: 'e.g. `nvidia`, `NVDA`, `$BTC`, `0700`' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
      ],
      { type: 'object', properties: { query: { type: 'string' }, items: { type: 'array', items: instrument } } },
      false,
    ),
    '/api/instruments/{id}': get('One instrument with its latest quote', [idParam], instrument),
    '/api/instruments/{id}/candles': get(
      'Price candles of a range, oldest first (empty when no provider has them)',
      [{ name: 'range', in: 'query', schema: { enum: [...CHART_RANGES], default: DEFAULT_CHART_RANGE } }, idParam],
      {
        type: 'object',
        properties: {
          instrumentId: { type: 'string' },
          range: { enum: [...CHART_RANGES] },
          currency: { type: 'string' },
          provider: { type: ['string', 'null'] },
          stale: { type: 'boolean' },
          ageSec: { type: ['integer', 'null'] },
          candles: { type: 'array', items: candle },
        },
      },
    ),
    '/api/instruments/{id}/articles': get(
      'Articles linked to the instrument, newest first (copies left out)',
      [
        idParam,
        { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'Opaque cursor from the previous page (`nextCursor`).' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
      ],
      {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          instrumentId: { type: 'string' },
          items: { type: 'array', items: { $ref: '#/components/schemas/ArticleSummary' } },
          nextCursor: { type: ['string', 'null'] },
        },
      },
    ),
  };
}
