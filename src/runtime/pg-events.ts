/**
 * Live events across processes on PostgreSQL: publishers NOTIFY, every process LISTENs and hands the
 * events to its local subscribers, so an SSE client on any web node sees every new story.
 */
import type pg from 'pg';
import { createLocalEventBus, type EventBus, type TickerEvent } from '../events.ts';
import type { Logger } from '../log.ts';

const CHANNEL = 'tickerwire_events';

/** An event bus over LISTEN/NOTIFY on `pool`'s database. */
export async function createPgEventBus(pool: pg.Pool, log: Logger): Promise<EventBus> {
  const local = createLocalEventBus((error) => log.error('events.listener_failed', { message: String(error) }));
  const client = await pool.connect();
  client.on('notification', (msg) => {
    if (msg.channel !== CHANNEL || !msg.payload) return;
    try {
      local.publish(JSON.parse(msg.payload) as TickerEvent);
    } catch (error) {
      log.warn('events.bad_notification', { message: String(error) });
    }
  });
  await client.query(`LISTEN ${CHANNEL}`);
  return {
    publish(event) {
      pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]).catch((error: unknown) => log.error('events.notify_failed', { message: String(error) }));
    },
    subscribe: (listener) => local.subscribe(listener),
    async close() {
      await client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      client.release();
      await local.close();
    },
  };
}
