package extract

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/token"
)

// Facts across sentences (capability 2 of the extraction issue): a page
// tells one happening over several sentences. The extractor marks what a
// candidate may take from its neighbours (the dateline city, whether it is
// recalled history), and Fold lends an event the date and place of the
// event reported next to it on the same states.

// datelineLines is how many sentences from the top a dateline may stand.
const datelineLines = 6

// findDateline finds the city that opens the report ("NAIROBI —",
// "Dakar, le 12 mars", "Душанбе."), removes it from its sentence's places
// (a dateline is where the report was filed, never an acting state) and
// returns it as a location.
func findDateline(sents []*sentence) *event.Location {
	for i, s := range sents {
		if i >= datelineLines {
			break
		}
		for k, m := range s.places {
			if !m.Kind.IsPlace() || (m.Start != 0 && !dateLine(s)) {
				continue
			}
			if m.Start == 0 && !datelineAfter(s, m) && !dateLine(s) {
				break
			}
			loc := &event.Location{Name: cityName(s.mentionText(m)), Country: m.Code}
			s.places = slices.Delete(slices.Clone(s.places), k, k+1)
			return loc
		}
	}
	return nil
}

// townDateline is the town of the world list that opens the report
// ("KISMAYO, 4 March —"), when findDateline found no state's place.
func townDateline(sents []*sentence) *event.Location {
	for i, s := range sents {
		if i >= datelineLines {
			break
		}
		if len(s.towns) > 0 && s.towns[0].Start == 0 && datelineAfter(s, s.towns[0]) && (len(s.places) == 0 || s.places[0].Start > 0) {
			return &event.Location{Name: cityName(s.mentionText(s.towns[0])), Country: s.towns[0].Code}
		}
	}
	return nil
}

// dateLine reports a short line that holds a full date and one city
// ("Thursday 14 August 2025 – Ankara – Agency"): the city is where the
// report was filed.
func dateLine(s *sentence) bool {
	if len(s.toks) > 12 || len(s.places) != 1 {
		return false
	}
	for _, d := range s.dates {
		if d.Year > 0 && d.Month > 0 && d.Day > 0 {
			return true
		}
	}
	return false
}

// datelineAfter reports what follows a dateline city: nothing but
// punctuation, a dash or bracket, or a comma and a date.
func datelineAfter(s *sentence, m gazetteer.Mention) bool {
	rest := strings.TrimSpace(s.text[s.toks[m.End-1].End:])
	switch {
	case strings.Trim(rest, ".:;।") == "":
		return true
	case strings.HasPrefix(rest, "—"), strings.HasPrefix(rest, "–"), strings.HasPrefix(rest, "-"),
		strings.HasPrefix(rest, "("), strings.HasPrefix(rest, "/"):
		return true
	case strings.HasPrefix(rest, ","), strings.HasPrefix(rest, "،"), strings.HasPrefix(rest, "，"), strings.HasPrefix(rest, "、"):
		for _, d := range s.dates {
			if d.Start >= m.End && d.Start-m.End <= 2 {
				return true
			}
		}
		_, size := utf8.DecodeRuneInString(rest)
		return creditDash(rest[size:])
	}
	return false
}

// creditDash reports text that opens with a short credit and a dash: the
// agency or site after a dateline city ("JAKARTA, Kabarnusa.id — ...").
func creditDash(rest string) bool {
	cut := -1
	for _, d := range []string{" — ", " – ", " - ", "—", "–"} {
		if i := strings.Index(rest, d); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 {
		return false
	}
	n := len(token.Split(rest[:cut]))
	return n >= 1 && n <= 4
}

// cityName writes an all-capital dateline city as a name ("NAIROBI" →
// "Nairobi"); other forms stay as written.
func cityName(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	out := []rune(strings.ToLower(s))
	start := true
	for i, r := range out {
		if start && unicode.IsLetter(r) {
			out[i] = unicode.ToUpper(r)
		}
		start = r == ' ' || r == '-'
	}
	return string(out)
}

// isHistory reports a date more than a year before publication: an act the
// page recalls ("concluded in 2001"), not the news it reports.
func isHistory(date string, pub time.Time) bool {
	if date == "" || pub.IsZero() {
		return false
	}
	cut := pub.AddDate(-1, 0, 0).Format("2006-01-02")
	return date < cut[:min(len(date), len(cut))]
}

// shareFacts lends an event without a date or place those of the event
// reported in the sentence next to it on the same states: the dated visit
// before an undated signing, the ceremony that says where the delivery
// took place. Recalled history and planned acts neither lend nor borrow; an agreement
// still in the making has no date of its own; a place is lent only between
// events whose dates agree.
func shareFacts(groups []*group) {
	for _, g := range groups {
		if g.history || g.planned || (g.ev.Date != "" && g.ev.Location != nil) {
			continue
		}
		// the nearest neighbour that has what g lacks
		near := func(has func(h *group) bool) *group {
			var best *group
			bestGap := 3
			for _, h := range groups {
				if h == g || h.history || h.planned || !sameStates(h.ev.Countries, g.ev.Countries) || !has(h) {
					continue
				}
				if gap := sentenceGap(g, h); gap < bestGap {
					best, bestGap = h, gap
				}
			}
			return best
		}
		if g.ev.Date == "" && stageGroup(g.ev) != "making" {
			if best := near(func(h *group) bool { return h.ev.Date != "" }); best != nil {
				g.ev.Date, g.guess = best.ev.Date, best.guess
			}
		}
		if g.ev.Location == nil && placed(g.ev) {
			best := near(func(h *group) bool {
				return h.ev.Location != nil && !conflict(g.ev.Date, h.ev.Date) &&
					(slices.Contains(g.ev.Countries, h.ev.Location.Country) || talksAndSigning(g.ev, h.ev))
			})
			if best != nil {
				l := *best.ev.Location
				g.ev.Location, g.placeLoc = &l, best.placeLoc
			}
		}
	}
}

// shareContents gives the stages of one agreement on a page (its signing
// recalled, its ratification today) the fields it covers: what the text
// of the agreement is about does not change from stage to stage.
func shareContents(groups []*group) {
	for _, g := range groups {
		if g.ev.Type != event.Agreement || g.ev.Agreement == nil {
			continue
		}
		for _, h := range groups {
			if h != g && h.ev.Type == event.Agreement && h.ev.Agreement != nil && sameStates(h.ev.Countries, g.ev.Countries) &&
				h.ev.Agreement.Kind == g.ev.Agreement.Kind {
				g.ev.Domains = union(slices.Clip(g.ev.Domains), h.ev.Domains...)
			}
		}
	}
}

// talksAndSigning reports a meeting and an agreement, which happen in one
// place even when it is a third state's ("signed in Kuala Lumpur on the
// sidelines of the regional ministers' meeting").
func talksAndSigning(a, b event.Event) bool {
	return (a.Type == event.Meeting && b.Type == event.Agreement) || (a.Type == event.Agreement && b.Type == event.Meeting)
}

// sentenceGap is the least distance between the sentences of two events.
func sentenceGap(g, h *group) int {
	gap := 1 << 30
	for _, a := range g.sents {
		for _, b := range h.sents {
			gap = min(gap, abs(a-b))
		}
	}
	return gap
}

// lendPagePlace gives an event still without a place the place where the
// page's other acts in its states happened (the most often named; the
// first on a tie): a report tells of one happening, whose acts (the talks,
// the signing, the handover during the visit) share a place unless a
// sentence says otherwise.
func lendPagePlace(groups []*group) {
	var from []*event.Location
	for _, h := range groups {
		if h.ev.Location != nil && !h.history && !h.planned {
			from = append(from, h.ev.Location)
		}
	}
	for _, g := range groups {
		if g.ev.Location != nil || !placed(g.ev) || g.remote || g.atSea || g.history || g.planned ||
			(g.ev.Agreement != nil && g.ev.Agreement.Stage != event.Signed) {
			continue // a ratification or an entry into force happens in no one place
		}
		count := map[string]int{}
		var best *event.Location
		for _, l := range from {
			if !slices.Contains(g.ev.Countries, l.Country) {
				continue
			}
			count[l.Country]++
			if best == nil || count[l.Country] > count[best.Country] ||
				count[l.Country] == count[best.Country] && takes(g.ev, l.Country) && !takes(g.ev, best.Country) {
				best = l
			}
		}
		if best != nil {
			l := *best
			g.ev.Location = &l
		}
	}
}

// takes reports goods or aid given to the state code: on a tie, the
// page's place in the receiving state is where they were handed over.
func takes(e event.Event, code string) bool {
	return (e.Type == event.Arms || e.Type == event.Aid) && e.Initiator != "" && e.Initiator != code
}

// lendSignatories gives a signed agreement the persons with a role who
// took part in the talks on the same states that the page reports: the
// ministers who met sign what their talks concluded, though the sentence of
// the signing often names no one ("the two ministers then signed a
// memorandum"). An agreement whose own sentences name two persons has its
// signatories.
func lendSignatories(groups []*group) {
	for _, g := range groups {
		if g.ev.Type != event.Agreement || g.ev.Agreement == nil || g.ev.Agreement.Stage != event.Signed || g.history || g.planned {
			continue
		}
		if len(g.ev.Persons) >= 2 {
			continue // "MM. Diop and Ould Sidi signed": the signatories are told, the talks' guests did not sign
		}
		for _, h := range groups {
			if h.ev.Type != event.Meeting || h.history || h.planned || !sameStates(h.ev.Countries, g.ev.Countries) ||
				!sameMonth(g.ev.Date, h.ev.Date) {
				continue // talks of another month, or of a month unknown, were another happening
			}
			g.ev.Persons = mergePersons(g.ev.Persons, signatories(h.ev, g.ev.Countries))
		}
	}
}

// lendDuo gives an act done by "the two ministers" the persons of the
// talks on the same states told last before that sentence: "Pistorius
// received Adjei-Mensah … The two ministers then signed a letter of
// intent".
func lendDuo(groups []*group) {
	for _, g := range groups {
		if len(g.duos) == 0 || g.history {
			continue
		}
		at := slices.Max(g.duos)
		var talks *group
		for _, h := range groups {
			if h.ev.Type == event.Meeting && !h.history && !h.planned && h.first <= at && sameStates(h.ev.Countries, g.ev.Countries) &&
				(talks == nil || h.first > talks.first) {
				talks = h
			}
		}
		if talks != nil {
			g.ev.Persons = mergePersons(g.ev.Persons, signatories(talks.ev, g.ev.Countries))
		}
	}
}

// signatories are the persons of talks who hold a role and belong, as far
// as the page tells, to one of the states.
func signatories(talks event.Event, states []string) []event.Person {
	var ps []event.Person
	for _, p := range talks.Persons {
		if p.Role != "" && (p.Country == "" || slices.Contains(states, p.Country)) {
			ps = append(ps, p)
		}
	}
	return ps
}

// sameMonth reports two dates given at least to the month, in one month.
func sameMonth(a, b string) bool {
	const n = len("2006-01")
	return len(a) >= n && len(b) >= n && a[:n] == b[:n]
}

// lendTalksTopics gives talks the domains that at least three of the
// page's other acts share: the page's themes were what the ministers
// discussed, though the sentence of the talks names none of them.
func lendTalksTopics(groups []*group) {
	count := map[string]int{}
	for _, g := range groups {
		for _, d := range g.ev.Domains {
			count[d]++
		}
	}
	for _, g := range groups {
		if g.ev.Type != event.Meeting || g.history || g.planned {
			continue
		}
		var add []string
		for d, n := range count {
			if !slices.Contains(g.ev.Domains, d) && n >= 3 { // the talks' own domains are theirs already
				add = append(add, d)
			}
		}
		g.ev.Domains = union(g.ev.Domains, add...)
	}
}

// lendDateline gives an event with no place the dateline city when it is
// in one of the event's states.
func lendDateline(groups []*group) {
	for _, g := range groups {
		if g.ev.Location == nil && g.dateline != nil && (placed(g.ev) || decidedAt(g.ev, *g.dateline)) && !g.remote && !g.atSea && slices.Contains(g.ev.Countries, g.dateline.Country) && !g.history {
			l := *g.dateline
			g.ev.Location = &l
		}
	}
}

// placed reports an event that happens somewhere: a rupture is a decision,
// whatever city announced it; an agreement in the making is no happening
// yet. Only their own sentence places them. Intelligence sharing agreed
// at talks takes the talks' place, as the gold's rule of one happening,
// one place (testdata/GOLD.md) has it.
func placed(e event.Event) bool {
	return e.Type != event.Rupture && stageGroup(e) != "making"
}

// decidedAt reports a rupture announced by the state whose city the
// report is filed from: the decision is the happening, and it was taken
// there.
func decidedAt(e event.Event, l event.Location) bool {
	return e.Type == event.Rupture && e.Initiator == l.Country
}

// visitor names who came to whom once the meeting's place is known from a
// neighbouring sentence or the dateline: talks held in one of the two
// states were a visit by the other, unless one side is the resident
// ambassador.
func visitor(groups []*group) {
	for _, g := range groups {
		e := &g.ev
		if e.Type != event.Meeting || e.Initiator != "" || e.Location == nil || len(e.Countries) != 2 ||
			!slices.Contains(e.Countries, e.Location.Country) || hasRole(e.Persons, "ambassador") {
			continue
		}
		e.Initiator = other(e.Countries, e.Location.Country)
	}
}

// participants are the persons a sentence without an act of its own lends
// to the event before it: none when the sentence names a state outside the
// event (a related-links line, another affair), and only those whose state,
// when known, is one of the event's.
func participants(e, from event.Event) []event.Person {
	for _, c := range from.Countries {
		if !slices.Contains(e.Countries, c) {
			return nil
		}
	}
	var out []event.Person
	for _, p := range from.Persons {
		if p.Country == "" || slices.Contains(e.Countries, p.Country) {
			out = append(out, p)
		}
	}
	return out
}

// attended finds the act that a weak meeting candidate (delegations, talks
// named by a noun only) attends: another type's event on the same states
// reported in the sentence just before. A reception ("the soldiers were
// welcomed at the airport by the prime minister") attends the arrival
// told just before it: a deployment, a delivery or aid.
func attended(groups []*group, c Candidate) *group {
	if !(c.Weak || c.Welcome) || c.Event.Type != event.Meeting {
		return nil
	}
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		if g.ev.Type == event.Meeting || g.history || !sameStates(g.ev.Countries, c.Event.Countries) {
			continue
		}
		if !c.Weak && !arrives(g.ev.Type) {
			continue // a reception after a signing is a meeting of its own
		}
		if slices.Contains(g.sents, c.Sentence-1) {
			return g
		}
	}
	return nil
}

// arrives reports the types of act that bring people or goods to the
// partner, whose reception attends them.
func arrives(t event.Type) bool {
	return t == event.Deployment || t == event.Arms || t == event.Aid
}

// lendDate gives an undated event the date of the sentence after it that
// tells more of it, when that sentence names no state outside the event.
func lendDate(g *group, c Candidate) {
	if g.ev.Date != "" || c.Event.Date == "" || g.planned || stageGroup(g.ev) == "making" {
		return
	}
	for _, s := range c.Event.Countries {
		if !slices.Contains(g.ev.Countries, s) {
			return
		}
	}
	g.ev.Date, g.arrivalDay = c.Event.Date, c.Arrived
}

// lendPlace gives an event with no place the place a following sentence
// says someone arrived at, in one of the event's states.
func lendPlace(g *group, c Candidate) {
	l := c.Event.Location
	if g.ev.Location != nil || l == nil || !placed(g.ev) || g.remote || g.planned || !slices.Contains(g.ev.Countries, l.Country) {
		return
	}
	loc := *l
	g.ev.Location, g.placeLoc = &loc, true
}

// following is the event first reported in the sentence right after c.
func following(groups []*group, c Candidate) *group {
	for _, g := range groups {
		if !g.history && slices.Contains(g.sents, c.Sentence+1) && !slices.ContainsFunc(g.sents, func(i int) bool { return i < c.Sentence }) {
			return g
		}
	}
	return nil
}
