/**
 * @module pipeline/websub — push delivery (WebSub). When a polled feed advertises a hub and tickerwire
 * has a public URL, it subscribes (with an HMAC secret), answers the hub's intent verification, accepts
 * signed pushes — new items are stored at once, without waiting for the next poll — and renews leases
 * before they expire. Polling continues as a safety net.
 */
import { answerVerification, leaseRenewAt, newWebSubSecret, type WebSubClient, verifyWebSubSignature } from '../fetch/websub.ts';
import type { Logger } from '../log.ts';
import type { ParsedFeed, RunSummary, Source, WebSubSubscription } from '../model.ts';
import type { Store } from '../store/store.ts';

/** Lease we ask hubs for (they may grant another). */
const REQUESTED_LEASE_SEC = 7 * 86_400;
/** A subscription left pending this long (no verification came) is requested again. */
const PENDING_RETRY_MS = 3_600_000;

export interface WebSubDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  client: WebSubClient;
  /** Public base URL of this tickerwire (hubs call `${publicUrl}/websub/<sourceId>`); null disables WebSub. */
  publicUrl: string | null;
  /** Store a pushed feed document for a source (the pipeline's ingestPushedFeed). */
  ingest: (source: Source, body: Buffer, contentType: string | null) => Promise<RunSummary>;
}

/** What the web layer answers to the hub. */
export interface WebSubReply {
  status: number;
  body: string;
}

export class WebSubManager {
  readonly #deps: WebSubDeps;

  constructor(deps: WebSubDeps) {
    this.#deps = deps;
  }

  /** Callback URL of a source's subscription. */
  callbackUrl(sourceId: number): string | null {
    return this.#deps.publicUrl ? `${this.#deps.publicUrl.replace(/\/$/, '')}/websub/${sourceId}` : null;
  }

  /** After a poll: subscribe when the feed advertises a hub and no live subscription exists. */
  async onPolled(source: Source, feed: ParsedFeed): Promise<void> {
    if (!feed.hubUrl || !this.callbackUrl(source.id)) return;
    const now = this.#deps.now();
    const sub = await this.#deps.store.getWebSub(source.id);
    const sameHub = sub?.hubUrl === feed.hubUrl;
    if (sameHub && sub?.state === 'active' && (sub.renewAt === null || sub.renewAt > now)) return;
    if (sameHub && sub?.state === 'pending' && now.getTime() - sub.updatedAt.getTime() < PENDING_RETRY_MS) return;
    if (sameHub && sub?.state === 'denied') return;
    await this.subscribe(source, feed.hubUrl);
  }

  /** Ask the hub for a (new or renewed) subscription. Failures are recorded, never thrown. */
  async subscribe(source: Source, hubUrl: string): Promise<void> {
    const callback = this.callbackUrl(source.id);
    if (!callback) return;
    const now = this.#deps.now();
    const previous = await this.#deps.store.getWebSub(source.id);
    const sub: WebSubSubscription = {
      sourceId: source.id,
      hubUrl,
      topicUrl: source.url,
      secret: newWebSubSecret(),
      state: 'pending',
      leaseSeconds: previous?.leaseSeconds ?? null,
      renewAt: previous?.renewAt ?? null,
      verifiedAt: previous?.verifiedAt ?? null,
      lastPushAt: previous?.lastPushAt ?? null,
      lastError: null,
      updatedAt: now,
    };
    // Saved before the request: the hub may verify before its answer reaches us.
    await this.#deps.store.saveWebSub(sub);
    try {
      await this.#deps.client.send({ hub: hubUrl, topic: source.url, callback, mode: 'subscribe', secret: sub.secret, leaseSeconds: REQUESTED_LEASE_SEC });
      this.#deps.log.info('websub.subscribe_sent', { sourceId: source.id, hub: hubUrl });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.#deps.store.saveWebSub({ ...sub, state: 'failed', lastError: message, updatedAt: this.#deps.now() });
      this.#deps.log.warn('websub.subscribe_failed', { sourceId: source.id, hub: hubUrl, message });
    }
  }

  /** Answer the hub's GET to the callback: intent verification or denial. */
  async verify(sourceId: number, query: URLSearchParams): Promise<WebSubReply> {
    const sub = await this.#deps.store.getWebSub(sourceId);
    const pending = sub && sub.state !== 'denied' ? { topic: sub.topicUrl, mode: 'subscribe' as const } : null;
    const answer = answerVerification(query, pending);
    const now = this.#deps.now();
    if (sub && 'denied' in answer) {
      await this.#deps.store.saveWebSub({ ...sub, state: 'denied', lastError: answer.reason ?? 'denied by the hub', updatedAt: now });
      this.#deps.log.warn('websub.denied', { sourceId, reason: answer.reason });
    } else if (sub && answer.status === 200 && 'mode' in answer) {
      await this.#deps.store.saveWebSub({
        ...sub,
        state: 'active',
        leaseSeconds: answer.leaseSeconds,
        verifiedAt: now,
        renewAt: leaseRenewAt(answer.leaseSeconds, now),
        lastError: null,
        updatedAt: now,
      });
      this.#deps.log.info('websub.verified', { sourceId, leaseSeconds: answer.leaseSeconds });
    }
    return { status: answer.status, body: answer.body };
  }

  /**
   * A hub's POST to the callback. A push with a missing or wrong signature is acknowledged but ignored
   * (WebSub §8); an unknown subscription answers 410 so the hub stops.
   */
  async push(sourceId: number, body: Buffer, signature: string | null, contentType: string | null): Promise<WebSubReply & { summary?: RunSummary }> {
    const sub = await this.#deps.store.getWebSub(sourceId);
    const source = await this.#deps.store.getSource(sourceId);
    if (!sub || !source || sub.state !== 'active') return { status: 410, body: 'no active subscription' };
    if (!verifyWebSubSignature(sub.secret, body, signature)) {
      this.#deps.log.warn('websub.bad_signature', { sourceId });
      return { status: 202, body: '' };
    }
    const summary = await this.#deps.ingest(source, body, contentType);
    await this.#deps.store.saveWebSub({ ...sub, lastPushAt: this.#deps.now(), updatedAt: this.#deps.now() });
    return { status: 202, body: '', summary };
  }

  /** Renew every active subscription whose lease is running out. */
  async renewDue(): Promise<number> {
    const due = await this.#deps.store.listWebSubsToRenew(this.#deps.now());
    for (const sub of due) {
      const source = await this.#deps.store.getSource(sub.sourceId);
      if (source) await this.subscribe(source, sub.hubUrl);
    }
    return due.length;
  }
}
