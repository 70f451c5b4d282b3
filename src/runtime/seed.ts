/** First-start seeding of the configured real news sources (once per database). */
import type { Config } from '../config/index.ts';
import type { Store } from '../store/store.ts';

const SEEDED_SETTING = 'defaults.seeded';

/** Add the configured default sources the first time; later starts leave the user's choices alone. */
export async function seedDefaultSources(config: Config, store: Store, now: Date): Promise<number> {
  if (!config.seedDefaultSources || (await store.getSetting(SEEDED_SETTING)) === '1') return 0;
  let added = 0;
  for (const spec of config.defaultSources) {
    if (await store.getSourceByUrl(spec.url)) continue;
    await store.insertSource(
      { url: spec.url, ...(spec.title ? { title: spec.title } : {}), ...(spec.policy ? { policy: spec.policy } : {}) },
      now,
    );
    added++;
  }
  await store.setSetting(SEEDED_SETTING, '1');
  return added;
}
