package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold is how text is indexed and queried for full-text search, the same
// way in both databases: compatibility forms unfolded (NFKD: ligatures,
// full-width letters, Arabic presentation forms), lower case, combining
// marks removed (Latin and Cyrillic accents, Arabic harakat U+064B–U+065F
// and U+0670, the hamza carried by أ إ آ ؤ ئ), the Arabic tatweel U+0640
// removed, and every run of white space one space. SQLite's tokenizer
// folds Latin accents too, but neither database strips harakat, and doing
// it all here makes the two stores answer alike.
func fold(s string) string {
	s = norm.NFKD.String(strings.ToLower(text(s)))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || r == '\u0640':
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

// searchTerms splits a query into folded terms. A text matches when it
// holds every term as a substring.
func searchTerms(q string) []string {
	return strings.Fields(fold(q))
}

// ftsQuery is the SQLite FTS5 expression for terms of three characters or
// more: each one a quoted string (quotes doubled), which the trigram
// tokenizer matches as a substring; several are ANDed.
func ftsQuery(terms []string) string {
	var parts []string
	for _, t := range terms {
		if utf8.RuneCountInString(t) >= 3 {
			parts = append(parts, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
		}
	}
	return strings.Join(parts, " ")
}

// likePattern is '%term%' with LIKE's wildcards escaped by a backslash.
func likePattern(term string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(term) + "%"
}
