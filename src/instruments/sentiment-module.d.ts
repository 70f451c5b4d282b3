/** Types for the `sentiment` package (it ships none); only what scoreSentiment uses. */
declare module 'sentiment' {
  interface AnalysisResult {
    score: number;
    comparative: number;
    tokens: string[];
    words: string[];
    positive: string[];
    negative: string[];
  }
  class Sentiment {
    analyze(phrase: string, opts?: { language?: string; extras?: Record<string, number> }): AnalysisResult;
  }
  export default Sentiment;
}
