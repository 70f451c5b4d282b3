-- Governance and source health: takedowns, with the keys (canonical URL, text hash) of everything
-- they removed so that content stays out for good, and the stall flag of a source that answers but
-- has stopped publishing.
CREATE TABLE takedowns (
  id INTEGER PRIMARY KEY,
  article_id INTEGER,
  source_id INTEGER,
  title TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  requested_by TEXT NOT NULL DEFAULT '',
  articles_removed INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE takedown_keys (
  takedown_id INTEGER NOT NULL REFERENCES takedowns (id) ON DELETE CASCADE,
  canonical_url TEXT NOT NULL,
  content_hash TEXT NOT NULL
);
CREATE INDEX takedown_keys_canonical_url ON takedown_keys (canonical_url);
CREATE INDEX takedown_keys_content_hash ON takedown_keys (content_hash);

ALTER TABLE sources ADD COLUMN is_stalled INTEGER NOT NULL DEFAULT 0;
