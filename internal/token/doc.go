// Package token splits text into word tokens with byte offsets and folded
// matching keys, and matches multi-word phrases against them with a trie.
//
// Folding is the one place where text is normalised for matching: lowercase,
// Latin accents and Arabic vowel marks removed, Arabic letter variants
// unified, Arabic article and clitic prefixes offered as alternatives, and
// in a word that mixes Latin, Cyrillic and Greek letters, look-alikes
// (data/confusables.tsv) read in the word's own script. Every
// lexicon and gazetteer goes through the same folding, so a phrase written
// naturally in a data file matches its inflected or accented forms in text.
// The package knows nothing about events, states or languages beyond script.
package token
