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
	var scores []score
	count := func(l string, set map[string]bool, ok bool) {
		n := 0
		for _, t := range toks {
			if set[t.Key] {
				n++
			}
		}
		scores = append(scores, score{l, n, ok})
	}
	for l, set := range id.supported {
		if l != "ar" && l != "ru" {
			count(l, set, true)
		}
	}
	for l, set := range id.unsupported {
		count(l, set, false)
	}
	// letters only one of the Latin-script languages uses tell a short
	// text apart where function words are few
	for i := range scores {
		if letters, ok := distinctLetters[scores[i].lang]; ok {
			scores[i].hits += min(countAny(text, letters), 3)
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
