package synth

import (
	"strings"
	"testing"
	"time"
)

func TestPagesAndRecords(t *testing.T) {
	g1, err := New(7)
	if err != nil {
		t.Fatal(err)
	}
	g2, _ := New(7)
	pub := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for range 50 {
		p1, l1 := g1.Page(pub)
		p2, _ := g2.Page(pub)
		if p1 != p2 {
			t.Fatal("same seed, different pages")
		}
		if strings.Contains(p1, "{") || len(p1) < 200 || (l1 != "en" && l1 != "fr") {
			t.Fatalf("bad page (%s): %q", l1, p1)
		}
	}
	for range 200 {
		r := g1.Record(pub)
		if err := r.Validate(); err != nil {
			t.Fatalf("invalid record %+v: %v", r.Event, err)
		}
		if len(r.Sources) == 0 || r.Article != r.Sources[0].Article {
			t.Fatalf("record sources: %+v", r.Sources)
		}
	}
}
