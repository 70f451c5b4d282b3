/** The public base URL of the site: the configured one, else the origin the request came to. */
import type { Context } from 'hono';
import type { WebDeps } from './context.ts';

export function siteUrl(deps: WebDeps, c: Context): string {
  return (deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}
