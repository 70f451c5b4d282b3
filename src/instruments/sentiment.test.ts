import { expect, test } from 'vitest';
import { scoreSentiment } from './sentiment.ts';

test('labels clearly positive, negative and flat headlines', () => {
  expect(scoreSentiment('Chipmaker shares surge after record profit and strong growth').label).toBe('positive');
  expect(scoreSentiment('Lender shares plunge after losses widen and fraud probe deepens').label).toBe('negative');
  expect(scoreSentiment('The company will hold its meeting on Tuesday').label).toBe('neutral');
});

test('score stays within -1..1 and follows the label sign', () => {
  const text = 'great gains, strong growth, record profit, upgrade, beat. '.repeat(20);
  const s = scoreSentiment(text);
  expect(s.score).toBeGreaterThan(0.9);
  expect(s.score).toBeLessThanOrEqual(1);
  expect(scoreSentiment('losses and a downgrade').score).toBeLessThan(0);
});
