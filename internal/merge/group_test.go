package merge_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"pactwatch/internal/event"
	"pactwatch/internal/merge"
)

// mention builds a hand-made mention; article ids are unique in a test so
// that clusters can be written as article lists.
func mention(article string, t event.Type, countries string, date, published string, opts ...func(*event.Mention)) event.Mention {
	m := event.Mention{
		Event: event.Event{Article: article, Type: t, Countries: strings.Split(countries, ","), Date: date,
			Confidence: 0.7, Evidence: []string{"sentence of " + article}, Organizations: []string{}},
		Published: published,
	}
	for _, o := range opts {
		o(&m)
	}
	return m
}

func at(name, country string) func(*event.Mention) {
	return func(m *event.Mention) { m.Location = &event.Location{Name: name, Country: country} }
}

func with(name, country, role string) func(*event.Mention) {
	return func(m *event.Mention) {
		m.Persons = append(m.Persons, event.Person{Name: name, Country: country, Role: role})
	}
}

func stage(kind string, s event.Stage) func(*event.Mention) {
	return func(m *event.Mention) { m.Agreement = &event.AgreementInfo{Kind: kind, Stage: s} }
}

func lang(l string) func(*event.Mention) { return func(m *event.Mention) { m.Language = l } }

func conf(c float64) func(*event.Mention) { return func(m *event.Mention) { m.Confidence = c } }

func initiator(c string) func(*event.Mention) { return func(m *event.Mention) { m.Initiator = c } }

// clusters writes Group's answer as sorted lists of article ids: "a b|c".
func clusters(ms []event.Mention, groups [][]int) string {
	var out []string
	for _, g := range groups {
		var ids []string
		for _, i := range g {
			ids = append(ids, ms[i].Article)
		}
		slices.Sort(ids)
		out = append(out, strings.Join(ids, " "))
	}
	slices.Sort(out)
	return strings.Join(out, "|")
}

const (
	mt = event.Meeting
	ag = event.Agreement
)

func TestGroup(t *testing.T) {
	tests := []struct {
		name string
		ms   []event.Mention
		want string
	}{
		{"same day in two languages", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-14", "2025-03-14", lang("fr")),
			mention("b", mt, "FRA,KEN", "2025-03-14", "2025-03-15", lang("sw")),
		}, "a b"},
		{"a month holds its days, a year its months", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", mt, "FRA,KEN", "2025-03", "2025-03-20"),
			mention("c", mt, "FRA,KEN", "2025", "2025-03-21"),
		}, "a b c"},
		{"meeting days two apart are one visit", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", mt, "FRA,KEN", "2025-03-16", "2025-03-16"),
		}, "a b"},
		{"meeting days eleven apart are two visits", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", mt, "FRA,KEN", "2025-03-25", "2025-03-25"),
		}, "a|b"},
		{"an arms delivery has little slack of days", []event.Mention{
			mention("a", event.Arms, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", event.Arms, "FRA,KEN", "2025-03-18", "2025-03-19"),
		}, "a|b"},
		{"a report dated by its own publication days later", []event.Mention{
			mention("a", event.Arms, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", event.Arms, "FRA,KEN", "2025-03-18", "2025-03-18"),
		}, "a b"},
		{"a report dated by its publication weeks later is another delivery", []event.Mention{
			mention("a", event.Arms, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", event.Arms, "FRA,KEN", "2025-03-28", "2025-03-28"),
		}, "a|b"},
		{"an exercise is dated by its first and last days", []event.Mention{
			mention("a", event.Exercise, "MAR,SEN", "2025-05-19", "2025-05-20"),
			mention("b", event.Exercise, "MAR,SEN", "2025-05-30", "2025-05-20"),
		}, "a b"},
		{"an exercise the next year is another", []event.Mention{
			mention("a", event.Exercise, "MAR,SEN", "2025-05-19", "2025-05-20"),
			mention("b", event.Exercise, "MAR,SEN", "2026-05-11", "2026-05-12"),
		}, "a|b"},
		{"different months are different happenings", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03", "2025-03-30"),
			mention("b", mt, "FRA,KEN", "2025-08", "2025-08-30"),
		}, "a|b"},
		{"an undated mention joins the visit closest to its publication", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", mt, "FRA,KEN", "2025-08-10", "2025-08-10"),
			mention("c", mt, "FRA,KEN", "", "2025-08-12"),
			mention("d", mt, "FRA,KEN", "", "2025-03-13"),
		}, "a d|b c"},
		{"an undated mention outside the window stays apart", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", mt, "FRA,KEN", "", "2025-05-01"),
		}, "a|b"},
		{"a vague date joins the visit nearest its publication", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-03", "2025-03-03"),
			mention("b", mt, "FRA,KEN", "2025-03-26", "2025-03-26"),
			mention("c", mt, "FRA,KEN", "2025-03", "2025-03-27"),
		}, "a|b c"},
		{"undated mentions published days apart are one", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14"),
			mention("b", mt, "FRA,KEN", "", "2025-03-17"),
		}, "a b"},
		{"undated mentions published five months apart are two", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14"),
			mention("b", mt, "FRA,KEN", "", "2025-08-14"),
		}, "a|b"},
		{"a conflicting place keeps undated mentions apart", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14", at("Paris", "FRA")),
			mention("b", mt, "FRA,KEN", "", "2025-03-16", at("Nairobi", "KEN")),
		}, "a|b"},
		{"a shared person outweighs a conflicting place", []event.Mention{
			mention("a", mt, "FRA,KEN", "", "2025-03-14", at("Paris", "FRA"), with("Amina Odhiambo", "KEN", "defence_minister")),
			mention("b", mt, "FRA,KEN", "", "2025-03-16", at("Nairobi", "KEN"), with("Amina ODHIAMBO", "KEN", "defence_minister")),
		}, "a b"},
		{"a place picks between two visits of one month", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-03", "2025-03-03", at("Nairobi", "KEN")),
			mention("b", mt, "FRA,KEN", "2025-03-25", "2025-03-25", at("Paris", "FRA")),
			mention("c", mt, "FRA,KEN", "2025-03", "2025-03-05", at("Paris", "FRA")),
		}, "a|b c"},
		{"another pair or type is another happening", []event.Mention{
			mention("a", mt, "FRA,KEN", "2025-03-14", "2025-03-14"),
			mention("b", mt, "FRA,SEN", "2025-03-14", "2025-03-14"),
			mention("c", event.Training, "FRA,KEN", "2025-03-14", "2025-03-14"),
		}, "a|b|c"},
		{"one agreement across its life", []event.Mention{
			mention("a", ag, "FRA,KEN", "", "2024-11-02", stage("defence cooperation agreement", event.Negotiating)),
			mention("b", ag, "FRA,KEN", "2025-03-14", "2025-03-15", stage("defence cooperation agreement", event.Signed)),
			mention("c", ag, "FRA,KEN", "2025-09", "2025-09-30", stage("accord de coopération en matière de défense", event.Ratified)),
			mention("d", ag, "FRA,KEN", "", "2026-01-20", stage("mkataba wa ushirikiano wa ulinzi", event.InForce)),
		}, "a b c d"},
		{"two signings years apart are two agreements", []event.Mention{
			mention("a", ag, "FRA,KEN", "2019-05-02", "2019-05-02", stage("defence cooperation agreement", event.Signed)),
			mention("b", ag, "FRA,KEN", "2025-03-14", "2025-03-15", stage("defence cooperation agreement", event.Signed)),
			mention("c", ag, "FRA,KEN", "2025-07", "2025-07-30", stage("defence cooperation agreement", event.Ratified)),
			mention("d", ag, "FRA,KEN", "", "2019-05-04", stage("defence cooperation agreement", event.Signed)),
		}, "a d|b c"},
		{"a signing reported days later is one signing", []event.Mention{
			mention("a", ag, "FRA,KEN", "2025-03-14", "2025-03-14", stage("memorandum of understanding", event.Signed)),
			mention("b", ag, "FRA,KEN", "", "2025-03-18", stage("mémorandum d'entente", event.Signed)),
		}, "a b"},
		{"maritime and nuclear agreements are two", []event.Mention{
			mention("a", ag, "FRA,KEN", "2025-03-14", "2025-03-14", stage("maritime security agreement", event.Signed)),
			mention("b", ag, "FRA,KEN", "2025-03-14", "2025-03-14", stage("соглашение о ядерном сотрудничестве", event.Signed)),
		}, "a|b"},
		{"a generic kind fits a specific one", []event.Mention{
			mention("a", ag, "FRA,KEN", "2025-03-14", "2025-03-14", stage("accord de coopération maritime", event.Signed)),
			mention("b", ag, "FRA,KEN", "2025-03-14", "2025-03-15", stage("defence cooperation agreement", event.Signed)),
		}, "a b"},
		{"talks after a signing start a new agreement", []event.Mention{
			mention("a", ag, "FRA,KEN", "2021-06-10", "2021-06-10", stage("defence cooperation agreement", event.Signed)),
			mention("b", ag, "FRA,KEN", "", "2024-02-01", stage("defence cooperation agreement", event.Negotiating)),
			mention("c", ag, "FRA,KEN", "2024-09-12", "2024-09-12", stage("defence cooperation agreement", event.Signed)),
		}, "a|b c"},
		{"a ratification goes to the nearest signing before it", []event.Mention{
			mention("a", ag, "FRA,KEN", "2019-05-02", "2019-05-02", stage("defence cooperation agreement", event.Signed)),
			mention("b", ag, "FRA,KEN", "2025-03-14", "2025-03-15", stage("defence cooperation agreement", event.Signed)),
			mention("c", ag, "FRA,KEN", "", "2025-07-01", stage("defence cooperation agreement", event.Ratified)),
		}, "a|b c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := clusters(tc.ms, merge.Group(tc.ms)); got != tc.want {
				t.Errorf("Group = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestGroupCoversEveryMention checks that every index is in exactly one
// cluster and that a cluster never mixes keys.
func TestGroupCoversEveryMention(t *testing.T) {
	ms := shuffleSet()
	seen := make([]int, len(ms))
	for _, g := range merge.Group(ms) {
		for _, i := range g {
			seen[i]++
			if ms[i].Key() != ms[g[0]].Key() {
				t.Errorf("cluster mixes %s and %s", ms[i].Key(), ms[g[0]].Key())
			}
		}
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("mention %s is in %d clusters, want 1", ms[i].Article, n)
		}
	}
}

// shuffleSet is a mix of the cases above where order could matter: vague
// and undated mentions between two happenings of one pair, an agreement's
// life and a second agreement, identical mentions.
func shuffleSet() []event.Mention {
	return []event.Mention{
		mention("m1", mt, "FRA,KEN", "2025-03-03", "2025-03-03", at("Nairobi", "KEN")),
		mention("m2", mt, "FRA,KEN", "2025-03-04", "2025-03-05", at("Nairobi", "KEN")),
		mention("m3", mt, "FRA,KEN", "2025-03-25", "2025-03-25", at("Paris", "FRA")),
		mention("m4", mt, "FRA,KEN", "2025-03", "2025-03-12"),
		mention("m5", mt, "FRA,KEN", "2025", "2025-03-26"),
		mention("m6", mt, "FRA,KEN", "", "2025-03-14"),
		mention("m7", mt, "FRA,KEN", "", "2025-04-10"),
		mention("m8", mt, "FRA,KEN", "", "2025-09-10"),
		mention("m9", mt, "FRA,KEN", "", "2025-09-12"),
		mention("a1", ag, "FRA,KEN", "", "2024-11-02", stage("defence cooperation agreement", event.Negotiating)),
		mention("a2", ag, "FRA,KEN", "2025-03-14", "2025-03-15", stage("defence cooperation agreement", event.Signed)),
		mention("a3", ag, "FRA,KEN", "", "2025-03-16", stage("accord de défense", event.Signed)),
		mention("a4", ag, "FRA,KEN", "2025-09", "2025-09-30", stage("defence cooperation agreement", event.Ratified)),
		mention("a5", ag, "FRA,KEN", "2019", "2025-03-15", stage("defence cooperation agreement", event.Signed)),
		mention("a6", ag, "FRA,KEN", "", "2025-03-15", stage("maritime security agreement", event.InForce)),
		mention("a7", ag, "FRA,KEN", "2025-03-14", "2025-03-15", stage("nuclear energy agreement", event.Signed)),
		mention("x1", event.Exercise, "KEN,TZA", "2025-06-02", "2025-06-02"),
		mention("x2", event.Exercise, "KEN,TZA", "2025-06-06", "2025-06-07"),
		mention("x3", event.Exercise, "KEN,TZA", "2026-06", "2026-06-20"),
		mention("x4", event.Exercise, "KEN,TZA", "", "2026-06-22"),
	}
}

// TestGroupIgnoresOrder shuffles the input 20 times with a fixed seed: the
// clusters (as sets of mentions) and their order must not change.
func TestGroupIgnoresOrder(t *testing.T) {
	ms := shuffleSet()
	ms = append(ms, ms[0], ms[6]) // identical mentions from one page
	ms[len(ms)-2].Article, ms[len(ms)-1].Article = "m1", "m7"
	order := func(ms []event.Mention) string {
		var out []string
		for _, g := range merge.Group(ms) {
			var ids []string
			for _, i := range g {
				ids = append(ids, ms[i].Article)
			}
			slices.Sort(ids)
			out = append(out, strings.Join(ids, " "))
		}
		return strings.Join(out, "|")
	}
	want := order(ms)
	t.Logf("clusters: %s", want)
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 20 {
		s := slices.Clone(ms)
		r.Shuffle(len(s), func(a, b int) { s[a], s[b] = s[b], s[a] })
		if got := order(s); got != want {
			t.Fatalf("shuffle %d: Group = %q, want %q", i, got, want)
		}
	}
}

func Example() {
	ms := []event.Mention{
		mention("fr-1", mt, "FRA,KEN", "2025-03-14", "2025-03-14", lang("fr")),
		mention("sw-1", mt, "FRA,KEN", "", "2025-03-16", lang("sw")),
		mention("en-1", mt, "FRA,KEN", "2025-08-02", "2025-08-03", lang("en")),
	}
	for _, g := range merge.Group(ms) {
		var part []event.Mention
		for _, i := range g {
			part = append(part, ms[i])
		}
		r := merge.Build(part)
		fmt.Println(r.Date, r.Article, len(r.Sources), r.FirstReported, r.LastReported)
	}
	// Output:
	// 2025-03-14 fr-1 2 2025-03-14 2025-03-16
	// 2025-08-02 en-1 1 2025-08-03 2025-08-03
}
