/**
 * @module stories/eval/labelled — runs the labelled set through the library the way ingest does
 * (duplicate check → original choice → story clustering) and scores it against the gold labels.
 */
import type { LabelledArticle } from '../fixtures/labelled-set.ts';
import { type StoryClusterOptions, StoryClusterer } from '../clusterer.ts';
import { DuplicateDetector } from '../detector.ts';
import { chooseOriginal } from '../original.ts';
import { bcubed, pairwise, type PRF } from './bcubed.ts';

/** Scores of one run over the labelled set. */
export interface LabelledScores {
  duplicates: PRF;
  /** Duplicate groups whose chosen original is the gold original, of all predicted groups with copies. */
  originals: { correct: number; total: number };
  stories: PRF;
  /** One line per wrong call, for debugging. */
  mistakes: string[];
}

/** Run dedup and clustering over the articles (in publication order) and score them. */
export function evaluateLabelled(articles: LabelledArticle[], options: Partial<StoryClusterOptions> = {}): LabelledScores {
  const detector = new DuplicateDetector<string>();
  const clusterer = new StoryClusterer<string>(options);
  const mistakes: string[] = [];
  for (const a of articles) {
    const verdict = detector.check({ id: a.id, url: a.url, text: a.text });
    const duplicateOf = verdict.kind === 'unique' ? undefined : verdict.of;
    clusterer.add({
      id: a.id,
      title: a.title,
      text: a.text,
      publishedAt: a.publishedAt,
      instruments: a.instruments,
      sourceKey: a.sourceHost,
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
    });
  }
  const predictedGroup = articles.map((a) => detector.rootOf(a.id) ?? a.id);
  const goldGroup = articles.map((a) => a.duplicateOf ?? a.id);
  for (let i = 0; i < articles.length; i++) {
    for (let j = 0; j < i; j++) {
      const same = predictedGroup[i] === predictedGroup[j];
      if (same !== (goldGroup[i] === goldGroup[j])) mistakes.push(`dedup ${articles[j]?.id} ${same ? 'copied by' : 'not matched to'} ${articles[i]?.id}`);
    }
  }
  const originals = scoreOriginals(articles, predictedGroup, mistakes);
  const predictedStory = articles.map((a) => clusterer.storyOf(a.id) ?? a.id);
  const goldStory = articles.map((a) => a.story);
  for (let i = 0; i < articles.length; i++) {
    for (let j = 0; j < i; j++) {
      const same = predictedStory[i] === predictedStory[j];
      if (same !== (goldStory[i] === goldStory[j]) && !articles[i]?.duplicateOf && !articles[j]?.duplicateOf) {
        mistakes.push(`story ${articles[j]?.id} ${same ? 'joined' : 'split from'} ${articles[i]?.id}`);
      }
    }
  }
  return { duplicates: pairwise(goldGroup, predictedGroup), originals, stories: bcubed(goldStory, predictedStory), mistakes };
}

function scoreOriginals(articles: LabelledArticle[], groups: string[], mistakes: string[]): LabelledScores['originals'] {
  const members = new Map<string, LabelledArticle[]>();
  articles.forEach((a, i) => {
    const g = groups[i] ?? a.id;
    members.set(g, [...(members.get(g) ?? []), a]);
  });
  let correct = 0;
  let total = 0;
  for (const group of members.values()) {
    if (group.length < 2) continue;
    total++;
    const choice = chooseOriginal(
      group.map((a) => ({
        id: a.id,
        url: a.url,
        canonicalUrl: a.url,
        originUrl: a.originUrl,
        publishedAt: a.publishedAt,
        wordCount: a.text.split(/\s+/).length,
        sourceHost: a.sourceHost,
      })),
    );
    const gold = group.find((a) => a.duplicateOf === null)?.id;
    if (choice.id === gold) correct++;
    else mistakes.push(`original of ${gold}: chose ${choice.id} (${choice.reason})`);
  }
  return { correct, total };
}
