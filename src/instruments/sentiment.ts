/**
 * @module instruments/sentiment — article/headline tone with the `sentiment` scorer and the AFINN-165 lexicon adjusted
 * for financial market news (DEPS.md: best of the lexicons measured on finance headlines).
 */
import { afinn165FinancialMarketNews } from 'afinn-165-financialmarketnews';
import Sentiment from 'sentiment';

/** Tone of a text: `score` in -1..1 and a label. */
export interface SentimentScore {
  score: number;
  label: 'positive' | 'negative' | 'neutral';
  /** Raw lexicon sum (for debugging and thresholds). */
  raw: number;
}

/** Raw lexicon sum at or beyond which a text is labelled positive/negative (smaller sums are neutral). */
const LABEL_THRESHOLD = 1;
/** Raw sum that maps to a score of about ±0.76 (tanh(1)); keeps long articles from pinning at ±1. */
const SCORE_SCALE = 5;

let analyzer: Sentiment | undefined;

/**
 * Score the tone of a headline or article.
 * @example scoreSentiment('Shares surge after record profit') // { label: 'positive', … }
 */
export function scoreSentiment(text: string): SentimentScore {
  analyzer ??= new Sentiment();
  const raw = analyzer.analyze(text, { extras: afinn165FinancialMarketNews }).score;
  const label = raw >= LABEL_THRESHOLD ? 'positive' : raw <= -LABEL_THRESHOLD ? 'negative' : 'neutral';
  return { score: Math.round(Math.tanh(raw / SCORE_SCALE) * 1000) / 1000, label, raw };
}
