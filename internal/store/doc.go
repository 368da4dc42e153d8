// Package store keeps pactwatch's data in SQLite (one file, the default) or
// PostgreSQL (several processes, one database): the articles as read, the
// mentions the extractor found in each (an event as one article tells it),
// and the merged events, one per real-world happening, across articles.
//
// # Schema
//
// Both databases have the same logical schema, created by the numbered,
// embedded migrations under migrations/sqlite and migrations/postgres
// (goose, applied by Open): articles, mentions (each pointing at its
// article and at the event it belongs to), events (the full event.Record as
// JSON in record, its main fields repeated as columns), event_countries and
// event_pairs (an event's states and every pair of them, with its date, so
// that a query for a state or a pair reads one index range in date order),
// the full-text index, failures (inputs that never became articles) and
// feeds (conditional-request state). River, which the lead runs on the same
// database through DB, keeps its own tables beside these.
//
// Review and alerts (reviews.go, watches.go, migration 00002):
// event_reviews keeps, per event id, what analysts decided (status,
// corrected fields with who and when, merges and splits) beside the
// machine's record; the events table holds the effective record, which
// SaveExtraction recomputes from the review whenever it rebuilds a reviewed
// event, so corrections survive reprocessing. review_log is the history;
// watches and watch_hits are saved questions and the events that matched.
// A reviewed event that a rebuild makes disappear keeps its review, marked
// orphaned with the reason and the events that took its mentions (migration
// 00003); review_splits lets full-text hits follow a split.
//
// # Writing
//
// PutArticle stores an article once: the same URL or the same content
// (ContentHash: whitespace runs collapsed) is the same article.
// SaveExtraction replaces one article's mentions and rebuilds the events of
// every merge key whose mentions changed, with merge.Group and merge.Build
// over all the mentions of that key, in one transaction: a killed process
// leaves the store as it was before the save or after it. Event ids are
// stable: a rebuilt event keeps the id of the old event it shares most
// mentions with, and an id is never given to another event. On PostgreSQL,
// saves from several processes serialise per merge key with
// transaction-scoped advisory locks; SQLite runs one writer at a time
// (BEGIN IMMEDIATE, waiting up to 10 s for the lock). InsertRecords loads
// ready-made records fast (benchmarks, the generate command).
//
// # Reading
//
// Events, EachEvent (streaming) and CountEvents answer a Filter on states,
// types, stage, dates, confidence and full text, newest first. Full-text
// search matches a text that holds every term of the query as a substring,
// ignoring case, accents and Arabic harakat (fold), in every language:
// SQLite uses an FTS5 trigram index (LIKE for terms under three
// characters), PostgreSQL LIKE over a pg_trgm GIN index; the same queries
// find the same articles on both.
//
// # Tests
//
// The tests run every case on SQLite and, when PACTWATCH_TEST_PG names a
// server, on PostgreSQL, each on a database of its own;
// scripts/pg-test.sh starts a throwaway server and sets it:
//
//	. scripts/pg-test.sh && go test ./internal/store/...
//
// The package knows the event and source records and calls merge to cluster
// and build events. It knows nothing about how articles are read or
// extracted, nor about the job queue, which only borrows its *sql.DB.
package store
