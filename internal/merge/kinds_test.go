package merge

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"pactwatch/internal/lexicon"
)

// TestTopicsData checks the lexicons' topic entries: a language that names
// topics names every topic any language names.
func TestTopicsData(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]map[string]bool{} // language → topics
	all := map[string]bool{}
	for _, l := range lx.Langs() {
		for _, e := range lx.Get(l).Entries(lexicon.Topic) {
			if have[l] == nil {
				have[l] = map[string]bool{}
			}
			have[l][e.Value] = true
			all[e.Value] = true
		}
	}
	if len(all) < 5 || len(have) < 8 {
		t.Fatalf("%d topics in %d languages, want at least 5 in 8", len(all), len(have))
	}
	for l, topics := range have {
		for _, topic := range slices.Sorted(maps.Keys(all)) {
			if !topics[topic] {
				t.Errorf("%s names topics but not %s", l, topic)
			}
		}
	}
}

func TestTopicsOf(t *testing.T) {
	topics, err := loadTopics()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind string
		want string
	}{
		{"defence cooperation agreement", ""},
		{"memorandum of understanding", ""},
		{"maritime security agreement", "maritime"},
		{"accord de coopération maritime", "maritime"},
		{"Acuerdo de Cooperación Marítima", "maritime"},
		{"соглашение о военно-морском сотрудничестве", "maritime"},
		{"اتفاقية التعاون البحري", "maritime"},
		{"deniz güvenliği anlaşması", "maritime"},
		{"mkataba wa usalama wa baharini", "maritime"},
		{"соглашение о мирном использовании атомной энергии", "nuclear peace"},
		{"accord de maintien de la paix", "peacekeeping"},
		{"status of forces agreement", "forces_status"},
		{"acordo de cooperação técnico-militar", "industry"},
		{"istihbarat paylaşımı anlaşması", "intelligence"},
	}
	for _, tc := range tests {
		if got := strings.Join(topics.Of(tc.kind), " "); got != tc.want {
			t.Errorf("Of(%q) = %q, want %q", tc.kind, got, tc.want)
		}
	}
}

func TestKindsCompatible(t *testing.T) {
	tests := []struct {
		a, b []string
		want bool
	}{
		{nil, nil, true},
		{nil, []string{"maritime"}, true},
		{[]string{"maritime"}, []string{"maritime", "border"}, true},
		{[]string{"maritime"}, []string{"nuclear"}, false},
	}
	for _, tc := range tests {
		if got := kindsCompatible(tc.a, tc.b); got != tc.want {
			t.Errorf("kindsCompatible(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
