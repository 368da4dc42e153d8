// Package queue runs pactwatch's work (fetching a URL, extracting a stored
// article, merging its events) as jobs in River, a job queue kept in the
// store's own database: SQLite for one machine, PostgreSQL for several.
// Several processes pointed at one database share the jobs; River hands
// each job to one worker at a time, and a job whose worker died is handed
// out again once it has been running longer than the stuck limit.
//
// Every job is idempotent: extracting an article that is already extracted
// with this extractor version does nothing, and the store replaces an
// article's mentions and rebuilds the events they touch in one transaction,
// so a job run again after a crash leaves the same store.
//
// It knows the store, the pipeline and the fetcher; it knows nothing about
// command lines or output formats.
package queue
