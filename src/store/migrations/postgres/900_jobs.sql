-- Heartbeats of queue workers (src/queue/postgres.ts). The jobs themselves live in graphile-worker's
-- schema; a worker whose heartbeat is older than the lease has its jobs unlocked and retried.
-- Same version as SQLite's 900_jobs.sql (its jobs table), so both dialects share one migration list.
CREATE TABLE worker_leases (
  worker_id TEXT PRIMARY KEY,
  heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
