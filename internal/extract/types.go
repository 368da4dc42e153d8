package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
)

// retype tells apart event types that share words (capability 6 of the
// extraction issue): joint training with a code name, several services or a
// host territory is an exercise; surveillance or reconnaissance that names
// a piece of equipment ("surveillance radars") is a delivery of equipment,
// not intelligence sharing; the arrival of a contingent or of military
// specialists is a deployment, not a visit, and their departure a
// withdrawal (a rupture); a weak rupture verb whose
// object is a cooperation act ("suspended military aid") is a rupture.
func (s *sentence) retype() {
	s.hostGoods()
	s.contractedGoods()
	trig := s.cues[lexicon.Trigger]
	for i := range trig {
		t := &trig[i]
		switch event.Type(t.value) {
		case event.Training:
			if s.jointNear(*t) && (s.codeNamed() || s.services() >= 2 || s.hostPlace()) {
				t.value = string(event.Exercise)
			}
		case event.Meeting:
			if s.receivesGoods(*t) {
				// "the army received 40 vehicles from China": a delivery,
				// not a reception; its subject is the recipient
				t.value, t.extra = string(event.Arms), received
			}
		case event.Arms:
			if t.extra == "weak" && s.medicalGoods() {
				t.value = string(event.Aid) // "handed over medical supplies to the military hospital": aid, no arms
			}
		case event.Aid:
			if s.donatedGoods(*t) {
				t.value = string(event.Arms) // "30 armoured vehicles donated to the army": equipment given is a transfer
			}
		case event.Intelligence:
			if t.extra == "weak" && (s.near(lexicon.Equipment, *t, 2) || s.handsOver()) {
				t.value = string(event.Arms) // "surveillance radars", "handed over vehicles for border surveillance"
			}
		case event.Rupture:
			if t.extra == endVerb {
				// "beendeten ihre Grundausbildung", "Manöver beendet": an
				// exercise, a course or a visit that ended is over, not
				// broken off; dropped with the verbs that lack an object
				t.extra = "weak"
				if s.endsActivity(*t) {
					t.extra = "verb"
					continue
				}
			}
			if (t.extra == "weak" || t.extra == "verb") && s.ruptureObject(*t) {
				t.extra = "" // "suspendió la ayuda militar": the suspension is the act
			}
		}
	}
	// a rupture verb that needs its object ("علقت": suspended, or hung) and
	// has none reports nothing
	trig = slices.DeleteFunc(trig, func(t cue) bool { return t.extra == "verb" })
	trig = s.fundsFor(trig)
	for _, a := range s.cues[lexicon.Arrival] {
		force := -1
		for i, t := range trig {
			if t.value != string(event.Deployment) {
				continue
			}
			// "a contingent of 200 soldiers arrived", "the arrival of a contingent"
			if (t.end <= a.start && a.start-t.end <= 10 && s.reach(t.end-1, a.start, true)) ||
				(t.start >= a.end && t.start-a.end <= 2 && s.reach(a.end-1, t.start, false)) {
				force = i
			}
		}
		if force < 0 {
			continue
		}
		trig[force].extra = "" // the force that arrived is the act
		for i := range trig {
			if trig[i].value == string(event.Meeting) && trig[i].start < a.end && a.start < trig[i].end {
				trig[i].value, trig[i].extra = string(event.Deployment), ""
			}
		}
	}
	// "a convoy of soldiers left Goma", "the departure of the contingent":
	// forces leaving are a withdrawal
	for _, d := range s.cues[lexicon.Departure] {
		force := -1 // the force noun nearest the verb
		for i, t := range trig {
			if t.value != string(event.Deployment) {
				continue
			}
			if (t.end <= d.start && d.start-t.end <= 10*s.scale && s.reach(t.end-1, d.start, true)) ||
				(force < 0 && t.start >= d.end && t.start-d.end <= 2*s.scale && s.reach(d.end-1, t.start, false)) {
				force = i
			}
		}
		if force >= 0 && !s.goesAbroad(trig[force], d) {
			trig[force].value, trig[force].extra = string(event.Rupture), ""
		} else if force >= 0 {
			trig[force].extra = "" // "150 Burkinabè soldiers left Ouagadougou for Tillabéri, in Niger": sent there
		}
	}
	s.cues[lexicon.Trigger] = trig
}

// goesAbroad reports a force leaving for another state than its own:
// after the departure verb d and the place it leaves, the clause names as
// a destination ("for", "à destination de"; not a locative such as "à")
// a place outside the state
// whose demonym stands next to the force noun. Forces going home ("left
// Goma for Nairobi") or crossing a state on their way withdraw.
func (s *sentence) goesAbroad(force, d cue) bool {
	own := ""
	for _, m := range s.places {
		if m.Kind == gazetteer.Demonym && ((m.Start >= force.end && m.Start-force.end <= 2*s.scale) || (m.End <= force.start && force.start-m.End <= 2*s.scale)) {
			own = m.Code
		}
	}
	if own == "" {
		return false
	}
	left := false
	for _, m := range s.places {
		if m.Kind == gazetteer.Demonym || m.Start < d.end || m.Start-d.end > 12*s.scale || !s.reach(d.end-1, m.Start, true) {
			continue
		}
		if !left && m.Start-d.end <= 2*s.scale {
			left = true // the place left
			continue
		}
		if m.Code != own && slices.ContainsFunc(s.cues[lexicon.Recipient], func(r cue) bool {
			return r.value == "next" && r.end <= m.Start && m.Start-r.end <= 2*s.scale && !s.locativeAt(r)
		}) {
			return true // "à destination de Tillabéri", "bound for Juba"
		}
	}
	return false
}

// ruptureObject reports a cooperation act right after a weak rupture verb
// ("suspendieron la ayuda militar", "cancelou o acordo").
func (s *sentence) ruptureObject(t cue) bool {
	for _, o := range s.cues[lexicon.Trigger] {
		if o.value == string(event.Rupture) || o.value == string(event.Meeting) || o.extra == "weak" ||
			o.start < t.end || !s.reach(t.end-1, o.start, false) {
			continue
		}
		gap := 0 // words between, a date aside: "suspendieron el 12 de mayo la ayuda"
		for i := t.end; i < o.start; i++ {
			if !s.inDate(i, i+1) {
				gap++
			}
		}
		if gap <= 3 {
			return true
		}
	}
	return false
}

// endVerb is the extra of a rupture cue that says "ended" or "completed":
// weak, and no act at all when what ended is an exercise, a course or a
// visit (endsActivity).
const endVerb = "end"

// endsActivity reports an exercise, training or meeting cue within three
// words of t, on either side in its clause or overlapping it: the activity
// t says has ended.
func (s *sentence) endsActivity(t cue) bool {
	for _, o := range s.cues[lexicon.Trigger] {
		switch event.Type(o.value) {
		case event.Exercise, event.Training, event.Meeting:
		default:
			continue
		}
		if s.close(o, t, 3*s.scale) {
			return true
		}
	}
	return false
}

// near reports a cue of kind within n words of t, in the same clause.
func (s *sentence) near(kind lexicon.Kind, t cue, n int) bool {
	for _, c := range s.cues[kind] {
		if s.close(c, t, n) {
			return true
		}
	}
	return false
}

// close reports c within n words of t, on either side in the same clause,
// or overlapping it.
func (s *sentence) close(c, t cue, n int) bool {
	switch {
	case c.start >= t.end:
		return c.start-t.end <= n && s.reach(t.end-1, c.start, false)
	case c.end <= t.start:
		return t.start-c.end <= n && s.reach(c.end-1, t.start, false)
	}
	return true
}

// fundsFor drops the arms that money given as aid is to buy: "a
// contribution of 5 million dollars for the purchase of bulletproof vests
// and radios" is aid, whose equipment is its topic. The purchase cue
// stands after the aid trigger in its clause, the arms after the purchase.
func (s *sentence) fundsFor(trig []cue) []cue {
	for _, a := range trig {
		if a.value != string(event.Aid) {
			continue
		}
		for _, p := range s.cues[lexicon.Purchase] {
			if p.start < a.end || p.start-a.end > 6*s.scale || !s.reach(a.end-1, p.start, true) {
				continue
			}
			return slices.DeleteFunc(trig, func(t cue) bool {
				return t.value == string(event.Arms) && t.end > p.start && s.reach(p.start, t.start, true)
			})
		}
	}
	return trig
}

// donatedGoods reports an aid word whose gift is arms or equipment that
// can kill (the spec's arms: "equipment sale, donation, delivery"): a
// piece of equipment or a word of arms in its clause, and no purchase
// that money is for ("a contribution for the purchase of radios" stays
// aid), no medical goods and no goods that kill no one (radios, vests,
// radars, "non-lethal": security assistance, aid).
func (s *sentence) donatedGoods(t cue) bool {
	if s.medicalGoods() || s.has(lexicon.Purchase) || s.has(lexicon.NonLethal) {
		return false
	}
	for _, k := range []lexicon.Kind{lexicon.Equipment, lexicon.Trigger} {
		for _, c := range s.cues[k] {
			if k == lexicon.Trigger && (c.value != string(event.Arms) || s.inCue(lexicon.Equipment, c.start) || c.extra == "weak" && !s.has(lexicon.Equipment)) {
				continue
			}
			lo, hi := min(c.start, t.start), max(c.end, t.end)
			if hi-lo <= 12*s.scale && s.reach(lo, hi-1, true) {
				return true
			}
		}
	}
	return false
}

// medicalGoods reports a sentence whose goods are medical, not arms: the
// welfare domain and no piece of equipment.
func (s *sentence) medicalGoods() bool {
	return !s.has(lexicon.Equipment) && slices.ContainsFunc(s.cues[lexicon.Domain], func(d cue) bool { return d.value == "welfare" })
}

// locativeAt reports a locative cue spanning exactly the words of c: a
// bare "à" or "to" says where as well as to whom.
func (s *sentence) locativeAt(c cue) bool {
	return slices.ContainsFunc(s.cues[lexicon.Locative], func(l cue) bool { return l.start == c.start && l.end == c.end })
}

// within reports a cue of the kind that spans the trigger or overlaps it:
// the reception verb "were welcomed" that reports a meeting.
func (s *sentence) within(kind lexicon.Kind, t cue) bool {
	for _, c := range s.cues[kind] {
		if c.start < t.end && t.start < c.end {
			return true
		}
	}
	return false
}

// jointNear reports "joint", "conjoint", "совместн*" qualifying t.
func (s *sentence) jointNear(t cue) bool {
	if s.near(lexicon.Joint, t, 2) {
		return true
	}
	// adjectives after the noun: "التدريب البحري المصري السعودي المشترك"
	for _, c := range s.cues[lexicon.Joint] {
		if c.start >= t.end && c.start-t.end <= 4*s.scale && s.wordsAre(t.end, c.start, func(i int) bool {
			return s.inMention(i) || s.inCue(lexicon.Domain, i)
		}) {
			return true
		}
	}
	return false
}

// services counts the distinct armed services the sentence names.
func (s *sentence) services() int {
	seen := map[string]bool{}
	for _, c := range s.cues[lexicon.Service] {
		seen[c.value] = true
	}
	return len(seen)
}

// hostPlace reports a place named after a locative ("in Djibouti").
// received marks an arms trigger made from a verb of receiving: the state
// it tells of receives, the giver is named after "from" or "by".
const received = "received"

// receivesGoods reports a verb of receiving (a host cue, or a weak
// meeting trigger) whose object, within four words after it ("took over
// from Japan two mobile radars") and no locative or act between, is a
// piece of equipment: goods received, not guests.
func (s *sentence) receivesGoods(t cue) bool {
	if t.extra != "weak" && !s.within(lexicon.Host, t) {
		return false
	}
	for _, e := range s.cues[lexicon.Equipment] {
		if e.start >= t.end && e.start-t.end <= 4*s.scale && s.reach(t.end-1, e.start, false) && !s.cueBetween(lexicon.Locative, t.end, e.start) &&
			!s.cueBetween(lexicon.Trigger, t.end, e.start) {
			return true // not "received at the airport" (uwanja wa ndege)
		}
	}
	return false
}

// hostGoods makes a verb of receiving that no trigger holds an act of
// receiving arms when a piece of equipment is its object: "a Marinha
// recebeu duas lanchas", "hanno ricevuto due motovedette" (receivesGoods
// turns a reception trigger so).
func (s *sentence) hostGoods() {
	for _, h := range s.cues[lexicon.Host] {
		if s.within(lexicon.Trigger, h) || s.cueBetween(lexicon.Trigger, h.start, h.end) {
			continue
		}
		if t := (cue{start: h.start, end: h.end, value: string(event.Arms), extra: received}); s.receivesGoods(t) {
			s.cues[lexicon.Trigger] = append(s.cues[lexicon.Trigger], t)
		}
	}
}

// contractedGoods gives a contract the arms it buys when they are named by
// counted equipment alone right after its noun, in its clause ("einen
// Vertrag über zwei U-Boote", "a contract for 26 patrol boats"): a weak
// arms cue at the equipment, which companion then reports beside the
// agreement. Equipment named without a count is the pact's topic ("an
// accord on building ships"); equipment an arms cue already names is left
// to it.
func (s *sentence) contractedGoods() {
	for _, g := range s.cues[lexicon.Trigger] {
		if g.value != string(event.Agreement) || g.extra == "weak" {
			continue
		}
		for _, e := range s.cues[lexicon.Equipment] {
			if e.start < g.end || e.start-g.end > companionReach*s.scale || s.boundBetween(g.end, e.start) || !s.counted(e) {
				continue
			}
			if s.cueBetween(lexicon.Trigger, g.end, e.end) || s.within(lexicon.Trigger, e) {
				break // "a deal to acquire 24 aircraft": the arms cue is there
			}
			s.cues[lexicon.Trigger] = append(s.cues[lexicon.Trigger], cue{start: e.start, end: e.end, value: string(event.Arms), extra: "weak", stem: e.stem})
			break
		}
	}
}

// counted reports equipment with a count beside it: digits or a number
// word within three words before it ("zwei weitere U-Boote", "دو فروند"), or
// right after it ("boti mbili", "潜水艦2隻").
func (s *sentence) counted(e cue) bool {
	count := func(i int) bool {
		return i >= 0 && i < len(s.toks) && (digitsOnly(s.toks[i].Text) || s.inCue(lexicon.Count, i))
	}
	for i := e.start - 1; i >= e.start-3*s.scale && i >= 0; i-- {
		if count(i) {
			return true
		}
	}
	return count(e.end)
}

// cueBetween reports a cue of kind starting in tokens [from, to).
func (s *sentence) cueBetween(kind lexicon.Kind, from, to int) bool {
	for _, c := range s.cues[kind] {
		if c.start >= from && c.start < to {
			return true
		}
	}
	return false
}

// handsOver reports a sentence that tells a transfer of equipment: an
// arms trigger other than an equipment noun (a verb of handing over), and
// an equipment noun.
func (s *sentence) handsOver() bool {
	if !s.has(lexicon.Equipment) {
		return false
	}
	for _, t := range s.cues[lexicon.Trigger] {
		if t.value == string(event.Arms) && !s.within(lexicon.Equipment, t) {
			return true // "übergeben", "handed over": not the equipment noun itself
		}
	}
	return false
}

func (s *sentence) hostPlace() bool {
	for _, l := range s.cues[lexicon.Locative] {
		if m := s.placeBy(l, 1); m != nil && (m.Kind.IsPlace() || m.Kind == gazetteer.Name) {
			return true
		}
	}
	return false
}

// codeNamed reports a code name: a cue ("code-named", "baptisé", "под
// названием") or a short quoted phrase that starts with a capital letter
// («Защитники дружбы», "Flintlock").
func (s *sentence) codeNamed() bool {
	if s.has(lexicon.CodeName) {
		return true
	}
	for _, q := range []struct{ open, close string }{{"«", "»"}, {"“", "”"}, {"\"", "\""}, {"„", "“"}, {"「", "」"}, {"『", "』"}} {
		rest := s.text
		for {
			i := strings.Index(rest, q.open)
			if i < 0 {
				break
			}
			rest = rest[i+len(q.open):]
			j := strings.Index(rest, q.close)
			if j < 0 {
				break
			}
			inner := strings.TrimSpace(rest[:j])
			rest = rest[j+len(q.close):]
			r, _ := utf8.DecodeRuneInString(inner)
			// a capital, or a letter of a script without case («مرجان 2026», 「…」)
			if inner != "" && (unicode.IsUpper(r) || unicode.IsLetter(r) && !unicode.IsLower(r)) && len(strings.Fields(inner)) <= 4 {
				return true
			}
		}
	}
	return false
}
