package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"pactwatch/internal/event"
	"pactwatch/internal/store"
)

// TestOrphanedReview corrects an event through the API, then re-extracts
// its article with no event in it: the event page answers 410 Gone with
// the reason, and the review, with the correction and who made it, is
// listed under /api/reviews/orphaned, both as openapi.json documents.
func TestOrphanedReview(t *testing.T) {
	sp := loadSpec(t)
	e := newEnv(t)
	page := allEvents(t, e, "sort=id&order=asc")
	var target eventItem
	for _, ev := range page.Events {
		if len(ev.Sources) == 1 {
			target = ev
			break
		}
	}
	if target.ID == 0 {
		t.Fatal("no event with one source in the corpus store")
	}
	path := fmt.Sprintf("/api/events/%d", target.ID)
	var d eventDetail
	e.postJSON(t, "POST", path+"/corrections", map[string]any{"fields": map[string]any{"date": "2019-05"}, "reviewer": "Ada"}, 200, &d)
	if len(d.Sources) != 1 || d.Sources[0].Key == 0 {
		t.Fatalf("sources of event %d: %+v", target.ID, d.Sources)
	}

	// The article is read again and reports nothing now.
	ctx := context.Background()
	if _, err := e.st.SaveExtraction(ctx, d.Sources[0].Key, store.Extraction{Version: "test-empty", Text: "Nothing happened."}); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	status, body, h := e.call(t, http.MethodGet, path, nil)
	if status != http.StatusGone || !strings.Contains(string(body), "is gone") || !strings.Contains(string(body), "/api/reviews/orphaned") {
		t.Fatalf("GET %s after the rebuild: %d %s, want 410 with the reason", path, status, body)
	}
	sp.conforms(t, "/api/events/{id}", "GET", status, body, h)
	status, body, h = e.call(t, http.MethodPost, path+"/corrections", map[string]any{"fields": map[string]any{"date": "2019"}})
	if status != http.StatusGone {
		t.Errorf("correcting the gone event: %d %s, want 410", status, body)
	}
	sp.conforms(t, "/api/events/{id}/corrections", "POST", status, body, h)

	var orphans orphanedReviews
	e.getJSON(t, "/api/reviews/orphaned", &orphans)
	var found *orphanedReview
	for i := range orphans.Reviews {
		if orphans.Reviews[i].EventID == target.ID {
			found = &orphans.Reviews[i]
		}
	}
	if found == nil {
		t.Fatalf("event %d is not among the orphaned reviews %+v", target.ID, orphans.Reviews)
	}
	if f := found.Fields["date"]; f.By != "Ada" || string(f.Value) != `"2019-05"` || string(f.Machine) != fmt.Sprintf("%q", target.Date) {
		t.Errorf("orphaned review's date = %+v, want Ada's 2019-05 beside the machine's %s", f, target.Date)
	}
	if found.Orphan.Reason == "" || found.Orphan.At.IsZero() || len(found.History) != 2 || found.History[1].Action != "orphan" {
		t.Errorf("orphaned review = %+v", found)
	}
	status, body, h = e.call(t, http.MethodGet, "/api/reviews/orphaned", nil)
	sp.conforms(t, "/api/reviews/orphaned", "GET", status, body, h)
}

// TestStageHistoryAPI corrects an agreement's stage through the API and
// finds the analyst's step, with who set it, in the event's stage history
// beside the machine's steps.
func TestStageHistoryAPI(t *testing.T) {
	e := newEnv(t)
	page := allEvents(t, e, "type=agreement&sort=id&order=asc")
	var target eventItem
	for _, ev := range page.Events {
		if ev.Agreement != nil && ev.Agreement.Stage != event.InForce && len(ev.Stages) > 0 {
			target = ev
			break
		}
	}
	if target.ID == 0 {
		t.Fatal("no agreement with a stage history in the corpus store")
	}
	var d eventDetail
	e.postJSON(t, "POST", fmt.Sprintf("/api/events/%d/corrections", target.ID),
		map[string]any{"fields": map[string]any{"stage": "in_force"}, "reviewer": "Ada"}, 200, &d)
	if d.Event.Agreement == nil || d.Event.Agreement.Stage != event.InForce {
		t.Fatalf("corrected stage = %+v", d.Event.Agreement)
	}
	var machine, analyst int
	for _, st := range d.StageHistory {
		if st.Machine {
			machine++
		}
		if st.Analyst {
			analyst++
			if st.Stage != event.InForce || st.By != "Ada" || st.At.IsZero() {
				t.Errorf("the analyst's step = %+v", st)
			}
		}
	}
	if analyst != 1 || machine != len(target.Stages) || len(d.Event.Stages) != len(target.Stages)+1 {
		t.Errorf("stage history %+v (record %+v): want the %d machine steps and one of the analyst's", d.StageHistory, d.Event.Stages, len(target.Stages))
	}
	last := d.Event.Stages[len(d.Event.Stages)-1]
	if last.Stage != event.InForce || len(last.Sources) != 0 {
		t.Errorf("the record's last step = %+v, want in_force with no article", last)
	}
}
