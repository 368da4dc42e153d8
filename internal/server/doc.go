// Package server is pactwatch's analyst workbench over the event store: a
// JSON API (documented by openapi.json, served at /api/openapi.json), the
// web app built from ../../web and embedded from dist/, Atom feeds of saved
// watches, and their webhooks.
//
// Reads go through an index held in memory (catalog.go): every event's
// filterable fields, kept current from the store's change marks, so that
// the network, the map, the timeline, the state profiles and every sorted,
// filtered page of the events table answer in milliseconds on a store of
// a million events; full records, evidence and articles come from the
// store. Writes (review, watches, ingest) go to the store, then refresh the
// index.
//
// Scraped text is hostile: the API returns it as JSON strings only, the
// app builds its pages with textContent, and every response carries a
// strict Content-Security-Policy (no inline script, no eval). Writes need
// the X-Pactwatch header (no cross-site form or fetch can send it without
// a preflight the server never grants), a JSON body, a same-origin Origin
// when one is sent, and the token when one is set; beyond loopback the
// server is read-only without a token.
//
// The package knows the store, the pipeline, the queue and the exports; it
// knows nothing about flags or how the binary is started
// (cmd/pactwatch/serve.go), nor how events are extracted or merged.
package server
