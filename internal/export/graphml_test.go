package export

import (
	"encoding/xml"
	"strconv"
	"testing"
)

type graphMLDoc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphMLData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Data   []graphMLData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataMap(d []graphMLData) map[string]string {
	m := map[string]string{}
	for _, x := range d {
		m[x.Key] = x.Value
	}
	return m
}

func parseGraphML(t *testing.T, out []byte) graphMLDoc {
	t.Helper()
	var doc graphMLDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return doc
}

func TestGraphML(t *testing.T) {
	out, counts := export(t, "graphml", Options{}, records())
	golden(t, "records.graphml", out)
	doc := parseGraphML(t, out)

	if doc.Graph.EdgeDefault != "undirected" {
		t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		if k.ID != k.Name {
			t.Errorf("key %s is named %s", k.ID, k.Name)
		}
		keys[k.For+" "+k.ID] = k.Type
	}
	for key, typ := range map[string]string{"node iso3": "string", "node name": "string", "node events": "int",
		"edge weight": "double", "edge meeting": "int", "edge rupture": "int", "edge first_date": "string",
		"edge highest_stage": "string"} {
		if keys[key] != typ {
			t.Errorf("key %s has type %q, want %q", key, keys[key], typ)
		}
	}

	nodes := map[string]map[string]string{}
	var order []string
	for _, n := range doc.Graph.Nodes {
		nodes[n.ID] = dataMap(n.Data)
		order = append(order, n.ID)
	}
	wantOrder := []string{"ARE", "EGY", "FRA", "GBR", "KEN", "MLI", "PHL", "SAU", "SOM", "TUR", "USA"}
	if len(order) != len(wantOrder) {
		t.Fatalf("nodes %v, want %v", order, wantOrder)
	}
	for i := range order {
		if order[i] != wantOrder[i] {
			t.Fatalf("nodes %v, want %v", order, wantOrder)
		}
	}
	for id, want := range map[string][3]string{
		"FRA": {"FRA", "France", "5"}, "KEN": {"KEN", "Kenya", "5"}, "EGY": {"EGY", "Egypt", "1"},
		"ARE": {"ARE", "United Arab Emirates", "1"},
	} {
		n := nodes[id]
		if n["iso3"] != want[0] || n["name"] != want[1] || n["events"] != want[2] {
			t.Errorf("node %s = %v, want iso3 %s name %s events %s", id, n, want[0], want[1], want[2])
		}
	}

	edges := map[string]map[string]string{}
	for _, e := range doc.Graph.Edges {
		if e.Source >= e.Target {
			t.Errorf("edge %s-%s is not in order", e.Source, e.Target)
		}
		edges[e.Source+"-"+e.Target] = dataMap(e.Data)
	}
	if len(edges) != 8 || counts.Written != 8 {
		t.Errorf("%d edges (%d counted), want 8: %v", len(edges), counts.Written, edges)
	}
	tests := []struct{ edge, key, want string }{
		{"FRA-KEN", "weight", "4"},
		{"FRA-KEN", "meeting", "2"},
		{"FRA-KEN", "agreement", "2"},
		{"FRA-KEN", "rupture", "0"},
		{"FRA-KEN", "first_date", "2024-03-05"},
		{"FRA-KEN", "last_date", "2027-01"},
		{"FRA-KEN", "highest_stage", "ratified"},
		{"ARE-EGY", "exercise", "1"}, // the three-state exercise counts for every pair
		{"ARE-SAU", "exercise", "1"},
		{"EGY-SAU", "weight", "1"},
		{"EGY-SAU", "first_date", "2024"},
		{"FRA-MLI", "rupture", "1"},
		{"FRA-MLI", "highest_stage", ""}, // terminated is not a stage reached
		{"SOM-TUR", "arms", "1"},
		{"SOM-TUR", "first_date", ""}, // undated
		{"PHL-USA", "intelligence", "1"},
		{"PHL-USA", "last_date", ""}, // "2024-13" is no date
		{"GBR-KEN", "training", "1"},
	}
	for _, tt := range tests {
		e, ok := edges[tt.edge]
		if !ok {
			t.Errorf("no edge %s", tt.edge)
			continue
		}
		if got := e[tt.key]; got != tt.want {
			t.Errorf("edge %s %s = %q, want %q", tt.edge, tt.key, got, tt.want)
		}
	}
	total := 0
	for _, e := range edges {
		n, _ := strconv.Atoi(e["weight"])
		total += n
	}
	if total != 11 {
		t.Errorf("weights add up to %d, want 11 (8 two-state events + 3 pairs of the three-state one)", total)
	}
	if counts.Skipped[SkipFewStates] != 1 {
		t.Errorf("skipped %v, want the one-state record", counts.Skipped)
	}
}

func TestGraphMLEscapes(t *testing.T) {
	r := records()[0]
	r.Countries = []string{`A"<&`, "KEN"}
	r.Date = "2024-01-01"
	out, _ := export(t, "graphml", Options{}, append(records()[:1], r))
	doc := parseGraphML(t, out)
	found := false
	for _, n := range doc.Graph.Nodes {
		if n.ID == `A"<&` && dataMap(n.Data)["name"] == `A"<&` {
			found = true
		}
	}
	if !found {
		t.Errorf("a hostile state code did not survive escaping:\n%s", out)
	}
}
