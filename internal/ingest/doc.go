// Package ingest reads pactwatch's inputs and turns each into
// source.Article values: page files and folders, JSONL files, WARC files
// (a news crawl), pages fetched over HTTP(S) with a polite fetcher that
// respects robots.txt, and RSS/Atom feeds polled with conditional requests.
//
// Every reader streams: it hands each article to an emit callback as soon as
// it is read, so memory does not grow with the input, and it reports one bad
// item (a file, a JSONL line, a WARC record, a feed item) to a fail callback
// with its position and goes on, so one broken item never stops a batch.
// Raw bytes are returned as read (files, JSONL) or decoded to UTF-8 by their
// declared or detected charset (HTTP, WARC); at most page.MaxBytes each.
//
// The package knows the shape of its inputs and nothing about what is done
// with an article afterwards: it does not clean, date, extract or store, and
// it does not schedule work (the worker pool is pool.go's). It never reads a
// page's own publication date: that is the page reader's job.
package ingest
