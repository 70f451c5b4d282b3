-- Topics (issue 7), the same as SQLite's 007: what an article is about (crypto, stocks, macro…), written by enrichment from its text
-- and linked instruments (src/topics/). The reader filters the home listing by topic with an EXISTS on
-- (topic, article_id). Articles enriched before this migration get their topics from the enricher's
-- backfill (the `topics.backfill` setting below marks the work).
CREATE TABLE article_topics (
  article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  topic TEXT NOT NULL,
  -- 0 for the strongest topic, then 1, 2: the classifier's order, kept through export and import.
  rank INTEGER NOT NULL,
  PRIMARY KEY (article_id, topic)
);
CREATE INDEX article_topics_topic ON article_topics (topic, article_id);
INSERT INTO settings (key, value) SELECT 'topics.backfill', '0' WHERE EXISTS (SELECT 1 FROM articles WHERE enriched_at IS NOT NULL);
