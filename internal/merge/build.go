package merge

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"pactwatch/internal/event"
)

// MaxEvidence is how many evidence sentences a merged record keeps; every
// source keeps all of its own.
const MaxEvidence = 5

// MaxConfidence caps a merged record's confidence: agreeing sources make a
// happening surer, never certain.
const MaxConfidence = 0.99

// source is one article's mentions of the happening.
type source struct {
	event.Source
	mentions []*event.Mention
	conf     float64 // the highest confidence of its mentions
}

// Build makes the merged record of one happening from its mentions (ID left 0).
func Build(ms []event.Mention) event.Record {
	r := event.Record{Event: event.Event{Organizations: []string{}, Evidence: []string{}}}
	if len(ms) == 0 {
		return r
	}
	sorted := make([]*event.Mention, len(ms))
	for i := range ms {
		sorted[i] = &ms[i]
	}
	slices.SortStableFunc(sorted, func(a, b *event.Mention) int {
		return cmp.Or(compareKnown(day(a.Published), day(b.Published)), strings.Compare(a.Article, b.Article),
			strings.Compare(canon(a), canon(b)))
	})
	srcs := sources(sorted)
	first := srcs[0]
	r.Type = first.mentions[0].Type
	r.Article = first.Article
	r.Language = first.Language
	for _, s := range srcs {
		r.Sources = append(r.Sources, s.Source)
		if s.Published == "" {
			continue
		}
		if r.FirstReported == "" || s.Published < r.FirstReported {
			r.FirstReported = s.Published
		}
		if s.Published > r.LastReported {
			r.LastReported = s.Published
		}
	}
	for _, m := range sorted {
		r.Countries = union(r.Countries, m.Countries...)
		r.Domains = union(r.Domains, m.Domains...)
		r.Organizations = union(r.Organizations, m.Organizations...)
	}
	slices.Sort(r.Countries)
	slices.Sort(r.Domains)
	slices.Sort(r.Organizations)
	for _, s := range srcs {
		for _, e := range s.Evidence {
			if len(r.Evidence) < MaxEvidence && !slices.Contains(r.Evidence, e) {
				r.Evidence = append(r.Evidence, e)
			}
		}
	}
	r.Confidence = combine(srcs)
	r.Persons = persons(srcs)

	dated := srcs // the sources whose dates are the record's date
	if r.Type == event.Agreement {
		r.Agreement, r.Stages = lifecycle(srcs)
		if r.Agreement != nil {
			dated = atStage(srcs, r.Agreement.Stage)
		}
	} else if ag, alt := agreementInfo(srcs); ag != nil {
		r.Agreement = ag
		r.Alternatives = append(r.Alternatives, alt...)
	}
	// an agreement's place and initiator are those of the latest stage
	// whose sources give one: the other stages' are history, not dispute
	located, initiated := srcs, srcs
	if r.Type == event.Agreement {
		located = latestWith(srcs, func(m *event.Mention) bool { return m.Location != nil })
		initiated = latestWith(srcs, func(m *event.Mention) bool { return m.Initiator != "" })
	}
	var alt []event.Alternative
	r.Date, alt = bestDate(dated)
	r.Alternatives = append(r.Alternatives, alt...)
	r.Location, alt = bestLocation(located)
	r.Alternatives = append(r.Alternatives, alt...)
	r.Initiator, alt = bestInitiator(initiated)
	r.Alternatives = append(r.Alternatives, alt...)
	slices.SortFunc(r.Alternatives, func(a, b event.Alternative) int {
		return cmp.Or(strings.Compare(a.Field, b.Field), strings.Compare(a.Value, b.Value))
	})
	return r
}

// sources gathers the mentions of each article, in the order of sorted
// (earliest publication first).
func sources(sorted []*event.Mention) []*source {
	var out []*source
	by := map[string]*source{}
	for _, m := range sorted {
		s := by[m.Article]
		if s == nil {
			s = &source{Source: event.Source{Article: m.Article, Evidence: []string{}}, conf: math.Inf(-1)}
			by[m.Article] = s
			out = append(out, s)
		}
		s.mentions = append(s.mentions, m)
		s.URL = cmp.Or(s.URL, m.URL)
		s.Language = cmp.Or(s.Language, m.Language)
		s.Published = cmp.Or(s.Published, m.Published)
		s.Evidence = union(s.Evidence, m.Evidence...)
		s.conf = max(s.conf, clamp(m.Confidence))
	}
	return out
}

// gives reports that one of the source's mentions has what f looks for.
func (s *source) gives(f func(*event.Mention) bool) bool {
	return slices.ContainsFunc(s.mentions, f)
}

func clamp(c float64) float64 {
	if math.IsNaN(c) || c < 0 {
		return 0
	}
	return min(c, 1)
}

// SourceWeight is how much of the remaining doubt each further source
// removes. Sources are not independent (agencies copy each other, and one
// extractor's error repeats on every copy), so agreement counts for less
// than 1-∏(1-c) would say: two sources at 0.8 give 0.85, three 0.89.
const SourceWeight = 0.25

// combine gives the record's confidence: the best source's confidence,
// with each further source removing SourceWeight of the remaining doubt,
// capped at MaxConfidence and rounded to hundredths.
func combine(srcs []*source) float64 {
	best := 0.0
	for _, s := range srcs {
		best = max(best, s.conf)
	}
	doubt := 1 - best
	for range max(len(srcs)-1, 0) {
		doubt *= 1 - SourceWeight
	}
	return math.Round(min(1-doubt, MaxConfidence)*100) / 100
}

func union(list []string, add ...string) []string {
	for _, x := range add {
		if x != "" && !slices.Contains(list, x) {
			list = append(list, x)
		}
	}
	return list
}

// ballot counts the sources that gave one value of a field.
type ballot struct {
	value   string
	sources []int // indexes into the sources, in their order
	conf    float64
}

// poll counts, for each value a source gives (each source counted once per
// value), its supporters; the winner is the value most sources give, ties
// to the higher confidence, then to the earliest source.
func poll(srcs []*source, values func(*event.Mention) []string) []*ballot {
	var out []*ballot
	for i, s := range srcs {
		var given []string
		for _, m := range s.mentions {
			given = union(given, values(m)...)
		}
		for _, v := range given {
			j := slices.IndexFunc(out, func(b *ballot) bool { return b.value == v })
			if j < 0 {
				out = append(out, &ballot{value: v})
				j = len(out) - 1
			}
			out[j].sources = append(out[j].sources, i)
			out[j].conf = max(out[j].conf, s.conf)
		}
	}
	slices.SortStableFunc(out, func(a, b *ballot) int {
		return cmp.Or(cmp.Compare(len(b.sources), len(a.sources)), cmp.Compare(b.conf, a.conf),
			cmp.Compare(a.sources[0], b.sources[0]), strings.Compare(a.value, b.value))
	})
	return out
}

// alternatives lists the ballots other than the winner's value.
func alternatives(field, won string, ballots []*ballot, srcs []*source) []event.Alternative {
	var out []event.Alternative
	for _, b := range ballots {
		if b.value == won {
			continue
		}
		a := event.Alternative{Field: field, Value: b.value}
		for _, i := range b.sources {
			a.Sources = append(a.Sources, srcs[i].Article)
		}
		out = append(out, a)
	}
	return out
}

// bestDate picks the most precise date that most dated sources agree with:
// at day precision if more than half of them agree with one day (a source
// saying only the month agrees with every day of it), else at month
// precision, else the year.
func bestDate(srcs []*source) (string, []event.Alternative) {
	ballots := poll(srcs, func(m *event.Mention) []string {
		if parseWhen(m.Date).known() {
			return []string{m.Date}
		}
		return nil
	})
	if len(ballots) == 0 {
		return "", nil
	}
	dated := map[int][]when{} // source index → the dates it gives
	for _, b := range ballots {
		for _, i := range b.sources {
			dated[i] = append(dated[i], parseWhen(b.value))
		}
	}
	for p := daily; p >= yearly; p-- {
		var cands []*ballot
		for _, b := range ballots {
			w := parseWhen(b.value)
			if w.prec < p {
				continue
			}
			v := truncate(b.value, p)
			if slices.ContainsFunc(cands, func(c *ballot) bool { return c.value == v }) {
				continue
			}
			c := &ballot{value: v}
			cw := parseWhen(v)
			for i := range srcs {
				if slices.ContainsFunc(dated[i], func(d when) bool { return gap(d, cw) == 0 }) {
					c.sources = append(c.sources, i)
					c.conf = max(c.conf, srcs[i].conf)
				}
			}
			if len(c.sources) > 0 {
				cands = append(cands, c)
			}
		}
		if len(cands) == 0 {
			continue
		}
		slices.SortStableFunc(cands, func(a, b *ballot) int {
			return cmp.Or(cmp.Compare(len(b.sources), len(a.sources)), cmp.Compare(b.conf, a.conf),
				cmp.Compare(a.sources[0], b.sources[0]), strings.Compare(a.value, b.value))
		})
		if 2*len(cands[0].sources) > len(dated) || p == yearly {
			return cands[0].value, dateAlternatives(cands[0].value, ballots, srcs)
		}
	}
	return "", dateAlternatives("", ballots, srcs)
}

// dateAlternatives lists the dates sources gave other than won, leaving out
// the vaguer forms of won itself (2025 or 2025-03 beside 2025-03-14): they
// agree with it.
func dateAlternatives(won string, ballots []*ballot, srcs []*source) []event.Alternative {
	var out []event.Alternative
	for _, a := range alternatives("date", won, ballots, srcs) {
		if !strings.HasPrefix(won, a.Value) {
			out = append(out, a)
		}
	}
	return out
}

// locationKey is how a location is compared: its country, else its folded name.
func locationKey(l *event.Location) string {
	if l == nil {
		return ""
	}
	if l.Country != "" {
		return l.Country
	}
	return foldText(l.Name)
}

// bestLocation picks the place most sources give.
func bestLocation(srcs []*source) (*event.Location, []event.Alternative) {
	ballots := poll(srcs, func(m *event.Mention) []string {
		if k := locationKey(m.Location); k != "" {
			return []string{k}
		}
		return nil
	})
	if len(ballots) == 0 {
		return nil, nil
	}
	won := ballots[0]
	var loc *event.Location
	for _, m := range srcs[won.sources[0]].mentions {
		if locationKey(m.Location) == won.value {
			l := *m.Location
			loc = &l
			break
		}
	}
	// an alternative shows a place by its country code, or its name as written
	var alt []event.Alternative
	for _, a := range alternatives("location", won.value, ballots, srcs) {
		if !event.IsCode(a.Value) {
			for _, m := range srcs[slices.IndexFunc(srcs, func(s *source) bool { return s.Article == a.Sources[0] })].mentions {
				if m.Location != nil && locationKey(m.Location) == a.Value {
					a.Value = m.Location.Name
					break
				}
			}
		}
		alt = append(alt, a)
	}
	return loc, alt
}

// bestInitiator picks the initiator most sources give.
func bestInitiator(srcs []*source) (string, []event.Alternative) {
	ballots := poll(srcs, func(m *event.Mention) []string {
		if m.Initiator != "" {
			return []string{m.Initiator}
		}
		return nil
	})
	if len(ballots) == 0 {
		return "", nil
	}
	return ballots[0].value, alternatives("initiator", ballots[0].value, ballots, srcs)
}

// agreementInfo merges the agreement of a non-agreement record (a rupture's
// suspended or terminated agreement): the stage most sources give, the
// others as alternatives.
func agreementInfo(srcs []*source) (*event.AgreementInfo, []event.Alternative) {
	stages := poll(srcs, func(m *event.Mention) []string {
		if m.Agreement != nil && m.Agreement.Stage != "" {
			return []string{string(m.Agreement.Stage)}
		}
		return nil
	})
	kind := bestKind(srcs, nil)
	if len(stages) == 0 && kind == "" {
		return nil, nil
	}
	ag := &event.AgreementInfo{Kind: kind}
	if len(stages) > 0 {
		ag.Stage = event.Stage(stages[0].value)
		return ag, alternatives("stage", stages[0].value, stages, srcs)
	}
	return ag, nil
}

// bestKind picks the agreement kind most sources give (compared folded),
// as the earliest of them writes it; only mentions at stage when given.
func bestKind(srcs []*source, at *event.Stage) string {
	forms := map[string]string{}
	ballots := poll(srcs, func(m *event.Mention) []string {
		if m.Agreement == nil || m.Agreement.Kind == "" || (at != nil && m.Agreement.Stage != *at) {
			return nil
		}
		k := foldText(m.Agreement.Kind)
		return []string{k}
	})
	if len(ballots) == 0 {
		return ""
	}
	for _, m := range srcs[ballots[0].sources[0]].mentions {
		if m.Agreement != nil && foldText(m.Agreement.Kind) == ballots[0].value {
			forms[ballots[0].value] = m.Agreement.Kind
			break
		}
	}
	return forms[ballots[0].value]
}

// lifecycle follows an agreement across its stages: the latest stage
// reached is the record's, and each stage lists the earliest date a source
// gives for it and the sources that report it.
func lifecycle(srcs []*source) (*event.AgreementInfo, []event.StageStep) {
	var steps []event.StageStep
	latest := -1
	for _, st := range event.Stages {
		var step *event.StageStep
		var date when
		for _, s := range srcs {
			for _, m := range s.mentions {
				if m.Agreement == nil || m.Agreement.Stage != st {
					continue
				}
				if step == nil {
					steps = append(steps, event.StageStep{Stage: st, Sources: []string{}})
					step = &steps[len(steps)-1]
					latest = stageOrder(st)
				}
				step.Sources = union(step.Sources, s.Article)
				w := parseWhen(m.Date)
				// the earliest date; of two that overlap (2025-03 and
				// 2025-03-14), the more precise
				if w.known() && (!date.known() || (gap(w, date) == 0 && w.prec > date.prec) ||
					(gap(w, date) > 0 && w.lo.Before(date.lo))) {
					date, step.Date = w, m.Date
				}
			}
		}
	}
	if latest < 0 {
		kind := bestKind(srcs, nil)
		if kind == "" {
			return nil, nil
		}
		return &event.AgreementInfo{Kind: kind}, nil
	}
	stage := event.Stages[latest]
	kind := cmp.Or(bestKind(srcs, nil), bestKind(srcs, &stage))
	return &event.AgreementInfo{Kind: kind, Stage: stage}, steps
}

// latestWith returns the sources' mentions at the latest stage where one
// of them has what f looks for; all of them when none does.
func latestWith(srcs []*source, f func(*event.Mention) bool) []*source {
	for i := len(event.Stages) - 1; i >= 0; i-- {
		at := atStage(srcs, event.Stages[i])
		if slices.ContainsFunc(at, func(s *source) bool { return s.gives(f) }) {
			return at
		}
	}
	return srcs
}

// atStage keeps each source's mentions at one stage, and the sources that
// have some.
func atStage(srcs []*source, st event.Stage) []*source {
	var out []*source
	for _, s := range srcs {
		c := *s
		c.mentions = nil
		for _, m := range s.mentions {
			if m.Agreement != nil && m.Agreement.Stage == st {
				c.mentions = append(c.mentions, m)
			}
		}
		if len(c.mentions) > 0 {
			out = append(out, &c)
		}
	}
	return out
}
