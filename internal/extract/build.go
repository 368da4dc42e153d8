package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
)

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
	for _, u := range s.cues[lexicon.Trigger] {
		if dest == nil && destLoc == nil && u.value == t.value && u.start != t.start {
			// "it was a short visit, but one that mattered: the minister
			// met the king in Amman": the place of another word of the act
			dest, destLoc = a.destination(s, &u)
		}
	}
	visit := typeRules[typ].initiator == initiatorVisit
	if origin := a.origin(s); visit && origin != "" && slices.Contains(countries, origin) {
		e.Initiator = origin
	}
	if dest != nil && slices.Contains(countries, dest.Code) {
		e.Location = &event.Location{Name: s.mentionText(*dest), Country: dest.Code}
		c.PlaceLoc = dest.Kind.IsPlace()
		if visit && e.Initiator == "" && len(countries) == 2 {
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
	if e.Location == nil {
		if m := s.townPlace(&t); m != nil {
			e.Location = &event.Location{Name: s.mentionText(*m), Country: m.Code}
			c.PlaceLoc = true
		}
	}
	if typ == event.Meeting && s.phoneCall(t) {
		// "held a phone call with the President of Turkey": talks by
		// telephone or video happen in no place, the dateline's neither
		e.Location, c.PlaceLoc, c.Remote = nil, false, true
	}
	if s.openSea() && (typ == event.Exercise || typ == event.Deployment || typ == event.Training) {
		// "drills on the high seas south of Jeju": no state's place
		e.Location, c.PlaceLoc, c.AtSea = nil, false, true
	}
	if typeRules[typ].initiator == initiatorGive {
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
			c.SureInitiator = true
		} else if g, sure := a.traineeState(s, t, countries); typ == event.Training && g != "" {
			e.Initiator = other(countries, g) // "Pakistani crews completed their training at Turkish centres": the subject is trained
			c.SureInitiator = sure
		} else if r := s.receiverState(t, countries); r != "" {
			e.Initiator = other(countries, r) // "handed over to the Somali army", "Somali Ordusuna teslim edildi"
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
	if (typ == event.Deployment || typ == event.Arms && s.goodsArrived(t)) && e.Initiator == "" && e.Location != nil && len(countries) == 2 && slices.Contains(countries, e.Location.Country) {
		e.Initiator = other(countries, e.Location.Country) // troops go to the host, goods to the taker
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
	if typ == event.Meeting && len(e.Date) == len(time.DateOnly) && s.has(lexicon.Arrival) && a.eveningArrival(s, e.Date) {
		// "flew into Manila on Monday evening": the talks were the next day
		e.Date, c.Evening = shiftDay(e.Date, 1), true
	}
	c.AfterTalks = typ != event.Meeting && len(s.dates) == 0 && s.afterTalks()
	c.SameDay = e.Date == "" && len(s.dates) == 0 && s.has(lexicon.SameDay)
	c.DayShift, _ = s.dayShift()
	c.Arrived = s.arrived()
	c.Departed = s.has(lexicon.Departure)
	e.Persons = a.personsOf(s, typ)
	c.Duo = typ != event.Meeting && len(e.Persons) < 2 && s.has(lexicon.Duo)
	// talks held in one of the two states: the other came, unless one side
	// is its resident ambassador (then nobody visited)
	if visit && e.Initiator == "" && e.Location != nil && len(countries) == 2 &&
		slices.Contains(countries, e.Location.Country) && !hasRole(e.Persons, "ambassador") {
		e.Initiator = other(countries, e.Location.Country)
	}
	e.Domains = domainsOf(s, typ)
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

// stageOf is the stage a stage cue names.
func stageOf(v string) event.Stage { return event.Stage(v) }

// domains collects the domain cues of a sentence and the domain that a
// weak activity noun implies.
func domains(s *sentence) []string { return domainsOf(s, "") }

// domainsOf lists the domains a sentence gives an event of type typ ("":
// any type).
func domainsOf(s *sentence, typ event.Type) []string {
	skipWeak := typeRules[typ].gearOnly
	skipCue := typeRules[typ].gearCues
	var out []string
	add := func(d string) {
		if d != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	for _, c := range s.cues[lexicon.Domain] {
		if skipCue && c.value == "equipment" {
			continue
		}
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
			if skipWeak && t.extra == "weak" {
				continue
			}
			add("equipment")
		}
	}
	sort.Strings(out)
	return out
}

// attachment carries what a sentence without an act of its own says of
// the event reported just before it (facts across sentences): its domains
// ("the agreement covers maritime security") and the persons it names
// ("The minister, X, said ..."), who take part in that happening.
func (a *article) attachment(s *sentence) Candidate {
	ds := domains(s)
	return Candidate{Sentence: s.index, Attach: true, Arrived: s.arrived(), Recalled: a.pastOnly(s),
		GearOnly: slices.Contains(ds, "equipment") && !slices.Contains(domainsOf(s, event.Exercise), "equipment"),
		Event: event.Event{Domains: ds, Persons: a.personsOf(s, ""), Countries: s.states(), Date: a.sentenceDate(s),
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
		if c.value == "terminated" && s.endsVisit(c) {
			continue // "ends Vietnam visit with industry pact": the visit ended, the pact was made
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

// endsVisit reports an ending whose nearest act is a visit or a drill: what
// ended is that act, not an agreement named further on.
func (s *sentence) endsVisit(c cue) bool {
	best, typ := -1, event.Type("")
	for _, o := range s.cues[lexicon.Trigger] {
		d := max(o.start-c.end, c.start-o.end)
		if best < 0 || d < best {
			best, typ = d, event.Type(o.value)
		}
	}
	return (typ == event.Meeting || typ == event.Exercise) && best <= 3*s.scale
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

// phoneCall reports talks t held by telephone or video: a phone cue
// within three words of it ("conversou por telefone", "spoke on the
// telephone") or inside it ("телефонну розмову"), and no other word of
// talks in the sentence away from such a cue ("a week after their phone
// call, the ministers met in Baghdad" is talks in a place).
func (s *sentence) phoneCall(t cue) bool {
	byPhone := func(u cue) bool {
		for _, c := range s.cues[lexicon.Phone] {
			if c.end > u.start-3*s.scale && c.start < u.end+3*s.scale {
				return true
			}
		}
		return false
	}
	if !byPhone(t) {
		return false
	}
	for _, u := range s.cues[lexicon.Trigger] {
		if u.value == string(event.Meeting) && u.extra != "weak" && !byPhone(u) {
			return false
		}
	}
	return true
}

// eveningArrival reports a sentence whose date day, the one its act
// takes, is qualified as the evening or night of that day ("on Monday
// evening", "Jumapili jioni", "Selasa malam"): who arrived then held
// talks no earlier than the next ("landed on Monday night and was
// received on Tuesday morning").
func (a *article) eveningArrival(s *sentence, day string) bool {
	for _, d := range s.dates {
		if a.resolver.Resolve(d) != day {
			continue
		}
		for _, c := range s.cues[lexicon.Evening] {
			if c.start >= d.Start-3 && c.start <= d.End+2 {
				return true
			}
		}
	}
	return false
}
