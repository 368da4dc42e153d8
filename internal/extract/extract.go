package extract

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/dates"
	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/page"
	"pactwatch/internal/people"
	"pactwatch/internal/segment"
	"pactwatch/internal/source"
	"pactwatch/internal/token"
)

// Candidate is one event reported by one sentence, before merging.
type Candidate struct {
	Event     event.Event
	Sentence  int  // index of the sentence in the page
	PlaceLoc  bool // the location is a place inside a state, not the state
	Attach    bool // carries only domains and evidence for an existing event
	Inferred  bool // one of the states came from "the two countries" or context
	Weak      bool // made from an activity noun, not an act
	DateGuess bool // the date was inferred without a year in the text
	History   bool // dated over a year before publication: recalled, not news
	Planned   bool // a future governs the act: it lends and borrows no date or place
	// Standing is a stage-less agreement that may stand for a framework in
	// force when the page records it nowhere else: named now (not
	// recalled, planned, supposed or a framework of another act) and on
	// the states the page is about.
	Standing bool
	// Welcome is a meeting told by a reception verb ("were welcomed on
	// the tarmac by the prime minister"): after an arrival it attends it.
	Welcome bool
	// AfterTalks is an act dated by "after the talks": it takes the day of
	// the talks reported before it on the same states.
	AfterTalks bool
	// SameDay is an act told as on the day of what came before ("after the
	// ceremony") that no sentence just before dates: it takes the day of
	// the act reported last before it on the same states.
	SameDay bool
	// Arrived is an act told with an arrival or a visit's span of days
	// ("arrived in Moscow on Tuesday", "visit from 10 to 12 March"): the
	// talks told after it may fall on a later day.
	Arrived bool
	// DayShift is the days a same-day cue counts from the day told before:
	// -1 for "the day before", 1 for "the next day", else 0.
	DayShift int
	// Dateline is the city the report was filed from, when it lies in one
	// of the event's states: the place when no sentence gives another.
	Dateline *event.Location
}

// Extractor turns pages into candidate events.
type Extractor struct {
	gaz   *gazetteer.Gazetteer
	lex   *lexicon.Set
	today time.Time
}

// New returns an Extractor; today bounds date guesses (the weekday rule).
func New(gaz *gazetteer.Gazetteer, lex *lexicon.Set, today time.Time) *Extractor {
	return &Extractor{gaz: gaz, lex: lex, today: today}
}

// Reading is what the extractor read in one page.
type Reading struct {
	Candidates []Candidate
	// Spans maps each evidence sentence (as it appears in Event.Evidence)
	// to where it first stands in the page's Text().
	Spans map[string]event.Span
}

// Trace reads a cleaned page whose language is set, and decides the page's
// publication date when the page holds none (see published). When w is not
// nil it also writes what it read in each sentence: for people tuning
// lexicons.
func (x *Extractor) Trace(p *page.Page, w io.Writer) Reading {
	lx := x.lex.Get(p.Lang)
	if lx == nil {
		return Reading{}
	}
	pf := people.New(lx)
	var sents []*sentence
	spans := map[string]event.Span{}
	starts := p.BlockStarts()
	for bi := range p.Blocks {
		b := &p.Blocks[bi]
		for _, ss := range segment.Split(b.Text, bi, lx.Abbrevs, func(k string) bool { return lx.Is(lexicon.Month, k) }) {
			s := &sentence{index: len(sents), text: ss.Text, block: bi, toks: b.Words(ss.Start, ss.Start+len(ss.Text))}
			x.annotate(s, lx, pf)
			sents = append(sents, s)
			if ev := normSpace(ss.Text); spans[ev] == (event.Span{}) {
				at := starts[bi] + ss.Start
				spans[ev] = event.Span{Start: at, End: at + len(ss.Text)}
			}
		}
	}
	a := x.analyse(sents, p)
	var out []Candidate
	if w != nil {
		fmt.Fprintf(w, "## %s lang=%s pair=%v published=%s (%s)\n", p.Name, p.Lang, a.pair, a.resolver.Published().Format("2006-01-02"), p.From)
	}
	for _, s := range sents {
		cs := a.candidates(s)
		if w != nil {
			a.trace(w, s, cs)
		}
		out = append(out, cs...)
	}
	return Reading{Candidates: out, Spans: spans}
}

func (a *article) trace(w io.Writer, s *sentence, cs []Candidate) {
	fmt.Fprintf(w, "[%d] %s\n", s.index, s.text)
	for _, m := range s.places {
		fmt.Fprintf(w, "    place %s %s %q\n", m.Kind, m.Code, s.mentionText(m))
	}
	for _, k := range append(append([]lexicon.Kind{}, cueKinds...), judgeKinds...) {
		for _, c := range s.cues[k] {
			fmt.Fprintf(w, "    %s %s %q %s\n", k, c.value, s.text[s.toks[c.start].Start:s.toks[c.end-1].End], c.extra)
		}
	}
	for _, d := range s.dates {
		fmt.Fprintf(w, "    date %+v → %q\n", d, a.resolver.Resolve(d))
	}
	for _, p := range s.persons {
		fmt.Fprintf(w, "    person %q role=%s country=%s counterpart=%v\n", p.Name, p.Role, p.Country, p.Counterpart)
	}
	for _, c := range cs {
		fmt.Fprintf(w, "    => %s %v init=%s date=%s attach=%v stage=%v\n", c.Event.Type, c.Event.Countries, c.Event.Initiator, c.Event.Date, c.Attach, c.Event.Agreement)
	}
}

// article holds what the whole page says, used to read each sentence.
type article struct {
	x     *Extractor
	lx    *lexicon.Lexicon // the page's language
	sents []*sentence
	pair  []string // the two states the article is most about
	// acted holds the state pairs (pairKey) of the acts read so far
	// with both states named
	acted    map[string]bool
	secure   int // sentences that speak of defence or security
	persons  map[string]people.Person
	resolver *dates.Resolver
	dateline *event.Location // the city the report opens with
}

func (x *Extractor) analyse(sents []*sentence, p *page.Page) *article {
	a := &article{x: x, lx: x.lex.Get(p.Lang), sents: sents, persons: map[string]people.Person{}, dateline: findDateline(sents), acted: map[string]bool{}}
	count := map[string]float64{}
	first := map[string]int{}
	var all []dates.Mention
	// persons: keep the fullest name per surname, with what we know of them
	for _, s := range sents {
		for i, p := range s.persons {
			key := surname(p.Name)
			old, ok := a.persons[key]
			if !ok || len(p.Name) > len(old.Name) {
				if ok {
					p.Role = cmp.Or(p.Role, old.Role)
					p.Country = cmp.Or(p.Country, old.Country)
				}
				a.persons[key] = p
			} else {
				old.Role = cmp.Or(old.Role, p.Role)
				old.Country = cmp.Or(old.Country, p.Country)
				a.persons[key] = old
			}
			s.persons[i].Name = a.persons[key].Name
		}
	}
	for _, s := range sents {
		if s.scale > 1 {
			s.places = a.dropSurnames(s)
		}
	}
	for _, s := range sents {
		if s.secure() {
			a.secure++
		}
		for _, m := range s.places {
			if m.Kind == gazetteer.Org {
				continue
			}
			w := 1.0
			if s.index < 3 {
				w = 1.5 // headline and lead
			}
			count[m.Code] += w
			if _, ok := first[m.Code]; !ok {
				first[m.Code] = s.index
			}
		}
		all = append(all, s.dates...)
	}
	// persons count for their state
	for _, p := range a.persons {
		if p.Country != "" {
			count[p.Country] += 0.5
		}
	}
	codes := make([]string, 0, len(count))
	for c := range count {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if count[codes[i]] != count[codes[j]] {
			return count[codes[i]] > count[codes[j]]
		}
		if first[codes[i]] != first[codes[j]] {
			return first[codes[i]] < first[codes[j]]
		}
		return codes[i] < codes[j] // deterministic, whatever the map order
	})
	if len(codes) >= 2 && count[codes[1]] >= 1.5 {
		a.pair = []string{codes[0], codes[1]}
	}
	a.resolver = dates.NewResolver(all, published(p, sents, x.lex.Get(p.Lang)), x.today)
	if p.Published.IsZero() && !a.resolver.Published().IsZero() {
		p.Published, p.From = a.resolver.Published(), source.OriginEstimated
	}
	return a
}

// published decides the page's publication date, the one place that does:
// the page's own metadata (set by its source or its HTML), else a dateline
// at the top of the text, else the date the user gave for pages that state
// none. It records the choice in the page. When all are missing, the date
// resolver estimates one from the latest full date the text states.
func published(p *page.Page, sents []*sentence, lx *lexicon.Lexicon) time.Time {
	if !p.Published.IsZero() {
		return p.Published
	}
	if t := dateline(sents); !t.IsZero() {
		p.Published, p.From = t, source.OriginDateline
	} else if t := pubLine(p, lx); !t.IsZero() {
		p.Published, p.From = t, source.OriginDateline
	} else if !p.Fallback.IsZero() {
		p.Published, p.From = p.Fallback, source.OriginFlag
	}
	return p.Published
}

// pubLineScan is how much of a page's source pubLine reads.
const pubLineScan = 64 << 10

// pubLine reads the publication date from a line of the page's source that
// the furniture filter removes before extraction ("Publié le 12 mars 2025
// à 10h", "Published on May 8, 2025 | Updated ..."): the first full date
// right after a publication word (an update's date only when no line says
// when the page was published). Markup is dropped line by line.
func pubLine(p *page.Page, lx *lexicon.Lexicon) time.Time {
	if lx == nil {
		return time.Time{}
	}
	src := p.Source[:min(len(p.Source), pubLineScan)]
	if p.HTML {
		src = stripTags(src)
	}
	var updated, bare time.Time
	for _, line := range strings.Split(src, "\n") {
		if len(line) > 300 || !strings.ContainsAny(line, "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९０１２３４５６７８９") {
			continue // a full date has a day and a year written in figures
		}
		toks := token.Split(line)
		if bare.IsZero() {
			bare = bareDate(toks, line, lx)
		}
		for i := range toks {
			cues := lx.At(toks, i, lexicon.PubLine)
			if len(cues) == 0 {
				continue
			}
			for _, m := range dates.Find(toks, line, lx) {
				if m.Start >= cues[0].End && m.Start-cues[0].End <= 3 && m.Year > 0 && m.Month > 0 && m.Day > 0 {
					t := time.Date(m.Year, time.Month(m.Month), m.Day, 0, 0, 0, 0, time.UTC)
					if cues[0].Vals[0].Value != "updated" {
						return t
					}
					if updated.IsZero() {
						updated = t // an update date only when no line says when it was published
					}
				}
			}
		}
	}
	if updated.IsZero() {
		return bare
	}
	return updated
}

// bareDate reads a line that holds a full date and nothing else but its
// time ("2026/07/15 06:02", "14.05.2025 | 08:12"): a site's publication
// stamp, which needs no publication word.
func bareDate(toks []token.Token, line string, lx *lexicon.Lexicon) time.Time {
	ms := dates.Find(toks, line, lx)
	if len(ms) != 1 || ms[0].Year == 0 || ms[0].Month == 0 || ms[0].Day == 0 {
		return time.Time{}
	}
	for i, t := range toks {
		if i >= ms[0].Start && i < ms[0].End {
			continue
		}
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				return time.Time{}
			}
		}
	}
	m := ms[0]
	return time.Date(m.Year, time.Month(m.Month), m.Day, 0, 0, 0, 0, time.UTC)
}

// stripTags turns markup into line breaks, keeping the text between tags.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
			b.WriteByte('\n')
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dateline finds the publication date a page states at its top: a full
// date on a short line among the first ten ("Posted by Desk | August 6,
// 2024") or opening the lead among the first five ("NIAMEY, 6 August 2024
// – ...").
func dateline(sents []*sentence) time.Time {
	for i, s := range sents {
		if i >= 10 {
			break
		}
		for _, m := range s.dates {
			if m.Year == 0 || m.Month == 0 || m.Day == 0 {
				continue
			}
			// below the first five lines (site menus kept as text), only a
			// short line: "Madrid | 14/05/2025 - 08:12 h"
			if len(s.text) < 100 || (m.Start <= 3 && i < 5) {
				return time.Date(m.Year, time.Month(m.Month), m.Day, 0, 0, 0, 0, time.UTC)
			}
		}
	}
	return time.Time{}
}

// sentenceStates returns the states a sentence involves, with whether any
// was inferred rather than named.
func (a *article) sentenceStates(s *sentence) (states []string, inferred bool) {
	states = s.states()
	if aside := s.asideOnly(); len(aside) > 0 {
		states = slices.DeleteFunc(states, func(c string) bool { return aside[c] }) // "the border with Iran"
	}
	// a person the sentence names whose state is known (an office-holder,
	// "the Portuguese minister X") brings it to a sentence that names one
	// state: "Nuno Melo presided over the handover of two boats to the
	// navy of Mozambique"
	if len(states) == 1 && !strings.ContainsAny(s.text, "\"«»“”„") {
		for _, p := range s.persons {
			if p.Country != "" && !slices.Contains(states, p.Country) {
				states = append(states, p.Country)
			}
		}
	}
	// persons known from elsewhere in the article bring their state
	for _, p := range a.named(s) {
		if p.Country != "" && !slices.Contains(states, p.Country) {
			states = append(states, p.Country)
			inferred = true
		}
	}
	if pair := a.topicPair(s); pair != nil && len(states) < 2 && (s.has(lexicon.Pair) || s.has(lexicon.Counterpart)) {
		for _, c := range pair {
			if !slices.Contains(states, c) {
				states = append(states, c)
				inferred = true
			}
		}
	}
	return states, inferred
}

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
	s.named = &out
	return out
}

// topicPair is the pair "the two countries" or an act without states in s
// refers to: the two states a sentence just before, in the same paragraph,
// names; else the two the article is most about.
func (a *article) topicPair(s *sentence) []string {
	for j := s.index - 1; j >= 0 && j >= s.index-3; j-- {
		p := a.sents[j]
		if p.block != s.block {
			break
		}
		st := p.states()
		if aside := p.asideOnly(); len(aside) > 0 {
			st = slices.DeleteFunc(st, func(c string) bool { return aside[c] })
		}
		if len(st) == 2 {
			return st
		}
		if len(st) > 2 {
			break
		}
	}
	return a.pair
}

// candidates turns a sentence's triggers into candidate events.
func (a *article) candidates(s *sentence) []Candidate {
	triggers := s.cues[lexicon.Trigger]
	if len(triggers) == 0 {
		if c := a.attachment(s); len(c.Event.Domains) > 0 || len(c.Event.Persons) > 0 || c.Event.Date != "" || c.Event.Location != nil {
			return []Candidate{c}
		}
		return nil
	}
	if a.isBackground(s) {
		return nil
	}
	acts, provided := a.acts(s, triggers)
	if len(acts) == 0 {
		if provided {
			return []Candidate{a.attachment(s)} // what the agreement covers
		}
		return nil // a request's or a threat's topics are not the event's
	}
	strong := false
	for _, t := range acts {
		if t.extra != "weak" && !(t.value == string(event.Agreement) && s.framed(t)) {
			strong = true // a framework named in passing is no act: "under a cooperation programme"
		}
	}
	primary := s.primaryType(acts, strong)
	states, inferred := a.sentenceStates(s)
	var out []Candidate
	seen := map[string]bool{}
	for _, t := range acts {
		typ := event.Type(t.value)
		weak := t.extra == "weak"
		if weak && strong && !s.companion(primary, typ, t, strong) {
			continue // the activity is a topic of the stronger act
		}
		reference := typ == event.Agreement && agreementStage(s, t) == ""
		if typ != primary && !(typ == event.Agreement && primary == event.Rupture) && !reference && !s.companion(primary, typ, t, strong) {
			continue // one happening per sentence: its main act
		}
		if typ == event.Meeting && s.modalBefore(t) {
			continue // a visit that is planned has not happened
		}
		if typ == event.Meeting && !weak && s.within(lexicon.Host, t) && !s.guests(t) {
			continue // "after receiving information": a host receives people
		}
		if typ == event.Exercise && s.hasTrigger(event.Training) {
			continue // "trained soldiers in drills": the drills are the training
		}
		if typ == event.Deployment && weak && (s.namesTrigger(event.Exercise) || s.namesTrigger(event.Training)) {
			continue // "some 50 soldiers of each side took part in the drill": its players
		}
		if typ != event.Meeting && typ != event.Agreement && typ != event.Exercise && s.orgActs(t) {
			continue // "UN troops withdrew": the body acts, not a state
		}
		st := states
		inf := inferred
		if len(st) == 0 && a.pair != nil && !weak && !s.heading() && (typ != event.Meeting || s.secure() || len(s.persons) > 0) {
			st, inf = a.topicPair(s), true // "an agreement in its final phases", in a page about two states
			if !a.acted[pairKey(st)] {
				st = nil // a page that told no act between two states lends them none
			}
		}
		if len(st) == 1 && a.pair != nil && slices.Contains(a.pair, st[0]) && (typ == event.Agreement || typ == event.Meeting) {
			st = append(append([]string{}, st...), other(a.pair, st[0]))
			inf = true
		}
		if len(st) < 2 || (weak && inf && !s.has(lexicon.Pair) && !s.has(lexicon.Counterpart)) {
			continue // an activity noun alone needs both states named
		}
		if weak && s.placesOnly(st) {
			continue // "the arms were bought in Paraguay for gangs in Rio": no state acts
		}
		if weak && !s.secure() && a.secure < 2 {
			continue // "supplies of grain": an activity noun needs a security context
		}
		if weak && typ == event.Rupture && !s.ruptureHasObject() {
			continue // "the flag was lowered": a leaving verb needs what is left or ended
		}
		if weak && typ == event.Arms && s.has(lexicon.Hostile) {
			continue // "a missile attack": war, not a delivery
		}
		pairs := [][]string{st}
		if co := s.coActors(t, st); co != nil && typ == event.Intelligence && len(co) == 2 {
			pairs[0] = []string{co[0][0], co[1][0]} // "Australia and the Philippines will pool surveillance data as both watch China": they share
		} else if co != nil && typ != event.Exercise && typ != event.Agreement {
			pairs = co // "the Netherlands and Switzerland suspended aid to Pakistan"
		} else if typ != event.Exercise || inf {
			pairs[0] = a.choosePair(s, st, t) // exercises are often multilateral
		}
		for _, st := range pairs {
			if !a.aboutSecurity(s, typ, st) {
				continue // a trade deal, a football match, a state visit about tea
			}
			if len(st) == 2 && bilateral(typ) && s.listed(st[0], st[1]) {
				continue // "troops from South Africa, Malawi and Tanzania": a list, not two sides
			}
			if a.sideline(s, t, st) {
				continue // "New Delhi also holds annual exercises with Kazakhstan and Kyrgyzstan"
			}
			if typ == event.Agreement && s.hasTrigger(event.Rupture) {
				continue // the rupture carries the agreement
			}
			c := a.build(s, typ, t, st)
			c.Inferred, c.Weak = inf, weak
			c.Welcome = typ == event.Meeting && s.within(lexicon.Host, t)
			if typ == event.Agreement {
				stage := agreementStage(s, t)
				switch {
				case stage == "":
					c.Attach = true
					c.Standing = a.standing(s, t, st)
				case stage == event.Suspended || stage == event.Terminated:
					c.Event.Type = event.Rupture
					c.Event.Initiator = a.giver(s, t, st)
				}
				c.Event.Agreement = &event.AgreementInfo{Kind: agreementKind(s, t), Stage: stage}
			}
			if typ == event.Rupture && c.Event.Initiator == "" && !s.hasTrigger(event.Agreement) && !s.withdrawal() {
				c.Event.Initiator = a.giver(s, t, st) // the side that suspends aid, cuts ties
			}
			if typ == event.Rupture && s.withdrawal() && !s.hasTrigger(event.Agreement) {
				// forces leaving: who ended the stay (the host that asked
				// them to go, or the state that recalled them) is rarely
				// told in the same clause
				c.Event.Initiator = ""
			}
			if typ == event.Rupture && s.hasTrigger(event.Agreement) {
				c.Event.Initiator = a.giver(s, t, st) // the side that ends the pact
				stage := agreementStage(s, s.firstTrigger(event.Agreement))
				if stage != event.Suspended {
					stage = event.Terminated
				}
				c.Event.Agreement = &event.AgreementInfo{Kind: agreementKind(s, s.firstTrigger(event.Agreement)), Stage: stage}
			}
			k := string(c.Event.Type) + c.Event.Date
			if len(pairs) > 1 {
				k += strings.Join(c.Event.Countries, ",")
			}
			if seen[k] || (len(pairs) == 1 && seen[string(c.Event.Type)] && c.Event.Date == "") {
				continue // one event per type per sentence unless dated apart
			}
			seen[k] = true
			seen[string(c.Event.Type)] = true
			if !inf {
				a.acted[pairKey(c.Event.Countries)] = true
			}
			c.Event.Confidence = confidence(c, s)
			c.History = isHistory(c.Event.Date, a.resolver.Published())
			if c.History && typ != event.Agreement {
				// a recalled visit, delivery or withdrawal is background, not
				// news (optional in gold at best); a recalled agreement is a
				// stage of the pact's history, kept with its own date
				continue
			}
			c.Planned = s.modalNear(t) || s.plannedBefore(t) // "will hold joint exercises"
			if c.Planned && typ != event.Agreement && typ != event.Aid && typ != event.Rupture {
				// a planned activity or delivery has not happened; an
				// agreement's intent is its proposed stage, and a pledge of
				// aid or a withdrawal announced is the decision itself
				continue
			}
			if a.dateline != nil && slices.Contains(c.Event.Countries, a.dateline.Country) {
				c.Dateline = a.dateline
			}
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		// acts that make no event here (no second state, not about
		// security) still name who took part in the one just reported,
		// and when ("on Wednesday a freighter with 18 tanks docked"), and
		// tell an act between their states ("the president of
		// Azerbaijan arrived on a visit to Ankara")
		c := Candidate{Sentence: s.index, Attach: true, Event: event.Event{Persons: a.personsOf(s, ""), Countries: s.states(), Date: a.sentenceDate(s), Location: a.arrivedAt(s)},
			Arrived: s.arrived()}
		if len(c.Event.Persons) == 0 && c.Event.Date == "" {
			return nil
		}
		if st := s.states(); len(st) >= 2 && len(s.persons) > 0 {
			a.acted[pairKey(st)] = true
		}
		return []Candidate{c}
	}
	return out
}

// pairKey names a set of states whatever their order.
func pairKey(st []string) string {
	return strings.Join(slices.Sorted(slices.Values(st)), ",")
}

// ruptureHasObject reports what rupture verb t ends: a cooperation act in
// the sentence ("cut military aid", "the troops withdrew", "the agreement
// was suspended"), or an armed service ("Russian border guards are leaving
// Armenia"). Verbs too common to stand without their object right after
// them ("cut", "reduced") are kind "verb" and need it (retype).
func (s *sentence) ruptureHasObject() bool {
	if s.has(lexicon.Service) {
		return true
	}
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value != string(event.Rupture) && c.value != string(event.Meeting) {
			return true // "the withdrawal of the force ... (MINUSCA), ending a military presence"
		}
	}
	return false
}

// nameGoesOn reports a state's name that a capitalised word continues
// into a longer name ("Burma Camp", "Mali Road"), in a script with capitals
// and a sentence not in title case: the name of a site, not the state.
func (s *sentence) nameGoesOn(m gazetteer.Mention) bool {
	if m.End >= len(s.toks) || s.toks[m.End].Uncased || !s.toks[m.End].Cap || token.Headline(s.text, s.toks) {
		return false
	}
	if s.inDate(m.End, m.End+1) || strings.TrimSpace(s.text[s.toks[m.End-1].End:s.toks[m.End].Start]) != "" {
		return false // "in Ghana Tuesday", "in Kenya, President …"
	}
	for _, p := range s.places {
		if p.Start == m.End {
			return false
		}
	}
	for _, p := range s.persons {
		if p.Start == m.End {
			return false
		}
	}
	return true
}

// withdrawal reports a rupture of a presence: forces leaving, and no aid,
// training, exercise, delivery or intelligence that ends.
func (s *sentence) withdrawal() bool {
	forces := s.has(lexicon.Service)
	for _, c := range s.cues[lexicon.Trigger] {
		switch event.Type(c.value) {
		case event.Aid, event.Training, event.Exercise, event.Arms, event.Intelligence:
			return false
		case event.Deployment:
			forces = true
		}
	}
	return forces || s.has(lexicon.Departure)
}

// baseAsPlace reports a deployment word named as where another act
// happened: right after a locative ("at the naval base", "auf dem
// Marinestützpunkt"), with an act of another type in the sentence.
func (s *sentence) baseAsPlace(t cue) bool {
	after, right, postposed := false, false, false
	for _, l := range s.cues[lexicon.Locative] {
		if l.end <= t.start && t.start-l.end <= 2*s.scale && l.extra != "prev" {
			after = true
			right = right || s.onlyArticles(l.end, t.start)
		}
		if l.extra == "prev" && l.start == t.end {
			after, right, postposed = true, true, true // a postposition right after it: "카야오 해군기지에서 열렸다"
		}
	}
	if !after {
		return false
	}
	forces := false
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value != string(event.Deployment) && c.value != string(event.Meeting) {
			return true
		}
		if c.value == string(event.Deployment) && c.start != t.start {
			forces = true
		}
	}
	// "the ceremony took place at the naval base of Locodjro": a base (a
	// strong trigger; force nouns are weak) right after a locative and its
	// article, with no force or stationing word beside it, is a place
	return right && !forces && (t.extra != "weak" || postposed)
}

// courseAfter reports a training or exercise trigger written right after
// t, which t then qualifies: "a peacekeeping course", "शांति सेना पाठ्यक्रम".
func (s *sentence) courseAfter(t cue) bool {
	for _, c := range s.cues[lexicon.Trigger] {
		if c.start == t.end && (c.value == string(event.Training) || c.value == string(event.Exercise)) {
			return true
		}
	}
	return false
}

// onlyArticles reports words [from, to) that are all articles.
func (s *sentence) onlyArticles(from, to int) bool {
	return s.wordsAre(from, to, func(i int) bool { return s.lx.Is(lexicon.Article, s.toks[i].Key) })
}

// wordsAre reports whether every word i in [from, to) satisfies ok.
func (s *sentence) wordsAre(from, to int, ok func(i int) bool) bool {
	for i := from; i < to; i++ {
		if !ok(i) {
			return false
		}
	}
	return true
}

// linkWord reports a word that ties a noun to what it belongs to: an
// article or a genitive word ("of the", "de la", "wa").
func (s *sentence) linkWord(i int) bool {
	k := s.toks[i].Key
	return s.lx.Is(lexicon.Article, k) || s.lx.Is(lexicon.Genitive, k)
}

// asSite reports a place named right after a locative: where, not who.
func (s *sentence) asSite(m gazetteer.Mention) bool { return s.siteStarts()[m.Start] }

// guests reports someone received by host verb t: a person, a role or a
// counterpart named in the sentence, another meeting word ("received the
// delegation"), or a state named as the one received.
func (s *sentence) guests(t cue) bool {
	if len(s.persons) > 0 || s.has(lexicon.Counterpart) || len(s.lx.Find(s.toks, lexicon.Role)) > 0 {
		return true // "hosted the head of Ethiopia's intelligence service"
	}
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value == string(event.Meeting) && c.start != t.start {
			return true
		}
	}
	for _, m := range s.places {
		if m.Start >= t.end && m.Start-t.end <= 4*s.scale {
			return true
		}
	}
	return false
}

// standing reports a stage-less agreement mention that may stand for a
// framework in force: not a framework named for another act ("under the
// bilateral cooperation programme"), not governed by a mood or a future
// ("a treaty that Paris and Berlin could sign"), not dated long before the
// publication ("in 1954 the Assembly refused the treaty"), and between
// the states the page is about, not two states it names in passing
// ("the agreement comes as Beijing and New Delhi compete").
func (a *article) standing(s *sentence, t cue, st []string) bool {
	if s.framed(t) || s.unreal(t) || s.modalNear(t) {
		return false
	}
	for _, c := range s.cues[lexicon.Stage] {
		if s.stageUnreal(c) {
			return false // "could be signed": the stage is supposed, not told
		}
	}
	for _, k := range []lexicon.Kind{lexicon.Hypothetical, lexicon.Condition, lexicon.Request, lexicon.Demand, lexicon.Threat, lexicon.Refusal} {
		if s.has(k) {
			return false // "a new treaty, which Paris and Berlin could sign"
		}
	}
	if d, _ := a.dateFor(s, t); isHistory(d, a.resolver.Published()) {
		return false
	}
	if a.pair != nil {
		for _, c := range st {
			if !slices.Contains(a.pair, c) {
				return false
			}
		}
	}
	return true
}

// sideline reports an act undated or recalled from over a year back
// between one of the page's two states and others only: on a page about an exercise of India and Uzbekistan,
// "New Delhi also holds exercises with Kazakhstan and Kyrgyzstan" is the
// partner's other ties told in passing, not news.
func (a *article) sideline(s *sentence, t cue, st []string) bool {
	if a.pair == nil || !a.pairTold(s) {
		return false // a one-sentence text has no page pair to stand beside
	}
	if d, _ := a.dateFor(s, t); d != "" && !isHistory(d, a.resolver.Published()) {
		return false // "held an exercise with Kazakhstan on 3 March": news of its own
	}
	if s.has(lexicon.SameDay) {
		return false // "the same day, Russian instructors closed a course in Burkina Faso": dated by the news told before
	}
	in := 0
	for _, c := range st {
		if slices.Contains(a.pair, c) {
			in++
		}
	}
	return in == 1
}

// pairTold reports a sentence other than s that names both of the page's
// states: the page is about them, whatever s says.
func (a *article) pairTold(s *sentence) bool {
	for _, o := range a.sents {
		if o == s {
			continue
		}
		st := o.states()
		if slices.Contains(st, a.pair[0]) && slices.Contains(st, a.pair[1]) {
			return true
		}
	}
	return false
}

// acts keeps the triggers that report acts: not what an agreement provides
// for (provided is then true), not arms or troops in a fight, not a
// programme named as the framework of the act, not an act
// denied, asked for, demanded, threatened, refused, supposed or under a
// condition. An agreement whose trigger is governed so still counts when a
// stage cue outside the mood says where it stands ("under negotiation and
// could be initialled next year").
func (a *article) acts(s *sentence, triggers []cue) (acts []cue, provided bool) {
	stages, real := len(s.cues[lexicon.Stage]), 0
	for _, c := range s.cues[lexicon.Stage] {
		if !s.stageUnreal(c) {
			real++
		}
	}
	unrealAct := false // a strong act denied, supposed or asked for
	for _, t := range triggers {
		switch {
		case s.dayReference(t):
			// "the day before the signing of the agreement, China handed
			// over 40 vehicles": the signing is what the day counts from
		case a.provided(s, t):
			provided = true
		case s.fighting(t):
		case t.value == string(event.Deployment) && s.baseAsPlace(t):
			// "on the naval base he handed over two minehunters": where, not what
		case t.value == string(event.Deployment) && s.courseAfter(t):
			// "शांति सेना पाठ्यक्रम", a peacekeeping course: the course's subject
		case t.value != string(event.Agreement) && s.framed(t):
			// "delivered vehicles under its military aid programme"
		case t.value == string(event.Agreement) && stages > 0 && real == 0:
			// "did not sign the agreement", "could sign an accord"
			unrealAct = true
		case s.unreal(t) && !(t.value == string(event.Agreement) && real > 0):
			unrealAct = unrealAct || t.extra != "weak"
		default:
			acts = append(acts, t)
		}
	}
	if unrealAct {
		// "did not rule out that the two sign an agreement to build drones":
		// the activity nouns are the unreal act's topic
		acts = slices.DeleteFunc(acts, func(t cue) bool { return t.extra == "weak" })
	}
	return acts, provided
}

// companion reports a second act a sentence reports beside its main
// agreement (capability 1 of issue 6): the visit it was signed during (see
// occasion), an act told in a clause of its own (see ownClause), or the
// arms the agreement buys, named right after the agreement
// noun in its clause ("a contract to acquire 24 aircraft", "un accord pour
// l'acquisition de radars") or right before it ("helikopter satın alma
// anlaşması"). Arms an agreement will provide ("an accord
// under which China will fund drones") stay its content, and an activity
// noun counts only in a security sentence.
func (s *sentence) companion(primary, typ event.Type, t cue, strong bool) bool {
	if primary == event.Meeting && typ == event.Arms && t.extra == "weak" && !s.within(lexicon.Equipment, t) && !s.has(lexicon.Provision) && !s.modalNear(t) && s.apartFrom(t, event.Meeting) {
		return true // "the day before the talks, the ambassador handed over 24 vehicles": the handing over is told, not discussed
	}
	if primary != event.Agreement || !strong {
		return false
	}
	if typ == event.Meeting {
		return s.occasion(t)
	}
	if t.extra != "weak" && s.ownClause(t) {
		return true // "sign defence pact, hold joint drills"
	}
	if typ != event.Arms || s.has(lexicon.Hostile) {
		return false
	}
	if t.extra == "weak" && !s.secure() {
		return false
	}
	for _, g := range s.cues[lexicon.Trigger] {
		after := g.end <= t.start && t.start-g.end <= companionReach   // "a deal to acquire 24 aircraft"
		before := t.end <= g.start && g.start-t.end <= companionBefore // "helikopter satın alma anlaşması"
		if g.value != string(event.Agreement) || !(after || before) {
			continue
		}
		if st := agreementStage(s, g); st == "" || st == event.Suspended || st == event.Terminated || s.framed(g) {
			continue
		}
		from, to := g.end, t.start
		if before {
			from, to = t.end, g.start
		}
		if !s.boundBetween(from, to) && !s.modalNear(t) {
			return true
		}
	}
	return false
}

// apartFrom reports a trigger that every cue of the type comes before,
// in another clause: the act after "the day before the visit, ..." is not
// the visit's topic.
func (s *sentence) apartFrom(t cue, typ event.Type) bool {
	for _, g := range s.cues[lexicon.Trigger] {
		if g.value != string(typ) {
			continue
		}
		if g.end > t.start || s.reach(g.end-1, t.start, false) {
			return false
		}
	}
	return true
}

// occasion reports a visit or talks named as the occasion of the
// sentence's agreement ("signed during the president's state visit",
// "firmado durante la visita", "ziyareti sırasında imzalandı"): a strong
// meeting cue right after an occasion cue (or right before a postposition),
// when the sentence's agreement was really signed or agreed.
func (s *sentence) occasion(t cue) bool {
	if t.extra == "weak" || s.modalBefore(t) || !s.agreementReal() {
		return false
	}
	for _, c := range s.cues[lexicon.Occasion] {
		switch {
		case c.value == "next" && c.end <= t.start && t.start-c.end <= companionReach && !s.boundBetween(c.end, t.start):
			return true
		case c.value == "prev" && c.start >= t.end && c.start-t.end <= 1:
			return true
		}
	}
	return false
}

// agreementReal reports an agreement trigger with a stage that happened.
func (s *sentence) agreementReal() bool {
	for _, g := range s.cues[lexicon.Trigger] {
		if g.value != string(event.Agreement) || s.framed(g) {
			continue
		}
		switch agreementStage(s, g) {
		case event.Signed, event.Ratified, event.InForce:
			return true
		}
	}
	return false
}

// ownClause reports an act told in a clause of its own after the
// agreement's, joined by a comma and opened by a word or two that no cue
// or place covers (its verb): "sign defence pact, hold joint drills",
// "firman un acuerdo, realizan maniobras". A list of what the agreement
// covers ("on training, joint drills", "logistics and joint drills") is
// no act: its items are cues themselves.
func (s *sentence) ownClause(t cue) bool {
	if !s.agreementReal() || s.modalNear(t) {
		return false
	}
	at := -1
	for i := t.start; i > 0 && i > t.start-3; i-- {
		if s.bounds[i] == hardBound {
			return false
		}
		if s.bounds[i] == softBound {
			at = i
			break
		}
	}
	if at < 0 || at == t.start {
		return false
	}
	agreed := false
	for _, g := range s.cues[lexicon.Trigger] {
		if g.value == string(event.Agreement) && g.end <= at {
			agreed = true
		}
	}
	if !agreed {
		return false
	}
	for i := at; i < t.start; i++ {
		if s.covered(i) || digitsOnly(s.toks[i].Text) {
			return false
		}
	}
	return true
}

// covered reports a token inside a cue or a place mention.
func (s *sentence) covered(i int) bool {
	for _, cs := range s.cues {
		for _, c := range cs {
			if c.start <= i && i < c.end {
				return true
			}
		}
	}
	for _, m := range s.places {
		if m.Start <= i && i < m.End {
			return true
		}
	}
	return false
}

// companionReach is how many words may stand between an agreement noun and
// the arms cue that names what it buys ("deal to acquire", "contrato para
// la compra de").
const companionReach = 4

// companionBefore is how many words may stand between an arms cue and the
// agreement noun after it ("12 helikopterin satın alınması için anlaşma").
const companionBefore = 3

// boundBetween reports a clause boundary between tokens from and to.
func (s *sentence) boundBetween(from, to int) bool {
	for i := from; i <= to && i < len(s.bounds); i++ {
		if s.bounds[i] != noBound {
			return true
		}
	}
	return false
}

// typePriority ranks the acts a sentence may report, most telling first:
// "signed an agreement during talks" reports the agreement.
var typePriority = []event.Type{event.Rupture, event.Agreement, event.Deployment, event.Arms,
	event.Exercise, event.Training, event.Intelligence, event.Aid, event.Meeting}

// weakPriority ranks activity nouns: "soldiers" says less than "exercises".
var weakPriority = []event.Type{event.Rupture, event.Exercise, event.Training, event.Intelligence,
	event.Arms, event.Aid, event.Deployment, event.Meeting, event.Agreement}

// primaryType is the main act among the sentence's acts.
func (s *sentence) primaryType(acts []cue, strong bool) event.Type {
	has := map[event.Type]bool{}
	for _, t := range acts {
		if (t.extra == "weak") == strong {
			continue
		}
		typ := event.Type(t.value)
		if typ == event.Meeting && s.modalBefore(t) {
			continue
		}
		if typ == event.Agreement && agreementStage(s, t) == "" && strong {
			continue // a mention of an agreement does not outrank an act
		}
		has[typ] = true
	}
	if has[event.Exercise] && has[event.Training] {
		delete(has, event.Exercise)
	}
	if has[event.Deployment] && has[event.Training] && len(s.cues[lexicon.Trainer]) > 0 && s.troopsOnly() {
		delete(has, event.Deployment) // "600 soldiers completed a course run by Polish instructors"
	}
	order := typePriority
	if !strong {
		order = weakPriority
	}
	if vf := s.lastVerbAct(acts, strong); vf != "" && has[vf] && vf != event.Meeting && (has[event.Arms] || has[event.Deployment]) {
		return vf // verb-final: "K2 전차 정비 교육을 받고 있다" is training on tanks, not a delivery
	}
	for _, t := range order {
		if has[t] {
			return t
		}
	}
	return ""
}

// lastVerbAct is, in a verb-final language, the type of the last trigger of
// the sentence's main strength: the verb that closes it; "" elsewhere.
func (s *sentence) lastVerbAct(acts []cue, strong bool) event.Type {
	if s.lx == nil || !s.lx.HasTrait(lexicon.TraitVerbFinal) {
		return ""
	}
	last := -1
	for i, t := range acts {
		if (t.extra == "weak") == strong {
			continue
		}
		if last < 0 || t.start > acts[last].start {
			last = i
		}
	}
	if last < 0 {
		return ""
	}
	return event.Type(acts[last].value)
}

// troopsOnly reports deployment cues that all name troops ("soldiers",
// "żołnierzy"), none that sends them ("deployed", "skierowała").
func (s *sentence) troopsOnly() bool {
	for _, t := range s.cues[lexicon.Trigger] {
		if t.value == string(event.Deployment) && !s.within(lexicon.Security, t) {
			return false
		}
	}
	return true
}

// modalNear reports a future or intent cue that governs c: before it in the
// same clause (no other act between them), at most a dozen words away.
// "ils s'engageront à cimenter leur coopération en signant un accord".
func (s *sentence) modalNear(c cue) bool {
	for _, m := range s.cues[lexicon.Modal] {
		if m.start <= c.start && c.end <= m.end {
			return true // the future phrase holds the cue: "van a firmar"
		}
		if m.start >= c.end && s.lx != nil && s.lx.HasTrait(lexicon.TraitVerbFinal) && m.start-c.end <= 8*s.scale &&
			s.reach(c.end-1, m.start, false) {
			return true // verb-final: the intent follows the act, "연합훈련 … 계획", "tatbikat yapılması planlanıyor"
		}
		if m.start >= c.end && c.extra == "weak" && m.start-c.end <= 2*s.scale && s.reach(c.end-1, m.start, false) {
			return true // an act named as a noun, then its intent: "наступну ротацію планують відправити"
		}
		if m.end > c.start || c.start-m.end > 12*s.scale {
			continue
		}
		between := false
		for _, o := range s.cues[lexicon.Trigger] {
			if o.start >= m.end && o.end <= c.start && o.value != string(event.Agreement) && o.extra != "weak" {
				between = true
			}
		}
		if !between {
			return true
		}
	}
	return false
}

// heading reports a short line without a full stop, a page's sub-heading
// ("Manoeuvres on the border"): it names a topic, and borrows no states.
func (s *sentence) heading() bool {
	return len(s.toks) < 8 && token.Unfinished(s.text)
}

// plannedBefore reports a word of the trigger's act told earlier in the
// sentence under a future that opens it: in "he is expected to visit
// military sites before ending his visit on Thursday" the second word of
// the visit is as much to come as the first.
func (s *sentence) plannedBefore(t cue) bool {
	for _, u := range s.cues[lexicon.Trigger] {
		if u.value == t.value && u.end <= t.start && u.extra != "weak" && s.modalOpens(u) && s.modalNear(u) {
			return true
		}
	}
	return false
}

// modalOpens reports a future or intent cue before the trigger.
func (s *sentence) modalOpens(t cue) bool {
	for _, m := range s.cues[lexicon.Modal] {
		if m.end <= t.start {
			return true
		}
	}
	return false
}

// modalBefore reports a future or intent cue just before or after the
// trigger: "will visit", "talks are expected to resume".
func (s *sentence) modalBefore(t cue) bool {
	for _, m := range s.cues[lexicon.Modal] {
		if (m.end <= t.start && t.start-m.end <= 2*s.scale) || (m.start >= t.end && m.start-t.end <= 6*s.scale) {
			return true
		}
	}
	return false
}

func (s *sentence) hasTrigger(t event.Type) bool {
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value == string(t) && c.extra != "weak" {
			return true
		}
	}
	return false
}

// namesTrigger reports a trigger of type t, weak or not.
func (s *sentence) namesTrigger(t event.Type) bool {
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value == string(t) {
			return true
		}
	}
	return false
}

func (s *sentence) firstTrigger(t event.Type) cue {
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value == string(t) {
			return c
		}
	}
	return cue{}
}

func other(pair []string, c string) string {
	if pair[0] == c {
		return pair[1]
	}
	return pair[0]
}

// aboutSecurity keeps contacts and agreements that concern defence or
// security: said in the sentence, or the sentence is about the article's
// pair and the article is plainly about security.
func (a *article) aboutSecurity(s *sentence, typ event.Type, st []string) bool {
	switch typ {
	case event.Meeting, event.Agreement, event.Rupture:
	default:
		return true
	}
	if s.secure() {
		return true
	}
	return a.secure >= 2 && a.pair != nil && len(st) == 2 && slices.Contains(st, a.pair[0]) && slices.Contains(st, a.pair[1])
}

// isBackground tells history ("relations date back to 1994") from news.
// A sentence with a history cue is background unless it also dates
// something recent.
func (a *article) isBackground(s *sentence) bool {
	if !s.has(lexicon.Background) {
		return false
	}
	pub := a.resolver.Published()
	if pub.IsZero() {
		// no date to weigh the past against: "has supplied 94 % of its
		// arms in the past five years" still reports the supplying
		return false
	}
	for _, m := range s.dates {
		if d := a.resolver.Resolve(m); d != "" && d >= pub.AddDate(-1, 0, 0).Format("2006-01") {
			return false
		}
	}
	return true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// build fills the event fields one sentence gives for one trigger.
func (a *article) build(s *sentence, typ event.Type, t cue, states []string) Candidate {
	countries := append([]string{}, states...)
	sort.Strings(countries)
	c := Candidate{Sentence: s.index}
	e := event.Event{Type: typ, Countries: countries, Organizations: s.orgs(), Evidence: []string{normSpace(s.text)}}
	if e.Organizations == nil {
		e.Organizations = []string{}
	}
	// where, and who came to whom
	dest, destLoc := a.destination(s, &t)
	if origin := a.origin(s); typ == event.Meeting && origin != "" && slices.Contains(countries, origin) {
		e.Initiator = origin
	}
	if dest != nil && slices.Contains(countries, dest.Code) {
		e.Location = &event.Location{Name: s.mentionText(*dest), Country: dest.Code}
		c.PlaceLoc = dest.Kind.IsPlace()
		if typ == event.Meeting && e.Initiator == "" && len(countries) == 2 {
			e.Initiator = other(countries, dest.Code)
		}
	} else if destLoc != nil {
		e.Location = &event.Location{Name: s.mentionText(*destLoc), Country: destLoc.Code}
		c.PlaceLoc = destLoc.Kind.IsPlace()
	}
	if e.Location == nil {
		if loc := a.indirectLocation(s, countries); loc != nil {
			e.Location = loc
			c.PlaceLoc = true
		}
	}
	if e.Location == nil {
		// "kiliwasili Bangui", "прибыл в Банги": where they arrived
		for _, v := range s.cues[lexicon.Arrival] {
			if m := s.placeBy(v, 2); m != nil && m.Kind != gazetteer.Demonym && slices.Contains(countries, m.Code) && !s.fromPlace(m) {
				e.Location = &event.Location{Name: s.mentionText(*m), Country: m.Code}
				c.PlaceLoc = m.Kind.IsPlace()
				break
			}
		}
	}
	switch typ {
	case event.Training, event.Arms, event.Aid, event.Deployment:
		if t.extra == received {
			// "the Tunisian navy received three boats given by the Guardia di
			// Finanza": the giver is the source, else the other state
			e.Initiator = cmp.Or(s.agentState(t, countries), a.origin(s))
			if g := a.giver(s, t, countries); e.Initiator == "" && g != "" && len(countries) == 2 {
				e.Initiator = other(countries, g)
			}
			if !slices.Contains(countries, e.Initiator) {
				e.Initiator = ""
			}
		} else if g := s.trainerState(countries); typ == event.Training && g != "" {
			e.Initiator = g // "a course given by instructors of the Spanish Navy"
		} else if g := a.traineeState(s, t, countries); typ == event.Training && g != "" {
			e.Initiator = other(countries, g) // "Pakistani crews completed their training at Turkish centres": the subject is trained
		} else if g := s.modifierState(t, countries); g != "" {
			e.Initiator = g // "Turkish drones", "des instructeurs russes"
		} else if o := a.origin(s); o != "" && slices.Contains(countries, o) {
			e.Initiator = o // "drones from Turkey"
		} else if g := s.agentState(t, countries); g != "" {
			e.Initiator = g // "boats donated by the Government of Canada"
			if typ == event.Arms && len(countries) == 2 && s.near(lexicon.Purchase, t, 2*s.scale) {
				e.Initiator = other(countries, g) // "jets bought by Argentina": the buyer receives
			}
		}
		if r := s.recipient(countries); e.Initiator == "" && r != "" && (typ == event.Arms || typ == event.Aid) {
			e.Initiator = other(countries, r) // "handed over to the Somali army": the other side gives
		}
		if e.Initiator == "" {
			e.Initiator = a.giver(s, t, countries)
			if typ == event.Arms && len(countries) == 2 && e.Initiator != "" && s.near(lexicon.Purchase, t, 2*s.scale) {
				e.Initiator = other(countries, e.Initiator) // "Argentina bought jets from Denmark": the buyer receives
			}
		}
	}
	if typ == event.Deployment && e.Initiator == "" && e.Location != nil && len(countries) == 2 && slices.Contains(countries, e.Location.Country) {
		e.Initiator = other(countries, e.Location.Country) // troops go to the host
	}
	if typ == event.Training && e.Initiator == "" && e.Location != nil && len(countries) == 2 && slices.Contains(countries, e.Location.Country) {
		e.Initiator = e.Location.Country // trainees go to the trainers: "12 pilots trained at the school in Seville"
	}
	if typ == event.Deployment && e.Location == nil && e.Initiator != "" && len(countries) == 2 {
		host := other(countries, e.Initiator)
		for _, m := range s.places {
			if m.Code == host && m.Kind != gazetteer.Demonym {
				e.Location = &event.Location{Name: s.mentionText(m), Country: host}
				break
			}
		}
	}
	// when
	if d, guess := a.dateFor(s, t); d != "" {
		e.Date = d
		c.DateGuess = guess
	}
	c.AfterTalks = typ != event.Meeting && len(s.dates) == 0 && s.afterTalks()
	c.SameDay = e.Date == "" && len(s.dates) == 0 && s.has(lexicon.SameDay)
	c.DayShift, _ = s.dayShift()
	c.Arrived = s.arrived()
	e.Persons = a.personsOf(s, typ)
	// talks held in one of the two states: the other came, unless one side
	// is its resident ambassador (then nobody visited)
	if typ == event.Meeting && e.Initiator == "" && e.Location != nil && len(countries) == 2 &&
		slices.Contains(countries, e.Location.Country) && !hasRole(e.Persons, "ambassador") {
		e.Initiator = other(countries, e.Location.Country)
	}
	e.Domains = domains(s)
	c.Event = e
	return c
}

func hasRole(ps []event.Person, role string) bool {
	for _, p := range ps {
		if p.Role == role {
			return true
		}
	}
	return false
}

// destination finds the place after a "visit to"/"arrived in" cue (a host),
// and otherwise a place after a locative preposition (where it happened),
// not in a clause that follows the act t ("ratified the agreement, which
// governs the soldiers' stay in Nanyuki").
func (a *article) destination(s *sentence, t *cue) (host, where *gazetteer.Mention) {
	for _, v := range s.cues[lexicon.Visit] {
		if v.value != "to" {
			continue
		}
		if m := s.placeBy(v, 4); m != nil && m.Kind != gazetteer.Demonym {
			return m, nil
		}
	}
	for _, l := range s.cues[lexicon.Locative] {
		if m := s.placeBy(l, 2); m != nil && m.Kind != gazetteer.Demonym && m.Kind != gazetteer.Metonym {
			if t != nil && m.Start >= t.end && (!s.reach(t.end-1, m.Start, true) || s.endsClause(*t)) {
				continue
			}
			if t != nil && t.value == string(event.Agreement) && s.otherStageSpan(*t, m.Start, m.End) {
				continue // "ratified the agreement signed in Rome": the signing's place
			}
			if t != nil && t.value == string(event.Agreement) && m.Start >= t.end && s.domainBetween(t.end, l.start) {
				continue // "a protocol on joint production of drones on Azerbaijan's territory": the content's place
			}
			if s.seatBefore(l) {
				continue // "the government in Phnom Penh suspended the drills": the state, not the place
			}
			if s.fromPlace(m) {
				continue // "flew in from New Delhi": where they came from
			}
			if t != nil && s.otherActPlace(*t, *m) {
				continue // "jets deployed in Romania, Bucharest ratifies the accord"
			}
			if m.Kind == gazetteer.Name && s.nameGoesOn(*m) {
				continue // "at Burma Camp in Accra": a site named after a state
			}
			if m.Kind.IsPlace() || m.Kind == gazetteer.Name {
				return nil, m
			}
		}
	}
	// a locative case ending after an apostrophe: "Ankara'da"
	for _, l := range s.cues[lexicon.LocSuffix] {
		for i := range s.places {
			m := &s.places[i]
			if m.End == l.start && m.Kind != gazetteer.Demonym && m.Kind != gazetteer.Org &&
				strings.ContainsAny(s.text[s.toks[m.End-1].End:s.toks[l.start].Start], "'’") {
				return nil, m
			}
		}
	}
	return nil, nil
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

// origin finds the state after a "from" cue ("en provenance de la Russie").
func (a *article) origin(s *sentence) string {
	for _, v := range s.cues[lexicon.Visit] {
		if v.value != "from" {
			continue
		}
		if m := s.placeBy(v, 4); m != nil {
			return m.Code
		}
	}
	return ""
}

// recipient is the state a "to" cue points at, its name, its people or
// its forces ("to the Somali army", "à la Marine ivoirienne"), when it is
// one of the two states.
func (s *sentence) recipient(countries []string) string {
	if len(countries) != 2 {
		return ""
	}
	for _, v := range s.cues[lexicon.Visit] {
		if v.value != "to" {
			continue
		}
		if m := s.placeBy(v, 3); m != nil && m.Kind != gazetteer.Org && slices.Contains(countries, m.Code) {
			return m.Code
		}
	}
	return ""
}

// fromPlace reports a place a "from" cue points at: where someone came
// from ("flew in from New Delhi"), never where the act happened.
func (s *sentence) fromPlace(m *gazetteer.Mention) bool {
	for _, v := range s.cues[lexicon.Visit] {
		if v.value == "from" && s.placeBy(v, 2) == m {
			return true
		}
	}
	return false
}

// placeBy is the place a visit, locative or arrival cue points at: after
// it, within words, or, for a cue whose extra is "prev" (a postposition:
// "ナイロビで", "नैरोबी में", "서울을 방문"), right before it.
func (s *sentence) placeBy(c cue, within int) *gazetteer.Mention {
	if c.extra != "prev" {
		return s.placeAfter(c.end, within)
	}
	for i := len(s.places) - 1; i >= 0; i-- {
		m := &s.places[i]
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
	within *= s.scale
	for i := range s.places {
		m := &s.places[i]
		if m.Kind == gazetteer.Org {
			continue
		}
		if m.Start >= at && m.Start-at <= within && (at == 0 || s.reach(at-1, m.Start, true)) {
			return m // in the cue's clause: not "in Subic; Canberra promises"
		}
	}
	return nil
}

// modifierState is the state whose demonym qualifies the trigger noun
// right before or after it: the maker or sender of the thing.
func (s *sentence) modifierState(t cue, countries []string) string {
	for _, m := range s.places {
		if m.Kind != gazetteer.Demonym || !slices.Contains(countries, m.Code) {
			continue
		}
		if (m.Start >= t.end && m.Start-t.end <= 1) || (m.End <= t.start && t.start-m.End <= 0) {
			return m.Code
		}
		// "a contingent of 300 Rwandan soldiers": a few words of measure
		// between, for a force (trainees after "training of" are the other side)
		if t.value == string(event.Deployment) && m.Start >= t.end && m.Start-t.end <= 3 &&
			s.reach(t.end-1, m.Start, false) && !s.placeBetween(t.end, m.Start) {
			return m.Code
		}
	}
	return ""
}

// agentState is the state a passive's agent or a source names near the
// act ("donated by the Government of Canada", "Türkiye tarafından teslim
// edilen", "由中方提供"): the giver.
func (s *sentence) agentState(t cue, countries []string) string {
	for _, c := range s.cues[lexicon.Agent] {
		if abs(c.start-t.end) > 8*s.scale && abs(t.start-c.end) > 8*s.scale {
			continue
		}
		if c.start >= t.end && !s.reach(t.end-1, c.start, true) || c.end <= t.start && !s.reach(c.end-1, t.start, true) {
			continue
		}
		if m := s.placeBy(c, 4); m != nil && m.Kind != gazetteer.Org && slices.Contains(countries, m.Code) && !s.asSite(*m) {
			return m.Code
		}
	}
	return ""
}

// traineeState is the state of the trained side when a trainee cue
// ("completed", "проходит обучение") stands near training trigger t: the
// state named last before the cue and not as a place, its subject ("most
// Kyrgyz officers still study at Russian academies", not Moscow named
// before); in verb-final wording the subject that opens the clause.
func (a *article) traineeState(s *sentence, t cue, countries []string) string {
	if len(countries) != 2 {
		return ""
	}
	at := -1 // the subject stands before the trainee cue or the trigger
	for _, c := range s.cues[lexicon.Trainee] {
		if s.close(c, t, 8*s.scale) {
			at = min(c.start, t.start)
			break
		}
	}
	if at < 0 {
		return ""
	}
	if s.lx != nil && s.lx.HasTrait(lexicon.TraitVerbFinal) {
		return a.giver(s, t, countries) // the subject opens the clause
	}
	// a mention a locative points at is where, even a people's adjective
	// ("в российских военных вузах"), which asSite leaves to the states
	where := map[int]bool{}
	for _, l := range s.cues[lexicon.Locative] {
		if m := s.placeBy(l, 2); m != nil {
			where[m.Start] = true
		}
	}
	for i := len(s.places) - 1; i >= 0; i-- {
		m := s.places[i]
		if m.Start < at && !where[m.Start] && m.Kind != gazetteer.Org && m.Kind != gazetteer.City && m.Kind != gazetteer.Site && slices.Contains(countries, m.Code) {
			return m.Code
		}
	}
	return ""
}

// trainerState is the state whose instructors give the training told in
// the sentence: the state named with a trainer noun, right after it through
// words of its phrase ("instructeurs sénégalais", "instrutores da Marinha
// portuguesa", "Special Operations Regiment belge") or right before it
// ("Turkish instructors", "한국 해군 교관"). Trainees named elsewhere in the
// sentence ("Mauritanian coast guards began a course") receive it.
func (s *sentence) trainerState(countries []string) string {
	for _, tr := range s.cues[lexicon.Trainer] {
		for _, m := range s.places {
			if m.Kind.IsPlace() || m.Kind == gazetteer.Org || !slices.Contains(countries, m.Code) {
				continue
			}
			if m.Start >= tr.end && m.Start-tr.end <= 5*s.scale && s.phraseLink(tr.end, m.Start) ||
				m.End <= tr.start && tr.start-m.End <= 2*s.scale && s.phraseLink(m.End, tr.start) {
				return m.Code
			}
		}
	}
	return ""
}

// phraseLink reports words [from, to) that can stand inside one noun
// phrase between a noun and the state it belongs to: articles, genitive
// words, an armed service or force ("jeshi", "Armada"), and capitalised
// words (a unit's name).
func (s *sentence) phraseLink(from, to int) bool {
	return s.reach(from-1, to, false) && s.wordsAre(from, to, func(i int) bool {
		return s.toks[i].Cap || s.linkWord(i) || s.inCue(lexicon.Service, i) || s.inCue(lexicon.Security, i)
	})
}

// inCue reports token i inside a cue of kind.
func (s *sentence) inCue(kind lexicon.Kind, i int) bool {
	return s.within(kind, cue{start: i, end: i + 1})
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

// giver is the subject that trains, delivers, deploys or breaks off: the
// state named first before the trigger in its clause, else the first of
// the event's states named before the trigger.
func (a *article) giver(s *sentence, t cue, countries []string) string {
	if actors, _ := s.parties(t); len(actors) == 1 && slices.Contains(countries, actors[0]) {
		return actors[0]
	}
	for _, m := range s.places {
		if m.Kind == gazetteer.Org || m.Start >= t.start || s.asSite(m) {
			continue // "at the base in Surabaya, Germany handed over": Surabaya is where
		}
		if slices.Contains(countries, m.Code) {
			return m.Code
		}
	}
	// "Trump suspended military aid to Pakistan": a leader named alone
	// as the subject stands for his state
	for _, p := range s.persons {
		if p.End <= t.start && p.Country != "" && slices.Contains(countries, p.Country) && s.reach(p.End-1, t.start, false) {
			return p.Country
		}
	}
	return ""
}

// quoted reports a word inside quotation marks: what someone said, in
// the time of their speech.
func (s *sentence) quoted(at int) bool {
	if at >= len(s.toks) {
		return false
	}
	before := s.text[:s.toks[at].Start]
	if strings.Count(before, "\"")%2 == 1 {
		return true
	}
	open := max(strings.LastIndexAny(before, "“«„「『"), -1)
	shut := max(strings.LastIndexAny(before, "”»」』"), -1)
	return open > shut
}

// dateFor resolves the date mention nearest the trigger, skipping years
// that follow "since".
func (a *article) dateFor(s *sentence, t cue) (string, bool) {
	best, bestDist := -1, 1<<30
	for i, m := range s.dates {
		if m.Year > 0 && m.Month == 0 && !m.YearEnd && !yearIsEventDate(s, m) {
			continue
		}
		if a.resolver.Resolve(m) == "" {
			continue // "يوم 14 مايو": the word "day" alone dates nothing
		}
		if s.triggerBetween(t, m) {
			continue // "the visit comes months after Washington delivered planes in November"
		}
		if s.futureBetween(t, m) {
			continue // "signed the pact; talks will continue on 12 May": the date of what comes next
		}
		if s.otherStageDate(t, m) {
			continue // "ended the agreement it had signed in 2012": the date of the recalled stage
		}
		if m.IsRel && s.quoted(m.Start) {
			continue // "the corvette we hand over today": the day of the speech, not of publication
		}
		if event.Type(t.value) == event.Meeting && s.sinceBefore(m) {
			continue // "his first visit since taking office in October": when the count starts, not the visit
		}
		d := abs(m.Start - t.start)
		if lo, hi := min(m.Start, t.start), max(m.End-1, t.start); !s.reach(lo, hi, true) {
			d += 10 // another clause: "KAMPALA, 21 Oktoba 2025 - ... tarehe 20 Oktoba"
		}
		if m.Month == 0 && m.Weekday == 0 && !m.IsRel && !m.IsRelMonth && !m.IsRelWeek {
			d += 6 // a bare year says less than a day or a weekday nearby
		}
		if d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		if shift, _ := s.dayShift(); shift != 0 {
			if s.dayReference(t) {
				return "", false // "the day before the talks": the talks are what the day counts from
			}
			// "the day before, the ambassador handed over …": a day from the
			// day of the act told just before
			d, guess := a.actDayBefore(s)
			return shiftDay(d, shift), guess
		}
		if s.has(lexicon.SameDay) {
			// "signed on Tuesday, on the occasion of the visit": the day this
			// sentence gives; else "the same day": the day told just before
			for _, m := range s.dates {
				if m.IsRel && s.quoted(m.Start) {
					continue
				}
				if d := a.resolver.Resolve(m); len(d) == len(time.DateOnly) {
					return d, !m.HasYear()
				}
			}
			return a.dayBefore(s)
		}
		return "", false
	}
	m := s.dates[best]
	return a.resolver.Resolve(m), !m.HasYear()
}

// sinceBefore reports a background cue ("since", "depuis", "sejak") a few
// words before the date.
func (s *sentence) sinceBefore(m dates.Mention) bool {
	for _, c := range s.cues[lexicon.Background] {
		if c.end <= m.Start && m.Start-c.end <= 4 {
			return true
		}
	}
	return false
}

// dayShift is the days the sentence's first same-day cue counts from the
// day told before (lexicon value -1 "the day before", 1 "the next day"; "-"
// the same day).
func (s *sentence) dayShift() (int, cue) {
	for _, c := range s.cues[lexicon.SameDay] {
		n, _ := strconv.Atoi(c.value)
		return n, c
	}
	return 0, cue{}
}

// dayReference reports an act that a same-day cue with a day count names
// as what it counts from ("the day before the talks").
func (s *sentence) dayReference(t cue) bool {
	shift, ref := s.dayShift()
	return shift != 0 && (t.start >= ref.end && s.onlyLinks(ref.end, t.start) || t.end <= ref.start && ref.start-t.end <= s.scale)
}

// inPlace reports a word inside a city's or capital's name: "the day
// before the Cairo talks".
func (s *sentence) inPlace(i int) bool {
	for _, m := range s.places {
		if m.Kind.IsPlace() && m.Start <= i && i < m.End {
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

// actDayBefore is the day of the last act that one of the three sentences
// before s tells to the day: the date nearest its first trigger or arrival
// ("arrived in Pyongyang on the 19th, the agency reported on the 20th"
// dates the arrival the 19th), else its last date to the day.
func (a *article) actDayBefore(s *sentence) (string, bool) {
	for j := s.index - 1; j >= 0 && j >= s.index-3; j-- {
		p := a.sents[j]
		acts := append(append([]cue{}, p.cues[lexicon.Trigger]...), p.cues[lexicon.Arrival]...)
		if len(acts) == 0 {
			continue
		}
		slices.SortFunc(acts, func(x, y cue) int { return cmp.Compare(x.start, y.start) })
		if d, guess := a.dateFor(p, acts[0]); len(d) == len(time.DateOnly) {
			return d, guess
		}
	}
	return a.dayBefore(s)
}

// shiftDay adds days to a date written to the day; other dates are
// returned as they are.
func shiftDay(d string, days int) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil || days == 0 {
		return d
	}
	return t.AddDate(0, 0, days).Format(time.DateOnly)
}

// afterTalks reports a same-day cue that names talks ("after the
// meeting", "बैठक के बाद").
func (s *sentence) afterTalks() bool {
	for _, c := range s.cues[lexicon.SameDay] {
		for _, t := range s.cues[lexicon.Trigger] {
			if t.value == string(event.Meeting) && t.start < c.end && c.start < t.end {
				return true
			}
		}
	}
	return false
}

// dayBefore is the last date to the day that one of the three sentences
// before s gives ("after the talks" often opens the next paragraph).
func (a *article) dayBefore(s *sentence) (string, bool) {
	for j := s.index - 1; j >= 0 && j >= s.index-3; j-- {
		p := a.sents[j]
		if p.index < 10 && len(p.text) < 100 && len(p.cues[lexicon.Trigger]) == 0 {
			continue // "Jeudi 9 octobre 2025 | Par …": the page's date line, not an act's day
		}
		for k := len(p.dates) - 1; k >= 0; k-- {
			m := p.dates[k]
			if d := a.resolver.Resolve(m); len(d) == len("2006-01-02") {
				return d, !m.HasYear()
			}
		}
	}
	return "", false
}

// otherStageDate reports a date that stands nearer a stage cue of another
// stage than the act's own, in that cue's clause, than it does the act: "ended the agreement it
// had signed in 2012", "under the memorandum reached in September 2024".
// The act's own stage is the one agreementStage reads for it.
func (s *sentence) otherStageDate(t cue, m dates.Mention) bool {
	return s.otherStageSpan(t, m.Start, m.End)
}

// otherStageSpan is otherStageDate for any words [start, end): a place
// too ("ratified the agreement signed in Rome in 2024").
func (s *sentence) otherStageSpan(t cue, start, end int) bool {
	m := struct{ Start, End int }{start, end}
	own := agreementStage(s, t)
	dist := func(a0, a1 int) int {
		if a1 <= m.Start {
			return m.Start - a1
		}
		if m.End <= a0 {
			return a0 - m.End
		}
		return 0
	}
	mine := dist(t.start, t.end)
	for _, c := range s.cues[lexicon.Stage] {
		switch stageOf(c.value) {
		case own, event.Proposed, event.Negotiating, event.InForce:
			continue // "under", "in the framework of" date nothing of their own
		}
		if own == event.Proposed && s.modalNear(c) {
			continue // "will sign on Saturday": the intended signing is the act
		}
		lo, hi := min(c.start, m.Start), max(c.end, m.End)-1
		if d := dist(c.start, c.end); d < mine && s.reach(lo, hi, false) && (own != "" || t.value != string(event.Agreement)) {
			return true
		}
	}
	return false
}

// stageOf is the stage a stage cue names.
func stageOf(v string) event.Stage { return event.Stage(v) }

// futureBetween reports a future cue after the act and before the date:
// the date belongs to a planned continuation, not to the act.
func (s *sentence) futureBetween(t cue, m dates.Mention) bool {
	if m.Start < t.end {
		return false
	}
	for _, c := range s.cues[lexicon.Modal] {
		if c.start >= t.end && c.end <= m.Start {
			return true
		}
	}
	return false
}

// triggerBetween reports another act's trigger between t and the date m.
func (s *sentence) triggerBetween(t cue, m dates.Mention) bool {
	lo, hi := t.end, m.Start
	if m.End <= t.start {
		lo, hi = m.End, t.start
	}
	for _, o := range s.cues[lexicon.Trigger] {
		// delivery verbs head their own clause even when weak ("entregara");
		// "troops", "soldiers" do not
		// in verb-final wording an activity noun before the act is its
		// object or its topic, never a clause of its own
		weakHead := (o.value == "arms" || o.value == "aid") && !(s.lx != nil && s.lx.HasTrait(lexicon.TraitVerbFinal) && m.End <= t.start)
		if o.start >= lo && o.end <= hi && o.value != t.value && (o.extra != "weak" || weakHead) {
			if (lo == t.end && o.start-t.end <= 2*s.scale) || (hi == t.start && t.start-o.end <= 3*s.scale) {
				continue // the act's object: "suspended military aid to Pakistan on 12 May", "askeri yardımı askıya aldı"
			}
			if t.value == string(event.Rupture) && o.value == string(event.Agreement) && s.reach(lo, hi, false) {
				continue // the pact a rupture ends: "suspended on the 14th all activities under the cooperation agreement"
			}
			return true
		}
	}
	return false
}

// yearIsEventDate accepts a bare year only after a locative ("in 2023").
func yearIsEventDate(s *sentence, m dates.Mention) bool {
	for _, l := range s.cues[lexicon.Locative] {
		if l.extra == "prev" && (m.End == l.start || m.End == l.start-1) || l.extra != "prev" && (l.end == m.Start || l.end == m.Start-1) {
			return true // "in 2023", "2023 में"
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
	for _, p := range s.persons {
		add(p)
	}
	if typ == event.Meeting {
		// "Diarra a déclaré…" in a talks sentence is a participant; in an
		// agreement or delivery sentence, usually just the speaker
		for _, p := range a.named(s) {
			add(p)
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

// domains collects the domain cues of a sentence and the domain that a
// weak activity noun implies.
func domains(s *sentence) []string {
	var out []string
	add := func(d string) {
		if d != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	for _, c := range s.cues[lexicon.Domain] {
		if s.moodOf(c, false) == "" { // "asks for drones" gives no equipment
			add(c.value)
		}
	}
	for _, t := range s.cues[lexicon.Trigger] {
		if s.moodOf(t, false) != "" {
			continue
		}
		switch event.Type(t.value) {
		case event.Training:
			add("training")
		case event.Intelligence:
			add("intelligence")
		case event.Arms:
			add("equipment")
		}
	}
	sort.Strings(out)
	return out
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
	if host, _ := a.destination(s, nil); host != nil {
		return &event.Location{Name: s.mentionText(*host), Country: host.Code}
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

// sentenceDate is the date a sentence without an act of its own gives the
// happening told just before ("The ceremony took place on Tuesday at the
// base"): its first date to the day or month that is neither ahead nor a
// page's date line.
func (a *article) sentenceDate(s *sentence) string {
	if len(s.toks) < 8 {
		return "" // "Thursday, 12 June 2025 | By ...": the page's date line
	}
	for _, m := range s.dates {
		if m.Future || m.YearEnd || (m.Month == 0 && m.Day == 0 && m.Weekday == 0 && !m.IsRel && !m.IsRelMonth && !m.IsRelWeek) {
			continue // a bare year; a day alone ("13日") is this month's
		}
		if (s.index < 10 && len(s.text) < 100) || (s.index < datelineLines && m.Start <= 3 && (m.Year > 0 || m.Month > 0)) {
			continue // "Published: 30 July 2024 | Staff writer | Read 2,087 times"; not "On Wednesday, …"
		}
		if d := a.resolver.Resolve(m); len(d) >= 7 && !isHistory(d, a.resolver.Published()) && !a.afterPublished(d) {
			return d // "the prototype first flew in February 2024" tells of something else; "the election set for 6 May" is to come
		}
	}
	return ""
}

// afterPublished reports a date later than the page's publication: what
// it dates is still to come.
func (a *article) afterPublished(d string) bool {
	pub := a.resolver.Published()
	return !pub.IsZero() && d > pub.Format("2006-01-02")[:len(d)]
}

// attachment carries what a sentence without an act of its own says of
// the event reported just before it (facts across sentences): its domains
// ("the agreement covers maritime security") and the persons it names
// ("The minister, X, said ..."), who take part in that happening.
func (a *article) attachment(s *sentence) Candidate {
	return Candidate{Sentence: s.index, Attach: true, Arrived: s.arrived(),
		Event: event.Event{Domains: domains(s), Persons: a.personsOf(s, ""), Countries: s.states(), Date: a.sentenceDate(s),
			Location: a.arrivedAt(s)}}
}

// agreementStage reads a sentence's stage cues: ending beats everything;
// talks beat intentions; intentions turn "sign" into "proposed"; then
// ratified, signed, in force.
func agreementStage(s *sentence, t cue) event.Stage {
	has := map[string]bool{}
	modal := false
	for _, c := range s.cues[lexicon.Stage] {
		if s.stageUnreal(c) {
			continue // "could be signed next year", "did not ratify"
		}
		// "will sign", "expected to ratify": the act is still to come
		if (c.value == "signed" || c.value == "ratified" || c.value == "in_force") && s.modalNear(c) {
			modal = true
			continue
		}
		has[c.value] = true
	}
	if len(s.cues[lexicon.Stage]) == 0 {
		for _, m := range s.cues[lexicon.Modal] {
			if m.end <= t.start && t.start-m.end <= 6 {
				modal = true // "the two states intend to conclude an agreement"
			}
		}
	}
	switch {
	case has["terminated"]:
		return event.Terminated
	case has["suspended"]:
		return event.Suspended
	case has["ratified"]:
		return event.Ratified // "ratified the treaty negotiated in 2019"
	case has["signed"]:
		return event.Signed // "signed a deal they had been negotiating since October"
	case has["negotiating"]:
		return event.Negotiating
	case modal || has["proposed"]:
		return event.Proposed
	case has["in_force"]:
		return event.InForce
	}
	return ""
}

// agreementKind names the agreement: the trigger's kind, qualified by the
// first domain cue ("maritime cooperation agreement").
func agreementKind(s *sentence, t cue) string {
	kind := t.extra
	if kind == "" || kind == "weak" {
		kind = "agreement"
	}
	for _, c := range s.cues[lexicon.Domain] {
		if c.start > t.start && c.start-t.end <= 3 {
			return strings.ReplaceAll(c.value, "_", " ") + " " + kind
		}
	}
	if kind == "agreement" {
		return "cooperation agreement"
	}
	return kind
}

// confidence is the rule score of a candidate: how sure its reading is;
// Fold raises it with support, and package calibrate maps the finished
// event's score to a calibrated confidence.
func confidence(c Candidate, s *sentence) float64 {
	conf := 0.82
	if c.Inferred {
		conf -= 0.10
	}
	if c.Weak {
		conf -= 0.12
	}
	if len(s.persons) > 0 {
		conf += 0.05
	}
	if c.Event.Date != "" {
		conf += 0.05
	}
	return conf
}
