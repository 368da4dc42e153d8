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
	// Recalled is an undated act in a sentence dated only over a year back
	// ("in September 2016 India ordered 36 jets under an agreement signed in
	// New Delhi"): background, never the same act as today's news.
	Recalled bool
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
	// Remote is talks held by telephone or video: they take no place
	// from another report, the dateline or the page.
	Remote bool
	// AtSea is an act its sentence places on the open sea, in no state's
	// waters ("drills on the high seas south of Jeju"): it has no place and
	// takes none from the dateline or the page's other acts.
	AtSea bool
	// Departed is an act told with a departure ("left Maputo on
	// Wednesday for Luanda"): its day ends a visit, it is not a later day
	// of its talks.
	Departed bool
	// DayShift is the days a same-day cue counts from the day told before:
	// -1 for "the day before", 1 for "the next day", else 0.
	DayShift int
	// Separate is an act told as other news ("meanwhile", "in another
	// development"): a report of a drill or course some days from one told
	// before is another activity, not that one's start or end.
	Separate bool
	// SureInitiator is a course's initiator told by its trainers' or its
	// trainees' state ("instructors of the Portuguese Navy", "Mozambican
	// marines completed"), not by the subject taken for the giver: merged
	// with a report of the course whose initiator is only that, it wins.
	SureInitiator bool
	// Dateline is the city the report was filed from, when it lies in one
	// of the event's states: the place when no sentence gives another.
	Dateline *event.Location
	// GearOnly is an attachment whose equipment domain comes from the
	// ships, aircraft or arms it names, not from a transfer: an exercise,
	// deployment or meeting it joins does not take that domain.
	GearOnly bool
	// Duo is an act its sentence gives to two persons named before ("the
	// two ministers then signed a memorandum") and names fewer itself:
	// it takes the persons of the talks told before it.
	Duo bool
	// Evening is talks dated by an arrival in the evening, and so to the
	// day after it: a later "the next day" names that same day.
	Evening bool
	// Met is an attachment that tells talks a day or more after what came
	// before, with no date of its own ("the next day he met the defence
	// minister"): talks dated by an arrival fall on that later day.
	Met bool
	// Told is the type of the act an attachment's sentence tells with one
	// state named ("on Monday 24 armoured vehicles were handed over to
	// the Somali army", on a page about Turkey and Somalia): the page's
	// report of that act on those states takes its day.
	Told event.Type
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
		place := "-"
		if l := c.Event.Location; l != nil {
			place = l.Name + "/" + l.Country
		}
		fmt.Fprintf(w, "    => %s %v init=%s date=%s place=%s attach=%v stage=%v\n", c.Event.Type, c.Event.Countries, c.Event.Initiator, c.Event.Date, place, c.Attach, c.Event.Agreement)
	}
}

// article holds what the whole page says, used to read each sentence.
type article struct {
	x     *Extractor
	lx    *lexicon.Lexicon // the page's language
	sents []*sentence
	pair  []string // the two states the article is most about
	// ranked holds the states the article names often enough to be about
	// them (as the pair's second), most named first
	ranked []string
	// lead is the person with a known state the article names in most
	// sentences (three at least): the "she" a reception receives
	lead *people.Person
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
	for _, s := range sents {
		all = append(all, s.dates...)
	}
	a.resolver = dates.NewResolver(all, published(p, sents, x.lex.Get(p.Lang)), x.today)
	pub := a.resolver.Published()
	// persons: keep the fullest name per surname, with what we know of them
	for _, s := range sents {
		for i, p := range s.persons {
			if p.Country == "" {
				p.Country = p.HeldOn(pub) // "小泉防衛相" on a page of Koizumi's term
			}
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
			if m.Kind == gazetteer.Org || s.isAside(m) {
				continue // a landmark or a topic ("the border with Niger") tells not whom the page is about
			}
			count[m.Code] += weight(s)
			if _, ok := first[m.Code]; !ok {
				first[m.Code] = s.index
			}
		}
	}
	// persons count for their state in each sentence that names them and
	// not their state; the person most sentences name leads the page
	mentions := map[string]int{} // sentences naming each person (by surname) with a known state
	for _, s := range sents {
		w := weight(s)
		seen := map[string]bool{} // a state the sentence names counts once, and so does a person
		for _, m := range s.places {
			seen[m.Code] = true
		}
		for _, p := range a.named(s) {
			if p.Country == "" {
				continue
			}
			if !seen[p.Country] {
				seen[p.Country] = true
				count[p.Country] += w
			}
			if k := surname(p.Name); !seen[k] {
				seen[k] = true
				mentions[k]++
			}
		}
	}
	a.lead = leadPerson(mentions, a.persons)
	if h := a.lx.HomeState(); count[h] > 0 {
		count[h]++ // a Polish page that names Poland is most likely about it
	}
	rank := func() []string {
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
		return codes
	}
	codes := rank()
	// "we", "us", "our" on a page in the first person (an interview's
	// answers, a ministry's release: three sentences or more speak so
	// outside quotes) stand for the speaker's state: a mention of it where
	// they stand, counted like a name. Once, it is the reporter ("the
	// officer we spoke to"); in a quote, the quoted person counts for his
	// state already.
	unquoted := 0
	for _, s := range sents {
		if s.has(lexicon.We) && !quoted(s.text) {
			unquoted++
		}
	}
	if unquoted >= 3 {
		speaker := a.speaker(codes, count)
		for _, s := range sents {
			if c := a.speakFor(s, speaker); c != "" {
				if _, ok := first[c]; !ok {
					first[c] = s.index
				}
				count[c] += weight(s)
			}
		}
		codes = rank()
	}
	if len(codes) >= 2 && count[codes[1]] >= 1.5 {
		a.pair = []string{codes[0], codes[1]}
	}
	for _, s := range sents {
		s.towns = whichTowns(s.towns, count)
	}
	if a.dateline == nil {
		a.dateline = townDateline(sents)
	}
	for _, c := range codes {
		if count[c] >= 1.5 {
			a.ranked = append(a.ranked, c)
		}
	}
	if p.Published.IsZero() && !a.resolver.Published().IsZero() {
		p.Published, p.From = a.resolver.Published(), source.OriginEstimated
	}
	return a
}

// weight is what a mention in s counts for the page pair: more in the
// headline and lead.
func weight(s *sentence) float64 {
	if s.index < 3 {
		return 1.5
	}
	return 1
}

// speaker is the state that "we" stands for on the page: the lead
// person's, else the state of the language's press when the page names
// it, else the state the page names most, when no other is named as
// often.
func (a *article) speaker(codes []string, count map[string]float64) string {
	if a.lead != nil {
		return a.lead.Country
	}
	if a.dateline != nil && count[a.dateline.Country] > 0 {
		return a.dateline.Country // "Press release – Brussels, 22 May": the issuer's city
	}
	if h := a.lx.HomeState(); count[h] > 0 {
		return h
	}
	if len(codes) == 1 || len(codes) > 1 && count[codes[0]] > count[codes[1]] {
		return codes[0]
	}
	return ""
}

// quoteMarks are the marks that open or close someone's words.
const quoteMarks = "«»“”„\"「」『』"

// quoted reports a sentence that quotes someone's words, or opens with
// the dash of a reply.
func quoted(text string) bool {
	t := strings.TrimSpace(text)
	return strings.ContainsAny(t, quoteMarks) || strings.HasPrefix(t, "—") || strings.HasPrefix(t, "–")
}

// speakFor puts, in a sentence of a first-person page that speaks in
// the first person plural, a mention of the speaker's state where the
// first "we" stands, unless the sentence names that state already or
// the "we" stands in another clause than a weak act's word ("our
// soldiers … beside the tanks' hangars"). The speaker is the person the
// sentence names, when we know his state, else the page's. It returns
// the state it put, or "".
func (a *article) speakFor(s *sentence, speaker string) string {
	var we *cue
	for i, c := range s.cues[lexicon.We] {
		if !s.inMention(c.start) {
			we = &s.cues[lexicon.We][i]
			break
		}
	}
	if we == nil || !slices.ContainsFunc(s.cues[lexicon.Trigger], func(c cue) bool {
		return c.extra != "weak" || s.reach(min(we.start, c.start), max(we.end, c.end)-1, false)
	}) {
		return "" // "our soldiers … beside the tanks' hangars": a weak act's word in another clause
	}
	if ps := a.named(s); len(ps) > 0 {
		speaker = ps[0].Country // "" where we do not know his state: "said Lt. Gen. Valera"
	}
	if speaker == "" || slices.ContainsFunc(s.places, func(m gazetteer.Mention) bool { return m.Code == speaker }) {
		return ""
	}
	at, _ := slices.BinarySearchFunc(s.places, we.start, func(m gazetteer.Mention, i int) int { return m.Start - i })
	s.places = slices.Insert(slices.Clone(s.places), at, gazetteer.Mention{Start: we.start, End: we.end, Code: speaker, Kind: gazetteer.Metonym})
	return speaker
}

// whichTowns keeps the towns in a state the page names (a report's
// places lie in the states it speaks of), each the most populous town of
// its name in such a state.
func whichTowns(towns []gazetteer.Mention, named map[string]float64) []gazetteer.Mention {
	out := towns[:0]
	for _, m := range towns {
		if i := slices.IndexFunc(append([]string{m.Code}, m.Alts...), func(c string) bool { return named[c] > 0 }); i >= 0 {
			if i > 0 {
				m.Code = m.Alts[i-1]
			}
			m.Alts = nil
			out = append(out, m)
		}
	}
	return out
}

// leadPerson returns the person with a known state that the most
// sentences name (mentions, by surname), when three or more do and no
// other person is named as often; nil otherwise.
func leadPerson(mentions map[string]int, persons map[string]people.Person) *people.Person {
	best, tie := "", false
	for k, n := range mentions {
		switch {
		case best == "" || n > mentions[best]:
			best, tie = k, false
		case n == mentions[best]:
			tie = true
		}
	}
	if best == "" || tie || mentions[best] < 3 {
		return nil
	}
	p := persons[best]
	return &p
}

// pubLineScan is how much of a page's source pubLine reads.
const pubLineScan = 64 << 10

// sentenceStates returns the states a sentence involves, with whether any
// was inferred rather than named.
func (a *article) sentenceStates(s *sentence) (states []string, inferred bool) {
	states = s.namedParties()
	// "the two sides also discussed North Korea–Russia cooperation": a
	// sentence whose subject is the pair speaks of the pair; the states it
	// names after are its topic
	if pair := a.topicPair(s); len(pair) == 2 && len(states) > 0 && s.pairSubject() && !sameStates(states, pair) {
		return pair, true
	}
	// a person the sentence names whose state is known (an office-holder,
	// "the Portuguese minister X") brings it to a sentence that names one
	// state: "Nuno Melo presided over the handover of two boats to the
	// navy of Mozambique"
	if len(states) == 1 && !strings.ContainsAny(s.text, quoteMarks) {
		for _, p := range s.persons {
			if p.Country != "" && !slices.Contains(states, p.Country) {
				states = append(states, p.Country)
			}
		}
	}
	// persons known from elsewhere in the article bring their state, but
	// not those of the act an opening phrase counts the day from ("The day
	// before Vautrin's arrival, Japan handed over …")
	from, to := s.openingRef()
	for _, p := range a.named(s) {
		if sn := surname(p.Name); from < to && slices.ContainsFunc(s.toks[from:to], func(t token.Token) bool { return t.Key == sn }) {
			continue
		}
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

// partnerPair is the pair an act naming one state completes itself with:
// the two states the sentence just before names when the persons it names
// are theirs ("Estonia's defence minister arrived in Kyiv. Ukraine's
// minister met him."), else the page's pair.
func (a *article) partnerPair(s *sentence) []string {
	p := a.topicSentence(s)
	if p == nil {
		return a.pair
	}
	tp := p.namedParties()
	for _, q := range a.named(p) {
		if q.Country != "" && !slices.Contains(tp, q.Country) {
			return a.pair // "before Tanzania, Dong Jun visited Mozambique": his state is a third
		}
	}
	return tp
}

// groupSize is how many states a phrase beside trigger t counts ("the
// three countries' navies drilled", "a trilateral meeting"); 0 when none
// does. The phrase stands within groupReachWords of t, nearer to t than to
// any other trigger: "after the trilateral meeting, the two ministers
// signed" counts the meeting's states, not the signing's.
func (s *sentence) groupSize(t cue) int {
	n := 0
	dist := func(c, u cue) int { return max(c.start-u.end, u.start-c.end, 0) }
	for _, c := range s.cues[lexicon.Group] {
		d := dist(c, t)
		if d > groupReachWords*s.scale || slices.ContainsFunc(s.cues[lexicon.Trigger], func(u cue) bool { return u.start != t.start && u.extra != "weak" && dist(c, u) < d }) {
			continue
		}
		if slices.ContainsFunc(s.cues[lexicon.Visit], func(v cue) bool { return v.value == "to" && dist(c, v) <= 2*s.scale }) {
			continue // "a tour of three countries", "유럽 3개국 순방": where he went, not who acted
		}
		if v, err := strconv.Atoi(c.value); err == nil && v > n {
			n = v
		}
	}
	return n
}

// groupStates returns the n states "the three countries" in s refers to,
// among them those s names (have): the n the nearest sentence before that
// names n states names, else the n of the headline and lead, else the n the
// article names most. nil when none fits.
func (a *article) groupStates(s *sentence, n int, have []string) []string {
	fits := func(st []string) bool {
		return len(st) == n && !slices.ContainsFunc(have, func(c string) bool { return !slices.Contains(st, c) })
	}
	for j := s.index - 1; j >= 0 && j >= s.index-groupReach; j-- {
		if st := a.sents[j].namedParties(); len(st) == n {
			if !fits(st) {
				return nil // the three named just before are not these
			}
			return slices.Sorted(slices.Values(st))
		}
	}
	var lead []string
	for _, p := range a.sents[:min(3, len(a.sents))] {
		lead = union(lead, p.namedParties()...)
	}
	if fits(lead) {
		return slices.Sorted(slices.Values(lead))
	}
	if len(a.ranked) >= n && fits(a.ranked[:n]) {
		return slices.Sorted(slices.Values(a.ranked[:n]))
	}
	return nil
}

// groupReachWords is how many words may stand between a trigger and the
// phrase that counts its states.
const groupReachWords = 10

// groupReach is how many sentences back "the three countries" looks for
// the sentence that named them.
const groupReach = 6

// topicPair is the pair "the two countries" or an act without states in s
// refers to: the two states a sentence just before, in the same paragraph,
// names; else the two the article is most about.
func (a *article) topicPair(s *sentence) []string {
	if p := a.topicSentence(s); p != nil {
		return p.namedParties()
	}
	return a.pair
}

// pairSubject reports a sentence that opens with "the two sides", "both
// countries" (within its first three words), before any state it names.
func (s *sentence) pairSubject() bool {
	for _, c := range s.cues[lexicon.Pair] {
		if c.start > 3*s.scale {
			continue
		}
		if !slices.ContainsFunc(s.places, func(m gazetteer.Mention) bool { return m.Kind != gazetteer.Org && m.Start < c.end }) {
			return true
		}
	}
	return false
}

// topicSentence is the sentence shortly before s, in its paragraph, that
// names two states; nil when none does before one that names more.
func (a *article) topicSentence(s *sentence) *sentence {
	for j := s.index - 1; j >= 0 && j >= s.index-3; j-- {
		p := a.sents[j]
		if p.block != s.block {
			break
		}
		if n := len(p.namedParties()); n == 2 {
			return p
		} else if n > 2 {
			break
		}
	}
	return nil
}

// namedParties returns the states the sentence names, less those it names only
// as a landmark ("the border with Iran").
func (s *sentence) namedParties() []string {
	st := s.states()
	if aside := s.asideOnly(); len(aside) > 0 {
		st = slices.DeleteFunc(st, func(c string) bool { return aside[c] })
	}
	return st
}

// companionReach is how many words may stand between an agreement noun and
// the arms cue that names what it buys ("deal to acquire", "contrato para
// la compra de").
const companionReach = 4

// companionBefore is how many words may stand between an arms cue and the
// agreement noun after it ("12 helikopterin satın alınması için anlaşma").
const companionBefore = 3
