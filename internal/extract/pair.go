package extract

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
)

// This file decides who acts with whom (capability 8 of the extraction
// issue): the acting state and its partner come from the trigger's clause,
// not from the two states nearest to it; states named together as the
// subject act together towards the partner and are not partners of each
// other; a state named after an aside cue ("the border with Iran", "over
// East Timor") is a landmark or a topic, not a party.

// clauseOf returns the token range [lo, hi) of the clause holding t: the
// words between the hard boundaries around it.
func (s *sentence) clauseOf(t cue) (lo, hi int) {
	lo, hi = t.start, t.end
	for lo > 0 && s.bounds[lo] != hardBound {
		lo--
	}
	for hi < len(s.toks) && s.bounds[hi] != hardBound {
		hi++
	}
	return lo, hi
}

// isAside reports a mention that follows an aside cue closely (or, for a
// postposition whose value is "prev", stands just before it).
func (s *sentence) isAside(m gazetteer.Mention) bool {
	for _, c := range s.cues[lexicon.Aside] {
		if c.value == "prev" && m.End <= c.start && c.start-m.End <= 1 {
			return true // "İran sınırında": the state before a postposition
		}
		if c.value != "prev" && m.Start >= c.end && m.Start-c.end <= 2 && !s.placeBetween(c.end, m.Start) {
			return true // the first state after the cue: "the border with Lebanon", not "… with Lebanon to Lebanese drivers"
		}
	}
	if m.Kind.IsPlace() {
		for _, t := range s.cues[lexicon.Trigger] {
			if m.End == t.start && s.has(lexicon.SameDay) && s.dayReference(t) {
				return true // "a day before the Cairo talks": the talks' name, not a party
			}
			if t.value == string(event.Meeting) && s.namesTalks(m, t) {
				return true // "groups represented in the Algiers talks": a process named after its venue
			}
		}
	}
	if shift, ref := s.dayShift(); shift != 0 && ref.start <= 1 && m.Start >= ref.end && s.reach(ref.end-1, m.Start, false) &&
		m.End < len(s.bounds) && s.bounds[m.End] != noBound {
		// "La veille de l'arrivée de la délégation sénégalaise, …": the
		// states of the act that an opening phrase counts the day from
		// are not this act's sides
		for _, k := range []lexicon.Kind{lexicon.Trigger, lexicon.Arrival} {
			for _, t := range s.cues[k] {
				if t.end <= m.Start && s.onlyLinks(ref.end, t.start) {
					return true
				}
			}
		}
	}
	if s.has(lexicon.Anchor) {
		for _, t := range s.cues[lexicon.Trigger] {
			if m.End <= t.start && t.start-m.End <= s.scale && s.anchored(t) && s.otherAct(t, s.cues[lexicon.Trigger], true, false) {
				return true // "사우디 방문에 앞서", ahead of the Saudi visit: when, not with whom
			}
		}
	}
	return false
}

// openingRef is the span [from, to) of an opening phrase that names the
// act a day count starts from, up to its clause's end ("The day before
// Vautrin's arrival, …"); 0, 0 when the sentence opens otherwise.
func (s *sentence) openingRef() (from, to int) {
	shift, ref := s.dayShift()
	if shift == 0 || ref.start > 1 {
		return 0, 0
	}
	for k := ref.end + 1; k < len(s.bounds) && k < len(s.toks); k++ {
		if s.bounds[k] != noBound {
			return ref.end, k
		}
	}
	return 0, 0
}

// asides marks the mentions that are landmarks: those right after an aside
// cue, and those coordinated with them ("the border with Iran and with
// Turkey").
func (s *sentence) asides() []bool {
	out := make([]bool, len(s.places))
	for i, m := range s.places {
		out[i] = m.Kind != gazetteer.Org && s.isAside(m)
		if !out[i] && i > 0 && out[i-1] && s.coordinated(s.places[i-1], m) {
			out[i] = true
		}
	}
	return out
}

// asideOnly lists the states that the sentence names only as landmarks.
func (s *sentence) asideOnly() map[string]bool {
	if !s.has(lexicon.Aside) && !s.has(lexicon.SameDay) && !s.has(lexicon.Anchor) {
		return nil
	}
	party := map[string]bool{}
	aside := map[string]bool{}
	asides := s.asides()
	for i, m := range s.places {
		if m.Kind == gazetteer.Org {
			continue
		}
		if asides[i] {
			aside[m.Code] = true
		} else {
			party[m.Code] = true
		}
	}
	for c := range party {
		delete(aside, c)
	}
	return aside
}

// siteStarts marks the mentions (by first token) named right after a
// locative, as a place: not a demonym, a metonym or a government's seat.
// Computed once per sentence (its cues and places are final once
// annotated); callers must not change the map.
func (s *sentence) siteStarts() map[int]bool {
	if s.sites != nil {
		return s.sites
	}
	s.sites = map[int]bool{}
	for _, l := range s.cues[lexicon.Locative] {
		if m := s.placeBy(l, 2); m != nil && m.Kind != gazetteer.Demonym && m.Kind != gazetteer.Metonym && !s.seatBefore(l) {
			s.sites[m.Start] = true
		}
	}
	return s.sites
}

// sitesOnly returns the states a sentence names only as a place: after a
// locative (before a postposition), or as an aside right by such a place
// ("Malaysia's capital, Kuala Lumpur").
func (s *sentence) sitesOnly() map[string]bool {
	site := maps.Clone(s.siteStarts()) // asides are added below
	if len(site) == 0 {
		return nil
	}
	for i, aside := range s.asides() {
		for j := range s.places {
			if aside && site[s.places[j].Start] && abs(s.places[j].Start-s.places[i].End) <= 2*s.scale {
				site[s.places[i].Start] = true // "Malaysia's capital, Kuala Lumpur"
			}
		}
	}
	sites, party := map[string]bool{}, map[string]bool{}
	for _, m := range s.places {
		switch {
		case m.Kind == gazetteer.Org:
		case site[m.Start]:
			sites[m.Code] = true
		default:
			party[m.Code] = true
		}
	}
	for c := range party {
		delete(sites, c)
	}
	return sites
}

// placesOnly reports states that the sentence names only as places: each
// after a locative, or by a city that is not its capital (a capital may
// stand for its government; "Rio" never does).
func (s *sentence) placesOnly(st []string) bool {
	sites := s.sitesOnly()
	actor, named := map[string]bool{}, map[string]bool{}
	for _, m := range s.places {
		named[m.Code] = true
		if m.Kind != gazetteer.City && m.Kind != gazetteer.Site && !sites[m.Code] {
			actor[m.Code] = true
		}
	}
	for _, c := range st {
		if actor[c] || !named[c] {
			return false // a state the sentence names as more, or not at all
		}
	}
	return len(st) > 0
}

// parties reads the trigger's clause: the states named before the trigger
// as its subject (several when coordinated: "the Netherlands and
// Switzerland suspended aid") and the first state named after it (the
// partner: "suspended military aid to Indonesia"), or else the last state
// named between the subject and the trigger. A sentence that opens with
// the verb names its subject right after it.
func (s *sentence) parties(t cue) (actors []string, partner string) {
	lo, hi := s.clauseOf(t)
	var before, after []gazetteer.Mention
	asides := s.asides()
	site := s.siteStarts()
	for i, m := range s.places {
		if m.Kind == gazetteer.Org || asides[i] || m.Start < lo || m.End > hi {
			continue
		}
		if site[m.Start] && m.End <= t.start {
			continue // "À Beyrouth, le ministre français remet …": where, not who
		}
		switch {
		case m.End <= t.start:
			before = append(before, m)
		case m.Start >= t.end:
			after = append(after, m)
		}
	}
	if len(before) == 0 && len(after) > 0 && after[0].Start-t.end <= 1 &&
		(after[0].Kind == gazetteer.Name || after[0].Kind == gazetteer.Metonym) {
		// verb first: "سلمت تركيا الجيش الصومالي ...", "علقت هولندا وسويسرا ..."
		n := 1
		for n < len(after) && s.coordinated(after[n-1], after[n]) {
			n++
		}
		for _, m := range after[:n] {
			if !slices.Contains(actors, m.Code) {
				actors = append(actors, m.Code)
			}
		}
		for _, m := range after[n:] {
			if !slices.Contains(actors, m.Code) {
				return actors, m.Code
			}
		}
		return actors, ""
	}
	if len(after) > 0 {
		partner = after[0].Code
	}
	rest := 0
	for i, m := range before {
		if i > 0 && !s.coordinated(before[i-1], m) {
			break
		}
		if !slices.Contains(actors, m.Code) {
			actors = append(actors, m.Code)
		}
		rest = i + 1
	}
	if partner == "" && rest < len(before) {
		// verb-final wording names the partner before the verb too:
		// "Hollanda ve İsviçre Pakistan'a askeri yardımı askıya aldı"
		partner = before[len(before)-1].Code
	}
	if slices.Contains(actors, partner) {
		partner = ""
	}
	return actors, partner
}

// coordinated reports two mentions joined by a comma, by the Arabic و
// written on the second, or by up to two short words ("and", "et la", "y",
// "e a", "и", "ve", "na").
func (s *sentence) coordinated(a, b gazetteer.Mention) bool {
	gap := b.Start - a.End
	if gap < 0 || gap > 2 {
		return false
	}
	if gap == 0 {
		// "Mali, Niger", "مصر والأردن"; not "İsviçre Pakistan'a"
		between := s.text[s.toks[a.End-1].End:s.toks[b.Start].Start]
		return strings.ContainsAny(between, ",،，、/&") || strings.HasPrefix(s.toks[b.Start].Text, "و")
	}
	if s.scale > 1 {
		// one character is a word here: only a conjunction or a list mark
		// joins two states ("中国和俄罗斯"), not 向, 驻 or 在
		between := s.text[s.toks[a.End-1].End:s.toks[b.Start].Start]
		for i := a.End; i < b.Start; i++ {
			between += s.toks[i].Text
		}
		return gap == 1 && s.lx.Is(lexicon.Conjunction, s.toks[a.End].Key) || strings.ContainsAny(between, ",،，、/&")
	}
	joined := strings.ContainsAny(s.text[s.toks[a.End-1].End:s.toks[b.Start].Start], ",،，、/&")
	for i := a.End; i < b.Start; i++ {
		if utf8.RuneCountInString(s.toks[i].Text) > 3 {
			return false
		}
		joined = joined || s.lx.Is(lexicon.Conjunction, s.toks[i].Key)
	}
	return joined // "Mali et le Niger"; not "the border with Lebanon to Lebanese drivers"
}

// choosePair keeps two states when a sentence names more: the subject and
// the partner its clause gives, else the article's pair if both are there,
// else the two named closest to the trigger.
func (a *article) choosePair(s *sentence, st []string, t cue) []string {
	if len(st) <= 2 {
		return st
	}
	// "the defence ministers of Italy, Britain and Japan met": a meeting or
	// a pact of the states of one list is among all of them
	if typ := event.Type(t.value); (typ == event.Meeting || typ == event.Agreement) && s.oneList(st) {
		return st
	}
	// "India and the US signed in Malaysia's capital, Kuala Lumpur": the
	// state named only as the place is no party
	if sites := s.sitesOnly(); len(sites) > 0 && len(st)-len(sites) >= 2 {
		st = slices.DeleteFunc(slices.Clone(st), func(c string) bool { return sites[c] })
		if len(st) == 2 {
			return st
		}
	}
	actors, partner := s.parties(t)
	if typ := event.Type(t.value); len(actors) == 2 && slices.Contains(st, actors[0]) && slices.Contains(st, actors[1]) &&
		(typ == event.Agreement || typ == event.Meeting) && (s.lx == nil || !s.lx.HasTrait(lexicon.TraitVerbFinal)) {
		return actors // "Australia and the Philippines signed an arrangement …, as both watch Chinese activity": the co-subjects sign together
	}
	if len(actors) > 0 && partner != "" && slices.Contains(st, actors[0]) && slices.Contains(st, partner) {
		return []string{actors[0], partner}
	}
	if a.pair != nil && slices.Contains(st, a.pair[0]) && slices.Contains(st, a.pair[1]) {
		return []string{a.pair[0], a.pair[1]}
	}
	dist := map[string]int{}
	for _, m := range s.places {
		if m.Kind == gazetteer.Org {
			continue
		}
		d := abs(m.Start - t.start)
		if old, ok := dist[m.Code]; !ok || d < old {
			dist[m.Code] = d
		}
	}
	sorted := append([]string{}, st...)
	sort.SliceStable(sorted, func(i, j int) bool {
		di, oki := dist[sorted[i]]
		dj, okj := dist[sorted[j]]
		if !oki {
			di = 1000
		}
		if !okj {
			dj = 1000
		}
		return di < dj
	})
	return sorted[:2]
}

// coActors returns, for a trigger whose clause names two or more states
// together as its subject and a partner after it, one pair per subject
// state: they act side by side towards the partner.
func (s *sentence) coActors(t cue, st []string) [][]string {
	actors, partner := s.parties(t)
	if len(actors) < 2 || partner == "" || !slices.Contains(st, partner) {
		return nil
	}
	var out [][]string
	for _, c := range actors {
		if slices.Contains(st, c) {
			out = append(out, []string{c, partner})
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// orgActs reports an act whose subject is an international body, not a
// state: "UN troops withdrew from ...", "NATO jets delivered ...". Its clause
// names the body before the trigger and no state there.
func (s *sentence) orgActs(t cue) bool {
	lo, _ := s.clauseOf(t)
	org := false
	for _, m := range s.places {
		if m.Start < lo || m.End > t.start {
			continue
		}
		if m.Kind != gazetteer.Org {
			return false
		}
		org = true
	}
	return org
}

// orgBefore reports an international body named right before t, its
// activity word ("UN peacekeeping", "الأمم المتحدة لحفظ السلام").
func (s *sentence) orgBefore(t cue) bool {
	return slices.ContainsFunc(s.places, func(m gazetteer.Mention) bool {
		return m.Kind == gazetteer.Org && m.End <= t.start && s.onlyLinks(m.End, t.start)
	})
}

// listed reports two states named in one list of three or more ("troops
// from South Africa, Malawi and Tanzania", "chosen by Portugal, Hungary
// and the Netherlands"): states listed side by side share a role, and are
// not each other's partners in an act between two sides.
// oneList reports that the states st are all named in one list:
// "Italia, Regno Unito e Giappone" (a capital named elsewhere may repeat
// one of them).
func (s *sentence) oneList(st []string) bool {
	var run []gazetteer.Mention
	check := func() bool {
		codes := map[string]bool{}
		for _, m := range run {
			codes[m.Code] = true
		}
		if len(codes) != len(st) {
			return false
		}
		for _, c := range st {
			if !codes[c] {
				return false
			}
		}
		return true
	}
	for _, m := range s.places {
		if m.Kind == gazetteer.Org {
			continue
		}
		if len(run) > 0 && !s.coordinated(run[len(run)-1], m) {
			if check() {
				return true
			}
			run = run[:0]
		}
		run = append(run, m)
	}
	return check()
}

func (s *sentence) listed(a, b string) bool {
	run := []gazetteer.Mention{}
	check := func() bool {
		if len(run) < 3 {
			return false
		}
		hasA, hasB := false, false
		for _, m := range run {
			hasA = hasA || m.Code == a
			hasB = hasB || m.Code == b
		}
		return hasA && hasB
	}
	for i, m := range s.places {
		if i > 0 && !s.coordinated(s.places[i-1], m) {
			if check() {
				return true
			}
			run = run[:0]
		}
		run = append(run, m)
	}
	return check()
}

// bilateral reports the types of act that go from one side to another,
// whose two states are never two items of one list.
func bilateral(t event.Type) bool {
	switch t {
	case event.Deployment, event.Arms, event.Aid, event.Training, event.Intelligence, event.Rupture:
		return true
	}
	return false
}

// demonymPair reports states a and b named only as two demonyms joined
// before or after one noun ("norte-americana e belga", "French and
// Estonian troops"): makers of the same goods or members of one force,
// side by side.
func (s *sentence) demonymPair(a, b string) bool {
	for i := 1; i < len(s.places); i++ {
		x, y := s.places[i-1], s.places[i]
		if x.Kind != gazetteer.Demonym || y.Kind != gazetteer.Demonym || !s.coordinated(x, y) {
			continue
		}
		if (x.Code == a && y.Code == b) || (x.Code == b && y.Code == a) {
			for _, m := range s.places {
				if (m.Code == a || m.Code == b) && m.Kind != gazetteer.Demonym {
					return false // "Belgium's rifles ...": a state named as more
				}
			}
			return true
		}
	}
	return false
}

// namesTalks reports a city that names the talks t as their title, right
// before the noun ("the Algiers talks") or joined to it by a genitive
// word alone ("las conversaciones de Argel"): the name of a process held
// there, not a state that takes part in this act.
func (s *sentence) namesTalks(m gazetteer.Mention, t cue) bool {
	if m.End == t.start {
		return m.Start == 0 || !s.inCue(lexicon.Locative, m.Start-1)
	}
	return m.Start == t.end+1 && s.lx.Is(lexicon.Genitive, s.toks[t.end].Key)
}
