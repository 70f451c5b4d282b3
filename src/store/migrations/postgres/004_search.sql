-- Full-text search over article titles and bodies (the counterpart of SQLite's FTS5 migration 004):
-- a stored tsvector, English stemming, title weighted A and body B, under a GIN index. The body is cut
-- at 200,000 characters because a tsvector is capped at 1 MB and an over-long page must not fail its insert.
-- The column is derived: reads name their columns (no SELECT *) and export/import skip it.
ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', left(text, 200000)), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search_vector);
