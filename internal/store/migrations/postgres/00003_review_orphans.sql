-- Reviews that outlive their event, and full-text search that follows
-- splits: the same as ../sqlite/00003_review_orphans.sql (comments there),
-- in PostgreSQL's types.

-- +goose Up
ALTER TABLE event_reviews ADD COLUMN orphan TEXT NOT NULL DEFAULT '';
CREATE INDEX event_reviews_orphan ON event_reviews (event_id) WHERE orphan <> '';

CREATE TABLE review_splits (
    split_from BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    event_id   BIGINT NOT NULL,
    PRIMARY KEY (split_from, article_id, event_id)
);
CREATE INDEX review_splits_article ON review_splits (article_id, event_id);

INSERT INTO review_splits (split_from, article_id, event_id)
SELECT r.split_from, a.id, r.event_id
FROM event_reviews r CROSS JOIN LATERAL jsonb_array_elements_text(r.split_sources::jsonb) AS j(article)
JOIN articles a ON a.article = j.article
WHERE r.split_from <> 0
ON CONFLICT DO NOTHING;

-- +goose Down
DROP TABLE review_splits;
DROP INDEX event_reviews_orphan;
ALTER TABLE event_reviews DROP COLUMN orphan;
