// Package merge turns the mentions of one real-world happening, reported by
// several articles in several languages, into one record with every source.
//
// Group decides which mentions belong together. Mentions share a happening
// only when they share the merge key (type and states); within a key,
// dates must be compatible (equal at the coarser precision, a few days
// apart for visits, exercises and deployments), an undated mention joins
// the happening closest to its publication date within Window days, and
// places and persons tip the balance. An agreement is one record across its
// life (proposed, negotiating, signed, ratified, in force) unless its kinds
// name different topics (data/kinds.tsv) or it is signed again more than
// SigningGap days later.
//
// Build makes the merged record of one group: the best-supported value of
// each field, the values sources disputed as alternatives, the stage history
// of an agreement, one source per article, and a confidence: the best
// source's, each further source removing SourceWeight of the remaining
// doubt (sources copy each other, so agreement is weak evidence), capped at
// MaxConfidence.
//
// Both are deterministic whatever the order of their input. The package
// knows the event record (package event) and nothing about how mentions
// are extracted, stored or shown.
package merge
