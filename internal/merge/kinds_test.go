package merge

import (
	"slices"
	"strings"
	"testing"
)

// TestKindsFile checks data/kinds.tsv: it parses, and every topic has
// phrases in every language merge reads.
func TestKindsFile(t *testing.T) {
	if _, err := parseTopics(kindsTSV); err != nil {
		t.Fatal(err)
	}
	have := map[string][]string{}
	for _, line := range strings.Split(kindsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		have[f[0]] = append(have[f[0]], f[1])
	}
	if len(have) < 5 {
		t.Fatalf("kinds.tsv has %d topics, want at least 5", len(have))
	}
	for topic, langs := range have {
		for _, l := range kindLanguages {
			if !slices.Contains(langs, l) {
				t.Errorf("topic %s has no %s phrase", topic, l)
			}
		}
	}
}

func TestParseTopicsRejects(t *testing.T) {
	for _, src := range []string{
		"maritime\ten\n",                         // two columns
		"maritime\txx\tsea\n",                    // unknown language
		"maritime\ten\tsea\nmaritime\ten\tsea\n", // repeated
	} {
		if _, err := parseTopics(src); err == nil {
			t.Errorf("parseTopics(%q) = nil error, want one", src)
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
