-- The event store: articles as read, the mentions extracted from them, and
-- the merged events (one per real-world happening). PostgreSQL has the same
-- tables in ../postgres/00001_schema.sql.

-- +goose Up

-- One row per stored article. Small columns come first and the raw bytes and
-- cleaned text last, so that scans over the metadata do not read the bodies.
CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    article           TEXT NOT NULL UNIQUE,        -- source.Article.ID (id~HASH8 when the id was taken)
    url               TEXT NOT NULL DEFAULT '',    -- unique when not empty
    title             TEXT NOT NULL DEFAULT '',
    format            TEXT NOT NULL DEFAULT '',
    language          TEXT NOT NULL DEFAULT '',    -- declared, then the extractor's reading
    published         TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD or empty
    published_from    TEXT NOT NULL DEFAULT '',    -- source.Origin
    fallback          TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD or empty (source.Article.Fallback)
    origin            TEXT NOT NULL DEFAULT '',    -- what it was read from
    content_hash      TEXT NOT NULL UNIQUE,        -- SHA-256 of the raw bytes, whitespace runs collapsed
    extractor_version TEXT NOT NULL DEFAULT '',    -- empty until extracted
    extracted_at      TEXT,                        -- RFC 3339 UTC, NULL until extracted
    error             TEXT NOT NULL DEFAULT '',    -- why extraction failed; empty when it did not
    created_at        TEXT NOT NULL,               -- RFC 3339 UTC
    raw               BLOB NOT NULL,
    cleaned           TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> '';
CREATE INDEX articles_version ON articles (extractor_version, id);

-- One row per happening. record is the full event.Record as JSON (what the
-- API and the exports return); the other columns repeat its fields for
-- filtering. AUTOINCREMENT: an id is never given to another event.
CREATE TABLE events (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    merge_key        TEXT NOT NULL,                -- event.Event.Key(): type|sorted countries
    type             TEXT NOT NULL,
    date             TEXT NOT NULL DEFAULT '',     -- YYYY[-MM[-DD]] or empty
    initiator        TEXT NOT NULL DEFAULT '',
    location         TEXT NOT NULL DEFAULT '',
    location_country TEXT NOT NULL DEFAULT '',
    stage            TEXT NOT NULL DEFAULT '',
    confidence       REAL NOT NULL DEFAULT 0,
    first_reported   TEXT NOT NULL DEFAULT '',
    last_reported    TEXT NOT NULL DEFAULT '',
    n_sources        INTEGER NOT NULL DEFAULT 0,
    updated_at       TEXT NOT NULL,
    record           TEXT NOT NULL
);
CREATE INDEX events_key ON events (merge_key);
CREATE INDEX events_date ON events (date DESC, id);
CREATE INDEX events_type ON events (type, date DESC, id);

-- The states of each event, with the event's date repeated so that a query
-- for one state reads its index in date order and stops after one page.
CREATE TABLE event_countries (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    country  TEXT NOT NULL,
    date     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, country)
) WITHOUT ROWID;
CREATE INDEX event_countries_country ON event_countries (country, date DESC, event_id);

-- Every pair of states of each event (a < b), for the same reason: a query
-- for a pair reads one index range in date order, however common either
-- state is on its own.
CREATE TABLE event_pairs (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    a        TEXT NOT NULL,
    b        TEXT NOT NULL,
    date     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, a, b)
) WITHOUT ROWID;
CREATE INDEX event_pairs_pair ON event_pairs (a, b, date DESC, event_id);

-- One row per event as read from one article. ordinal is the mention's
-- position in the article's extraction; a mention keeps its row (and so
-- its place in an event) when the article is extracted again.
CREATE TABLE mentions (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    merge_key        TEXT NOT NULL,
    type             TEXT NOT NULL,
    countries        TEXT NOT NULL,                -- JSON array, sorted
    date             TEXT NOT NULL DEFAULT '',
    initiator        TEXT NOT NULL DEFAULT '',
    location_name    TEXT NOT NULL DEFAULT '',
    location_country TEXT NOT NULL DEFAULT '',
    stage            TEXT NOT NULL DEFAULT '',
    kind             TEXT NOT NULL DEFAULT '',
    confidence       REAL NOT NULL DEFAULT 0,
    language         TEXT NOT NULL DEFAULT '',
    url              TEXT NOT NULL DEFAULT '',
    published        TEXT NOT NULL DEFAULT '',
    persons          TEXT NOT NULL DEFAULT '[]',   -- JSON
    domains          TEXT NOT NULL DEFAULT '[]',   -- JSON
    organizations    TEXT NOT NULL DEFAULT '[]',   -- JSON
    evidence         TEXT NOT NULL DEFAULT '[]',   -- JSON
    spans            TEXT NOT NULL DEFAULT '[]',   -- JSON
    event_id         INTEGER REFERENCES events (id) ON DELETE SET NULL
);
CREATE INDEX mentions_key ON mentions (merge_key);
CREATE INDEX mentions_article ON mentions (article_id, ordinal);
CREATE INDEX mentions_event ON mentions (event_id);

-- Full-text search over the cleaned text, folded in Go first (lower case,
-- accents and Arabic harakat removed: see fold.go). The trigram tokenizer
-- finds any substring of three characters or more, so a word inside a
-- Chinese run or an Arabic word with a clitic prefix is found; shorter
-- queries fall back to LIKE. rowid is the article's id.
CREATE VIRTUAL TABLE article_fts USING fts5 (body, tokenize = 'trigram remove_diacritics 1');

-- Inputs that never became an article (a file that could not be read, a
-- URL that could not be fetched), with the reason.
CREATE TABLE failures (
    id      INTEGER PRIMARY KEY,
    source  TEXT NOT NULL,
    message TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX failures_source ON failures (source);

-- The conditional-request state of each polled feed.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    polled_at     TEXT NOT NULL
);

-- +goose Down
DROP TABLE feeds;
DROP TABLE failures;
DROP TABLE article_fts;
DROP TABLE mentions;
DROP TABLE event_pairs;
DROP TABLE event_countries;
DROP TABLE events;
DROP TABLE articles;
