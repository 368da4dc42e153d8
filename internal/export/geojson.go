package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer/coords"
)

// geoJSONWriter streams a FeatureCollection: the header before the first
// feature, one Point feature per placed event as it comes, and at Close the
// footer with the count of events it could not place.
type geoJSONWriter struct {
	base
	bw       *bufio.Writer
	places   *coords.Table
	fallback bool
	started  bool
}

// feature is one GeoJSON Feature; Coordinates are [longitude, latitude].
type feature struct {
	Type       string        `json:"type"`
	ID         int64         `json:"id"`
	Geometry   point         `json:"geometry"`
	Properties featureFields `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// featureFields are a feature's properties: the event, and how it was
// placed.
type featureFields struct {
	ID         int64    `json:"id"`
	Type       string   `json:"type"`
	Countries  []string `json:"countries"`
	Date       string   `json:"date"`
	Location   string   `json:"location"`
	Country    string   `json:"country"`
	Stage      string   `json:"stage"`
	Confidence float64  `json:"confidence"`
	NSources   int      `json:"n_sources"`
	Placed     string   `json:"placed"` // the table row's kind: capital, city, region, site or centroid
	Place      string   `json:"place"`  // the table row's name
}

func newGeoJSON(w io.Writer, opts Options) *geoJSONWriter {
	return &geoJSONWriter{base: base{format: "geojson"}, bw: bufio.NewWriter(w),
		places: opts.Places, fallback: opts.CountryFallback}
}

// place finds where an event happened; reason says why it cannot.
func (g *geoJSONWriter) place(loc *event.Location) (p coords.Place, reason string) {
	if loc == nil || (loc.Name == "" && loc.Country == "") {
		return p, SkipNoLocation
	}
	if loc.Name != "" {
		if p, ok := g.places.Find(loc.Name, loc.Country); ok {
			return p, ""
		}
	}
	if g.fallback && loc.Country != "" {
		if p, ok := g.places.Centroid(loc.Country); ok {
			return p, ""
		}
	}
	return p, SkipUnplaced
}

func (g *geoJSONWriter) Write(r event.Record) error {
	if err := g.begin(); err != nil {
		return err
	}
	p, reason := g.place(r.Location)
	if reason != "" {
		g.skip(reason)
		return nil
	}
	f := feature{Type: "Feature", ID: r.ID, Geometry: point{"Point", [2]float64{p.Lon, p.Lat}},
		Properties: featureFields{
			ID: r.ID, Type: string(r.Type), Countries: r.Countries, Date: r.Date,
			Location: r.Location.Name, Country: r.Location.Country,
			Confidence: r.Confidence, NSources: len(r.Sources),
			Placed: string(p.Kind), Place: p.Name,
		}}
	if f.Properties.Countries == nil {
		f.Properties.Countries = []string{}
	}
	if r.Agreement != nil {
		f.Properties.Stage = string(r.Agreement.Stage)
	}
	b, err := marshal(f)
	if err != nil {
		return g.fail(r, err)
	}
	sep := ",\n"
	if !g.started {
		sep = `{"type":"FeatureCollection","features":[` + "\n"
		g.started = true
	}
	if _, err := g.bw.WriteString(sep); err != nil {
		return g.fail(r, err)
	}
	if _, err := g.bw.Write(b); err != nil {
		return g.fail(r, err)
	}
	g.counts.Written++
	return nil
}

func (g *geoJSONWriter) Close() error {
	if err := g.finish(); err != nil {
		return err
	}
	head := ""
	if !g.started {
		head = `{"type":"FeatureCollection","features":[`
	}
	skipped, err := marshal(map[string]int{
		SkipNoLocation: g.counts.Skipped[SkipNoLocation],
		SkipUnplaced:   g.counts.Skipped[SkipUnplaced],
	})
	if err != nil {
		return fmt.Errorf("export geojson: %w", err)
	}
	if _, err := fmt.Fprintf(g.bw, "%s\n],\"skipped\":%s}\n", head, skipped); err != nil {
		return fmt.Errorf("export geojson: %w", err)
	}
	if err := g.bw.Flush(); err != nil {
		return fmt.Errorf("export geojson: %w", err)
	}
	return nil
}

// marshal is json.Marshal without HTML escaping and without the newline
// an Encoder adds.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
