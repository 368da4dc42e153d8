// Package event defines the security-cooperation Event record of
// shared/spec/events.md and its JSON form. It is the contract between the
// extractor, the evaluation and everything downstream; it knows nothing about
// how events are found.
package event

import (
	"fmt"
	"sort"
	"strings"
)

// Type is an event type from the spec.
type Type string

// The event types of the spec.
const (
	Meeting      Type = "meeting"
	Agreement    Type = "agreement"
	Training     Type = "training"
	Exercise     Type = "exercise"
	Intelligence Type = "intelligence"
	Arms         Type = "arms"
	Deployment   Type = "deployment"
	Aid          Type = "aid"
	Rupture      Type = "rupture"
)

// Types lists every event type in the spec's order.
var Types = []Type{Meeting, Agreement, Training, Exercise, Intelligence, Arms, Deployment, Aid, Rupture}

// Stage is an agreement's stage in its lifecycle.
type Stage string

// The agreement stages of the spec, in lifecycle order.
const (
	Proposed    Stage = "proposed"
	Negotiating Stage = "negotiating"
	Signed      Stage = "signed"
	Ratified    Stage = "ratified"
	InForce     Stage = "in_force"
	Suspended   Stage = "suspended"
	Terminated  Stage = "terminated"
)

// Stages lists every stage in lifecycle order.
var Stages = []Stage{Proposed, Negotiating, Signed, Ratified, InForce, Suspended, Terminated}

// Roles lists the person roles of the spec.
var Roles = []string{"head_of_state", "head_of_government", "defence_minister", "foreign_minister",
	"minister", "chief_of_defence", "service_chief", "intelligence_chief", "ambassador",
	"deputy_minister", "official"}

// Domains lists the cooperation domains of the spec.
var Domains = []string{"training", "intelligence", "counterterrorism", "peacekeeping", "maritime",
	"cyber", "equipment", "logistics", "welfare", "human_resources", "border_security",
	"capacity_building", "defence_industry", "governance", "economic", "regional_security"}

// Location says where an event happened.
type Location struct {
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
}

// Person is a named participant with a role, attached to a state.
type Person struct {
	Name    string   `json:"name"`
	Country string   `json:"country,omitempty"`
	Role    string   `json:"role,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
}

// AgreementInfo describes the agreement an event is about.
type AgreementInfo struct {
	Kind  string `json:"kind"`
	Stage Stage  `json:"stage"`
}

// Event is one security-cooperation event between two or more states.
type Event struct {
	Article       string         `json:"article"`
	Type          Type           `json:"type"`
	Countries     []string       `json:"countries"`
	Initiator     string         `json:"initiator,omitempty"`
	Date          string         `json:"date,omitempty"`
	Location      *Location      `json:"location,omitempty"`
	Persons       []Person       `json:"persons,omitempty"`
	Domains       []string       `json:"domains,omitempty"`
	Agreement     *AgreementInfo `json:"agreement,omitempty"`
	Organizations []string       `json:"organizations"`
	Confidence    float64        `json:"confidence"`
	Evidence      []string       `json:"evidence"`
	// Required is only set in gold files.
	Required *bool `json:"required,omitempty"`
	// Language is the page's language. It is not part of the spec's record,
	// so it is not printed.
	Language string `json:"-"`
}

// Gold is one gold file: the events a careful reader finds in one article.
type Gold struct {
	Article  string  `json:"article"`
	Language string  `json:"language"`
	Events   []Event `json:"events"`
}

// IsRequired reports whether a gold event is required (the default).
func (e Event) IsRequired() bool { return e.Required == nil || *e.Required }

// Key returns the matching key of the spec: type and sorted country set.
func (e Event) Key() string {
	c := append([]string(nil), e.Countries...)
	sort.Strings(c)
	return string(e.Type) + "|" + strings.Join(c, ",")
}

// Validate checks an event against the spec's vocabulary.
func (e Event) Validate() error {
	if !validType(e.Type) {
		return fmt.Errorf("event type %q is not in the spec", e.Type)
	}
	if len(e.Countries) < 2 {
		return fmt.Errorf("event %s has %d countries, want at least 2", e.Type, len(e.Countries))
	}
	if !sort.StringsAreSorted(e.Countries) {
		return fmt.Errorf("event %s countries %v are not sorted", e.Type, e.Countries)
	}
	for i, c := range e.Countries {
		if !IsCode(c) {
			return fmt.Errorf("event %s country %q is not an ISO alpha-3 code", e.Type, c)
		}
		if i > 0 && e.Countries[i-1] == c {
			return fmt.Errorf("event %s names %s twice", e.Type, c)
		}
	}
	if e.Confidence < 0 || e.Confidence > 1 {
		return fmt.Errorf("event %s confidence %v is outside 0..1", e.Type, e.Confidence)
	}
	if e.Type == Agreement && e.Agreement != nil && (e.Agreement.Stage == Suspended || e.Agreement.Stage == Terminated) {
		return fmt.Errorf("an agreement %s is reported as a rupture, not an agreement", e.Agreement.Stage)
	}
	if e.Agreement != nil && !validStage(e.Agreement.Stage) {
		return fmt.Errorf("event %s stage %q is not in the spec", e.Type, e.Agreement.Stage)
	}
	for _, p := range e.Persons {
		if p.Role != "" && !contains(Roles, p.Role) {
			return fmt.Errorf("person %q role %q is not in the spec", p.Name, p.Role)
		}
	}
	for _, d := range e.Domains {
		if !contains(Domains, d) {
			return fmt.Errorf("domain %q is not in the spec", d)
		}
	}
	return nil
}

// IsCode reports whether s has the shape of an ISO 3166-1 alpha-3 code:
// three capital Latin letters.
func IsCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func validType(t Type) bool {
	for _, x := range Types {
		if x == t {
			return true
		}
	}
	return false
}

func validStage(s Stage) bool {
	for _, x := range Stages {
		if x == s {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
