package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one word of a text.
type Token struct {
	Text  string   // the word as written
	Start int      // byte offset of the first byte in the source text
	End   int      // byte offset just past the last byte
	Key   string   // folded form used for matching
	Alts  []string // other folded forms (words without the clitics their script glues to them: langdata clitics.tsv)
	Upper int      // number of upper-case letters
	hash  uint64   // hashKey(Key), set by Split; 0 for a token built elsewhere
	Cap   bool     // first letter is upper case
	Arab  bool     // written in Arabic script
	// Uncased is set for a word in a script without capitals (Arabic,
	// Devanagari, Han, kana, Hangul): case says nothing about names there.
	Uncased bool
	// Glued is set for a Han, kana or Hangul character written right after
	// another one, with nothing between: a phrase written as one word
	// ("한국") matches only glued characters, not "방문한 국가".
	Glued bool
}

// hashed returns hashKey(t.Key), computed once by Split.
func (t *Token) hashed() uint64 {
	if t.hash != 0 {
		return t.hash
	}
	return hashKey(t.Key)
}

// Rekey makes k the token's only folded key ("ministres" read as
// "ministre"); a token's key must be changed so, never by assigning Key,
// which would keep the hash of the old one.
func (t *Token) Rekey(k string) {
	t.Key, t.Alts, t.hash = k, nil, hashKey(k)
}

// Keys returns the token's folded key followed by its alternatives.
func (t *Token) Keys() []string {
	if len(t.Alts) == 0 {
		return []string{t.Key}
	}
	out := make([]string, 0, 1+len(t.Alts))
	return append(append(out, t.Key), t.Alts...)
}

// Split returns the word tokens of s. A word is a run of letters, digits and
// combining marks; everything else (spaces, punctuation, apostrophes,
// hyphens) separates words. In the scripts written without spaces between
// words (Han, kana) and in Hangul, whose words carry their particles, each
// character is a token of its own: phrases are matched as sequences of
// characters, so no word segmentation is needed ("2024年" is 2024 and 年).
func Split(s string) []Token {
	n := 0
	words(s, func(int, int, bool) { n++ })
	toks := make([]Token, 0, n)
	words(s, func(start, end int, syllabic bool) {
		glued := syllabic && len(toks) > 0 && toks[len(toks)-1].End == start && toks[len(toks)-1].syllabic()
		toks = append(toks, newToken(s, start, end))
		toks[len(toks)-1].Glued = glued
	})
	return toks
}

// words calls f with the byte span of each word of s, in order, and
// whether it is a Han, kana or Hangul character standing as a word.
func words(s string, f func(start, end int, syllabic bool)) {
	start := -1
	for i, r := range s {
		if r >= firstSyllabic && IsSyllabic(r) {
			if start >= 0 {
				f(start, i, false)
				start = -1
			}
			f(i, i+utf8.RuneLen(r), true)
			continue
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(start, i, false)
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(s), false)
	}
}

// firstSyllabic is the lowest rune IsSyllabic may report (Hangul Jamo).
const firstSyllabic = 0x1100

// IsSyllabic reports a character that is a token on its own: Han ideographs,
// hiragana, katakana (with the prolonged-sound mark) and Hangul.
func IsSyllabic(r rune) bool {
	if r < firstSyllabic {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 'ー' || r == '々'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return classOf(r)&classWord != 0
}

// What a rune is to the tokenizer, as bits (classOf).
const (
	classWord    uint8 = 1 << iota // a letter, digit or mark, or the Arabic tatweel
	classUpper                     // an upper-case letter
	classUncased                   // a letter of a script without case
)

// classTableSize bounds the runes whose class is looked up in a table:
// every alphabet and syllabary up to the kana; Han and Hangul are above.
const classTableSize = 0x3100

var classTable = func() (t [classTableSize]uint8) {
	for r := rune(0); r < classTableSize; r++ {
		t[r] = classSlow(r)
	}
	return t
}()

func classOf(r rune) uint8 {
	if r >= 0 && r < classTableSize {
		return classTable[r]
	}
	return classSlow(r)
}

func classSlow(r rune) uint8 {
	var c uint8
	if r == 'ـ' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
		c |= classWord // tatweel stretches an Arabic word
	}
	if unicode.IsUpper(r) {
		c |= classUpper
	}
	if unicode.IsLetter(r) && !unicode.IsUpper(r) && unicode.ToUpper(r) == r {
		c |= classUncased
	}
	return c
}

func newToken(s string, start, end int) Token {
	w := s[start:end]
	t := Token{Text: w, Start: start, End: end}
	if ascii(w) {
		for i := 0; i < len(w); i++ {
			if c := w[i]; c >= 'A' && c <= 'Z' {
				t.Upper++
			}
		}
		t.Cap = w[0] >= 'A' && w[0] <= 'Z'
		t.Key = Fold(w)
		t.hash = hashKey(t.Key)
		return t
	}
	for i, r := range w {
		c := classOf(r)
		if c&classUpper != 0 {
			t.Upper++
			if i == 0 {
				t.Cap = true
			}
		}
		if r >= 0x0600 && r <= 0x06FF {
			t.Arab = true
		}
		if i == 0 && c&classUncased != 0 {
			t.Uncased = true
		}
	}
	t.Key = Fold(w)
	if r, _ := utf8.DecodeRuneInString(w); r >= utf8.RuneSelf {
		if cs := cliticsFor(r); cs != nil {
			t.Key, t.Alts = cs.keys(t.Key, lightFold(w)) // "والاتفاقية" is also "اتفاقية"
		}
	}
	t.hash = hashKey(t.Key)
	return t
}

func ascii(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lightFold drops marks and tatweel but keeps letter variants, so that
// أ (in ألبان, Albanians) is not read as the article ال.
func lightFold(w string) string {
	return strings.Map(func(r rune) rune {
		if r == 'ـ' || unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, w)
}

// foldTable holds the folded form of every rune below tableSize (Latin,
// Greek, Cyrillic, Arabic), computed once with foldSlow.
const tableSize = 0x0700

var foldTable = func() []string {
	t := make([]string, tableSize)
	for r := rune(0); r < tableSize; r++ {
		t[r] = foldSlow(string(r))
	}
	return t
}()

// Fold returns the matching form of a single word: lower case, accents and
// marks removed, letter variants unified, and in a word that mixes Latin,
// Cyrillic or Greek letters, the look-alikes read in the word's own script
// (a word wholly in one script keeps it).
func Fold(w string) string {
	if len(w) <= 4 && len(w) > 1 {
		// a Han, kana or Hangul character is its own folded form (Hangul
		// would otherwise decompose into its letters)
		if r, size := utf8.DecodeRuneInString(w); size == len(w) && IsSyllabic(r) {
			return w
		}
	}
	upper := false
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return foldRunes(w)
		}
		upper = upper || w[i] >= 'A' && w[i] <= 'Z'
	}
	if !upper {
		return w
	}
	b := []byte(w)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// foldRunes is Fold for a text with non-ASCII letters.
func foldRunes(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	var word uint8 // the scripts of the current word's letters
	mixed := false
	for _, r := range w {
		if r < tableSize {
			b.WriteString(foldTable[r])
			if s := scripts[r]; s != notWord {
				word |= s
				continue
			}
		} else {
			b.WriteString(foldSlow(string(r)))
			if isWordRune(r) {
				continue
			}
		}
		mixed = mixed || mixedWord(word)
		word = 0
	}
	if mixed || mixedWord(word) {
		return foldMixed(w)
	}
	return b.String()
}

// foldSlow folds through Unicode decomposition.
func foldSlow(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		// marks are accents to drop, but in the Indic scripts their vowel
		// signs and virama spell the word (पेरू is not पर); only the nukta,
		// written or not at will, goes
		if unicode.Is(unicode.Mn, r) && (r < 0x0900 || r >= 0x1000 || r == '\u093C') || r == 'ـ' {
			continue
		}
		switch r {
		case 'ı', 'I':
			r = 'i'
		case 'ø', 'Ø':
			r = 'o'
		case 'ł', 'Ł':
			r = 'l'
		case 'đ', 'Đ':
			r = 'd'
		case 'ß':
			b.WriteString("ss")
			continue
		case 'ى':
			r = 'ي'
		case 'ة':
			r = 'ه'
		case 'ٱ':
			r = 'ا'
		case 'ک':
			r = 'ك'
		case 'ی':
			r = 'ي'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Phrase splits a data-file phrase into folded keys. A trailing '*' on the
// last word marks it as a stem; star reports that.
func Phrase(p string) (keys []string, star bool) {
	keys, _, star = GluedPhrase(p)
	return keys, star
}

// GluedPhrase is Phrase that also reports, for each key, whether it is a
// character glued to the one before in the phrase (Token.Glued).
func GluedPhrase(p string) (keys []string, glued []bool, star bool) {
	p = strings.TrimSpace(p)
	if strings.HasSuffix(p, "*") {
		star = true
		p = strings.TrimSuffix(p, "*")
	}
	for _, t := range Split(p) {
		keys = append(keys, t.Key)
		glued = append(glued, t.Glued)
	}
	return keys, glued, star
}

// Unspaced reports tokens written mostly in Han, kana or Hangul characters
// written together, where a token is a character rather than a word.
func Unspaced(toks []Token) bool {
	n := 0
	for i := range toks {
		if toks[i].Glued || i+1 < len(toks) && toks[i+1].Glued {
			n++
		}
	}
	return n*2 > len(toks)
}

// syllabic reports a token that is one Han, kana or Hangul character.
func (t *Token) syllabic() bool {
	r, size := utf8.DecodeRuneInString(t.Text)
	return size == len(t.Text) && IsSyllabic(r)
}

// Headline reports a line written in Title Case: most words capitalised
// and no final stop. There, capitals say nothing about names. (A Turkish
// sentence full of titles and names still ends with a stop.)
func Headline(text string, toks []Token) bool {
	return Unfinished(text) && TitleCase(toks)
}

// Unfinished reports a text that no full stop, question or exclamation
// mark ends (closing quotes and brackets aside): a title or a heading.
func Unfinished(text string) bool {
	end := strings.TrimRight(text, " \t\"”»’')")
	r, _ := utf8.DecodeLastRuneInString(end)
	return !strings.ContainsRune(".!?؟。！？।", r)
}

// TitleCase reports that most words of four letters or more are
// capitalised.
func TitleCase(toks []Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if utf8.RuneCountInString(t.Text) < 4 {
			continue
		}
		words++
		if t.Cap {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*6
}

// Squeeze writes every run of white space in s as one space, without
// copying s when it has none to squeeze: strings.Join(strings.Fields(s), " ").
func Squeeze(s string) string {
	prev := true // trims a leading space
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		space := unicode.IsSpace(r)
		if space && (prev || r != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prev = space
		i += n
	}
	if prev && len(s) > 0 {
		return strings.TrimRight(s, " ")
	}
	return s
}

// StartsDigit reports a word that starts with a digit of any script.
func StartsDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}
