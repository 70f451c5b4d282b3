-- Search filters (issue 7). SQLite's migration 006 puts source and instrument tags into its FTS5 index;
-- PostgreSQL filters with B-tree indexes instead: this one lets a search restricted to one source walk
-- that source's newest articles (the instrument filter reads article_instruments_instrument).
CREATE INDEX articles_source_id ON articles (source_id, id DESC);
