package synth

import (
	"encoding/json"
	"testing"

	"pactwatch/internal/gazetteer"
)

func TestStatesFile(t *testing.T) {
	states, err := LoadStates()
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(states) < 50 {
		t.Errorf("%d states, want at least 50", len(states))
	}
	seen := map[string]bool{}
	for _, s := range states {
		if !g.IsState(s.ISO3) {
			t.Errorf("%s is not a state the gazetteer knows", s.ISO3)
		}
		if seen[s.ISO3] {
			t.Errorf("%s listed twice", s.ISO3)
		}
		seen[s.ISO3] = true
		if s.Capital == "" {
			t.Errorf("%s has no capital", s.ISO3)
		}
	}
}

func TestRecords(t *testing.T) {
	a, err := NewRecords(7)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewRecords(7)
	other, _ := NewRecords(8)
	count := map[string]int{}
	differs := false
	const n = 20000
	for i := range n {
		ra, rb, ro := a.Next(), b.Next(), other.Next()
		ja, _ := json.Marshal(ra)
		jb, _ := json.Marshal(rb)
		jo, _ := json.Marshal(ro)
		if string(ja) != string(jb) {
			t.Fatalf("record %d differs between two generators of one seed:\n%s\n%s", i, ja, jb)
		}
		differs = differs || string(ja) != string(jo)
		if err := ra.Validate(); err != nil {
			t.Fatalf("record %d: %v\n%s", i, err, ja)
		}
		if len(ra.Sources) == 0 || ra.Article != ra.Sources[0].Article || ra.FirstReported > ra.LastReported {
			t.Fatalf("record %d: bad sources: %s", i, ja)
		}
		for _, c := range ra.Countries {
			count[c]++
		}
	}
	if !differs {
		t.Error("seeds 7 and 8 made the same records")
	}
	// Skew: the most frequent state is in many more events than the median one.
	if count["USA"] < n/5 || count["NPL"] > n/100 {
		t.Errorf("USA in %d and NPL in %d of %d records: not skewed as weighted", count["USA"], count["NPL"], n)
	}
}
