package synth

// Records makes synthetic merged event records from a fixed seed, to fill a
// store for benchmarks and for the generate command: a few states take
// part in many events and most in few (data/record_states.tsv weights
// them), dates spread over 2000-2026 with more recent years more covered,
// and each record has one to four sources with evidence, as merged records
// do. The records describe no real happening.

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/langdata"
)

//go:embed data/record_states.tsv
var statesTSV string

// State is a state records are drawn from.
type State struct {
	ISO3    string
	Weight  float64
	Capital string
}

// LoadStates parses data/states.tsv.
func LoadStates() ([]State, error) {
	var out []State
	for i, line := range strings.Split(statesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("states.tsv:%d: %d fields, want 3", i+1, len(f))
		}
		w, err := strconv.ParseFloat(f[1], 64)
		if err != nil || w <= 0 {
			return nil, fmt.Errorf("states.tsv:%d: weight %q is not a positive number", i+1, f[1])
		}
		out = append(out, State{ISO3: f[0], Weight: w, Capital: f[2]})
	}
	return out, nil
}

// typeWeights is how common each event type is.
var typeWeights = []struct {
	t event.Type
	w int
}{
	{event.Meeting, 35}, {event.Agreement, 15}, {event.Training, 10}, {event.Exercise, 10},
	{event.Intelligence, 3}, {event.Arms, 8}, {event.Deployment, 7}, {event.Aid, 8}, {event.Rupture, 4},
}

var (
	kinds     = []string{"defence cooperation", "maritime security", "military training", "arms procurement", "intelligence sharing"}
	orgs      = []string{"NATO", "UN", "AU", "EU", "ASEAN", "ECOWAS"}
	languages = langdata.Langs() // every language pactwatch reads
	stages    = []event.Stage{event.Proposed, event.Negotiating, event.Signed, event.Signed, event.Signed, event.Ratified, event.InForce}
)

// Generator makes records; the same seed makes the same records.
type Records struct {
	rng    *rand.Rand
	states []State
	cum    []float64 // cumulative weights
	types  []event.Type
	n      int
}

// New returns a generator of records from seed.
func NewRecords(seed uint64) (*Records, error) {
	states, err := LoadStates()
	if err != nil {
		return nil, err
	}
	g := &Records{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), states: states}
	total := 0.0
	for _, s := range states {
		total += s.Weight
		g.cum = append(g.cum, total)
	}
	for _, tw := range typeWeights {
		for range tw.w {
			g.types = append(g.types, tw.t)
		}
	}
	return g, nil
}

// States returns the states records are drawn from, most frequent first.
func (g *Records) States() []State { return slices.Clone(g.states) }

func (g *Records) pick() int {
	x := g.rng.Float64() * g.cum[len(g.cum)-1]
	i, _ := slices.BinarySearch(g.cum, x)
	return min(i, len(g.states)-1)
}

// Next returns the next record (ID 0).
func (g *Records) Next() event.Record {
	g.n++
	r := g.rng
	typ := g.types[r.IntN(len(g.types))]
	n := 2
	if r.IntN(10) == 0 {
		n = 3
	}
	var idx []int
	for len(idx) < n {
		if i := g.pick(); !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	var countries []string
	for _, i := range idx {
		countries = append(countries, g.states[i].ISO3)
	}
	slices.Sort(countries)

	// More recent years are better covered: a year y back from 2026 with
	// probability falling by a fifth each year.
	year := 2026
	for year > 2000 && r.Float64() < 0.8 {
		year--
	}
	day := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365))
	date := day.Format(time.DateOnly)
	switch p := r.IntN(100); {
	case p < 3:
		date = ""
	case p < 8:
		date = date[:4]
	case p < 20:
		date = date[:7]
	}

	e := event.Event{Type: typ, Countries: countries, Date: date, Confidence: 0.3 + 0.69*r.Float64(),
		Organizations: []string{}}
	e.Confidence = float64(int(e.Confidence*100)) / 100
	if r.IntN(10) < 6 {
		e.Initiator = countries[r.IntN(len(countries))]
	}
	if r.IntN(10) < 7 {
		s := g.states[idx[r.IntN(len(idx))]]
		e.Location = &event.Location{Name: s.Capital, Country: s.ISO3}
	}
	for range r.IntN(3) {
		c := countries[r.IntN(len(countries))]
		e.Persons = append(e.Persons, event.Person{Name: fmt.Sprintf("%s official %d", c, r.IntN(500)),
			Country: c, Role: event.Roles[r.IntN(len(event.Roles))]})
	}
	for range r.IntN(3) {
		if d := event.Domains[r.IntN(len(event.Domains))]; !slices.Contains(e.Domains, d) {
			e.Domains = append(e.Domains, d)
		}
	}
	slices.Sort(e.Domains)
	if r.IntN(10) == 0 {
		e.Organizations = append(e.Organizations, orgs[r.IntN(len(orgs))])
	}
	if typ == event.Agreement {
		e.Agreement = &event.AgreementInfo{Kind: kinds[r.IntN(len(kinds))], Stage: stages[r.IntN(len(stages))]}
	}
	e.Evidence = []string{fmt.Sprintf("Synthetic record %d: %s took part in a %s.", g.n, strings.Join(countries, ", "), typ)}

	rec := event.Record{Event: e}
	nsrc := 1
	switch p := r.IntN(100); {
	case p < 5:
		nsrc = 4
	case p < 15:
		nsrc = 3
	case p < 40:
		nsrc = 2
	}
	for i := range nsrc {
		pub := day.AddDate(0, 0, r.IntN(4))
		src := event.Source{Article: fmt.Sprintf("synth-%07d-%d", g.n, i),
			URL:      fmt.Sprintf("https://synthetic.example/%07d/%d", g.n, i),
			Language: languages[r.IntN(len(languages))], Published: pub.Format(time.DateOnly),
			Evidence: e.Evidence}
		rec.Sources = append(rec.Sources, src)
		if rec.FirstReported == "" || src.Published < rec.FirstReported {
			rec.FirstReported = src.Published
		}
		rec.LastReported = max(rec.LastReported, src.Published)
	}
	rec.Article = rec.Sources[0].Article
	if e.Agreement != nil {
		rec.Stages = []event.StageStep{{Stage: e.Agreement.Stage, Date: date, Sources: []string{rec.Article}}}
	}
	return rec
}
