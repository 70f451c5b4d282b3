/**
 * @module demo/content/northwind-markets-wire — Northwind Markets Wire, a fictional newswire
 * (JSON Feed 1.1, full content). It also republishes a Blockline Daily story, as aggregators do.
 * All text is original demo writing; events and figures are invented.
 */
import type { DemoArticle, DemoOutlet } from '../types.ts';
import { ADA_CHEN, NW_DESK, RAFAEL_IBANEZ } from './authors.ts';
import { BLOCKLINE_DAILY } from './blockline-daily.ts';
import { syndicate } from './syndicate.ts';

const BITCOIN_ETF_ORIGINAL: DemoArticle | undefined = BLOCKLINE_DAILY.articles[0];

/** The repost of Blockline Daily's fund-flow story: retitled, tail trimmed, a few words changed. */
const BITCOIN_ETF_COPY: DemoArticle[] = BITCOIN_ETF_ORIGINAL
  ? [
      syndicate(BITCOIN_ETF_ORIGINAL, {
        fromOutletKey: BLOCKLINE_DAILY.key,
        slug: 'bitcoin-funds-pull-in-1-84-billion-in-a-week',
        id: 230457,
        title: 'Bitcoin funds pull in $1.84 billion in a week as BTC nears $100,000',
        author: NW_DESK,
        minutesAgo: 860,
        section: 'Digital assets',
        replacements: [
          ['over the past five trading sessions', 'over the last five sessions'],
          ['according to issuer data compiled by Blockline Daily', 'according to issuer data'],
          ['Traders said', 'Market participants said'],
          ['recovered from a sharp sell-off', 'rebounded from a steep sell-off'],
        ],
        dropLast: 2,
      }),
    ]
  : [];

const TREASURIES_LEAD =
  'Treasury yields edged lower and US stock futures were little changed as investors waited for the minutes of the Federal Reserve’s last policy meeting, looking for clues about how many officials favour another rate cut before the year ends.';

export const NORTHWIND_MARKETS_WIRE: DemoOutlet = {
  key: 'northwind-markets-wire',
  name: 'Northwind Markets Wire',
  tagline: 'Fast, factual market news',
  path: '/northwind',
  guidHost: 'northwindwire.example',
  format: 'json',
  fullContent: true,
  lang: 'en',
  theme: {
    accent: '#b3261e',
    markup: 'wire',
    nav: ['Top News', 'Equities', 'Rates & FX', 'Asia-Pacific', 'Digital assets', 'Commodities'],
    tickerTape: ['HSI 26,204.60 +1.2%', 'HS TECH 6,118.35 +2.4%', 'Nikkei 49,870.12 +0.3%', 'USD/JPY 152.41', 'EUR/USD 1.0912', 'BTC $98,240 +1.2%'],
    newsletterPitch: 'Northwind Briefing: the overnight moves and the day ahead, at 6 a.m. your time.',
    footerNote: 'Northwind Markets Wire is a fictional newswire created for the tickerwire demo.',
  },
  articles: [
    {
      slug: 'nvidia-q3-revenue-beats-guidance-above-consensus',
      id: 230411,
      section: 'Equities',
      title: 'NVIDIA Q3 revenue $61.4 bln vs $59.8 bln est; Q4 guide $67 bln above consensus',
      summary:
        'Nvidia beat quarterly revenue estimates on data-center demand and forecast fourth-quarter sales above expectations; shares up about 5% after hours.',
      author: NW_DESK,
      minutesAgo: 1194,
      updatedAfterMinutes: 25,
      tags: ['NVDA', 'Earnings', 'Chips'],
      image: { motif: 'chip', alt: 'A square processor with pins', caption: 'Nvidia reported after the close. Illustration: Northwind' },
      labels: { storyKey: 'nvidia-q3-results', instruments: ['NASDAQ:NVDA'] },
      body: [
        'Nvidia Corp (NASDAQ: NVDA) reported third-quarter revenue above Wall Street estimates and forecast fourth-quarter sales ahead of expectations, as demand for its data-center processors from cloud companies and AI developers stayed strong.',
        'Shares of the world’s most valuable chipmaker rose about 5% in extended trading.',
        { heading: 'KEY FIGURES' },
        {
          list: [
            'Q3 revenue: $61.4 bln (est. $59.8 bln), up 56% y/y',
            'Data-center revenue: $54.9 bln, up 61% y/y',
            'Gaming revenue: $4.1 bln, flat y/y',
            'Adjusted gross margin: 73.8%',
            'Q4 revenue forecast: $67 bln, +/- 2% (est. $64.5 bln)',
            'Adjusted EPS: $1.31 (est. $1.24)',
          ],
        },
        'The company said demand for its newest rack-scale systems continued to exceed supply, although availability improved during the quarter. It expects adjusted gross margin of about 73.5% in the fourth quarter.',
        'Sales to China remained limited by US export rules, the company said, and its forecast assumes no meaningful revenue from data-center products in the country.',
        'Nvidia returned $12.7 billion to shareholders in the quarter through buybacks and dividends and said it had $48 billion remaining under its repurchase authorisation.',
        'Before the report, the stock had fallen about 8% from its record close as investors questioned whether heavy spending by the largest technology companies on AI infrastructure could be sustained into next year. Nvidia shares are still up about 44% this year, compared with a 17% rise in the S&P 500.',
        'Analysts polled before the results expected data-center revenue of $53.1 billion. Several brokerages raised their price targets after the release, with the median target rising to $230 from $221.',
        'Investors will look on the call for detail on next year’s product schedule, on the supply of high-bandwidth memory and on how much of the order backlog comes from the four or five largest cloud customers. Concentration among those buyers has been a recurring concern for shareholders, and several of them are developing their own accelerators.',
        'Chipmakers and suppliers that sell into AI data centres also rose after the report. Memory makers and networking-equipment companies gained between 1% and 3% in extended trading, and Nasdaq 100 futures were up 0.9%.',
        'The company will hold a conference call with analysts at 5 p.m. Eastern time.',
      ],
    },
    ...BITCOIN_ETF_COPY,
    {
      slug: 'smic-utilisation-hits-93-pct-shares-jump',
      id: 230462,
      section: 'Asia-Pacific',
      title: 'SMIC shares jump as factory utilisation hits 93%, outlook tops estimates',
      summary:
        'China’s largest contract chipmaker said its plants ran at 93% of capacity and guided revenue up 7% to 9% next quarter. Hong Kong shares rose 6.1%.',
      author: ADA_CHEN,
      minutesAgo: 300,
      tags: ['SMIC', 'Semiconductors', 'Hong Kong', 'STAR Market'],
      image: { motif: 'chip', alt: 'A silicon wafer drawn as a grid of squares', caption: 'Foundry demand in China stayed firm. Illustration: Northwind' },
      labels: { instruments: ['HKEX:0981', 'SSE:688981', 'HKEX:1347'], traps: ['NEAR'] },
      body: [
        'Semiconductor Manufacturing International Corp (SMIC) shares rose 6.1% to HK$78.40 in Hong Kong after the company reported that its factories ran at 93.2% of capacity in the third quarter and forecast revenue growth above analysts’ expectations for the current quarter.',
        'Its Shanghai-listed shares on the STAR Market (688981.SS) gained 4.7% to 131.85 yuan, while the Hang Seng Index rose 0.8%.',
        'SMIC (0981.HK) said revenue for the three months to September rose 9.4% from the previous quarter to $2.47 billion, slightly above its own guidance. Gross margin was 22.6%, compared with guidance of 18% to 20%, helped by higher utilisation and a richer product mix.',
        'For the fourth quarter the company expects revenue to rise 7% to 9% from the third quarter, with gross margin of 20% to 22%. Analysts had on average expected growth of about 4%.',
        { heading: 'Local demand' },
        'The company said customers in China continued to bring production home, particularly for chips used in smartphones, power management and industrial equipment, as they seek to reduce reliance on overseas suppliers.',
        'Capital spending for the year is expected to be about $7.5 billion, roughly in line with last year, as SMIC adds capacity at its newer plants in Beijing, Shanghai and Shenzhen.',
        'Smaller rival Hua Hong Semiconductor (1347.HK) rose 3.9% in sympathy, extending its gain for the month to 22%. Chip-equipment makers listed in Shenzhen and Shanghai also advanced.',
        { heading: 'NEAR-TERM RISKS' },
        'Analysts warned that pricing for mature-node chips remained under pressure as several Chinese foundries bring new capacity online at once. “Utilisation is excellent today, but the industry is adding a lot of supply next year,” said Ravi Menon, a semiconductor analyst at Larkspur Research. “The margin guide suggests SMIC has some pricing power for now.”',
        'SMIC shares in Hong Kong have risen about 85% this year, making the stock one of the best performers among large Hong Kong listings.',
        'The company said it would hold its annual capacity briefing in the first quarter and did not change its long-term target for gross margin.',
      ],
    },
    {
      slug: 'treasury-yields-edge-lower-ahead-of-fed-minutes',
      id: 230468,
      section: 'Rates & FX',
      title: 'Treasury yields edge lower ahead of Fed minutes; stock futures flat',
      summary: TREASURIES_LEAD,
      author: RAFAEL_IBANEZ,
      minutesAgo: 95,
      tags: ['Treasuries', 'Federal Reserve', 'Futures'],
      image: { motif: 'line-down', alt: 'A gently falling line chart', caption: 'Ten-year yields over the past week. Illustration: Northwind' },
      labels: { instruments: ['RATES:US10Y', 'INDEX:SPX'], traps: ['ONE'] },
      body: [
        TREASURIES_LEAD,
        'The yield on the benchmark 10-year note fell 3 basis points to 4.05%, its lowest level in five weeks. The two-year yield, which is more sensitive to expectations for policy rates, slipped 2 basis points to 3.52%.',
        'Futures on the S&P 500 were flat, while Nasdaq 100 futures rose 0.2%. The dollar index, which measures the US currency against six others, was 0.1% lower.',
        'Fed funds futures priced a roughly 66% chance that the central bank would lower rates by a quarter point at its December meeting, up from about 50% a week ago, after softer-than-expected readings on retail sales and producer prices.',
        { heading: 'ONE TO WATCH: THE MINUTES' },
        'The minutes will show how broad support was for the last cut and how officials viewed the labour market, which has cooled gradually without a sharp rise in unemployment. Investors will also look for discussion of the Fed’s balance sheet and the level of bank reserves, after short-term funding rates rose above the central bank’s target range at the end of last month.',
        '“The market has moved a long way toward pricing a December cut, so the bar for a dovish surprise is higher than it was,” said Clara Dufresne, a rates strategist at Hollis Bay Securities. “One hawkish paragraph on inflation could be enough to push two-year yields back up.”',
        'Later in the session the Treasury will sell $44 billion of seven-year notes. The previous two auctions of that maturity drew solid demand.',
        'In commodities, gold rose 0.4% to $4,118 an ounce and Brent crude fell 0.6% to $70.95 a barrel.',
        'Elsewhere, the yen strengthened slightly against the dollar and the euro was steady, with currency traders also waiting for the minutes before taking new positions.',
      ],
    },
    {
      slug: 'hang-seng-tech-gains-tencent-leads',
      id: 230449,
      section: 'Asia-Pacific',
      title: 'Hang Seng Tech gains 2.4% as Tencent leads rebound in internet stocks',
      summary:
        'Tencent rose 3.6% to HK$612 after reporting stronger games revenue. Mainland buyers were net purchasers of Hong Kong shares for a seventh session.',
      author: ADA_CHEN,
      minutesAgo: 1450,
      tags: ['Hong Kong', 'Tencent', 'Hang Seng'],
      image: { motif: 'candles', alt: 'Candles turning from red to green', caption: 'Hong Kong tech shares rebounded. Illustration: Northwind' },
      labels: { instruments: ['HKEX:0700', 'INDEX:HSTECH', 'INDEX:HSI'] },
      body: [
        'Hong Kong-listed technology stocks rallied, with the Hang Seng Tech Index rising 2.4% to 6,118.35 as Tencent Holdings climbed after reporting faster growth in its games business and higher advertising revenue.',
        'Tencent (0700.HK) gained 3.6% to HK$612, its biggest one-day rise in six weeks. The company said domestic games revenue rose 17% from a year earlier, helped by two new titles, and that marketing services revenue increased 21% as it put more advertising into its short-video feeds.',
        'The broader Hang Seng Index rose 1.2% to 26,204.60. Mainland investors bought a net HK$14.2 billion of Hong Kong shares through the Stock Connect links, the seventh straight session of net purchases, according to exchange data.',
        { heading: 'Sector moves' },
        'Other internet stocks followed Tencent higher. Alibaba Group rose 2.1% and Meituan added 3.3%, recovering part of its losses from earlier in the month, when it reported a quarterly loss as it spent heavily on subsidies for instant delivery.',
        'Xiaomi fell 1.4%, extending a slide that began when the company said deliveries of its electric cars would be lower than expected in December because of a supplier problem.',
        'Property developers were mixed after data showed new-home prices in major mainland cities fell for the 29th month in a row, although the pace of decline slowed.',
        { heading: 'Outlook' },
        'Strategists said flows from the mainland had become a major support for the Hong Kong market this year, as domestic funds look for higher dividend yields and cheaper technology stocks than those available in Shanghai and Shenzhen.',
        '“Southbound money is now the marginal buyer for most of the large technology names,” said Winston Lau, head of Asia equity strategy at Pemberton Harbour. “That makes the market more sensitive to mainland sentiment and less to what US investors think.”',
        'The Hang Seng Index has gained about 30% this year, on track for its best annual performance since 2017.',
        'Turnover on the Hong Kong exchange rose to HK$268 billion, above the daily average for the year, with technology and financial stocks accounting for more than half of the value traded.',
      ],
    },
  ],
};
