package store

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"pactwatch/internal/event"
)

// TestReviewsAndWatches runs the review and watch cases against SQLite and
// PostgreSQL (when PACTWATCH_TEST_PG names a server), each on a fresh
// database.
func TestReviewsAndWatches(t *testing.T) {
	cases := []storeCase{
		{"a correction survives re-extraction", testCorrectionSurvives},
		{"corrections are checked", testCorrectionChecks},
		{"reject hides, reopen shows", testRejectReopen},
		{"merge and unmerge", testMergeEvents},
		{"split follows rebuilds", testSplitEvent},
		{"watches match new events", testWatches},
		{"watch webhooks and checks", testWatchNotify},
		{"summaries and marks", testSummaries},
	}
	for _, backend := range []string{SQLite, Postgres} {
		t.Run(backend, func(t *testing.T) {
			if backend == Postgres && os.Getenv(pgEnv) == "" {
				t.Skip("PostgreSQL not available: set PACTWATCH_TEST_PG (scripts/pg-test.sh does)")
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					c.run(t, newFixture(t, backend))
				})
			}
		})
	}
}

func raw(s string) json.RawMessage { return json.RawMessage(s) }

// onlyEvent returns the one event f selects.
func onlyEvent(t *testing.T, s *Store, f Filter) event.Record {
	t.Helper()
	recs := events(t, s, f)
	if len(recs) != 1 {
		t.Fatalf("filter %+v: %d events, want 1: %+v", f, len(recs), recs)
	}
	return recs[0]
}

func testCorrectionSurvives(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	key := putArticle(t, s, "visit", "The defence ministers of France and Kenya met in Mombasa.")
	m := mention("visit", event.Meeting, "2025-03-14", "FRA", "KEN")
	m.Location = &event.Location{Name: "Mombasa", Country: "KEN"}
	save(t, s, key, Extraction{Mentions: []event.Mention{m}})
	id := onlyEvent(t, s, Filter{}).ID

	rec, err := s.Correct(ctx, id, map[string]json.RawMessage{
		"type":      raw(`"training"`),
		"countries": raw(`["ken", "FRA", "UGA"]`),
		"persons":   raw(`[{"name": "Wanjiru Kamau", "role": "defence_minister", "country": "ken"}]`),
	}, "ana", "the article speaks of a course")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Type != event.Training || !slices.Equal(rec.Countries, []string{"FRA", "KEN", "UGA"}) ||
		len(rec.Persons) != 1 || rec.Persons[0].Country != "KEN" || rec.Date != "2025-03-14" {
		t.Fatalf("corrected record = %+v", rec)
	}
	// Queries read the corrected values: type, and states through the state and pair tables.
	if got := onlyEvent(t, s, Filter{Types: []event.Type{event.Training}, Countries: []string{"UGA"}}); got.ID != id {
		t.Errorf("filter on corrected values found event %d, want %d", got.ID, id)
	}
	if recs := events(t, s, Filter{Types: []event.Type{event.Meeting}}); len(recs) != 0 {
		t.Errorf("the machine's type still selects %d events", len(recs))
	}
	rv, ok, err := s.Review(ctx, id)
	if err != nil || !ok {
		t.Fatalf("review: %v, %v", ok, err)
	}
	if rv.Machine.Type != event.Meeting || len(rv.Fields) != 3 || rv.Fields["type"].By != "ana" || rv.Fields["type"].At.IsZero() {
		t.Errorf("review = %+v", rv)
	}

	// Re-extraction with a new date: the machine's date follows, the
	// corrections stay, and the id is kept.
	m.Date, m.Published = "2025-03-13", "2025-03-13"
	save(t, s, key, Extraction{Version: "v2", Mentions: []event.Mention{m}})
	got, err := s.Event(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != "2025-03-13" || got.Type != event.Training || len(got.Countries) != 3 || len(got.Persons) != 1 {
		t.Errorf("after re-extraction: %+v", got)
	}
	rv, _, _ = s.Review(ctx, id)
	if rv.Machine.Date != "2025-03-13" || rv.Machine.Type != event.Meeting {
		t.Errorf("machine record after re-extraction = %+v", rv.Machine)
	}

	// null takes a correction back.
	if rec, err = s.Correct(ctx, id, map[string]json.RawMessage{"type": raw("null"), "stage": raw(`"signed"`)}, "ben", ""); err != nil {
		t.Fatal(err)
	}
	if rec.Type != event.Meeting || rec.Agreement == nil || rec.Agreement.Stage != event.Signed {
		t.Errorf("after taking the type back: %+v", rec)
	}
	hist, err := s.ReviewHistory(ctx, id)
	if err != nil || len(hist) != 2 || hist[0].Reviewer != "ana" || hist[1].Reviewer != "ben" || hist[0].Action != "correct" {
		t.Errorf("history = %+v, %v", hist, err)
	}
	if !strings.Contains(string(hist[0].Detail), "a course") {
		t.Errorf("history detail %s lacks the note", hist[0].Detail)
	}
}

func testCorrectionChecks(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	key := putArticle(t, s, "talks", "Talks between Peru and Chile.")
	save(t, s, key, Extraction{Mentions: []event.Mention{mention("talks", event.Meeting, "2025-05", "PER", "CHL")}})
	id := onlyEvent(t, s, Filter{}).ID
	for _, c := range []struct {
		field, value, want string
	}{
		{"type", `"party"`, "not an event type"},
		{"countries", `["PER"]`, "2 to 20"},
		{"countries", `["PER", "Chile"]`, "ISO alpha-3"},
		{"date", `"14 May 2025"`, "YYYY"},
		{"date", `"2025-13"`, "YYYY"},
		{"stage", `"dreamt"`, "not a stage"},
		{"location", `{"name": "Lima", "country": "Peru"}`, "ISO alpha-3"},
		{"persons", `[{"name": ""}]`, "no name"},
		{"persons", `[{"name": "R. Quispe", "role": "wizard"}]`, "not a role"},
		{"confidence", `1`, "want one of"},
		{"type", `{"x": 1}`, "field type"},
	} {
		_, err := s.Correct(ctx, id, map[string]json.RawMessage{c.field: raw(c.value)}, "ana", "")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("correct %s = %s: %v, want an error with %q", c.field, c.value, err, c.want)
		}
	}
	if _, err := s.Correct(ctx, 999999, map[string]json.RawMessage{"date": raw(`"2025"`)}, "ana", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("correct a missing event: %v, want ErrNotFound", err)
	}
	if _, ok, _ := s.Review(ctx, id); ok {
		t.Error("refused corrections left a review")
	}
}

func testRejectReopen(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	key := putArticle(t, s, "drill", "A drill of Ghana and Togo.")
	save(t, s, key, Extraction{Mentions: []event.Mention{mention("drill", event.Exercise, "2025-06-01", "GHA", "TGO")}})
	id := onlyEvent(t, s, Filter{}).ID
	if err := s.SetStatus(ctx, id, StatusRejected, "ana", "a football match"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountEvents(ctx, Filter{}); n != 0 {
		t.Errorf("%d events visible after the rejection, want 0", n)
	}
	if got := onlyEvent(t, s, Filter{Review: StatusRejected}); got.ID != id {
		t.Errorf("rejected filter gave %d", got.ID)
	}
	if n, _ := s.CountEvents(ctx, Filter{Review: ReviewAll}); n != 1 {
		t.Errorf("%d events with review=all, want 1", n)
	}
	// A rebuild does not bring it back.
	save(t, s, key, Extraction{Version: "v2", Mentions: []event.Mention{mention("drill", event.Exercise, "2025-06-02", "GHA", "TGO")}})
	if n, _ := s.CountEvents(ctx, Filter{}); n != 0 {
		t.Errorf("%d events visible after a rebuild, want 0", n)
	}
	if err := s.SetStatus(ctx, id, "", "ben", ""); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountEvents(ctx, Filter{}); n != 1 {
		t.Errorf("%d events visible after reopening, want 1", n)
	}
	if err := s.SetStatus(ctx, id, StatusConfirmed, "ben", ""); err != nil {
		t.Fatal(err)
	}
	if got := onlyEvent(t, s, Filter{Review: StatusConfirmed}); got.ID != id {
		t.Errorf("confirmed filter gave %d", got.ID)
	}
	if n, _ := s.CountEvents(ctx, Filter{Review: ReviewUnreviewed}); n != 0 {
		t.Errorf("%d unreviewed events, want 0", n)
	}
	if err := s.SetStatus(ctx, id, StatusMerged, "ben", ""); err == nil {
		t.Error("setting status merged directly was accepted")
	}
	if _, err := s.CountEvents(ctx, Filter{Review: "maybe"}); err == nil {
		t.Error("review filter \"maybe\" was accepted")
	}
}

func testMergeEvents(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	ka := putArticle(t, s, "en-deal", "Niger and Chad signed a pact.")
	kb := putArticle(t, s, "fr-accord", "Le Niger et le Tchad ont conclu un accord.")
	a := mention("en-deal", event.Agreement, "2025-02-10", "NER", "TCD")
	a.Agreement = &event.AgreementInfo{Kind: "defence cooperation agreement", Stage: event.Signed}
	b := mention("fr-accord", event.Meeting, "2025-02-10", "NER", "TCD") // misread as a meeting
	save(t, s, ka, Extraction{Mentions: []event.Mention{a}})
	save(t, s, kb, Extraction{Mentions: []event.Mention{b}})
	into := onlyEvent(t, s, Filter{Types: []event.Type{event.Agreement}}).ID
	from := onlyEvent(t, s, Filter{Types: []event.Type{event.Meeting}}).ID

	if err := s.MergeEvents(ctx, into, from, "ana", "same signing"); err != nil {
		t.Fatal(err)
	}
	got := onlyEvent(t, s, Filter{})
	if got.ID != into || !slices.Equal(sourceIDs(got), []string{"en-deal", "fr-accord"}) || got.Type != event.Agreement {
		t.Fatalf("after merge: %+v", got)
	}
	ev, err := s.EventEvidence(ctx, into)
	if err != nil || len(ev) != 2 || len(ev[0].Spans) != 1 {
		t.Errorf("evidence of the merged event = %+v, %v", ev, err)
	}
	if err := s.MergeEvents(ctx, from, into, "ana", ""); err == nil {
		t.Error("merging into a merged event was accepted")
	}
	// A rebuild of the merged event's article keeps the merge.
	b.Confidence = 0.7
	save(t, s, kb, Extraction{Version: "v2", Mentions: []event.Mention{b}})
	if got := onlyEvent(t, s, Filter{}); got.ID != into || len(got.Sources) != 2 {
		t.Errorf("after a rebuild: %+v", got)
	}
	// Reopening the merged event takes it out again.
	if err := s.SetStatus(ctx, from, "", "ben", "not the same after all"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountEvents(ctx, Filter{}); n != 2 {
		t.Errorf("%d events after unmerging, want 2", n)
	}
	if got, _ := s.Event(ctx, into); len(got.Sources) != 1 {
		t.Errorf("after unmerging, event %d has sources %v", into, sourceIDs(got))
	}
}

func testSplitEvent(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	ka := putArticle(t, s, "r1", "India and Japan held a naval drill.")
	kb := putArticle(t, s, "r2", "India and Japan held a second drill.")
	save(t, s, ka, Extraction{Mentions: []event.Mention{mention("r1", event.Exercise, "2025-04-01", "IND", "JPN")}})
	save(t, s, kb, Extraction{Mentions: []event.Mention{mention("r2", event.Exercise, "2025-04-01", "IND", "JPN")}})
	id := onlyEvent(t, s, Filter{}).ID
	if _, err := s.SplitEvent(ctx, id, []string{"r1", "r2"}, "ana", ""); err == nil {
		t.Error("splitting off every source was accepted")
	}
	if _, err := s.SplitEvent(ctx, id, []string{"r9"}, "ana", ""); err == nil {
		t.Error("splitting off a missing source was accepted")
	}
	child, err := s.SplitEvent(ctx, id, []string{"r2"}, "ana", "two drills")
	if err != nil {
		t.Fatal(err)
	}
	recs := events(t, s, Filter{})
	if len(recs) != 2 {
		t.Fatalf("%d events after the split, want 2", len(recs))
	}
	for _, r := range recs {
		want := map[int64][]string{id: {"r1"}, child: {"r2"}}[r.ID]
		if !slices.Equal(sourceIDs(r), want) {
			t.Errorf("event %d sources %v, want %v", r.ID, sourceIDs(r), want)
		}
	}
	ev, err := s.EventEvidence(ctx, child)
	if err != nil || len(ev) != 1 || ev[0].Article != "r2" {
		t.Errorf("evidence of the split event = %+v, %v", ev, err)
	}
	// Re-extraction of both articles keeps the split and lets the new
	// event follow the machine's values.
	save(t, s, ka, Extraction{Version: "v2", Mentions: []event.Mention{mention("r1", event.Exercise, "2025-04-02", "IND", "JPN")}})
	save(t, s, kb, Extraction{Version: "v2", Mentions: []event.Mention{mention("r2", event.Exercise, "2025-04-02", "IND", "JPN")}})
	recs = events(t, s, Filter{})
	if len(recs) != 2 {
		t.Fatalf("%d events after re-extraction, want 2", len(recs))
	}
	for _, r := range recs {
		if len(r.Sources) != 1 || r.Date != "2025-04-02" {
			t.Errorf("after re-extraction: event %d sources %v date %s", r.ID, sourceIDs(r), r.Date)
		}
	}
	if _, err := s.Correct(ctx, child, map[string]json.RawMessage{"date": raw(`"2025-04-20"`)}, "ana", ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Event(ctx, child); got.Date != "2025-04-20" {
		t.Errorf("corrected split event date %q", got.Date)
	}
}
