-- Job queue of the SQLite mode (src/queue/sqlite.ts); PostgreSQL uses graphile-worker instead.
-- Numbered 900 so that it sorts after the schema's own migrations. Times are UTC epoch milliseconds.
-- A job is running while locked_until is in the future; a lapsed lease makes it claimable again.
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  task TEXT NOT NULL,
  payload TEXT NOT NULL,
  queue TEXT,
  key TEXT UNIQUE,
  run_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  last_error TEXT,
  locked_by TEXT,
  locked_until INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_at, id);
CREATE INDEX jobs_queue_locked ON jobs (queue, locked_until) WHERE queue IS NOT NULL;
