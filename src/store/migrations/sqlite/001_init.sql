-- Sources, articles and settings: the foundation schema. Times are UTC epoch milliseconds.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'feed',
  title TEXT NOT NULL DEFAULT '',
  site_url TEXT,
  demo_key TEXT UNIQUE,
  is_enabled INTEGER NOT NULL DEFAULT 1,
  policy TEXT NOT NULL DEFAULT 'full',
  created_at INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  poll_interval_sec INTEGER NOT NULL DEFAULT 900,
  next_poll_at INTEGER,
  last_attempt_at INTEGER,
  last_success_at INTEGER,
  last_error_at INTEGER,
  last_error_code TEXT,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_item_at INTEGER
);
CREATE INDEX sources_next_poll ON sources (is_enabled, next_poll_at);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  guid TEXT,
  url TEXT NOT NULL,
  canonical_url TEXT NOT NULL,
  title TEXT NOT NULL,
  author TEXT,
  published_at INTEGER NOT NULL,
  fetched_at INTEGER NOT NULL,
  excerpt TEXT NOT NULL,
  html TEXT NOT NULL,
  text TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  reading_minutes INTEGER NOT NULL,
  image_url TEXT,
  lang TEXT,
  content_hash TEXT NOT NULL,
  origin_url TEXT,
  removed TEXT NOT NULL DEFAULT '[]',
  warnings TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX articles_source_guid ON articles (source_id, guid) WHERE guid IS NOT NULL;
CREATE UNIQUE INDEX articles_canonical_url ON articles (canonical_url);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_published ON articles (published_at DESC, id DESC);
CREATE INDEX articles_source_published ON articles (source_id, published_at DESC, id DESC);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
