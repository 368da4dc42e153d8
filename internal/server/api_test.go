package server

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/store"
)

// TestEventFilters checks that the index answers a filter as the store's
// own queries do: the same events, for every kind of filter.
func TestEventFilters(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	cases := []struct {
		query  string
		filter store.Filter
	}{
		{"", store.Filter{}},
		{"country=KEN", store.Filter{Countries: []string{"KEN"}}},
		{"country=rwa,moz", store.Filter{Countries: []string{"MOZ", "RWA"}}},
		{"type=agreement&type=rupture", store.Filter{Types: []event.Type{event.Agreement, event.Rupture}}},
		{"stage=signed", store.Filter{Stage: event.Signed}},
		{"since=2025", store.Filter{Since: "2025"}},
		{"until=2024-06", store.Filter{Until: "2024-06"}},
		{"since=2024-03-01&until=2025", store.Filter{Since: "2024-03-01", Until: "2025"}},
		{"min_confidence=0.8", store.Filter{MinConfidence: 0.8}},
		{"q=accord", store.Filter{Q: "accord"}},
		{"q=" + url.QueryEscape("الاتفاقية"), store.Filter{Q: "الاتفاقية"}},
		{"q=kenya&type=meeting", store.Filter{Q: "kenya", Types: []event.Type{event.Meeting}}},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			want, err := e.st.Events(ctx, c.filter)
			if err != nil {
				t.Fatal(err)
			}
			page := allEvents(t, e, c.query)
			if page.Total != len(want) {
				t.Fatalf("total %d, the store finds %d", page.Total, len(want))
			}
			var got, wantIDs []int64
			for _, ev := range page.Events {
				got = append(got, ev.ID)
			}
			for _, r := range want {
				wantIDs = append(wantIDs, r.ID)
			}
			if !slices.Equal(got, wantIDs) {
				t.Errorf("events %v, the store gives %v (same order: date descending, then id)", got, wantIDs)
			}
		})
	}
	var all eventPage
	e.getJSON(t, "/api/events?limit=1", &all)
	if all.Total < 50 {
		t.Fatalf("the corpus store has %d events", all.Total)
	}
	t.Run("region", func(t *testing.T) {
		africa := allEvents(t, e, "region=002")
		if africa.Total == 0 || africa.Total >= all.Total {
			t.Fatalf("%d African events of %d", africa.Total, all.Total)
		}
		for _, ev := range africa.Events {
			in := false
			for _, c := range ev.Countries {
				in = in || e.srv.regions.Contains("002", c)
			}
			if !in {
				t.Errorf("event %d (%v) has no African state", ev.ID, ev.Countries)
			}
		}
	})
	for _, bad := range []string{"country=Kenya", "type=party", "since=2025-13", "until=yesterday", "min_confidence=2",
		"region=999", "review=maybe", "sort=colour", "order=up", "limit=0", "limit=501", "offset=-1"} {
		if status, body, _ := e.call(t, http.MethodGet, "/api/events?"+bad, nil); status != http.StatusBadRequest ||
			!strings.Contains(string(body), strings.SplitN(bad, "=", 2)[0]) {
			t.Errorf("GET /api/events?%s: %d %s, want 400 naming the parameter", bad, status, body)
		}
	}
}

// TestSortAndPage checks every sort key both ways, and that pages join up.
func TestSortAndPage(t *testing.T) {
	e := newEnv(t)
	all := allEvents(t, e, "sort=id&order=asc")
	for _, key := range sortKeys {
		for _, order := range []string{"asc", "desc"} {
			page := allEvents(t, e, fmt.Sprintf("sort=%s&order=%s", key, order))
			if len(page.Events) != all.Total {
				t.Fatalf("sort %s %s: %d events of %d", key, order, len(page.Events), all.Total)
			}
			val := func(ev eventItem) float64 {
				switch key {
				case "confidence":
					return ev.Confidence
				case "sources":
					return float64(len(ev.Sources))
				case "id":
					return float64(ev.ID)
				case "stage":
					if ev.Agreement == nil {
						return 0
					}
					return float64(slices.Index(event.Stages, ev.Agreement.Stage) + 1)
				case "type":
					return float64(slices.Index([]string{"agreement", "aid", "arms", "deployment", "exercise", "intelligence",
						"meeting", "rupture", "training"}, string(ev.Type)))
				}
				return float64(packDate(ev.Date))
			}
			for i := 1; i < len(page.Events); i++ {
				a, b := val(page.Events[i-1]), val(page.Events[i])
				if (order == "asc" && a > b) || (order == "desc" && a < b) {
					t.Errorf("sort %s %s: event %d (%v) before event %d (%v)", key, order, page.Events[i-1].ID, a, page.Events[i].ID, b)
					break
				}
			}
			// three pages of 7 are the first 21 events
			var joined []int64
			for off := 0; off < 21; off += 7 {
				var p eventPage
				e.getJSON(t, fmt.Sprintf("/api/events?limit=7&offset=%d&sort=%s&order=%s", off, key, order), &p)
				for _, ev := range p.Events {
					joined = append(joined, ev.ID)
				}
			}
			var first []int64
			for _, ev := range page.Events[:21] {
				first = append(first, ev.ID)
			}
			if !slices.Equal(joined, first) {
				t.Errorf("sort %s %s: pages give %v, one page %v", key, order, joined, first)
			}
		}
	}
}

// TestSafetyHeaders checks the headers of every kind of answer.
func TestSafetyHeaders(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/", "/events/1", "/api/meta", "/api/events/999999", "/api/nothing", "/watches/1/feed.atom"} {
		_, _, h := e.call(t, http.MethodGet, path, nil)
		for k, want := range map[string]string{"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff",
			"X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if got := h.Get(k); got != want {
				t.Errorf("GET %s: %s %q, want %q", path, k, got, want)
			}
		}
	}
	for _, dir := range []string{"script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "style-src 'self'"} {
		if !strings.Contains(csp, dir) {
			t.Errorf("the policy lacks %q", dir)
		}
	}
	if strings.Contains(csp, "unsafe") {
		t.Errorf("the policy allows something unsafe: %s", csp)
	}
}

// TestWriteProtection checks who may write, and how.
func TestWriteProtection(t *testing.T) {
	e := newEnv(t)
	var page eventPage
	e.getJSON(t, "/api/events?limit=1", &page)
	path := fmt.Sprintf("/api/events/%d/review", page.Events[0].ID)
	ok := map[string]any{"status": "confirmed"}
	cases := []struct {
		name    string
		body    any
		headers []string
		want    int
	}{
		{"no custom header", ok, []string{"X-Pactwatch", ""}, http.StatusForbidden},
		{"foreign origin", ok, []string{"Origin", "https://evil.example"}, http.StatusForbidden},
		{"cross-site fetch", ok, []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"form body", "status=confirmed", []string{"Content-Type", "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"text body", `{"status":"confirmed"}`, []string{"Content-Type", "text/plain"}, http.StatusUnsupportedMediaType},
		{"unknown field", map[string]any{"status": "confirmed", "admin": true}, nil, http.StatusBadRequest},
		{"two values", `{"status":"confirmed"}{"status":"rejected"}`, nil, http.StatusBadRequest},
		{"too large", map[string]any{"status": "confirmed", "note": strings.Repeat("x", 70<<10)}, nil, http.StatusRequestEntityTooLarge},
		{"other host name", ok, []string{"Host", "pactwatch.example:8080"}, http.StatusMisdirectedRequest},
		{"same origin", ok, []string{"Origin", e.ts.URL}, http.StatusOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body, _ := e.call(t, http.MethodPost, path, c.body, c.headers...)
			if status != c.want {
				t.Errorf("%d %s, want %d", status, body, c.want)
			}
		})
	}

	t.Run("token", func(t *testing.T) {
		tok := newEnv(t, func(o *Options) { o.Token = "s3cret-token" })
		for _, c := range []struct {
			headers []string
			want    int
		}{
			{nil, http.StatusUnauthorized},
			{[]string{"Authorization", "Bearer wrong"}, http.StatusUnauthorized},
			{[]string{"Authorization", "Bearer s3cret-token"}, http.StatusOK},
			{[]string{"X-Pactwatch-Token", "s3cret-token"}, http.StatusOK},
		} {
			if status, body, _ := tok.call(t, http.MethodPost, path, ok, c.headers...); status != c.want {
				t.Errorf("headers %v: %d %s, want %d", c.headers, status, body, c.want)
			}
		}
		var m meta
		tok.getJSON(t, "/api/meta", &m)
		if !m.TokenRequired || !m.Writable {
			t.Errorf("meta = writable %v, token %v", m.Writable, m.TokenRequired)
		}
	})
}

// TestReadOnly checks that a server without writes refuses every write
// and still reads.
func TestReadOnly(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Writable = false })
	for _, w := range []struct{ method, path string }{
		{"POST", "/api/events/1/review"}, {"POST", "/api/events/1/corrections"}, {"POST", "/api/watches"},
		{"DELETE", "/api/watches/1"}, {"POST", "/api/ingest"}, {"PUT", "/api/events"},
	} {
		status, body, _ := e.call(t, w.method, w.path, map[string]any{})
		if status != http.StatusForbidden || !strings.Contains(string(body), "read-only") {
			t.Errorf("%s %s: %d %s, want 403 read-only", w.method, w.path, status, body)
		}
	}
	var m meta
	e.getJSON(t, "/api/meta", &m)
	if m.Writable || m.Events == 0 {
		t.Errorf("meta = %+v", m)
	}
}

// reprocess re-extracts every stored article through the queue, as
// `pactwatch reprocess` does.
func reprocess(t *testing.T, e *env) {
	t.Helper()
	ctx := context.Background()
	b := e.q.NewBatcher(true)
	if err := e.st.EachArticle(ctx, func(key int64, _ string) error { return b.Add(ctx, key) }); err != nil {
		t.Fatal(err)
	}
	if err := b.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	// a page the pipeline cannot read is recorded with its reason, not an error
	if pr, err := e.q.Wait(wctx, b.Jobs, nil); err != nil || pr.Done != pr.Total {
		t.Fatalf("reprocess: %+v, %v", pr, err)
	}
	if err := e.srv.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestReviewSurvivesReprocess corrects, rejects and splits events through
// the API, re-extracts every article, and checks that the analysts' work
// stands: in the API, in the filters and in the downloads, with the
// machine's values still shown.
func TestReviewSurvivesReprocess(t *testing.T) {
	e := newEnv(t)
	page := allEvents(t, e, "sort=id&order=asc")
	var target, victim, multi eventItem
	for _, ev := range page.Events {
		switch {
		case target.ID == 0 && ev.Type == event.Meeting && len(ev.Sources) == 1:
			target = ev
		case multi.ID == 0 && len(ev.Sources) >= 3:
			multi = ev
		case victim.ID == 0 && ev.Type == event.Exercise:
			victim = ev
		}
	}
	if target.ID == 0 || victim.ID == 0 || multi.ID == 0 {
		t.Fatalf("events to review not found: %d %d %d", target.ID, victim.ID, multi.ID)
	}
	var d eventDetail
	e.postJSON(t, "POST", fmt.Sprintf("/api/events/%d/corrections", target.ID), map[string]any{
		"fields":   map[string]any{"type": "training", "date": "2020-01-02", "location": map[string]string{"name": "Atlantis", "country": "GRC"}},
		"reviewer": "Ada", "note": "the article describes a course",
	}, 200, &d)
	if d.Event.Type != event.Training || d.Event.Date != "2020-01-02" || d.Review == nil || d.Review.Fields["type"].By != "Ada" ||
		string(d.Review.Fields["type"].Machine) != `"meeting"` {
		t.Fatalf("after the correction: %+v %+v", d.Event, d.Review)
	}
	e.postJSON(t, "POST", fmt.Sprintf("/api/events/%d/review", victim.ID), map[string]any{"status": "rejected", "reviewer": "Ada"}, 200, nil)
	var split eventDetail
	e.postJSON(t, "POST", fmt.Sprintf("/api/events/%d/split", multi.ID), map[string]any{"articles": []string{multi.Sources[0].Article}}, 201, &split)

	check := func(when string) {
		var got eventDetail
		e.getJSON(t, fmt.Sprintf("/api/events/%d", target.ID), &got)
		if got.Event.Type != event.Training || got.Event.Date != "2020-01-02" || got.Event.Location == nil ||
			got.Event.Location.Name != "Atlantis" {
			t.Errorf("%s: corrected event = %+v", when, got.Event)
		}
		if got.Machine == nil || got.Machine.Type != event.Meeting || len(got.Review.History) != 1 {
			t.Errorf("%s: machine values %+v, history %+v", when, got.Machine, got.Review)
		}
		p := allEvents(t, e, "type=training&until=2020")
		if !slices.ContainsFunc(p.Events, func(x eventItem) bool { return x.ID == target.ID && x.Review.Corrected }) {
			t.Errorf("%s: a filter on the corrected values does not find event %d", when, target.ID)
		}
		p = allEvents(t, e, "")
		if slices.ContainsFunc(p.Events, func(x eventItem) bool { return x.ID == victim.ID }) {
			t.Errorf("%s: rejected event %d is listed", when, victim.ID)
		}
		e.getJSON(t, "/api/events?review=rejected", &p)
		if len(p.Events) != 1 || p.Events[0].ID != victim.ID {
			t.Errorf("%s: rejected events %+v", when, p.Events)
		}
		var a, b eventDetail
		e.getJSON(t, fmt.Sprintf("/api/events/%d", multi.ID), &a)
		e.getJSON(t, fmt.Sprintf("/api/events/%d", split.Event.ID), &b)
		if len(a.Event.Sources) != len(multi.Sources)-1 || len(b.Event.Sources) != 1 || b.Event.Sources[0].Article != multi.Sources[0].Article {
			t.Errorf("%s: split events have %d and %d sources", when, len(a.Event.Sources), len(b.Event.Sources))
		}
		status, body, _ := e.call(t, http.MethodGet, "/api/export?format=csv&type=training&until=2020", nil)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(body), "\ufeff"))).ReadAll()
		if status != 200 || err != nil || len(rows) < 2 {
			t.Fatalf("%s: export %d, %v, %d rows", when, status, err, len(rows))
		}
		found := false
		for _, r := range rows[1:] {
			found = found || (r[0] == fmt.Sprint(target.ID) && r[1] == "training" && r[4] == "2020-01-02" && r[5] == "Atlantis")
		}
		if !found {
			t.Errorf("%s: the CSV download lacks the corrected event: %v", when, rows)
		}
	}
	check("before reprocessing")
	reprocess(t, e)
	check("after reprocessing")

	// taking the correction back restores the machine's values
	d = eventDetail{}
	e.postJSON(t, "POST", fmt.Sprintf("/api/events/%d/corrections", target.ID), map[string]any{
		"fields": map[string]any{"type": nil, "date": nil, "location": nil}}, 200, &d)
	if d.Event.Type != event.Meeting || d.Event.Date != target.Date || len(d.Review.Fields) != 0 {
		t.Errorf("after taking the corrections back: type %s date %s (was %s), review %+v", d.Event.Type, d.Event.Date, target.Date, d.Review)
	}
}

// TestArticleEvidence checks that the evidence of every event is marked
// in its articles' cleaned text, and that the segments give the text back.
func TestArticleEvidence(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	var page eventPage
	e.getJSON(t, "/api/events?limit=60", &page)
	marked, rtl := 0, 0
	for _, ev := range page.Events {
		var d eventDetail
		e.getJSON(t, fmt.Sprintf("/api/events/%d", ev.ID), &d)
		for _, src := range d.Sources {
			if src.Key == 0 {
				t.Errorf("event %d source %s has no stored article", ev.ID, src.Article)
				continue
			}
			var a articleView
			e.getJSON(t, fmt.Sprintf("/api/articles/%d?event=%d", src.Key, ev.ID), &a)
			stored, err := e.st.Article(ctx, src.Key)
			if err != nil {
				t.Fatal(err)
			}
			var whole strings.Builder
			var marks []string
			for _, s := range a.Segments {
				whole.WriteString(s.Text)
				if s.Mark {
					marks = append(marks, s.Text)
				}
			}
			if whole.String() != stored.Text {
				t.Errorf("article %d: the segments do not give the cleaned text back", src.Key)
			}
			if a.Marks != len(marks) || a.Marks != src.Spans {
				t.Errorf("article %d event %d: %d marks, %d spans", src.Key, ev.ID, a.Marks, src.Spans)
			}
			for _, m := range marks {
				if !slices.ContainsFunc(src.Evidence, func(x string) bool { return strings.Contains(m, x) || strings.Contains(x, m) }) {
					t.Errorf("article %d: marked %q is not an evidence sentence of event %d", src.Key, m, ev.ID)
				}
			}
			marked += a.Marks
			if a.Dir == "rtl" {
				rtl++
				if a.Language != "ar" && a.Language != "fa" {
					t.Errorf("article %d in %s is shown right to left", src.Key, a.Language)
				}
			}
		}
	}
	if marked < 30 || rtl == 0 {
		t.Errorf("%d evidence passages marked, %d right-to-left articles", marked, rtl)
	}
}

func TestSegments(t *testing.T) {
	text := "Première phrase. Deuxième phrase. Troisième."
	second := strings.Index(text, "Deuxième")
	cases := []struct {
		name  string
		spans []event.Span
		marks []string
	}{
		{"none", nil, nil},
		{"one", []event.Span{{Start: second, End: second + len("Deuxième phrase.")}}, []string{"Deuxième phrase."}},
		{"whole", []event.Span{{Start: 0, End: len(text)}}, []string{text}},
		{"outside", []event.Span{{Start: 5, End: len(text) + 10}}, nil},
		{"inside a character", []event.Span{{Start: 6, End: 8}}, nil}, // "è" is two bytes at 5..7
		{"overlapping", []event.Span{{Start: 0, End: 10}, {Start: 5, End: 12}}, []string{text[:10]}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			segs, n := segments(text, c.spans)
			var whole strings.Builder
			var marks []string
			for _, s := range segs {
				whole.WriteString(s.Text)
				if s.Mark {
					marks = append(marks, s.Text)
				}
			}
			if whole.String() != text || n != len(marks) || !slices.Equal(marks, c.marks) {
				t.Errorf("segments = %+v (%d marks), want marks %q", segs, n, c.marks)
			}
		})
	}
}

// allEvents pages through every event a query selects.
func allEvents(t *testing.T, e *env, query string) eventPage {
	t.Helper()
	var all eventPage
	for off := 0; ; off += maxLimit {
		var p eventPage
		e.getJSON(t, fmt.Sprintf("/api/events?limit=%d&offset=%d&%s", maxLimit, off, query), &p)
		all.Total = p.Total
		all.Events = append(all.Events, p.Events...)
		if len(p.Events) < maxLimit {
			return all
		}
	}
}

// TestViews checks the aggregate views against the events themselves.
func TestViews(t *testing.T) {
	e := newEnv(t)
	all := allEvents(t, e, "")
	pairs := map[string]int{}
	for _, ev := range all.Events {
		cs := ev.Countries
		for i := range cs {
			for _, b := range cs[i+1:] {
				pairs[min(cs[i], b)+"-"+max(cs[i], b)]++
			}
		}
	}
	var g graph
	e.getJSON(t, "/api/graph?max_edges=5000", &g)
	if g.Events != all.Total || len(g.Edges) != len(pairs) || g.Truncated {
		t.Fatalf("graph: %d events, %d edges; want %d and %d", g.Events, len(g.Edges), all.Total, len(pairs))
	}
	for _, ed := range g.Edges {
		if pairs[ed.Source+"-"+ed.Target] != ed.Events {
			t.Errorf("edge %s-%s: %d events, want %d", ed.Source, ed.Target, ed.Events, pairs[ed.Source+"-"+ed.Target])
		}
		sum := 0
		for _, n := range ed.ByType {
			sum += n
		}
		if sum != ed.Events || ed.ByType[ed.Type] == 0 {
			t.Errorf("edge %+v: types do not add up", ed)
		}
	}
	// filtering the graph by type keeps only that type's pairs
	var ex graph
	e.getJSON(t, "/api/graph?type=deployment", &ex)
	if ex.Events == 0 || ex.Events >= g.Events {
		t.Errorf("deployment graph: %d events of %d", ex.Events, g.Events)
	}
	for _, ed := range ex.Edges {
		if len(ed.ByType) != 1 || ed.ByType["deployment"] != ed.Events {
			t.Errorf("deployment graph edge %+v", ed)
		}
	}
	var tl timeline
	e.getJSON(t, "/api/timeline?by=year", &tl)
	sum := tl.Undated
	for _, b := range tl.Buckets {
		sum += b.Total
	}
	if sum != all.Total || tl.Events != all.Total {
		t.Errorf("timeline: %d events in buckets, want %d", sum, all.Total)
	}
	var m worldMap
	e.getJSON(t, "/api/map", &m)
	if len(m.States) == 0 || len(m.Places) == 0 || len(m.Arcs) == 0 {
		t.Errorf("map: %d states, %d places, %d arcs", len(m.States), len(m.Places), len(m.Arcs))
	}
	for _, s := range m.States {
		if s.Placed && (s.Lat == 0 && s.Lon == 0) || s.Numeric == "" {
			t.Errorf("map state %+v", s)
		}
	}
	var p stateProfile
	e.getJSON(t, "/api/states/rwa", &p)
	if p.ISO3 != "RWA" || p.Name != "Rwanda" || p.Events == 0 || len(p.Partners) == 0 {
		t.Errorf("Rwanda's profile: %+v", p.stateInfo)
	}
	for i, x := range p.Partners {
		if x.ISO3 == "RWA" || (i > 0 && x.Events > p.Partners[i-1].Events) || pairs[min(x.ISO3, "RWA")+"-"+max(x.ISO3, "RWA")] != x.Events {
			t.Errorf("Rwanda's partner %d: %+v", i, x)
		}
	}
	for _, a := range p.Agreements {
		if !slices.Contains(a.Countries, "RWA") || a.Stage == "" {
			t.Errorf("Rwanda's agreement %+v", a)
		}
	}
	var ag agreementPage
	e.getJSON(t, "/api/agreements?limit=500", &ag)
	if ag.Total == 0 || len(ag.Agreements) != min(ag.Total, 500) {
		t.Fatalf("agreements: %d of %d", len(ag.Agreements), ag.Total)
	}
	histories := 0
	for _, a := range ag.Agreements {
		if a.Type != event.Agreement && a.Type != event.Rupture {
			t.Errorf("agreement %d is a %s", a.ID, a.Type)
		}
		if len(a.Stages) > 1 {
			histories++
		}
	}
	if histories == 0 {
		t.Error("no agreement has a stage history of two steps or more")
	}
	var mt meta
	e.getJSON(t, "/api/meta", &mt)
	if mt.Events != all.Total || len(mt.Regions) < 20 || len(mt.States) < 20 || mt.Built != e.srv.Built() {
		t.Errorf("meta: %d events, %d regions, %d states", mt.Events, len(mt.Regions), len(mt.States))
	}
}

// TestWatchAlerts subscribes a watch with a webhook, ingests a page that
// matches it, and finds the new event in the feed, the webhook's call and
// the watch's new events.
func TestWatchAlerts(t *testing.T) {
	var mu sync.Mutex
	var calls []webhookPayload
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p webhookPayload
		if r.Header.Get("Content-Type") != "application/json" || json.NewDecoder(r.Body).Decode(&p) != nil {
			http.Error(w, "bad payload", http.StatusBadRequest)
			return
		}
		mu.Lock()
		calls = append(calls, p)
		mu.Unlock()
	}))
	defer hook.Close()
	e := newEnv(t)
	var w watchView
	e.postJSON(t, "POST", "/api/watches", map[string]any{"countries": []string{"MNG", "ISL"}, "webhook": hook.URL}, 201, &w)
	var stage watchView
	e.postJSON(t, "POST", "/api/watches", map[string]any{"types": []string{"agreement"}, "stage": "ratified", "name": "ratified"}, 201, &stage)
	if w.Name != "ISL–MNG" || w.Feed != fmt.Sprintf("/watches/%d/feed.atom", w.ID) || w.New != 0 {
		t.Fatalf("watch = %+v", w)
	}
	feed := func(id int64) atomFeed {
		status, body, h := e.call(t, http.MethodGet, fmt.Sprintf("/watches/%d/feed.atom", id), nil)
		var f atomFeed
		if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/atom+xml") || xml.Unmarshal(body, &f) != nil {
			t.Fatalf("feed: %d %s", status, body)
		}
		return f
	}
	before := len(feed(w.ID).Entries)

	text := "REYKJAVIK, 14 October 2026 - Iceland and Mongolia signed a defence cooperation agreement in Reykjavik on Wednesday, the Icelandic foreign ministry said."
	var res ingestResult
	e.postJSON(t, "POST", "/api/ingest", map[string]any{"text": text, "keep": true}, 201, &res)
	if !res.Kept || len(res.Events) == 0 {
		t.Fatalf("ingest = %+v", res)
	}
	newID := res.Events[0].ID
	// the server checks watches in the background after a write; do it now
	if err := e.srv.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	f := feed(w.ID)
	if len(f.Entries) != before+1 || f.Entries[0].ID != fmt.Sprintf("tag:pactwatch,2026:event:%d", newID) ||
		!strings.Contains(f.Entries[0].Title, "ISL–MNG") || !strings.HasSuffix(f.Entries[0].Links[0].Href, fmt.Sprintf("/events/%d", newID)) {
		t.Errorf("feed after the ingest: %+v", f.Entries)
	}
	mu.Lock()
	got := slices.Clone(calls)
	mu.Unlock()
	if len(got) != 1 || got[0].Watch.ID != w.ID || len(got[0].Events) != 1 || got[0].Events[0].ID != newID {
		t.Errorf("webhook calls = %+v", got)
	}
	var list struct {
		Watches []watchView `json:"watches"`
	}
	e.getJSON(t, "/api/watches", &list)
	if len(list.Watches) != 2 || !slices.Equal(list.Watches[0].NewEvents, []int64{newID}) || list.Watches[1].New != 0 {
		t.Errorf("watches = %+v", list.Watches)
	}
	// a second check calls the webhook with nothing new
	e.srv.Refresh(context.Background())
	mu.Lock()
	if len(calls) != 1 {
		t.Errorf("webhook called %d times", len(calls))
	}
	mu.Unlock()
	var seen watchView
	e.postJSON(t, "POST", fmt.Sprintf("/api/watches/%d/seen", w.ID), nil, 200, &seen)
	if seen.New != 0 || len(seen.NewEvents) != 0 {
		t.Errorf("after seen: %+v", seen)
	}

	// ingesting the same page again changes nothing
	e.postJSON(t, "POST", "/api/ingest", map[string]any{"text": text, "keep": true}, 201, &res)
	if !res.Existed {
		t.Errorf("second ingest of the same text: %+v", res)
	}
}

// TestIngestPreview checks that a preview shows the events and stores
// nothing, by text and by URL.
func TestIngestPreview(t *testing.T) {
	e := newEnv(t)
	var before meta
	e.getJSON(t, "/api/meta", &before)
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<html lang="fr"><head><title>Accord</title></head><body><article><h1>Accord de défense</h1>
<p>DAKAR, 2 février 2026 – Le Sénégal et la Mauritanie ont signé lundi un accord de coopération en matière de défense à Dakar.</p></article></body></html>`)
	}))
	defer page.Close()
	for _, body := range []map[string]any{
		{"text": "ABUJA, 9 June 2026 - Nigeria and Benin agreed on Monday to share intelligence on armed groups along their border, officials said."},
		{"url": page.URL + "/accord.html"},
	} {
		var res ingestResult
		e.postJSON(t, "POST", "/api/ingest", body, 200, &res)
		if res.Kept || len(res.Found) == 0 || res.Article.Key != 0 {
			t.Errorf("preview of %v = %+v", body, res)
		}
	}
	var after meta
	e.getJSON(t, "/api/meta", &after)
	if after.Events != before.Events {
		t.Errorf("a preview stored events: %d, then %d", before.Events, after.Events)
	}
}

// TestIndexFollowsTheStore checks that the index sees writes made by
// another process: new events, updates and deletions.
func TestIndexFollowsTheStore(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	var before eventPage
	e.getJSON(t, "/api/events?limit=1", &before)
	var g0 graph
	e.getJSON(t, "/api/graph?country=ARM", &g0) // cached for this snapshot
	// another writer: extraction through the queue without the server
	if err := ingestPaths(ctx, e.st, e.q, "testdata/extra"); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	var after eventPage
	e.getJSON(t, "/api/events?limit=1&country=ARM", &after)
	if after.Total == 0 {
		t.Errorf("the index did not pick up the new article's events")
	}
	var g1 graph
	e.getJSON(t, "/api/graph?country=ARM", &g1)
	if g1.Events != after.Total || g1.Events <= g0.Events {
		t.Errorf("the graph of Armenia has %d events after the ingest, %d before (a stale answer?)", g1.Events, g0.Events)
	}
	// the article's mentions go: its events are deleted
	var key int64
	e.st.EachArticle(ctx, func(k int64, _ string) error { key = max(key, k); return nil })
	if _, err := e.st.SaveExtraction(ctx, key, store.Extraction{Version: "gone"}); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	var gone eventPage
	e.getJSON(t, "/api/events?limit=1", &gone)
	if gone.Total != before.Total {
		t.Errorf("after the deletion %d events, before the ingest %d", gone.Total, before.Total)
	}
}
