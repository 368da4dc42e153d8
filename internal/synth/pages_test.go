package synth

import (
	"strings"
	"testing"
	"time"
)

func TestPages(t *testing.T) {
	g1, err := NewPages(7)
	if err != nil {
		t.Fatal(err)
	}
	g2, _ := NewPages(7)
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
}
