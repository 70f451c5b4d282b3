/** Route tests: file the harness's articles under their topics, as enrichment would. */
import type { Store } from '../../store/store.ts';
import { classifyTopics } from '../../topics/index.ts';

/** Classify every stored article (title and text only) and save its topics; returns them by article id. */
export async function saveHarnessTopics(store: Store): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const a of (await store.listArticles({ limit: 200 })).items) {
    const topics = classifyTopics({ title: a.title, text: a.text });
    await store.saveArticleTopics(a.id, topics);
    out.set(a.id, topics);
  }
  return out;
}
