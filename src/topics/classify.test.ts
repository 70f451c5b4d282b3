import { describe, expect, test } from 'vitest';
import { classifyTopics, scoreTopics, TOPIC_THRESHOLD, termRegex } from './classify.ts';
import { TOPIC_SPECS, TOPICS } from './topics.ts';

/** Our own invented sentences, one story per case. */
const stock = { assetClass: 'stock', role: 'subject' } as const;
const crypto = { assetClass: 'crypto', role: 'subject' } as const;
const etf = { assetClass: 'etf', role: 'subject' } as const;

describe('classifyTopics', () => {
  test.each([
    {
      name: 'central bank decision',
      title: 'Fed holds rates steady as inflation cools',
      text: 'The Federal Reserve left its benchmark interest rate unchanged. Policymakers said consumer prices rose less than expected in the spring.',
      instruments: [],
      want: ['macro'],
    },
    {
      name: 'jobs and yields',
      title: 'Payrolls beat forecasts; treasury yields climb',
      text: 'Employers added more workers than economists expected and unemployment dipped. Bond yields rose across the curve.',
      instruments: [],
      want: ['macro'],
    },
    {
      name: 'company earnings with a linked subject',
      title: 'Kestrel Robotics lifts guidance after record quarter',
      text: 'Kestrel Robotics reported earnings of 92 cents per share and raised its revenue outlook. Shares rose 7% in late trading.',
      instruments: [stock],
      want: ['stocks'],
    },
    {
      name: 'oil and OPEC',
      title: 'Crude slips as OPEC+ weighs a larger output increase',
      text: 'Brent fell below 70 a barrel. Delegates said the group could add supply next month, and traders watched natural gas stocks in Europe.',
      instruments: [],
      want: ['commodities'],
    },
    {
      name: 'bitcoin fund flows: crypto and ETFs',
      title: 'Spot bitcoin ETFs take in $900 million in a week',
      text: 'Investors added money to exchange-traded funds holding bitcoin for a fifth week, with inflows led by the largest issuer.',
      instruments: [crypto, etf],
      want: ['etfs', 'crypto'],
    },
    {
      name: 'a regulator sues an exchange',
      title: 'SEC sues a crypto exchange over unregistered lending product',
      text: 'The Securities and Exchange Commission filed a lawsuit on Tuesday. The regulator said the exchange offered a lending product without registration.',
      instruments: [],
      want: ['regulation', 'crypto'],
    },
    {
      // "US yields" once is a passing mention: not macro.
      name: 'currency moves',
      title: 'Yen weakens past 160 per dollar as carry trades return',
      text: 'The Japanese currency slid against the greenback. Forex desks said the exchange rate gap with US yields keeps the carry trade alive.',
      instruments: [],
      want: ['fx'],
    },
  ])('$name → $want', ({ title, text, instruments, want }) => {
    expect(classifyTopics({ title, text, instruments })).toEqual(want);
  });

  test('a secondary topic needs a share of the strongest: a rates story naming a currency twice is not fx', () => {
    const input = {
      title: 'Fed holds interest rates as inflation cools; treasury yields fall',
      text: 'The Federal Reserve kept its benchmark interest rate unchanged as inflation eased and unemployment held steady. Treasury yields fell after the decision. The central bank said the currency markets were calm, and the currency of its statement was patience.',
    };
    const scores = scoreTopics(input);
    expect(scores[0]?.topic).toBe('macro');
    expect(scores.find((s) => s.topic === 'fx')?.score).toBeGreaterThanOrEqual(TOPIC_THRESHOLD);
    expect(classifyTopics(input)).toEqual(['macro']);
    // An amount in yuan is not news about the yuan.
    expect(scoreTopics({ title: 'Revenue of 98 billion yuan', text: 'Sales reached 98 billion yuan.' }).find((s) => s.topic === 'fx')).toBeUndefined();
  });

  test('one passing mention of the dollar in an earnings story is not fx', () => {
    const input = {
      title: 'Marlow Foods beats estimates on strong snack demand',
      text: 'Marlow Foods reported higher revenue and earnings per share. Finance chief Ada Brook said the dollar trimmed overseas sales a little. Shares rose 3%.',
      instruments: [stock],
    };
    expect(classifyTopics(input)).toEqual(['stocks']);
    const fx = scoreTopics(input).find((s) => s.topic === 'fx');
    expect(fx?.score).toBeGreaterThan(0);
    expect(fx?.score).toBeLessThan(TOPIC_THRESHOLD);
  });

  test('traps: a gold medal, a token of thanks, a public library, a food court', () => {
    expect(
      classifyTopics({
        title: 'Local rower wins gold medal, then a silver medal a day later',
        text: 'Her gold medal came in the single sculls. She called her coach the gold standard and handed the crew a small token of thanks. The silver lining: a new record.',
      }),
    ).toEqual([]);
    expect(
      classifyTopics({
        title: 'A token of thanks for the volunteers',
        text: 'Each helper got a token of appreciation from the mayor, a token gesture after a long season.',
      }),
    ).toEqual([]);
    expect(
      classifyTopics({
        title: 'City opens a new public library beside the food court',
        text: 'The public library has longer hours. By the same token, the food court stays open late, and the opening went public on the council website.',
      }),
    ).toEqual([]);
  });

  test('a topic needs more than one weak hit; a strong title hit is enough', () => {
    expect(classifyTopics({ title: 'What the harvest festival taught us', text: 'A long weekend of music.' })).toEqual([]);
    expect(classifyTopics({ title: 'Copper hits a two-year high', text: 'Traders cited low warehouse inventories.' })).toEqual(['commodities']);
  });

  test('asset classes of linked instruments count: a subject more than a mention', () => {
    const text = 'Investors weighed the update.';
    const subject = scoreTopics({ title: 'An update', text, instruments: [crypto] }).find((s) => s.topic === 'crypto')?.score;
    const mention = scoreTopics({ title: 'An update', text, instruments: [{ assetClass: 'crypto', role: 'mention' }] }).find((s) => s.topic === 'crypto')?.score;
    expect(subject).toBeGreaterThan(mention ?? 0);
    // The subject alone does not make the topic; with one more hit it does.
    expect(classifyTopics({ title: 'An update', text, instruments: [crypto] })).toEqual([]);
    expect(classifyTopics({ title: 'An update on staking', text, instruments: [crypto] })).toEqual(['crypto']);
  });

  test('at most three topics, strongest first', () => {
    const topics = classifyTopics({
      title: 'Regulator fines bitcoin miner as oil and gold rally; Fed signals rate cut; yen jumps',
      text: 'The watchdog said the company broke licence rules. Crude and bullion rose while inflation slowed, and the currency gained. Bitcoin miners and crypto lenders were hit by the ruling from the regulator.',
      instruments: [crypto],
    });
    expect(topics).toHaveLength(3);
    const scores = scoreTopics({ title: 'Regulator fines bitcoin miner as oil and gold rally; Fed signals rate cut; yen jumps', text: '', instruments: [crypto] });
    expect(scores.map((s) => s.score)).toEqual([...scores.map((s) => s.score)].sort((a, b) => b - a));
  });
});

describe('termRegex', () => {
  test('matches on word boundaries, hyphens for spaces, stems and case', () => {
    expect('rate-cut bets'.match(termRegex('rate cut*'))).toEqual(['rate-cut']);
    expect('stablecoins and stablecoin'.match(termRegex('stablecoin*'))).toEqual(['stablecoins', 'stablecoin']);
    expect('goldfish golden gold'.match(termRegex('gold'))).toEqual(['gold']);
    expect('the sec said, then the SEC said'.match(termRegex('SEC'))).toEqual(['SEC']);
    expect('People\'s Bank of China'.match(termRegex("people's bank of china"))).toHaveLength(1);
  });

  test('every term of every topic compiles and matches itself', () => {
    for (const topic of TOPICS) {
      const spec = TOPIC_SPECS[topic];
      for (const term of [...spec.strong, ...spec.weak, ...spec.exclude]) {
        expect(term.replace(/\*$/, '').match(termRegex(term)), `${topic}: ${term}`).not.toBeNull();
      }
    }
  });
});
