package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/people"
)

// dropSurnames drops the cities and capitals a Han or kana sentence
// writes inside the surname of a person the article names: 班吉 (Bangui)
// in "董军与卡班吉在多多马举行会谈", where 卡班吉 is 朱马·卡班吉.
func (a *article) dropSurnames(s *sentence) []gazetteer.Mention {
	return slices.DeleteFunc(s.places, func(m gazetteer.Mention) bool {
		if !m.Kind.IsPlace() {
			return false
		}
		for from := m.Start; from >= 0 && from > m.Start-4; from-- {
			if from < m.Start && !s.toks[from+1].Glued {
				return false
			}
			for to := m.End; to <= len(s.toks) && to < m.End+4; to++ {
				if to > m.End && !s.toks[to-1].Glued {
					break
				}
				if (from < m.Start || to > m.End) && a.surnameAt(s, from, to) {
					return true
				}
			}
		}
		return false
	})
}

// surnameAt reports a person of the article whose surname is written in
// s.toks[from:to].
func (a *article) surnameAt(s *sentence, from, to int) bool {
	var b strings.Builder
	for _, t := range s.toks[from:to] {
		b.WriteString(t.Key)
	}
	_, ok := a.persons[b.String()]
	return ok
}

// named returns the persons of the article that s names by surname: a
// word's key, or in Han, kana and Hangul a run of characters (萨格尔).
// Found once per sentence.
func (a *article) named(s *sentence) []people.Person {
	if s.named != nil {
		return *s.named
	}
	var out []people.Person
	for _, t := range s.toks {
		if p, ok := a.persons[t.Key]; ok {
			out = append(out, p)
		}
	}
	if s.scale > 1 {
		for _, k := range glued(s.toks) {
			if p, ok := a.persons[k]; ok {
				out = append(out, p)
			}
		}
	}
	for _, i := range s.family {
		if p, ok := a.byFamilyName(s.toks[i].Text); ok {
			out = append(out, p)
		}
	}
	s.named = &out
	return out
}

// byFamilyName is the one person of the page whose name, written as one
// word of two to four syllables, opens with the family name f ("안" of
// 안규백); false when none or several do.
func (a *article) byFamilyName(f string) (people.Person, bool) {
	var found people.Person
	n := 0
	for _, p := range a.persons {
		if l := utf8.RuneCountInString(p.Name); l < 2 || l > 4 || strings.ContainsRune(p.Name, ' ') || !strings.HasPrefix(p.Name, f) {
			continue
		}
		if n == 0 || p.Name != found.Name {
			found = p
			n++
		}
	}
	return found, n == 1
}

// speakerLabel is the end of the speaker's label an interview's answer
// opens with ("DKT. MARIRU: Waziri John Healey aliwasili…", "Tanner: Wir
// haben…"): up to four capitalised words and a colon. 0 when none.
func (s *sentence) speakerLabel() int {
	for i := 0; i < len(s.toks)-1 && i < 4; i++ {
		if t := s.toks[i]; !t.Cap && !t.Uncased || digitsOnly(t.Text) {
			return 0
		}
		if gap := s.text[s.toks[i].End:s.toks[i+1].Start]; strings.Contains(gap, ":") || strings.Contains(gap, "：") {
			return i + 1
		}
	}
	return 0
}

// inLabel reports a surname (a token's key) within the first label tokens.
func (s *sentence) inLabel(label int, key string) bool {
	for _, t := range s.toks[:label] {
		if t.Key == key {
			return true
		}
	}
	return false
}

// personsOf lists the sentence's persons, plus those named earlier in the
// article and referred to here by surname.
func (a *article) personsOf(s *sentence, typ event.Type) []event.Person {
	var out []event.Person
	seen := map[string]bool{}
	add := func(p people.Person) {
		key := surname(p.Name)
		if seen[key] {
			return
		}
		seen[key] = true
		full := a.persons[key]
		ep := event.Person{Name: full.Name, Role: cmp.Or(p.Role, full.Role), Country: cmp.Or(p.Country, full.Country)}
		if ep.Name == "" {
			ep.Name = p.Name
		}
		out = append(out, ep)
	}
	label := s.speakerLabel()
	for _, p := range s.persons {
		if p.End > label {
			add(p)
		}
	}
	if typ == event.Meeting || typ == event.Agreement {
		// "Diarra a déclaré…" in a talks sentence is a participant, and
		// "Kanu and Boamah signed" names a pact's signatories; in a
		// delivery or deployment sentence a surname is usually the speaker's
		for _, p := range a.named(s) {
			if !s.inLabel(label, surname(p.Name)) {
				add(p)
			}
		}
	}
	// a counterpart takes the role of the other person in the sentence
	for i := range out {
		if out[i].Role != "" {
			continue
		}
		for _, q := range out {
			if q.Role != "" && q.Country != out[i].Country {
				out[i].Role = q.Role
				break
			}
		}
	}
	return out
}
