package evaluate_test

import (
	"reflect"
	"testing"

	"pactwatch/internal/evaluate"
	"pactwatch/internal/event"
)

func withDomains(e event.Event, ds ...string) event.Event { e.Domains = ds; return e }

// checkAttrs compares every attribute of r with want (attributes not listed
// must not have been compared).
func checkAttrs(t *testing.T, r *evaluate.Report, want map[string]attrWant) {
	t.Helper()
	for _, name := range evaluate.AttrNames {
		a, w := r.Attrs[name], want[name]
		if a == nil {
			t.Fatalf("attribute %q missing from the report", name)
		}
		if a.N != w.n || !near(a.Sum, w.sum) {
			t.Errorf("%s: sum %.3f over %d, want %.3f over %d (notes %q)", name, a.Sum, a.N, w.sum, w.n, r.Errors)
		}
	}
}

// A value the prediction gives where the gold has none is wrong, a value it
// leaves out where the gold has one is wrong, and an attribute both leave
// empty is not scored.
func TestScoreInventedMissingAndEmpty(t *testing.T) {
	mtg := ev("a", event.Meeting, "KEN", "SEN")
	agr := ev("a", event.Agreement, "KEN", "SEN")
	cases := []struct {
		name       string
		gold, pred event.Event
		attr       string
		want       attrWant // for attr; every other attribute must be unscored
	}{
		{"invented date", mtg, withDate(mtg, "2025-02-14"), "date", attrWant{0, 1}},
		{"missing date", withDate(mtg, "2025-02"), mtg, "date", attrWant{0, 1}},
		{"invented location country", mtg, withLoc(mtg, "SEN"), "location", attrWant{0, 1}},
		{"location country where the gold names a place of unknown country",
			func() event.Event { e := mtg; e.Location = &event.Location{Name: "a border post"}; return e }(),
			withLoc(mtg, "KEN"), "location", attrWant{0, 1}},
		{"place names without countries on both sides are not scored",
			func() event.Event { e := mtg; e.Location = &event.Location{Name: "a border post"}; return e }(),
			func() event.Event { e := mtg; e.Location = &event.Location{Name: "the border"}; return e }(),
			"location", attrWant{}},
		{"missing location country", withLoc(mtg, "SEN"), mtg, "location", attrWant{0, 1}},
		{"invented initiator", mtg, withInitiator(mtg, "KEN"), "initiator", attrWant{0, 1}},
		{"missing initiator", withInitiator(mtg, "SEN"), mtg, "initiator", attrWant{0, 1}},
		{"invented stage", agr, withStage(agr, event.Signed), "stage", attrWant{0, 1}},
		{"missing stage", withStage(agr, event.Ratified), agr, "stage", attrWant{0, 1}},
		{"invented person", mtg, withPersons(mtg, event.Person{Name: "Nadia Okello"}), "persons", attrWant{0, 1}},
		{"missing person", withPersons(mtg, event.Person{Name: "Nadia Okello"}), mtg, "persons", attrWant{0, 1}},
		{"invented domain", mtg, withDomains(mtg, "cyber"), "domains", attrWant{0, 1}},
		{"missing domain", withDomains(mtg, "cyber"), mtg, "domains", attrWant{0, 1}},
		{"empty lists on both sides are not scored",
			withDomains(withPersons(mtg), []string{}...), withDomains(withPersons(mtg), []string{}...), "domains", attrWant{}},
		{"an agreement block without a stage on both sides is not scored",
			func() event.Event { e := agr; e.Agreement = &event.AgreementInfo{Kind: "defence pact"}; return e }(),
			func() event.Event { e := agr; e.Agreement = &event.AgreementInfo{Kind: "accord"}; return e }(),
			"stage", attrWant{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate.Score(goldSet(gold("a", "en", tc.gold)), []event.Event{tc.pred})
			if r.Overall != (evaluate.Counts{TP: 1}) {
				t.Fatalf("Overall = %+v, want one true positive", r.Overall)
			}
			want := map[string]attrWant{}
			if tc.want.n > 0 {
				want[tc.attr] = tc.want
			}
			checkAttrs(t, r, want)
		})
	}
}

// Cases where pairing in file order, or greedily by best pair first, would
// have paired the events wrongly.
func TestScoreOptimalMatching(t *testing.T) {
	mtg := ev("a", event.Meeting, "FRA", "KEN")
	agr := ev("a", event.Agreement, "FRA", "KEN")
	cases := []struct {
		name   string
		gold   []event.Event
		pred   []event.Event
		counts evaluate.Counts
		want   map[string]attrWant
	}{
		{
			// A agrees best with G1 (date and place), but B fits only G1:
			// the best pair first leaves B on G2 with everything wrong.
			name: "the best single pair is not the best assignment",
			gold: []event.Event{
				withInitiator(withLoc(withDate(mtg, "2024-05-08"), "KEN"), "FRA"),
				withLoc(withDate(mtg, "2024-05-08"), "FRA"),
			},
			pred: []event.Event{
				withLoc(withDate(mtg, "2024-05-08"), "KEN"),
				withInitiator(withLoc(withDate(mtg, "2023"), "KEN"), "FRA"),
			},
			counts: evaluate.Counts{TP: 2},
			want:   map[string]attrWant{"date": {1, 2}, "location": {1, 2}, "initiator": {1, 1}},
		},
		{
			// Signing and ratification on one page: the prediction carrying
			// the ratification's month but the signing stage belongs to the
			// signing, since the other prediction can only be the
			// ratification.
			name: "two stages of one agreement",
			gold: []event.Event{
				withStage(withDate(agr, "2024-03-05"), event.Signed),
				withStage(withDate(agr, "2024-06"), event.Ratified),
			},
			pred: []event.Event{
				withStage(withDate(agr, "2024-06"), event.Signed),
				withStage(agr, event.Ratified),
			},
			counts: evaluate.Counts{TP: 2},
			want:   map[string]attrWant{"date": {0, 2}, "stage": {2, 2}},
		},
		{
			name: "recalled history goes to its optional gold event when the news is also found",
			gold: []event.Event{
				withStage(withDate(agr, "2024-03"), event.Signed),
				asOptional(withStage(withDate(agr, "1998"), event.Signed)),
			},
			pred: []event.Event{
				withStage(withDate(agr, "1998"), event.Signed),
				withStage(withDate(agr, "2024-03-11"), event.Signed),
			},
			counts: evaluate.Counts{TP: 1},
			want:   map[string]attrWant{"date": {1, 1}, "stage": {1, 1}},
		},
		{
			name: "a lone prediction goes to the required gold event before an optional one that agrees better",
			gold: []event.Event{
				withStage(withDate(agr, "2024-03"), event.Signed),
				asOptional(withStage(withDate(agr, "1998"), event.Signed)),
			},
			pred:   []event.Event{withStage(withDate(agr, "1998"), event.Signed)},
			counts: evaluate.Counts{TP: 1},
			want:   map[string]attrWant{"date": {0, 1}, "stage": {1, 1}},
		},
		{
			name: "predictions beyond the required events are absorbed by optional ones",
			gold: []event.Event{
				asOptional(withDate(mtg, "2019")),
				withDate(mtg, "2024-05"),
				asOptional(withDate(mtg, "2021")),
			},
			pred:   []event.Event{withDate(mtg, "2021"), withDate(mtg, "2019"), withDate(mtg, "2024-05-02"), mtg},
			counts: evaluate.Counts{TP: 1, FP: 1},
			want:   map[string]attrWant{"date": {1, 1}},
		},
		{
			name: "a context act found on a page with nothing required counts neither way",
			gold: []event.Event{asOptional(withDate(ev("a", event.Exercise, "FRA", "KEN"), "2017"))},
			pred: []event.Event{
				ev("a", event.Exercise, "FRA", "KEN"),
				ev("a", event.Exercise, "FRA", "SEN"),
			},
			counts: evaluate.Counts{FP: 1},
			want:   map[string]attrWant{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate.Score(goldSet(gold("a", "en", tc.gold...)), tc.pred)
			if r.Overall != tc.counts {
				t.Errorf("Overall = %+v, want %+v (notes %q)", r.Overall, tc.counts, r.Errors)
			}
			checkAttrs(t, r, tc.want)
		})
	}
}

// permutations returns every ordering of evs.
func permutations(evs []event.Event) [][]event.Event {
	if len(evs) <= 1 {
		return [][]event.Event{append([]event.Event(nil), evs...)}
	}
	var out [][]event.Event
	for i := range evs {
		rest := append(append([]event.Event(nil), evs[:i]...), evs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]event.Event{evs[i]}, p...))
		}
	}
	return out
}

// Reordering the predictions or the gold events changes nothing in the
// report, not even in cases where every assignment agrees equally well.
func TestScoreOrderFree(t *testing.T) {
	mtg := ev("a", event.Meeting, "FRA", "KEN")
	cases := []struct {
		name       string
		gold, pred []event.Event
	}{
		{
			// P1 has the place of G1, P2 its initiator; G2 has neither.
			// Pairing in file order scored location 1/1 or initiator 1/1
			// depending on which prediction came first.
			name: "equal agreement either way",
			gold: []event.Event{withInitiator(withLoc(mtg, "KEN"), "FRA"), mtg},
			pred: []event.Event{withLoc(mtg, "KEN"), withInitiator(mtg, "FRA")},
		},
		{
			name: "required, optional and unmatched events mixed",
			gold: []event.Event{
				withDate(mtg, "2024-05"),
				asOptional(withDate(mtg, "2020")),
				withPersons(withDate(mtg, "2024-05-09"), event.Person{Name: "Nadia Okello"}),
				ev("a", event.Training, "FRA", "KEN"),
			},
			pred: []event.Event{
				withDate(mtg, "2020"),
				withPersons(mtg, event.Person{Name: "nadia okello"}),
				withDate(mtg, "2024-05-09"),
				ev("a", event.Arms, "FRA", "KEN"),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			first := evaluate.Score(goldSet(gold("a", "en", tc.gold...)), tc.pred)
			for _, gs := range permutations(tc.gold) {
				for _, ps := range permutations(tc.pred) {
					r := evaluate.Score(goldSet(gold("a", "en", gs...)), ps)
					if !reflect.DeepEqual(r, first) {
						t.Fatalf("order changed the report:\n%+v %+v %q\nwas\n%+v %+v %q",
							r.Overall, attrSums(r), r.Errors, first.Overall, attrSums(first), first.Errors)
					}
				}
			}
		})
	}
}

func attrSums(r *evaluate.Report) map[string]evaluate.Attr {
	out := map[string]evaluate.Attr{}
	for n, a := range r.Attrs {
		out[n] = *a
	}
	return out
}

func TestScorePersonFolding(t *testing.T) {
	cases := []struct {
		name string
		gold []event.Person
		pred []event.Person
		want float64
	}{
		{"apostrophe dropped", []event.Person{{Name: "Mamadou N'Diaye"}}, []event.Person{{Name: "Mamadou Ndiaye"}}, 1},
		{"typographic apostrophe against a space", []event.Person{{Name: "Mamadou N’Diaye"}}, []event.Person{{Name: "MAMADOU N DIAYE"}}, 1},
		{"hyphen against a space", []event.Person{{Name: "Jean-Paul Okemba"}}, []event.Person{{Name: "Jean Paul Okemba"}}, 1},
		{"hyphen dropped", []event.Person{{Name: "Omar al-Tayeb"}}, []event.Person{{Name: "Omar Altayeb"}}, 1},
		{"initial with a full stop", []event.Person{{Name: "A. Okemba"}}, []event.Person{{Name: "a okemba"}}, 1},
		{"Arabic vowel marks and tatweel", []event.Person{{Name: "يُوسُف بن علي"}}, []event.Person{{Name: "يوســف بن علي"}}, 1},
		{"punctuation in an alias", []event.Person{{Name: "Ахмед Саидов", Aliases: []string{"Akhmed Sa'idov"}}},
			[]event.Person{{Name: "Akhmed Saidov"}}, 1},
		{"a different name stays different", []event.Person{{Name: "Ali Hassan"}}, []event.Person{{Name: "Ali Hassane"}}, 0},
		{"a name of punctuation only matches nothing", []event.Person{{Name: "Grace Wanjiru"}}, []event.Person{{Name: "—"}}, 0},
		{
			// Read in order, "Amina Sy" would take the first person through
			// its alias and leave "Amina Touré" nobody to match.
			name: "an alias that is another person's name does not steal the match",
			gold: []event.Person{{Name: "Amina Touré", Aliases: []string{"Amina Sy"}}, {Name: "Amina Sy"}},
			pred: []event.Person{{Name: "Amina Sy"}, {Name: "Amina Toure"}},
			want: 1,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := goldSet(gold("a", "en", withPersons(ev("a", event.Meeting, "FRA", "KEN"), tc.gold...)))
			r := evaluate.Score(g, []event.Event{withPersons(ev("a", event.Meeting, "FRA", "KEN"), tc.pred...)})
			if a := r.Attrs["persons"]; a.N != 1 || !near(a.Sum, tc.want) {
				t.Errorf("persons: sum %.3f over %d, want %.3f over 1 (notes %q)", a.Sum, a.N, tc.want, r.Errors)
			}
		})
	}
}

func TestScoreDomains(t *testing.T) {
	cases := []struct {
		name       string
		gold, pred []string
		want       float64
	}{
		{"same set in another order", []string{"maritime", "training"}, []string{"training", "maritime"}, 1},
		{"a domain repeated counts once", []string{"maritime"}, []string{"maritime", "maritime"}, 1},
		{"one right, one invented", []string{"cyber"}, []string{"cyber", "logistics"}, 2.0 / 3},
		{"disjoint", []string{"cyber"}, []string{"logistics"}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := goldSet(gold("a", "en", withDomains(ev("a", event.Aid, "FRA", "KEN"), tc.gold...)))
			r := evaluate.Score(g, []event.Event{withDomains(ev("a", event.Aid, "FRA", "KEN"), tc.pred...)})
			if a := r.Attrs["domains"]; a.N != 1 || !near(a.Sum, tc.want) {
				t.Errorf("domains: sum %.3f over %d, want %.3f over 1", a.Sum, a.N, tc.want)
			}
		})
	}
}

func TestScoreAttributesByLanguage(t *testing.T) {
	g := goldSet(
		gold("a", "sw", withDate(ev("a", event.Meeting, "KEN", "TZA"), "2025-01")),
		gold("b", "sw", withLoc(ev("b", event.Exercise, "KEN", "TZA"), "TZA")),
		gold("c", "pt", withInitiator(withDate(ev("c", event.Arms, "BRA", "MOZ"), "2024"), "BRA")),
		gold("d", "pt"),
	)
	pred := []event.Event{
		withDate(ev("a", event.Meeting, "KEN", "TZA"), "2025-01-20"),
		withLoc(ev("b", event.Exercise, "KEN", "TZA"), "KEN"),
		withDate(ev("c", event.Arms, "BRA", "MOZ"), "2024"),
	}
	r := evaluate.Score(g, pred)
	want := map[string]map[string]attrWant{
		"sw": {"date": {1, 1}, "location": {0, 1}},
		"pt": {"date": {1, 1}, "initiator": {0, 1}},
	}
	if len(r.LangAttrs) != len(want) {
		t.Errorf("LangAttrs has languages %v, want %d", r.LangAttrs, len(want))
	}
	for lang, attrs := range want {
		for _, n := range evaluate.AttrNames {
			a, w := r.LangAttrs[lang][n], attrs[n]
			if a == nil {
				t.Fatalf("%s: attribute %q missing", lang, n)
			}
			if a.N != w.n || !near(a.Sum, w.sum) {
				t.Errorf("%s %s: sum %.3f over %d, want %.3f over %d", lang, n, a.Sum, a.N, w.sum, w.n)
			}
		}
	}
	checkAttrs(t, r, map[string]attrWant{"date": {2, 2}, "location": {0, 1}, "initiator": {0, 1}})
}

// The reliability table bins every prediction of a scored article by its
// confidence and counts those that matched a gold event.
func TestReliability(t *testing.T) {
	gold := map[string]event.Gold{"a": {Article: "a", Language: "en", Events: []event.Event{
		{Type: event.Meeting, Countries: []string{"FRA", "KEN"}},
		{Type: event.Arms, Countries: []string{"FRA", "KEN"}, Required: new(false)},
	}}}
	pred := []event.Event{
		{Article: "a", Type: event.Meeting, Countries: []string{"FRA", "KEN"}, Confidence: 0.91},
		{Article: "a", Type: event.Arms, Countries: []string{"FRA", "KEN"}, Confidence: 0.95},
		{Article: "a", Type: event.Aid, Countries: []string{"FRA", "KEN"}, Confidence: 0.42},
	}
	r := evaluate.Score(gold, pred)
	high, low := r.Reliability[9], r.Reliability[4]
	if high.N != 2 || high.Right != 2 || low.N != 1 || low.Right != 0 {
		t.Fatalf("bins: high %+v, low %+v", high, low)
	}
	// |0.93-1|*2 + |0.42-0|*1, over 3
	if got, want := evaluate.ECE(r.Reliability), (0.07*2+0.42)/3; got < want-1e-9 || got > want+1e-9 {
		t.Errorf("ECE %v, want %v", got, want)
	}
}
