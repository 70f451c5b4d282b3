/** /api/sources handlers. */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { WebDeps } from '../context.ts';
import { idParam, parseParam } from '../params.ts';
import { presentSource } from '../present.ts';

export function listSourcesHandler(deps: WebDeps) {
  return async (c: Context) => c.json({ items: (await deps.store.listSources()).map(presentSource) });
}

export function getSourceHandler(deps: WebDeps) {
  return async (c: Context) => {
    const id = parseParam(idParam, c.req.param('id'), 'id');
    const source = await deps.store.getSource(id);
    if (!source) throw new AppError('not_found', `source ${id} not found`);
    return c.json(presentSource(source));
  };
}
