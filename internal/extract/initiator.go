package extract

import (
	"slices"
	"strings"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
)

func other(pair []string, c string) string {
	if pair[0] == c {
		return pair[1]
	}
	return pair[0]
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

// modifierState is the state whose demonym qualifies the trigger noun
// right before or after it: the maker or sender of the thing.
func (s *sentence) modifierState(t cue, countries []string) string {
	for _, m := range s.places {
		if m.Kind != gazetteer.Demonym || !slices.Contains(countries, m.Code) {
			continue
		}
		if m.Start >= t.end && m.Start-t.end <= 1 && t.value == string(event.Training) && len(countries) == 2 && s.traineesAfter(t, m) {
			return other(countries, m.Code) // "trained Mauritanian border guards", "formation de soldats maliens": the trained
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
// ("completed", "проходит обучение") stands within twelve words of
// training trigger t: the people's adjective named last before the cue,
// else the state named last before it and not as a place, its subject
// ("most Kyrgyz officers still study at Russian academies", not Moscow
// named before; "zwölf indonesische Stabsoffiziere an der Akademie der
// Bundeswehr", not the Bundeswehr); in verb-final wording the subject
// that opens the clause. sure is false for that subject, which the giver
// of any act is too (see Candidate.SureInitiator).
func (a *article) traineeState(s *sentence, t cue, countries []string) (state string, sure bool) {
	if len(countries) != 2 {
		return "", false
	}
	at := -1 // the subject stands before the trainee cue or the trigger
	for _, c := range s.cues[lexicon.Trainee] {
		if !s.close(c, t, 12*s.scale) {
			continue
		}
		if c.value == "next" {
			// "a course attended by 38 Libyan sailors", "frequentato da":
			// the trained are named after the passive, as its agent
			for _, m := range s.places {
				if m.Start >= c.end && m.Start-c.end <= 6*s.scale && (m.Kind == gazetteer.Demonym || m.Kind == gazetteer.Name) &&
					slices.Contains(countries, m.Code) {
					return m.Code, true
				}
			}
			continue
		}
		at = min(c.start, t.start)
		break
	}
	if at < 0 {
		return "", false
	}
	if s.lx != nil && s.lx.HasTrait(lexicon.TraitVerbFinal) {
		return a.giver(s, t, countries), false // the subject opens the clause, as it does of any act
	}
	// a mention a locative points at is where, even a people's adjective
	// ("в российских военных вузах"), which asSite leaves to the states
	where := map[int]bool{}
	for _, l := range s.cues[lexicon.Locative] {
		if m := s.placeBy(l, 2); m != nil {
			where[m.Start] = true
		}
	}
	subject := ""
	for i := len(s.places) - 1; i >= 0; i-- {
		m := s.places[i]
		if m.Start < at && !where[m.Start] && m.Kind != gazetteer.Org && m.Kind != gazetteer.City && m.Kind != gazetteer.Site && slices.Contains(countries, m.Code) {
			if m.Kind == gazetteer.Demonym {
				return m.Code, true // "twelve Indonesian officers at the Bundeswehr's academy … attend a course": the people are trained
			}
			if subject == "" {
				subject = m.Code
			}
		}
	}
	return subject, subject != ""
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

// receiverState is the state a recipient cue in the trigger's clause
// names: right after a cue whose value is "next" ("to the Somali army",
// "kepada TNI AU"), right before one whose value is "prev" ("Somali
// Ordusuna", "आर्मेनियाई सेना को"). It receives; the other state gives.
func (s *sentence) receiverState(t cue, countries []string) string {
	if len(countries) != 2 || s.near(lexicon.Purchase, t, 4*s.scale) {
		return "" // "埃及向中国采购": who buys from whom, not who receives
	}
	for _, c := range s.cues[lexicon.Recipient] {
		if lo, hi := min(c.start, t.start), max(c.start, t.start); !s.reach(lo, hi, true) {
			continue
		}
		best := -1 // before a "prev" cue, the place nearest to it: "豪州が比軍に", not 豪州
		gap := 3 * s.scale
		if s.inCue(lexicon.Service, c.end) || s.inCue(lexicon.Service, c.end+1) {
			gap = 5 * s.scale // a force may come first: "à Marinha de Guerra de Moçambique"
		}
		for k, m := range s.places {
			if m.Kind == gazetteer.Org || !slices.Contains(countries, m.Code) || s.fromPlace(&m) ||
				m.Kind.IsPlace() && s.inCue(lexicon.Locative, c.start) {
				continue // "A Taranto si chiude il corso": where, not who receives
			}
			after := c.value == "next" && m.Start >= c.end && m.Start-c.end <= gap && s.reach(c.end-1, m.Start, false)
			// the place may end inside the cue: "比軍に", to the Philippine forces
			before := c.value == "prev" && m.Start < c.start && m.End <= c.end && (c.start-m.End <= s.scale || s.forceBetween(m.End, c.start)) && s.reach(min(m.End-1, c.start), c.start, false)
			if after {
				return m.Code
			}
			if before && (best < 0 || m.End > s.places[best].End) {
				best = k
			}
		}
		if best >= 0 {
			return s.places[best].Code
		}
	}
	return ""
}

// forceBetween reports words [from, to) that all name a force or a
// defence body ("Kenya Deniz Kuvvetleri için": Kenya's navy, for it).
func (s *sentence) forceBetween(from, to int) bool {
	return to-from <= 4*s.scale && s.wordsAre(from, to, func(i int) bool {
		return s.inCue(lexicon.Service, i) || s.inCue(lexicon.Security, i)
	})
}

// traineesAfter reports the people's adjective m, right after training
// trigger t, as the trained side: not where the course is ("szkolenie w
// szwedzkiej bazie", "навчання на турецькому кораблі", "at the training
// centre of the Swedish navy") and not one of two
// adjectives that make the training joint ("التدريب الجوي المصري الصيني").
func (s *sentence) traineesAfter(t cue, m gazetteer.Mention) bool {
	if s.lx != nil && s.lx.HasTrait(lexicon.TraitHeadFinal) {
		return false // the trained come before the act word: "eğitimlerini Türk Deniz Kuvvetlerinde tamamladı"
	}
	for _, l := range s.cues[lexicon.Locative] {
		if l.start >= t.end && l.end <= m.Start || l.end <= t.start && t.start-l.end <= 1 {
			return false // "w ośrodku szkolenia szwedzkiej marynarki": the centre's owner trains
		}
	}
	for _, n := range s.places {
		if n.Kind == gazetteer.Demonym && n.Code != m.Code && (n.Start == m.End || n.End == m.Start) {
			return false
		}
	}
	return true
}
