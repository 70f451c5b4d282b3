-- WebSub (push) subscriptions: one per source whose feed advertises a hub (issue 4); the same columns as
-- SQLite's 005.
CREATE TABLE websub_subscriptions (
  source_id BIGINT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  hub_url TEXT NOT NULL,
  topic_url TEXT NOT NULL,
  secret TEXT NOT NULL,
  state TEXT NOT NULL,
  lease_seconds INTEGER,
  renew_at BIGINT,
  verified_at BIGINT,
  last_push_at BIGINT,
  last_error TEXT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX websub_subscriptions_renew ON websub_subscriptions (state, renew_at);
