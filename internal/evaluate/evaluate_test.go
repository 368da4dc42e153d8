package evaluate_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pactwatch/internal/evaluate"
	"pactwatch/internal/event"
)

func optional() *bool { f := false; return &f }

func ev(article string, ty event.Type, countries ...string) event.Event {
	return event.Event{Article: article, Type: ty, Countries: countries}
}

func withDate(e event.Event, d string) event.Event      { e.Date = d; return e }
func withInitiator(e event.Event, s string) event.Event { e.Initiator = s; return e }
func withLoc(e event.Event, country string) event.Event {
	e.Location = &event.Location{Name: "somewhere", Country: country}
	return e
}
func withStage(e event.Event, s event.Stage) event.Event {
	e.Agreement = &event.AgreementInfo{Kind: "defence pact", Stage: s}
	return e
}
func asOptional(e event.Event) event.Event { e.Required = optional(); return e }
func withPersons(e event.Event, ps ...event.Person) event.Event {
	e.Persons = ps
	return e
}

func gold(article, lang string, evs ...event.Event) event.Gold {
	return event.Gold{Article: article, Language: lang, Events: evs}
}

func goldSet(gs ...event.Gold) map[string]event.Gold {
	m := map[string]event.Gold{}
	for _, g := range gs {
		m[g.Article] = g
	}
	return m
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreCounts(t *testing.T) {
	cases := []struct {
		name       string
		gold       map[string]event.Gold
		pred       []event.Event
		want       evaluate.Counts
		negatives  int
		cleanNeg   int
		wantErrors []string // substrings of Report.Errors
	}{
		{
			name: "one true positive",
			gold: goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"))),
			pred: []event.Event{ev("a", event.Meeting, "FRA", "KEN")},
			want: evaluate.Counts{TP: 1},
		},
		{
			name: "countries in another order still match",
			gold: goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"))),
			pred: []event.Event{ev("a", event.Meeting, "KEN", "FRA")},
			want: evaluate.Counts{TP: 1},
		},
		{
			name:       "wrong type is a false positive and a miss",
			gold:       goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"))),
			pred:       []event.Event{ev("a", event.Training, "FRA", "KEN")},
			want:       evaluate.Counts{FP: 1, FN: 1},
			wantErrors: []string{"a: false positive training|FRA,KEN", "a: missed meeting|FRA,KEN"},
		},
		{
			name: "wrong state set is a false positive and a miss",
			gold: goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"))),
			pred: []event.Event{ev("a", event.Meeting, "FRA", "KEN", "TZA")},
			want: evaluate.Counts{FP: 1, FN: 1},
		},
		{
			name: "prediction on another article does not match",
			gold: goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN")), gold("b", "en")),
			pred: []event.Event{ev("b", event.Meeting, "FRA", "KEN")},
			want: evaluate.Counts{FP: 1, FN: 1}, negatives: 1,
		},
		{
			name: "prediction for an article without gold is ignored",
			gold: goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"))),
			pred: []event.Event{ev("a", event.Meeting, "FRA", "KEN"), ev("zzz", event.Arms, "RUS", "MLI")},
			want: evaluate.Counts{TP: 1},
		},
		{
			name: "matching an optional gold event counts neither way",
			gold: goldSet(gold("a", "en", asOptional(ev("a", event.Exercise, "CHN", "TZA")))),
			pred: []event.Event{ev("a", event.Exercise, "CHN", "TZA")},
			want: evaluate.Counts{},
		},
		{
			name: "a missed optional gold event is no miss",
			gold: goldSet(gold("a", "en", asOptional(ev("a", event.Exercise, "CHN", "TZA")))),
			want: evaluate.Counts{},
		},
		{
			name: "two predictions, one gold: one false positive",
			gold: goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"))),
			pred: []event.Event{ev("a", event.Meeting, "FRA", "KEN"), ev("a", event.Meeting, "KEN", "FRA")},
			want: evaluate.Counts{TP: 1, FP: 1},
		},
		{
			name: "one prediction, two gold: one miss",
			gold: goldSet(gold("a", "en",
				withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024-05-08"),
				withDate(ev("a", event.Meeting, "FRA", "KEN"), "2023-12"))),
			pred: []event.Event{ev("a", event.Meeting, "FRA", "KEN")},
			want: evaluate.Counts{TP: 1, FN: 1},
		},
		{
			name: "a prediction goes to the required gold event before an optional twin",
			gold: goldSet(gold("a", "en",
				asOptional(ev("a", event.Meeting, "FRA", "KEN")),
				ev("a", event.Meeting, "FRA", "KEN"))),
			pred: []event.Event{ev("a", event.Meeting, "FRA", "KEN")},
			want: evaluate.Counts{TP: 1},
		},
		{
			name:      "a negative page with a prediction is not clean",
			gold:      goldSet(gold("neg", "fr")),
			pred:      []event.Event{ev("neg", event.Meeting, "FRA", "SEN")},
			want:      evaluate.Counts{FP: 1},
			negatives: 1, cleanNeg: 0,
		},
		{
			name:      "a negative page without prediction is clean",
			gold:      goldSet(gold("neg", "fr")),
			want:      evaluate.Counts{},
			negatives: 1, cleanNeg: 1,
		},
		{
			name: "several articles add up",
			gold: goldSet(
				gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"), ev("a", event.Agreement, "FRA", "KEN")),
				gold("b", "ar", ev("b", event.Arms, "TUR", "SOM")),
				gold("c", "ru"),
				gold("d", "ru"),
			),
			pred: []event.Event{
				ev("a", event.Meeting, "FRA", "KEN"),
				ev("a", event.Agreement, "FRA", "KEN"),
				ev("a", event.Exercise, "FRA", "KEN"),
				ev("c", event.Aid, "RUS", "CAF"),
			},
			want:      evaluate.Counts{TP: 2, FP: 2, FN: 1},
			negatives: 2, cleanNeg: 1,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate.Score(tc.gold, tc.pred)
			if r.Overall != tc.want {
				t.Errorf("Overall = %+v, want %+v (notes %q)", r.Overall, tc.want, r.Errors)
			}
			if r.Negatives != tc.negatives || r.CleanNegative != tc.cleanNeg {
				t.Errorf("negative pages = %d clean %d, want %d clean %d", r.Negatives, r.CleanNegative, tc.negatives, tc.cleanNeg)
			}
			for _, w := range tc.wantErrors {
				found := false
				for _, e := range r.Errors {
					found = found || strings.Contains(e, w)
				}
				if !found {
					t.Errorf("no note %q in %q", w, r.Errors)
				}
			}
		})
	}
}

func TestScoreByLanguage(t *testing.T) {
	g := goldSet(
		gold("a", "en", ev("a", event.Meeting, "FRA", "KEN")),
		gold("b", "en", ev("b", event.Arms, "TUR", "SOM")),
		gold("c", "ar", ev("c", event.Training, "EGY", "SDN")),
	)
	pred := []event.Event{
		ev("a", event.Meeting, "FRA", "KEN"),
		ev("c", event.Training, "EGY", "SDN"),
		ev("c", event.Exercise, "EGY", "SDN"),
	}
	r := evaluate.Score(g, pred)
	want := map[string]evaluate.Counts{"en": {TP: 1, FN: 1}, "ar": {TP: 1, FP: 1}}
	for lang, w := range want {
		if r.ByLang[lang] != w {
			t.Errorf("ByLang[%s] = %+v, want %+v", lang, r.ByLang[lang], w)
		}
	}
	if len(r.ByLang) != len(want) {
		t.Errorf("ByLang has %d languages, want %d: %+v", len(r.ByLang), len(want), r.ByLang)
	}
}

// attrWant is an attribute's expected agreement sum and count.
type attrWant struct {
	sum float64
	n   int
}

func TestScoreAttributes(t *testing.T) {
	meetingGold := withLoc(withInitiator(withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024-05-08"), "FRA"), "KEN")
	cases := []struct {
		name string
		gold map[string]event.Gold
		pred []event.Event
		want map[string]attrWant // attributes not listed must not be compared
	}{
		{
			name: "all right",
			gold: goldSet(gold("a", "en", meetingGold)),
			pred: []event.Event{meetingGold},
			want: map[string]attrWant{"date": {1, 1}, "location": {1, 1}, "initiator": {1, 1}},
		},
		{
			name: "wrong initiator, missing location",
			gold: goldSet(gold("a", "en", meetingGold)),
			pred: []event.Event{withInitiator(withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024-05-08"), "KEN")},
			want: map[string]attrWant{"date": {1, 1}, "location": {0, 1}, "initiator": {0, 1}},
		},
		{
			name: "a date the gold does not give is wrong",
			gold: goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"))),
			pred: []event.Event{withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024")},
			want: map[string]attrWant{"date": {0, 1}},
		},
		{
			name: "a finer date is right at the gold's precision",
			gold: goldSet(gold("a", "en", withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024-05"))),
			pred: []event.Event{withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024-05-08")},
			want: map[string]attrWant{"date": {1, 1}},
		},
		{
			name: "a coarser date is wrong",
			gold: goldSet(gold("a", "en", withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024-05-08"))),
			pred: []event.Event{withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024-05")},
			want: map[string]attrWant{"date": {0, 1}},
		},
		{
			name: "nothing stated on either side compares nothing",
			gold: goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"))),
			pred: []event.Event{ev("a", event.Meeting, "FRA", "KEN")},
			want: map[string]attrWant{},
		},
		{
			name: "agreement stage",
			gold: goldSet(gold("a", "en",
				withStage(ev("a", event.Agreement, "FRA", "KEN"), event.Signed),
				withStage(ev("a", event.Agreement, "CIV", "FRA"), event.Ratified))),
			pred: []event.Event{
				withStage(ev("a", event.Agreement, "FRA", "KEN"), event.Signed),
				withStage(ev("a", event.Agreement, "CIV", "FRA"), event.Negotiating),
			},
			want: map[string]attrWant{"stage": {1, 2}},
		},
		{
			name: "only required matches are compared",
			gold: goldSet(gold("a", "en", asOptional(meetingGold))),
			pred: []event.Event{ev("a", event.Meeting, "FRA", "KEN")},
			want: map[string]attrWant{},
		},
		{
			name: "unmatched predictions are not compared",
			gold: goldSet(gold("a", "en", meetingGold)),
			pred: []event.Event{withDate(ev("a", event.Training, "FRA", "KEN"), "1999")},
			want: map[string]attrWant{},
		},
		{
			name: "matching pairs the prediction that agrees best",
			gold: goldSet(gold("a", "en", meetingGold)),
			pred: []event.Event{
				withDate(ev("a", event.Meeting, "FRA", "KEN"), "2021"),
				meetingGold,
			},
			want: map[string]attrWant{"date": {1, 1}, "location": {1, 1}, "initiator": {1, 1}},
		},
		{
			name: "matching pairs each gold event with its own date",
			gold: goldSet(gold("a", "en",
				withDate(ev("a", event.Meeting, "FRA", "KEN"), "2023-12"),
				withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024-05-08"))),
			pred: []event.Event{
				withDate(ev("a", event.Meeting, "FRA", "KEN"), "2024-05-08"),
				withDate(ev("a", event.Meeting, "FRA", "KEN"), "2023-12"),
			},
			want: map[string]attrWant{"date": {2, 2}},
		},
		{
			name: "domains as a set",
			gold: goldSet(gold("a", "en", func() event.Event {
				e := ev("a", event.Training, "FRA", "KEN")
				e.Domains = []string{"maritime", "training"}
				return e
			}())),
			pred: []event.Event{func() event.Event {
				e := ev("a", event.Training, "FRA", "KEN")
				e.Domains = []string{"training"}
				return e
			}()},
			want: map[string]attrWant{"domains": {2.0 / 3, 1}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate.Score(tc.gold, tc.pred)
			for _, name := range evaluate.AttrNames {
				a := r.Attrs[name]
				if a == nil {
					t.Fatalf("attribute %q missing from the report", name)
				}
				w := tc.want[name]
				if a.N != w.n || !near(a.Sum, w.sum) {
					t.Errorf("%s: sum %.3f over %d, want %.3f over %d (notes %q)", name, a.Sum, a.N, w.sum, w.n, r.Errors)
				}
			}
		})
	}
}

func TestScorePersons(t *testing.T) {
	cases := []struct {
		name string
		gold []event.Person
		pred []event.Person
		want float64
	}{
		{"same spelling", []event.Person{{Name: "Hamid Ouattara"}}, []event.Person{{Name: "Hamid Ouattara"}}, 1},
		{"accents and case folded",
			[]event.Person{{Name: "Élodie Ngué-Bédard"}}, []event.Person{{Name: "ELODIE nGUE BEDARD"}}, 1},
		{"through an alias",
			[]event.Person{{Name: "Саид Рахимов", Aliases: []string{"Said Rakhimov", "Saïd Rahimov"}}},
			[]event.Person{{Name: "said rahimov"}}, 1},
		{"alias in Arabic script",
			[]event.Person{{Name: "Youssef Benali", Aliases: []string{"يوسف بن علي"}}},
			[]event.Person{{Name: "يوسف بن علي"}}, 1},
		{"one of two found",
			[]event.Person{{Name: "Hamid Ouattara"}, {Name: "Grace Wanjiru"}},
			[]event.Person{{Name: "Grace Wanjiru"}}, 2.0 / 3},
		{"one right, one wrong",
			[]event.Person{{Name: "Grace Wanjiru"}},
			[]event.Person{{Name: "Grace Wanjiru"}, {Name: "Peter Otieno"}}, 2.0 / 3},
		{"none found", []event.Person{{Name: "Grace Wanjiru"}}, nil, 0},
		{"none expected", nil, []event.Person{{Name: "Grace Wanjiru"}}, 0},
		{"a name matches one gold person only",
			[]event.Person{{Name: "Grace Wanjiru"}, {Name: "Grace Wanjiru"}},
			[]event.Person{{Name: "Grace Wanjiru"}}, 2.0 / 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := goldSet(gold("a", "en", withPersons(ev("a", event.Meeting, "FRA", "KEN"), tc.gold...)))
			r := evaluate.Score(g, []event.Event{withPersons(ev("a", event.Meeting, "FRA", "KEN"), tc.pred...)})
			a := r.Attrs["persons"]
			if a.N != 1 || !near(a.Sum, tc.want) {
				t.Errorf("persons: sum %.3f over %d, want %.3f over 1", a.Sum, a.N, tc.want)
			}
		})
	}
	// No persons on either side: not compared.
	r := evaluate.Score(goldSet(gold("a", "en", ev("a", event.Meeting, "FRA", "KEN"))),
		[]event.Event{ev("a", event.Meeting, "FRA", "KEN")})
	if r.Attrs["persons"].N != 0 {
		t.Errorf("persons compared %d times with none on either side", r.Attrs["persons"].N)
	}
}

func TestCountsAndAttrValues(t *testing.T) {
	cases := []struct {
		c       evaluate.Counts
		p, r, f float64
	}{
		{evaluate.Counts{}, 1, 1, 1},
		{evaluate.Counts{TP: 3, FP: 1, FN: 2}, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35},
		{evaluate.Counts{FP: 2}, 0, 1, 0},
		{evaluate.Counts{FN: 2}, 1, 0, 0},
	}
	for _, tc := range cases {
		if !near(tc.c.Precision(), tc.p) || !near(tc.c.Recall(), tc.r) || !near(tc.c.F1(), tc.f) {
			t.Errorf("%+v: P %.3f R %.3f F1 %.3f, want %.3f %.3f %.3f",
				tc.c, tc.c.Precision(), tc.c.Recall(), tc.c.F1(), tc.p, tc.r, tc.f)
		}
	}
	if v := (evaluate.Attr{}).Value(); v != 1 {
		t.Errorf("Attr{}.Value() = %v, want 1 when never compared", v)
	}
	if v := (evaluate.Attr{Sum: 1.5, N: 2}).Value(); !near(v, 0.75) {
		t.Errorf("Attr{1.5, 2}.Value() = %v, want 0.75", v)
	}
}

func writeFile(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadGold(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "001_kenya.json", `{"article": "001_kenya", "language": "en", "events": [
		{"article": "001_kenya", "type": "meeting", "countries": ["FRA", "KEN"], "date": "2024-05-08",
		 "persons": [{"name": "Grace Wanjiru", "aliases": ["G. Wanjiru"]}]},
		{"article": "001_kenya", "type": "training", "countries": ["FRA", "KEN"], "required": false}]}`)
	writeFile(t, dir, "002_empty.json", `{"language": "fr", "events": []}`)
	writeFile(t, dir, "notes.txt", `not gold, not read`)
	got, err := evaluate.LoadGold(dir)
	if err != nil {
		t.Fatalf("LoadGold: %v", err)
	}
	if len(got) != 2 {
		t.Fatalf("LoadGold read %d articles, want 2: %+v", len(got), got)
	}
	k := got["001_kenya"]
	if k.Language != "en" || len(k.Events) != 2 || k.Events[0].Date != "2024-05-08" ||
		!k.Events[0].IsRequired() || k.Events[1].IsRequired() ||
		len(k.Events[0].Persons) != 1 || k.Events[0].Persons[0].Aliases[0] != "G. Wanjiru" {
		t.Errorf("001_kenya read as %+v", k)
	}
	e, ok := got["002_empty"]
	if !ok {
		t.Fatalf("an article without its name is keyed by its file name; got keys %v", keys(got))
	}
	if e.Article != "002_empty" || e.Language != "fr" || len(e.Events) != 0 {
		t.Errorf("002_empty read as %+v", e)
	}
}

func keys(m map[string]event.Gold) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestLoadGoldErrors(t *testing.T) {
	cases := []struct {
		name    string
		files   map[string]string
		wantErr string
	}{
		{"empty dir", nil, "no gold files"},
		{"only other files", map[string]string{"readme.md": "# gold"}, "no gold files"},
		{"bad JSON", map[string]string{"003_broken.json": `{"article": "003_broken", "events": [`}, "003_broken.json"},
		{"wrong shape", map[string]string{"004_shape.json": `{"events": {"type": "meeting"}}`}, "004_shape.json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for n, b := range tc.files {
				writeFile(t, dir, n, b)
			}
			_, err := evaluate.LoadGold(dir)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("LoadGold error = %v, want one mentioning %q", err, tc.wantErr)
			}
		})
	}
	if _, err := evaluate.LoadGold(filepath.Join(t.TempDir(), "absent")); err == nil {
		t.Errorf("LoadGold of a missing dir: no error")
	}
}
