// Package segment splits cleaned text blocks into sentences, per language:
// Latin, Cyrillic and Arabic end punctuation (. ! ? ؟ …), abbreviations from
// the lexicon ("Gen.", "M.", "S.E."), initials and numbers are not ends. A
// sentence never crosses a block, so headlines stay sentences of their own.
// It knows nothing about events.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/token"
)

// Sentence is a span of one block.
type Sentence struct {
	Text  string
	Block int // index of the block
	Start int // byte offset of Text in the block
}

// Split returns the sentences of text; abbrevs holds folded abbreviations
// without their final period.
// isMonth, when not nil, tells a folded month name: a period after a day's
// number before it ends no sentence ("am 11. März").
func Split(text string, block int, abbrevs map[string]bool, isMonth func(string) bool) []Sentence {
	var out []Sentence
	start := 0
	emit := func(end int) {
		s := text[start:end]
		trimmed := strings.TrimSpace(s)
		if trimmed != "" {
			lead := strings.Index(s, trimmed)
			out = append(out, Sentence{Text: trimmed, Block: block, Start: start + lead})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := i + size
		switch r {
		case '.', '!', '?', '؟', '…', '。', '！', '？', '।', '۔':
			// absorb closing quotes, brackets and repeated marks
			for next < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[next:])
				if strings.ContainsRune(".!?؟…\"”»’')]」』）！？", r2) {
					next += s2
					continue
				}
				break
			}
			if isBoundary(text, i, next, r, abbrevs, isMonth) {
				emit(next)
			}
		}
		i = next
	}
	emit(len(text))
	return out
}

// fullStop reports a sentence mark of a script written without a space
// after it (。！？) or used only to end sentences (the danda ।, Urdu ۔).
func fullStop(r rune) bool { return strings.ContainsRune("。！？।۔", r) }

func isBoundary(text string, at, next int, r rune, abbrevs map[string]bool, isMonth func(string) bool) bool {
	if next >= len(text) || fullStop(r) {
		return true
	}
	nr, _ := utf8.DecodeRuneInString(text[next:])
	if !unicode.IsSpace(nr) {
		return false // 3.5, U.S.A, example.com
	}
	rest := strings.TrimLeft(text[next:], " \t\u00a0")
	first, _ := utf8.DecodeRuneInString(rest)
	if r != '.' {
		return true
	}
	// the word before the period
	ws := at
	for ws > 0 {
		pr, ps := utf8.DecodeLastRuneInString(text[:ws])
		if unicode.IsLetter(pr) || pr == '.' {
			ws -= ps
			continue
		}
		break
	}
	word := text[ws:at]
	if word == "" && isMonth != nil && dayNumberBefore(text[:at]) {
		w := rest
		if i := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
			w = w[:i]
		}
		if w != "" && isMonth(token.Fold(w)) {
			return false // "am 11. März": the day's number, not a sentence end
		}
	}
	if word != "" {
		if abbrevs[token.Fold(strings.TrimSuffix(word, "."))] {
			return false
		}
		if n := utf8.RuneCountInString(word); n == 1 && unicode.IsUpper([]rune(word)[0]) {
			return false // an initial: "J. Kazura"
		}
		if strings.Contains(word, ".") {
			return false // S.E., U.S.
		}
	}
	if unicode.IsLower(first) {
		return false
	}
	return true
}

// dayNumberBefore reports one or two digits, alone, at the end of s.
func dayNumberBefore(s string) bool {
	n := 0
	for n < len(s) && n < 3 && s[len(s)-1-n] >= '0' && s[len(s)-1-n] <= '9' {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	if n == len(s) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.'
}
