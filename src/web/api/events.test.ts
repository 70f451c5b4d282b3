import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp, timeoutMs = 3000): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(text)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got ${JSON.stringify(text)}`);
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe('GET /api/events (Server-Sent Events)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({}, 30);
  });
  afterAll(() => h.close());

  test('opens with a comment, relays published events, sends heartbeats, unsubscribes on disconnect', async () => {
    const abort = new AbortController();
    const res = await h.app.request('/api/events', { signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('etag')).toBeNull();
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    expect(await readUntil(reader, /: connected/)).toContain('retry:');
    expect(h.subscribers()).toBe(1);
    h.deps.events.publish({ type: 'articles', sourceId: 2, count: 3, stories: 1, at: '2026-11-25T12:00:00.000Z' });
    const event = await readUntil(reader, /id: \d+\n\n/);
    expect(event).toContain('event: articles');
    expect(JSON.parse(/data: (.*)/.exec(event)?.[1] ?? '{}')).toMatchObject({ sourceId: 2, count: 3 });
    expect(await readUntil(reader, /: heartbeat/)).toContain(': heartbeat');
    abort.abort();
    await reader.cancel().catch(() => {});
    for (let i = 0; i < 50 && h.subscribers() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(h.subscribers()).toBe(0);
  });
});
