package event_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"pactwatch/internal/event"
)

func boolPtr(b bool) *bool { return &b }

// fullEvent has every field of the record set.
func fullEvent() event.Event {
	return event.Event{
		Article:   "017_a1b2c3d4e5f60708",
		Type:      event.Agreement,
		Countries: []string{"FRA", "KEN"},
		Initiator: "FRA",
		Date:      "2023-12",
		Location:  &event.Location{Name: "Lamu", Country: "KEN"},
		Persons: []event.Person{
			{Name: "Josée Martin-Karanja", Country: "FRA", Role: "defence_minister", Aliases: []string{"Josee Martin Karanja"}},
			{Name: "Otieno Wafula", Country: "KEN", Role: "chief_of_defence"},
		},
		Domains:       []string{"maritime", "training"},
		Agreement:     &event.AgreementInfo{Kind: "coast guard cooperation accord", Stage: event.Signed},
		Organizations: []string{"AU"},
		Confidence:    0.74,
		Evidence:      []string{"The two ministers put their names to a coast guard accord in Lamu."},
		Required:      boolPtr(false),
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(e *event.Event)
		wantErr string // empty: valid
		gap     string // a known gap: Validate accepts this today
	}{
		{name: "full event", edit: func(e *event.Event) {}},
		{name: "minimal meeting", edit: func(e *event.Event) {
			*e = event.Event{Type: event.Meeting, Countries: []string{"CHN", "TZA"}}
		}},
		{name: "three states", edit: func(e *event.Event) { e.Countries = []string{"CHN", "MOZ", "TZA"} }},
		{name: "rupture with terminated agreement", edit: func(e *event.Event) {
			e.Type = event.Rupture
			e.Agreement.Stage = event.Terminated
		}},
		{name: "person without role", edit: func(e *event.Event) { e.Persons[0].Role = "" }},
		{name: "one country", edit: func(e *event.Event) { e.Countries = []string{"KEN"} }, wantErr: "countries"},
		{name: "no country", edit: func(e *event.Event) { e.Countries = nil }, wantErr: "countries"},
		{name: "unsorted countries", edit: func(e *event.Event) { e.Countries = []string{"KEN", "FRA"} }, wantErr: "not sorted"},
		{name: "unknown type", edit: func(e *event.Event) { e.Type = "summit" }, wantErr: "type"},
		{name: "empty type", edit: func(e *event.Event) { e.Type = "" }, wantErr: "type"},
		{name: "unknown stage", edit: func(e *event.Event) { e.Agreement.Stage = "drafted" }, wantErr: "stage"},
		{name: "empty stage", edit: func(e *event.Event) { e.Agreement.Stage = "" }, wantErr: "stage"},
		{name: "unknown role", edit: func(e *event.Event) { e.Persons[1].Role = "admiral" }, wantErr: "role"},
		{name: "unknown domain", edit: func(e *event.Event) { e.Domains = []string{"maritime", "space"} }, wantErr: "domain"},
		{name: "same state twice", edit: func(e *event.Event) { e.Countries = []string{"KEN", "KEN"} }, wantErr: "twice"},
		{name: "not an alpha-3 code", edit: func(e *event.Event) { e.Countries = []string{"France", "Kenya"} }, wantErr: "alpha-3"},
		{name: "confidence above 1", edit: func(e *event.Event) { e.Confidence = 1.4 }, wantErr: "confidence"},
		{name: "agreement type with an ending stage", edit: func(e *event.Event) { e.Agreement.Stage = event.Terminated }, wantErr: "rupture"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := fullEvent()
			tc.edit(&e)
			err := e.Validate()
			if tc.gap != "" {
				if err == nil {
					t.Logf("KNOWN GAP: %s", tc.gap)
				} else {
					t.Logf("gap closed (%v), remove the mark: %s", err, tc.gap)
				}
				return
			}
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tc.wantErr != "" && err == nil:
				t.Errorf("Validate() = nil, want an error about %q", tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
				t.Errorf("Validate() = %v, want it to mention %q", err, tc.wantErr)
			}
		})
	}
}

func TestVocabulariesValidate(t *testing.T) {
	for _, ty := range event.Types {
		e := event.Event{Type: ty, Countries: []string{"BRA", "PRT"}}
		if err := e.Validate(); err != nil {
			t.Errorf("type %q: %v", ty, err)
		}
	}
	for _, st := range event.Stages {
		typ := event.Agreement
		if st == event.Suspended || st == event.Terminated {
			typ = event.Rupture // the spec reports an ended agreement as a rupture
		}
		e := event.Event{Type: typ, Countries: []string{"BRA", "PRT"}, Agreement: &event.AgreementInfo{Stage: st}}
		if err := e.Validate(); err != nil {
			t.Errorf("stage %q: %v", st, err)
		}
	}
	for _, r := range event.Roles {
		e := event.Event{Type: event.Meeting, Countries: []string{"BRA", "PRT"}, Persons: []event.Person{{Name: "X", Role: r}}}
		if err := e.Validate(); err != nil {
			t.Errorf("role %q: %v", r, err)
		}
	}
	e := event.Event{Type: event.Training, Countries: []string{"BRA", "PRT"}, Domains: event.Domains}
	if err := e.Validate(); err != nil {
		t.Errorf("all domains: %v", err)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	want := fullEvent()
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got event.Event
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("unmarshal %s: %v", b, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the event:\n  got  %+v\n  want %+v\n  json %s", got, want, b)
	}
	// The spec's field names.
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"article", "type", "countries", "initiator", "date", "location", "persons",
		"domains", "agreement", "organizations", "confidence", "evidence", "required"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	if string(fields["type"]) != `"agreement"` || !strings.Contains(string(fields["agreement"]), `"stage":"signed"`) {
		t.Errorf("type or stage badly encoded: %s", b)
	}
}

func TestJSONOmitEmpty(t *testing.T) {
	e := event.Event{Article: "a", Type: event.Meeting, Countries: []string{"CHN", "TZA"},
		Persons: []event.Person{{Name: "Zawadi Mrisho"}}, Location: &event.Location{Name: "Zanzibar"}}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"initiator", "date", "domains", "agreement", "required", "language"} {
		if _, ok := fields[k]; ok {
			t.Errorf("empty %q present: %s", k, b)
		}
	}
	// The spec's always-present fields stay, even empty.
	for _, k := range []string{"article", "type", "countries", "organizations", "confidence", "evidence"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("%q absent: %s", k, b)
		}
	}
	for _, nested := range []struct{ field, absent string }{
		{"persons", `"country"`}, {"persons", `"role"`}, {"persons", `"aliases"`}, {"location", `"country"`},
	} {
		if strings.Contains(string(fields[nested.field]), nested.absent) {
			t.Errorf("empty %s in %s present: %s", nested.absent, nested.field, fields[nested.field])
		}
	}
	if !strings.Contains(string(fields["location"]), `"name":"Zanzibar"`) {
		t.Errorf("location name lost: %s", fields["location"])
	}
}

func TestGoldJSON(t *testing.T) {
	const doc = `{"article": "x1", "language": "sw", "events": [
		{"article": "x1", "type": "exercise", "countries": ["CHN", "TZA"], "required": false},
		{"article": "x1", "type": "meeting", "countries": ["CHN", "TZA"]}]}`
	var g event.Gold
	if err := json.Unmarshal([]byte(doc), &g); err != nil {
		t.Fatal(err)
	}
	if g.Article != "x1" || g.Language != "sw" || len(g.Events) != 2 {
		t.Fatalf("gold read as %+v", g)
	}
	if g.Events[0].IsRequired() || !g.Events[1].IsRequired() {
		t.Errorf("required flags: got %v, %v; want false, true", g.Events[0].IsRequired(), g.Events[1].IsRequired())
	}
}

func TestIsRequired(t *testing.T) {
	cases := []struct {
		name     string
		required *bool
		want     bool
	}{
		{"absent defaults to true", nil, true},
		{"explicit true", boolPtr(true), true},
		{"explicit false", boolPtr(false), false},
	}
	for _, tc := range cases {
		e := event.Event{Required: tc.required}
		if got := e.IsRequired(); got != tc.want {
			t.Errorf("%s: IsRequired() = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestKey(t *testing.T) {
	cases := []struct {
		name string
		a, b event.Event
		same bool
	}{
		{"country order ignored",
			event.Event{Type: event.Meeting, Countries: []string{"KEN", "FRA"}},
			event.Event{Type: event.Meeting, Countries: []string{"FRA", "KEN"}}, true},
		{"three states in any order",
			event.Event{Type: event.Exercise, Countries: []string{"TZA", "CHN", "MOZ"}},
			event.Event{Type: event.Exercise, Countries: []string{"MOZ", "TZA", "CHN"}}, true},
		{"other attributes ignored",
			event.Event{Type: event.Arms, Countries: []string{"RUS", "MLI"}, Date: "2022", Initiator: "RUS"},
			event.Event{Type: event.Arms, Countries: []string{"MLI", "RUS"}, Confidence: 0.3}, true},
		{"type differs",
			event.Event{Type: event.Meeting, Countries: []string{"FRA", "KEN"}},
			event.Event{Type: event.Training, Countries: []string{"FRA", "KEN"}}, false},
		{"states differ",
			event.Event{Type: event.Meeting, Countries: []string{"FRA", "KEN"}},
			event.Event{Type: event.Meeting, Countries: []string{"FRA", "KEN", "TZA"}}, false},
	}
	for _, tc := range cases {
		if got := tc.a.Key() == tc.b.Key(); got != tc.same {
			t.Errorf("%s: %q vs %q: same = %v, want %v", tc.name, tc.a.Key(), tc.b.Key(), got, tc.same)
		}
	}
	// Key must not reorder the event's own countries.
	e := event.Event{Type: event.Meeting, Countries: []string{"KEN", "FRA"}}
	_ = e.Key()
	if e.Countries[0] != "KEN" {
		t.Errorf("Key() sorted the event's countries in place: %v", e.Countries)
	}
}
