package extract_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"pactwatch/internal/event"
	"pactwatch/internal/extract"
)

const article = "042_c0ffee"

// cand builds a candidate for sentence i with one evidence sentence.
func cand(i int, ty event.Type, conf float64, countries ...string) extract.Candidate {
	return extract.Candidate{
		Sentence: i,
		Event: event.Event{
			Type:       ty,
			Countries:  countries,
			Confidence: conf,
			Evidence:   []string{fmt.Sprintf("sentence %d about %s", i, ty)},
		},
	}
}

func dated(c extract.Candidate, d string) extract.Candidate { c.Event.Date = d; return c }

func separate(c extract.Candidate) extract.Candidate { c.Separate = true; return c }

func staged(c extract.Candidate, s event.Stage) extract.Candidate {
	c.Event.Agreement = &event.AgreementInfo{Kind: "defence cooperation agreement", Stage: s}
	return c
}

func attach(c extract.Candidate) extract.Candidate { c.Attach = true; return c }

// standing marks a stage-less agreement mention that may stand for a
// framework in force.
func standing(c extract.Candidate) extract.Candidate { c.Standing = true; return c }

// welcome marks a meeting told by a reception verb.
func welcome(c extract.Candidate) extract.Candidate { c.Welcome = true; return c }

func domains(c extract.Candidate, ds ...string) extract.Candidate { c.Event.Domains = ds; return c }

// summary is the part of an event the cases check.
type summary struct {
	Type      event.Type
	Countries string
	Date      string
	Stage     event.Stage
	Evidence  int
}

func summarize(evs []event.Event) []summary {
	out := make([]summary, len(evs))
	for i, e := range evs {
		s := summary{Type: e.Type, Countries: strings.Join(e.Countries, ","), Date: e.Date, Evidence: len(e.Evidence)}
		if e.Agreement != nil {
			s.Stage = e.Agreement.Stage
		}
		out[i] = s
	}
	return out
}

func TestEvents(t *testing.T) {
	cases := []struct {
		name  string
		cands []extract.Candidate
		want  []summary
	}{
		{
			name: "two reports of one meeting",
			cands: []extract.Candidate{
				dated(cand(0, event.Meeting, 0.6, "FRA", "KEN"), "2024-05-08"),
				dated(cand(3, event.Meeting, 0.5, "FRA", "KEN"), "2024-05"),
			},
			want: []summary{{event.Meeting, "FRA,KEN", "2024-05-08", "", 2}},
		},
		{
			name: "different dates are different meetings",
			cands: []extract.Candidate{
				dated(cand(0, event.Meeting, 0.6, "FRA", "KEN"), "2024-05-08"),
				dated(cand(4, event.Meeting, 0.6, "FRA", "KEN"), "2023-12"),
			},
			want: []summary{
				{event.Meeting, "FRA,KEN", "2024-05-08", "", 1},
				{event.Meeting, "FRA,KEN", "2023-12", "", 1},
			},
		},
		{
			name: "a drill's start and end are one drill",
			cands: []extract.Candidate{
				dated(cand(0, event.Exercise, 0.6, "IND", "UZB"), "2025-04-16"),
				dated(cand(3, event.Exercise, 0.5, "IND", "UZB"), "2025-04-27"),
			},
			want: []summary{{event.Exercise, "IND,UZB", "2025-04-16", "", 2}},
		},
		{
			name: "another course told as other news stays apart",
			cands: []extract.Candidate{
				dated(cand(0, event.Training, 0.6, "CHN", "TZA"), "2025-09-17"),
				separate(dated(cand(5, event.Training, 0.6, "CHN", "TZA"), "2025-09-13")),
			},
			want: []summary{
				{event.Training, "CHN,TZA", "2025-09-17", "", 1},
				{event.Training, "CHN,TZA", "2025-09-13", "", 1},
			},
		},
		{
			name: "an undated report joins the dated one",
			cands: []extract.Candidate{
				cand(0, event.Meeting, 0.5, "FRA", "KEN"),
				dated(cand(2, event.Meeting, 0.6, "FRA", "KEN"), "2024-05-08"),
			},
			want: []summary{{event.Meeting, "FRA,KEN", "2024-05-08", "", 2}},
		},
		{
			name: "a finer date refines a coarser one",
			cands: []extract.Candidate{
				dated(cand(0, event.Training, 0.5, "FRA", "SEN"), "2024"),
				dated(cand(1, event.Training, 0.5, "FRA", "SEN"), "2024-03-11"),
			},
			want: []summary{{event.Training, "FRA,SEN", "2024-03-11", "", 2}},
		},
		{
			name: "different states stay apart",
			cands: []extract.Candidate{
				cand(0, event.Meeting, 0.6, "FRA", "KEN"),
				cand(1, event.Meeting, 0.6, "FRA", "TZA"),
			},
			want: []summary{
				{event.Meeting, "FRA,KEN", "", "", 1},
				{event.Meeting, "FRA,TZA", "", "", 1},
			},
		},
		{
			name: "different types stay apart",
			cands: []extract.Candidate{
				cand(0, event.Meeting, 0.6, "FRA", "KEN"),
				cand(1, event.Training, 0.6, "FRA", "KEN"),
			},
			want: []summary{
				{event.Meeting, "FRA,KEN", "", "", 1},
				{event.Training, "FRA,KEN", "", "", 1},
			},
		},
		{
			name: "intent and talks are one agreement in the making",
			cands: []extract.Candidate{
				staged(cand(0, event.Agreement, 0.5, "FRA", "KEN"), event.Proposed),
				staged(cand(2, event.Agreement, 0.5, "FRA", "KEN"), event.Negotiating),
			},
			want: []summary{{event.Agreement, "FRA,KEN", "", event.Negotiating, 2}},
		},
		{
			name: "talks then intent keep the later stage",
			cands: []extract.Candidate{
				staged(cand(0, event.Agreement, 0.5, "FRA", "KEN"), event.Negotiating),
				staged(cand(2, event.Agreement, 0.5, "FRA", "KEN"), event.Proposed),
			},
			want: []summary{{event.Agreement, "FRA,KEN", "", event.Negotiating, 2}},
		},
		{
			name: "signing and ratification are two events",
			cands: []extract.Candidate{
				staged(cand(0, event.Agreement, 0.7, "FRA", "KEN"), event.Signed),
				staged(cand(5, event.Agreement, 0.7, "FRA", "KEN"), event.Ratified),
			},
			want: []summary{
				{event.Agreement, "FRA,KEN", "", event.Signed, 1},
				{event.Agreement, "FRA,KEN", "", event.Ratified, 1},
			},
		},
		{
			name: "talks and signing are two events",
			cands: []extract.Candidate{
				staged(cand(0, event.Agreement, 0.7, "FRA", "KEN"), event.Negotiating),
				staged(cand(1, event.Agreement, 0.7, "FRA", "KEN"), event.Signed),
			},
			want: []summary{
				{event.Agreement, "FRA,KEN", "", event.Negotiating, 1},
				{event.Agreement, "FRA,KEN", "", event.Signed, 1},
			},
		},
		{
			name: "an undated in-force mention after a signing is that agreement",
			cands: []extract.Candidate{
				dated(staged(cand(0, event.Agreement, 0.7, "FRA", "KEN"), event.Signed), "2023-12"),
				staged(cand(3, event.Agreement, 0.5, "FRA", "KEN"), event.InForce),
			},
			want: []summary{{event.Agreement, "FRA,KEN", "2023-12", event.Signed, 2}},
		},
		{
			name: "a stage-less agreement alone stands as one in force",
			cands: []extract.Candidate{
				standing(attach(staged(cand(2, event.Agreement, 0.6, "FRA", "KEN"), ""))),
			},
			want: []summary{{event.Agreement, "FRA,KEN", "", event.InForce, 1}},
		},
		{
			name: "a stage-less agreement not marked as standing makes nothing",
			cands: []extract.Candidate{
				attach(staged(cand(2, event.Agreement, 0.6, "FRA", "KEN"), "")),
			},
			want: []summary{},
		},
		{
			name: "a recalled stage-less agreement does not stand even when marked",
			cands: []extract.Candidate{
				func() extract.Candidate {
					c := standing(attach(staged(cand(2, event.Agreement, 0.6, "FRA", "KEN"), "")))
					c.History = true
					return c
				}(),
			},
			want: []summary{},
		},
		{
			name: "a reception after a deployment attends it",
			cands: []extract.Candidate{
				cand(3, event.Deployment, 0.7, "GTM", "HTI"),
				welcome(cand(4, event.Meeting, 0.7, "GTM", "HTI")),
			},
			want: []summary{{event.Deployment, "GTM,HTI", "", "", 2}},
		},
		{
			name: "a reception after a signing is a meeting of its own",
			cands: []extract.Candidate{
				staged(cand(3, event.Agreement, 0.7, "GTM", "HTI"), event.Signed),
				welcome(cand(4, event.Meeting, 0.7, "GTM", "HTI")),
			},
			want: []summary{{event.Agreement, "GTM,HTI", "", event.Signed, 1}, {event.Meeting, "GTM,HTI", "", "", 1}},
		},
		{
			name: "a reception two sentences after the arrival is a meeting of its own",
			cands: []extract.Candidate{
				cand(3, event.Deployment, 0.7, "GTM", "HTI"),
				welcome(cand(5, event.Meeting, 0.7, "GTM", "HTI")),
			},
			want: []summary{{event.Deployment, "GTM,HTI", "", "", 1}, {event.Meeting, "GTM,HTI", "", "", 1}},
		},
		{
			name: "an undated contingent on an exercise's states takes part in it",
			cands: []extract.Candidate{
				dated(cand(1, event.Exercise, 0.7, "IND", "UZB"), "2025-04-16"),
				cand(3, event.Deployment, 0.6, "IND", "UZB"),
			},
			want: []summary{{event.Exercise, "IND,UZB", "2025-04-16", "", 2}},
		},
		{
			name: "a dated deployment beside an exercise is its own",
			cands: []extract.Candidate{
				dated(cand(1, event.Exercise, 0.7, "IND", "UZB"), "2025-04-16"),
				dated(cand(3, event.Deployment, 0.6, "IND", "UZB"), "2025-05"),
			},
			want: []summary{{event.Exercise, "IND,UZB", "2025-04-16", "", 1}, {event.Deployment, "IND,UZB", "2025-05", "", 1}},
		},
		{
			name: "an undated deployment on other states than the exercise's is its own",
			cands: []extract.Candidate{
				dated(cand(1, event.Exercise, 0.7, "IND", "UZB"), "2025-04-16"),
				cand(3, event.Deployment, 0.6, "KAZ", "UZB"),
			},
			want: []summary{{event.Exercise, "IND,UZB", "2025-04-16", "", 1}, {event.Deployment, "KAZ,UZB", "", "", 1}},
		},
		{
			name: "talks dated two days apart are one visit",
			cands: []extract.Candidate{
				dated(cand(1, event.Meeting, 0.7, "LBY", "TUR"), "2025-04-03"),
				dated(cand(4, event.Meeting, 0.7, "LBY", "TUR"), "2025-04-05"),
			},
			want: []summary{{event.Meeting, "LBY,TUR", "2025-04-03", "", 2}},
		},
		{
			name: "talks a week apart are two meetings",
			cands: []extract.Candidate{
				dated(cand(1, event.Meeting, 0.7, "LBY", "TUR"), "2025-04-03"),
				dated(cand(4, event.Meeting, 0.7, "LBY", "TUR"), "2025-04-10"),
			},
			want: []summary{{event.Meeting, "LBY,TUR", "2025-04-03", "", 1}, {event.Meeting, "LBY,TUR", "2025-04-10", "", 1}},
		},
		{
			name: "deliveries dated two days apart stay apart",
			cands: []extract.Candidate{
				dated(cand(1, event.Arms, 0.7, "KEN", "TUR"), "2025-01-07"),
				dated(cand(4, event.Arms, 0.7, "KEN", "TUR"), "2025-01-09"),
			},
			want: []summary{{event.Arms, "KEN,TUR", "2025-01-07", "", 1}, {event.Arms, "KEN,TUR", "2025-01-09", "", 1}},
		},
		{
			name: "a stage-less agreement enriches the signed one",
			cands: []extract.Candidate{
				staged(cand(0, event.Agreement, 0.7, "FRA", "KEN"), event.Signed),
				attach(staged(cand(6, event.Agreement, 0.6, "FRA", "KEN"), "")),
			},
			want: []summary{{event.Agreement, "FRA,KEN", "", event.Signed, 2}},
		},
		{
			name: "an attached candidate without agreement and no event is dropped",
			cands: []extract.Candidate{
				attach(domains(cand(1, "", 0.4, "FRA", "KEN"), "maritime")),
			},
			want: []summary{},
		},
		{
			name: "an exercise folds into the same exercise with more states",
			cands: []extract.Candidate{
				cand(0, event.Exercise, 0.6, "CHN", "TZA"),
				cand(1, event.Exercise, 0.6, "CHN", "MOZ", "TZA"),
			},
			want: []summary{{event.Exercise, "CHN,MOZ,TZA", "", "", 2}},
		},
		{
			name: "the larger exercise first, the smaller after",
			cands: []extract.Candidate{
				cand(0, event.Exercise, 0.6, "CHN", "MOZ", "TZA"),
				cand(1, event.Exercise, 0.6, "CHN", "TZA"),
			},
			want: []summary{{event.Exercise, "CHN,MOZ,TZA", "", "", 2}},
		},
		{
			name: "a subset with a conflicting date does not fold",
			cands: []extract.Candidate{
				dated(cand(0, event.Exercise, 0.6, "CHN", "TZA"), "2019"),
				dated(cand(1, event.Exercise, 0.6, "CHN", "MOZ", "TZA"), "2024-07"),
			},
			want: []summary{
				{event.Exercise, "CHN,TZA", "2019", "", 1},
				{event.Exercise, "CHN,MOZ,TZA", "2024-07", "", 1},
			},
		},
		{
			name: "output follows the sentence index",
			cands: []extract.Candidate{
				cand(7, event.Meeting, 0.6, "FRA", "KEN"),
				cand(2, event.Arms, 0.6, "KEN", "TUR"),
				cand(4, event.Training, 0.6, "FRA", "KEN"),
			},
			want: []summary{
				{event.Arms, "KEN,TUR", "", "", 1},
				{event.Training, "FRA,KEN", "", "", 1},
				{event.Meeting, "FRA,KEN", "", "", 1},
			},
		},
		{
			name: "a folded event takes the earliest sentence",
			cands: []extract.Candidate{
				cand(3, event.Meeting, 0.6, "FRA", "KEN"),
				cand(5, event.Exercise, 0.6, "CHN", "MOZ", "TZA"),
				cand(1, event.Exercise, 0.6, "CHN", "TZA"),
			},
			want: []summary{
				{event.Exercise, "CHN,MOZ,TZA", "", "", 2},
				{event.Meeting, "FRA,KEN", "", "", 1},
			},
		},
		{
			name:  "no candidates, no events",
			cands: nil,
			want:  []summary{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			evs := extract.Fold(article, tc.cands)
			if got := summarize(evs); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("events:\n  got  %+v\n  want %+v", got, tc.want)
			}
			for _, e := range evs {
				if e.Article != article {
					t.Errorf("event %s: article %q, want %q", e.Key(), e.Article, article)
				}
				if err := e.Validate(); err != nil {
					t.Errorf("event %s does not validate: %v", e.Key(), err)
				}
			}
		})
	}
}

func TestEventsEvidenceAndConfidence(t *testing.T) {
	a := dated(cand(0, event.Meeting, 0.6, "FRA", "KEN"), "2024-05-08")
	b := dated(cand(3, event.Meeting, 0.5, "FRA", "KEN"), "2024-05")
	a.Event.Persons = []event.Person{{Name: "Grace Wanjiru", Country: "KEN"}}
	b.Event.Persons = []event.Person{{Name: "grace wanjiru", Role: "defence_minister"}, {Name: "Luc Morel", Country: "FRA"}}
	a.Event.Domains = []string{"training"}
	b.Event.Domains = []string{"maritime", "training"}
	b.Event.Initiator = "FRA"
	evs := extract.Fold(article, []extract.Candidate{a, b})
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1: %+v", len(evs), evs)
	}
	e := evs[0]
	wantEvidence := []string{a.Event.Evidence[0], b.Event.Evidence[0]}
	if !reflect.DeepEqual(e.Evidence, wantEvidence) {
		t.Errorf("evidence = %q, want %q", e.Evidence, wantEvidence)
	}
	if e.Confidence <= 0.6 || e.Confidence > 0.97 {
		t.Errorf("confidence = %v, want above the best candidate's 0.6 and at most 0.97", e.Confidence)
	}
	if e.Initiator != "FRA" {
		t.Errorf("initiator = %q, want FRA from the second report", e.Initiator)
	}
	if !reflect.DeepEqual(e.Domains, []string{"maritime", "training"}) {
		t.Errorf("domains = %v, want [maritime training] (union, sorted)", e.Domains)
	}
	if len(e.Persons) != 2 || e.Persons[0].Role != "defence_minister" || e.Persons[0].Country != "KEN" {
		t.Errorf("persons = %+v, want Grace Wanjiru (KEN, defence_minister) and Luc Morel", e.Persons)
	}
}

func TestEventsConfidence(t *testing.T) {
	cases := []struct {
		name  string
		cands []extract.Candidate
		want  float64
	}{
		{"one report keeps its confidence", []extract.Candidate{cand(0, event.Meeting, 0.64, "FRA", "KEN")}, 0.64},
		{"two reports raise it", []extract.Candidate{
			cand(0, event.Meeting, 0.6, "FRA", "KEN"), cand(1, event.Meeting, 0.5, "FRA", "KEN")}, 0.72},
		{"three reports raise it more", []extract.Candidate{
			cand(0, event.Meeting, 0.6, "FRA", "KEN"), cand(1, event.Meeting, 0.5, "FRA", "KEN"),
			cand(2, event.Meeting, 0.5, "FRA", "KEN")}, 0.8},
		{"capped", []extract.Candidate{
			cand(0, event.Meeting, 0.95, "FRA", "KEN"), cand(1, event.Meeting, 0.95, "FRA", "KEN")}, 0.97},
		{"an in-force agreement from a bare mention is less sure", []extract.Candidate{
			standing(attach(staged(cand(0, event.Agreement, 0.6, "FRA", "KEN"), "")))}, 0.45},
		{"enrichment does not raise confidence", []extract.Candidate{
			staged(cand(0, event.Agreement, 0.7, "FRA", "KEN"), event.Signed),
			attach(staged(cand(1, event.Agreement, 0.9, "FRA", "KEN"), ""))}, 0.7},
	}
	for _, tc := range cases {
		evs := extract.Fold(article, tc.cands)
		if len(evs) != 1 {
			t.Errorf("%s: got %d events, want 1", tc.name, len(evs))
			continue
		}
		if c := evs[0].Confidence; c < tc.want-1e-9 || c > tc.want+1e-9 {
			t.Errorf("%s: confidence = %v, want %v", tc.name, c, tc.want)
		}
	}
}

func TestEventsEnrichment(t *testing.T) {
	signed := staged(cand(0, event.Agreement, 0.7, "FRA", "KEN"), event.Signed)
	signed.Event.Domains = []string{"maritime"}
	mention := attach(staged(cand(4, event.Agreement, 0.6, "FRA", "KEN"), ""))
	mention.Event.Domains = []string{"training", "maritime"}
	mention.Event.Organizations = []string{"AU"}
	// A domain-only sentence right after a meeting.
	meeting := cand(6, event.Meeting, 0.6, "KEN", "TZA")
	domainOnly := attach(domains(cand(7, "", 0.3, "KEN", "TZA"), "border_security"))
	tooFar := attach(domains(cand(20, "", 0.3, "KEN", "TZA"), "cyber"))

	evs := extract.Fold(article, []extract.Candidate{signed, mention, meeting, domainOnly, tooFar})
	if got := summarize(evs); !reflect.DeepEqual(got, []summary{
		{event.Agreement, "FRA,KEN", "", event.Signed, 2},
		{event.Meeting, "KEN,TZA", "", "", 1},
	}) {
		t.Fatalf("events: %+v", got)
	}
	if !reflect.DeepEqual(evs[0].Domains, []string{"maritime", "training"}) {
		t.Errorf("agreement domains = %v, want [maritime training]", evs[0].Domains)
	}
	if !reflect.DeepEqual(evs[0].Organizations, []string{"AU"}) {
		t.Errorf("agreement organizations = %v, want [AU]", evs[0].Organizations)
	}
	if !reflect.DeepEqual(evs[1].Domains, []string{"border_security"}) {
		t.Errorf("meeting domains = %v, want [border_security] (a domain sentence 14 sentences later must not attach)", evs[1].Domains)
	}
	if len(evs[1].Evidence) != 1 {
		t.Errorf("meeting evidence = %q, want only its own sentence (domain-only sentences add no evidence)", evs[1].Evidence)
	}
}

// TestEventsShareContents checks that the stages of one agreement share
// the fields it covers, and an exercise and a course shed the domains their
// type already says.
func TestEventsShareContents(t *testing.T) {
	ratified := domains(dated(staged(cand(0, event.Agreement, 0.7, "KOR", "PER"), event.Ratified), "2026-03-04"), "maritime")
	signed := domains(dated(staged(cand(3, event.Agreement, 0.7, "KOR", "PER"), event.Signed), "2024-11"), "training")
	drill := domains(dated(cand(5, event.Exercise, 0.7, "KEN", "TZA"), "2026-05-04"), "maritime", "training", "equipment")
	end := domains(dated(cand(8, event.Rupture, 0.7, "FRA", "TCD"), "2026-05-04"), "regional_security", "training")
	evs := extract.Fold(article, []extract.Candidate{ratified, signed, drill, end})
	if len(evs) != 4 {
		t.Fatalf("events: %+v", summarize(evs))
	}
	for i, want := range [][]string{{"maritime", "training"}, {"maritime", "training"}, {"maritime"}, {"training"}} {
		if !reflect.DeepEqual(evs[i].Domains, want) {
			t.Errorf("%s %s domains = %v, want %v", evs[i].Key(), evs[i].Date, evs[i].Domains, want)
		}
	}
}

// TestEventsLeavesInputAlone checks that merging does not change the
// candidates it was given.
func TestEventsLeavesInputAlone(t *testing.T) {
	cands := []extract.Candidate{
		staged(cand(0, event.Agreement, 0.5, "FRA", "KEN"), event.Proposed),
		staged(cand(2, event.Agreement, 0.5, "FRA", "KEN"), event.Negotiating),
		attach(staged(cand(4, event.Agreement, 0.6, "CIV", "FRA"), "")),
	}
	extract.Fold(article, cands)
	for i, want := range []event.Stage{event.Proposed, event.Negotiating, ""} {
		if got := cands[i].Event.Agreement.Stage; got != want {
			t.Errorf("candidate %d stage changed from %q to %q by Fold", i, want, got)
		}
	}
}

// TestEventsFoldChain folds two smaller exercises into the largest one when
// the middle one comes first on the page.
func TestEventsFoldChain(t *testing.T) {
	cands := []extract.Candidate{
		cand(0, event.Exercise, 0.6, "CHN", "MOZ", "TZA"),
		cand(1, event.Exercise, 0.6, "CHN", "MOZ", "TZA", "ZAF"),
		cand(2, event.Exercise, 0.6, "CHN", "TZA"),
	}
	evs := extract.Fold(article, cands)
	if got := summarize(evs); len(got) != 1 || got[0].Countries != "CHN,MOZ,TZA,ZAF" {
		t.Fatalf("events: %+v, want one exercise on CHN,MOZ,TZA,ZAF", got)
	}
	if n := len(evs[0].Evidence); n != 3 {
		t.Errorf("evidence %q: %d sentences, want 3 (a fold chain must end in the largest event)", evs[0].Evidence, n)
	}
}
