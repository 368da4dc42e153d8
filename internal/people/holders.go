package people

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"pactwatch/internal/langdata"
	"pactwatch/internal/token"
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

// parseTable reads the office-holders TSV (see data/officeholders.tsv).
func parseTable(name string, data []byte) (*table, error) {
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
			if keys, star := token.Phrase(f); !star && len(keys) > 0 && isCyrillic([]rune(keys[0])[0]) {
				for _, v := range declensions(keys) {
					t.trie.Add(v, false, len(t.terms))
				}
			}
		}
		t.terms = append(t.terms, tm)
	}
	return t, nil
}

// wordSet is a set of folded words and stems ("kuvvet*").
type wordSet struct {
	words map[string]bool
	stems []string
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

// parseNotNames reads data/notnames.tsv: folded words, and stems written
// with a trailing * for inflected languages.
func parseNotNames(name string, data []byte) (wordSet, error) {
	out := wordSet{words: map[string]bool{}}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 || strings.ContainsAny(strings.TrimSpace(cols[1]), " ") || cols[1] == "" {
			return wordSet{}, fmt.Errorf("%s:%d: want lang<TAB>word", name, n+1)
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
	tab, err := parseTable("officeholders.tsv", holdersTSV)
	if err != nil {
		return nil, err
	}
	// each language's people/*.tsv (package langdata)
	d := &data{holders: tab, byLang: map[string]*words{}}
	at := func(l string) *words {
		if d.byLang[l] == nil {
			d.byLang[l] = &words{notNames: wordSet{words: map[string]bool{}}, things: &token.Trie[bool]{}, leaders: &token.Trie[string]{}}
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

// declensions returns a Russian name in the genitive, dative, instrumental
// and prepositional cases, each word declined by its ending ("Раджнат
// Сингх" → "Раджната Сингха", "Раджнату Сингху"...). Words that do not
// decline (Шойгу, Мелони) stay as they are; forms that Russian never
// writes are harmless, since they match nothing.
func declensions(keys []string) [][]string {
	const cases = 4
	out := make([][]string, 0, cases+2)
	for c := 0; c < cases; c++ {
		alts := [][]string{{}}
		for _, k := range keys {
			var next [][]string
			for _, a := range alts {
				for _, w := range declineWord(k, c) {
					next = append(next, append(slices.Clone(a), w))
				}
			}
			alts = next
		}
		out = append(out, alts...)
	}
	return out
}

// declineWord gives the forms of one folded word in case c (0 genitive,
// 1 dative, 2 instrumental, 3 prepositional).
func declineWord(w string, c int) []string {
	r := []rune(w)
	if len(r) < 3 {
		return []string{w}
	}
	stem := string(r[:len(r)-1])
	two := string(r[len(r)-2:])
	switch last := r[len(r)-1]; {
	case two == "ий" || two == "ый":
		base := string(r[:len(r)-2])
		return []string{base + [...]string{"ого", "ому", "им", "ом"}[c], base + [...]string{"ого", "ому", "ым", "ом"}[c]}
	case last == 'й' || last == 'ь':
		return []string{stem + [...]string{"я", "ю", "ем", "е"}[c]}
	case last == 'а':
		return []string{stem + [...]string{"ы", "е", "ой", "е"}[c], stem + [...]string{"и", "е", "ей", "е"}[c]}
	case last == 'я':
		return []string{stem + [...]string{"и", "и", "ей", "и"}[c]}
	case strings.ContainsRune("оеиуюэы", last):
		return []string{w}
	case two == "ов" || two == "ев" || two == "ин" || two == "ын":
		return []string{w + [...]string{"а", "у", "ым", "е"}[c]}
	default:
		return []string{w + [...]string{"а", "у", "ом", "е"}[c], w + [...]string{"а", "у", "ем", "е"}[c]}
	}
}
