// Package people finds named persons in a sentence with their role (from
// the lexicon's role titles, normalised to the spec's roles) and their state
// (from a demonym or state named in or before the role phrase: "son
// homologue rwandais", "President of the Central African Republic", "le
// ministre tchadien des Affaires étrangères", "Kenya's defence minister",
// "وزير الدفاع الكيني"; or from the dated table of office-holders in
// data/officeholders.tsv, so that "Lavrov held talks" names Russia's foreign
// minister when the page's date falls in his term).
//
// Capitalised runs name people in Latin and Cyrillic text, with initials
// and suffixes ("Daniel R. Kessler", "Teodoro Jr."); in Arabic, the words
// after a role title do. A run that holds an office, unit or region word
// (data/notnames.tsv) is no person, nor is the name of a base or a ship
// (data/things.tsv). Two names after a plural title share it ("the
// ministers X and Y").
//
// It owns person names, roles and office terms; it knows nothing about
// events, the acts of a sentence or how the extractor uses a person's state.
package people
