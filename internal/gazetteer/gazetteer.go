// Package gazetteer knows states, the places and institutions that stand for
// them, and international organisations, in every language pactwatch reads.
// Its data are TSV files embedded from data/ (see docs/DATA_FORMATS.md):
// CLDR country names generated from golang.org/x/text, hand-written short
// forms and demonyms per language, capitals, cities, military sites,
// metonyms, and organisations. It finds Mentions in tokens; it does not know
// about events or sentences.
package gazetteer

//go:generate go run gen/main.go

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"

	"pactwatch/internal/langdata"
	"pactwatch/internal/token"
	"pactwatch/internal/tsv"
)

//go:embed data
var files embed.FS

// Kind says how a mention names its state.
type Kind string

// Mention kinds, from the most to the least direct.
const (
	Name    Kind = "name"
	Capital Kind = "capital"
	Metonym Kind = "metonym"
	Demonym Kind = "demonym"
	City    Kind = "city"
	Site    Kind = "site"
	Org     Kind = "org"
	// Home is a data kind, never a mention's: an institution or force the
	// language's press names without its state when it is their own
	// ("국방부", the ministry of defence, on a Korean page). Found right
	// after another state's mention ("사우디 국방부"), or right before one
	// ("نیروی دریایی ارتش پاکستان"), it is that state's and names none;
	// else it is a Metonym of its state.
	Home Kind = "home"
)

func (k Kind) rank() int {
	switch k {
	case Name:
		return 0
	case Capital:
		return 1
	case Metonym, Home:
		return 2
	case Demonym:
		return 3
	case City:
		return 4
	case Site:
		return 5
	}
	return 6
}

// void is the kind of a form that names no state: a CLDR name that is an
// everyday word (gen/main.go leaves it out), or a longer word that holds a
// state's form ("태평양", the Pacific, holds 평양): found, it hides the
// shorter form inside it.
const void Kind = "void"

// IsPlace reports whether the kind names a place inside a state.
func (k Kind) IsPlace() bool { return k == Capital || k == City || k == Site || k == Town }

type caseRule uint8

const (
	anyCase caseRule = iota
	capitalised
	exact
	// written: a form written with an Arabic vowel mark or shadda is
	// matched only where the text writes the mark too, and then wins over the folded forms
	// of the same words: Arabic عمّان, with its shadda, is Amman, where
	// عمان alone is Oman
	written
)

type entry struct {
	code string // ISO alpha-3, or the organisation's acronym
	lang string // the language of a state's name or form; "" for places and organisations, read in every language
	kind Kind
	form string
	rule caseRule
	caps []bool // which words of the form are capitalised
}

// Gazetteer finds states and organisations in text.
type Gazetteer struct {
	trie  token.Trie[entry]
	towns token.Trie[town] // geonames/towns.tsv
	// townText holds the towns' forms one after another (town.off, len)
	townText string
	states   map[string]bool
	// sovereign maps a dependent territory to its state (territories.tsv)
	sovereign map[string]string
}

// Mention is a state or organisation named in a token sequence.
type Mention struct {
	Start, End int // token indexes, End exclusive
	Code       string
	Kind       Kind
	// Alts are, for a town, the states of other towns of the same name,
	// the most populous first (Code's has the most people)
	Alts []string
}

// territoriesFile maps dependent territories to their states.
const territoriesFile = "data/territories.tsv"

// Load reads the embedded data files.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{states: map[string]bool{}, sovereign: map[string]string{}}
	b, err := files.ReadFile(territoriesFile)
	if err != nil {
		return nil, err
	}
	err = tsv.Rows(b, func(line int, cols []string) error {
		if len(cols) < 2 || len(cols[0]) != 3 || len(cols[1]) != 3 {
			return fmt.Errorf("gazetteer %s line %d: want territory<TAB>state, two alpha-3 codes", territoriesFile, line)
		}
		g.sovereign[cols[0]] = cols[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = fs.WalkDir(files, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tsv") || p == territoriesFile {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		return g.parse(p, "", b)
	})
	if err != nil {
		return nil, err
	}
	forms, err := langdata.States()
	if err != nil {
		return nil, err
	}
	for _, f := range forms {
		if err := g.parse(f.Name, f.Lang, f.Data); err != nil {
			return nil, err
		}
	}
	if err := g.loadTowns(); err != nil {
		return nil, err
	}
	return g, nil
}

func (g *Gazetteer) parse(name, lang string, b []byte) error {
	return tsv.Rows(b, func(line int, cols []string) error {
		var e entry
		switch {
		case strings.HasSuffix(name, "organizations.tsv"):
			if len(cols) < 2 {
				return fmt.Errorf("gazetteer %s line %d: want 2 columns", name, line)
			}
			e = entry{code: strings.TrimSpace(cols[0]), kind: Org, form: strings.TrimSpace(cols[1])}
		case strings.HasSuffix(name, "cldr_names.tsv"):
			if len(cols) < 3 {
				return fmt.Errorf("gazetteer %s line %d: want 3 columns", name, line)
			}
			e = entry{code: cols[0], kind: Name, form: strings.TrimSpace(cols[2]), lang: cols[1]}
		default:
			if len(cols) < 3 {
				return fmt.Errorf("gazetteer %s line %d: want 3 columns", name, line)
			}
			e = entry{code: strings.TrimSpace(cols[0]), kind: Kind(strings.TrimSpace(cols[1])), form: strings.TrimSpace(cols[2]), lang: lang}
			if e.kind.rank() == 6 && e.kind != void {
				return fmt.Errorf("gazetteer %s line %d: unknown kind %q", name, line, cols[1])
			}
		}
		if sov, ok := g.sovereign[e.code]; ok && e.kind != Org {
			// a dependent territory is a region of its state
			e.code = sov
			if e.kind == Name || e.kind == Capital {
				e.kind = City
			}
		}
		if e.kind != Org && e.kind != void {
			for _, c := range strings.Split(e.code, "+") {
				g.states[c] = true
			}
		}
		if len(e.code) < 2 || e.form == "" {
			return fmt.Errorf("gazetteer %s line %d: empty code or form", name, line)
		}
		e.rule = ruleOf(e.form)
		keys, glued, star := token.GluedPhrase(e.form)
		for _, t := range token.Split(e.form) {
			e.caps = append(e.caps, t.Cap)
		}
		g.trie.AddGlued(keys, glued, star, e)
		if e.kind == Demonym && e.lang == "ar" && !star && strings.HasSuffix(keys[len(keys)-1], "ي") {
			// the accusative of an Arabic demonym: "طياراً وفنياً عراقياً"
			acc := append(slices.Clone(keys[:len(keys)-1]), keys[len(keys)-1]+"ا")
			g.trie.AddGlued(acc, glued, false, e)
		}
		return nil
	})
}

func ruleOf(form string) caseRule {
	upper, first := 0, true
	cap := false
	for _, r := range form {
		if unicode.IsUpper(r) {
			upper++
			if first {
				cap = true
			}
		}
		if unicode.IsLetter(r) {
			first = false
		}
	}
	switch {
	case strings.ContainsFunc(form, func(r rune) bool { return r >= '\u064B' && r <= '\u0652' }):
		return written // an Arabic vowel mark or shadda
	case upper >= 2 && !strings.Contains(form, " ") && !strings.Contains(form, "-"):
		return exact
	case cap:
		return capitalised
	}
	return anyCase
}

// ok checks the case rule of e against the tokens it matched.
func (e entry) ok(toks []token.Token, m token.Match[entry]) bool {
	if e.lang == "tr" && !sameTurkishI(e.form, toks[m.Start:m.End]) {
		return false // "İrakli Çikovani", a Georgian name, is not "Iraklı", Iraqi
	}
	switch e.rule {
	case capitalised:
		// every capitalised word of the form is capitalised in the text:
		// "La reunión" is not "La Réunion"; a force or an institution
		// named by several words needs only its first ("la Marina
		// militare", "Forças armadas angolanas")
		for i, c := range e.caps {
			if e.kind == Metonym && i > 0 {
				break
			}
			if j := m.Start + i; c && j < m.End && !toks[j].Cap && !toks[j].Uncased {
				return false
			}
		}
		return true
	case exact:
		want := lettersOf(strings.TrimSuffix(e.form, "*"))
		var got strings.Builder
		for _, t := range toks[m.Start:m.End] {
			got.WriteString(t.Text)
		}
		if m.Stem {
			return strings.HasPrefix(got.String(), want)
		}
		return got.String() == want
	case written:
		var got strings.Builder
		for _, t := range toks[m.Start:m.End] {
			got.WriteString(strings.ReplaceAll(t.Text, "\u0640", "")) // tatweel
		}
		return strings.Contains(got.String(), e.form)
	}
	return true
}

// sameTurkishI reports whether the text writes each i of a Turkish form
// with or without its dot as the form does: Turkish tells ı from i, a
// folded match does not. A capital I, which Turkish writes for ı and
// keyboards without İ for i, agrees with both.
func sameTurkishI(form string, toks []token.Token) bool {
	var text strings.Builder
	for _, t := range toks {
		text.WriteString(t.Text)
	}
	f, w := []rune(lettersOf(strings.TrimSuffix(form, "*"))), []rune(lettersOf(text.String()))
	for i := 0; i < len(f) && i < len(w); i++ {
		dotless := f[i] == 'ı' || f[i] == 'I'
		switch {
		case f[i] != 'ı' && f[i] != 'i' && f[i] != 'I' && f[i] != 'İ':
		case dotless && (w[i] == 'i' || w[i] == 'İ'):
			return false
		case !dotless && w[i] == 'ı':
			return false
		}
	}
	return true
}

func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// Find returns the mentions in toks, longest first, without overlaps, by
// the names and forms of every language.
func (g *Gazetteer) Find(toks []token.Token) []Mention { return g.FindIn(toks, "") }

// FindIn is Find by the names and forms of one language (and English,
// whose names travel into every language's news), with the places and
// organisations every language shares: a word that names a state in
// another language is an everyday word here ("Chiny", "Arab", "Irak").
// An empty lang reads every language.
func (g *Gazetteer) FindIn(toks []token.Token, lang string) []Mention {
	var out []Mention
	shouting := allCaps(toks)
	for i := 0; i < len(toks); {
		best, end := entry{}, -1
		for _, m := range g.trie.MatchAt(toks, i) {
			if m.End < end {
				break
			}
			for _, e := range m.Vals {
				if lang != "" && e.lang != "" && e.lang != lang && e.lang != "en" || !e.ok(toks, m) {
					continue
				}
				if e.kind == void {
					best, end = e, m.End
					break
				}
				if shouting && e.rule == exact && len(lettersOf(e.form)) <= 3 {
					continue // "INVITÉ AU SOMMET" is not the African Union
				}
				if end < 0 || best.kind != void && best.rule != written && (e.rule == written || e.kind.rank() < best.kind.rank()) {
					best, end = e, m.End
				}
			}
		}
		if end < 0 {
			i++
			continue
		}
		if best.kind == void {
			i = end
			continue
		}
		if best.kind == Home {
			if ownedBy(toks, out, i) || g.ownedAfter(toks, end, lang) {
				i = end
				continue
			}
			best.kind = Metonym
		}
		// a compound naming several states ("日米", "한미": JPN+USA) is a
		// mention of each
		for _, code := range strings.Split(best.code, "+") {
			out = append(out, Mention{Start: i, End: end, Code: code, Kind: best.kind})
		}
		i = end
	}
	return out
}

// ownedBy reports whether the word at toks[i] follows a state's mention
// found before it, right after it or after a particle glued to it
// ("말레이시아의 해군", "インドの防衛省").
func ownedBy(toks []token.Token, found []Mention, i int) bool {
	if len(found) == 0 {
		return false
	}
	m := found[len(found)-1]
	if m.Kind == Org {
		return false
	}
	return m.End == i || m.End == i-1 && toks[i-1].Glued && toks[i-1].Start == toks[m.End-1].End
}

// ownedAfter reports a state's name or people right after toks[end]:
// the owner of a force named before it, as Persian and Arabic write it
// ("نیروی دریایی ارتش پاکستان", the navy of the army of Pakistan).
func (g *Gazetteer) ownedAfter(toks []token.Token, end int, lang string) bool {
	if end >= len(toks) {
		return false
	}
	for _, m := range g.trie.MatchAt(toks, end) {
		for _, e := range m.Vals {
			if (lang == "" || e.lang == "" || e.lang == lang || e.lang == "en") && e.ok(toks, m) && (e.kind == Name || e.kind == Demonym) {
				return true
			}
		}
	}
	return false
}

// allCaps reports a line written in capitals, where case says nothing.
func allCaps(toks []token.Token) bool {
	words, upper, uncased := 0, 0, 0
	for _, t := range toks {
		n := len([]rune(t.Text))
		if t.Uncased {
			uncased++ // "UAE", "MOU" and "AI" in a Korean sentence do not shout
			continue
		}
		if n < 2 {
			continue
		}
		words++
		if t.Upper == n {
			upper++
		}
	}
	return words >= 3 && upper*10 >= words*6 && words > uncased
}

// IsState reports whether code is a known ISO alpha-3 state code.
func (g *Gazetteer) IsState(code string) bool {
	return g.states[code]
}
