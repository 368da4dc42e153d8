package export

import (
	"encoding/json"
	"testing"
)

type geoDoc struct {
	Type     string `json:"type"`
	Features []struct {
		Type     string `json:"type"`
		ID       int64  `json:"id"`
		Geometry struct {
			Type        string    `json:"type"`
			Coordinates []float64 `json:"coordinates"`
		} `json:"geometry"`
		Properties map[string]any `json:"properties"`
	} `json:"features"`
	Skipped map[string]int `json:"skipped"`
}

func parseGeoJSON(t *testing.T, out []byte) geoDoc {
	t.Helper()
	var doc geoDoc
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Type != "FeatureCollection" {
		t.Errorf("type = %q", doc.Type)
	}
	for _, f := range doc.Features {
		c := f.Geometry.Coordinates
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(c) != 2 ||
			c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90 {
			t.Errorf("feature %d is not a point in range: %+v", f.ID, f)
		}
	}
	return doc
}

func TestGeoJSON(t *testing.T) {
	out, counts := export(t, "geojson", Options{}, records())
	golden(t, "records.geojson", out)
	doc := parseGeoJSON(t, out)

	type want struct {
		lon, lat      float64 // within 0.5 degrees
		placed, place string
	}
	wants := map[int64]want{
		1:  {36.8, -1.3, "capital", "Nairobi"},
		2:  {39.7, -4.0, "city", "Mombasa"},
		3:  {29.9, 31.2, "city", "Alexandria"}, // written in Arabic
		5:  {2.35, 48.9, "capital", "Paris"},
		6:  {0.0, 16.3, "city", "Gao"},
		9:  {120.3, 14.8, "site", "Subic Bay"},
		10: {2.35, 48.9, "capital", "Paris"}, // "Paris, France"
	}
	if len(doc.Features) != len(wants) || counts.Written != len(wants) {
		t.Fatalf("%d features (%d counted), want %d", len(doc.Features), counts.Written, len(wants))
	}
	for _, f := range doc.Features {
		w, ok := wants[f.ID]
		if !ok {
			t.Errorf("unexpected feature %d", f.ID)
			continue
		}
		c := f.Geometry.Coordinates
		if abs(c[0]-w.lon) > 0.5 || abs(c[1]-w.lat) > 0.5 {
			t.Errorf("feature %d at %v, want [lon %v, lat %v]", f.ID, c, w.lon, w.lat)
		}
		p := f.Properties
		if p["placed"] != w.placed || p["place"] != w.place || p["id"] != float64(f.ID) {
			t.Errorf("feature %d properties %v, want placed %s at %s", f.ID, p, w.placed, w.place)
		}
	}
	p := doc.Features[1].Properties // the agreement
	if p["type"] != "agreement" || p["stage"] != "signed" || p["date"] != "2024-06" || p["location"] != "Mombasa" ||
		p["country"] != "KEN" || p["confidence"] != 0.9 || p["n_sources"] != 2.0 {
		t.Errorf("agreement properties = %v", p)
	}
	if cs, _ := doc.Features[2].Properties["countries"].([]any); len(cs) != 3 {
		t.Errorf("exercise countries = %v, want three", doc.Features[2].Properties["countries"])
	}
	if doc.Skipped[SkipNoLocation] != 2 || doc.Skipped[SkipUnplaced] != 1 {
		t.Errorf("skipped in the document = %v, want 2 without location and 1 unplaced", doc.Skipped)
	}
	if counts.Skipped[SkipNoLocation] != 2 || counts.Skipped[SkipUnplaced] != 1 {
		t.Errorf("counts = %+v", counts)
	}
}

func TestGeoJSONCountryFallback(t *testing.T) {
	out, counts := export(t, "geojson", Options{CountryFallback: true}, records())
	doc := parseGeoJSON(t, out)
	if len(doc.Features) != 8 || doc.Skipped[SkipUnplaced] != 0 || counts.Skipped[SkipNoLocation] != 2 {
		t.Fatalf("%d features, skipped %v; want 8 and none unplaced", len(doc.Features), doc.Skipped)
	}
	for _, f := range doc.Features {
		if f.ID == 7 {
			c := f.Geometry.Coordinates
			if f.Properties["placed"] != "centroid" || f.Properties["place"] != "Kenya" || abs(c[0]-37.9) > 1 || abs(c[1]) > 1 {
				t.Errorf("Camp Nowhere placed %v at %v, want Kenya's centroid", f.Properties, c)
			}
		}
	}
}

func TestGeoJSONEmpty(t *testing.T) {
	out, _ := export(t, "geojson", Options{}, nil)
	doc := parseGeoJSON(t, out)
	if len(doc.Features) != 0 || doc.Features == nil {
		t.Errorf("empty export = %s, want an empty features array", out)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
