package people

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/langdata"
	"pactwatch/internal/token"
	"pactwatch/internal/tsv"
)

//go:embed data/officeholders.tsv
var holdersTSV []byte

// specRoles are the spec's person roles (spec/events.md, persons[].role).
var specRoles = []string{"head_of_state", "head_of_government", "defence_minister", "foreign_minister",
	"minister", "chief_of_defence", "service_chief", "intelligence_chief", "ambassador",
	"deputy_minister", "official"}

// term is one person's time in one office.
type term struct {
	Country  string    // ISO 3166 alpha-3
	Role     string    // a spec role
	From, To time.Time // To is zero while in office
	Forms    []string  // the name in each script and spelling
}

// holds reports whether the term covers day d (a zero d: any day).
func (t term) holds(d time.Time) bool {
	if d.IsZero() {
		return true
	}
	return !d.Before(t.From) && (t.To.IsZero() || d.Before(t.To))
}

// table is the dated table of office-holders.
type table struct {
	terms []term
	trie  token.Trie[int] // form → index in terms
}

// parseTable reads the office-holders TSV (see data/officeholders.tsv);
// each name is also added in the cases of the languages that decline it.
func parseTable(name string, data []byte, decl []*declensions) (*table, error) {
	t := &table{}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 tab-separated columns, got %d", name, n+1, len(cols))
		}
		tm := term{Country: cols[0], Role: cols[1]}
		var err error
		if tm.From, err = time.Parse(time.DateOnly, cols[2]); err != nil {
			return nil, fmt.Errorf("%s:%d: from: %w", name, n+1, err)
		}
		if cols[3] != "" {
			if tm.To, err = time.Parse(time.DateOnly, cols[3]); err != nil {
				return nil, fmt.Errorf("%s:%d: to: %w", name, n+1, err)
			}
		}
		for _, f := range strings.Split(cols[4], "|") {
			if f = strings.TrimSpace(f); f != "" {
				tm.Forms = append(tm.Forms, f)
			}
		}
		if len(tm.Forms) == 0 {
			return nil, fmt.Errorf("%s:%d: no name form", name, n+1)
		}
		for _, f := range tm.Forms {
			t.trie.AddPhrase(f, len(t.terms))
			if keys, star := token.Phrase(f); !star {
				for _, d := range decl {
					for _, v := range d.forms(keys) {
						t.trie.Add(v, false, len(t.terms))
					}
				}
			}
		}
		t.terms = append(t.terms, tm)
	}
	return t, nil
}

// wordSet is a set of folded words and stems ("kuvvet*").
type wordSet struct {
	words   map[string]bool
	stems   []string
	written map[string]bool // words matched as written, not folded (على, not the name علي)
}

// has reports whether key is one of the words or starts with a stem.
func (w wordSet) has(key string) bool {
	if w.words[key] {
		return true
	}
	for _, s := range w.stems {
		if strings.HasPrefix(key, s) {
			return true
		}
	}
	return false
}

// parseNotNames reads data/notnames.tsv: folded words, stems written
// with a trailing * for inflected languages, and words with a third column
// "written", matched only as written where folding would make them a
// name's (على, "on", folds to علي, Ali).
func parseNotNames(name string, data []byte) (wordSet, error) {
	out := wordSet{words: map[string]bool{}, written: map[string]bool{}}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || len(cols) > 3 || (len(cols) == 3 && cols[2] != "written") ||
			strings.ContainsAny(strings.TrimSpace(cols[1]), " ") || cols[1] == "" {
			return wordSet{}, fmt.Errorf("%s:%d: want lang<TAB>word, perhaps <TAB>written", name, n+1)
		}
		if len(cols) == 3 {
			out.written[cols[1]] = true
			continue
		}
		keys, star := token.Phrase(cols[1])
		if len(keys) != 1 || (star && len([]rune(keys[0])) < 4) {
			return wordSet{}, fmt.Errorf("%s:%d: %q: want one word, a stem of at least four letters", name, n+1, cols[1])
		}
		if star {
			out.stems = append(out.stems, keys[0])
		} else {
			out.words[keys[0]] = true
		}
	}
	return out, nil
}

var loadData = sync.OnceValues(func() (*data, error) {
	decl, err := loadDeclensions()
	if err != nil {
		return nil, err
	}
	tab, err := parseTable("officeholders.tsv", holdersTSV, decl)
	if err != nil {
		return nil, err
	}
	// each language's people/*.tsv (package langdata)
	d := &data{holders: tab, byLang: map[string]*words{}}
	at := func(l string) *words {
		if d.byLang[l] == nil {
			d.byLang[l] = &words{notNames: wordSet{words: map[string]bool{}, written: map[string]bool{}}, things: &token.Trie[bool]{}, leaders: &token.Trie[string]{}}
		}
		return d.byLang[l]
	}
	files, err := langdata.Part("people/notnames.tsv")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if at(f.Lang).notNames, err = parseNotNames(f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	if files, err = langdata.Part("people/things.tsv"); err != nil {
		return nil, err
	}
	for _, f := range files {
		if at(f.Lang).things, err = parseThings(f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	if files, err = langdata.Part("people/translit.tsv"); err != nil {
		return nil, err
	}
	for _, f := range files {
		if at(f.Lang).translit, err = parseTranslit(f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	if files, err = langdata.Part("people/leaders.tsv"); err != nil {
		return nil, err
	}
	for _, f := range files {
		if at(f.Lang).leaders, err = parseLeaders(f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	return d, nil
})

// parseLeaders reads data/leaders.tsv: lang <TAB> role <TAB> phrase.
func parseLeaders(name string, data []byte) (*token.Trie[string], error) {
	t := &token.Trie[string]{}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || !slices.Contains(specRoles, cols[1]) || strings.TrimSpace(cols[2]) == "" {
			return nil, fmt.Errorf("%s:%d: want lang<TAB>role<TAB>phrase with a spec role", name, n+1)
		}
		t.AddPhrase(cols[2], cols[1])
	}
	return t, nil
}

type data struct {
	holders *table
	byLang  map[string]*words // each language's words (langdata <lang>/people/*.tsv)
}

// words are one language's words about names.
type words struct {
	notNames wordSet
	things   *token.Trie[bool]   // nouns before the name of a base or a ship
	leaders  *token.Trie[string] // leadership nouns → role, next to a state
	translit map[rune]bool       // the characters foreign names are written with (Han), or nil
}

// parseTranslit reads data/translit.tsv: lang <TAB> characters.
func parseTranslit(name string, data []byte) (map[rune]bool, error) {
	out := map[rune]bool{}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 || strings.TrimSpace(cols[1]) == "" || strings.ContainsAny(cols[1], " ·・") {
			return nil, fmt.Errorf("%s:%d: want lang<TAB>characters", name, n+1)
		}
		for _, r := range cols[1] {
			out[r] = true
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no character", name)
	}
	return out, nil
}

// parseThings reads data/things.tsv: lang <TAB> phrase.
func parseThings(name string, data []byte) (*token.Trie[bool], error) {
	t := &token.Trie[bool]{}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 || strings.TrimSpace(cols[1]) == "" {
			return nil, fmt.Errorf("%s:%d: want lang<TAB>phrase", name, n+1)
		}
		t.AddPhrase(cols[1], true)
	}
	if t.Len() == 0 {
		return nil, fmt.Errorf("%s: no phrase", name)
	}
	return t, nil
}

// holderMatch is an office-holder named in a sentence.
type holderMatch struct {
	start, end int
	term       term
}

// find returns the office-holders named in toks who held office on day d,
// longest form first at each position. Outside Arabic the name must be
// capitalised. When several terms share a form, the one covering d wins; on
// an unknown day, the latest.
func (t *table) find(toks []token.Token, d time.Time) []holderMatch {
	var out []holderMatch
	for i := 0; i < len(toks); {
		found := false
		for _, m := range t.trie.MatchAt(toks, i) {
			if !toks[m.Start].Uncased && !toks[m.Start].Cap {
				continue
			}
			best := -1
			for _, ti := range m.Vals {
				if tm := t.terms[ti]; tm.holds(d) && (best < 0 || tm.From.After(t.terms[best].From)) {
					best = ti
				}
			}
			if best < 0 {
				continue
			}
			out = append(out, holderMatch{m.Start, m.End, t.terms[best]})
			i, found = m.End, true
			break
		}
		if !found {
			i++
		}
	}
	return out
}

// loadDeclensions reads every language's people/declensions.tsv.
func loadDeclensions() ([]*declensions, error) {
	files, err := langdata.Part("people/declensions.tsv")
	if err != nil {
		return nil, err
	}
	var out []*declensions
	for _, f := range files {
		d, err := parseDeclensions(f)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// declension is one way a word of a name declines in a language (a row
// of people/declensions.tsv): the nominative ending, the letters cut from
// it, and the endings of the four oblique cases.
type declension struct {
	ending string // "" for any word
	cut    int
	cases  [4]string
}

// declensions are the rows of one language, and the script of its words.
type declensions struct {
	lang   string
	script *unicode.RangeTable
	rows   []declension
}

// parseDeclensions reads a language's people/declensions.tsv.
func parseDeclensions(f langdata.File) (*declensions, error) {
	d := &declensions{lang: f.Lang}
	err := tsv.Rows(f.Data, func(line int, r []string) error {
		if len(r) != 6 {
			return fmt.Errorf("%s:%d: want 6 columns, got %d", f.Name, line, len(r))
		}
		row := declension{ending: r[0]}
		if row.ending == "*" {
			row.ending = ""
		}
		n, err := strconv.Atoi(r[1])
		if err != nil || n < 0 || n > utf8.RuneCountInString(row.ending) {
			return fmt.Errorf("%s:%d: letters cut: %q is not a number up to the ending's length", f.Name, line, r[1])
		}
		row.cut = n
		for i, e := range r[2:] {
			if e != "-" {
				row.cases[i] = token.Fold(e)
			}
		}
		row.ending = token.Fold(row.ending)
		if d.script == nil {
			for _, c := range row.ending + strings.Join(row.cases[:], "") {
				d.script = token.Script(c)
				break
			}
		}
		d.rows = append(d.rows, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if d.script == nil {
		return nil, fmt.Errorf("%s: no ending names the script of the language's names", f.Name)
	}
	return d, nil
}

// forms returns a name (folded words) in the four oblique cases, each word
// declined by its ending, when its first letter is in the language's
// script ("Раджнат Сингх" → "Раджната Сингха", "Раджнату Сингху"...).
func (d *declensions) forms(keys []string) [][]string {
	if len(keys) == 0 || keys[0] == "" {
		return nil
	}
	if r, _ := utf8.DecodeRuneInString(keys[0]); !unicode.Is(d.script, r) {
		return nil
	}
	var out [][]string
	for c := range 4 {
		alts := [][]string{{}}
		for _, k := range keys {
			var next [][]string
			for _, a := range alts {
				for _, w := range d.word(k, c) {
					next = append(next, append(slices.Clone(a), w))
				}
			}
			alts = next
		}
		out = append(out, alts...)
	}
	return out
}

// word gives the forms of one folded word in case c (0 genitive, 1
// dative, 2 instrumental, 3 prepositional): by the rows of the longest
// ending that ends it.
func (d *declensions) word(w string, c int) []string {
	if utf8.RuneCountInString(w) < 3 {
		return []string{w}
	}
	best := -1
	for _, r := range d.rows {
		if strings.HasSuffix(w, r.ending) && len(r.ending) > best {
			best = len(r.ending)
		}
	}
	var out []string
	for _, r := range d.rows {
		if len(r.ending) != best || !strings.HasSuffix(w, r.ending) {
			continue
		}
		rs := []rune(w)
		f := string(rs[:len(rs)-r.cut]) + r.cases[c]
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return []string{w}
	}
	return out
}
