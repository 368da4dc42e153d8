// Package people finds named persons in a sentence with their role (from
// the lexicon's role titles, normalised to the spec's roles) and their state
// (from a demonym or state named in the role phrase: "son homologue
// rwandais", "President of the Central African Republic", "وزير الدفاع
// الكيني"). Capitalised runs name people in Latin and Cyrillic text; in
// Arabic, the words after a role title do. It knows nothing about events.
package people

import (
	"cmp"
	"strings"
	"unicode/utf8"

	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

// Person is a person named in a sentence.
type Person struct {
	Name        string
	Role        string
	Country     string
	Start, End  int  // token indexes of the name
	Counterpart bool // introduced as someone's counterpart: takes their role
}

// connectors may stand inside a name.
var connectors = map[string]bool{"de": true, "da": true, "do": true, "dos": true, "das": true,
	"du": true, "van": true, "von": true, "bin": true, "ben": true, "al": true, "el": true,
	"ould": true, "ag": true, "wa": true, "y": true, "la": true, "le": true, "di": true, "ibn": true, "abu": true, "abd": true,
	"بن": true, "ابن": true, "ابو": true, "عبد": true, "ولد": true}

// Finder finds persons with one language's lexicon.
type Finder struct {
	lx *lexicon.Lexicon
}

// New returns a Finder for a language.
func New(lx *lexicon.Lexicon) *Finder { return &Finder{lx: lx} }

type span struct {
	start, end int
	value      string
}

// Find returns the persons of one sentence. places are the sentence's
// gazetteer mentions; src is the sentence text.
func (f *Finder) Find(toks []token.Token, src string, places []gazetteer.Mention) []Person {
	inPlace := make([]bool, len(toks))
	placeAt := map[int]gazetteer.Mention{}
	for _, m := range places {
		for i := m.Start; i < m.End; i++ {
			inPlace[i] = true
		}
		placeAt[m.Start] = m
	}
	roles := spans(f.lx.Find(toks, "role"))
	titles := spans(f.lx.Find(toks, "title"))
	counters := spans(f.lx.Find(toks, "counterpart"))
	lexical := make([]bool, len(toks))
	for _, ss := range [][]span{roles, titles, counters} {
		for _, s := range ss {
			for i := s.start; i < s.end; i++ {
				lexical[i] = true
			}
		}
	}
	var out []Person
	var names []span
	arabic := len(toks) > 0 && toks[0].Arab
	switch {
	case arabic:
		names = f.arabicNames(toks, src, roles, titles, counters, inPlace, lexical)
	case token.Headline(src, toks):
		// a headline in Title Case: capitals say nothing about names
	default:
		names = f.capitalRuns(toks, src, inPlace, lexical)
	}
	for _, n := range names {
		p := Person{Name: nominative(src[toks[n.start].Start:toks[n.end-1].End]), Start: n.start, End: n.end}
		cue := n.value != "" // Arabic names are found from their cue
		if n.value != "-" {
			p.Role = n.value
		}
		// a role, title or counterpart word shortly before the name
		for _, ss := range []struct {
			spans []span
			kind  string
		}{{roles, "role"}, {counters, "counterpart"}, {titles, "title"}} {
			for _, s := range ss.spans {
				if s.end <= n.start && n.start-s.end <= 7 && f.gapOK(toks, s.end, n.start, inPlace, lexical) {
					cue = true
					switch ss.kind {
					case "role":
						p.Role = cmp.Or(p.Role, s.value)
						if c := firstState(placeAt, s.start, n.start); c != "" {
							p.Country = c
						}
					case "counterpart":
						p.Counterpart = true
						if c := firstState(placeAt, s.start, n.start); c != "" {
							p.Country = c
						}
					}
				}
			}
		}
		// an apposition after the name: "X, President of CAR", "X, chef d'état-major…"
		stop := clauseEnd(toks, src, n.end)
		for _, s := range roles {
			if s.start >= n.end && s.start-n.end <= 3 && s.start < stop && n.end < len(toks) &&
				strings.ContainsAny(src[toks[n.end-1].End:toks[n.end].Start], ",،") && onlyArticles(toks, n.end, s.start) {
				cue = true
				if p.Role == "" {
					p.Role = s.value
				}
				if p.Country == "" {
					p.Country = firstState(placeAt, s.start, stop)
				}
				break
			}
		}
		if !cue || (n.end-n.start == 1 && !f.adjacentCue(toks, n.start, roles, titles)) {
			continue // a lone capitalised word needs its title right before it
		}
		out = append(out, p)
	}
	return out
}

func spans(ms []token.Match[lexicon.Entry]) []span {
	out := make([]span, len(ms))
	for i, m := range ms {
		out[i] = span{m.Start, m.End, m.Vals[0].Value}
	}
	return out
}

// adjacentCue reports a role or title ending right before i.
func (f *Finder) adjacentCue(toks []token.Token, i int, spans ...[]span) bool {
	for _, ss := range spans {
		for _, s := range ss {
			if s.end == i {
				return true
			}
		}
	}
	return false
}

// gapOK reports whether only small words, states, titles and roles stand
// between a cue and a name: "le ministre de la Défense, le général X".
func (f *Finder) gapOK(toks []token.Token, from, to int, inPlace, lexical []bool) bool {
	for i := from; i < to; i++ {
		k := toks[i].Key
		if !(inPlace[i] || lexical[i] || f.lx.Stopwords[k] || connectors[k] || qualifier(toks[i])) {
			return false
		}
	}
	return !hasConjunction(toks, from, to)
}

// conjunctions start a new person: "X, et le ministre Y".
var conjunctions = map[string]bool{"et": true, "and": true, "y": true, "e": true, "و": true,
	"и": true, "ve": true, "na": true, "ou": true, "or": true}

// onlyArticles reports whether toks[from:to] are articles ("X, le chef…").
func onlyArticles(toks []token.Token, from, to int) bool {
	for i := from; i < to; i++ {
		switch toks[i].Key {
		case "le", "la", "l", "the", "el", "o", "a", "an", "de", "du", "of":
		default:
			return false
		}
	}
	return true
}

func hasConjunction(toks []token.Token, from, to int) bool {
	for i := from; i < to; i++ {
		if conjunctions[toks[i].Key] {
			return true
		}
	}
	return false
}

func firstState(placeAt map[int]gazetteer.Mention, from, to int) string {
	for i := from; i < to; i++ {
		if m, ok := placeAt[i]; ok && m.Kind != gazetteer.Org && !m.Kind.IsPlace() {
			return m.Code
		}
	}
	return ""
}

// clauseEnd returns the index of the first token after from that follows a
// comma-less clause break (";", "(", ".") or the sentence end; commas are
// allowed once because appositions are comma-delimited.
func clauseEnd(toks []token.Token, src string, from int) int {
	commas := 0
	for i := from; i < len(toks); i++ {
		if i == 0 {
			continue
		}
		gap := src[toks[i-1].End:toks[i].Start]
		if strings.ContainsAny(gap, ";.:!?؟") {
			return i
		}
		if strings.ContainsAny(gap, ",،") {
			commas++
			if commas > 1 && i > from {
				return i
			}
		}
	}
	return len(toks)
}

// capitalRuns finds runs of capitalised words that may be names.
func (f *Finder) capitalRuns(toks []token.Token, src string, inPlace, lexical []bool) []span {
	var out []span
	for i := 0; i < len(toks); {
		if !f.nameWord(toks, i, inPlace, lexical) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			gap := src[toks[j-1].End:toks[j].Start]
			if gap != " " && gap != "-" && gap != "\u00a0" {
				break
			}
			if f.nameWord(toks, j, inPlace, lexical) {
				j++
				continue
			}
			if connectors[toks[j].Key] && j+1 < len(toks) && f.nameWord(toks, j+1, inPlace, lexical) {
				j += 2
				continue
			}
			break
		}
		if j-i >= 1 && j-i <= 5 {
			out = append(out, span{start: i, end: j})
		}
		i = j
	}
	return out
}

func (f *Finder) nameWord(toks []token.Token, i int, inPlace, lexical []bool) bool {
	t := toks[i]
	if !t.Cap || inPlace[i] || lexical[i] || utf8.RuneCountInString(t.Text) < 2 {
		return false
	}
	if t.Upper == utf8.RuneCountInString(t.Text) && t.Upper <= 5 {
		return false // an acronym: FDR, CAR
	}
	if f.lx.Stopwords[t.Key] {
		return false
	}
	for _, k := range []lexicon.Kind{lexicon.Month, lexicon.Weekday, lexicon.Trigger, lexicon.Domain} {
		if len(f.lx.At(toks, i, k)) > 0 {
			return false
		}
	}
	return true
}

// arabicNames takes the two to four words after a role, title or
// counterpart word as a name.
func (f *Finder) arabicNames(toks []token.Token, src string, roles, titles, counters []span, inPlace, lexical []bool) []span {
	var out []span
	cues := append(append([]span{}, roles...), titles...)
	for _, c := range counters {
		c.value = "-" // "ونظيره التركي يشار غولر": a name, its role is the other's
		cues = append(cues, c)
	}
	for _, c := range cues {
		i := c.end
		// a comma within a few words closes the role phrase: "وزير الدفاع
		// الكيني، عدن دوالي،"; else skip state, "لدى X" and similar words
		comma := -1
		for k := c.end; k < len(toks) && k <= c.end+4; k++ {
			gap := src[toks[k-1].End:toks[k].Start]
			if strings.ContainsAny(gap, ".؟:;") {
				break
			}
			if strings.ContainsAny(gap, "،,") {
				comma = k
				break
			}
		}
		if comma >= 0 {
			i = comma
		} else {
			for i < len(toks) && (inPlace[i] || lexical[i] || f.lx.Stopwords[toks[i].Key] || qualifier(toks[i])) {
				if strings.ContainsAny(src[toks[i-1].End:toks[i].Start], ".؟") {
					break
				}
				i++
			}
		}
		if i >= len(toks) || i-c.end > 5 {
			continue
		}
		j := i
		limit := 3
		for j < len(toks) && j-i < limit {
			if connectors[toks[j].Key] {
				limit = 4 // "عبد القادر محمد نور": عبد and بن join words into one name
			}
			if j > i && strings.ContainsAny(src[toks[j-1].End:toks[j].Start], "،,.؟:;()") {
				break
			}
			afterLink := j > i && connectors[toks[j-1].Key] // "بن علي": علي is not على
			if inPlace[j] || lexical[j] || (f.lx.Stopwords[toks[j].Key] && !afterLink) || len(f.lx.At(toks, j, "trigger")) > 0 || !toks[j].Arab {
				break
			}
			j++
		}
		if j-i >= 2 && !overlaps(out, i, j) && !definite(toks[i]) {
			out = append(out, span{start: i, end: j, value: c.value}) // the cue's role, or "-" for a title
		}
	}
	return out
}

// qualifier words continue an Arabic role phrase ("لدى", "لشؤون", "العام").
func qualifier(t token.Token) bool {
	for _, k := range t.Keys() {
		switch k {
		case "لدي", "شوون", "عام", "سابق", "جديد", "دوله", "مكلف", "منتدب":
			return true
		}
	}
	return false
}

func overlaps(ss []span, a, b int) bool {
	for _, s := range ss {
		if a < s.end && s.start < b {
			return true
		}
	}
	return false
}

// definite reports an Arabic word with the article: a noun ("الإدلاء"),
// not the first word of a personal name.
func definite(t token.Token) bool {
	for _, p := range []string{"ال", "وال", "بال", "لل", "فال"} {
		if strings.HasPrefix(t.Text, p) {
			return true
		}
	}
	return false
}

// nominative undoes the Russian instrumental and dative endings of a name
// when every word of it carries the same one ("с Русланом Жаксылыковым",
// "Владимиру Путину"), so that the name reads as written in lists. Other
// names are returned as they are.
func nominative(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name
	}
	for _, e := range []struct{ from, to []string }{
		{[]string{"ым", "ом"}, []string{"", ""}}, // Жаксылыковым, Русланом
		{[]string{"ем"}, []string{"ей"}},         // Сергеем
		{[]string{"у"}, []string{""}},            // Владимиру Путину
	} {
		out := make([]string, len(words))
		ok := true
		for i, w := range words {
			r := []rune(w)
			if len(r) < 4 || !isCyrillic(r[0]) {
				ok = false
				break
			}
			matched := false
			for j, suf := range e.from {
				if strings.HasSuffix(w, suf) {
					out[i] = strings.TrimSuffix(w, suf) + e.to[j]
					matched = true
					break
				}
			}
			if !matched {
				ok = false
				break
			}
		}
		if ok {
			return strings.Join(out, " ")
		}
	}
	return name
}

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }
