-- Reviews that outlive their event, and full-text search that follows
-- splits. PostgreSQL has the same in ../postgres/00003_review_orphans.sql.

-- +goose Up

-- orphan is empty while the reviewed event exists; when a rebuild deletes
-- the event (its mentions form no event any more, or one with another id)
-- the review is kept and orphan holds why, as JSON {at, reason, successors}.
ALTER TABLE event_reviews ADD COLUMN orphan TEXT NOT NULL DEFAULT '';
CREATE INDEX event_reviews_orphan ON event_reviews (event_id) WHERE orphan <> '';

-- The articles an analyst split off an event (split_from) into another
-- (event_id), by article key: a full-text hit in one of these articles
-- counts for the split-off event, not for the event it came from.
CREATE TABLE review_splits (
    split_from INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    event_id   INTEGER NOT NULL,
    PRIMARY KEY (split_from, article_id, event_id)
) WITHOUT ROWID;
CREATE INDEX review_splits_article ON review_splits (article_id, event_id);

INSERT OR IGNORE INTO review_splits (split_from, article_id, event_id)
SELECT r.split_from, a.id, r.event_id
FROM event_reviews r, json_each(r.split_sources) j JOIN articles a ON a.article = j.value
WHERE r.split_from <> 0;

-- +goose Down
DROP TABLE review_splits;
DROP INDEX event_reviews_orphan;
ALTER TABLE event_reviews DROP COLUMN orphan;
