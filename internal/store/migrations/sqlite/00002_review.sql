-- Review and alerts: what analysts decided about events (kept apart from
-- the machine's values, keyed by the event id, which survives re-merges),
-- and saved watches with the events that matched them. PostgreSQL has the
-- same tables in ../postgres/00002_review.sql.

-- +goose Up

-- One row per reviewed event. fields holds the corrected fields as JSON
-- (field -> {value, by, at}); machine is the record as the machine last
-- built it, so that a correction can be undone and shown beside the
-- machine's value. An event merged into another has status 'merged' and
-- merged_into set; an event split off another has split_from set and takes
-- the articles in split_sources from it. No foreign key: a review outlives
-- a rebuild that drops and recreates nothing (ids are never reused).
CREATE TABLE event_reviews (
    event_id      INTEGER PRIMARY KEY,
    status        TEXT NOT NULL DEFAULT '',    -- '', confirmed, rejected, merged
    fields        TEXT NOT NULL DEFAULT '{}',  -- JSON
    merged_into   INTEGER NOT NULL DEFAULT 0,
    split_from    INTEGER NOT NULL DEFAULT 0,
    split_sources TEXT NOT NULL DEFAULT '[]',  -- JSON array of article ids
    machine       TEXT NOT NULL,               -- JSON event.Record
    reviewer      TEXT NOT NULL DEFAULT '',
    reviewed_at   TEXT NOT NULL                -- RFC 3339 UTC
);
CREATE INDEX event_reviews_status ON event_reviews (status, event_id);
CREATE INDEX event_reviews_merged ON event_reviews (merged_into) WHERE merged_into <> 0;
CREATE INDEX event_reviews_split ON event_reviews (split_from) WHERE split_from <> 0;

-- Every review action, for who did what and when.
CREATE TABLE review_log (
    id       INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL,
    action   TEXT NOT NULL,                    -- confirm, reject, reopen, correct, merge, split
    detail   TEXT NOT NULL DEFAULT '{}',       -- JSON
    reviewer TEXT NOT NULL DEFAULT '',
    at       TEXT NOT NULL
);
CREATE INDEX review_log_event ON review_log (event_id, id);

-- A saved watch: the events it selects (all the states, any of the types,
-- the stage, the least confidence) and where to announce new ones.
CREATE TABLE watches (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL,
    countries      TEXT NOT NULL DEFAULT '[]', -- JSON array of ISO3 codes
    types          TEXT NOT NULL DEFAULT '[]', -- JSON array of event types
    stage          TEXT NOT NULL DEFAULT '',
    min_confidence REAL NOT NULL DEFAULT 0,
    webhook        TEXT NOT NULL DEFAULT '',
    created_by     TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    checked_until  TEXT NOT NULL,              -- events updated before this were matched
    seen_at        TEXT NOT NULL               -- the analyst looked at the hits until this
);

-- The events that matched a watch, from when they first matched.
CREATE TABLE watch_hits (
    watch_id INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL,
    at       TEXT NOT NULL,
    notified INTEGER NOT NULL DEFAULT 0,       -- 1 once its webhook took it
    PRIMARY KEY (watch_id, event_id)
) WITHOUT ROWID;
CREATE INDEX watch_hits_at ON watch_hits (watch_id, at DESC, event_id);

-- What changed since a time: watches and the server's index read events in
-- order of their last update.
CREATE INDEX events_updated ON events (updated_at);

-- +goose Down
DROP INDEX events_updated;
DROP TABLE watch_hits;
DROP TABLE watches;
DROP TABLE review_log;
DROP TABLE event_reviews;
