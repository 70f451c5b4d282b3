-- Enrichment: duplicates, stories, linked instruments, figures and sentiment (issues 5 and 6).
-- An article is enriched once, after it is stored; `enriched_at IS NULL` marks the work still to do,
-- so a crash between storing and enriching loses nothing.
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  headline TEXT NOT NULL,
  headline_article_id INTEGER,
  first_seen_at INTEGER NOT NULL,
  last_update_at INTEGER NOT NULL,
  source_count INTEGER NOT NULL DEFAULT 0,
  article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_last_update ON stories (last_update_at DESC, id DESC);

ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN enriched_at INTEGER;
ALTER TABLE articles ADD COLUMN sentiment REAL;
ALTER TABLE articles ADD COLUMN figures TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN fingerprint TEXT;
CREATE INDEX articles_story ON articles (story_id, published_at);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_pending_enrichment ON articles (id) WHERE enriched_at IS NULL;

CREATE TABLE article_instruments (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  instrument_id TEXT NOT NULL,
  symbol TEXT NOT NULL,
  name TEXT NOT NULL,
  asset_class TEXT NOT NULL,
  salience REAL NOT NULL,
  role TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  sentences TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (article_id, instrument_id)
);
CREATE INDEX article_instruments_instrument ON article_instruments (instrument_id, article_id);
