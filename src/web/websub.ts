/** WebSub callback routes: hubs verify intent with GET and deliver pushes with POST (issue 4). */
import type { Hono } from 'hono';
import { AppError } from '../errors.ts';
import type { WebDeps } from './context.ts';
import { idParam, parseParam } from './params.ts';

/** Largest push body accepted (a feed document). */
const MAX_PUSH_BYTES = 5 * 1024 * 1024;

export function registerWebSubRoutes(app: Hono, deps: WebDeps): void {
  app.get('/websub/:id', async (c) => {
    if (!deps.websub) throw new AppError('not_found', 'WebSub is not enabled (set TICKERWIRE_PUBLIC_URL)');
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const reply = await deps.websub.verify(id, new URL(c.req.url).searchParams);
    return c.text(reply.body, reply.status as 200 | 404);
  });

  app.post('/websub/:id', async (c) => {
    if (!deps.websub) throw new AppError('not_found', 'WebSub is not enabled (set TICKERWIRE_PUBLIC_URL)');
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > MAX_PUSH_BYTES) return c.text('push too large', 413);
    const body = Buffer.from(await c.req.arrayBuffer());
    if (body.length > MAX_PUSH_BYTES) return c.text('push too large', 413);
    const reply = await deps.websub.push(id, body, c.req.header('x-hub-signature') ?? null, c.req.header('content-type') ?? null);
    return c.text(reply.body, reply.status as 202 | 410);
  });
}
