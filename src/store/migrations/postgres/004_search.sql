-- Full-text search over article titles and bodies, the counterpart of SQLite's FTS5 migration 004:
-- a stored tsvector (title weighted A, body B) under a GIN index.
-- To find what FTS5 (porter, unicode61) finds: English Snowball stemming without a stop-word list (FTS5
-- has none; the query parser drops stop words itself), and `.`, `-`, `/`, `@`, `:`, `_`, `$` turned into
-- spaces first so that `BRK.B`, `example.com` or `rate-cut` split into words as unicode61 splits them
-- (PostgreSQL's parser would keep them whole as file, host or hyphenated tokens).
-- The body is cut at 200,000 characters: a tsvector is capped at 1 MB and a long page must not fail
-- its insert. The column is derived: reads name their columns and export/import skip it.
CREATE TEXT SEARCH DICTIONARY tw_english_stem (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION tw_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION tw_english
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH tw_english_stem;

ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('tw_english', translate(title, '.-/@:_$', '       ')), 'A') ||
  setweight(to_tsvector('tw_english', translate(left(text, 200000), '.-/@:_$', '       ')), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search_vector);
