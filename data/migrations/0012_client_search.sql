-- 0012_client_search.sql - finding clients by any part of a name (any
-- case, any accents), phone digits in any spacing, email or postcode.
--
-- client_search is an FTS5 index, one row per client (rowid = client.id),
-- of text folded by peerdesk (core/textfold.c: lower case, accents off,
-- and letters that do not decompose, such as Ł, ø and ß, spelt l, o, ss):
--   names    the name and the preferred name
--   phone    the phone number's digits, as typed (07700900123) and with
--            +44 for the leading 0 (447700900123) and without it
--   email    the email address
--   address  the address, and a UK postcode also written without its
--            space (sw1a1aa)
-- The unicode61 tokenizer with remove_diacritics 2 splits the words and
-- takes off any accent the folding left.  prefix = '1 2 3' keeps the
-- first one to three letters of every word, so the first keystrokes of a
-- filter read one list instead of merging many.
--
-- client_search_key holds the folded name the list sorts by ("Émile"
-- among the E's).
--
-- SQL cannot fold text, so the index is filled from C (db/clientsearch.c):
-- these triggers only say which clients need it (client_search_stale) and
-- take a changed or removed client's old words out at once, whoever
-- writes to the table.  peerdesk fills the stale rows in the same
-- transaction as its own writes, and before it searches.

CREATE VIRTUAL TABLE client_search USING fts5(
	names, phone, email, address,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);

CREATE TABLE client_search_key (
	client_id  INTEGER PRIMARY KEY,          -- client.id
	name_key   TEXT NOT NULL                 -- text_fold(name)
);
CREATE INDEX client_search_key_name ON client_search_key(name_key, client_id);

CREATE TABLE client_search_stale (
	client_id  INTEGER PRIMARY KEY           -- client.id to (re)index
);

CREATE TRIGGER client_search_insert AFTER INSERT ON client BEGIN
	INSERT OR IGNORE INTO client_search_stale (client_id) VALUES (new.id);
END;

CREATE TRIGGER client_search_update
AFTER UPDATE OF name, preferred_name, phone, email, address ON client BEGIN
	DELETE FROM client_search WHERE rowid = old.id;
	DELETE FROM client_search_key WHERE client_id = old.id;
	INSERT OR IGNORE INTO client_search_stale (client_id) VALUES (new.id);
END;

CREATE TRIGGER client_search_delete AFTER DELETE ON client BEGIN
	DELETE FROM client_search WHERE rowid = old.id;
	DELETE FROM client_search_key WHERE client_id = old.id;
	DELETE FROM client_search_stale WHERE client_id = old.id;
END;

-- Every client already there is indexed by peerdesk right after this file
-- runs, in the same transaction (db_migrate_to).
INSERT INTO client_search_stale (client_id) SELECT id FROM client;
