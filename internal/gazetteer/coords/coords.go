package coords

import (
	"embed"
	"fmt"
	"math"
	"strconv"
	"strings"

	"pactwatch/internal/event"
	"pactwatch/internal/token"
	"pactwatch/internal/tsv"
)

//go:embed data/coords.tsv
var files embed.FS

// tableFile is the embedded table's path.
const tableFile = "data/coords.tsv"

// Kind says what a row of the table stands for.
type Kind string

// The kinds of the table, from the least to the most precise.
const (
	Centroid Kind = "centroid" // the approximate centre of a state
	Region   Kind = "region"   // an area named like a place (Darfur, Donbas)
	Capital  Kind = "capital"
	City     Kind = "city"
	Site     Kind = "site" // a base, camp or airfield
)

// rank orders kinds for a tie between two places matched by the same words:
// the lower, the more likely meant.
func (k Kind) rank() int {
	switch k {
	case Capital:
		return 0
	case City:
		return 1
	case Site:
		return 2
	case Region:
		return 3
	case Centroid:
		return 4
	}
	return 5
}

func validKind(k Kind) bool { return k.rank() < 5 }

// Place is one row of the table.
type Place struct {
	ISO3  string   // the state the place belongs to
	Kind  Kind     // what the row stands for
	Name  string   // the place's name (a state's English name for a centroid)
	Lat   float64  // latitude in decimal degrees, -90..90
	Lon   float64  // longitude in decimal degrees, -180..180
	Forms []string // other spellings, in any script ('*' ends a stem)
}

// Table holds the coordinates and finds places by name.
type Table struct {
	places   []Place
	byForm   token.Trie[int] // folded name or form → index in places
	centroid map[string]int
	capital  map[string]int
}

// Load reads the embedded table.
func Load() (*Table, error) {
	b, err := files.ReadFile(tableFile)
	if err != nil {
		return nil, fmt.Errorf("coords: %w", err)
	}
	return Parse(tableFile, b)
}

// Parse reads a table in the format of data/coords.tsv; name is used in
// errors.
func Parse(name string, data []byte) (*Table, error) {
	t := &Table{centroid: map[string]int{}, capital: map[string]int{}}
	err := tsv.Rows(data, func(line int, cols []string) error {
		p, err := parseRow(cols)
		if err != nil {
			return fmt.Errorf("coords %s line %d: %w", name, line, err)
		}
		i := len(t.places)
		switch p.Kind {
		case Centroid:
			if _, dup := t.centroid[p.ISO3]; dup {
				return fmt.Errorf("coords %s line %d: second centroid for %s", name, line, p.ISO3)
			}
			t.centroid[p.ISO3] = i
		case Capital:
			if _, dup := t.capital[p.ISO3]; dup {
				return fmt.Errorf("coords %s line %d: second capital for %s", name, line, p.ISO3)
			}
			t.capital[p.ISO3] = i
		}
		t.places = append(t.places, p)
		if p.Kind != Centroid {
			t.byForm.AddPhrase(p.Name, i)
			for _, f := range p.Forms {
				t.byForm.AddPhrase(f, i)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

func parseRow(cols []string) (Place, error) {
	if len(cols) < 5 || len(cols) > 6 {
		return Place{}, fmt.Errorf("want 5 or 6 columns, got %d", len(cols))
	}
	p := Place{ISO3: cols[0], Kind: Kind(cols[1]), Name: strings.TrimSpace(cols[2])}
	if !event.IsCode(p.ISO3) {
		return p, fmt.Errorf("state %q is not an ISO alpha-3 code", p.ISO3)
	}
	if !validKind(p.Kind) {
		return p, fmt.Errorf("unknown kind %q", cols[1])
	}
	if p.Name == "" {
		return p, fmt.Errorf("empty name")
	}
	var err error
	if p.Lat, err = parseDegrees(cols[3], 90); err != nil {
		return p, fmt.Errorf("%s latitude: %w", p.Name, err)
	}
	if p.Lon, err = parseDegrees(cols[4], 180); err != nil {
		return p, fmt.Errorf("%s longitude: %w", p.Name, err)
	}
	if len(cols) == 6 && strings.TrimSpace(cols[5]) != "" {
		for _, f := range strings.Split(cols[5], "|") {
			f = strings.TrimSpace(f)
			if f == "" {
				return p, fmt.Errorf("%s: empty form", p.Name)
			}
			p.Forms = append(p.Forms, f)
		}
	}
	return p, nil
}

func parseDegrees(s string, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(v) || v < -limit || v > limit {
		return 0, fmt.Errorf("%v is outside -%v..%v", v, limit, limit)
	}
	return v, nil
}

// Places returns every row of the table, in file order. The slice is the
// table's own: do not change it.
func (t *Table) Places() []Place { return t.places }

// Centroid returns the approximate centre of a state.
func (t *Table) Centroid(iso3 string) (Place, bool) {
	i, ok := t.centroid[iso3]
	if !ok {
		return Place{}, false
	}
	return t.places[i], true
}

// Capital returns a state's capital, when the table has one.
func (t *Table) Capital(iso3 string) (Place, bool) {
	i, ok := t.capital[iso3]
	if !ok {
		return Place{}, false
	}
	return t.places[i], true
}

// Name returns a state's English name (from its centroid row), or the code
// itself when the table does not know the state.
func (t *Table) Name(iso3 string) string {
	if p, ok := t.Centroid(iso3); ok {
		return p.Name
	}
	return iso3
}

// Find returns the place that a location name stands for. The name is
// matched like the gazetteer's forms (case, accents, Arabic prefixes and
// stems folded) and may hold more words than the place's name ("base naval
// de Rota"); the longest match wins. With iso3 set, only that state's places
// count; with iso3 empty, a name that fits places of two states is
// ambiguous and not found. Centroids are never found by name.
func (t *Table) Find(name, iso3 string) (Place, bool) {
	type candidate struct {
		place int
		words int
		stem  bool
	}
	var all []candidate
	toks := token.Split(name)
	for i := range toks {
		for _, m := range t.byForm.MatchAt(toks, i) {
			for _, v := range m.Vals {
				if iso3 == "" || t.places[v].ISO3 == iso3 {
					all = append(all, candidate{v, m.End - m.Start, m.Stem})
				}
			}
		}
	}
	// the best tier: most words, then a whole word before a stem
	var top []candidate
	for _, c := range all {
		switch {
		case len(top) == 0, c.words > top[0].words, c.words == top[0].words && top[0].stem && !c.stem:
			top = append(top[:0], c)
		case c.words == top[0].words && c.stem == top[0].stem:
			top = append(top, c)
		}
	}
	if len(top) == 0 {
		return Place{}, false
	}
	best := top[0].place
	for _, c := range top[1:] {
		p := t.places[c.place]
		if p.ISO3 != t.places[best].ISO3 {
			return Place{}, false // two states: ambiguous
		}
		if p.Kind.rank() < t.places[best].Kind.rank() {
			best = c.place
		}
	}
	return t.places[best], true
}

// Distance returns the great-circle distance between two places in
// kilometres.
func Distance(a, b Place) float64 {
	const earthRadius = 6371.0
	rad := func(d float64) float64 { return d * math.Pi / 180 }
	dLat, dLon := rad(b.Lat-a.Lat), rad(b.Lon-a.Lon)
	h := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(rad(a.Lat))*math.Cos(rad(b.Lat))*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadius * math.Asin(math.Min(1, math.Sqrt(h)))
}
