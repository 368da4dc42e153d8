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
	"strconv"
	"strings"
	"unicode"

	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

//go:embed data/unsupported.tsv
var unsupportedTSV string

// Identifier guesses languages.
type Identifier struct {
	langs []*known          // every language it knows the words of
	index map[string][]int  // stopword → indexes in langs
	by    map[script][]int  // script → indexes in langs
	lang  map[string]*known // by code
}

// known is a language whose stopwords are counted: one pactwatch reads
// (ok) or one it only names.
type known struct {
	code        string
	name        string // in English, for a language pactwatch only names
	ok          bool
	script      script
	plus, minus map[rune]bool   // letters common here / never used here (lexicon kind letter)
	rate        float64         // how many of every 100 letters are plus letters, when the data says
	vocab       map[string]bool // the words of its lexicon's phrases (nil for a language only named)
}

// ErrUnsupported is returned for text in a language pactwatch cannot read.
var ErrUnsupported = errors.New("language not supported")

// script is a writing system as language identification groups them: the
// languages of one script are told apart by their words and letters.
type script uint8

const (
	noScript script = iota
	latin
	arabic
	cyrillic
	cjk // Han and kana
	hangul
	devanagari
	greek
	hebrew
	otherScript
)

var scriptNames = [...]string{"", "Latin", "Arabic", "Cyrillic", "Han/kana", "Hangul", "Devanagari", "Greek", "Hebrew", "other"}

// scriptOf returns the script of a letter.
func scriptOf(r rune) script {
	switch {
	case r < 0x250:
		return latin
	case r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0xFB50 && r <= 0xFEFF:
		return arabic
	case r >= 0x0400 && r <= 0x052F:
		return cyrillic
	case r >= 0x0370 && r <= 0x03FF:
		return greek
	case r >= 0x0590 && r <= 0x05FF:
		return hebrew
	case r >= 0x0900 && r <= 0x097F:
		return devanagari
	case unicode.In(r, unicode.Hangul):
		return hangul
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return cjk
	case r >= 0x1E00 && r <= 0x1EFF:
		return latin // Vietnamese and other extended Latin
	}
	return otherScript
}

// New builds an Identifier from the lexicons' stopwords and letters, and
// the stopwords of languages it only names (data/unsupported.tsv).
func New(lx *lexicon.Set) *Identifier {
	id := &Identifier{index: map[string][]int{}, by: map[script][]int{}, lang: map[string]*known{}}
	add := func(code, name string, words map[string]bool, ok bool, letters []lexicon.Entry) *known {
		k := &known{code: code, name: name, ok: ok, plus: map[rune]bool{}, minus: map[rune]bool{}}
		var count [otherScript + 1]int
		for w := range words {
			for _, r := range w {
				if unicode.IsLetter(r) {
					count[scriptOf(r)]++
				}
			}
		}
		for s := range count {
			if count[s] > count[k.script] {
				k.script = script(s)
			}
		}
		for _, e := range letters {
			for _, r := range e.Text {
				if e.Value == "-" {
					k.minus[r] = true
				} else {
					k.plus[r] = true
				}
			}
			if rate, err := strconv.ParseFloat(strings.TrimPrefix(e.Value, "+"), 64); err == nil && rate > 0 {
				k.rate += rate
			}
		}
		id.langs = append(id.langs, k)
		id.lang[code] = k
		id.by[k.script] = append(id.by[k.script], len(id.langs)-1)
		for w := range words {
			id.index[w] = append(id.index[w], len(id.langs)-1)
		}
		return k
	}
	for _, l := range lx.Langs() {
		add(l, l, lx.Get(l).IDWords, true, lx.Get(l).Entries(lexicon.Letter)).vocab = lx.Get(l).Vocab
	}
	for _, line := range strings.Split(unsupportedTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		l, rest, _ := strings.Cut(line, "\t")
		name, words, _ := strings.Cut(rest, "\t")
		if id.lang[l] != nil {
			continue // read now: its lexicon has the words
		}
		set := map[string]bool{}
		for _, w := range strings.Fields(words) {
			set[token.Fold(w)] = true
		}
		add(l, name, set, false, nil)
	}
	return id
}

// shortText is the number of words under which a text is judged as one
// sentence: a single function word may decide it.
const shortText = 40

// Sample is how much text decides, in bytes: a few hundred words are
// plenty.
const Sample = 4000

// Detect returns the language code of text. hint (an HTML lang attribute)
// breaks ties.
func (id *Identifier) Detect(text, hint string) (string, error) {
	return id.DetectWords(text, nil, hint)
}

// DetectWords is Detect for a text whose words are already split: the
// folded keys (token.Token.Key) of its words, in order, as far as the part
// of the text that decides (Sample bytes) reaches; nil splits the text.
func (id *Identifier) DetectWords(text string, keys []string, hint string) (string, error) {
	if len(text) > Sample {
		cut := Sample
		for cut < len(text) && text[cut]&0xC0 == 0x80 {
			cut++
		}
		text = text[:cut]
	}
	// the script with the most letters decides which languages compete; a
	// Han, kana or Hangul character weighs as much as a short word's letters
	var letters [otherScript + 1]int
	total := 0
	var high []rune // the letters beyond ASCII, which letterScore weighs
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		if r >= 0x80 {
			high = append(high, r)
		}
		w := 1
		if r >= 0x1100 && token.IsSyllabic(r) {
			w = 3
		}
		letters[scriptOf(r)] += w
		total += w
	}
	if total < 20 {
		return "", fmt.Errorf("%w: too little text to tell", ErrUnsupported)
	}
	main := latin
	for s := range letters {
		if letters[s] > letters[main] {
			main = script(s)
		}
	}
	cands := id.by[main]
	switch {
	case len(cands) == 0:
		return "", fmt.Errorf("%w: %s script not handled", ErrUnsupported, scriptNames[main])
	case len(cands) == 1 && main != latin:
		// the only language of its script that pactwatch knows
		return id.verdict(id.langs[cands[0]])
	}
	if keys == nil {
		for _, t := range token.Split(text) {
			keys = append(keys, t.Key)
		}
	}
	// one pass over the words: each stopword adds to the languages it
	// belongs to (id.index, built once), within the script
	hits := make([]int, len(id.langs))
	for _, k := range keys {
		for _, i := range id.index[k] {
			hits[i]++
		}
	}
	scores := make([]score, 0, len(cands))
	for _, i := range cands {
		scores = append(scores, score{id.langs[i], hits[i] + letterScore(high, letters[main], id.langs[i])})
	}
	hint = strings.SplitN(hint, "-", 2)[0]
	sort.Slice(scores, func(i, j int) bool {
		if scores[i].hits != scores[j].hits {
			return scores[i].hits > scores[j].hits
		}
		if (scores[i].k.code == hint) != (scores[j].k.code == hint) {
			return scores[i].k.code == hint
		}
		return scores[i].k.code < scores[j].k.code
	})
	best := scores[0].hits
	switch {
	case len(keys) < shortText || main != latin:
		// a sentence or two, or a script few languages share: the clear
		// winner decides
		if best < 1 {
			return "", fmt.Errorf("%w: no known language recognised", ErrUnsupported)
		}
		var tied, ours []score
		for _, sc := range scores {
			if sc.hits == best {
				tied = append(tied, sc)
				if sc.k.ok {
					ours = append(ours, sc)
				}
			}
		}
		// a tie goes to the declared language, else to the one language
		// pactwatch reads among the tied, else to the one whose lexicon
		// knows most of the text's words ("to" and "by" are English and
		// Polish; "military aid" is English)
		if len(tied) > 1 && tied[0].k.code != hint {
			if len(ours) > 1 {
				ours = mostVocab(ours, keys)
			}
			if len(ours) != 1 {
				return "", fmt.Errorf("%w: no known language recognised", ErrUnsupported)
			}
			scores[0] = ours[0]
		}
	case best*20 < len(keys) || best < 3:
		return "", fmt.Errorf("%w: no known language recognised", ErrUnsupported)
	}
	return id.verdict(scores[0].k)
}

// score is a language's count of the text's stopwords (and letters).
type score struct {
	k    *known
	hits int
}

// mostVocab keeps the languages among ks whose lexicons know the most
// words of keys.
func mostVocab(ks []score, keys []string) []score {
	best, out := 0, []score(nil)
	for _, sc := range ks {
		n := 0
		for _, w := range keys {
			if sc.k.vocab[w] {
				n++
			}
		}
		switch {
		case n > best:
			best, out = n, []score{sc}
		case n == best:
			out = append(out, sc)
		}
	}
	return out
}

// letterScore weighs the letters of a text that tell k from the other
// languages of its script (high: the text's letters beyond ASCII): up to 3
// for letters common in k, down to -3 for letters k never uses, and -3 when
// n letters of the script hold none of k's common letters though its rate
// promised at least three.
func letterScore(high []rune, n int, k *known) int {
	if len(k.plus) == 0 && len(k.minus) == 0 {
		return 0
	}
	plus, minus := 0, 0
	for _, r := range high {
		if k.plus[r] {
			plus++
		} else if k.minus[r] {
			minus++
		}
	}
	if plus == 0 && k.rate*float64(n)/100 >= 3 {
		return -3
	}
	return min(plus, 3) - min(minus, 3)
}

// verdict returns k's code, or an error naming it when pactwatch cannot
// read it.
func (id *Identifier) verdict(k *known) (string, error) {
	if !k.ok {
		return "", fmt.Errorf("%w: looks like %s", ErrUnsupported, k.name)
	}
	return k.code, nil
}
