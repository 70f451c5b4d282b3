-- Full-text search over article titles and bodies: an FTS5 external-content index kept in step with
-- `articles` by triggers. Porter stemming over unicode61 (diacritics folded); prefix indexes for 2-, 3-
-- and 4-character prefixes so `bitc*`-style queries read one doclist instead of merging every expansion.
-- `$`, `.` and `-` separate tokens, so a cashtag `$BTC` is indexed as `btc` and `BRK.B` as `brk b`.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title,
  text,
  content = 'articles',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- Document frequencies per term, for "more like this" term selection.
CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
