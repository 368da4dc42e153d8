package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/dates"
	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/people"
	"pactwatch/internal/token"
)

// destination finds the place after a "visit to"/"arrived in" cue (a host),
// and otherwise a place after a locative preposition (where it happened),
// not in a clause that follows the act t ("ratified the agreement, which
// governs the soldiers' stay in Nanyuki").
func (a *article) destination(s *sentence, t *cue) (host, where *gazetteer.Mention) {
	for _, v := range s.cues[lexicon.Visit] {
		if v.value != "to" {
			continue
		}
		if m := s.placeBy(v, 4); m != nil && m.Kind != gazetteer.Demonym && (v.extra == "prev" || s.reach(v.end-1, m.Start, false)) {
			return m, nil // not "the day before he arrived, China handed over": a comma ends the visit's phrase
		}
	}
	for _, l := range s.cues[lexicon.Locative] {
		if m := s.placeBy(l, 2); m != nil && m.Kind != gazetteer.Demonym && m.Kind != gazetteer.Metonym && s.venue(t, l, m) {
			if m.Kind.IsPlace() || m.Kind == gazetteer.Name {
				return nil, m
			}
		}
	}
	for _, l := range s.cues[lexicon.Locative] {
		if m := s.placeAfterSite(s.places, l); m != nil && m.Kind.IsPlace() && !deploys(t) && s.siteVenue(t, l, m) {
			return nil, m // "at the Kigamboni Naval College, Dar es Salaam"
		}
		if m := s.placeBeforeSite(s.places, l); m != nil && m.Kind.IsPlace() && !deploys(t) && s.siteVenue(t, l, m) {
			return nil, m
		}
	}
	return nil, s.suffixPlace(s.places)
}

// deploys reports a deployment's word: the site a contingent leaves from
// ("the ceremony at Halim Air Base, Jakarta") is not where it deploys.
func deploys(t *cue) bool { return t != nil && t.value == string(event.Deployment) }

// siteWords is how many words a site's name may have before its town.
const siteWords = 8

// placeBeforeSite is the place that opens the name of a site a
// postposition ends: "아부다비 남쪽 알다프라 공군기지에서" (at the Al Dhafra
// air base south of Abu Dhabi), "Dakar limanında". The place is the last
// one before the postposition, a few words back, in its clause, with no
// other place, person or date between.
func (s *sentence) placeBeforeSite(ms []gazetteer.Mention, l cue) *gazetteer.Mention {
	if l.extra != "prev" {
		return nil
	}
	for i := len(ms) - 1; i >= 0; i-- {
		m := &ms[i]
		if m.Kind == gazetteer.Org || m.Kind == gazetteer.Demonym || m.Kind == gazetteer.Metonym || m.End > l.start {
			continue // "해군", the navy, names a state inside the site's name
		}
		if l.start-m.End > siteWords*s.scale || !s.reach(m.End-1, l.start, false) ||
			slices.ContainsFunc(ms[i+1:], func(n gazetteer.Mention) bool {
				return n.Start < l.start && (n.Kind.IsPlace() || n.Kind == gazetteer.Name)
			}) ||
			s.personOrDateIn(m.End, l.start) {
			return nil
		}
		return m
	}
	return nil
}

// placeAfterSite is the place that ends the name of a site a locative
// points at: "at the Kigamboni Naval College, Dar es Salaam", "à l'École
// des officiers de Thiès". The words between are a name (capitalised, or
// words that link a name's parts) or a phrase a site's noun opens ("en la
// base aérea de Aalborg"), with no other place, person or date.
func (s *sentence) placeAfterSite(ms []gazetteer.Mention, l cue) *gazetteer.Mention {
	if l.extra == "prev" || s.scale > 1 || l.end >= len(s.toks) {
		return nil
	}
	site := s.siteAfter(l)
	if !site && !s.toks[l.end].Cap && !s.linkWord(l.end) {
		return nil
	}
	for i := range ms {
		m := &ms[i]
		if m.Kind == gazetteer.Org || m.Start <= l.end || m.Start-l.end > siteWords {
			continue
		}
		name := s.wordsAre(l.end, m.Start, func(i int) bool { return (s.toks[i].Cap || s.linkWord(i)) && !s.inMention(i) })
		if site {
			// "en la base aérea de Skrydstrup": any words of the site's phrase
			name = s.wordsAre(l.end, m.Start, func(i int) bool { return !s.inPlace(i) }) && !s.personOrDateIn(l.end, m.Start)
		}
		if name && s.reach(l.end-1, m.Start, true) {
			return m
		}
		return nil
	}
	return nil
}

// personOrDateIn reports a person or a date lying within words [from, to):
// a site's name holds neither.
func (s *sentence) personOrDateIn(from, to int) bool {
	return slices.ContainsFunc(s.persons, func(p people.Person) bool { return p.Start >= from && p.End <= to }) ||
		slices.ContainsFunc(s.dates, func(d dates.Mention) bool { return d.Start >= from && d.End <= to })
}

// siteAfter reports a locative followed by a site's noun, after at most
// an article: "at the naval base", "en la base aérea".
func (s *sentence) siteAfter(l cue) bool {
	for _, c := range s.cues[lexicon.Site] {
		if c.start >= l.end && c.start-l.end <= 2 && s.onlyArticles(l.end, c.start) {
			return true
		}
	}
	return false
}

// townPlace is the town of the world list where the act t happened, when
// the sentence names no state's place for it: after a visit, locative or
// arrival cue ("a course in Gaeta"), or before a locative case ending
// ("Köstence'de").
func (s *sentence) townPlace(t *cue) *gazetteer.Mention {
	if len(s.towns) == 0 {
		return nil
	}
	for _, v := range s.cues[lexicon.Visit] {
		if v.value != "to" {
			continue
		}
		if m := s.mentionBy(s.towns, v, 4); m != nil {
			return m
		}
	}
	for _, l := range s.cues[lexicon.Locative] {
		if m := s.mentionBy(s.towns, l, 2); m != nil && s.venue(t, l, m) {
			return m
		}
	}
	for _, l := range s.cues[lexicon.Locative] {
		if m := s.placeAfterSite(s.towns, l); m != nil && !deploys(t) && s.siteVenue(t, l, m) {
			return m
		}
		if m := s.placeBeforeSite(s.towns, l); m != nil && !deploys(t) && s.siteVenue(t, l, m) {
			return m
		}
	}
	for _, v := range s.cues[lexicon.Arrival] {
		if m := s.mentionBy(s.towns, v, 2); m != nil && !s.fromPlace(m) {
			return m // "kiliwasili Garissa": where they arrived
		}
	}
	return s.suffixPlace(s.towns)
}

// venue reports whether the place m a locative l points at is where the
// act t happened.
func (s *sentence) venue(t *cue, l cue, m *gazetteer.Mention) bool {
	if l.extra != "prev" && s.actBetween(l.end, m.Start) {
		return false // "in talks with Serbia", "在会谈中称塞尔维亚": the locative governs the act, not the place
	}
	return s.siteVenue(t, l, m)
}

// siteVenue is venue for a place that ends a site's name, whose words may
// name an act ("the Joint Staff College, Accra").
func (s *sentence) siteVenue(t *cue, l cue, m *gazetteer.Mention) bool {
	switch {
	case t != nil && m.Start >= t.end && (!s.reach(t.end-1, m.Start, true) || s.endsClause(*t)):
		return false
	case t != nil && t.value == string(event.Agreement) && s.otherStageSpan(*t, m.Start, m.End):
		return false // "ratified the agreement signed in Rome": the signing's place
	case t != nil && t.value == string(event.Agreement) && m.Start >= t.end && s.domainBetween(t.end, l.start):
		return false // "a protocol on joint production of drones on Azerbaijan's territory": the content's place
	case s.seatBefore(l):
		return false // "the government in Phnom Penh suspended the drills": the state, not the place
	case s.fromPlace(m):
		return false // "flew in from New Delhi": where they came from
	case t != nil && s.otherActPlace(*t, *m):
		return false // "jets deployed in Romania, Bucharest ratifies the accord"
	case m.Kind == gazetteer.Name && s.nameGoesOn(*m):
		return false // "at Burma Camp in Accra": a site named after a state
	case s.isAside(*m):
		return false // "talks on the situation in Syria": the topic's place
	}
	return true
}

// actBetween reports a word of an act other than a site's ("the naval
// base", "Marinestützpunkt" name where things happen) in [from, to).
func (s *sentence) actBetween(from, to int) bool {
	return slices.ContainsFunc(s.cues[lexicon.Trigger], func(c cue) bool {
		return c.start >= from && c.start < to && c.value != string(event.Deployment)
	})
}

// suffixPlace is the place of ms that a locative case ending follows
// after an apostrophe: "Ankara'da".
func (s *sentence) suffixPlace(ms []gazetteer.Mention) *gazetteer.Mention {
	for _, l := range s.cues[lexicon.LocSuffix] {
		for i := range ms {
			m := &ms[i]
			if m.End == l.start && m.Kind != gazetteer.Demonym && m.Kind != gazetteer.Org &&
				strings.ContainsAny(s.text[s.toks[m.End-1].End:s.toks[l.start].Start], "'’") {
				return m
			}
		}
	}
	return nil
}

// domainBetween reports a domain cue in [from, to).
func (s *sentence) domainBetween(from, to int) bool {
	for _, c := range s.cues[lexicon.Domain] {
		if c.start >= from && c.end <= to {
			return true
		}
	}
	return false
}

// seatBefore reports a locative right after a government word: "the
// government in Phnom Penh", "die Regierung in Berlin".
func (s *sentence) seatBefore(l cue) bool {
	for _, c := range s.cues[lexicon.Seat] {
		if c.end == l.start && l.extra != "prev" {
			return true
		}
	}
	return false
}

// otherActPlace reports a place nearer the trigger of another act (not
// talks, which host what is signed during them) than the act's own, in
// that act's clause, which is not the act's own (an act's object is its
// topic: "trained soldiers in drills at Nanyuki").
func (s *sentence) otherActPlace(t cue, m gazetteer.Mention) bool {
	gap := func(c cue) int {
		if c.end <= m.Start {
			return m.Start - c.end
		}
		return c.start - m.End
	}
	mine := gap(t)
	for _, o := range s.cues[lexicon.Trigger] {
		if o.value == t.value || o.value == string(event.Meeting) || o.extra == "weak" || gap(o) < 0 || gap(o) >= mine {
			continue
		}
		if s.reach(min(o.end, m.End)-1, max(o.start, m.Start), false) && !s.reach(min(o.end, t.end)-1, max(o.start, t.start), false) {
			return true
		}
	}
	return false
}

// endsClause reports an act that ends its clause where the verb comes
// last: "会談し、" (held talks, and ...), the place named after it is the
// next clause's.
func (s *sentence) endsClause(t cue) bool {
	if !s.lx.HasTrait(lexicon.TraitVerbFinal) {
		return false
	}
	for i := t.end; i <= t.end+1 && i < len(s.bounds); i++ {
		if s.bounds[i] != noBound {
			return true
		}
	}
	return false
}

// indirectLocation reads places named through another word: "la capitale
// kényane", "بالعاصمة الكينية" (the state whose capital it is), "the French
// embassy" (the other state of the pair), and Arabic places glued to the
// preposition ب ("بنيروبي").
func (a *article) indirectLocation(s *sentence, countries []string) *event.Location {
	span := func(a, b int) string { return s.text[s.toks[a].Start:s.toks[b-1].End] }
	for _, c := range s.cues[lexicon.CapitalWord] {
		for i := range s.places {
			m := s.places[i]
			if m.Kind == gazetteer.Org || m.Kind.IsPlace() {
				continue
			}
			if m.Start >= c.end && m.Start-c.end <= 1 {
				return &event.Location{Name: span(c.start, m.End), Country: m.Code}
			}
			if m.End <= c.start && c.start-m.End <= 0 {
				return &event.Location{Name: span(m.Start, c.end), Country: m.Code}
			}
		}
	}
	for _, c := range s.cues[lexicon.Embassy] {
		for _, m := range s.places {
			if m.Kind == gazetteer.Org || m.Kind.IsPlace() || len(countries) != 2 || !slices.Contains(countries, m.Code) {
				continue
			}
			if abs(m.Start-c.end) <= 2 || abs(c.start-m.End) <= 1 {
				return &event.Location{Name: span(min(c.start, m.Start), max(c.end, m.End)), Country: other(countries, m.Code)}
			}
		}
	}
	for _, m := range s.places {
		if !m.Kind.IsPlace() {
			continue
		}
		// a conjunction glued before the preposition: "وبنيروبي"
		word := s.toks[m.Start].Text
		for _, c := range a.lx.Prefixes(lexicon.Conjunction) {
			word = strings.TrimPrefix(word, c)
		}
		for _, p := range a.lx.Prefixes(lexicon.Locative) {
			rest, ok := strings.CutPrefix(word, p)
			if !ok {
				continue
			}
			// "باريس" is Paris: the letter belongs to the name when the
			// word without it names nothing
			if whole := a.x.gaz.FindIn(token.Split(word), a.lx.Lang); len(whole) == 1 && whole[0].Code == m.Code && len(a.x.gaz.FindIn(token.Split(rest), a.lx.Lang)) == 0 {
				continue
			}
			return &event.Location{Name: s.mentionText(m), Country: m.Code}
		}
	}
	return nil
}

// fromPlace reports a place a "from" cue points at: where someone came
// from ("flew in from New Delhi"), never where the act happened.
func (s *sentence) fromPlace(m *gazetteer.Mention) bool {
	for _, v := range s.cues[lexicon.Visit] {
		if v.value == "from" && (s.placeBy(v, 2) == m || s.mentionBy(s.towns, v, 2) == m) {
			return true
		}
	}
	return false
}

// placeBy is the place a visit, locative or arrival cue points at: after
// it, within words, or, for a cue whose extra is "prev" (a postposition:
// "ナイロビで", "नैरोबी में", "서울을 방문"), right before it.
func (s *sentence) placeBy(c cue, within int) *gazetteer.Mention {
	return s.mentionBy(s.places, c, within)
}

// mentionBy is placeBy among the mentions ms.
func (s *sentence) mentionBy(ms []gazetteer.Mention, c cue, within int) *gazetteer.Mention {
	if c.extra != "prev" {
		return s.mentionAfter(ms, c.end, within)
	}
	for i := len(ms) - 1; i >= 0; i-- {
		m := &ms[i]
		if m.Kind != gazetteer.Org && m.End <= c.start && (c.start-m.End <= s.scale || s.oneWordBetween(m.End, c.start)) {
			return m
		}
	}
	return nil
}

// oneWordBetween reports tokens [from, to) that are one word of Hangul
// written after a space and glued to what follows: the place before a
// named site and its postposition ("부산 해양경찰교육원에서": at the academy
// in Busan).
func (s *sentence) oneWordBetween(from, to int) bool {
	if from >= to || to >= len(s.toks) || s.toks[from].Glued || !s.toks[to].Glued {
		return false
	}
	for i := from; i < to; i++ {
		if r, _ := utf8.DecodeRuneInString(s.toks[i].Text); !unicode.Is(unicode.Hangul, r) || (i > from && !s.toks[i].Glued) {
			return false
		}
	}
	return true
}

func (s *sentence) placeAfter(at, within int) *gazetteer.Mention {
	return s.mentionAfter(s.places, at, within)
}

// mentionAfter is the first of ms that starts within words after at, in
// its clause: not "in Subic; Canberra promises".
func (s *sentence) mentionAfter(ms []gazetteer.Mention, at, within int) *gazetteer.Mention {
	within *= s.scale
	for i := range ms {
		m := &ms[i]
		if m.Kind == gazetteer.Org {
			continue
		}
		if m.Start >= at && m.Start-at <= within && (at == 0 || s.reach(at-1, m.Start, true)) {
			return m
		}
	}
	return nil
}

// placeBetween reports a gazetteer mention starting in [from, to).
func (s *sentence) placeBetween(from, to int) bool {
	for _, m := range s.places {
		if m.Start >= from && m.Start < to {
			return true
		}
	}
	return false
}

// inPlace reports a word inside a city's or capital's name: "the day
// before the Cairo talks".
func (s *sentence) inPlace(i int) bool {
	return s.mentionAt(i, func(k gazetteer.Kind) bool { return k.IsPlace() })
}

// inMention reports a word inside a state's mention of any kind.
func (s *sentence) inMention(i int) bool {
	return s.mentionAt(i, func(k gazetteer.Kind) bool { return k != gazetteer.Org })
}

// mentionAt reports a word inside a mention whose kind is ok.
func (s *sentence) mentionAt(i int, ok func(gazetteer.Kind) bool) bool {
	for _, m := range s.places {
		if ok(m.Kind) && m.Start <= i && i < m.End {
			return true
		}
	}
	return false
}

// onlyLinks reports words [from, to) that tie a same-day cue to the act
// it counts from: articles, genitive words and a stage ("the day before
// the talks", "la veille des entretiens", "siku moja kabla ya kusainiwa kwa
// makubaliano"), at most three words; not a clause of its own ("the next
// day he held talks").
func (s *sentence) onlyLinks(from, to int) bool {
	return to-from <= 3*s.scale && s.wordsAre(from, to, func(i int) bool {
		return s.linkWord(i) || s.inCue(lexicon.Stage, i) || i > from && s.inCue(lexicon.Stage, i-1) || s.inPlace(i)
	})
}

// arrived reports a sentence that tells an arrival or a visit's span of
// days (Candidate.Arrived).
func (s *sentence) arrived() bool { return s.has(lexicon.Arrival) || s.has(lexicon.Range) }

// arrivedAt is where a sentence without an act of its own says someone
// went ("Robles arrived in the Mauritanian capital", "прибыл в Бамако"):
// the place after a visit or arrival word, the capital named through its
// state.
func (a *article) arrivedAt(s *sentence) *event.Location {
	if len(s.cues[lexicon.Visit]) == 0 && len(s.cues[lexicon.Arrival]) == 0 {
		return nil
	}
	host, where := a.destination(s, nil)
	if host != nil {
		return &event.Location{Name: s.mentionText(*host), Country: host.Code}
	}
	for _, v := range s.cues[lexicon.Arrival] {
		if where != nil && where.Start >= v.end && where.Kind.IsPlace() && s.reach(v.end-1, where.Start, true) {
			// "the launchers sailed in on Thursday to the naval base at Subic"
			return &event.Location{Name: s.mentionText(*where), Country: where.Code}
		}
	}
	for _, v := range s.cues[lexicon.Arrival] {
		if m := s.placeBy(v, 2); m != nil && m.Kind != gazetteer.Demonym {
			return &event.Location{Name: s.mentionText(*m), Country: m.Code}
		}
	}
	for _, v := range s.cues[lexicon.Visit] {
		if v.value != "to" {
			continue
		}
		for _, c := range s.cues[lexicon.CapitalWord] {
			if c.start >= v.end && c.start-v.end <= 2 {
				return a.indirectLocation(s, nil)
			}
		}
	}
	return nil
}

// openSea reports a sentence that names the open sea, in no state's
// waters: "on the high seas", "in international waters", "公海上で".
func (s *sentence) openSea() bool {
	return slices.ContainsFunc(s.waters, func(w token.Match[lexicon.Entry]) bool { return w.Vals[0].Value == "open" })
}
