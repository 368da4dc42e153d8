package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/merge"
	"pactwatch/internal/source"
	"pactwatch/internal/store/storetest"
)

// fixture is one test's fresh store and the DSN that opens it again.
type fixture struct {
	s   *Store
	dsn string
}

// storeCase is one behaviour checked on every backend.
type storeCase struct {
	name string
	run  func(t *testing.T, fx fixture)
}

// TestStore runs every case against SQLite and PostgreSQL, each case on a
// fresh database.
func TestStore(t *testing.T) {
	cases := []storeCase{
		{"migrations apply once", testMigrations},
		{"put article is idempotent", testPutArticle},
		{"save extraction creates, keeps and deletes events", testSaveExtraction},
		{"event ids are stable when an article joins", testStableIDs},
		{"failed extraction is recorded", testFailedExtraction},
		{"filters", testFilters},
		{"full-text search", testSearch},
		{"each event streams", testEachEvent},
		{"each article and pending", testEachArticle},
		{"failures and feed state", testFailuresAndFeeds},
		{"concurrent saves lose nothing", testConcurrentSaves},
		{"a killed writer leaves a consistent store", testKilledWriter},
		{"a large key is re-grouped near its changes, as a whole re-grouping would", testWindowedRegroup},
	}
	runOnBoth(t, cases)
}

// runOnBoth runs every case on SQLite and on PostgreSQL (when
// PACTWATCH_TEST_PG names a server), each on a fresh database.
func runOnBoth(t *testing.T, cases []storeCase) {
	for _, backend := range []string{SQLite, Postgres} {
		t.Run(backend, func(t *testing.T) {
			if backend == Postgres && os.Getenv(storetest.Env) == "" {
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

func newFixture(t *testing.T, backend string) fixture {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "store.db")
	if backend == Postgres {
		dsn = storetest.FreshPostgres(t)
	}
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return fixture{s: s, dsn: dsn}
}

// mention is a hand-made mention of one article, with evidence in our own words.
func mention(article string, typ event.Type, date string, countries ...string) event.Mention {
	slices.Sort(countries)
	return event.Mention{
		Event: event.Event{
			Article: article, Type: typ, Countries: countries, Date: date, Confidence: 0.6,
			Evidence: []string{fmt.Sprintf("Officials of %s reported a %s in a statement.", strings.Join(countries, " and "), typ)},
		},
		URL:       "https://news.example/" + article,
		Published: date,
		Spans:     []event.Span{{Start: 0, End: 40}},
	}
}

// putArticle stores an article with this id and text and returns its key.
func putArticle(t *testing.T, s *Store, id, body string) int64 {
	t.Helper()
	key, existed, err := s.PutArticle(context.Background(), &source.Article{
		ID: id, URL: "https://news.example/" + id, Format: source.Text, Raw: []byte(body), Origin: id + ".txt"})
	if err != nil || existed {
		t.Fatalf("put %s: key %d, existed %v, %v", id, key, existed, err)
	}
	return key
}

func save(t *testing.T, s *Store, key int64, x Extraction) Changes {
	t.Helper()
	if x.Version == "" {
		x.Version = "v1"
	}
	ch, err := s.SaveExtraction(context.Background(), key, x)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func events(t *testing.T, s *Store, f Filter) []event.Record {
	t.Helper()
	recs, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func sourceIDs(r event.Record) []string {
	var ids []string
	for _, src := range r.Sources {
		ids = append(ids, src.Article)
	}
	slices.Sort(ids)
	return ids
}

func testMigrations(t *testing.T, fx fixture) {
	ctx := context.Background()
	// Open applied them; a fresh database applies every file, then none.
	var dsn string
	if fx.s.Dialect() == Postgres {
		dsn = storetest.FreshPostgres(t)
	} else {
		dsn = filepath.Join(t.TempDir(), "again.db")
	}
	s, err := open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	n, err := s.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d migration(s) applied in %v", s.Dialect(), n, time.Since(start).Round(time.Millisecond))
	entries, _ := migrations.ReadDir("migrations/" + map[string]string{SQLite: "sqlite", Postgres: "postgres"}[s.Dialect()])
	if n != len(entries) || n == 0 {
		t.Errorf("first run applied %d migrations, want %d", n, len(entries))
	}
	if n, err := s.Migrate(ctx); err != nil || n != 0 {
		t.Errorf("second run applied %d migrations (%v), want 0", n, err)
	}
	again, err := Open(ctx, fx.dsn)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	again.Close()
}

func testPutArticle(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	published := time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)
	first := &source.Article{ID: "kenya-visit", URL: "https://news.example/kenya", Title: "A visit",
		Format: source.HTML, Language: "en", Published: published, PublishedFrom: source.OriginMetadata,
		Origin: "pages/kenya-visit.html", Raw: []byte("<p>The minister  arrived\n in Nairobi.</p>")}
	key, existed, err := s.PutArticle(ctx, first)
	if err != nil || existed || key == 0 {
		t.Fatalf("first put: key %d, existed %v, %v", key, existed, err)
	}
	tests := []struct {
		name    string
		a       source.Article
		existed bool
		id      string // the stored id; "" when existed
	}{
		{"same URL, other bytes", source.Article{ID: "other", URL: first.URL, Raw: []byte("changed page")}, true, ""},
		{"same content, other whitespace", source.Article{ID: "copy", Raw: []byte("  <p>The minister arrived in\tNairobi.</p>\n")}, true, ""},
		{"other content under a used id", source.Article{ID: "kenya-visit", Raw: []byte("A different page.")}, false,
			"kenya-visit~" + ContentHash([]byte("A different page."))[:8]},
		{"new article", source.Article{ID: "mali", Raw: []byte("Another page entirely.")}, false, "mali"},
		{"no id", source.Article{Raw: []byte("A page without a name.")}, false,
			"sha-" + ContentHash([]byte("A page without a name."))[:12]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, ex, err := s.PutArticle(ctx, &tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if ex != tt.existed {
				t.Fatalf("existed = %v, want %v", ex, tt.existed)
			}
			if tt.existed {
				if k != key {
					t.Errorf("key %d, want the first article's %d", k, key)
				}
				return
			}
			got, err := s.Article(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != tt.id || string(got.Raw) != string(tt.a.Raw) {
				t.Errorf("stored as %q with %q, want %q with %q", got.ID, got.Raw, tt.id, tt.a.Raw)
			}
		})
	}
	got, err := s.ArticleByID(ctx, "kenya-visit")
	if err != nil {
		t.Fatal(err)
	}
	want := source.Article{ID: "kenya-visit", URL: first.URL, Title: "A visit", Format: source.HTML, Language: "en",
		Published: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC), PublishedFrom: source.OriginMetadata,
		Origin: first.Origin, Raw: first.Raw}
	if got.Key != key || got.URL != want.URL || got.Title != want.Title || got.Format != want.Format ||
		got.Language != want.Language || !got.Published.Equal(want.Published) || got.PublishedFrom != want.PublishedFrom ||
		got.Origin != want.Origin || string(got.Raw) != string(want.Raw) {
		t.Errorf("stored article = %+v, want %+v", got.Article, want)
	}
	if got.Hash != ContentHash(first.Raw) || got.CreatedAt.IsZero() || !got.ExtractedAt.IsZero() || got.ExtractorVersion != "" {
		t.Errorf("stored article: hash %s, created %v, extracted %v %q", got.Hash, got.CreatedAt, got.ExtractedAt, got.ExtractorVersion)
	}
	if _, err := s.Article(ctx, 999999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
}

func testSaveExtraction(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	key := putArticle(t, s, "a1", "The ministers of France and Kenya met in Nairobi.")
	x := Extraction{Text: "The ministers of France and Kenya met in Nairobi.", Language: "en", Title: "Ministers meet",
		Published: time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC), PublishedFrom: source.OriginDateline,
		Mentions: []event.Mention{
			mention("a1", event.Meeting, "2025-03-14", "FRA", "KEN"),
			mention("a1", event.Training, "2025-03", "FRA", "KEN"),
		}}
	x.Mentions[0].Location = &event.Location{Name: "Nairobi", Country: "KEN"}
	x.Mentions[0].Persons = []event.Person{{Name: "Amina Odhiambo", Country: "KEN", Role: "defence_minister"}}
	x.Mentions[0].Domains = []string{"training"}
	if ch := save(t, s, key, x); ch != (Changes{Created: 2}) {
		t.Fatalf("first save: %+v, want 2 created", ch)
	}
	recs := events(t, s, Filter{})
	if len(recs) != 2 {
		t.Fatalf("%d events, want 2", len(recs))
	}
	meet := events(t, s, Filter{Types: []event.Type{event.Meeting}})
	if len(meet) != 1 || meet[0].Date != "2025-03-14" || meet[0].Location == nil || meet[0].Location.Name != "Nairobi" ||
		len(meet[0].Sources) != 1 || meet[0].Sources[0].Article != "a1" || meet[0].Sources[0].Language != "en" {
		t.Errorf("meeting event = %+v", meet)
	}
	byID, err := s.Event(ctx, meet[0].ID)
	if err != nil || byID.ID != meet[0].ID || byID.Date != meet[0].Date {
		t.Errorf("Event(%d) = %+v, %v", meet[0].ID, byID, err)
	}
	// What the store gives back to merge is what was saved.
	ms, err := s.Mentions(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].Location == nil || ms[0].Location.Name != "Nairobi" || ms[0].Language != "en" ||
		ms[0].Article != "a1" || ms[0].Published != "2025-03-14" || len(ms[0].Spans) != 1 || ms[0].URL == "" ||
		len(ms[0].Persons) != 1 || ms[0].Persons[0].Role != "defence_minister" || ms[1].Type != event.Training {
		t.Errorf("stored mentions = %+v", ms)
	}
	a, err := s.Article(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if a.ExtractorVersion != "v1" || a.ExtractedAt.IsZero() || a.Text != x.Text || a.Title != "Ministers meet" ||
		a.PublishedFrom != source.OriginDateline || a.Published.Format(time.DateOnly) != "2025-03-15" || a.Error != "" {
		t.Errorf("extracted article = %+v", a)
	}

	if ch := save(t, s, key, x); ch != (Changes{}) {
		t.Errorf("identical save: %+v, want no change", ch)
	}
	again := events(t, s, Filter{})
	if !reflect.DeepEqual(again, recs) {
		t.Errorf("identical save changed the events:\n%v\n%v", recs, again)
	}

	// A mention with one state is refused, and the whole save with it.
	bad := x
	bad.Version = "v9"
	bad.Mentions = append(slices.Clone(x.Mentions), mention("a1", event.Meeting, "2025-03-14", "FRA"))
	if _, err := s.SaveExtraction(ctx, key, bad); err == nil || !strings.Contains(err.Error(), "mention 2") {
		t.Errorf("save with a one-state mention: %v, want an error naming mention 2", err)
	}
	if a, err := s.Article(ctx, key); err != nil || a.ExtractorVersion != "v1" {
		t.Errorf("refused save changed the article: version %q, %v", a.ExtractorVersion, err)
	}

	x.Mentions[0].Confidence = 0.9
	if ch := save(t, s, key, x); ch != (Changes{Updated: 1}) {
		t.Errorf("save with a new confidence: %+v, want 1 updated", ch)
	}
	if got := events(t, s, Filter{Types: []event.Type{event.Meeting}}); len(got) != 1 || got[0].ID != meet[0].ID {
		t.Errorf("updated meeting = %+v, want id %d kept", got, meet[0].ID)
	}

	x.Mentions = x.Mentions[:1]
	if ch := save(t, s, key, x); ch != (Changes{Deleted: 1}) {
		t.Errorf("save without the training: %+v, want 1 deleted", ch)
	}
	x.Mentions = nil
	if ch := save(t, s, key, x); ch != (Changes{Deleted: 1}) {
		t.Errorf("save with no mention: %+v, want 1 deleted", ch)
	}
	if n, err := s.CountEvents(ctx, Filter{}); err != nil || n != 0 {
		t.Errorf("%d events left (%v), want 0", n, err)
	}
	if _, err := s.SaveExtraction(ctx, 424242, x); !errors.Is(err, ErrNotFound) {
		t.Errorf("save to a missing article: %v, want ErrNotFound", err)
	}
}

func testStableIDs(t *testing.T, fx fixture) {
	s := fx.s
	ka := putArticle(t, s, "en-report", "Report one.")
	kb := putArticle(t, s, "fr-report", "Rapport deux.")
	kc := putArticle(t, s, "later-visit", "A later visit.")
	save(t, s, ka, Extraction{Language: "en", Mentions: []event.Mention{mention("en-report", event.Meeting, "2025-03-14", "FRA", "KEN")}})
	first := events(t, s, Filter{})
	if len(first) != 1 {
		t.Fatalf("%d events, want 1", len(first))
	}
	id := first[0].ID

	// A second article reports the same meeting: the event gains a source
	// and keeps its id.
	ch := save(t, s, kb, Extraction{Language: "fr", Mentions: []event.Mention{mention("fr-report", event.Meeting, "2025-03-14", "FRA", "KEN")}})
	if ch != (Changes{Updated: 1}) {
		t.Errorf("joining article: %+v, want 1 updated", ch)
	}
	got := events(t, s, Filter{})
	if len(got) != 1 || got[0].ID != id || !slices.Equal(sourceIDs(got[0]), []string{"en-report", "fr-report"}) {
		t.Fatalf("after the second report: %+v, want event %d with both sources", got, id)
	}

	// A meeting of the same pair months later is another event.
	ch = save(t, s, kc, Extraction{Mentions: []event.Mention{mention("later-visit", event.Meeting, "2025-09-02", "FRA", "KEN")}})
	if ch != (Changes{Created: 1}) {
		t.Errorf("later meeting: %+v, want 1 created", ch)
	}
	got = events(t, s, Filter{})
	if len(got) != 2 || got[0].Date != "2025-09-02" || got[1].ID != id {
		t.Fatalf("events = %+v, want the later meeting first and event %d second", got, id)
	}
	later := got[0].ID

	// The first article loses its mention: the event lives on with the
	// second source, under the same id; ids are never given again.
	if ch := save(t, s, ka, Extraction{}); ch != (Changes{Updated: 1}) {
		t.Errorf("first report emptied: %+v, want 1 updated", ch)
	}
	if ch := save(t, s, kc, Extraction{}); ch != (Changes{Deleted: 1}) {
		t.Errorf("later report emptied: %+v, want 1 deleted", ch)
	}
	ch = save(t, s, kc, Extraction{Mentions: []event.Mention{mention("later-visit", event.Meeting, "2025-09-02", "FRA", "KEN")}})
	got = events(t, s, Filter{})
	if ch != (Changes{Created: 1}) || len(got) != 2 || got[1].ID != id || got[0].ID == later || got[0].ID < later {
		t.Errorf("after re-adding the later meeting: %+v, events %+v (old ids %d, %d)", ch, got, id, later)
	}
	if !slices.Equal(sourceIDs(got[1]), []string{"fr-report"}) {
		t.Errorf("sources of event %d = %v, want [fr-report]", id, sourceIDs(got[1]))
	}
	checkConsistent(t, s)
}

func testFailedExtraction(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	key := putArticle(t, s, "broken", "Text that once gave an event.")
	save(t, s, key, Extraction{Mentions: []event.Mention{mention("broken", event.Aid, "2024-11-02", "JPN", "PHL")}})
	ch := save(t, s, key, Extraction{Version: "v2", Error: "no readable text", Text: "",
		Mentions: []event.Mention{mention("broken", event.Aid, "2024-11-02", "JPN", "PHL")}})
	if ch != (Changes{Deleted: 1}) {
		t.Errorf("failed extraction: %+v, want its event deleted", ch)
	}
	a, err := s.Article(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if a.Error != "no readable text" || a.ExtractorVersion != "v2" || a.ExtractedAt.IsZero() {
		t.Errorf("failed article: error %q, version %q, extracted %v", a.Error, a.ExtractorVersion, a.ExtractedAt)
	}
	if ms, err := s.Mentions(ctx, key); err != nil || len(ms) != 0 {
		t.Errorf("failed article keeps %d mentions (%v)", len(ms), err)
	}
	if keys, err := s.Pending(ctx, "v2", 0); err != nil || len(keys) != 0 {
		t.Errorf("pending for v2 = %v (%v), want none: it failed with v2", keys, err)
	}
	if keys, err := s.Pending(ctx, "v3", 0); err != nil || !slices.Equal(keys, []int64{key}) {
		t.Errorf("pending for v3 = %v (%v), want [%d]", keys, err, key)
	}
}

// filterRecords are hand-made records for the filter cases.
func filterRecords() []event.Record {
	rec := func(typ event.Type, date string, conf float64, countries ...string) event.Record {
		r := event.Record{Event: event.Event{Type: typ, Countries: countries, Date: date, Confidence: conf,
			Evidence: []string{"A hand-made record for the filter tests."}}}
		r.Sources = []event.Source{{Article: "rec-" + date, Evidence: r.Evidence}}
		return r
	}
	signed := rec(event.Agreement, "2024-06-10", 0.8, "FRA", "IND")
	signed.Agreement = &event.AgreementInfo{Kind: "defence", Stage: event.Signed}
	ratified := rec(event.Agreement, "2025-01", 0.7, "FRA", "IND")
	ratified.Agreement = &event.AgreementInfo{Kind: "maritime", Stage: event.Ratified}
	return []event.Record{
		rec(event.Meeting, "2025-03-14", 0.9, "FRA", "KEN"),  // 0
		rec(event.Meeting, "2025-03", 0.5, "FRA", "KEN"),     // 1
		rec(event.Exercise, "2025-04-02", 0.6, "FRA", "USA"), // 2
		rec(event.Meeting, "2024-12-31", 0.4, "KEN", "USA"),  // 3
		rec(event.Training, "", 0.3, "FRA", "KEN"),           // 4
		rec(event.Aid, "2025", 0.55, "FRA", "KEN", "USA"),    // 5
		signed,   // 6
		ratified, // 7
		rec(event.Deployment, "2025-03-14", 0.65, "GBR", "KEN"), // 8
	}
}

func testFilters(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	recs := filterRecords()
	if err := s.InsertRecords(ctx, recs); err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(recs))
	for i, r := range recs {
		if r.ID == 0 {
			t.Fatalf("record %d has no id", i)
		}
		ids[i] = r.ID
	}
	for i := 1; i < len(ids); i++ {
		if ids[i] <= ids[i-1] {
			t.Errorf("ids %v are not new increasing ids", ids)
		}
	}
	// want lists record indexes in the expected order: date descending
	// (2025-04-02 > 2025-03-14 > 2025-03 > 2025 > 2024-...), then id, undated last.
	tests := []struct {
		name string
		f    Filter
		want []int
	}{
		{"all", Filter{}, []int{2, 0, 8, 1, 7, 5, 3, 6, 4}},
		{"one state", Filter{Countries: []string{"KEN"}}, []int{0, 8, 1, 5, 3, 4}},
		{"one state, lower case", Filter{Countries: []string{"usa"}}, []int{2, 5, 3}},
		{"a pair", Filter{Countries: []string{"KEN", "FRA"}}, []int{0, 1, 5, 4}},
		{"three states", Filter{Countries: []string{"USA", "KEN", "FRA"}}, []int{5}},
		{"a pair with no event", Filter{Countries: []string{"GBR", "USA"}}, nil},
		{"type", Filter{Types: []event.Type{event.Meeting}}, []int{0, 1, 3}},
		{"types", Filter{Types: []event.Type{event.Exercise, event.Deployment}}, []int{2, 8}},
		{"pair and type", Filter{Countries: []string{"FRA", "KEN"}, Types: []event.Type{event.Meeting}}, []int{0, 1}},
		{"stage", Filter{Stage: event.Ratified}, []int{7}},
		{"since a day", Filter{Since: "2025-03-14"}, []int{2, 0, 8}},
		{"since a month", Filter{Since: "2025-03"}, []int{2, 0, 8, 1}},
		{"until a month", Filter{Until: "2025-03"}, []int{0, 8, 1, 7, 5, 3, 6}},
		{"until a year", Filter{Until: "2024"}, []int{3, 6}},
		{"since and until", Filter{Since: "2025", Until: "2025-03"}, []int{0, 8, 1, 7, 5}},
		{"state and dates", Filter{Countries: []string{"KEN"}, Since: "2025-01", Until: "2025-03-31"}, []int{0, 8, 1}},
		{"min confidence", Filter{MinConfidence: 0.65}, []int{0, 8, 7, 6}},
		{"first page", Filter{Limit: 3}, []int{2, 0, 8}},
		{"second page", Filter{Limit: 3, Offset: 3}, []int{1, 7, 5}},
		{"state, last page", Filter{Countries: []string{"KEN"}, Limit: 4, Offset: 4}, []int{3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := events(t, s, tt.f)
			var gotIdx []int
			for _, r := range got {
				gotIdx = append(gotIdx, slices.Index(ids, r.ID))
			}
			if !slices.Equal(gotIdx, tt.want) {
				t.Errorf("Events = records %v, want %v", gotIdx, tt.want)
			}
			n, err := s.CountEvents(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			all := tt.f
			all.Limit, all.Offset = 0, 0
			if want := len(events(t, s, all)); n != want {
				t.Errorf("CountEvents = %d, want %d", n, want)
			}
		})
	}
	for _, f := range []Filter{{Since: "March 2025"}, {Until: "2025-3"}, {Limit: -1}} {
		if _, err := s.Events(ctx, f); err == nil {
			t.Errorf("Events(%+v) accepted a bad filter", f)
		}
	}
	got, err := s.Event(ctx, ids[6])
	if err != nil || got.Agreement == nil || got.Agreement.Stage != event.Signed || got.Countries[1] != "IND" {
		t.Errorf("Event(%d) = %+v, %v", ids[6], got, err)
	}
	if _, err := s.Event(ctx, ids[len(ids)-1]+100); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing event: %v, want ErrNotFound", err)
	}
}

// searchPages are articles in several languages, in our own words.
var searchPages = []struct {
	id, text string
}{
	{"fr", "Le ministre a signé à Genève un accord de défense avec le Kenya. L'accord prévoit des exercices communs."},
	{"ru", "Военные двух стран участвовали в совместных учениях на полигоне под Оренбургом."},
	{"ar", "وَقَّعَتْ مصر والسودان على الاتفاقية الدفاعية في القاهرة يوم الأحد."},
	{"zh", "中国与巴基斯坦在北京签署了新的防务合作协定，双方将举行联合演习。"},
	{"en", "The navy of Chile hosted a port call by a ship from Peru."},
}

func testSearch(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	for _, p := range searchPages {
		key := putArticle(t, s, p.id, p.text)
		x := Extraction{Text: p.text, Language: p.id}
		if p.id == "fr" {
			x.Mentions = []event.Mention{mention("fr", event.Agreement, "2025-05-06", "FRA", "KEN")}
		}
		if p.id == "ar" {
			x.Mentions = []event.Mention{mention("ar", event.Agreement, "2025-05-04", "EGY", "SDN")}
		}
		save(t, s, key, x)
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"signe", []string{"fr"}},
		{"GENEVE", []string{"fr"}},
		{"Genève accord", []string{"fr"}},
		{"l'accord", []string{"fr"}},
		{"genève chile", nil},
		{"учения", []string{"ru"}},
		{"УЧЕНИЯХ", []string{"ru"}},
		{"Оренбург", []string{"ru"}},
		{"وقعت", []string{"ar"}},       // no harakat in the query, harakat in the text
		{"وَقَّعَتْ", []string{"ar"}},  // harakat in both
		{"اتفاقية", []string{"ar"}},    // inside والاتفاقية... after the article's clitic
		{"الاتفاقيـة", []string{"ar"}}, // with a tatweel
		{"والسودان", []string{"ar"}},   // with the conjunction
		{"防务合作协定", []string{"zh"}},     // a substring of a Chinese run
		{"协定", []string{"zh"}},         // two characters: LIKE
		{"签署 演习", []string{"zh"}},      // two short terms
		{"北京 合作协定", []string{"zh"}},    // a short and a long term
		{"peru", []string{"en"}},
		{"a", []string{"en", "fr"}},         // one character: LIKE, case folded
		{"100%", nil},                       // LIKE's wildcard is a plain character
		{`"; DROP TABLE articles; --`, nil}, // only ever a parameter
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, err := s.SearchArticles(ctx, tt.q, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("SearchArticles(%q) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
	// The events filter searches the text of an event's sources.
	for q, want := range map[string]string{"geneve": "FRA,KEN", "الاتفاقية": "EGY,SDN", "учения": ""} {
		got := events(t, s, Filter{Q: q})
		var keys []string
		for _, r := range got {
			keys = append(keys, strings.Join(r.Countries, ","))
		}
		if strings.Join(keys, " ") != want {
			t.Errorf("Events(Q %q) = %v, want %q", q, keys, want)
		}
	}
	if _, err := s.Events(ctx, Filter{Q: "   "}); err == nil {
		t.Error("Events with a blank text filter: no error")
	}
	if n, err := s.CountEvents(ctx, Filter{Q: "accord", Countries: []string{"FRA"}}); err != nil || n != 1 {
		t.Errorf("CountEvents(accord, FRA) = %d, %v; want 1", n, err)
	}
}

func testEachEvent(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	const n = 1200
	recs := make([]event.Record, n)
	for i := range recs {
		recs[i] = event.Record{Event: event.Event{Type: event.Meeting, Countries: []string{"BRA", "ZAF"},
			Date: fmt.Sprintf("20%02d-%02d-%02d", 10+i%15, 1+i%12, 1+i%28), Confidence: 0.5}}
	}
	if err := s.InsertRecords(ctx, recs); err != nil {
		t.Fatal(err)
	}
	// The order of Events: date descending, then id; many dates repeat, so
	// pages end inside runs of one date.
	sorted := slices.Clone(recs)
	slices.SortStableFunc(sorted, func(a, b event.Record) int {
		if a.Date != b.Date {
			return strings.Compare(b.Date, a.Date)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var want []int64
	for _, r := range sorted {
		want = append(want, r.ID)
	}
	tests := []struct {
		name string
		f    Filter
		want []int64
	}{
		{"a state", Filter{Countries: []string{"ZAF"}}, want},
		{"a pair", Filter{Countries: []string{"ZAF", "BRA"}}, want},
		{"everything", Filter{}, want},
		{"a page across pages", Filter{Countries: []string{"BRA"}, Limit: 700, Offset: 300}, want[300:1000]},
		{"the tail", Filter{Offset: 1100}, want[1100:]},
		{"since", Filter{Since: "2020"}, nil}, // filled below
	}
	for _, r := range sorted {
		if r.Date >= "2020" {
			tests[len(tests)-1].want = append(tests[len(tests)-1].want, r.ID)
		}
	}
	for _, tt := range tests {
		var got []int64
		err := s.EachEvent(ctx, tt.f, func(r event.Record) error {
			got = append(got, r.ID)
			return nil
		})
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: EachEvent gave %d events (%v), want %d in order", tt.name, len(got), err, len(tt.want))
		}
	}
	stop := errors.New("enough")
	calls := 0
	err := s.EachEvent(ctx, Filter{}, func(event.Record) error {
		calls++
		if calls == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 10 {
		t.Errorf("EachEvent after an error: %d calls, %v", calls, err)
	}
	// fn may use the store while the rows stream.
	seen := 0
	err = s.EachEvent(ctx, Filter{Limit: 5}, func(r event.Record) error {
		if _, err := s.Event(ctx, r.ID); err != nil {
			return err
		}
		seen++
		return nil
	})
	if err != nil || seen != 5 {
		t.Errorf("EachEvent with reads inside: %d, %v", seen, err)
	}
}

func testEachArticle(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	var keys []int64
	for i := range 1100 {
		keys = append(keys, putArticle(t, s, fmt.Sprintf("page-%04d", i), fmt.Sprintf("Page number %d.", i)))
	}
	save(t, s, keys[3], Extraction{Version: "v1"})
	var got []int64
	versions := map[string]int{}
	err := s.EachArticle(ctx, func(key int64, version string) error {
		got = append(got, key)
		versions[version]++
		if len(got) == 1 {
			// Writing while iterating is allowed.
			save(t, s, key, Extraction{Version: "v1"})
		}
		return nil
	})
	if err != nil || !slices.Equal(got, keys) {
		t.Fatalf("EachArticle gave %d keys (%v), want %d in order", len(got), err, len(keys))
	}
	if versions["v1"] != 1 || versions[""] != 1099 {
		t.Errorf("versions seen = %v", versions)
	}
	pending, err := s.Pending(ctx, "v1", 0)
	if err != nil || len(pending) != 1098 || pending[0] != keys[1] {
		t.Errorf("Pending(v1) = %d keys starting %v (%v), want 1098 from %d", len(pending), pending[:min(1, len(pending))], err, keys[1])
	}
	if p, err := s.Pending(ctx, "v1", 2); err != nil || !slices.Equal(p, []int64{keys[1], keys[2]}) {
		t.Errorf("Pending(v1, 2) = %v, %v", p, err)
	}
}

func testFailuresAndFeeds(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	for _, w := range []string{"pages/a.html", "https://news.example/b"} {
		if err := s.RecordFailure(ctx, w, "could not read "+w); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := s.Failures(ctx, 0)
	if err != nil || len(fs) != 2 || fs[0].Source != "https://news.example/b" || fs[1].Message != "could not read pages/a.html" || fs[0].At.IsZero() {
		t.Errorf("Failures = %+v, %v", fs, err)
	}
	const feed = "https://news.example/feed.xml"
	if st, err := s.FeedState(ctx, feed); err != nil || st != (FeedState{}) {
		t.Errorf("unknown feed state = %+v, %v", st, err)
	}
	for _, st := range []FeedState{{ETag: `"abc"`, LastModified: "Mon, 03 Mar 2025 10:00:00 GMT"}, {ETag: `"def"`}} {
		if err := s.SaveFeedState(ctx, feed, st); err != nil {
			t.Fatal(err)
		}
		if got, err := s.FeedState(ctx, feed); err != nil || got != st {
			t.Errorf("feed state = %+v, %v; want %+v", got, err, st)
		}
	}
}

func testConcurrentSaves(t *testing.T, fx fixture) {
	ctx := context.Background()
	s := fx.s
	const writers = 8
	keys := make([]int64, writers)
	ids := make([]string, writers)
	for i := range writers {
		ids[i] = fmt.Sprintf("wire-%d", i)
		keys[i] = putArticle(t, s, ids[i], "Agency copy number "+ids[i])
	}
	// Every writer has its own connection to the store (its own process,
	// as far as the database can tell), and all report one happening.
	stores := make([]*Store, writers)
	for i := range stores {
		st, err := Open(ctx, fx.dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		stores[i] = st
	}
	for round := range 2 {
		var wg sync.WaitGroup
		errs := make(chan error, writers)
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				m := mention(ids[i], event.Exercise, "2025-06-10", "IND", "JPN")
				m.Confidence = 0.5 + float64(round)/10
				_, err := stores[i].SaveExtraction(ctx, keys[i], Extraction{Version: "v1", Mentions: []event.Mention{m}})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		got := events(t, s, Filter{Countries: []string{"IND", "JPN"}})
		var sources []string
		for _, r := range got {
			sources = append(sources, sourceIDs(r)...)
		}
		slices.Sort(sources)
		if len(got) != 1 || !slices.Equal(sources, ids) {
			t.Errorf("round %d: %d events with sources %v, want 1 with all %d articles", round, len(got), sources, writers)
		}
		checkConsistent(t, s)
	}
}

// checkConsistent checks a store filled by SaveExtraction only: the
// database's own checks, every mention in an existing event and every
// event with mentions, and the events of every merge key exactly what
// merging its stored mentions afresh gives.
func checkConsistent(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	count := func(query string) int {
		t.Helper()
		var n int
		if err := s.db.QueryRowContext(ctx, query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	if s.Dialect() == SQLite {
		// On a new connection: PRAGMA integrity_check on a connection that
		// read the FTS5 table before another connection wrote it reports a
		// checksum mismatch from its cached index structure (SQLite 3.5x;
		// searches on that connection do see the new rows).
		fresh, err := Open(ctx, s.DSN())
		if err != nil {
			t.Fatal(err)
		}
		defer fresh.Close()
		var ok string
		if err := fresh.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
			t.Errorf("integrity check: %q, %v", ok, err)
		}
		if _, err := fresh.db.ExecContext(ctx, "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')"); err != nil {
			t.Errorf("FTS5 integrity check: %v", err)
		}
		if n := count("SELECT count(*) FROM pragma_foreign_key_check"); n != 0 {
			t.Errorf("%d foreign key violations", n)
		}
	}
	for query, what := range map[string]string{
		"SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event_id WHERE e.id IS NULL":                           "mentions in no event",
		"SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)":                    "events with no mention",
		"SELECT count(*) FROM events e WHERE e.merge_key <> (SELECT min(m.merge_key) FROM mentions m WHERE m.event_id = e.id)": "events under another key than their mentions",
		"SELECT count(*) FROM event_countries c JOIN events e ON e.id = c.event_id WHERE c.date <> e.date":                     "state rows with a stale date",
		"SELECT count(*) FROM event_pairs p JOIN events e ON e.id = p.event_id WHERE p.date <> e.date":                         "pair rows with a stale date",
	} {
		if n := count(query); n != 0 {
			t.Errorf("%d %s", n, what)
		}
	}
	rows, err := s.db.QueryContext(ctx, "SELECT DISTINCT merge_key FROM mentions ORDER BY merge_key")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for rows.Next() {
		var k string
		rows.Scan(&k)
		keys = append(keys, k)
	}
	rows.Close()
	for _, k := range keys {
		stored, err := s.mentions(ctx, s.db, keyMentionsSQL, k)
		if err != nil {
			t.Fatal(err)
		}
		ms := make([]event.Mention, len(stored))
		for i := range stored {
			ms[i], _ = stored[i].mention()
		}
		var want []string
		for _, c := range merge.Group(ms) {
			var group []event.Mention
			for _, i := range c {
				group = append(group, ms[i])
			}
			js, _ := json.Marshal(merge.Build(group))
			want = append(want, string(js))
		}
		var got []string
		for _, r := range events(t, s, Filter{Countries: keyCountries(k), Review: ReviewAll}) {
			if r.Key() != k {
				continue
			}
			n := len(r.Countries)
			if c := count(fmt.Sprintf("SELECT count(*) FROM event_countries WHERE event_id = %d", r.ID)); c != n {
				t.Errorf("event %d: %d state rows, want %d", r.ID, c, n)
			}
			r.ID = 0
			js, _ := json.Marshal(r)
			got = append(got, string(js))
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("events of %s are not what merging their mentions gives:\n got %v\nwant %v", k, got, want)
		}
	}
}
