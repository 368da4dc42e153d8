// Package calibrate turns the extractor's rule score for an event into a
// calibrated confidence: a logistic model over a few facts of the finished
// event (model.tsv, embedded), fitted on the gold of the own corpus so that
// events given 0.8 are right about 80 % of the time.
//
// It knows events and their features; it does not know how pages are read
// nor how gold is matched (the fitting test in package pipeline brings the
// outcomes).
package calibrate
