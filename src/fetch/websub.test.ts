import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopback } from '../../test/helpers/loopback.ts';
import { silentLogger } from '../log.ts';
import type { FetcherOptions } from './types.ts';
import {
  answerVerification,
  createWebSubClient,
  hubLinksFromHeader,
  hubRequestBody,
  leaseRenewAt,
  newWebSubSecret,
  signWebSubBody,
  verifyWebSubSignature,
  type WebSubClient,
} from './websub.ts';

const OPTS: FetcherOptions = {
  userAgent: 'tickerwire-test/1.0',
  timeoutMs: 2_000,
  maxBodyBytes: 64 * 1024,
  maxRedirects: 3,
  perHostConcurrency: 2,
  allowHosts: ['127.0.0.1'],
};

let servers: LoopbackServer[] = [];
let clients: WebSubClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

async function readBody(req: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('verifyWebSubSignature', () => {
  const secret = 'a-shared-secret';
  const body = Buffer.from('<feed><entry><title>pushed</title></entry></feed>');

  it.each(['sha1', 'sha256', 'sha384', 'sha512'] as const)('accepts a correct %s signature', (algo) => {
    expect(verifyWebSubSignature(secret, body, signWebSubBody(secret, body, algo))).toBe(true);
  });

  it('accepts an upper-case method and digest', () => {
    expect(verifyWebSubSignature(secret, body, signWebSubBody(secret, body).toUpperCase())).toBe(true);
  });

  it('rejects a tampered body, a wrong secret, and malformed or missing headers', () => {
    const header = signWebSubBody(secret, body);
    expect(verifyWebSubSignature(secret, Buffer.concat([body, Buffer.from(' ')]), header)).toBe(false);
    expect(verifyWebSubSignature('another-secret', body, header)).toBe(false);
    for (const bad of [null, undefined, '', 'sha256', '=abc', 'md5=0123456789abcdef0123456789abcdef', 'sha256=zz', 'sha256=abcd', header.slice(0, -2)]) {
      expect(verifyWebSubSignature(secret, body, bad)).toBe(false);
    }
  });
});

describe('answerVerification', () => {
  const pending = { topic: 'https://site.example/feed', mode: 'subscribe' as const };
  const q = (o: Record<string, string>) => new URLSearchParams(o);

  it('echoes the challenge for the subscription we asked for, with the lease', () => {
    const a = answerVerification(q({ 'hub.mode': 'subscribe', 'hub.topic': pending.topic, 'hub.challenge': 'c-123', 'hub.lease_seconds': '864000' }), pending);
    expect(a).toEqual({ status: 200, body: 'c-123', mode: 'subscribe', leaseSeconds: 864_000 });
  });

  it('answers 404 for an unknown callback, another topic, another mode or no challenge', () => {
    const good = { 'hub.mode': 'subscribe', 'hub.topic': pending.topic, 'hub.challenge': 'c' };
    expect(answerVerification(q(good), null).status).toBe(404);
    expect(answerVerification(q({ ...good, 'hub.topic': 'https://evil.example/feed' }), pending)).toMatchObject({ status: 404, reason: /does not match/ });
    expect(answerVerification(q({ ...good, 'hub.mode': 'unsubscribe' }), pending).status).toBe(404);
    expect(answerVerification(q({ 'hub.mode': 'subscribe', 'hub.topic': pending.topic }), pending)).toMatchObject({ status: 404, reason: /challenge/ });
  });

  it('records a denial with its reason', () => {
    expect(answerVerification(q({ 'hub.mode': 'denied', 'hub.topic': pending.topic, 'hub.reason': 'not allowed' }), pending)).toEqual({
      status: 200,
      body: '',
      denied: true,
      reason: 'not allowed',
    });
  });
});

describe('hub helpers', () => {
  it('builds the form body', () => {
    const form = new URLSearchParams(
      hubRequestBody({ hub: 'https://hub.example/', topic: 'https://s.example/f', callback: 'https://me.example/websub/1', mode: 'subscribe', secret: 's', leaseSeconds: 3600 }),
    );
    expect(Object.fromEntries(form)).toEqual({
      'hub.mode': 'subscribe',
      'hub.topic': 'https://s.example/f',
      'hub.callback': 'https://me.example/websub/1',
      'hub.secret': 's',
      'hub.lease_seconds': '3600',
    });
    expect(() => hubRequestBody({ hub: 'h', topic: 't', callback: 'c', mode: 'subscribe', secret: 'x'.repeat(200) })).toThrow(/200 bytes/);
  });

  it('makes distinct 64-hex secrets', () => {
    const a = newWebSubSecret();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newWebSubSecret()).not.toBe(a);
  });

  it('renews at 80% of the lease, at least 5 minutes before its end, daily when unknown', () => {
    const t0 = new Date('2026-11-25T00:00:00Z');
    expect(leaseRenewAt(10 * 86_400, t0).toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(leaseRenewAt(600, t0).toISOString()).toBe('2026-11-25T00:05:00.000Z');
    expect(leaseRenewAt(null, t0).toISOString()).toBe('2026-11-25T19:12:00.000Z');
  });

  it('reads hub and self links from a Link header', () => {
    const links = hubLinksFromHeader('<https://hub.example/>; rel="hub", </feed.xml>; rel="self", <https://hub2.example/>; rel=hub', 'https://site.example/x');
    expect(links).toEqual({ hubs: ['https://hub.example/', 'https://hub2.example/'], self: 'https://site.example/feed.xml' });
    expect(hubLinksFromHeader(undefined, 'https://site.example/')).toEqual({ hubs: [], self: null });
  });
});

describe('WebSub round trip against loopback hub and callback', () => {
  it('subscribes, verifies intent, and accepts only correctly signed pushes', async () => {
    const topic = 'https://site.example/feed.xml';
    const secret = newWebSubSecret();
    const pending = { topic, mode: 'subscribe' as const };
    const received: Array<{ body: string; valid: boolean }> = [];
    let verified: unknown = null;

    // Our callback: answers verification GETs and checks pushed POSTs.
    const callback = await startLoopback(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET') {
        const answer = answerVerification(url.searchParams, pending);
        verified = answer;
        res.statusCode = answer.status;
        res.end(answer.body);
        return;
      }
      const body = await readBody(req);
      received.push({ body: body.toString(), valid: verifyWebSubSignature(secret, body, req.headers['x-hub-signature'] as string | undefined) });
      res.statusCode = 202;
      res.end();
    });
    servers.push(callback);

    // A minimal hub: on subscribe, verify intent with a challenge, then push twice (once forged).
    let verification: Promise<void> = Promise.resolve();
    const hub = await startLoopback(async (req, res) => {
      const form = new URLSearchParams((await readBody(req)).toString());
      res.statusCode = 202;
      res.end();
      verification = (async () => {
        const cb = form.get('hub.callback') ?? '';
        const challenge = 'challenge-42';
        const v = await fetch(`${cb}?hub.mode=subscribe&hub.topic=${encodeURIComponent(form.get('hub.topic') ?? '')}&hub.challenge=${challenge}&hub.lease_seconds=3600`);
        if ((await v.text()) !== challenge) throw new Error('intent not confirmed');
        const content = '<feed><entry><title>fresh</title></entry></feed>';
        await fetch(cb, { method: 'POST', body: content, headers: { 'x-hub-signature': signWebSubBody(form.get('hub.secret') ?? '', content) } });
        await fetch(cb, { method: 'POST', body: `${content}<!-- forged -->`, headers: { 'x-hub-signature': signWebSubBody(form.get('hub.secret') ?? '', content) } });
      })();
    });
    servers.push(hub);

    const client = createWebSubClient(OPTS, silentLogger);
    clients.push(client);
    const started = Date.now();
    await expect(client.send({ hub: `${hub.url}/`, topic, callback: `${callback.url}/websub/1`, mode: 'subscribe', secret, leaseSeconds: 3600 })).resolves.toEqual({
      status: 202,
    });
    await verification;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(verified).toEqual({ status: 200, body: 'challenge-42', mode: 'subscribe', leaseSeconds: 3600 });
    expect(received).toEqual([
      { body: '<feed><entry><title>fresh</title></entry></feed>', valid: true },
      { body: '<feed><entry><title>fresh</title></entry></feed><!-- forged -->', valid: false },
    ]);
    expect(hub.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('reports a hub refusal as http_status and a private hub as fetch_blocked', async () => {
    const hub = await startLoopback((_req, res) => {
      res.statusCode = 400;
      res.end('bad topic');
    });
    servers.push(hub);
    const client = createWebSubClient(OPTS, silentLogger);
    clients.push(client);
    const req = { topic: 'https://s.example/f', callback: 'https://me.example/cb', mode: 'subscribe' as const };
    await expect(client.send({ ...req, hub: `${hub.url}/` })).rejects.toMatchObject({ code: 'http_status', details: { status: 400 } });
    await expect(client.send({ ...req, hub: 'http://10.0.0.1/hub' })).rejects.toMatchObject({ code: 'fetch_blocked' });
  });
});
