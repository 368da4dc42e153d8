package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"pactwatch/internal/event"
)

func testWatches(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	k1 := putArticle(t, s, "old-visit", "An old visit.")
	save(t, s, k1, Extraction{Mentions: []event.Mention{mention("old-visit", event.Meeting, "2024-01-10", "KEN", "SOM")}})

	pair, err := s.CreateWatch(ctx, Watch{Countries: []string{"som", "KEN"}, CreatedBy: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	if pair.Name != "KEN–SOM" || !slices.Equal(pair.Countries, []string{"KEN", "SOM"}) {
		t.Errorf("watch = %+v", pair)
	}
	stage, err := s.CreateWatch(ctx, Watch{Name: "ratifications", Types: []event.Type{event.Agreement}, Stage: event.Ratified})
	if err != nil {
		t.Fatal(err)
	}
	// The event that already matched is a hit, but not a new one.
	hits, err := s.WatchHits(ctx, pair.ID, 0)
	if err != nil || len(hits) != 1 || hits[0].New {
		t.Fatalf("first hits = %+v, %v", hits, err)
	}

	// New events: a pair event and an agreement signed, then ratified.
	k2 := putArticle(t, s, "new-visit", "A new visit.")
	save(t, s, k2, Extraction{Mentions: []event.Mention{mention("new-visit", event.Intelligence, "2025-07-01", "KEN", "SOM")}})
	k3 := putArticle(t, s, "signing", "A signing.")
	signed := mention("signing", event.Agreement, "2025-07-02", "BEN", "RWA")
	signed.Agreement = &event.AgreementInfo{Kind: "defence cooperation agreement", Stage: event.Signed}
	save(t, s, k3, Extraction{Mentions: []event.Mention{signed}})
	if n, err := s.CheckWatches(ctx); err != nil || n != 1 {
		t.Fatalf("check: %d hits, %v; want 1 (the pair event)", n, err)
	}
	w, err := s.Watch(ctx, pair.ID)
	if err != nil || w.New != 1 {
		t.Errorf("pair watch = %+v, %v; want 1 new", w, err)
	}
	hits, _ = s.WatchHits(ctx, pair.ID, 0)
	if len(hits) != 2 || !hits[0].New || hits[1].New {
		t.Errorf("pair hits = %+v, want the new one first", hits)
	}
	if n, _ := s.CheckWatches(ctx); n != 0 {
		t.Errorf("a second check added %d hits", n)
	}

	k4 := putArticle(t, s, "ratified", "The parliament ratified it.")
	ratified := mention("ratified", event.Agreement, "2025-11-20", "BEN", "RWA")
	ratified.Agreement = &event.AgreementInfo{Kind: "defence cooperation agreement", Stage: event.Ratified}
	save(t, s, k4, Extraction{Mentions: []event.Mention{ratified}})
	if n, _ := s.CheckWatches(ctx); n != 1 {
		t.Errorf("check after the ratification added %d hits, want 1", n)
	}
	if hits, _ := s.WatchHits(ctx, stage.ID, 0); len(hits) != 1 || !hits[0].New {
		t.Errorf("stage hits = %+v", hits)
	}

	if err := s.MarkWatchSeen(ctx, pair.ID); err != nil {
		t.Fatal(err)
	}
	if w, _ := s.Watch(ctx, pair.ID); w.New != 0 {
		t.Errorf("after seen: %d new", w.New)
	}
	ws, err := s.Watches(ctx)
	if err != nil || len(ws) != 2 || ws[1].New != 1 {
		t.Errorf("watches = %+v, %v", ws, err)
	}
	if err := s.DeleteWatch(ctx, stage.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Watch(ctx, stage.ID); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("deleted watch: %v", err)
	}
	for _, bad := range []Watch{
		{},
		{Countries: []string{"Kenya"}},
		{Types: []event.Type{"gossip"}},
		{Stage: "dreamt"},
		{Countries: []string{"KEN"}, Webhook: "javascript:alert(1)"},
		{Countries: []string{"KEN"}, Webhook: "ftp://example.org/x"},
		{Countries: []string{"KEN"}, MinConfidence: 2},
	} {
		if _, err := s.CreateWatch(ctx, bad); err == nil {
			t.Errorf("watch %+v was accepted", bad)
		}
	}
}

func testWatchNotify(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	w, err := s.CreateWatch(ctx, Watch{Types: []event.Type{event.Arms}, Webhook: "https://hooks.example/pactwatch"})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []string{"MLI", "NER", "BFA"} {
		k := putArticle(t, s, "arms-"+c, "Deliveries to "+c+".")
		save(t, s, k, Extraction{Mentions: []event.Mention{mention("arms-"+c, event.Arms, "2025-0"+string(rune('1'+i)), "RUS", c)}})
	}
	if n, err := s.CheckWatches(ctx); err != nil || n != 3 {
		t.Fatalf("check: %d, %v", n, err)
	}
	ids, err := s.Unnotified(ctx, w.ID, 2)
	if err != nil || len(ids) != 2 {
		t.Fatalf("unnotified = %v, %v", ids, err)
	}
	if err := s.MarkNotified(ctx, w.ID, ids); err != nil {
		t.Fatal(err)
	}
	rest, _ := s.Unnotified(ctx, w.ID, 10)
	if len(rest) != 1 || slices.Contains(ids, rest[0]) {
		t.Errorf("left unnotified %v after %v", rest, ids)
	}
	// A rejected event no longer matches.
	k := putArticle(t, s, "arms-TCD", "Deliveries to Chad.")
	save(t, s, k, Extraction{Mentions: []event.Mention{mention("arms-TCD", event.Arms, "2025-05", "RUS", "TCD")}})
	id := onlyEvent(t, s, Filter{Countries: []string{"TCD"}}).ID
	if err := s.SetStatus(ctx, id, StatusRejected, "ana", ""); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CheckWatches(ctx); n != 0 {
		t.Errorf("a rejected event made %d hits", n)
	}
}

func testSummaries(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	m0, err := s.Mark(ctx)
	if err != nil || m0.Events != 0 {
		t.Fatalf("empty mark = %+v, %v", m0, err)
	}
	k := putArticle(t, s, "tri", "Three states met.")
	m := mention("tri", event.Meeting, "2025-08-08", "EGY", "SAU", "ARE")
	m.Location = &event.Location{Name: "Riyadh", Country: "SAU"}
	save(t, s, k, Extraction{Text: "Three states met in Riyadh.", Mentions: []event.Mention{m}})
	m1, _ := s.Mark(ctx)
	if m1.Events != 1 || m1.MaxID == 0 || m1.Updated.IsZero() {
		t.Errorf("mark = %+v", m1)
	}
	var got []Summary
	if err := s.EachSummary(ctx, time.Time{}, func(sm Summary) error { got = append(got, sm); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !slices.Equal(got[0].Countries, []string{"ARE", "EGY", "SAU"}) || got[0].Location != "Riyadh" ||
		got[0].Sources != 1 || got[0].Type != event.Meeting || got[0].Date != "2025-08-08" {
		t.Fatalf("summaries = %+v", got)
	}
	if err := s.SetStatus(ctx, got[0].ID, StatusConfirmed, "ana", ""); err != nil {
		t.Fatal(err)
	}
	var since []Summary
	s.EachSummary(ctx, m1.Updated.Add(-time.Second), func(sm Summary) error { since = append(since, sm); return nil })
	if len(since) != 1 || since[0].Status != StatusConfirmed {
		t.Errorf("summaries since the save = %+v", since)
	}
	if m2, _ := s.Mark(ctx); m2 == m1 {
		t.Errorf("the mark did not change after a review: %+v", m2)
	}
	for q, want := range map[string]int{"riyadh three": 1, "RIYÁDH": 1, "cairo": 0, " ": 0} {
		ids, err := s.MatchingEvents(ctx, q)
		if err != nil || len(ids) != want || (want == 1 && ids[0] != got[0].ID) {
			t.Errorf("events matching %q = %v, %v; want %d", q, ids, err, want)
		}
	}
}
