package server

import (
	"net/url"
	"strings"
	"testing"

	"pactwatch/internal/gazetteer/coords"
)

// TestRegionsTable checks data/regions.tsv: every code a region CLDR
// knows, every subregion inside its continent, and every state of the
// coordinates table in one continent at most (most in exactly one).
func TestRegionsTable(t *testing.T) {
	rs, err := loadRegions()
	if err != nil {
		t.Fatal(err)
	}
	continents := 0
	for _, r := range rs.List() {
		if r.Parent == "" {
			continents++
			continue
		}
		p := rs.list[rs.byCode[r.Parent]]
		if !p.m49.Contains(r.m49) {
			t.Errorf("region %s %s is not inside %s %s", r.Code, r.Name, p.Code, p.Name)
		}
	}
	if continents != 5 {
		t.Errorf("%d continents, want 5", continents)
	}
	places, err := coords.Load()
	if err != nil {
		t.Fatal(err)
	}
	placed, states := 0, 0
	for _, p := range places.Places() {
		if p.Kind != coords.Centroid {
			continue
		}
		states++
		n := 0
		for _, r := range rs.List() {
			if r.Parent == "" && rs.Contains(r.Code, p.ISO3) {
				n++
			}
		}
		if n > 1 {
			t.Errorf("%s lies in %d continents", p.ISO3, n)
		}
		if n == 1 {
			placed++
		}
	}
	if placed < states*95/100 {
		t.Errorf("only %d of %d states lie in a continent", placed, states)
	}
	for iso3, want := range map[string][2]string{"KEN": {"002", "014"}, "FRA": {"150", "155"}, "BRA": {"019", "005"}, "TUR": {"142", "145"}, "XYZ": {}} {
		c, sub := rs.Of(iso3)
		if c != want[0] || sub != want[1] {
			t.Errorf("regions of %s = %s, %s; want %v", iso3, c, sub, want)
		}
	}
	if numeric("KEN") != "404" || numeric("FRA") != "250" || numeric("XYZ") != "" {
		t.Errorf("numeric codes: %q %q %q", numeric("KEN"), numeric("FRA"), numeric("XYZ"))
	}
}

func TestPackDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int32
	}{
		{"2025", 20250000}, {"2025-03", 20250300}, {"2025-03-14", 20250314}, {"", 0}, {"soon", 0},
		{"2025-13", 0}, {"2025-03-32", 0}, {"2025/03/14", 0}, {"0000", 0}, {"20250314", 0},
	} {
		got := packDate(c.in)
		if got != c.want {
			t.Errorf("packDate(%q) = %d, want %d", c.in, got, c.want)
		}
		if got != 0 && unpackDate(got) != c.in {
			t.Errorf("unpackDate(%d) = %q, want %q", got, unpackDate(got), c.in)
		}
	}
	// integer order is the store's text order
	if !(packDate("2025") < packDate("2025-03") && packDate("2025-03") < packDate("2025-03-14") && packDate("2025-03-14") < packDate("2025-04")) {
		t.Error("packed dates do not sort as text")
	}
}

func TestParseFilter(t *testing.T) {
	rs, err := loadRegions()
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseFilter(url.Values{"country": {"ken,fra", "KEN"}, "type": {"meeting"}, "since": {"2024-02"},
		"region": {"002"}, "sort": {"confidence"}, "order": {"asc"}, "limit": {"10"}, "q": {"  accord  "}}, rs)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(f.Countries, ",") != "FRA,KEN" || len(f.Types) != 1 || f.Since != "2024-02" || f.Region != "002" ||
		f.Sort != "confidence" || f.Desc || f.Limit != 10 || f.Q != "accord" {
		t.Errorf("filter = %+v", f)
	}
	for _, bad := range []url.Values{
		{"country": {"KENYA"}}, {"type": {"gossip"}}, {"stage": {"dreamt"}}, {"since": {"2025-1"}},
		{"until": {"2025-02-30x"}}, {"min_confidence": {"-1"}}, {"region": {"001"}}, {"review": {"some"}},
		{"sort": {"name"}}, {"order": {"sideways"}}, {"limit": {"1000"}}, {"offset": {"x"}}, {"q": {strings.Repeat("w", 501)}},
	} {
		if _, err := parseFilter(bad, rs); err == nil {
			t.Errorf("filter %v was accepted", bad)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.1.2.3:9": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.10:8080": false, "example.org:80": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
	for host, want := range map[string]bool{"localhost:8080": true, "127.0.0.1": true, "[::1]:80": true,
		"LOCALHOST": true, "evil.example": false, "127.0.0.1.evil.example": false} {
		if got := loopbackHost(host); got != want {
			t.Errorf("loopbackHost(%q) = %v, want %v", host, got, want)
		}
	}
}
