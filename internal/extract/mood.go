package extract

import (
	"strings"
	"unicode"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
)

// This file holds the rules over clauses that tell an act that happened from
// one that is denied, asked for, demanded, threatened, refused, supposed or
// put under a condition, from arms used in fighting, and from what an
// agreement provides for. The words are lexicon data (one kind per cue);
// the rules below say how far each kind reaches.

// bound is the clause boundary before a token.
type bound uint8

const (
	noBound   bound = iota
	backBound       // "that": a cue after it does not reach back over it
	softBound       // a comma: lists and appositions continue the clause
	hardBound       // ; : ( ) a dash, or a word that opens a new clause
)

// clauseBounds marks the clause boundaries of a sentence: punctuation
// between words, and clause-opening words ("which", "while", "after";
// connectives such as "but" and "however" have the value "conn"; "that",
// value "back", only stops a cue reaching back; a list connective, value
// "list", such as "а также" ("as well as"), is only a comma: the list it
// continues stays in the clause). A clause that a
// subordinating word opens after a comma, or first in the sentence, ends
// at the next comma ("Mali, which had asked Russia for help, received
// helicopters").
func clauseBounds(s *sentence) []bound {
	b := make([]bound, len(s.toks))
	for i := 1; i < len(s.toks); i++ {
		gap := s.text[s.toks[i-1].End:s.toks[i].Start]
		switch {
		case strings.ContainsAny(gap, ";:—–؛；：【】") || strings.Contains(gap, " - "):
			b[i] = hardBound
		case strings.ContainsAny(gap, "()[]（）"):
			// a bracketed aside ("(MINUSCA)", "(AIKEYME)") is like one
			// between commas: the clause goes on after it
			b[i] = softBound
		case (gap == "," || gap == ".") && digitsOnly(s.toks[i-1].Text) && digitsOnly(s.toks[i].Text):
			// "4,000 troops", "1.200 soldados": a number, not a list
		case strings.ContainsAny(gap, ",،，、"):
			b[i] = softBound
		}
	}
	// a clause word after a comma, or first in the sentence, opens an
	// aside that the next comma closes; one inside a clause does not
	opens := make([]bool, len(s.toks))
	for _, c := range s.cues[lexicon.Clause] {
		if c.value == "back" {
			if c.start > 0 && b[c.start] == noBound {
				b[c.start] = backBound
			}
			continue
		}
		if c.value == "list" {
			if c.start > 0 && b[c.start] == noBound {
				b[c.start] = softBound
			}
			continue
		}
		// "but", "however" join clauses: they open no aside
		opens[c.start] = c.value != "conn" && (c.start == 0 || b[c.start] == softBound)
		if c.value == "conn" && c.start > 0 && b[c.start] == softBound && c.end < len(b) && b[c.end] == softBound {
			continue // "Managua negó, sin embargo, que …": an adverb set off by commas joins nothing
		}
		if c.start > 0 {
			b[c.start] = hardBound
		}
	}
	sub := false
	for i := range s.toks {
		switch {
		case opens[i]:
			sub = true
		case b[i] == hardBound:
			sub = false
		case b[i] == softBound && sub:
			b[i] = hardBound
			sub = false
		}
	}
	return b
}

// digitsOnly reports a token of decimal digits only ("60", "۴۵").
func digitsOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// reach reports whether the tokens from..to (from <= to) stay in one clause:
// no hard boundary between them, and no comma unless commas is set.
func (s *sentence) reach(from, to int, commas bool) bool {
	for i := from + 1; i <= to && i < len(s.bounds); i++ {
		if s.bounds[i] == hardBound || (s.bounds[i] == softBound && !commas) {
			return false
		}
	}
	return true
}

// moodRule says how far the cues of one kind govern an act: ahead is how
// many words after the cue (before it, for cues whose value is "prev": verb
// suffixes and verb-final wording; either way for "both": a Turkish
// "muhtemel" qualifies the noun after it or the verb before it); behind how many words a cue reaches back
// to an act named as its subject ("the contingent may be increased");
// commas whether it reaches across commas (a request's object often runs
// on: "asked Portugal for military aid, especially instructors").
type moodRule struct {
	kind   lexicon.Kind
	ahead  int
	behind int
	commas bool
}

// moodRules are the kinds that keep an act from being an event, for every
// type. A condition also governs an intended act it qualifies ("will
// withdraw unless ..."): see conditional.
var moodRules = []moodRule{
	{lexicon.Negation, 8, 2, false},
	{lexicon.Hypothetical, 20, 6, false},
	{lexicon.Request, 20, 0, true},
	{lexicon.Demand, 20, 0, true},
	{lexicon.Threat, 20, 0, true},
	{lexicon.Refusal, 20, 0, true},
	{lexicon.Condition, 15, 0, false},
}

// moodKinds are the kinds of moodRules, plus provisions, whose cues have a
// direction and may ask something of the next word.
var moodKinds = func() map[lexicon.Kind]bool {
	m := map[lexicon.Kind]bool{lexicon.Provision: true, lexicon.Framework: true}
	for _, r := range moodRules {
		m[r.kind] = true
	}
	return m
}()

// governs reports whether cue c of rule r governs the span of trigger t.
func (s *sentence) governs(r moodRule, c, t cue) bool {
	if c.start < t.end && t.start < c.end {
		// one word, by its affix: "göndermedi", "hakutuma"; or a mood
		// phrase that holds the act: "no talks", "никаких переговоров"
		// (a provision's phrase holding the act names its topic instead)
		if c.stem || c.end-c.start > t.end-t.start && r.kind != lexicon.Provision && r.kind != lexicon.Framework {
			return true
		}
	}
	// distances are in words: a Han, kana or Hangul character is half of one
	r.ahead, r.behind = r.ahead*s.scale, r.behind*s.scale
	if c.value == "prev" || c.value == "both" {
		ahead, commas := r.ahead, r.commas
		if r.kind == lexicon.Negation {
			ahead = 3 * s.scale // a negated verb denies itself and its object: "silah göndermedi", not "müzakerelerin … tarih vermedi"
		} else if s.lx != nil && s.lx.HasTrait(lexicon.TraitVerbFinal) && len(s.toks)-c.end <= 3*s.scale {
			// the verb that ends a verb-final sentence governs the clause it
			// closes, however long, its lists too: "…との報道について、…
			// 「事実無根だ」と否定した", "गोला-बारूद, हथियारों और ड्रोन के … की संभावनाएं तलाशेंगी"
			ahead, commas = len(s.toks), true
		}
		if c.start >= t.end && c.start-t.end <= ahead && s.reach(t.end-1, c.start, commas) {
			return true
		}
	}
	if c.value == "prev" {
		return false
	}
	if t.start >= c.end {
		return t.start-c.end <= r.ahead && s.reach(c.end-1, t.start, r.commas)
	}
	// "troops were not sent", "the contingent may be increased"; never
	// "equipment without payment" (extra "noback")
	return r.behind > 0 && c.extra != "noback" && c.start >= t.end && c.start-t.end < r.behind && s.reachBack(t.end-1, c.start)
}

// reachBack is reach without commas for a cue reaching back to its subject:
// it stops at "that" too ("aid to Pakistan that could total $2 billion").
func (s *sentence) reachBack(from, to int) bool {
	for i := from + 1; i <= to && i < len(s.bounds); i++ {
		if s.bounds[i] != noBound {
			return false
		}
	}
	return true
}

// mood returns the kind of the cue that keeps trigger t from reporting an
// act, or "" when the act is plain.
func (s *sentence) mood(t cue) lexicon.Kind { return s.moodOf(t, true) }

// moodOf is mood; back says whether a cue may reach back to t as to its
// subject (a stage cue is a predicate: "is under negotiation and could be
// initialled" leaves the negotiation real).
func (s *sentence) moodOf(t cue, back bool) lexicon.Kind {
	for _, r := range moodRules {
		if !back {
			r.behind = 0
		}
		for _, c := range s.cues[r.kind] {
			if s.governs(r, c, t) {
				return r.kind
			}
		}
	}
	if s.conditional(t) {
		return lexicon.Condition
	}
	return ""
}

// unreal reports an act that did not happen as told: denied, asked for,
// demanded, threatened, refused, supposed or under a condition.
func (s *sentence) unreal(t cue) bool { return s.mood(t) != "" }

// conditional reports an act that a condition follows in its clause ("will
// withdraw its force unless ..."), or an intended act qualified by a
// condition anywhere in the clause chain ("if the talks fail, it will send
// troops").
func (s *sentence) conditional(t cue) bool {
	for _, c := range s.cues[lexicon.Condition] {
		// "retirará a sus asesores de Ecuador si ...": the act the condition
		// follows, in its clause or just before the comma that opens it
		if c.start >= t.end && c.start-t.end <= 12 && s.reach(t.end-1, c.start-1, false) &&
			(c.start == t.end || s.bounds[c.start] != hardBound) {
			return true
		}
	}
	if len(s.cues[lexicon.Condition]) == 0 || !s.intended(t) {
		return false
	}
	for _, c := range s.cues[lexicon.Condition] {
		lo, hi := c.start, t.start
		if hi < lo {
			lo, hi = hi, lo
		}
		if s.reach(lo, hi, true) {
			return true
		}
	}
	return false
}

// intended reports a future or intent cue governing t ("will withdraw").
func (s *sentence) intended(t cue) bool {
	return s.modalNear(t) || s.modalBefore(t)
}

// fighting reports arms, troops or instruction that belong to a fight, not
// to cooperation: arms or troops in a clause where weapons are fired,
// shelled or seized; an activity noun in a clause of violence ("ten
// soldiers were killed"); arms, troops or trainees next to an armed group
// ("armed gangs", "the rebels' drones"). Intelligence about traffickers is
// still intelligence sharing.
func (s *sentence) fighting(t cue) bool {
	typ := event.Type(t.value)
	near := func(kind lexicon.Kind, within int, commas bool) bool {
		for _, c := range s.cues[kind] {
			if c.start >= t.start && c.end <= t.end && t.extra == received {
				continue // "przejęła od", took over from: a word of the act of receiving, not a seizure
			}
			lo, hi := c.start, t.start
			if hi < lo {
				lo, hi = hi, lo
			}
			d := t.start - c.end
			if c.start >= t.end {
				d = c.start - t.end
			}
			if (within == 0 || d <= within) && s.reach(lo, hi, commas) {
				return true
			}
		}
		return false
	}
	armed := typ == event.Arms || typ == event.Deployment
	switch {
	case armed && near(lexicon.Combat, 0, true):
		return true
	case t.extra != "weak":
		return false
	case typ == event.Meeting || typ == event.Agreement || typ == event.Rupture:
		return false
	case near(lexicon.Hostile, 0, false):
		return true
	}
	return (armed || typ == event.Training) && (near(lexicon.Adversary, 3, false) || s.adversarySubject(t))
}

// adversarySubject reports an armed group named as the subject of t's
// clause: before it, with no comma between and no state between but the
// group's own ("the armed gangs of Haiti now use drones").
func (s *sentence) adversarySubject(t cue) bool {
	for _, c := range s.cues[lexicon.Adversary] {
		if c.end > t.start || !s.reach(c.end-1, t.start, false) {
			continue
		}
		own := true
		for _, m := range s.places {
			if m.Kind != gazetteer.Org && m.Start >= c.end && m.End <= t.start && m.Start-c.end > 3 {
				own = false
			}
		}
		if own {
			return true
		}
	}
	return false
}

// provided reports an act that an agreement provides for ("the treaty
// foresees joint exercises", "the text also covers intelligence") or that
// talks were about ("met ... and discussed joint exercises"): a provision
// cue governs it, and an agreement or a meeting is named before the cue in
// the sentence, or an agreement in one of the two sentences before. A
// provision governs the whole clause it opens (or, verb-final, closes):
// its list runs over commas and list connectives to the clause's end,
// however long ("предусматривает обмен …, заходы …, подготовку …, а также
// сотрудничество спецслужб", "… eğitim almasını ve … paylaşımını öngörüyor").
func (a *article) provided(s *sentence, t cue) bool {
	typ := event.Type(t.value)
	if typ == event.Agreement {
		return false
	}
	if typ == event.Rupture {
		// a withdrawal the talks were about ("au cœur des discussions
		// figuraient le retrait des troupes") is their topic
		r := moodRule{kind: lexicon.Provision, ahead: len(s.toks), commas: true}
		for _, c := range s.cues[lexicon.Provision] {
			if c.extra == "talks" && s.governs(r, c, t) {
				return true
			}
		}
		return false
	}
	// talks are never what talks were about; consultations and visits
	// that an agreement provides for are not meetings held
	if typ == event.Arms && s.near(lexicon.Purchase, t, 1) && !s.documentSubject(t) {
		return false // "an agreement on the purchase of 26 jets": the deal is the transfer (capability 1 of issue 6)
	}
	meeting := typ == event.Meeting
	if !meeting && s.documentSubject(t) && (a.agreementTold(s.index) || len(s.cues[lexicon.Stage]) > 0) {
		return true // "the document, signed on Wednesday, widens the quotas for cadets and provides for a school"
	}
	r := moodRule{kind: lexicon.Provision, ahead: len(s.toks), commas: true}
	for _, c := range s.cues[lexicon.Provision] {
		if c.extra == "talks" && c.value == "next" && t.start >= c.end && !meeting {
			return true // "وتناول اللقاء، الذي عُقد …، … التدريب المشترك": all the talks addressed
		}
		if !s.governs(r, c, t) {
			continue
		}
		if s.agreementBefore(c.start) || (!meeting && (s.meetingBefore(c.start) || c.extra == "talks" || s.talksClose(c, t))) {
			return true // "the two ministers also discussed buying drones": the talks' topic
		}
		// "the memorandum ... provides for", "وتنص الوثيقة على": a
		// document noun beside the cue names an agreement the page told
		// of in any sentence before, or one whose signing this sentence
		// tells ("a roadmap, signed in 2020, that covers training")
		if s.documentNear(c) && (a.agreementTold(s.index) || len(s.cues[lexicon.Stage]) > 0) {
			return true
		}
		// "a strategic compass, which provides for ...": a relative
		// clause that the provision verb opens describes a text, unless
		// what it qualifies is a state ("France, qui prévoit d'envoyer")
		if s.relativeText(c) {
			return true
		}
		for i := s.index - 1; i >= 0 && i >= s.index-2; i-- {
			if a.sents[i].agreementBefore(len(a.sents[i].toks)) {
				return true
			}
		}
	}
	return false
}

// meetingBefore reports a meeting trigger (not an activity noun) that
// starts before token at.
func (s *sentence) meetingBefore(at int) bool {
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value == string(event.Meeting) && c.extra != "weak" && c.start < at {
			return true
		}
	}
	return false
}

// talksClose reports, in a language whose verb ends the clause, talks
// named after the act t that a topic cue c opened: "دو طرف درباره …
// آموزش نیروهای عراقی … گفت‌وگو کردند", the two sides talked about
// training Iraqi forces.
func (s *sentence) talksClose(c, t cue) bool {
	if c.value != "next" || s.lx == nil || !s.lx.HasTrait(lexicon.TraitVerbFinal) {
		return false
	}
	for _, m := range s.cues[lexicon.Trigger] {
		if m.value == string(event.Meeting) && m.extra != "weak" && m.start >= t.end && s.reach(t.end-1, m.start, true) {
			return true
		}
	}
	return false
}

// framed reports an act named as the framework of another: "in the
// framework of a military aid programme", "under its assistance
// programme", "программы военной помощи" after "в рамках".
func (s *sentence) framed(t cue) bool {
	r := moodRule{kind: lexicon.Framework, ahead: 3}
	for _, c := range s.cues[lexicon.Framework] {
		if s.governs(r, c, t) {
			return true
		}
	}
	return false
}

// documentNear reports a document noun ("the document", "muhtıra") as the
// subject of provision cue p: before it, or just after it where the verb
// comes first ("وتنص الوثيقة على").
func (s *sentence) documentNear(p cue) bool {
	for _, c := range s.cues[lexicon.Document] {
		if c.start < p.start || (c.start >= p.end && c.start-p.end <= 1) {
			return true
		}
	}
	return false
}

// documentSubject reports a sentence that opens with a document noun and
// tells what the text provides for (a provision cue after it, in the
// clauses that go on from it), with trigger t after the noun: every
// activity it names is the text's content.
func (s *sentence) documentSubject(t cue) bool {
	for _, d := range s.cues[lexicon.Document] {
		if d.start > 1 || t.start < d.end {
			continue
		}
		for _, p := range s.cues[lexicon.Provision] {
			if p.start >= d.end && s.reach(d.end-1, p.start, true) {
				return true
			}
		}
	}
	return false
}

// relativeText reports a provision cue p that follows a clause word with
// nothing between ("qui prévoit", "which provides for", "который
// предусматривает"), where the word before the clause word is no place:
// the clause then tells what a text contains.
func (s *sentence) relativeText(p cue) bool {
	if p.extra == "prev" || p.value == "prev" || p.start < 2 {
		return false
	}
	for _, c := range s.cues[lexicon.Clause] {
		if c.end != p.start || c.value == "conn" || c.value == "list" || c.start < 1 {
			continue
		}
		for _, m := range s.places {
			if m.End == c.start {
				return false
			}
		}
		return true
	}
	return false
}

// agreementTold reports an agreement named in a sentence before sentence i.
func (a *article) agreementTold(i int) bool {
	for j := 0; j < i && j < len(a.sents); j++ {
		if a.sents[j].agreementBefore(len(a.sents[j].toks)) {
			return true
		}
	}
	return false
}

// agreementBefore reports an agreement trigger that starts before token at.
func (s *sentence) agreementBefore(at int) bool {
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value == string(event.Agreement) && c.start < at {
			return true
		}
	}
	return false
}

// stageUnreal reports a stage cue that a mood governs: "could be signed
// next year" says nothing of the agreement's stage now.
func (s *sentence) stageUnreal(c cue) bool { return s.moodOf(c, false) != "" }
