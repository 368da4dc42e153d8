package coords

import (
	"os"
	"strings"
	"testing"

	"pactwatch/internal/token"
	"pactwatch/internal/tsv"
)

// gazetteerRows reads a data file of the gazetteer beside this package.
func gazetteerRows(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := os.ReadFile("../data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	if err := tsv.Rows(b, func(_ int, cols []string) error {
		rows = append(rows, cols)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return rows
}

func folded(form string) string {
	keys, star := token.Phrase(form)
	s := strings.Join(keys, " ")
	if star {
		s += "*"
	}
	return s
}

// farAllowed lists the places that lie far from their state's centroid and
// capital for a good reason, with the distance allowed in kilometres.
var farAllowed = map[string]float64{
	"RUS capital Moscow":    4000, // Russia's centroid is in Siberia
	"USA site Pearl Harbor": 8000, // Hawaii
}

func TestTableFile(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{} // iso3 → English CLDR name
	for _, c := range gazetteerRows(t, "cldr_names.tsv") {
		if c[1] == "en" {
			names[c[0]] = c[2]
		}
	}
	known := map[string]bool{}
	for c := range names {
		known[c] = true
	}
	places := gazetteerRows(t, "places.tsv")
	for _, c := range places {
		known[c[0]] = true
	}
	if len(names) < 200 {
		t.Fatalf("read %d CLDR states, want about 250", len(names))
	}

	keys := map[string]bool{}
	formOwner := map[string]string{} // iso3 + folded form → row key
	covered := map[string]bool{}     // iso3 + kind group + folded form
	for _, p := range tab.Places() {
		key := p.ISO3 + " " + string(p.Kind) + " " + p.Name
		if !known[p.ISO3] {
			t.Errorf("%s: %s is not a state of the gazetteer", key, p.ISO3)
		}
		if keys[key] {
			t.Errorf("%s: duplicate row", key)
		}
		keys[key] = true
		if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
			t.Errorf("%s: %v,%v out of range", key, p.Lat, p.Lon)
		}
		if p.Kind == Centroid {
			if want, ok := names[p.ISO3]; ok && p.Name != want {
				t.Errorf("%s: centroid name is not the CLDR English name %q", key, want)
			}
			continue
		}
		group := "place"
		if p.Kind == Capital {
			group = "capital"
		}
		for _, f := range append([]string{p.Name}, p.Forms...) {
			k := p.ISO3 + " " + folded(f)
			if other, dup := formOwner[k]; dup {
				t.Errorf("%s: form %q already names %s", key, f, other)
			}
			formOwner[k] = key
			covered[p.ISO3+" "+group+" "+folded(f)] = true
		}
		// a place lies near its state: catches swapped or mistyped
		// latitude and longitude
		c, ok := tab.Centroid(p.ISO3)
		if !ok {
			t.Errorf("%s: no centroid for %s", key, p.ISO3)
			continue
		}
		limit := 3000.0
		if l, ok := farAllowed[key]; ok && l > limit {
			limit = l
		}
		d := Distance(c, p)
		if capital, ok := tab.Capital(p.ISO3); ok && p.Kind != Capital {
			d = min(d, Distance(capital, p))
		}
		if d > limit {
			t.Errorf("%s: %.0f km from its state's centroid or capital (limit %.0f)", key, d, limit)
		}
	}
	for c, n := range names {
		if _, ok := tab.Centroid(c); !ok {
			t.Errorf("%s (%s) has no centroid", c, n)
		}
	}
	for _, c := range places {
		kind, form := c[1], strings.TrimSpace(c[2])
		group := "place"
		switch kind {
		case "metonym", "demonym", "void": // names no place (a void form, a ship's prefix)
			continue
		case "capital":
			group = "capital"
			if _, ok := tab.Capital(c[0]); !ok {
				t.Errorf("%s has a capital in places.tsv (%s) but none here", c[0], form)
			}
		}
		if !covered[c[0]+" "+group+" "+folded(form)] {
			t.Errorf("places.tsv %s %s %q has no coordinates", c[0], kind, form)
		}
	}
}

func TestFind(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, iso3 string
		want       string // "ISO3 kind name", or "" for not found
	}{
		{"Nairobi", "KEN", "KEN capital Nairobi"},
		{"Nairobi", "", "KEN capital Nairobi"},
		{"nairobi", "KEN", "KEN capital Nairobi"},
		{"بنيروبي", "KEN", "KEN capital Nairobi"}, // Arabic clitic prefix
		{"Москве", "RUS", "RUS capital Moscow"},   // stem Москв*
		{"base naval de Rota", "ESP", "ESP site Naval Station Rota"},
		{"la base de Camp Lemonnier", "DJI", "DJI site Camp Lemonnier"},
		{"Nouakchott", "MRT", "MRT capital Nouakchott"},
		{"Sévaré", "MLI", "MLI city Sévaré"},
		{"Severe", "MLI", ""},
		{"Sevare", "MLI", "MLI city Sévaré"},          // accents folded
		{"Nord-Kivu", "COD", "COD region North Kivu"}, // longest match beats "Kivu"
		{"Kivu", "COD", "COD region Kivu"},
		{"Jerusalem", "", ""}, // two states: ambiguous
		{"Jerusalem", "ISR", "ISR city Jerusalem"},
		{"Kingston", "", ""}, // Jamaica and Norfolk Island
		{"Kingston", "JAM", "JAM capital Kingston"},
		{"Tripoli", "LBN", ""}, // Libya's capital, not Lebanon's city
		{"Brest", "FRA", "FRA city Brest"},
		{"Бресте", "BLR", "BLR city Brest"},
		{"Kenya", "KEN", ""}, // centroids are not found by name
		{"", "KEN", ""},
		{"the Kenyan capital", "KEN", ""},
	}
	for _, tt := range tests {
		p, ok := tab.Find(tt.name, tt.iso3)
		got := ""
		if ok {
			got = p.ISO3 + " " + string(p.Kind) + " " + p.Name
		}
		if got != tt.want {
			t.Errorf("Find(%q, %q) = %q, want %q", tt.name, tt.iso3, got, tt.want)
		}
	}
}

func TestLookups(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	nbo, ok := tab.Capital("KEN")
	if !ok || nbo.Lat > -1 || nbo.Lat < -1.5 || nbo.Lon < 36.5 || nbo.Lon > 37 {
		t.Errorf("Capital(KEN) = %+v, %v; want Nairobi near -1.3, 36.8", nbo, ok)
	}
	if _, ok := tab.Capital("ATA"); ok {
		t.Error("Antarctica has a capital")
	}
	if got := tab.Name("CIV"); got != "Côte d’Ivoire" {
		t.Errorf("Name(CIV) = %q", got)
	}
	if got := tab.Name("ZZZ"); got != "ZZZ" {
		t.Errorf("Name(ZZZ) = %q, want the code back", got)
	}
	paris, _ := tab.Capital("FRA")
	london, _ := tab.Capital("GBR")
	if d := Distance(paris, london); d < 330 || d > 360 {
		t.Errorf("Paris–London = %.0f km, want about 344", d)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"few columns", "KEN\tcapital\tNairobi\t-1.3\n", "want 5 or 6 columns"},
		{"bad code", "Ken\tcapital\tNairobi\t-1.3\t36.8\n", "not an ISO alpha-3"},
		{"bad kind", "KEN\ttown\tNairobi\t-1.3\t36.8\n", "unknown kind"},
		{"latitude range", "KEN\tcapital\tNairobi\t136.8\t-1.3\n", "latitude"},
		{"longitude range", "KEN\tcapital\tNairobi\t-1.3\t236.8\n", "longitude"},
		{"not a number", "KEN\tcapital\tNairobi\tsouth\t36.8\n", "latitude"},
		{"NaN", "KEN\tcapital\tNairobi\tNaN\t36.8\n", "latitude"},
		{"empty form", "KEN\tcapital\tNairobi\t-1.3\t36.8\tNBO||x\n", "empty form"},
		{"two centroids", "KEN\tcentroid\tKenya\t0\t37\nKEN\tcentroid\tKenya\t1\t37\n", "second centroid"},
		{"two capitals", "KEN\tcapital\tNairobi\t-1.3\t36.8\nKEN\tcapital\tMombasa\t-4\t39.7\n", "second capital"},
	}
	for _, tt := range tests {
		_, err := Parse("test.tsv", []byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "test.tsv line") {
			t.Errorf("%s: error %v, want one naming the file and line and containing %q", tt.name, err, tt.want)
		}
	}
}
