package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// spec is the parts of openapi.json the tests read.
type spec struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]*schema `json:"schemas"`
	} `json:"components"`
}

// schema is the subset of OpenAPI schemas openapi.json uses.
type schema struct {
	Ref        string             `json:"$ref"`
	Type       string             `json:"type"`
	Properties map[string]*schema `json:"properties"`
	Required   []string           `json:"required"`
	Items      *schema            `json:"items"`
	AllOf      []*schema          `json:"allOf"`
	Enum       []any              `json:"enum"`
	Nullable   bool               `json:"nullable"`
	Additional *schema            `json:"additionalProperties"`
}

type operation struct {
	Parameters []struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
	} `json:"parameters"`
	RequestBody *struct {
		Content map[string]struct {
			Schema *schema `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Content map[string]struct {
			Schema *schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

func loadSpec(t *testing.T) *spec {
	t.Helper()
	var sp spec
	if err := json.Unmarshal(openAPIDoc, &sp); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(sp.OpenAPI, "3.") {
		t.Fatalf("openapi.json: version %q, want 3.x", sp.OpenAPI)
	}
	return &sp
}

func (sp *spec) operation(t *testing.T, path, method string) *operation {
	t.Helper()
	raw, ok := sp.Paths[path][strings.ToLower(method)]
	if !ok {
		t.Fatalf("openapi.json documents no %s %s", method, path)
	}
	var op operation
	if err := json.Unmarshal(raw, &op); err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return &op
}

// check validates a JSON value against a schema: types, required
// properties (present; null only where nullable), items, enums, allOf.
func (sp *spec) check(v any, sc *schema, at string) []string {
	if sc == nil {
		return nil
	}
	if sc.Ref != "" {
		name := strings.TrimPrefix(sc.Ref, "#/components/schemas/")
		ref, ok := sp.Components.Schemas[name]
		if !ok {
			return []string{at + ": unknown schema " + sc.Ref}
		}
		if v == nil && sc.Nullable {
			return nil
		}
		return sp.check(v, ref, at)
	}
	var errs []string
	for _, part := range sc.AllOf {
		errs = append(errs, sp.check(v, part, at)...)
	}
	if v == nil {
		if sc.Nullable || sc.Type == "" {
			return errs
		}
		return append(errs, at+": null, want "+sc.Type)
	}
	if len(sc.Enum) > 0 && !slices.Contains(sc.Enum, v) {
		errs = append(errs, fmt.Sprintf("%s: %v not in %v", at, v, sc.Enum))
	}
	switch sc.Type {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return append(errs, fmt.Sprintf("%s: %T, want an object", at, v))
		}
		for _, r := range sc.Required {
			if _, ok := m[r]; !ok {
				errs = append(errs, at+": missing required property "+r)
			}
		}
		for k, x := range m {
			if p, ok := sc.Properties[k]; ok {
				errs = append(errs, sp.check(x, p, at+"."+k)...)
			} else if sc.Additional != nil {
				errs = append(errs, sp.check(x, sc.Additional, at+"."+k)...)
			}
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			return append(errs, fmt.Sprintf("%s: %T, want an array", at, v))
		}
		for i, x := range a {
			errs = append(errs, sp.check(x, sc.Items, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "string":
		if _, ok := v.(string); !ok {
			errs = append(errs, fmt.Sprintf("%s: %T, want a string", at, v))
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != float64(int64(f)) {
			errs = append(errs, fmt.Sprintf("%s: %v, want an integer", at, v))
		}
	case "number":
		if _, ok := v.(float64); !ok {
			errs = append(errs, fmt.Sprintf("%s: %T, want a number", at, v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			errs = append(errs, fmt.Sprintf("%s: %T, want a boolean", at, v))
		}
	}
	return errs
}

// conforms checks an answer against what openapi.json documents for its
// path, method and status.
func (sp *spec) conforms(t *testing.T, path, method string, status int, body []byte, h http.Header) {
	t.Helper()
	if !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		return // the feed and the downloads
	}
	op := sp.operation(t, path, method)
	r, ok := op.Responses[strconv.Itoa(status)]
	if !ok {
		t.Errorf("%s %s answered %d, which openapi.json does not document: %s", method, path, status, body)
		return
	}
	mt, ok := r.Content["application/json"]
	if !ok {
		return // not JSON (the feed, downloads)
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Errorf("%s %s: body is not JSON: %v", method, path, err)
		return
	}
	for _, e := range sp.check(v, mt.Schema, "body") {
		t.Errorf("%s %s %d: %s", method, path, status, e)
	}
}

// TestOpenAPI calls every documented path and method with real
// parameters on the corpus store and checks each answer against the
// document.
func TestOpenAPI(t *testing.T) {
	sp := loadSpec(t)
	e := newEnv(t)
	var page eventPage
	e.getJSON(t, "/api/events?limit=200", &page)
	if len(page.Events) < 20 {
		t.Fatalf("the corpus store has %d events, want at least 20", len(page.Events))
	}
	// an event with two sources or more (for split), another for merge, and their states
	var multi, other eventItem
	for _, ev := range page.Events {
		if multi.ID == 0 && len(ev.Sources) >= 2 {
			multi = ev
		} else if other.ID == 0 {
			other = ev
		}
	}
	if multi.ID == 0 {
		t.Fatal("no event with two sources in the corpus store")
	}
	var detail eventDetail
	e.getJSON(t, fmt.Sprintf("/api/events/%d", multi.ID), &detail)
	key := int64(0)
	for _, s := range detail.Sources {
		if s.Key != 0 {
			key = s.Key
		}
	}
	ids := map[string]string{"id": strconv.FormatInt(multi.ID, 10), "key": strconv.FormatInt(key, 10), "iso3": multi.Countries[0]}

	type call struct {
		path, method, url string
		body              any
		status            int
	}
	calls := []call{
		{"/api/openapi.json", "GET", "/api/openapi.json", nil, 200},
		{"/api/meta", "GET", "/api/meta", nil, 200},
		{"/api/events", "GET", "/api/events?type=meeting,agreement&sort=confidence&order=asc&limit=5&since=2020", nil, 200},
		{"/api/events", "GET", "/api/events?country=KEN&q=kenya", nil, 200},
		{"/api/events", "GET", "/api/events?stage=maybe", nil, 400},
		{"/api/events/{id}", "GET", "/api/events/{id}", nil, 200},
		{"/api/events/{id}", "GET", "/api/events/99999999", nil, 404},
		{"/api/events/{id}", "GET", "/api/events/x1", nil, 400},
		{"/api/articles/{key}", "GET", "/api/articles/{key}?event={id}", nil, 200},
		{"/api/articles/{key}", "GET", "/api/articles/99999999", nil, 404},
		{"/api/graph", "GET", "/api/graph?region=002&max_edges=10", nil, 200},
		{"/api/map", "GET", "/api/map?since=2024", nil, 200},
		{"/api/timeline", "GET", "/api/timeline?by=month", nil, 200},
		{"/api/timeline", "GET", "/api/timeline?by=week", nil, 400},
		{"/api/states/{iso3}", "GET", "/api/states/{iso3}", nil, 200},
		{"/api/states/{iso3}", "GET", "/api/states/QQQ", nil, 404},
		{"/api/agreements", "GET", "/api/agreements?limit=5", nil, 200},
		{"/api/export", "GET", "/api/export?format=csv&type=meeting", nil, 200},
		{"/api/export", "GET", "/api/export?format=xlsx", nil, 400},
		{"/api/watches", "POST", "/api/watches", map[string]any{"countries": []string{"KEN", "SOM"}, "name": "Horn"}, 201},
		{"/api/watches", "POST", "/api/watches", map[string]any{"countries": []string{"Kenya"}}, 400},
		{"/api/watches", "GET", "/api/watches", nil, 200},
		{"/api/watches/{id}", "GET", "/api/watches/1", nil, 200},
		{"/api/watches/{id}/seen", "POST", "/api/watches/1/seen", nil, 200},
		{"/watches/{id}/feed.atom", "GET", "/watches/1/feed.atom", nil, 200},
		{"/watches/{id}/feed.atom", "GET", "/watches/999/feed.atom", nil, 404},
		{"/api/events/{id}/review", "POST", "/api/events/{id}/review", map[string]any{"status": "confirmed", "note": "read twice"}, 200},
		{"/api/events/{id}/review", "POST", "/api/events/{id}/review", map[string]any{"status": "perhaps"}, 400},
		{"/api/events/{id}/corrections", "POST", "/api/events/{id}/corrections", map[string]any{"fields": map[string]any{"date": "2025"}}, 200},
		{"/api/events/{id}/corrections", "POST", "/api/events/{id}/corrections", map[string]any{"fields": map[string]any{"date": "soon"}}, 400},
		{"/api/events/{id}/split", "POST", "/api/events/{id}/split", map[string]any{"articles": []string{multi.Sources[1].Article}}, 201},
		{"/api/events/{id}/merge", "POST", "/api/events/{id}/merge", map[string]any{"from": other.ID}, 200},
		{"/api/events/{id}/merge", "POST", "/api/events/{id}/merge", map[string]any{"from": 99999999}, 404},
		{"/api/reviews/orphaned", "GET", "/api/reviews/orphaned", nil, 200},
		{"/api/ingest", "POST", "/api/ingest", map[string]any{"text": "NAIROBI, 3 March 2026 - Kenya and Uganda signed a defence cooperation agreement in Nairobi on Tuesday."}, 200},
		{"/api/ingest", "POST", "/api/ingest", map[string]any{"text": "Kenya and Uganda held joint naval drills off Mombasa on 2 March 2026.", "keep": true}, 201},
		{"/api/ingest", "POST", "/api/ingest", map[string]any{}, 400},
		{"/api/ingest", "POST", "/api/ingest", map[string]any{"url": "ftp://example.invalid/x"}, 400},
		{"/api/ingest", "POST", "/api/ingest", map[string]any{"url": e.ts.URL + "/no/such/page"}, 502},
		{"/api/watches/{id}", "DELETE", "/api/watches/1", nil, 200},
		{"/api/watches/{id}", "DELETE", "/api/watches/1", nil, 404},
	}
	covered := map[string]bool{}
	for _, c := range calls {
		url := c.url
		for k, v := range ids {
			url = strings.ReplaceAll(url, "{"+k+"}", v)
		}
		var body any = c.body
		if c.method == "POST" && body == nil {
			body = map[string]any{}
		}
		status, b, h := e.call(t, c.method, url, body)
		if status != c.status {
			t.Errorf("%s %s: %d %s, want %d", c.method, url, status, b, c.status)
			continue
		}
		if h.Get("Content-Security-Policy") != csp {
			t.Errorf("%s %s: Content-Security-Policy %q", c.method, url, h.Get("Content-Security-Policy"))
		}
		sp.conforms(t, c.path, c.method, status, b, h)
		covered[c.method+" "+c.path] = true
	}
	var documented []string
	for p, ops := range sp.Paths {
		for m := range ops {
			if !covered[strings.ToUpper(m)+" "+p] {
				documented = append(documented, strings.ToUpper(m)+" "+p)
			}
		}
	}
	sort.Strings(documented)
	if len(documented) > 0 {
		t.Errorf("documented but not called: %v", documented)
	}
}

// TestOpenAPIRefs checks that every $ref of the document names a schema.
func TestOpenAPIRefs(t *testing.T) {
	var doc any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	sp := loadSpec(t)
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch x := v.(type) {
		case map[string]any:
			if r, ok := x["$ref"].(string); ok {
				if _, ok := sp.Components.Schemas[strings.TrimPrefix(r, "#/components/schemas/")]; !ok {
					t.Errorf("%s: $ref %s names no schema", at, r)
				}
			}
			for k, y := range x {
				walk(y, at+"/"+k)
			}
		case []any:
			for i, y := range x {
				walk(y, fmt.Sprintf("%s/%d", at, i))
			}
		}
	}
	walk(doc, "#")
	if len(sp.Paths) < 15 {
		t.Errorf("%d paths documented", len(sp.Paths))
	}
}
