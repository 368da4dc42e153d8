// Package extract assembles security-cooperation events from a cleaned page:
// it annotates each sentence (states and organisations from the gazetteer,
// triggers and cues from the language's lexicon, dates, persons), resolves
// "the two countries" and counterparts to the pair the article is about,
// and turns each trigger into a candidate event with its type, states,
// initiator, date, location, persons, domains, agreement stage and evidence.
// Fold merges a page's candidates into its events (one per happening on
// the page); merging across articles is package merge's. It does not read files
// or print anything.
package extract
