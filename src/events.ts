/**
 * @module events — the in-process bus that carries "new articles stored" to live readers (SSE).
 * One interface, so a multi-process deployment can carry the same events over PostgreSQL
 * LISTEN/NOTIFY without changing publishers or subscribers.
 */

/** Something readers may want to see without reloading. */
export type TickerEvent = {
  type: 'articles';
  /** Source whose poll brought them (0 when several). */
  sourceId: number;
  /** Articles stored and enriched. */
  count: number;
  /** Stories that did not exist before. */
  stories: number;
  at: string;
};

export interface EventBus {
  publish(event: TickerEvent): void;
  /** Returns a function that unsubscribes. */
  subscribe(listener: (event: TickerEvent) => void): () => void;
  close(): Promise<void>;
}

/** A bus for one process. A throwing listener is isolated from the others. */
export function createLocalEventBus(onListenerError: (error: unknown) => void = () => {}): EventBus {
  const listeners = new Set<(event: TickerEvent) => void>();
  return {
    publish(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
