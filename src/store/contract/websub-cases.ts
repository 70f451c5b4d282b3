/** Contract cases for WebSub subscriptions, registered inside contract.test.ts's describe.each. */
import { beforeEach, describe, expect, test } from 'vitest';
import type { WebSubSubscription } from '../../model.ts';
import type { Store } from '../store.ts';

const T0 = Date.UTC(2026, 6, 1);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function sub(sourceId: number, over: Partial<WebSubSubscription> = {}): WebSubSubscription {
  return {
    sourceId,
    hubUrl: 'https://hub.example/',
    topicUrl: `https://feeds.example/${sourceId}.xml`,
    secret: 'not-a-real-secret',
    state: 'active',
    leaseSeconds: 86_400,
    renewAt: at(60),
    verifiedAt: at(1),
    lastPushAt: null,
    lastError: null,
    updatedAt: at(1),
    ...over,
  };
}

/** Register the WebSub cases; `getStore` returns the current test's fresh store. */
export function webSubCases(getStore: () => Store): void {
  describe('websub subscriptions', () => {
    let store: Store;
    let ids: number[];
    beforeEach(async () => {
      store = getStore();
      ids = [];
      for (let i = 0; i < 4; i++) ids.push((await store.insertSource({ url: `https://feeds.example/${i}.xml` }, at(0))).id);
    });

    test('save inserts, then replaces every field; get reads it back', async () => {
      const [s0, s1] = ids;
      if (s0 === undefined || s1 === undefined) throw new Error('fixture sources missing');
      expect(await store.getWebSub(s0)).toBeUndefined();
      await store.saveWebSub(sub(s0, { state: 'pending', leaseSeconds: null, renewAt: null, verifiedAt: null }));
      expect(await store.getWebSub(s0)).toEqual(sub(s0, { state: 'pending', leaseSeconds: null, renewAt: null, verifiedAt: null }));
      const replaced = sub(s0, { hubUrl: 'https://hub2.example/', lastPushAt: at(5), lastError: 'bad signature', updatedAt: at(5) });
      await store.saveWebSub(replaced);
      expect(await store.getWebSub(s0)).toEqual(replaced);
      expect(await store.getWebSub(s1)).toBeUndefined();
    });

    test('renewals: active subscriptions due by now, soonest first; deleted sources take theirs along', async () => {
      const [s0, s1, s2, s3] = ids;
      if (s0 === undefined || s1 === undefined || s2 === undefined || s3 === undefined) throw new Error('fixture sources missing');
      await store.saveWebSub(sub(s0, { renewAt: at(30) }));
      await store.saveWebSub(sub(s1, { renewAt: at(10) }));
      await store.saveWebSub(sub(s2, { renewAt: at(5), state: 'denied' }));
      await store.saveWebSub(sub(s3, { renewAt: at(90) }));
      expect((await store.listWebSubsToRenew(at(60))).map((s) => s.sourceId)).toEqual([s1, s0]);
      expect(await store.listWebSubsToRenew(at(1))).toEqual([]);
      await store.deleteSource(s1);
      expect(await store.getWebSub(s1)).toBeUndefined();
      expect((await store.listWebSubsToRenew(at(60))).map((s) => s.sourceId)).toEqual([s0]);
    });
  });
}
