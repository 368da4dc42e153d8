package gazetteer

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"pactwatch/internal/token"
	"pactwatch/internal/tsv"
)

// Town is the kind of a mention of a town from the GeoNames list
// (geonames/towns.tsv): where something happened ("a course in Gaeta"),
// never a state that acts. Find never returns it; Towns does.
const Town Kind = "town"

//go:embed geonames/towns.tsv geonames/void.tsv geonames/inflect.tsv geonames/suffixes.tsv geonames/borrow.tsv
var townFiles embed.FS

// town is a town's name as its trie keeps it: without pointers, so that
// the collector never walks the 150,000 of them. The name's text lies in
// Gazetteer.townText; entry turns it back into a gazetteer entry.
type town struct {
	code     [3]byte
	lang     [2]byte // zero for a name read in every language
	void     [2]byte // the language where this name is an everyday word (void.tsv), zero for none
	rule     caseRule
	caps     uint32 // which words of the form are capitalised, a bit each
	words    uint8  // how many words the form has
	pop      int32
	off, len int32 // the form, in townText
}

// townEntry is the gazetteer entry of a town's name.
func (g *Gazetteer) townEntry(t town) entry {
	e := entry{code: string(t.code[:]), kind: Town, form: g.townText[t.off : t.off+t.len], rule: t.rule, caps: make([]bool, t.words)}
	if t.lang != [2]byte{} {
		e.lang = string(t.lang[:])
	}
	for i := range e.caps {
		e.caps[i] = t.caps&(1<<min(i, 31)) != 0
	}
	return e
}

// newTown packs an entry's facts and the town's population into a town,
// its form into text.
func newTown(e entry, pop int, text *strings.Builder) town {
	t := town{rule: e.rule, words: uint8(min(len(e.caps), 255)), pop: int32(pop), off: int32(text.Len()), len: int32(len(e.form))}
	copy(t.code[:], e.code)
	copy(t.lang[:], e.lang)
	for i, c := range e.caps {
		if c {
			t.caps |= 1 << min(i, 31)
		}
	}
	text.WriteString(e.form)
	return t
}

// loadTowns reads the town list into its own trie: a town's name never
// hides a state's mention, and only callers that ask for towns see them.
func (g *Gazetteer) loadTowns() error {
	// void: a town's name that is an everyday word in one language
	// ("Rosso", red, in Italian) is no town on that language's pages only
	void := map[string]string{}
	b, err := townFiles.ReadFile("geonames/void.tsv")
	if err != nil {
		return err
	}
	err = tsv.Rows(b, func(line int, cols []string) error {
		if len(cols) < 2 {
			return fmt.Errorf("gazetteer geonames/void.tsv line %d: want form, \"lang: why\"", line)
		}
		lang, _, ok := strings.Cut(cols[1], ":")
		if !ok || len(lang) != 2 {
			return fmt.Errorf("gazetteer geonames/void.tsv line %d: want form, \"lang: why\"", line)
		}
		void[token.Fold(strings.TrimSpace(cols[0]))] = lang
		return nil
	})
	if err != nil {
		return err
	}
	finals := map[string]string{} // language → final letters its stems drop
	latin := map[string]bool{}    // languages that decline the towns' own (Latin) names too
	b, err = townFiles.ReadFile("geonames/inflect.tsv")
	if err != nil {
		return err
	}
	err = tsv.Rows(b, func(line int, cols []string) error {
		if len(cols) < 3 {
			return fmt.Errorf("gazetteer geonames/inflect.tsv line %d: want lang, final letters, script", line)
		}
		lang := strings.TrimSpace(cols[0])
		finals[lang] = strings.ReplaceAll(cols[1], " ", "")
		latin[lang] = strings.TrimSpace(cols[2]) == "latin"
		return nil
	})
	if err != nil {
		return err
	}
	suffixes := map[string][]string{} // language → administrative words its forms may drop, longest first
	b, err = townFiles.ReadFile("geonames/suffixes.tsv")
	if err != nil {
		return err
	}
	err = tsv.Rows(b, func(line int, cols []string) error {
		if len(cols) < 2 {
			return fmt.Errorf("gazetteer geonames/suffixes.tsv line %d: want lang, words", line)
		}
		words := strings.Fields(cols[1])
		slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
		suffixes[strings.TrimSpace(cols[0])] = words
		return nil
	})
	if err != nil {
		return err
	}
	type lending struct {
		reader string
		from   []string // languages whose forms the reader reads when it has none of its own
		fewest int      // letters of the shortest form it borrows
	}
	var borrow []lending // in the file's order, so that the trie is built the same on every run
	b, err = townFiles.ReadFile("geonames/borrow.tsv")
	if err != nil {
		return err
	}
	err = tsv.Rows(b, func(line int, cols []string) error {
		if len(cols) < 3 {
			return fmt.Errorf("gazetteer geonames/borrow.tsv line %d: want reader, lenders, fewest letters", line)
		}
		n, err := strconv.Atoi(strings.TrimSpace(cols[2]))
		if err != nil {
			return fmt.Errorf("gazetteer geonames/borrow.tsv line %d: fewest letters %q: %v", line, cols[2], err)
		}
		borrow = append(borrow, lending{strings.TrimSpace(cols[0]), strings.Fields(cols[1]), n})
		return nil
	})
	if err != nil {
		return err
	}
	b, err = townFiles.ReadFile("geonames/towns.tsv")
	if err != nil {
		return err
	}
	var text strings.Builder
	err = tsv.Rows(b, func(line int, cols []string) error {
		if len(cols) < 5 || len(cols[0]) != 3 {
			return fmt.Errorf("gazetteer geonames/towns.tsv line %d: want iso3, population, lat, lon, name, forms", line)
		}
		pop, err := strconv.Atoi(cols[1])
		if err != nil {
			return fmt.Errorf("gazetteer geonames/towns.tsv line %d: population %q: %v", line, cols[1], err)
		}
		code := cols[0]
		if sov, ok := g.sovereign[code]; ok {
			code = sov
		}
		add := func(lang, form string) {
			v := void[token.Fold(form)]
			if form == "" || lang != "" && v == lang {
				return
			}
			e := entry{code: code, kind: Town, form: form, lang: lang, rule: ruleOf(form)}
			for _, t := range token.Split(form) {
				e.caps = append(e.caps, t.Cap)
			}
			keys, glued, _ := token.GluedPhrase(form)
			t := newTown(e, pop, &text)
			copy(t.void[:], v)
			g.towns.AddGlued(keys, glued, false, t)
		}
		// stem adds the declined forms of a one-word name in a language that
		// declines: "Гаэт*" for Гаэта
		stem := func(lang, form string) {
			end, ok := finals[lang]
			if !ok || void[token.Fold(form)] != "" || strings.ContainsAny(form, " -") {
				return
			}
			r := []rune(form)
			if strings.ContainsRune(end, r[len(r)-1]) {
				r = r[:len(r)-1]
			}
			if len(r) < 5 {
				return
			}
			e := entry{code: code, kind: Town, form: string(r) + "*", lang: lang, rule: ruleOf(form)}
			e.caps = []bool{true}
			keys, glued, _ := token.GluedPhrase(e.form)
			g.towns.AddGlued(keys, glued, true, newTown(e, pop, &text))
		}
		add("", cols[4])
		own := map[string]string{} // language → its form of the town
		var langs []string         // those languages, in the file's order
		if len(cols) > 5 && cols[5] != "" {
			for _, f := range strings.Split(cols[5], "|") {
				lang, form, ok := strings.Cut(f, "=")
				if !ok {
					return fmt.Errorf("gazetteer geonames/towns.tsv line %d: form %q is not lang=name", line, f)
				}
				own[lang] = form
				langs = append(langs, lang)
			}
		}
		forms := func(lang, form string) {
			add(lang, form)
			stem(lang, form)
			for _, w := range suffixes[lang] {
				if short := strings.TrimSpace(strings.TrimSuffix(form, w)); short != form && utf8.RuneCountInString(short) >= 2 {
					add(lang, short) // "울산" for 울산광역시, "札幌" for 札幌市
					break
				}
			}
		}
		for _, lang := range langs {
			forms(lang, own[lang])
		}
		for _, lend := range borrow {
			if _, ok := own[lend.reader]; ok {
				continue
			}
			for _, l := range lend.from {
				if form, ok := own[l]; ok {
					if utf8.RuneCountInString(strings.ReplaceAll(form, " ", "")) >= lend.fewest {
						forms(lend.reader, form) // 南京 on a Chinese page, from the Japanese 南京市
					}
					break
				}
			}
		}
		for lang := range finals {
			if _, ok := own[lang]; latin[lang] && !ok && cols[4] != "" {
				stem(lang, cols[4]) // "we Flensburgu": the town's own name, declined
			}
		}
		return nil
	})
	g.townText = text.String()
	return err
}

// Towns returns the towns named in toks, in the language lang (and by
// their own names, read in every language), that no mention of found
// overlaps: a town's name that is also a state's, a capital's or a
// base's is that. Towns of one name in several states come as one
// mention: Code is the most populous one's state, Alts the others'.
func (g *Gazetteer) Towns(toks []token.Token, lang string, found []Mention) []Mention {
	var out []Mention
	for i := 0; i < len(toks); {
		m, ok := g.TownAt(toks, i, lang, found)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.End
	}
	return out
}

// TownAt is the town of Towns that starts at toks[i], if any: a reader
// that looks for a place only after a preposition asks there alone.
func (g *Gazetteer) TownAt(toks []token.Token, i int, lang string, found []Mention) (Mention, bool) {
	end := -1
	var towns []town
	for _, m := range g.towns.MatchAt(toks, i) {
		if m.End < end {
			break
		}
		for _, t := range m.Vals {
			if t.lang != [2]byte{} && string(t.lang[:]) != lang || string(t.void[:]) == lang {
				continue
			}
			if e := g.townEntry(t); !e.ok(toks, token.Match[entry]{Start: m.Start, End: m.End, Stem: m.Stem}) {
				continue
			}
			if m.End > end {
				end, towns = m.End, towns[:0]
			}
			towns = append(towns, t)
		}
	}
	if end < 0 || slices.ContainsFunc(found, func(m Mention) bool { return m.Start < end && i < m.End }) {
		return Mention{}, false
	}
	slices.SortStableFunc(towns, func(a, b town) int { return int(b.pop - a.pop) })
	m := Mention{Start: i, End: end, Code: string(towns[0].code[:]), Kind: Town}
	for _, t := range towns[1:] {
		if code := string(t.code[:]); code != m.Code && !slices.Contains(m.Alts, code) {
			m.Alts = append(m.Alts, code)
		}
	}
	return m, true
}
