// Package coords places states and the places of the gazetteer on a map: an
// approximate centroid for every state, its capital, and the cities,
// regions and military sites of ../data/places.tsv, with latitude and
// longitude. The table is data/coords.tsv, embedded and loaded once into a
// Table that is passed in.
//
// It finds a location name written in any script the gazetteer knows
// (folded and matched like the gazetteer's forms) within one state. It does
// not know about events, articles or export formats, and it does not find
// places in running text: that is the gazetteer's work.
package coords
