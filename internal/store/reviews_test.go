package store

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

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
		{"a review outlives its event", testReviewOrphaned},
		{"a merged event whose event vanishes", testMergedVanishes},
		{"a stage correction joins the stage history", testStageHistory},
		{"full-text hits follow splits and merges", testSearchFollowsReview},
		{"migration 3 carries splits over", testSplitsMigration},
		{"watches match new events", testWatches},
		{"watch webhooks and checks", testWatchNotify},
		{"summaries and marks", testSummaries},
	}
	runOnBoth(t, cases)
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

// history returns the actions of an event's review history.
func actions(t *testing.T, s *Store, id int64) []string {
	t.Helper()
	hist, err := s.ReviewHistory(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range hist {
		out = append(out, a.Action)
	}
	return out
}

func testReviewOrphaned(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	// Two talks between Brazil and Argentina months apart are two events.
	ka := putArticle(t, s, "talks-jan", "Brazil and Argentina held talks in January.")
	kb := putArticle(t, s, "talks-jun", "Brazil and Argentina held talks in June.")
	save(t, s, ka, Extraction{Mentions: []event.Mention{mention("talks-jan", event.Meeting, "2025-01-10", "BRA", "ARG")}})
	save(t, s, kb, Extraction{Mentions: []event.Mention{mention("talks-jun", event.Meeting, "2025-06-10", "BRA", "ARG")}})
	kc := putArticle(t, s, "course", "Brazilian officers taught Argentine cadets.")
	save(t, s, kc, Extraction{Mentions: []event.Mention{mention("course", event.Training, "2025-06-11", "BRA", "ARG")}})
	jan := onlyEvent(t, s, Filter{Since: "2025-01", Until: "2025-01"}).ID
	jun := onlyEvent(t, s, Filter{Types: []event.Type{event.Meeting}, Since: "2025-06"}).ID
	course := onlyEvent(t, s, Filter{Types: []event.Type{event.Training}}).ID

	// An analyst corrects the June talks and merges the course into them.
	if _, err := s.Correct(ctx, jun, map[string]json.RawMessage{"date": raw(`"2025-06-09"`)}, "ana", "the ninth"); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeEvents(ctx, jun, course, "ana", "one visit"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountEvents(ctx, Filter{}); n != 2 {
		t.Fatalf("%d events visible after the merge, want 2", n)
	}

	// Re-extraction dates the June article to January: its mention joins
	// the January event, and the June event is deleted.
	save(t, s, kb, Extraction{Version: "v2", Mentions: []event.Mention{mention("talks-jun", event.Meeting, "2025-01-10", "BRA", "ARG")}})
	if _, err := s.Event(ctx, jun); !errors.Is(err, ErrNotFound) {
		t.Fatalf("event %d after the rebuild: %v, want ErrNotFound", jun, err)
	}
	rv, ok, err := s.Review(ctx, jun)
	if err != nil || !ok {
		t.Fatalf("review of the deleted event: %v, %v; want it kept", ok, err)
	}
	if rv.Orphan == nil || !slices.Equal(rv.Orphan.Successors, []int64{jan}) || rv.Orphan.At.IsZero() ||
		!strings.Contains(rv.Orphan.Reason, "event "+strconv.FormatInt(jan, 10)) {
		t.Fatalf("orphan = %+v, want successor %d named in the reason", rv.Orphan, jan)
	}
	if rv.Fields["date"].By != "ana" {
		t.Errorf("the orphaned review lost its correction: %+v", rv.Fields)
	}
	orphans, err := s.OrphanedReviews(ctx)
	if err != nil || len(orphans) != 1 || orphans[0].EventID != jun {
		t.Fatalf("orphaned reviews = %+v, %v; want event %d", orphans, err, jun)
	}
	if got := actions(t, s, jun); !slices.Equal(got, []string{"correct", "merge", "orphan"}) {
		t.Errorf("history of the deleted event = %v", got)
	}
	// The event merged into it is shown again, on its own, and says why.
	crv, _, err := s.Review(ctx, course)
	if err != nil || crv.Status != "" || crv.MergedInto != 0 {
		t.Errorf("review of the event merged into the deleted one = %+v, %v; want reopened", crv, err)
	}
	if got := onlyEvent(t, s, Filter{Types: []event.Type{event.Training}}); got.ID != course || len(got.Sources) != 1 {
		t.Errorf("the course after its target vanished: %+v", got)
	}
	if got := actions(t, s, course); !slices.Equal(got, []string{"merge", "unmerge"}) {
		t.Errorf("history of the unmerged event = %v", got)
	}
	if got := onlyEvent(t, s, Filter{Types: []event.Type{event.Meeting}}); got.ID != jan || len(got.Sources) != 2 {
		t.Errorf("the successor = %+v, want event %d with both articles", got, jan)
	}

	// An event whose articles no longer report it has no successor.
	if err := s.SetStatus(ctx, course, StatusConfirmed, "ben", ""); err != nil {
		t.Fatal(err)
	}
	save(t, s, kc, Extraction{Version: "v2"})
	rv, ok, err = s.Review(ctx, course)
	if err != nil || !ok || rv.Orphan == nil || len(rv.Orphan.Successors) != 0 || rv.Status != StatusConfirmed {
		t.Fatalf("review of an event left with no mention = %+v, %v, %v", rv, ok, err)
	}
	if orphans, _ := s.OrphanedReviews(ctx); len(orphans) != 2 {
		t.Errorf("%d orphaned reviews, want 2", len(orphans))
	}
	// A gone event takes no more review.
	if _, err := s.Correct(ctx, jun, map[string]json.RawMessage{"date": raw(`"2025"`)}, "ana", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("correcting a gone event: %v, want ErrNotFound", err)
	}
	if err := s.SetStatus(ctx, course, StatusRejected, "ana", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("rejecting a gone event: %v, want ErrNotFound", err)
	}
}

func testMergedVanishes(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	ka := putArticle(t, s, "pact", "Senegal and Mali signed a border pact.")
	kb := putArticle(t, s, "meet", "Senegal and Mali met about the border.")
	a := mention("pact", event.Agreement, "2025-02-03", "SEN", "MLI")
	a.Agreement = &event.AgreementInfo{Stage: event.Signed}
	save(t, s, ka, Extraction{Mentions: []event.Mention{a}})
	save(t, s, kb, Extraction{Mentions: []event.Mention{mention("meet", event.Meeting, "2025-02-03", "SEN", "MLI")}})
	into := onlyEvent(t, s, Filter{Types: []event.Type{event.Agreement}}).ID
	from := onlyEvent(t, s, Filter{Types: []event.Type{event.Meeting}}).ID
	if err := s.MergeEvents(ctx, into, from, "ana", ""); err != nil {
		t.Fatal(err)
	}
	// The merged event's article is re-read as a training: the merged
	// event is gone, and its target no longer holds its article.
	save(t, s, kb, Extraction{Version: "v2", Mentions: []event.Mention{mention("meet", event.Training, "2025-02-03", "SEN", "MLI")}})
	rv, ok, err := s.Review(ctx, from)
	if err != nil || !ok || rv.Orphan == nil || rv.Status != StatusMerged {
		t.Fatalf("review of the vanished merged event = %+v, %v, %v", rv, ok, err)
	}
	got, err := s.Event(ctx, into)
	if err != nil || !slices.Equal(sourceIDs(got), []string{"pact"}) {
		t.Errorf("the target after its merged event vanished: sources %v, %v", sourceIDs(got), err)
	}
	if n, _ := s.CountEvents(ctx, Filter{}); n != 2 {
		t.Errorf("%d events visible, want the agreement and the new training", n)
	}
}

func testStageHistory(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	key := putArticle(t, s, "treaty", "Ghana and Nigeria signed a defence treaty.")
	m := mention("treaty", event.Agreement, "2025-03-01", "GHA", "NGA")
	m.Agreement = &event.AgreementInfo{Kind: "defence treaty", Stage: event.Signed}
	save(t, s, key, Extraction{Mentions: []event.Mention{m}})
	id := onlyEvent(t, s, Filter{}).ID
	before, err := s.Event(ctx, id)
	if err != nil || len(before.Stages) != 1 || before.Stages[0].Stage != event.Signed {
		t.Fatalf("machine stage history = %+v, %v", before.Stages, err)
	}

	rec, err := s.Correct(ctx, id, map[string]json.RawMessage{"stage": raw(`"ratified"`), "date": raw(`"2025-04"`)}, "ana", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []event.StageStep{
		{Stage: event.Signed, Date: before.Stages[0].Date, Sources: []string{"treaty"}},
		{Stage: event.Ratified, Date: "2025-04", Sources: []string{}},
	}
	if rec.Agreement.Stage != event.Ratified || !stepsEqual(rec.Stages, want) {
		t.Fatalf("stage history after the correction = %+v, want %+v", rec.Stages, want)
	}
	rv, _, err := s.Review(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	hist := StageHistory(&rec, &rv)
	if len(hist) != 2 || !hist[0].Machine || hist[0].Analyst || !hist[1].Analyst || hist[1].Machine ||
		hist[1].By != "ana" || hist[1].At.IsZero() {
		t.Errorf("annotated stage history = %+v", hist)
	}
	// A rebuild keeps the analyst's step; the machine's steps follow it.
	m.Confidence = 0.8
	save(t, s, key, Extraction{Version: "v2", Mentions: []event.Mention{m}})
	if got, _ := s.Event(ctx, id); !stepsEqual(got.Stages, want) {
		t.Errorf("stage history after a rebuild = %+v", got.Stages)
	}
	// Setting a stage the machine read marks its step instead of adding one.
	rec, err = s.Correct(ctx, id, map[string]json.RawMessage{"stage": raw(`"signed"`)}, "ben", "")
	if err != nil {
		t.Fatal(err)
	}
	rv, _, _ = s.Review(ctx, id)
	hist = StageHistory(&rec, &rv)
	if len(hist) != 1 || !hist[0].Machine || !hist[0].Analyst || hist[0].By != "ben" {
		t.Errorf("stage history after setting the machine's stage = %+v", hist)
	}
	// Taking the correction back leaves the machine's history alone.
	if rec, err = s.Correct(ctx, id, map[string]json.RawMessage{"stage": raw("null")}, "ben", ""); err != nil {
		t.Fatal(err)
	}
	if !stepsEqual(rec.Stages, before.Stages) {
		t.Errorf("stage history after taking the stage back = %+v, want %+v", rec.Stages, before.Stages)
	}
}

func stepsEqual(a, b []event.StageStep) bool {
	return slices.EqualFunc(a, b, func(x, y event.StageStep) bool {
		return x.Stage == y.Stage && x.Date == y.Date && slices.Equal(x.Sources, y.Sources)
	})
}

func testSearchFollowsReview(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	ka := putArticle(t, s, "d1", "x")
	kb := putArticle(t, s, "d2", "y")
	kc := putArticle(t, s, "d3", "z")
	texts := map[string]string{
		"d1": "Indian and Japanese frigates sailed together off the Andaman islands.",
		"d2": "Japanese and Indian marines landed on a beach near Okinawa.",
		"d3": "Delegates from India and Japan discussed the Okinawa landing.",
	}
	save(t, s, ka, Extraction{Text: texts["d1"], Mentions: []event.Mention{mention("d1", event.Exercise, "2025-04-01", "IND", "JPN")}})
	save(t, s, kb, Extraction{Text: texts["d2"], Mentions: []event.Mention{mention("d2", event.Exercise, "2025-04-01", "IND", "JPN")}})
	save(t, s, kc, Extraction{Text: texts["d3"], Mentions: []event.Mention{mention("d3", event.Meeting, "2025-04-02", "IND", "JPN")}})
	drill := onlyEvent(t, s, Filter{Types: []event.Type{event.Exercise}}).ID
	talks := onlyEvent(t, s, Filter{Types: []event.Type{event.Meeting}}).ID
	landing, err := s.SplitEvent(ctx, drill, []string{"d2"}, "ana", "a landing, not the sailing")
	if err != nil {
		t.Fatal(err)
	}
	check := func(when, q string, want ...int64) {
		t.Helper()
		var got []int64
		for _, r := range events(t, s, Filter{Q: q, Review: ReviewAll}) {
			got = append(got, r.ID)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: Events(Q %q) = %v, want %v", when, q, got, want)
		}
		ids, err := s.MatchingEvents(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, want) {
			t.Errorf("%s: MatchingEvents(%q) = %v, want %v", when, q, ids, want)
		}
	}
	check("after the split", "okinawa", landing, talks)
	check("after the split", "andaman", drill)
	check("after the split", "marines", landing)
	// A rebuild of both articles keeps the split in search.
	save(t, s, ka, Extraction{Version: "v2", Text: texts["d1"], Mentions: []event.Mention{mention("d1", event.Exercise, "2025-04-02", "IND", "JPN")}})
	save(t, s, kb, Extraction{Version: "v2", Text: texts["d2"], Mentions: []event.Mention{mention("d2", event.Exercise, "2025-04-02", "IND", "JPN")}})
	check("after a rebuild", "marines", landing)
	check("after a rebuild", "frigates", drill)
	// An event merged into another counts for both.
	if err := s.MergeEvents(ctx, landing, talks, "ana", "the talks were about the landing"); err != nil {
		t.Fatal(err)
	}
	check("after a merge", "delegates", talks, landing)
	if got := onlyEvent(t, s, Filter{Q: "delegates"}); got.ID != landing {
		t.Errorf("default search after a merge found %d, want the merged-into event %d", got.ID, landing)
	}
}

func testSplitsMigration(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	ka := putArticle(t, s, "m1", "x")
	kb := putArticle(t, s, "m2", "y")
	save(t, s, ka, Extraction{Text: "Chilean and Peruvian coast guards searched the bay.", Mentions: []event.Mention{mention("m1", event.Exercise, "2025-07-01", "CHL", "PER")}})
	save(t, s, kb, Extraction{Text: "Peruvian and Chilean divers trained in the harbour.", Mentions: []event.Mention{mention("m2", event.Exercise, "2025-07-01", "CHL", "PER")}})
	id := onlyEvent(t, s, Filter{}).ID
	child, err := s.SplitEvent(ctx, id, []string{"m2"}, "ana", "")
	if err != nil {
		t.Fatal(err)
	}
	// Back to the schema before migration 3 (a store whose splits were
	// made then), and up again: the split articles are found from the
	// reviews.
	dir, dialect := "migrations/sqlite", goose.DialectSQLite3
	if s.Dialect() == Postgres {
		dir, dialect = "migrations/postgres", goose.DialectPostgres
	}
	fsys, err := fs.Sub(migrations, dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(dialect, s.DB(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Migrate(ctx); err != nil || n != 1 {
		t.Fatalf("migrating up again applied %d, %v; want 1", n, err)
	}
	ids, err := s.MatchingEvents(ctx, "divers")
	if err != nil || !slices.Equal(ids, []int64{child}) {
		t.Errorf("MatchingEvents(divers) after the migration = %v, %v; want [%d]", ids, err, child)
	}
	if rv, ok, err := s.Review(ctx, child); err != nil || !ok || rv.Orphan != nil {
		t.Errorf("review of the split event after the migration = %+v, %v, %v", rv, ok, err)
	}
}
