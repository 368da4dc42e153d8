package token

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/tsv"
)

// confusablesTSV pairs Latin letters with the Cyrillic and Greek letters
// drawn like them.
//
//go:embed data/confusables.tsv
var confusablesTSV []byte

// The scripts a letter below tableSize can belong to, as bits, and the mark
// of a rune that is not part of a word.
const (
	scriptLatin uint8 = 1 << iota
	scriptCyrillic
	scriptGreek
	notWord
	scriptCount = 3
)

// scripts describes every rune below tableSize: its script bit when it is
// a letter of one of the three scripts, notWord when it separates words,
// zero for other word runes (digits, marks, Arabic letters).
var scripts = func() (t [tableSize]uint8) {
	for r := rune(0); r < tableSize; r++ {
		switch {
		case !isWordRune(r):
			t[r] = notWord
		case unicode.Is(unicode.Latin, r):
			t[r] = scriptLatin
		case unicode.Is(unicode.Cyrillic, r):
			t[r] = scriptCyrillic
		case unicode.Is(unicode.Greek, r):
			t[r] = scriptGreek
		}
	}
	return t
}()

// lookAlikes[i][r] is the letter of script 1<<i drawn like r, or 0.
var lookAlikes = loadLookAlikes(confusablesTSV)

// loadLookAlikes reads the pairs of the confusables file into a table for
// each script. Rows that are not two letters below tableSize are skipped
// here; the package's tests reject them.
func loadLookAlikes(data []byte) *[scriptCount][tableSize]rune {
	var t [scriptCount][tableSize]rune
	_ = tsv.Rows(data, func(_ int, cols []string) error {
		a, b, ok := confusablePair(cols)
		if !ok {
			return nil
		}
		sa, sb := scriptIndex(scripts[a]), scriptIndex(scripts[b])
		t[sb][a], t[sa][b] = b, a
		return nil
	})
	// letters of two other scripts drawn like the same Latin letter are
	// drawn like each other (Cyrillic о, Greek ο)
	for l := rune(0); l < tableSize; l++ {
		c, g := t[scriptIndex(scriptCyrillic)][l], t[scriptIndex(scriptGreek)][l]
		if c != 0 && g != 0 {
			t[scriptIndex(scriptGreek)][c], t[scriptIndex(scriptCyrillic)][g] = g, c
		}
	}
	return &t
}

// confusablePair reads a row of the confusables file: a Latin letter and
// its Cyrillic or Greek look-alike.
func confusablePair(cols []string) (latin, other rune, ok bool) {
	if len(cols) < 2 {
		return 0, 0, false
	}
	a, na := utf8.DecodeRuneInString(cols[0])
	b, nb := utf8.DecodeRuneInString(cols[1])
	if na != len(cols[0]) || nb != len(cols[1]) || a >= tableSize || b >= tableSize {
		return 0, 0, false
	}
	if scripts[a] != scriptLatin || (scripts[b] != scriptCyrillic && scripts[b] != scriptGreek) {
		return 0, 0, false
	}
	return a, b, true
}

// scriptIndex turns a script bit into an index of lookAlikes.
func scriptIndex(s uint8) int {
	switch s {
	case scriptCyrillic:
		return 1
	case scriptGreek:
		return 2
	}
	return 0
}

// mixedWord reports a set of script bits with more than one script.
func mixedWord(bits uint8) bool { return bits&(bits-1) != 0 }

// foldMixed folds a text in which some word mixes scripts, after
// Unconfuse.
func foldMixed(w string) string {
	u := Unconfuse(w)
	b := make([]byte, 0, len(u))
	for _, r := range u {
		b = appendFold(b, r)
	}
	return string(b)
}

// Unconfuse rewrites the words of s that mix Latin, Cyrillic and Greek
// letters: a letter of another script that has a look-alike in the word's
// own script becomes that look-alike (a Cyrillic "е" in "Kеnya", a Latin
// "o" in "Рoссия"). A word's own script is the one of most letters without
// look-alikes, else of most letters, else of its first letter. Words in one
// script are left alone; s itself is returned when no word mixes scripts.
func Unconfuse(s string) string {
	if !hasMixedWord(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r2) {
				break
			}
			j += n2
		}
		word := s[i:j]
		own := wordScript(word)
		if own == 0 {
			b.WriteString(word)
		} else {
			for _, r := range word {
				if r < tableSize {
					if sc := scripts[r]; sc != 0 && sc != own {
						if m := lookAlikes[scriptIndex(own)][r]; m != 0 {
							r = m
						}
					}
				}
				b.WriteRune(r)
			}
		}
		i = j
	}
	return b.String()
}

// hasMixedWord reports a word of s with letters of two of the scripts.
func hasMixedWord(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return false
	}
	var word uint8
	for _, r := range s {
		switch {
		case r < tableSize && scripts[r] != notWord:
			word |= scripts[r]
			continue
		case r >= tableSize && isWordRune(r):
			continue
		}
		if mixedWord(word) {
			return true
		}
		word = 0
	}
	return mixedWord(word)
}

// wordScript returns the script bit a word is written in, or 0 when it has
// no letter of the three scripts or only one script.
func wordScript(word string) uint8 {
	var plain, all [scriptCount]int
	var bits, first uint8
	for _, r := range word {
		if r >= tableSize || scripts[r] == 0 {
			continue
		}
		s := scripts[r]
		if first == 0 {
			first = s
		}
		bits |= s
		i := scriptIndex(s)
		all[i]++
		if !hasLookAlike(r) {
			plain[i]++
		}
	}
	if !mixedWord(bits) {
		return 0
	}
	best := scriptIndex(first)
	for i := range scriptCount {
		if plain[i] > plain[best] || plain[i] == plain[best] && all[i] > all[best] {
			best = i
		}
	}
	return 1 << best
}

func hasLookAlike(r rune) bool {
	for i := range scriptCount {
		if lookAlikes[i][r] != 0 {
			return true
		}
	}
	return false
}

// appendFold appends the folded form of r.
func appendFold(b []byte, r rune) []byte {
	if r < tableSize {
		return append(b, foldTable[r]...)
	}
	return append(b, foldSlow(string(r))...)
}
