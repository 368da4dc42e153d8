// Package evaluate scores extracted events against gold files by the rules
// of shared/spec/events.md, section "Gold files".
//
// It owns the gold file format on disk (LoadGold) and the scoring (Score):
//
//   - a predicted event can match a gold event of the same article with the
//     same type and state set; matching is one-to-one and does not depend on
//     the order of either list: within each key it is solved as an
//     assignment problem that first fills as many required gold events as
//     possible, then maximises attribute agreement over all pairs;
//   - precision, recall and F1 count required gold events only; a prediction
//     matched to an optional gold event (recalled history, context acts)
//     counts neither way;
//   - each matched required event is compared on date (at the gold's
//     precision), location country, initiator, agreement stage, person names
//     (set F1 with case, accents and punctuation folded; a gold alias counts
//     as the name) and domains (set F1). A value the prediction gives where
//     the gold has none is wrong; an attribute both leave empty is not
//     scored.
//
// It knows nothing about how events are extracted, stored or printed.
package evaluate
