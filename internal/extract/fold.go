// Fold turns the candidate events of one page into its events: one
// happening reported by a headline, a repeated paragraph and a follow-up
// sentence becomes one event with all its evidence. Candidates merge when
// type and states agree, their dates do not conflict, and (for agreements)
// their stages belong together. Stage-less agreement mentions and domain-only
// sentences enrich an event instead of making one.

package extract

import (
	"slices"
	"sort"
	"strings"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/token"
)

// group is an event being built from candidates.
type group struct {
	ev       event.Event
	first    int // sentence index of the first candidate
	placeLoc bool
	support  int
	guess    bool  // date was guessed without a year
	sents    []int // sentence indexes of its candidates
	history  bool  // recalled from over a year before publication
	planned  bool  // every report of it is governed by a future
	dateline *event.Location
	// dated by "after the talks" or "the same day" (Candidate.AfterTalks, SameDay)
	afterTalks, sameDay bool
	dayShift            int   // Candidate.DayShift
	arrivalDay          bool  // its date is the day of an arrival (Candidate.Arrived)
	evening             bool  // that arrival was in the evening, the date the day after (Candidate.Evening)
	duos                []int // sentences of its Candidate.Duo reports
	sureInitiator       bool  // its initiator came from a Candidate.SureInitiator
	remote              bool  // every report of it is a Candidate.Remote call
	atSea               bool  // a report of it is a Candidate.AtSea act
}

// Fold merges the candidates of one page into events, in reading order.
func Fold(article string, cands []Candidate) []event.Event {
	var groups []*group
	var attach []Candidate
	for _, c := range cands {
		if c.Attach {
			attach = append(attach, c)
			continue
		}
		if g := find(groups, c); g != nil && c.Recalled && !g.history {
			continue // an older act of the kind recalled in passing: it lends today's act nothing
		} else if g != nil && !recalled(g, c, toldToday(cands, c, g)) {
			absorb(g, c)
			continue
		} else if g != nil && c.Event.Type != event.Agreement {
			continue // "delivered howitzers this month ... under the 2022 contract for tanks and howitzers": background
		}
		if g := attended(groups, c); g != nil {
			// "the two ministers led the delegations": they attended the act
			// reported just before, no meeting of their own
			g.ev.Persons = mergePersons(g.ev.Persons, c.Event.Persons)
			g.ev.Evidence = union(g.ev.Evidence, c.Event.Evidence...)
			continue
		}
		e := own(c.Event)
		e.Article = article
		groups = append(groups, &group{ev: e, first: c.Sentence, placeLoc: c.PlaceLoc, support: 1, guess: c.DateGuess,
			sents: []int{c.Sentence}, history: c.History, planned: c.Planned, dateline: c.Dateline, afterTalks: c.AfterTalks,
			sameDay: c.SameDay, dayShift: c.DayShift, arrivalDay: c.Arrived && c.Event.Date != "", evening: c.Evening, sureInitiator: c.SureInitiator, remote: c.Remote, atSea: c.AtSea})
		if c.Duo {
			groups[len(groups)-1].duos = []int{c.Sentence}
		}
	}
	// stage-less agreement mentions and domain sentences enrich the nearest event
	for _, c := range attach {
		if g := nearest(groups, c); c.Met && g != nil && g.ev.Type == event.Meeting && g.arrivalDay && len(g.ev.Date) == len(time.DateOnly) {
			// "arrived in Nairobi on Sunday evening … The next day he met
			// the defence minister": the talks' day
			shift := c.DayShift
			if g.evening {
				shift-- // "arrived on Sunday evening": already dated to Monday
			}
			g.ev.Date, g.arrivalDay = shiftDay(g.ev.Date, shift), false
		}
		if g := toldAct(groups, c); g != nil {
			g.ev.Date = c.Event.Date // "on Monday, 24 armoured vehicles were handed over to the Somali army"
		}
		if c.Event.Type == "" {
			// the arrival told just before the act: "X arrived in
			// Nouakchott. She held talks with ..."
			if h := following(groups, c); h != nil {
				lendPlace(h, c)
				lendDate(h, c)
			}
		}
		if g := nearest(groups, c); g != nil {
			ds := c.Event.Domains
			if c.GearOnly && typeRules[g.ev.Type].gearOnly {
				ds = slices.DeleteFunc(slices.Clone(ds), func(d string) bool { return d == "equipment" })
			}
			if g.ev.Type != event.Meeting && g.ev.Type != event.Agreement {
				ds = ownOnly(ds) // talks and pacts take the visit's themes told around them
			}
			g.ev.Domains = union(g.ev.Domains, ds...)
			if c.Event.Type == "" && !c.Recalled {
				g.ev.Persons = mergePersons(g.ev.Persons, participants(g.ev, c.Event)) // "The minister, X, said ..."
				lendDate(g, c)
				lendPlace(g, c)
			}
			if c.Event.Type != "" {
				g.ev.Evidence = union(g.ev.Evidence, c.Event.Evidence...)
				g.ev.Organizations = union(g.ev.Organizations, c.Event.Organizations...)
			}
			continue
		}
		if c.Standing && !c.History && c.Event.Type == event.Agreement && c.Event.Agreement != nil {
			// an agreement referred to without a stage, and no other record
			// of it on the page: an existing framework, operating
			e := own(c.Event)
			e.Article = article
			e.Agreement.Stage = event.InForce
			e.Confidence -= 0.15
			groups = append(groups, &group{ev: e, first: c.Sentence, placeLoc: c.PlaceLoc, support: 1, sents: []int{c.Sentence}})
		}
	}
	groups = foldSubsets(groups)
	groups = foldBareRuptures(groups)
	groups = foldMaking(groups)
	groups = foldContingents(groups)
	dateAfterTalks(groups)
	shareFacts(groups)
	shareContents(groups)
	lendDateline(groups)
	lendPagePlace(groups)
	lendSignatories(groups)
	lendDuo(groups)
	lendTalksTopics(groups)
	visitor(groups)
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].first < groups[j].first })
	out := make([]event.Event, 0, len(groups))
	for _, g := range groups {
		e := g.ev
		// each further sentence reporting the event raises confidence
		for i := 1; i < g.support; i++ {
			e.Confidence += (1 - e.Confidence) * 0.3
		}
		e.Confidence = float64(int(min(e.Confidence, 0.97)*100+0.5)) / 100
		e.Domains = slices.DeleteFunc(e.Domains, func(d string) bool { return slices.Contains(typeRules[e.Type].shunned, d) })
		sort.Strings(e.Domains)
		e.Persons = mergePersons(nil, e.Persons) // "Prabowo" and "Prabowo Subianto" are one
		out = append(out, e)
	}
	return out
}

func key(e event.Event) string { return e.Key() }

// dateAfterTalks gives an act dated by "after the talks" the day of the
// last talks on the same states reported before it (the talks were on
// Wednesday even when the page recalls the arrival on Tuesday in between),
// and an act "after the ceremony" that the sentences just before leave
// undated the day of the last act on the same states told before it.
func dateAfterTalks(groups []*group) {
	for _, g := range groups {
		if !g.afterTalks && !(g.sameDay && g.ev.Date == "") {
			continue
		}
		var talks *group
		for _, h := range groups {
			if (h.ev.Type == event.Meeting || !g.afterTalks) && h.first < g.first && sameStates(h.ev.Countries, g.ev.Countries) &&
				!h.history && len(h.ev.Date) == len(time.DateOnly) && (talks == nil || h.first > talks.first) {
				talks = h
			}
		}
		if talks != nil {
			g.ev.Date, g.guess = shiftDay(talks.ev.Date, g.dayShift), talks.guess
		}
	}
}

// recalled reports a candidate dated over a year before publication that
// would merge into an undated act reported in the body: the page recalls
// an earlier act of the same kind ("signed a protocol ... the treaty they
// signed in 2010"), which must not lend today's act its old date. A
// headline's undated act told nowhere else is the recalled one's (an
// anniversary piece); today says another sentence tells the act as news
// (toldToday).
func recalled(g *group, c Candidate, today bool) bool {
	if !c.History || g.history || g.ev.Date != "" {
		return false
	}
	// told in the body too ("signed the 2026 programme" in the headline
	// and again in the fifth sentence, even as a mention without a stage):
	// today's act
	return today || slices.ContainsFunc(g.sents, func(i int) bool { return i > 2 })
}

// toldToday reports a sentence outside g, before history candidate c,
// that speaks, not as history, of an act of c's type on c's states: "Rome –
// A memorandum to bring the defence industries closer …" before "the
// framework agreement had been signed in Rome in 2008".
func toldToday(cands []Candidate, c Candidate, g *group) bool {
	for _, o := range cands {
		if !slices.Contains(g.sents, o.Sentence) && o.Sentence < c.Sentence && !o.History && !o.Recalled && key(o.Event) == key(c.Event) {
			return true
		}
	}
	return false
}

// own copies what an event shares with its candidate, so that merging never
// writes into the caller's candidates.
func own(e event.Event) event.Event {
	if e.Agreement != nil {
		a := *e.Agreement
		e.Agreement = &a
	}
	if e.Location != nil {
		l := *e.Location
		e.Location = &l
	}
	e.Persons = append([]event.Person(nil), e.Persons...)
	e.Domains = append([]string(nil), e.Domains...)
	e.Evidence = append([]string(nil), e.Evidence...)
	e.Organizations = append([]string{}, e.Organizations...)
	return e
}

// foldSubsets merges an event into one of the same type whose states
// include its own: "Tanzania and China" in one sentence and "Tanzania,
// China and Mozambique" in the next are one exercise.
func foldSubsets(groups []*group) []*group {
	// the smallest fold first, each into the largest event that holds it,
	// so that a chain (2 states ⊂ 3 ⊂ 4) ends in the largest
	order := append([]*group(nil), groups...)
	sort.SliceStable(order, func(i, j int) bool { return len(order[i].ev.Countries) < len(order[j].ev.Countries) })
	folded := map[*group]bool{}
	for _, g := range order {
		var into *group
		for _, h := range groups {
			if h == g || folded[h] || h.ev.Type != g.ev.Type || len(h.ev.Countries) <= len(g.ev.Countries) ||
				!subset(g.ev.Countries, h.ev.Countries) || conflict(g.ev.Date, h.ev.Date) || stageGroup(g.ev) != stageGroup(h.ev) {
				continue
			}
			if into == nil || len(h.ev.Countries) > len(into.ev.Countries) {
				into = h
			}
		}
		if into == nil {
			continue
		}
		folded[g] = true
		c := Candidate{Event: g.ev, Sentence: g.first, PlaceLoc: g.placeLoc, DateGuess: g.guess}
		absorb(into, c)
		into.sents = append(into.sents, g.sents...)
		into.support += g.support - 1
		if g.first < into.first {
			into.first = g.first
		}
	}
	var out []*group
	for _, g := range groups {
		if !folded[g] {
			out = append(out, g)
		}
	}
	return out
}

// foldBareRuptures folds an undated rupture that names no agreement (a
// headline: "Niger breaks with Washington") into the one rupture on the
// same states that does.
func foldBareRuptures(groups []*group) []*group {
	var out []*group
	for _, g := range groups {
		if g.ev.Type != event.Rupture || g.ev.Agreement != nil || g.ev.Date != "" {
			out = append(out, g)
			continue
		}
		var into *group
		n := 0
		for _, h := range groups {
			if h.ev.Type == event.Rupture && h.ev.Agreement != nil && sameStates(h.ev.Countries, g.ev.Countries) {
				into = h
				n++
			}
		}
		if n != 1 {
			out = append(out, g)
			continue
		}
		absorb(into, Candidate{Event: g.ev, Sentence: g.first, PlaceLoc: g.placeLoc})
		if g.first < into.first {
			into.first = g.first
		}
	}
	return out
}

// foldMaking folds an undated agreement proposed into a concluded
// agreement on the same states told on the page (signed, ratified or in
// force): once the page reports the signing, "the memorandum will set up a
// working group" speaks of that agreement, not of a new one proposed.
// Negotiations stay their own: "they also opened talks on a logistics
// pact".
func foldMaking(groups []*group) []*group {
	proposed := func(g *group) bool {
		return g.ev.Type == event.Agreement && g.ev.Agreement != nil && g.ev.Agreement.Stage == event.Proposed && g.ev.Date == ""
	}
	concluded := func(g, h *group) bool {
		return h.ev.Type == event.Agreement && h != g && !h.history && stageGroup(h.ev) != "making" && sameStates(h.ev.Countries, g.ev.Countries)
	}
	return foldInto(groups, proposed, concluded, false)
}

// foldContingents merges an undated deployment into the exercise on the
// same states: "the Indian contingent of 60 personnel" and "the Uzbek side
// has sent 50 soldiers" tell who takes part in the drills, not a
// stationing of its own.
func foldContingents(groups []*group) []*group {
	contingent := func(g *group) bool { return g.ev.Type == event.Deployment && g.ev.Date == "" }
	drill := func(g, h *group) bool {
		return h.ev.Type == event.Exercise && !h.history && subset(g.ev.Countries, h.ev.Countries)
	}
	return foldInto(groups, contingent, drill, true)
}

// foldInto folds each group that folds reports into the first group h of
// the page for which into(g, h) holds: h takes its evidence, and its
// persons when persons is set. The other groups stay as they are.
func foldInto(groups []*group, folds func(g *group) bool, into func(g, h *group) bool, persons bool) []*group {
	var out []*group
	for _, g := range groups {
		i := -1
		if folds(g) {
			i = slices.IndexFunc(groups, func(h *group) bool { return into(g, h) })
		}
		if i < 0 {
			out = append(out, g)
			continue
		}
		h := groups[i]
		h.ev.Evidence = union(h.ev.Evidence, g.ev.Evidence...)
		if persons {
			h.ev.Persons = mergePersons(h.ev.Persons, g.ev.Persons)
		}
	}
	return out
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// stageGroup says which agreement stages describe one record: intent and
// talks are the same agreement in the making; signing, ratifying and
// entering into force are separate events.
func stageGroup(e event.Event) string {
	if e.Agreement == nil {
		return ""
	}
	switch e.Agreement.Stage {
	case event.Proposed, event.Negotiating:
		return "making"
	}
	return string(e.Agreement.Stage)
}

func find(groups []*group, c Candidate) *group {
	// "under the agreement" after a signing or ratification is that agreement
	if c.Event.Agreement != nil && c.Event.Agreement.Stage == event.InForce && c.Event.Date == "" {
		for i := len(groups) - 1; i >= 0; i-- {
			g := groups[i]
			if g.ev.Agreement != nil && g.ev.Type == c.Event.Type && sameStates(g.ev.Countries, c.Event.Countries) &&
				(g.ev.Agreement.Stage == event.Signed || g.ev.Agreement.Stage == event.Ratified) {
				return g
			}
		}
	}
	for _, g := range groups {
		if key(g.ev) != key(c.Event) || stageGroup(g.ev) != stageGroup(c.Event) {
			continue
		}
		if conflict(g.ev.Date, c.Event.Date) && !(c.Event.Type == event.Meeting && daysApart(g.ev.Date, c.Event.Date) <= visitDays) &&
			!(durative(c.Event.Type) && !c.Separate && daysApart(g.ev.Date, c.Event.Date) <= drillDays) {
			continue
		}
		return g
	}
	return nil
}

// drillDays is how many days apart two dated reports of an exercise or a
// course between the same states on one page may lie and still tell one
// activity: its start, its distinguished visitors' day and its end ("the
// drill began on Monday … it ends on 27 March").
const drillDays = 14

// durative reports the types of act that last days or weeks.
func durative(t event.Type) bool { return t == event.Exercise || t == event.Training }

// visitDays is how many days apart two dated reports of talks between the
// same states on one page may lie and still tell one visit: "arrived on
// Thursday ... the delegation also toured factories on Saturday".
const visitDays = 3

// daysApart is the number of days between two dates given to the day, or
// a large number when either is not.
func daysApart(a, b string) int {
	ta, errA := time.Parse(time.DateOnly, a)
	tb, errB := time.Parse(time.DateOnly, b)
	if errA != nil || errB != nil {
		return 1 << 30
	}
	d := int(ta.Sub(tb).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d
}

// conflict reports whether two dates cannot be the same happening.
func conflict(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	n := min(len(a), len(b))
	return a[:n] != b[:n]
}

func absorb(g *group, c Candidate) {
	e := &g.ev
	g.support++
	g.history = g.history && c.History
	if c.Duo {
		g.duos = append(g.duos, c.Sentence)
	}
	switch told := slices.Contains(g.sents, c.Sentence); {
	case told:
		// one sentence tells one act, planned or not
	case g.planned && !c.Planned:
		// the act reported as done gives the date and place, not what was planned of it
		e.Date, e.Location, g.guess, g.placeLoc = "", nil, false, false
	case c.Planned && !g.planned:
		c.Event.Date, c.Event.Location = "", nil // "firms are to supply parts, the drones will be built in Ukraine"
	}
	g.planned = g.planned && c.Planned
	g.remote = g.remote && c.Remote
	g.atSea = g.atSea || c.AtSea
	if g.dateline == nil {
		g.dateline = c.Dateline
	}
	g.sents = append(g.sents, c.Sentence)
	if e.Initiator == "" || (c.SureInitiator && !g.sureInitiator && c.Event.Initiator != "") {
		e.Initiator = c.Event.Initiator
		g.sureInitiator = c.SureInitiator
	}
	switch d := c.Event.Date; {
	case d == "":
	case e.Date == "" || (g.guess && !c.DateGuess) || (len(d) > len(e.Date) && !conflict(e.Date, d)):
		e.Date = d
		g.guess, g.arrivalDay = c.DateGuess, c.Arrived
	case g.arrivalDay && !c.Arrived && !c.Departed && e.Type == event.Meeting && laterWithin(e.Date, d, 3):
		// arrived on Tuesday, held talks the next day: the talks' day
		e.Date = d
		g.guess, g.arrivalDay = c.DateGuess, false
	}
	if c.Event.Location != nil && (e.Location == nil || (c.PlaceLoc && !g.placeLoc)) {
		e.Location = c.Event.Location
		g.placeLoc = c.PlaceLoc
	}
	e.Persons = mergePersons(e.Persons, c.Event.Persons)
	e.Domains = union(e.Domains, c.Event.Domains...)
	e.Organizations = union(e.Organizations, c.Event.Organizations...)
	e.Evidence = union(e.Evidence, c.Event.Evidence...)
	if c.Event.Agreement != nil && e.Agreement != nil && stageGroup(c.Event) == stageGroup(*e) &&
		stageRank(c.Event.Agreement.Stage) > stageRank(e.Agreement.Stage) {
		e.Agreement.Stage = c.Event.Agreement.Stage
	}
	if c.Event.Confidence > e.Confidence {
		e.Confidence = c.Event.Confidence
	}
}

func stageRank(s event.Stage) int {
	for i, x := range event.Stages {
		if x == s {
			return i
		}
	}
	return -1
}

// toldAct finds the event an attachment tells with one state named, when
// the attachment dates it more closely: the report of an act of its type
// that involves its state, nearest it in the page, undated or dated to a
// month or year the attachment's day falls in.
func toldAct(groups []*group, c Candidate) *group {
	if c.Told == "" || len(c.Event.Date) != len(time.DateOnly) {
		return nil
	}
	var best *group
	bestDist := 1 << 30
	for _, g := range groups {
		if g.ev.Type != c.Told || g.history || g.planned || !slices.Contains(g.ev.Countries, c.Event.Countries[0]) {
			continue
		}
		for _, at := range g.sents {
			if d := abs(at - c.Sentence); d < bestDist {
				best, bestDist = g, d
			}
		}
	}
	if best == nil || len(best.ev.Date) >= len(c.Event.Date) || conflict(best.ev.Date, c.Event.Date) {
		return nil
	}
	return best
}

// nearest finds the event an enrichment belongs to: for an agreement
// mention, an agreement on the same states; otherwise the event reported
// last before it, within three sentences.
func nearest(groups []*group, c Candidate) *group {
	if c.Event.Type == event.Agreement {
		for _, g := range groups {
			if g.ev.Agreement != nil && sameStates(g.ev.Countries, c.Event.Countries) {
				return g
			}
		}
		return nil
	}
	// the event whose report stands closest before the sentence
	var best *group
	bestAt := -1
	for _, g := range groups {
		if g.history {
			continue // what the page says next is about the news, not the recalled act
		}
		for _, at := range g.sents {
			if at <= c.Sentence && c.Sentence-at <= 3 && at > bestAt {
				best, bestAt = g, at
			}
		}
	}
	return best
}

func sameStates(a, b []string) bool {
	return strings.Join(a, ",") == strings.Join(b, ",")
}

func mergePersons(a, b []event.Person) []event.Person {
	for _, p := range b {
		found := false
		for i := range a {
			if samePerson(a[i].Name, p.Name) {
				found = true
				if len([]rune(p.Name)) > len([]rune(a[i].Name)) {
					a[i].Name = p.Name // "Prabowo", then "Prabowo Subianto"
				}
				if a[i].Role == "" {
					a[i].Role = p.Role
				}
				if a[i].Country == "" {
					a[i].Country = p.Country
				}
			}
		}
		if !found {
			a = append(a, p)
		}
	}
	return a
}

// samePerson reports two names of one person: equal but for case, or one
// the other's whole words ("Prabowo" in "Prabowo Subianto"), or, in a
// script without spaces, its first characters ("森山" in "森山健二").
func samePerson(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if a == "" {
		return false
	}
	if !strings.Contains(b, " ") && !strings.Contains(a, " ") {
		r := []rune(a)
		return len(r) >= 2 && token.IsSyllabic(r[0]) && strings.HasPrefix(b, a)
	}
	short, long := token.Split(a), token.Split(b)
	if len(short) == 0 || len(short) >= len(long) {
		return false
	}
	for _, w := range short {
		if !slices.ContainsFunc(long, func(t token.Token) bool { return t.Key == w.Key }) {
			return false
		}
	}
	return true
}

// union appends to a the strings of b it does not hold yet.
func union(a []string, b ...string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// laterWithin reports two dates to the day, b one to days days after a
// (dates to the day compare as strings).
func laterWithin(a, b string, days int) bool {
	n := daysApart(a, b)
	return b > a && n >= 1 && n <= days
}

// ownDomains are the domains only an act's own sentence gives a transfer,
// a drill, a course or a deployment: the words that tell them ("economy",
// "families", "staff", "institutions", "capacity", "fuel") are as often
// about something else in the sentences around. Talks and pacts take the
// themes of the visit told around them, as the shared devset's gold does.
var ownDomains = []string{"economic", "welfare", "human_resources", "governance", "capacity_building", "logistics"}

// ownOnly returns ds less the domains only an act's own sentence gives.
func ownOnly(ds []string) []string {
	return slices.DeleteFunc(slices.Clone(ds), func(d string) bool { return slices.Contains(ownDomains, d) })
}
