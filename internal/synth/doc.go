// Package synth makes synthetic material for load tests and benchmarks:
// news-like pages from sentence templates (Pages, data/templates.tsv) and
// merged event records with a realistic skew, a few states in many events
// (the generator in records.go, data/record_states.tsv). Its output says
// nothing about accuracy; it exists to measure speed and memory at sizes no
// hand-written corpus reaches. Everything is drawn from a seeded source, so
// the same seed gives the same output. It knows the event record and
// nothing about stores or extraction.
package synth
