// Package lexicon loads the per-language vocabularies in data/<lang>.tsv:
// event triggers, agreement-stage and domain cues, roles and titles, month
// and weekday names, page-furniture lines, stopwords and abbreviations (the
// format is in docs/DATA_FORMATS.md). It turns them into phrase tries that
// later stages query by kind; it does not know what an event is.
package lexicon

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"

	"pactwatch/internal/token"
	"pactwatch/internal/tsv"
)

//go:embed data/*.tsv
var files embed.FS

// Entry is one line of a lexicon file.
type Entry struct {
	Kind  string
	Value string
	Extra string // "weak" for weak triggers; the English kind for agreements
	Text  string // the phrase as written
}

// Lexicon is one language's vocabulary.
type Lexicon struct {
	Lang        string
	tries       map[string]*token.Trie[Entry]
	entries     map[string][]Entry // by kind, for checks
	Stopwords   map[string]bool
	Abbrevs     map[string]bool // folded, without the final period
	Boilerplate []Entry
}

// Set holds the lexicons of every supported language.
type Set struct {
	byLang map[string]*Lexicon
}

// Kinds lists the kinds a lexicon line may have.
var Kinds = []string{"trigger", "stage", "modal", "domain", "pair", "visit", "host", "locative",
	"background", "negation", "role", "title", "counterpart", "month", "weekday", "relday",
	"last", "next", "yearend", "boilerplate", "stopword", "abbrev", "security", "yearword", "capitalword", "embassy", "hostile", "locsuffix", "waterword"}

// Load reads every embedded lexicon.
func Load() (*Set, error) {
	names, err := files.ReadDir("data")
	if err != nil {
		return nil, err
	}
	s := &Set{byLang: map[string]*Lexicon{}}
	for _, n := range names {
		if !strings.HasSuffix(n.Name(), ".tsv") {
			continue
		}
		// fr.tsv and fr_security.tsv both feed the French lexicon
		lang, _, _ := strings.Cut(strings.TrimSuffix(n.Name(), ".tsv"), "_")
		b, err := files.ReadFile(path.Join("data", n.Name()))
		if err != nil {
			return nil, err
		}
		lx := s.byLang[lang]
		if lx == nil {
			lx = newLexicon(lang)
			s.byLang[lang] = lx
		}
		if err := lx.parse(n.Name(), b); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func newLexicon(lang string) *Lexicon {
	return &Lexicon{Lang: lang, tries: map[string]*token.Trie[Entry]{}, entries: map[string][]Entry{},
		Stopwords: map[string]bool{}, Abbrevs: map[string]bool{}}
}

// Parse builds a lexicon from TSV bytes.
func Parse(lang string, data []byte) (*Lexicon, error) {
	lx := newLexicon(lang)
	if err := lx.parse(lang, data); err != nil {
		return nil, err
	}
	return lx, nil
}

func (lx *Lexicon) parse(name string, data []byte) error {
	known := map[string]bool{}
	for _, k := range Kinds {
		known[k] = true
	}
	return tsv.Rows(data, func(line int, cols []string) error {
		if len(cols) < 3 {
			return fmt.Errorf("lexicon %s line %d: want 3 or 4 tab-separated columns, got %d", name, line, len(cols))
		}
		e := Entry{Kind: strings.TrimSpace(cols[0]), Value: strings.TrimSpace(cols[1]), Text: strings.TrimSpace(cols[2])}
		if len(cols) > 3 {
			e.Extra = strings.TrimSpace(cols[3])
		}
		if !known[e.Kind] {
			return fmt.Errorf("lexicon %s line %d: unknown kind %q", name, line, e.Kind)
		}
		lx.entries[e.Kind] = append(lx.entries[e.Kind], e)
		switch e.Kind {
		case "stopword":
			lx.Stopwords[token.Fold(e.Text)] = true
		case "abbrev":
			lx.Abbrevs[token.Fold(strings.TrimSuffix(e.Text, "."))] = true
		case "boilerplate":
			lx.Boilerplate = append(lx.Boilerplate, e)
		default:
			t := lx.tries[e.Kind]
			if t == nil {
				t = &token.Trie[Entry]{}
				lx.tries[e.Kind] = t
			}
			t.AddPhrase(e.Text, e)
		}
		return nil
	})
}

// Get returns the lexicon of lang, or nil.
func (s *Set) Get(lang string) *Lexicon { return s.byLang[lang] }

// Langs returns the languages with a lexicon, sorted.
func (s *Set) Langs() []string {
	out := make([]string, 0, len(s.byLang))
	for l := range s.byLang {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Find returns the non-overlapping phrases of one kind in toks.
func (lx *Lexicon) Find(toks []token.Token, kind string) []token.Match[Entry] {
	if lx == nil {
		return nil
	}
	t := lx.tries[kind]
	if t == nil {
		return nil
	}
	return t.Scan(toks, nil)
}

// At returns the phrases of one kind starting at toks[i], longest first.
func (lx *Lexicon) At(toks []token.Token, i int, kind string) []token.Match[Entry] {
	if lx == nil {
		return nil
	}
	t := lx.tries[kind]
	if t == nil {
		return nil
	}
	return t.MatchAt(toks, i)
}

// Size returns the number of phrases of one kind.
func (lx *Lexicon) Size(kind string) int {
	if t := lx.tries[kind]; t != nil {
		return t.Len()
	}
	return 0
}

// values lists the values of one kind's entries.
func (lx *Lexicon) values(kind string) []string {
	var out []string
	for _, e := range lx.entries[kind] {
		out = append(out, e.Value)
	}
	return out
}
