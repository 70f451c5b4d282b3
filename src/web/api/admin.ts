/**
 * Admin API: takedowns, sources, refresh and story splits. Every route needs
 * `Authorization: Bearer <TICKERWIRE_ADMIN_TOKEN>`; without a configured token the admin API is off.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { takeDownArticle, takeDownSource } from '../../govern/takedown.ts';
import type { WebDeps } from '../context.ts';
import { idParam, parseParam } from '../params.ts';
import { presentSource } from '../present.ts';

const TakedownBody = z
  .object({
    articleId: z.number().int().positive().optional(),
    sourceId: z.number().int().positive().optional(),
    reason: z.string().min(3).max(2000),
    requestedBy: z.string().max(200).default('admin'),
  })
  .refine((b) => (b.articleId === undefined) !== (b.sourceId === undefined), 'give exactly one of articleId or sourceId');

const SourceBody = z.object({
  url: z.string().url().refine((u) => /^https?:/i.test(u), 'only http and https URLs'),
  title: z.string().max(200).optional(),
  policy: z.enum(['full', 'excerpt', 'link']).default('full'),
});

/** Constant-time token check. */
function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function requireAdmin(deps: WebDeps): MiddlewareHandler {
  return async (c, next) => {
    const token = deps.config.adminToken;
    if (!token) throw new AppError('unauthorized', 'the admin API is disabled: set TICKERWIRE_ADMIN_TOKEN to enable it');
    const header = c.req.header('authorization') ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? '';
    if (!tokenMatches(given, token)) {
      deps.log.warn('web.admin_denied', { path: c.req.path });
      throw new AppError('unauthorized', 'missing or wrong admin token');
    }
    await next();
  };
}

async function jsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new AppError('bad_request', 'the body must be JSON');
  }
  return parseParam(schema, raw, 'body');
}

/** Register the admin routes under /api/admin. */
export function registerAdminRoutes(app: Hono, deps: WebDeps): void {
  app.use('/api/admin/*', requireAdmin(deps));

  app.post('/api/admin/takedowns', async (c) => {
    const body = await jsonBody(c, TakedownBody);
    const req = { reason: body.reason, requestedBy: body.requestedBy };
    const t =
      body.articleId !== undefined
        ? await takeDownArticle(deps.store, body.articleId, req, deps.now())
        : await takeDownSource(deps.store, body.sourceId ?? 0, req, deps.now());
    deps.log.info('govern.takedown', { takedownId: t.id, removed: t.articlesRemoved, by: t.requestedBy });
    return c.json({ ...t, createdAt: t.createdAt.toISOString() }, 201);
  });

  app.post('/api/admin/sources', async (c) => {
    const body = await jsonBody(c, SourceBody);
    const s = await deps.store.insertSource(
      { url: new URL(body.url).href, policy: body.policy, ...(body.title ? { title: body.title } : {}) },
      deps.now(),
    );
    return c.json(presentSource(s), 201);
  });

  app.delete('/api/admin/sources/:id', async (c) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    if (!(await deps.store.deleteSource(id))) throw new AppError('not_found', `source ${id} not found`);
    return c.body(null, 204);
  });

  app.post('/api/admin/sources/:id/refresh', async (c) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    if (!deps.refreshSource) throw new AppError('conflict', 'this process does not poll sources (no scheduler role)');
    const summary = await deps.refreshSource(id);
    if (summary === undefined) throw new AppError('not_found', `source ${id} not found`);
    return c.json(summary);
  });

  app.post('/api/admin/articles/:id/split', async (c) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    if (!deps.splitArticle) throw new AppError('conflict', 'this process does not run enrichment (no scheduler role)');
    const storyId = await deps.splitArticle(id);
    if (storyId === undefined) throw new AppError('not_found', `article ${id} is not in a story`);
    return c.json({ articleId: id, storyId });
  });
}
