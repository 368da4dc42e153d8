package extract

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

// candidates turns a sentence's triggers into candidate events.
func (a *article) candidates(s *sentence) []Candidate {
	triggers := s.cues[lexicon.Trigger]
	if len(triggers) == 0 {
		if c := a.attachment(s); len(c.Event.Domains) > 0 || len(c.Event.Persons) > 0 || c.Event.Date != "" || c.Event.Location != nil {
			return []Candidate{c}
		}
		return nil
	}
	if a.isBackground(s) && !s.actBeforeBackground(triggers) {
		return nil
	}
	if s.question() {
		return nil // "— Japan also trains Ukrainian sappers?": an interviewer asks, nobody reports
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
	var lone event.Type // an act told with one state named
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
		if typ == event.Meeting && s.near(lexicon.Body, t, 4*s.scale) && len(s.states()) < 2 {
			continue // "the decision was taken at a cabinet meeting", "Genel Kurul'daki görüşmelerde": a state's own body sitting
		}
		if typ == event.Meeting && s.modalBefore(t) {
			continue // a visit that is planned has not happened
		}
		if typ == event.Meeting && !weak && s.within(lexicon.Host, t) && !s.guests(t) {
			continue // "after receiving information": a host receives people
		}
		if typ == event.Exercise && s.hasTrigger(event.Training) && !s.headsTraining(t) {
			continue // "trained soldiers in drills": the drills are the training
		}
		if typ == event.Deployment && weak && (s.namesTrigger(event.Exercise) || s.namesTrigger(event.Training) ||
			s.hasDomain("training", t) && !s.has(lexicon.Trainer) && !s.has(lexicon.Arrival) && !s.has(lexicon.Departure)) {
			continue // "some 50 soldiers of each side took part in the drill": its players
		}
		if typ != event.Meeting && typ != event.Agreement && typ != event.Exercise && s.orgActs(t) {
			continue // "UN troops withdrew": the body acts, not a state
		}
		if weak && s.orgBefore(t) {
			continue // "لعمليات الأمم المتحدة لحفظ السلام", the UN's peacekeeping operations: the body's activity, a title's words
		}
		st := states
		inf := inferred
		group := false // the states "the three countries" counts
		if n := s.groupSize(t); n > len(st) {
			if g := a.groupStates(s, n, st); g != nil {
				st, inf, group = g, true, true
			}
		}
		course := false // an activity of one of the page's states whose other side goes unnamed: a course, a drill with a ship of no state
		given := false  // goods one of the page's states gives, the other receives
		arrived := typ == event.Arms && s.goodsArrived(t)
		if len(st) == 0 && a.pair != nil && (!weak || arrived) && !s.heading() && (typ != event.Meeting || s.secure() || len(s.persons) > 0) {
			st, inf, given = a.topicPair(s), true, arrived // "an agreement in its final phases", in a page about two states
			if !a.acted[pairKey(st)] {
				st = nil // a page that told no act between two states lends them none
			}
		}
		var tp []string // the pair an act naming one state completes itself with
		if len(st) == 1 {
			tp = a.partnerPair(s)
		}
		if g := a.leadGuest(s, t, st); g != "" {
			// "In Dakar she was received by the Senegalese minister", on a
			// page about the Spanish minister's tour: the guest unnamed is
			// the person the page follows
			st = append(append([]string{}, st...), g)
			inf = true
		} else if tp != nil && slices.Contains(tp, st[0]) && (typ == event.Agreement || typ == event.Meeting || typ == event.Training && s.has(lexicon.Trainee)) {
			// "60 Kenyan sailors received training at Aksaz", on a page
			// about Kenya and Turkey: the trained need a trainer, the
			// page's other state (or the other of the two states the
			// sentence before names: "Estonia's minister arrived in Kyiv.
			// Ukraine's minister met him.")
			st = append(append([]string{}, st...), other(tp, st[0]))
			inf = true
		} else if len(st) == 1 && !inf && a.pair != nil && slices.Contains(a.pair, st[0]) && typ == event.Exercise && a.acted[pairKey(a.pair)] && s.unnamedForce() {
			// "off Surabaya the frigate Baden-Württemberg drilled with two
			// corvettes of the Indonesian navy", on a page about Germany
			// and Indonesia: the force named by no state is the other side
			st = append(append([]string{}, st...), other(a.pair, st[0]))
			inf, course = true, true
		} else if len(st) == 1 && !inf && a.pair != nil && slices.Contains(a.pair, st[0]) && typ == event.Training && s.secure() && a.acted[pairKey(a.pair)] {
			// "twelve Indian navy officers concluded an anti-submarine
			// course at Taranto", on a page about India and Italy (a state
			// the text names: a person's state is not the trainees')
			st = append(append([]string{}, st...), other(a.pair, st[0]))
			inf, course = true, true
		} else if len(st) == 1 && a.pair != nil && slices.Contains(a.pair, st[0]) && (typ == event.Arms || typ == event.Aid) &&
			a.acted[pairKey(a.pair)] && (s.secure() && s.has(lexicon.Equipment) && a.handsOn(s, t, st[0]) || arrived) {
			// "the navy took delivery of two patrol boats offered by
			// France", on a page about France and Côte d'Ivoire: goods
			// change hands between the page's two states
			st = append(append([]string{}, st...), other(a.pair, st[0]))
			inf, given = true, true
		} else if inf && len(st) == 2 && (typ == event.Arms || typ == event.Aid) && s.secure() && s.has(lexicon.Equipment) &&
			len(s.states()) == 1 && s.receiverState(t, st) == s.states()[0] {
			// "Melo handed two boats over to the navy of Mozambique": the
			// state named takes, the known person's state gives
			given = true
		}
		if len(st) < 2 || (weak && inf && !course && !given && !s.has(lexicon.Pair) && !s.has(lexicon.Counterpart)) {
			if len(st) == 1 && lone == "" && s.secure() && !s.unreal(t) && !s.modalNear(t) && !s.plannedBefore(t) && !s.nextBefore(t) {
				lone = typ
			}
			continue // an activity noun alone needs both states named
		}
		if typ == event.Deployment && s.near(lexicon.Honours, t, 8*s.scale) {
			continue // "a tri-service contingent presented a guard of honour": a visit's ceremony, no troops sent
		}
		if inf && typ == event.Deployment && s.near(lexicon.Equipment, t, 3*s.scale) && !s.forcesNamed() {
			continue // "it was not said where the new systems will be deployed": the recipient places its equipment, no state sends troops
		}
		if inf && len(s.states()) == 0 && s.has(lexicon.Pair) && (typ == event.Deployment || typ == event.Arms || typ == event.Aid) {
			continue // "both countries reinforced their deployments": each on its own side, not one to the other
		}
		if weak && s.placesOnly(st) {
			continue // "the arms were bought in Paraguay for gangs in Rio": no state acts
		}
		if weak && !s.secure() && a.secure < 2 && !arrived {
			continue // "supplies of grain": an activity noun needs a security context
		}
		if weak && typ == event.Rupture && !s.ruptureHasObject() {
			continue // "the flag was lowered": a leaving verb needs what is left or ended
		}
		if weak && typ == event.Arms && s.near(lexicon.NonGoods, t, 5*s.scale) && !s.near(lexicon.Equipment, t, 5*s.scale) {
			continue // "handed him a message from his counterpart", "ceded the command": no goods change hands
		}
		if weak && typ == event.Arms && s.has(lexicon.Hostile) {
			continue // "a missile attack": war, not a delivery
		}
		pairs := [][]string{st}
		if co := s.coActors(t, st); co != nil && typ == event.Intelligence && len(co) == 2 {
			pairs[0] = []string{co[0][0], co[1][0]} // "Australia and the Philippines will pool surveillance data as both watch China": they share
		} else if co != nil && typ != event.Exercise && typ != event.Agreement {
			pairs = co // "the Netherlands and Switzerland suspended aid to Pakistan"
		} else if !group && (typ != event.Exercise || inf) {
			pairs[0] = a.choosePair(s, st, t) // exercises are often multilateral
		} else if cl := s.clauseStates(t, st); len(cl) >= 2 {
			pairs[0] = cl // "...; meanwhile the navy drilled with Oman's": the drill's own clause
		}
		for _, st := range pairs {
			if !a.aboutSecurity(s, typ, st) && !(group && a.secure >= 2) {
				continue // a trade deal, a football match, a state visit about tea
			}
			if len(st) == 2 && bilateral(typ) && s.listed(st[0], st[1]) {
				continue // "troops from South Africa, Malawi and Tanzania": a list, not two sides
			}
			if len(st) == 2 && (typ == event.Arms || typ == event.Deployment) && s.demonymPair(st[0], st[1]) {
				continue // "fuzis de fabricação norte-americana e belga": two makers, not two sides
			}
			if p := a.continued(s, t, st); p != nil {
				// "the exercise ended on Monday. For two weeks the crews
				// drilled with units from France, Spain and Britain": the
				// players of the dated act just told, with its own
				st = slices.Sorted(slices.Values(union(slices.Clone(st), p.states()...)))
			} else if a.sideline(s, t, st) {
				continue // "New Delhi also holds annual exercises with Kazakhstan and Kyrgyzstan"
			}
			if typ == event.Agreement && s.hasTrigger(event.Rupture) {
				continue // the rupture carries the agreement
			}
			c := a.build(s, typ, t, st)
			c.Inferred, c.Weak = inf, weak
			if course && len(st) == 2 && !s.has(lexicon.Trainer) {
				c.Event.Initiator = cmp.Or(s.courseGiver(st), c.Event.Initiator)
			}
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
			c.Recalled = c.Event.Date == "" && a.pastOnly(s)
			if c.History && typ != event.Agreement {
				// a recalled visit, delivery or withdrawal is background, not
				// news (optional in gold at best); a recalled agreement is a
				// stage of the pact's history, kept with its own date
				continue
			}
			if ag := c.Event.Agreement; ag != nil && a.afterPublished(c.Event.Date) && !s.modalNear(t) &&
				(ag.Stage == event.Signed || ag.Stage == event.Ratified || ag.Stage == event.InForce) {
				// "the memorandum signed by the ministers provides for a
				// plant that is to start next year": the year is the plan's,
				// not the signing's, and makes no plan of the signing
				c.Event.Date = ""
			}
			// "will hold joint exercises"; "the drills planned for the first
			// quarter of next year": a month or a year still to come is a
			// plan's, whatever the verb's tense (a day ahead may be a
			// fixed date: "will sign on Saturday")
			c.Planned = s.modalNear(t) || s.plannedBefore(t) || len(c.Event.Date) < len(time.DateOnly) && a.afterPublished(c.Event.Date) ||
				s.nextBefore(t) || typ == event.Arms && s.negotiatedFor(t)
			if c.Planned && typ != event.Agreement && typ != event.Aid && typ != event.Rupture {
				// a planned activity or delivery has not happened; an
				// agreement's intent is its proposed stage, and a pledge of
				// aid or a withdrawal announced is the decision itself
				continue
			}
			c.Separate = s.opensWith(lexicon.Shift)
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
		// Azerbaijan arrived on a visit to Ankara"); activity nouns alone
		// also lend their field ("some 400 soldiers of the two states
		// practised hunting terrorist groups": the exercise just told)
		c := a.attachment(s)
		if strong {
			c.Event.Domains, c.GearOnly = nil, false // a named act's topics are not the event before's
		}
		if len(c.Event.Countries) == 1 {
			c.Told = lone
		}
		if shift, _ := s.dayShift(); shift > 0 && s.hasTrigger(event.Meeting) && c.Event.Date == "" {
			c.Met, c.DayShift = true, shift
		}
		if len(c.Event.Persons) == 0 && c.Event.Date == "" && len(c.Event.Domains) == 0 && !c.Met {
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
		// a locative frame in Han or kana holds its whole place phrase:
		// "在开罗以东的一处军事基地", at a base east of Cairo
		from := l.end
		if s.scale > 1 && s.reach(l.end-1, t.start, false) {
			for _, m := range s.places {
				if m.Start >= l.end && m.Start-l.end <= s.scale && m.End <= t.start {
					from = m.End // counted from the place the frame names
				}
			}
		}
		reach := 2 * s.scale
		if from != l.end {
			reach = 3 * s.scale // "以东的一处": east of it, a
		}
		if l.end <= t.start && t.start-from <= reach && l.extra != "prev" {
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

// visitedBase reports a base (a strong deployment word) that a meeting or
// visit word beside it names as the place visited: "visited the Sekondi naval base",
// "посетила военно-морскую базу", "海軍基地を訪問した". Between the visit
// word and the base stand only articles and names; after a base, at most one
// word (a case particle) stands before the visit word.
func (s *sentence) visitedBase(t cue) bool {
	if t.extra == "weak" {
		return false
	}
	for _, c := range slices.Concat(s.cues[lexicon.Trigger], s.cues[lexicon.Visit]) {
		if c.value != string(event.Meeting) && c.value != "to" || s.within(lexicon.Arrival, c) {
			continue // a force that arrives is deployed: "海军编队6日抵达"
		}
		if c.end <= t.start && t.start-c.end <= 3*s.scale &&
			s.wordsAre(c.end, t.start, func(i int) bool { return s.linkWord(i) || s.inPlace(i) || s.toks[i].Cap }) {
			return true
		}
		if t.end <= c.start && c.start-t.end <= s.scale {
			return true
		}
	}
	return false
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

// handsOn reports the one state a sentence of goods changing hands names
// as the giver ("offered by France") or the taker ("handed over to the
// Mauritanian coast guard", "Mozambique's forces received four boats"):
// on a page about two states, the other is the other side.
func (a *article) handsOn(s *sentence, t cue, state string) bool {
	if s.agentState(t, []string{state}) == state || s.receiverState(t, a.pair) == state {
		return true
	}
	if t.extra != received {
		return false
	}
	actors, _ := s.parties(t)
	return slices.Contains(actors, state)
}

// goodsArrived reports arms told by their arrival, in one clause with
// the weapons, as done: "a ship carrying 18 more tanks docked at Gdynia",
// "第二批防空导弹系统运抵塞尔维亚" (not "the jets will arrive next year").
func (s *sentence) goodsArrived(t cue) bool {
	for _, c := range s.cues[lexicon.Arrival] {
		if abs(c.start-t.start) <= 12*s.scale && s.reach(min(t.start, c.start), max(t.start, c.start), true) && !s.modalNear(c) && !s.unreal(c) {
			return true
		}
	}
	return false
}

// onlyArrival reports a sentence that tells only the arrival of the
// goods of an act of type typ: "The launchers reached Subic on Thursday".
func (s *sentence) onlyArrival(typ string) bool {
	if typ != string(event.Arms) || !s.has(lexicon.Arrival) {
		return false
	}
	return !slices.ContainsFunc(s.cues[lexicon.Trigger], func(u cue) bool { return u.value != typ || u.extra != "weak" })
}

// unnamedForce reports an armed service or a piece of equipment (a
// warship) that the sentence names with no state beside it: "the frigate
// Baden-Württemberg", "el patrullero de la Armada".
func (s *sentence) unnamedForce() bool {
	for _, k := range []lexicon.Kind{lexicon.Service, lexicon.Equipment} {
		for _, c := range s.cues[k] {
			if !slices.ContainsFunc(s.places, func(m gazetteer.Mention) bool {
				return m.Kind != gazetteer.Org && (m.Start >= c.end && m.Start-c.end <= 3*s.scale || m.End <= c.start && c.start-m.End <= 3*s.scale)
			}) {
				return true
			}
		}
	}
	return false
}

// leadGuest returns the state of the page's lead person as the guest of a
// reception told with one state and no guest named ("she was received by
// the Senegalese minister", "la recibió el ministro"); "" otherwise.
func (a *article) leadGuest(s *sentence, t cue, st []string) string {
	if len(st) != 1 || a.lead == nil || event.Type(t.value) != event.Meeting || !s.within(lexicon.Host, t) ||
		a.lead.Country == st[0] || s.has(lexicon.Counterpart) {
		return ""
	}
	for _, p := range a.named(s) {
		if p.Country != "" && p.Country != st[0] {
			return "" // a guest named
		}
	}
	for _, p := range s.persons {
		if p.Country != "" && p.Country != st[0] {
			return ""
		}
	}
	return a.lead.Country
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
	if n := s.index + 1; n < len(a.sents) && a.sents[n].block == s.block && len(a.sents[n].dates) > 0 &&
		(len(a.sents[n].cues[lexicon.Trigger]) == 0 || a.sents[n].onlyArrival(t.value)) {
		// "Germany handed Moldova twelve vehicles. The ceremony took place
		// on Wednesday at …", "… The launchers reached Subic on
		// Thursday": dated news of its own
		return false
	}
	if s.has(lexicon.SameDay) {
		return false // "the same day, Russian instructors closed a course in Burkina Faso": dated by the news told before
	}
	if s.opensWith(lexicon.Shift) {
		return false // "meanwhile, a new Russian contingent rotated in at Kant": other news, not a remark beside the pair
	}
	if event.Type(t.value) == event.Meeting && s.within(lexicon.Arrival, t) {
		return false // "Estonia's defence minister arrived in Kyiv": a visit happening, news of its own
	}
	if event.Type(t.value) == event.Meeting && s.opensWith(lexicon.Occasion) {
		return false // "on the sidelines of the talks, the minister met his Canadian counterpart": a happening of the day told
	}
	in := 0
	for _, c := range st {
		if slices.Contains(a.pair, c) {
			in++
		}
	}
	return in == 1
}

// opensWith reports a cue of the kind among the sentence's first words.
func (s *sentence) opensWith(kind lexicon.Kind) bool {
	return slices.ContainsFunc(s.cues[kind], func(c cue) bool { return c.start <= s.scale })
}

// continued returns the sentence just before s when s names the players
// of the act that sentence told, dated, without its partners: three
// states or more here, an act of the same type there with one state at
// most. Else nil.
func (a *article) continued(s *sentence, t cue, st []string) *sentence {
	if len(st) < 3 || s.index == 0 {
		return nil
	}
	if p := a.sents[s.index-1]; p.hasTrigger(event.Type(t.value)) && len(p.dates) > 0 && len(p.states()) < 2 {
		return p
	}
	return nil
}

// forcesNamed reports a force in the sentence: an armed service or a
// deployment word that is no verb of placing ("troops", "contingent").
func (s *sentence) forcesNamed() bool {
	return s.has(lexicon.Service) || slices.ContainsFunc(s.cues[lexicon.Security], func(c cue) bool {
		return slices.ContainsFunc(s.cues[lexicon.Trigger], func(t cue) bool {
			return t.value == string(event.Deployment) && t.start <= c.start && c.end <= t.end
		})
	})
}

// courseGiver says who gives a course whose sentence names one of its two
// states: a state named by its demonym is the trainees' ("twelve Indian
// officers concluded a course"), so the other trains; a state named as a
// place hosts the course and trains ("a course at Taranto").
func (s *sentence) courseGiver(st []string) string {
	for _, m := range s.places {
		if m.Kind == gazetteer.Org || !slices.Contains(st, m.Code) {
			continue
		}
		if m.Kind == gazetteer.Demonym {
			return other(st, m.Code)
		}
		return m.Code
	}
	return ""
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
		case s.anchored(t) && s.otherAct(t, triggers, false, t.extra == "weak"):
			// "after the handover ceremony, the two ministers met": when
			// the other act happened, not what the sentence reports
		case s.dayReference(t):
			// "the day before the signing of the agreement, China handed
			// over 40 vehicles": the signing is what the day counts from
		case a.provided(s, t):
			provided = true
		case s.fighting(t):
		case s.agreementSubject(t):
			// "acordo para troca de informações": what the agreement is for
		case t.value == string(event.Meeting) && s.inTalksCue(t):
			// "au cœur des discussions figuraient ...": the talks told before, named to give their topic
		case s.portCall(t):
			// "the frigate, on deployment off Africa, will make a port
			// call in Dar es Salaam": a ship's visit, no act between the states
		case t.value == string(event.Meeting) && s.withPress(t):
			// "met reporters", "기자들과 만나": the press is no state
		case s.talksTopic(t):
			// "talked with his counterpart about joint patrols": what the talks were about
		case t.value == string(event.Training) && t.extra == "weak" && s.namesTrigger(event.Exercise) && s.headsTraining(s.firstTrigger(event.Exercise)):
			// "the exercise included river-crossing training": what the drill held
		case t.value == string(event.Arms) && s.namesTrigger(event.Exercise) && !s.has(lexicon.Purchase) && (t.extra == "weak" || s.within(lexicon.Equipment, t)):
			// "six fighter jets took part in the exercise": its players
		case t.value == string(event.Deployment) && s.forceInDrill(t):
			// "the escort task force held a joint drill with the Tanzanian navy": its player
		case t.value == string(event.Deployment) && (s.baseAsPlace(t) || s.visitedBase(t)):
			// "on the naval base he handed over two minehunters": where, not what
		case t.value == string(event.Deployment) && s.courseAfter(t):
			// "शांति सेना पाठ्यक्रम", a peacekeeping course: the course's subject
		case t.value != string(event.Agreement) && s.framed(t):
			// "delivered vehicles under its military aid programme"
		case t.value == string(event.Agreement) && stages > 0 && real == 0:
			// "did not sign the agreement", "could sign an accord"
			unrealAct = true
		case s.unreal(t) && !(t.value == string(event.Agreement) && s.realStageFor(t)):
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
	if primary == event.Meeting && (typ == event.Arms || typ == event.Aid && s.medicalGoods()) && t.extra == "weak" && !s.within(lexicon.Equipment, t) && !s.has(lexicon.Provision) && !s.modalNear(t) && s.apartFrom(t, event.Meeting) {
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

// boundBetween reports a clause boundary between tokens from and to.
func (s *sentence) boundBetween(from, to int) bool {
	for i := from; i <= to && i < len(s.bounds); i++ {
		if s.bounds[i] != noBound {
			return true
		}
	}
	return false
}

// primaryType is the main act among the sentence's acts.
func (s *sentence) primaryType(acts []cue, strong bool) event.Type {
	has := map[event.Type]bool{}
	for _, t := range acts {
		if (t.extra == "weak") == strong {
			continue
		}
		typ := event.Type(t.value)
		if typ == event.Meeting && s.near(lexicon.Body, t, 4*s.scale) && len(s.states()) < 2 {
			continue // "the decision was taken at a cabinet meeting", "Genel Kurul'daki görüşmelerde": a state's own body sitting
		}
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

// negotiatedFor reports a purchase or transfer that talks still seek,
// named right after a word of negotiation or intent ("the negotiation
// for the acquisition of fighter jets", "pourparlers sur l'achat de"):
// not yet made.
func (s *sentence) negotiatedFor(t cue) bool {
	for _, c := range s.cues[lexicon.Stage] {
		if (c.value == string(event.Negotiating) || c.value == string(event.Proposed)) && c.end <= t.start &&
			t.start-c.end <= 3*s.scale && s.reach(c.end-1, t.start, false) {
			return true
		}
	}
	return false
}

// nextBefore reports a "next" word just before the act's noun: "the next
// round of consultations", "la prochaine visite", "наступний раунд
// консультацій" are still to come.
func (s *sentence) nextBefore(t cue) bool {
	if s.lx == nil {
		return false
	}
	for k := max(0, t.start-3*s.scale); k < t.start; k++ {
		for _, m := range s.lx.At(s.toks, k, lexicon.Next) {
			if m.End <= t.start && !s.inDate(m.Start, m.End) {
				return true
			}
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
	if !s.has(lexicon.Background) || s.has(lexicon.SameDay) {
		return false // "am Vortag hatte die Bundeswehr ... übergeben": a day counted from the news
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

// actBeforeBackground reports an agreement signed or ratified in a clause
// before every background cue of the sentence: "signed a protocol on border air
// surveillance, which both governments had been negotiating for two
// years": the recalled negotiation is the relative clause's, the signing
// is news.
func (s *sentence) actBeforeBackground(triggers []cue) bool {
	first := len(s.toks)
	for _, b := range s.cues[lexicon.Background] {
		first = min(first, b.start)
	}
	for _, t := range triggers {
		if t.value == string(event.Agreement) && t.end <= first && !s.reach(t.end-1, first, false) &&
			slices.ContainsFunc(s.cues[lexicon.Stage], func(c cue) bool {
				return (c.value == string(event.Signed) || c.value == string(event.Ratified)) && c.end <= first
			}) {
			return true
		}
	}
	return false
}

// clauseStates returns the states of st that the sentence names in the
// clause of trigger t (commas do not end it).
func (s *sentence) clauseStates(t cue, st []string) []string {
	var out []string
	for _, m := range s.places {
		if m.Kind == gazetteer.Org || !slices.Contains(st, m.Code) || slices.Contains(out, m.Code) {
			continue
		}
		from, to := min(t.start, m.Start), max(t.start, m.Start)
		if s.clauseReach(from, to) && !s.otherActBetween(t, m) {
			out = append(out, m.Code)
		}
	}
	return out
}

// otherActBetween reports a state named after t in another act's clause,
// past a comma: "concludes a joint drill with the UPDF, hands aid to the
// Comoros army" gives the drill no Comoros.
func (s *sentence) otherActBetween(t cue, m gazetteer.Mention) bool {
	for _, o := range s.cues[lexicon.Trigger] {
		if o.value == t.value {
			continue
		}
		if m.Start >= t.end && o.start >= t.end && o.end <= m.Start && s.boundBetween(t.end, o.start) {
			return true
		}
	}
	return false
}

// clauseReach is reach across commas, where a connective ("also",
// "ayrıca") does not end the clause when it follows its subject
// ("Uzbekistan also holds drills with Kazakhstan").
func (s *sentence) clauseReach(from, to int) bool {
	for i := from + 1; i <= to && i < len(s.bounds); i++ {
		if s.bounds[i] == hardBound && !s.connAt(i) {
			return false
		}
	}
	return true
}

// connAt reports a connective clause word starting at token i with only
// spaces before it: "Uzbekistan also holds", not "…, а на юге".
func (s *sentence) connAt(i int) bool {
	if i == 0 || strings.TrimSpace(s.text[s.toks[i-1].End:s.toks[i].Start]) != "" {
		return false
	}
	for _, c := range s.cues[lexicon.Clause] {
		if c.start == i && c.value == "conn" {
			return true
		}
	}
	return false
}

// headsTraining reports an exercise trigger named before every training
// trigger of the sentence: "the exercise included river-crossing
// training" tells an exercise, "trained soldiers in drills" a training.
func (s *sentence) headsTraining(ex cue) bool {
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value == string(event.Training) && c.start < ex.start {
			return false
		}
	}
	return true
}

// talksTopic reports an activity named after a topic word ("about", "o",
// "au sujet de") that follows a meeting trigger in the same clause: what
// the talks were about, not an act.
func (s *sentence) talksTopic(t cue) bool {
	if t.value == string(event.Meeting) || t.value == string(event.Agreement) {
		return false
	}
	for _, c := range s.cues[lexicon.Aside] {
		if c.value == "prev" {
			// a postposition: "共同訓練について会談した", the topic before it and
			// the talks after
			if t.end > c.start || !s.reach(t.start, c.start, true) {
				continue
			}
			for _, m := range s.cues[lexicon.Trigger] {
				if m.value == string(event.Meeting) && m.extra != "weak" && m.start >= c.end && s.reach(c.start, m.start, true) {
					return true
				}
			}
			continue
		}
		if c.end > t.start || !s.reach(c.start, t.start, true) {
			continue
		}
		for _, m := range s.cues[lexicon.Trigger] {
			if m.value == string(event.Meeting) && m.extra != "weak" && m.end <= c.start && s.reach(m.start, c.start, true) {
				return true
			}
		}
	}
	return false
}

// inTalksCue reports a trigger inside a provision cue that names talks'
// topics ("au cœur des discussions").
func (s *sentence) inTalksCue(t cue) bool {
	for _, c := range s.cues[lexicon.Provision] {
		if c.extra == "talks" && c.start <= t.start && t.end <= c.end {
			return true
		}
	}
	return false
}

// realStageFor reports a stage cue in agreement trigger t's clause (commas
// do not end it) that no mood governs: "should one day consider a pact,
// but the proposal did not feature" has none, the proposal standing in
// another clause.
func (s *sentence) realStageFor(t cue) bool {
	for _, c := range s.cues[lexicon.Stage] {
		if lo, hi := min(c.start, t.start), max(c.start, t.start); s.reach(lo, hi, true) && !s.stageUnreal(c) {
			return true
		}
	}
	return false
}

// agreementSubject reports an activity named right after an agreement
// noun, with only a preposition or an article between ("acordo para troca
// de informações", "accord sur la formation"): what the agreement is for.
// Arms keep their own event (a deal to buy is a transfer too).
func (s *sentence) agreementSubject(t cue) bool {
	switch event.Type(t.value) {
	case event.Agreement, event.Meeting, event.Rupture:
		return false
	case event.Arms:
		if t.extra != "weak" || s.near(lexicon.Purchase, t, 2*s.scale) || s.counted(t) {
			return false // "a letter of intent to acquire 24 jets", "a contract for two submarines": the purchase is an act too
		}
		// "umowę o współpracy przy budowie okrętów": the ships a pact is
		// about, some words of topic between, and no delivery told ("firma
		// un memorando y entrega blindados")
		if s.handsOver() || s.otherArms(t) {
			return false
		}
		for _, g := range s.cues[lexicon.Trigger] {
			if g.value == string(event.Agreement) && g.end <= t.start && t.start-g.end <= 5*s.scale && s.reach(g.end-1, t.start, false) {
				return true
			}
		}
		return false
	}
	for _, g := range s.cues[lexicon.Trigger] {
		if g.value != string(event.Agreement) || g.end > t.start || t.start-g.end > 2*s.scale {
			continue
		}
		if s.wordsAre(g.end, t.start, func(i int) bool {
			return s.linkWord(i) || s.inCue(lexicon.Aside, i) || s.inCue(lexicon.Recipient, i) || s.inCue(lexicon.Provision, i)
		}) {
			return true
		}
	}
	return false
}

// withPress reports a meeting whose other side is the press: a press word
// right after the meeting word in its clause ("met reporters", "se reunió
// con periodistas"), or right before it where the verb ends the clause and
// its object comes first ("기자들과 만나"; not "회담 직후 공동 언론 발표",
// a press statement after the talks).
func (s *sentence) withPress(t cue) bool {
	final := s.lx != nil && s.lx.HasTrait(lexicon.TraitVerbFinal)
	for _, c := range s.cues[lexicon.Press] {
		if !final && c.start >= t.end && c.start-t.end <= 2 && s.reach(t.end-1, c.start, false) {
			return true
		}
		if final && c.end <= t.start && t.start-c.end <= s.scale && s.reach(c.end-1, t.start, false) {
			return true
		}
	}
	return false
}

// anchored reports an act named as a time reference: right after an
// anchor word ("after the handover ceremony", "avant la signature") or
// right before a postposed one ("teslimat töreninin ardından", "会谈之后").
func (s *sentence) anchored(t cue) bool {
	for _, a := range s.cues[lexicon.Anchor] {
		if a.value == "prev" && t.end <= a.start && a.start-t.end <= s.scale && s.reach(t.end-1, a.start-1, false) {
			return true // a word may stand between: "teslimat töreninin ardından"
		}
		if a.value != "prev" && t.start == a.end {
			return true // the act right after: "after the handover ceremony"
		}
	}
	return false
}

// portCall reports a trigger that tells a warship's call at a port: the
// word of talks inside the cue ("liman ziyareti", a port visit), a
// deployment or a ship's bare noun in the cue's clause.
func (s *sentence) portCall(t cue) bool {
	for _, c := range s.cues[lexicon.PortCall] {
		if t.start < c.end && c.start < t.end {
			return true
		}
		if t.value == string(event.Deployment) || t.value == string(event.Arms) && t.extra == "weak" {
			if s.reach(min(t.end, c.end)-1, max(t.start, c.start), true) {
				return true
			}
		}
	}
	return false
}

// otherAct reports a strong act outside t that no anchor names: the act
// an anchored t dates. Unless sameType, it must be of another type and
// happen as told (not "after the exercise, the frigate will call at two
// ports"). A weak act counts too when weak is set: an anchored weak act
// dates any other ("before leaving Bunia, he handed over four patrol
// vehicles").
func (s *sentence) otherAct(t cue, triggers []cue, sameType, weak bool) bool {
	for _, u := range triggers {
		if u.extra == "weak" && !weak || (u.start < t.end && t.start < u.end) || s.anchored(u) {
			continue
		}
		if sameType || u.value != t.value && !s.unreal(u) && !s.modalNear(u) {
			return true
		}
	}
	return false
}

// forceInDrill reports a force named before the exercise it holds, in one
// clause ("护航编队…与坦桑尼亚海军举行了海上联合演练"): a player of the
// drill, not a deployment of its own.
func (s *sentence) forceInDrill(t cue) bool {
	for _, x := range s.cues[lexicon.Trigger] {
		if x.value == string(event.Exercise) && x.extra != "weak" && t.end <= x.start && s.reach(t.end-1, x.start, false) {
			return true
		}
	}
	return false
}

// question reports a sentence that ends with a question mark.
func (s *sentence) question() bool {
	t := strings.TrimRight(s.text, " \t\"'»”’)）")
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？") || strings.HasSuffix(t, "؟")
}

// hasDomain reports a domain cue of value d in the sentence outside the
// words of t: "the drill involved 350 marines" (a field named as the
// sentence's topic), not "sent 150 military instructors" (the force is
// the instructors).
func (s *sentence) hasDomain(d string, t cue) bool {
	for _, c := range s.cues[lexicon.Domain] {
		if c.value == d && (c.end <= t.start || t.end <= c.start) {
			return true
		}
	}
	return false
}

// otherArms reports an arms word in the sentence besides t: a transfer
// verb ("entrega", "delivered") or another weapon, not only t's name.
func (s *sentence) otherArms(t cue) bool {
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value == string(event.Arms) && (c.end <= t.start || c.start >= t.end) {
			return true
		}
	}
	return false
}
