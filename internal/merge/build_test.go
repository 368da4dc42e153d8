package merge_test

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"pactwatch/internal/event"
	"pactwatch/internal/merge"
)

func evidence(s ...string) func(*event.Mention) {
	return func(m *event.Mention) { m.Evidence = s }
}

func domains(d ...string) func(*event.Mention) {
	return func(m *event.Mention) { m.Domains = d }
}

func alts(r event.Record) string {
	var out []string
	for _, a := range r.Alternatives {
		out = append(out, a.Field+"="+a.Value+":"+strings.Join(a.Sources, ","))
	}
	return strings.Join(out, " ")
}

func TestBuildFields(t *testing.T) {
	tests := []struct {
		name  string
		ms    []event.Mention
		check func(event.Record) []string // wrong things
	}{
		{"the day most sources agree with", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", mt, "FRA,KEN", "2025-03", "2025-03-15"),
			mention("c", mt, "FRA,KEN", "2025-03-14", "2025-03-16"),
			mention("d", mt, "FRA,KEN", "2025-03-15", "2025-03-17"),
		}, func(r event.Record) []string {
			return want(nil, "date", r.Date, "2025-03-14", "alternatives", alts(r), "date=2025-03-15:d")
		}},
		{"two days one each: the month they share", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", mt, "FRA,KEN", "2025-03-15", "2025-03-15"),
		}, func(r event.Record) []string {
			return want(nil, "date", r.Date, "2025-03", "alternatives", alts(r), "date=2025-03-14:a date=2025-03-15:b")
		}},
		{"place by majority, names kept as written", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14", at("Nairobi", "KEN")),
			mention("b", mt, "FRA,KEN", "", "2025-03-15", at("Paris", "FRA")),
			mention("c", mt, "FRA,KEN", "", "2025-03-16", at("نيروبي", "KEN")),
			mention("d", mt, "FRA,KEN", "", "2025-03-16", at("Mombasa", "")),
		}, func(r event.Record) []string {
			return want(nil, "location", r.Location.Name+"/"+r.Location.Country, "Nairobi/KEN",
				"alternatives", alts(r), "location=FRA:b location=Mombasa:d")
		}},
		{"a tie goes to the higher confidence", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14", at("Paris", "FRA"), initiator("KEN"), conf(0.6)),
			mention("b", mt, "FRA,KEN", "", "2025-03-15", at("Nairobi", "KEN"), initiator("FRA"), conf(0.9)),
		}, func(r event.Record) []string {
			return want(nil, "location", r.Location.Country, "KEN", "initiator", r.Initiator, "FRA",
				"alternatives", alts(r), "initiator=KEN:a location=FRA:a")
		}},
		{"at equal confidence the earliest source wins", []event.Mention{
			mention("b", mt, "FRA,KEN", "", "2025-03-15", initiator("KEN")),
			mention("a", mt, "FRA,KEN", "", "2025-03-14", initiator("FRA")),
		}, func(r event.Record) []string {
			return want(nil, "initiator", r.Initiator, "FRA", "article", r.Article, "a")
		}},
		{"persons united by folded name and by a singular role", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14", lang("fr"),
				with("Soipan Tuya", "KEN", "defence_minister"), with("Jean-Marc Éloi", "FRA", "official")),
			mention("b", mt, "FRA,KEN", "", "2025-03-15", lang("en"),
				with("SOIPAN TUYA", "KEN", "defence_minister"), with("Jean Marc Eloi", "FRA", "official")),
			mention("c", mt, "FRA,KEN", "", "2025-03-16", lang("ar"), with("سويبان تويا", "KEN", "defence_minister")),
		}, func(r event.Record) []string {
			var got []string
			for _, p := range r.Persons {
				got = append(got, p.Name+"["+strings.Join(p.Aliases, ";")+"]")
			}
			return want(nil, "persons", strings.Join(got, " "), "Soipan Tuya[SOIPAN TUYA;سويبان تويا] Jean-Marc Éloi[Jean Marc Eloi]")
		}},
		{"two holders named by one source stay two", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14", with("Ali Hassan", "KEN", "ambassador"), with("Omar Said", "KEN", "ambassador")),
		}, func(r event.Record) []string {
			return want(nil, "persons", len(r.Persons), 2)
		}},
		{"confidence: the best source, each further one removing a quarter of the doubt", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14", conf(0.6)),
			mention("b", mt, "FRA,KEN", "", "2025-03-15", conf(0.5)),
		}, func(r event.Record) []string {
			return want(nil, "confidence", r.Confidence, 0.7)
		}},
		{"confidence never reaches one", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14", conf(0.97)),
			mention("b", mt, "FRA,KEN", "", "2025-03-15", conf(0.97)),
			mention("c", mt, "FRA,KEN", "", "2025-03-15", conf(0.97)),
			mention("d", mt, "FRA,KEN", "", "2025-03-15", conf(0.97)),
			mention("e", mt, "FRA,KEN", "", "2025-03-15", conf(0.97)),
			mention("f", mt, "FRA,KEN", "", "2025-03-15", conf(0.97)),
			mention("g", mt, "FRA,KEN", "", "2025-03-15", conf(0.97)),
		}, func(r event.Record) []string {
			return want(nil, "confidence", r.Confidence, 0.99)
		}},
		{"one source per article, evidence united and capped", []event.Mention{
			mention("b", mt, "FRA,KEN", "", "2025-03-15", evidence("b1", "b2", "b3"), lang("sw"), domains("training")),
			mention("a", mt, "FRA,KEN", "", "2025-03-14", evidence("a1", "a2"), lang("fr"), domains("maritime")),
			mention("a", mt, "FRA,KEN", "", "2025-03-14", evidence("a2", "a3"), lang("fr"), domains("training", "cyber")),
		}, func(r event.Record) []string {
			var src []string
			for _, s := range r.Sources {
				src = append(src, s.Article+":"+s.Language+":"+strings.Join(s.Evidence, ","))
			}
			return want(nil, "sources", strings.Join(src, " "), "a:fr:a1,a2,a3 b:sw:b1,b2,b3",
				"evidence", strings.Join(r.Evidence, ","), "a1,a2,a3,b1,b2",
				"domains", strings.Join(r.Domains, ","), "cyber,maritime,training",
				"reported", r.FirstReported+".."+r.LastReported, "2025-03-14..2025-03-15",
				"language", r.Language, "fr")
		}},
		{"an agreement's stages, each with its earliest date", []event.Mention{
			mention("n", ag, "FRA,KEN", "", "2024-11-02", stage("defence cooperation agreement", event.Negotiating)),
			mention("s1", ag, "FRA,KEN", "2025-03", "2025-03-20", stage("accord de défense", event.Signed)),
			mention("s2", ag, "FRA,KEN", "2025-03-14", "2025-03-15", stage("defence cooperation agreement", event.Signed)),
			mention("r", ag, "FRA,KEN", "2025-09-02", "2025-09-03", stage("defence cooperation agreement", event.Ratified)),
			mention("r2", ag, "FRA,KEN", "2025-09-04", "2025-09-05", stage("defence cooperation agreement", event.Ratified)),
		}, func(r event.Record) []string {
			var st []string
			for _, s := range r.Stages {
				st = append(st, string(s.Stage)+"@"+s.Date+":"+strings.Join(s.Sources, ","))
			}
			return want(nil, "stage", string(r.Agreement.Stage), "ratified",
				"kind", r.Agreement.Kind, "defence cooperation agreement",
				"stages", strings.Join(st, " "), "negotiating@:n signed@2025-03-14:s2,s1 ratified@2025-09-02:r,r2",
				"date", r.Date, "2025-09",
				"alternatives", alts(r), "date=2025-09-02:r date=2025-09-04:r2",
				"article", r.Article, "n")
		}},
		{"an agreement's place is its latest placed stage's", []event.Mention{
			mention("n", ag, "AGO,BRA", "", "2024-06-10", stage("defence cooperation agreement", event.Negotiating), at("Luanda", "AGO")),
			mention("s", ag, "AGO,BRA", "2025-01-20", "2025-01-21", stage("acuerdo de cooperación en defensa", event.Signed), at("Brasilia", "BRA")),
			mention("f", ag, "AGO,BRA", "2025-09-01", "2025-09-02", stage("defence cooperation agreement", event.InForce)),
		}, func(r event.Record) []string {
			return want(nil, "location", r.Location.Name, "Brasilia", "alternatives", alts(r), "", "date", r.Date, "2025-09-01")
		}},
		{"a rupture's stage is voted", []event.Mention{
			mention("a", event.Rupture, "FRA,MLI", "2022-05-02", "2022-05-02", stage("defence agreement", event.Terminated)),
			mention("b", event.Rupture, "FRA,MLI", "2022-05-02", "2022-05-03", stage("accord de défense", event.Terminated)),
			mention("c", event.Rupture, "FRA,MLI", "2022-05-02", "2022-05-03", stage("defence agreement", event.Suspended)),
		}, func(r event.Record) []string {
			return want(nil, "stage", string(r.Agreement.Stage), "terminated", "alternatives", alts(r), "stage=suspended:c",
				"stages", len(r.Stages), 0)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := merge.Build(tc.ms)
			for _, w := range tc.check(r) {
				t.Error(w)
			}
			if r.ID != 0 {
				t.Errorf("ID = %d, want 0", r.ID)
			}
			if err := r.Validate(); err != nil {
				t.Errorf("merged record invalid: %v", err)
			}
		})
	}
}

// want compares name, got, want triples and returns the differences.
func want(out []string, triples ...any) []string {
	for i := 0; i+2 < len(triples); i += 3 {
		if g, w := triples[i+1], triples[i+2]; g != w {
			out = append(out, triples[i].(string)+": got "+jsonString(g)+", want "+jsonString(w))
		}
	}
	return out
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestBuildEmpty(t *testing.T) {
	r := merge.Build(nil)
	if r.Organizations == nil || r.Evidence == nil || len(r.Sources) != 0 {
		t.Errorf("Build(nil) = %+v, want empty lists and no sources", r)
	}
}

// TestBuildIgnoresOrder shuffles each cluster of the shuffle set 20 times:
// the merged record must be the same JSON.
func TestBuildIgnoresOrder(t *testing.T) {
	ms := shuffleSet()
	ms[0].Persons = []event.Person{{Name: "Soipan Tuya", Country: "KEN", Role: "defence_minister"}}
	ms[1].Persons = []event.Person{{Name: "Сойпан Туя", Country: "KEN", Role: "defence_minister"}}
	r := rand.New(rand.NewPCG(3, 5))
	for _, g := range merge.Group(ms) {
		var part []event.Mention
		for _, i := range g {
			part = append(part, ms[i])
		}
		want := jsonString(merge.Build(part))
		for i := range 20 {
			s := slices.Clone(part)
			r.Shuffle(len(s), func(a, b int) { s[a], s[b] = s[b], s[a] })
			if got := jsonString(merge.Build(s)); got != want {
				t.Fatalf("shuffle %d: Build = %s\nwant %s", i, got, want)
			}
		}
	}
}
