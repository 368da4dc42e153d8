// Package lang identifies the language of a page's body among the languages
// pactwatch reads, from its script and the share of each language's
// commonest function words (the lexicons' stopwords). It names a few other
// languages it cannot read so that errors are clear. It knows nothing about
// events.
package lang

import (
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"

	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

//go:embed data/unsupported.tsv
var unsupportedTSV string

var languageNames = map[string]string{"de": "German", "it": "Italian", "nl": "Dutch",
	"id": "Indonesian", "pl": "Polish"}

// Identifier guesses languages.
type Identifier struct {
	supported   map[string]map[string]bool
	unsupported map[string]map[string]bool
	langs       []scored         // the languages told apart by their words
	index       map[string][]int // stopword → indexes in langs
}

// scored is a language whose stopwords are counted: one pactwatch reads
// (ok) or one it only names.
type scored struct {
	code string
	ok   bool
}

// ErrUnsupported is returned for text in a language pactwatch cannot read.
var ErrUnsupported = errors.New("language not supported")

// New builds an Identifier from the lexicons' stopwords.
func New(lx *lexicon.Set) *Identifier {
	id := &Identifier{supported: map[string]map[string]bool{}, unsupported: map[string]map[string]bool{}}
	for _, l := range lx.Langs() {
		id.supported[l] = lx.Get(l).Stopwords
	}
	for _, line := range strings.Split(unsupportedTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		l, words, _ := strings.Cut(line, "\t")
		set := map[string]bool{}
		for _, w := range strings.Fields(words) {
			set[token.Fold(w)] = true
		}
		id.unsupported[l] = set
	}
	id.index = map[string][]int{}
	add := func(code string, set map[string]bool, ok bool) {
		id.langs = append(id.langs, scored{code, ok})
		for w := range set {
			id.index[w] = append(id.index[w], len(id.langs)-1)
		}
	}
	for _, l := range slices.Sorted(maps.Keys(id.supported)) {
		if l != "ar" && l != "ru" { // told by their script
			add(l, id.supported[l], true)
		}
	}
	for _, l := range slices.Sorted(maps.Keys(id.unsupported)) {
		add(l, id.unsupported[l], false)
	}
	return id
}

// shortText is the number of words under which a text is judged as one
// sentence: a single function word may decide it.
const shortText = 40

// distinctLetters are letters that, among the Latin-script languages
// pactwatch reads or names, one language alone uses often.
var distinctLetters = map[string]string{
	"es": "ñ¿¡", "pt": "ãõ", "fr": "èœùû", "tr": "ğışİ", "de": "ßä", "pl": "łąęśźż",
}

// sample is how much text decides: a few hundred words are plenty.
const sample = 4000

// Detect returns the language code of text. hint (an HTML lang attribute)
// breaks ties.
func (id *Identifier) Detect(text, hint string) (string, error) {
	if len(text) > sample {
		cut := sample
		for cut < len(text) && text[cut]&0xC0 == 0x80 {
			cut++
		}
		text = text[:cut]
	}
	var latin, arabic, cyrillic, other int
	for _, r := range text {
		switch {
		case !unicode.IsLetter(r):
		case r < 0x250:
			latin++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		default:
			other++
		}
	}
	total := latin + arabic + cyrillic + other
	if total < 20 {
		return "", fmt.Errorf("%w: too little text to tell", ErrUnsupported)
	}
	switch {
	case arabic*2 > total:
		if strings.ContainsAny(text, "پچگژ") && strings.Count(text, "ی") > 5 {
			return "", fmt.Errorf("%w: looks like Persian", ErrUnsupported)
		}
		return id.need("ar")
	case cyrillic*2 > total:
		// Ukrainian has і ї є ґ and none of ы э ъ ё, which fill Russian
		// text (ы alone is about one letter in fifty). A Kazakh or
		// Ukrainian name inside a Russian page brings a few і, not more.
		uk := countAny(text, "іїєґІЇЄҐ")
		if uk > 2 && uk > 2*countAny(text, "ыэъёЫЭЪЁ") {
			return "", fmt.Errorf("%w: looks like Ukrainian", ErrUnsupported)
		}
		return id.need("ru")
	case other*2 > total:
		return "", fmt.Errorf("%w: script not handled", ErrUnsupported)
	}
	toks := token.Split(text)
	type score struct {
		lang string
		hits int
		ok   bool
	}
	// one pass over the words: each stopword adds to the languages it
	// belongs to (id.index, built once)
	hits := make([]int, len(id.langs))
	for _, t := range toks {
		for _, i := range id.index[t.Key] {
			hits[i]++
		}
	}
	scores := make([]score, 0, len(id.langs))
	for i, l := range id.langs {
		scores = append(scores, score{l.code, hits[i], l.ok})
	}
	// letters only one of the Latin-script languages uses tell a short
	// text apart where function words are few
	if letterCounts := countDistinct(text); len(letterCounts) > 0 {
		for i := range scores {
			scores[i].hits += min(letterCounts[scores[i].lang], 3)
		}
	}
	hint = strings.SplitN(hint, "-", 2)[0]
	sort.Slice(scores, func(i, j int) bool {
		if scores[i].hits != scores[j].hits {
			return scores[i].hits > scores[j].hits
		}
		if (scores[i].lang == hint) != (scores[j].lang == hint) {
			return scores[i].lang == hint
		}
		return scores[i].lang < scores[j].lang
	})
	switch {
	case len(scores) == 0:
		return "", fmt.Errorf("%w: no known language recognised", ErrUnsupported)
	case len(toks) < shortText:
		// a sentence or two: one clear function word decides, when no
		// other language has as many
		best := scores[0].hits
		if best < 1 {
			return "", fmt.Errorf("%w: no known language recognised", ErrUnsupported)
		}
		var tied, ours []score
		for _, sc := range scores {
			if sc.hits == best {
				tied = append(tied, sc)
				if sc.ok {
					ours = append(ours, sc)
				}
			}
		}
		// a tie goes to the declared language, else to the one language
		// pactwatch reads among the tied
		if len(tied) > 1 && tied[0].lang != hint {
			if len(ours) != 1 {
				return "", fmt.Errorf("%w: no known language recognised", ErrUnsupported)
			}
			scores[0] = ours[0]
		}
	case scores[0].hits*20 < len(toks) || scores[0].hits < 3:
		return "", fmt.Errorf("%w: no known language recognised", ErrUnsupported)
	}
	if !scores[0].ok {
		return "", fmt.Errorf("%w: looks like %s", ErrUnsupported, languageNames[scores[0].lang])
	}
	return scores[0].lang, nil
}

// letterLang maps each letter of distinctLetters to its language.
var letterLang = func() map[rune]string {
	m := map[rune]string{}
	for l, letters := range distinctLetters {
		for _, r := range letters {
			m[r] = l
		}
	}
	return m
}()

// countDistinct counts, in one pass, the distinct letters of each language
// in s (non-ASCII runes only: every distinct letter is).
func countDistinct(s string) map[string]int {
	var out map[string]int
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		if l, ok := letterLang[r]; ok {
			if out == nil {
				out = map[string]int{}
			}
			out[l]++
		}
	}
	return out
}

// countAny counts the runes of s that are in chars.
func countAny(s, chars string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune(chars, r) {
			n++
		}
	}
	return n
}

func (id *Identifier) need(l string) (string, error) {
	if _, ok := id.supported[l]; !ok {
		return "", fmt.Errorf("%w: %s has no lexicon", ErrUnsupported, l)
	}
	return l, nil
}
