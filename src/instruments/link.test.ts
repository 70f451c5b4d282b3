import { describe, expect, test } from 'vitest';
import { linkInstruments } from './link.ts';
import { loadInstruments } from './load.ts';

const index = loadInstruments();
const ids = (title: string, text: string, lang?: string) =>
  linkInstruments(index, lang === undefined ? { title, text } : { title, text, lang }).map((l) => l.instrumentId);

describe('linkInstruments', () => {
  test('links distinctive names, cashtags and exchange-qualified tickers', () => {
    const got = ids(
      'Nvidia climbs as chip demand holds',
      'Nvidia rose 4% on Tuesday. Traders also bought $BTC and $BRK.B. ServiceNow (NYSE: NOW) gained, and Tencent (HKEX: 700) slipped while 688981.SS rallied.',
    );
    expect(got).toEqual(expect.arrayContaining(['us:NVDA', 'crypto:BTC', 'us:BRK.B', 'us:NOW', 'hk:0700', 'cn:688981']));
  });

  test('the title subject gets the highest salience and role subject; a passing name is a mention', () => {
    const links = linkInstruments(index, {
      title: 'Alibaba Group posts faster cloud growth',
      text: 'Alibaba said cloud revenue grew 26%. Alibaba shares rose in Hong Kong. Rival Baidu was flat late in the session.',
    });
    expect(links[0]).toMatchObject({ instrumentId: 'us:BABA', role: 'subject', mentions: 3 });
    expect(links.find((l) => l.instrumentId === 'us:BIDU')).toMatchObject({ role: 'mention' });
    expect(links[0]?.sentences[0]).toBe('Alibaba Group posts faster cloud growth');
  });

  test('an ordinary word that is a ticker never links from its word use (the "public" price-box bug)', () => {
    expect(ids('Stocks rally as public markets reopen', 'The public offering drew one buyer near the close. Gas prices rose. Now is the time, said one trader.')).toEqual([]);
  });

  test('Apple the fruit is not Apple the company; Apple with company context is', () => {
    expect(ids('Autumn baking', 'Apple pie is best with tart fruit. Apple slices should be thin.')).toEqual([]);
    expect(ids('Apple prices at the farm stand', 'Apple prices rose at the farmers market this week.')).toEqual([]);
    expect(ids('iPhone sales', 'Apple shares fell 2% after the company cut its forecast.')).toEqual(['us:AAPL']);
  });

  test('SOL in Spanish text is not Solana; SOL with crypto context in English is', () => {
    expect(ids('Día de sol', 'El SOL brilla en Madrid y el sol calienta la plaza.', 'es')).toEqual([]);
    expect(ids('Weekend', 'We sat in the SOL lounge near the pool.')).toEqual([]);
    expect(ids('Solana climbs', 'SOL jumped 8% as the token hit a record.')).toContain('crypto:SOL');
  });

  test('a person who shares a company name is not the company', () => {
    expect(ids('Fed holds rates', 'Powell said the Fed would keep rates steady. Powell spoke in Washington.')).toEqual([]);
  });

  test('Title Case headlines do not turn ordinary words into companies', () => {
    expect(ids('Target Hit As Snap Election Looms Over Gap In Polls', 'Voters went to the polls.')).toEqual([]);
  });

  test('a weak name confirmed by a strong mention elsewhere links everywhere', () => {
    const links = linkInstruments(index, { title: 'Oracle (NYSE: ORCL) wins cloud deal', text: 'Oracle will host the models.' });
    expect(links[0]).toMatchObject({ instrumentId: 'us:ORCL', mentions: 3 });
  });

  test('"listed on the Nasdaq" is the exchange, not the index', () => {
    expect(ids('Listing', 'The shares are listed on the Nasdaq under a new code.')).toEqual([]);
    expect(ids('Markets', 'The Nasdaq closed 1.2% higher, led by chip stocks.')).toEqual(['idx:IXIC']);
  });

  test('curated aliases used by the news resolve', () => {
    expect(ids('Hua Hong and SMIC', 'Hua Hong and SMIC led chip shares.')).toEqual(expect.arrayContaining(['hk:1347', 'hk:0981']));
    expect(ids('Big Blue', 'Big Blue reported higher software revenue.')).toEqual(['us:IBM']);
    expect(ids('Search', 'The Google parent unveiled a new model.')).toEqual(['us:GOOGL']);
  });
});

test('another listing of the subject issuer is a subject too; an instrument only in the lead with repeated mentions is a subject', () => {
  const links = linkInstruments(index, {
    title: 'Alibaba beats estimates',
    text: 'Alibaba said revenue rose 8%. Its Hong Kong shares (HKEX: 9988) gained 2% late in the day, while the wider market was flat.',
  });
  expect(links.find((l) => l.instrumentId === 'hk:9988')).toMatchObject({ role: 'subject' });
  const etf = linkInstruments(index, {
    title: 'China internet funds rebound',
    text: 'The KraneShares CSI China Internet ETF (NYSEARCA: KWEB) rose 4% on Monday. Later in the session other funds followed.',
  });
  expect(etf[0]).toMatchObject({ instrumentId: 'us:KWEB', role: 'subject' });
});

test('"Name (TICK)" links the ticker and vetoes a name that belongs to another instrument; a fiscal period marks a company', () => {
  expect(ids('', 'Orion Group Holdings (ORN) Investor Presentation - Slideshow')).toEqual(['us:ORN']);
  expect(ids('', 'Akamai Q4 2019 Earnings Preview')).toEqual(['us:AKAM']);
  expect(ids('', 'The panel (CEO) and the union (AI) met.')).toEqual([]);
});

test('venue phrases name the issuer’s other listing; first names and nationalities are not companies', () => {
  const links = linkInstruments(index, { title: '', text: "Alibaba's Hong Kong shares rose 3%, and SMIC's Shanghai-listed stock gained 5%." });
  expect(links.map((l) => l.instrumentId)).toEqual(expect.arrayContaining(['us:BABA', 'hk:9988', 'hk:0981', 'cn:688981']));
  expect(ids('', '“The guide was clean,” said Dana Whitcombe, who owns the stock.')).toEqual([]);
  expect(ids('', 'The New York-listed American depositary shares gained 3.9%.')).toEqual([]);
});
