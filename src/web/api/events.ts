/**
 * GET /api/events: Server-Sent Events of new articles from the event bus. A comment line opens the
 * stream and repeats as a heartbeat (keeps proxies from closing an idle connection); the subscription
 * ends when the client disconnects.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { TickerEvent } from '../../events.ts';
import type { WebDeps } from '../context.ts';

/** Default interval between heartbeat comments. */
export const HEARTBEAT_MS = 20_000;
/** Reconnection delay suggested to browsers, in ms. */
const RETRY_MS = 5_000;

export function eventsHandler(deps: WebDeps, heartbeatMs = HEARTBEAT_MS) {
  return (c: Context) => {
    c.header('Cache-Control', 'no-cache, no-transform');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let seq = 0;
      const queue: TickerEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.events.subscribe((event) => {
        queue.push(event);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        wake?.();
      });
      await stream.write(`retry: ${RETRY_MS}\n: connected\n\n`);
      while (open) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ event: event.type, data: JSON.stringify(event), id: String(++seq) });
          continue;
        }
        const timedOut = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), heartbeatMs);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = undefined;
        if (timedOut && open) await stream.write(': heartbeat\n\n');
      }
      unsubscribe();
    });
  };
}
