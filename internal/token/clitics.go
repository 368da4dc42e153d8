package token

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/langdata"
)

// clitic is a run of letters written glued to the front of a word
// (langdata <lang>/clitics.tsv), and the least letters the word keeps
// once it is taken off.
type clitic struct {
	letters string
	left    int
}

// cliticSet is one language's glued letters, read for every word of its
// script: whichever language's page the word is on, the letters are
// the script's way of writing.
type cliticSet struct {
	script                                      *unicode.RangeTable
	articles, conjunctions, prepositions, fused []clitic
}

// clitics are the sets of every language that has a clitics.tsv. The files
// are embedded and checked by a test, so a bad one stops the program at
// its first word rather than folding words wrongly.
var clitics = sync.OnceValue(func() []*cliticSet {
	files, err := langdata.Part("clitics.tsv")
	if err != nil {
		panic(err)
	}
	var out []*cliticSet
	for _, f := range files {
		cs, err := parseClitics(f)
		if err != nil {
			panic(err)
		}
		out = append(out, cs)
	}
	return out
})

// parseClitics reads one clitics.tsv.
func parseClitics(f langdata.File) (*cliticSet, error) {
	cs := &cliticSet{}
	for n, line := range strings.Split(string(f.Data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns, got %d", f.Name, n+1, len(cols))
		}
		left, err := strconv.Atoi(cols[2])
		if err != nil || left < 1 {
			return nil, fmt.Errorf("%s:%d: least letters left: %q is not a positive number", f.Name, n+1, cols[2])
		}
		c := clitic{letters: cols[1], left: left}
		r, _ := utf8.DecodeRuneInString(c.letters)
		if c.letters == "" || lightFold(c.letters) != c.letters {
			return nil, fmt.Errorf("%s:%d: letters %q must be written plain, without marks", f.Name, n+1, c.letters)
		}
		switch s := Script(r); {
		case s == nil:
			return nil, fmt.Errorf("%s:%d: %q is no letter", f.Name, n+1, c.letters)
		case cs.script == nil:
			cs.script = s
		case cs.script != s:
			return nil, fmt.Errorf("%s:%d: %q is not in the script of the lines before", f.Name, n+1, c.letters)
		}
		switch cols[0] {
		case "article":
			cs.articles = append(cs.articles, c)
		case "conjunction":
			cs.conjunctions = append(cs.conjunctions, c)
		case "preposition":
			cs.prepositions = append(cs.prepositions, c)
		case "fused":
			cs.fused = append(cs.fused, c)
		default:
			return nil, fmt.Errorf("%s:%d: role %q is none of article, conjunction, preposition, fused", f.Name, n+1, cols[0])
		}
	}
	if cs.script == nil {
		return nil, fmt.Errorf("%s: no clitic", f.Name)
	}
	return cs, nil
}

// Script is the Unicode script of a letter, or nil.
func Script(r rune) *unicode.RangeTable {
	for _, t := range unicode.Scripts {
		if unicode.Is(t, r) {
			return t
		}
	}
	return nil
}

// cliticsFor is the set read for a word whose first letter is r, or nil.
func cliticsFor(r rune) *cliticSet {
	for _, cs := range clitics() {
		if unicode.Is(cs.script, r) {
			return cs
		}
	}
	return nil
}

// keys strips the article from a folded word to make its key and offers
// the forms without conjunction and preposition prefixes as alternatives:
// والاتفاقية → key والاتفاقيه, alts اتفاقيه. light is the word without
// marks but with its letter variants (lightFold).
func (cs *cliticSet) keys(w, light string) (string, []string) {
	if utf8.RuneCountInString(w) != utf8.RuneCountInString(light) {
		light = w // not aligned: trust the folded form
	}
	// strip removes n leading runes from w and light alike
	strip := func(w, light string, n int) (string, string) {
		for range n {
			_, a := utf8.DecodeRuneInString(w)
			_, b := utf8.DecodeRuneInString(light)
			w, light = w[a:], light[b:]
		}
		return w, light
	}
	// off takes c off the front of w (as light shows it), keeping c.left letters
	off := func(w, light string, c clitic) (string, string, bool) {
		n := utf8.RuneCountInString(c.letters)
		if !strings.HasPrefix(light, c.letters) || utf8.RuneCountInString(w)-n < c.left {
			return w, light, false
		}
		w, light = strip(w, light, n)
		return w, light, true
	}
	article := func(w, light string) string {
		for _, a := range cs.articles {
			if rest, _, ok := off(w, light, a); ok {
				return rest
			}
		}
		return w
	}
	key := article(w, light)
	var alts []string
	add := func(s string) {
		if utf8.RuneCountInString(s) < 2 || s == key {
			return
		}
		for _, a := range alts {
			if a == s {
				return
			}
		}
		alts = append(alts, s)
	}
	for _, p1 := range append([]clitic{{}}, cs.conjunctions...) {
		w1, l1 := w, light
		if p1.letters != "" {
			var ok bool
			if w1, l1, ok = off(w, light, p1); !ok {
				continue
			}
			add(article(w1, l1))
		}
		for _, f := range cs.fused {
			if w2, _, ok := off(w1, l1, f); ok {
				add(w2)
			}
		}
		for _, p2 := range cs.prepositions {
			if w2, l2, ok := off(w1, l1, p2); ok {
				add(article(w2, l2))
			}
		}
	}
	return key, alts
}
