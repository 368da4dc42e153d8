package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"pactwatch/internal/ingest"
	"pactwatch/internal/source"
)

// The browser tests drive Debian's Chromium (headless) through chromedp
// against the server on a loopback port, as `pactwatch serve` runs it.
// They skip when /usr/bin/chromium is missing (scripts/chromium.sh installs
// it) and fail when the web app is not built (scripts/web-build.sh). The
// screenshots go to $PACTWATCH_SCREENSHOTS when it is set, else to a
// temporary folder.

const chromiumPath = "/usr/bin/chromium"

// guard runs in every page before the app: it records Content-Security-
// Policy violations, which the tests want none of.
const guard = `window.__pw = {violations: []};
document.addEventListener('securitypolicyviolation', function (e) {
  window.__pw.violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});`

type browser struct {
	t       *testing.T
	e       *env
	ctx     context.Context
	base    string
	shots   string
	dialogs atomic.Int32
}

func newBrowser(t *testing.T, e *env) *browser {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser tests need %s: run scripts/chromium.sh (as root) to install Debian's chromium", chromiumPath)
	}
	if !e.srv.Built() {
		t.Fatal("the web app is not built into this test binary: run scripts/web-build.sh, then go test again")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := e.srv.HTTPServer("")
	go hs.Serve(ln)
	runCtx, stopRun := context.WithCancel(context.Background())
	go e.srv.Run(runCtx)
	t.Cleanup(func() {
		stopRun()
		hs.Close()
	})
	shots := os.Getenv("PACTWATCH_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "en-GB"),
		chromedp.WindowSize(1360, 900),
		chromedp.UserDataDir(t.TempDir()),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	b := &browser{t: t, e: e, ctx: ctx, base: "http://" + ln.Addr().String(), shots: shots}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: guard}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// A dialog (alert, confirm) would mean that hostile text ran: count it
	// and close it, so that the page does not hang.
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			b.dialogs.Add(1)
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return b
}

// do runs browser steps, failing the test on an error.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates an expression in the page.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// until waits for an expression to be true in the page (the app renders
// after its API calls answer).
func (b *browser) until(what, expr string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool]("!!("+expr+")", chromedp.WithPollingInterval(50*time.Millisecond)))
		if err == nil {
			return
		}
		// a poll that began in the document being replaced: look again
		if ctx.Err() == nil && (strings.Contains(err.Error(), "Cannot find context") || strings.Contains(err.Error(), "context was destroyed")) {
			continue
		}
		state, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.href + ' ' + document.getElementById('view').outerHTML.slice(0, 400)`))
		b.t.Fatalf("waiting for %s: %v (page: %s)", what, err, state)
	}
}

// ready is true once the view has rendered.
func ready(view string) string {
	return fmt.Sprintf(`document.querySelector('#view[data-view=%q][data-ready]')`, view)
}

// open loads an address of the app and waits for its view.
func (b *browser) open(path, view string) {
	b.t.Helper()
	b.do("open "+path, chromedp.Navigate(b.base+path))
	b.until(view+" view at "+path, ready(view))
	b.clean(path)
}

// clean checks that nothing ran that should not have: no payload flag, no
// dialog, no policy violation.
func (b *browser) clean(where string) {
	b.t.Helper()
	var st struct {
		Pwned      any      `json:"pwned"`
		Violations []string `json:"violations"`
		Guard      bool     `json:"guard"`
	}
	js := eval[string](b, `JSON.stringify({pwned: window.__pwned === undefined ? null : window.__pwned,
		violations: window.__pw ? window.__pw.violations : [], guard: !!window.__pw})`)
	if err := json.Unmarshal([]byte(js), &st); err != nil {
		b.t.Fatal(err)
	}
	if !st.Guard {
		b.t.Errorf("%s: the policy guard did not run", where)
	}
	if st.Pwned != nil {
		b.t.Errorf("%s: a payload ran (window.__pwned = %v)", where, st.Pwned)
	}
	if len(st.Violations) > 0 {
		b.t.Errorf("%s: Content-Security-Policy violations: %v", where, st.Violations)
	}
	if n := b.dialogs.Load(); n > 0 {
		b.t.Errorf("%s: %d dialog(s) opened", where, n)
	}
}

// shot saves a screenshot of the window.
func (b *browser) shot(name string) string {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(b.shots, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", path)
	return path
}

// TestBrowserWorkbench is the analyst's round: filter the graph, open an
// event, check its highlighted evidence, correct it, reload and see the
// correction, subscribe a watch and see the new event in its feed after
// an ingest.
func TestBrowserWorkbench(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.CheckEvery = 300 * time.Millisecond })
	b := newBrowser(t, e)

	// The network, then filtered to one type; the filter survives a reload.
	start := time.Now()
	b.open("/", "network")
	t.Logf("first page with the network drawn in %v", time.Since(start).Round(time.Millisecond))
	b.until("graph drawn", `document.querySelector('#graph[data-layout="done"] canvas')`)
	all := eval[int](b, `Number(document.getElementById('graph').dataset.edges)`)
	b.shot("01-network.png")
	b.do("filter deployments",
		chromedp.Click(chromedp.CSS(`form.filters input[name=type][value=deployment]`)),
		chromedp.Click(chromedp.CSS(`form.filters button.apply`)))
	b.until("filtered graph", `location.search.includes('type=deployment') && `+ready("network")+` && document.querySelector('#graph[data-edges]')`)
	dep := eval[int](b, `Number(document.getElementById('graph').dataset.edges)`)
	if dep == 0 || dep >= all {
		t.Fatalf("the graph has %d pairs, %d after filtering to deployments", all, dep)
	}
	types := eval[[]string](b, `[...document.querySelectorAll('table.pairs tbody tr td:nth-child(3)')].map(td => td.textContent)`)
	for _, ty := range types {
		if ty != "deployment" {
			t.Errorf("a pair of the filtered graph is mostly %q", ty)
		}
	}
	b.do("reload", chromedp.Reload())
	b.until("filtered graph after a reload", ready("network")+` && document.querySelector('#graph[data-edges]')`)
	if got := eval[int](b, `Number(document.getElementById('graph').dataset.edges)`); got != dep ||
		!eval[bool](b, `document.querySelector('form.filters input[name=type][value=deployment]').checked`) {
		t.Errorf("after a reload: %d pairs (want %d), or the filter is lost", got, dep)
	}
	b.until("graph laid out", `document.querySelector('#graph[data-layout="done"]')`)
	b.clean("filtered network")
	b.shot("02-network-deployments.png")

	// A pair's events, then one event.
	b.do("open a pair", chromedp.Click(chromedp.CSS(`table.pairs tbody tr:first-child a.pair`)))
	b.until("the pair's events", `location.pathname === '/events' && `+ready("events")+` && document.querySelector('table.events')`)
	if q := eval[string](b, `location.search`); strings.Count(q, "country=") != 2 || !strings.Contains(q, "type=deployment") {
		t.Errorf("the pair's events are at %q", q)
	}
	b.shot("03-events.png")
	b.do("open an event", chromedp.Click(chromedp.CSS(`table.events tbody tr:first-child td:first-child a`)))
	b.until("the event page", `/^\/events\/\d+$/.test(location.pathname) && `+ready("event")+` && document.querySelector('mark.evidence')`)
	id, _ := strconv.ParseInt(strings.TrimPrefix(eval[string](b, `location.pathname`), "/events/"), 10, 64)
	var before eventDetail
	e.getJSON(t, fmt.Sprintf("/api/events/%d", id), &before)

	// Its evidence is highlighted in the articles' text.
	marks := eval[[]string](b, `[...document.querySelectorAll('mark.evidence')].map(m => m.textContent)`)
	if len(marks) == 0 {
		t.Fatal("no evidence highlighted")
	}
	evidence := slices.Clone(before.Event.Evidence)
	for _, s := range before.Sources {
		evidence = append(evidence, s.Evidence...)
	}
	for _, m := range marks {
		if !slices.ContainsFunc(evidence, func(ev string) bool { return strings.Contains(m, ev) || strings.Contains(ev, m) }) {
			t.Errorf("highlighted %q is not evidence of event %d (%q)", m, id, evidence)
		}
	}
	if n := eval[int](b, `document.querySelectorAll('.article-text').length`); n != len(before.Sources) {
		t.Errorf("%d article texts shown for %d sources", n, len(before.Sources))
	}
	b.clean("event page")
	b.shot("04-event.png")
	eval[bool](b, `(document.querySelector('ol.sources').scrollIntoView(), true)`)
	b.shot("04-event-evidence.png")

	// Correct it; the page shows the correction beside the machine's value,
	// and so does a reload.
	b.do("correct the event",
		chromedp.SetValue(chromedp.CSS(`#correct select[name=type]`), "training"),
		chromedp.SetValue(chromedp.CSS(`#correct input[name=date]`), "2024-12"),
		chromedp.Click(chromedp.CSS(`#correct button[type=submit]`)))
	b.until("the corrected event", ready("event")+` && document.querySelector('tr.corrected[data-field="type"]')`)
	b.do("reload", chromedp.Reload())
	b.until("the corrected event after a reload", ready("event")+` && document.querySelector('tr[data-field="type"]')`)
	typ := eval[string](b, `document.querySelector('tr[data-field="type"] td.value').textContent`)
	machine := eval[string](b, `document.querySelector('tr[data-field="type"] td.machine').textContent`)
	date := eval[string](b, `document.querySelector('tr[data-field="date"] td.value').textContent`)
	if typ != "training" || !strings.Contains(machine, "machine: "+string(before.Event.Type)) || date != "2024-12" {
		t.Errorf("after a reload: type %q, machine %q, date %q", typ, machine, date)
	}
	var after eventDetail
	e.getJSON(t, fmt.Sprintf("/api/events/%d", id), &after)
	if after.Event.Type != "training" || after.Review == nil || after.Review.Fields["type"].By == "" {
		t.Errorf("the store has %+v", after.Event)
	}
	b.clean("corrected event")
	b.shot("05-event-corrected.png")

	// Subscribe a watch on a pair, ingest a page about that pair, and find
	// the new event in the watch's feed and flagged in the table.
	b.open("/watches", "watches")
	b.do("save a watch",
		chromedp.SetValue(chromedp.CSS(`#new-watch input[name=countries]`), "ISL, MNG"),
		chromedp.Click(chromedp.CSS(`#new-watch button[type=submit]`)))
	b.until("the watch page", `/^\/watches\/\d+$/.test(location.pathname) && `+ready("watches"))
	watch, _ := strconv.ParseInt(strings.TrimPrefix(eval[string](b, `location.pathname`), "/watches/"), 10, 64)
	b.open("/ingest", "ingest")
	text := "REYKJAVIK, 14 October 2026 - Iceland and Mongolia signed a defence cooperation agreement in Reykjavik on Wednesday, the Icelandic foreign ministry said.\n\nThe agreement covers the training of officers and the exchange of liaison staff."
	b.do("ingest a page",
		chromedp.SetValue(chromedp.CSS(`#ingest textarea[name=text]`), text),
		chromedp.Click(chromedp.CSS(`#keep`)))
	b.until("the ingest result", `document.querySelector('#ingest-done[data-kept="1"] ul.kept a')`)
	href := eval[string](b, `document.querySelector('#ingest-done ul.kept a').getAttribute('href')`)
	newID, err := strconv.ParseInt(strings.TrimPrefix(href, "/events/"), 10, 64)
	if err != nil {
		t.Fatalf("kept event link %q", href)
	}
	b.clean("ingest")
	b.shot("06-ingest.png")
	feed := fmt.Sprintf("/watches/%d/feed.atom", watch)
	entry := fmt.Sprintf("<id>tag:pactwatch,2026:event:%d</id>", newID)
	deadline := time.Now().Add(30 * time.Second)
	for {
		status, body, _ := e.call(t, http.MethodGet, feed, nil)
		if status == 200 && strings.Contains(string(body), entry) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the feed never listed event %d: %s", newID, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.do("open the feed", chromedp.Navigate(b.base+feed))
	if src := eval[string](b, `document.documentElement.outerHTML`); !strings.Contains(src, fmt.Sprintf("event:%d", newID)) {
		t.Errorf("the browser's copy of the feed lacks event %d", newID)
	}
	b.open("/events?country=ISL&country=MNG", "events")
	b.until("the new event flagged", fmt.Sprintf(`document.querySelector('table.events tr.new[data-id="%d"]')`, newID))
	b.open(fmt.Sprintf("/watches/%d", watch), "watches")
	if n := eval[int](b, fmt.Sprintf(`document.querySelectorAll('ul.hits li.new[data-event="%d"]').length`, newID)); n != 1 {
		t.Errorf("the watch page shows event %d as new %d times", newID, n)
	}
	b.shot("07-watch.png")

	// The other views draw, with no policy violation.
	for _, v := range []struct{ path, view, ready, shot string }{
		{"/map", "map", `document.querySelectorAll('svg.map .countries path.active').length > 10`, "08-map.png"},
		{"/timeline", "timeline", `document.querySelectorAll('svg.timeline rect').length > 5 && document.querySelector('svg.lanes')`, "09-timeline.png"},
		{"/states/KEN", "state", `document.querySelectorAll('table.partners tbody tr').length > 0`, "10-state.png"},
		{"/agreements", "agreements", `document.querySelectorAll('svg.lanes g.lane').length > 0`, "11-agreements.png"},
	} {
		b.open(v.path, v.view)
		b.until(v.path+" drawn", v.ready)
		b.clean(v.path)
		b.shot(v.shot)
	}
}

// TestBrowserHostilePages ingests pages whose text holds script tags,
// event-handler attributes, javascript: links and right-to-left override
// characters, shows them in every view, and checks in the browser that
// nothing ran.
func TestBrowserHostilePages(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "hostile.db")
	e := serveStore(t, dsn, func(o *Options) { o.CheckEvery = 300 * time.Millisecond })
	ctx := context.Background()
	if err := ingestPaths(ctx, e.st, e.q, "testdata/xss"); err != nil {
		t.Fatal(err)
	}
	b0 := e.q.NewBatcher(false)
	err := ingest.JSONL(ctx, "testdata/xss/hostile.jsonl", func(a *source.Article) error {
		key, _, err := e.st.PutArticle(ctx, a)
		if err != nil {
			return err
		}
		return b0.Add(ctx, key)
	}, func(where string, err error) { t.Errorf("%s: %v", where, err) })
	if err != nil {
		t.Fatal(err)
	}
	b0.Flush(ctx)
	if _, err := e.q.Wait(ctx, b0.Jobs, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	var page eventPage
	e.getJSON(t, "/api/events", &page)
	if page.Total != 4 {
		t.Fatalf("%d events from the hostile pages, want 4", page.Total)
	}
	b := newBrowser(t, e)
	// nothing the app adds may be a script, a frame, a handler or a
	// javascript: link
	const dangerous = `[...document.querySelectorAll('script:not([src^="/assets/"]), iframe, object, embed, svg[onload], img[onerror], ` +
		`a[href^="javascript:" i], [onmouseover], [onclick], [onerror], [onload]')].map(x => x.outerHTML.slice(0, 80))`
	check := func(where string) {
		t.Helper()
		b.clean(where)
		if bad := eval[[]string](b, dangerous); len(bad) > 0 {
			t.Errorf("%s: elements from the data: %v", where, bad)
		}
	}
	overrides := 0
	for _, ev := range page.Events {
		path := fmt.Sprintf("/events/%d", ev.ID)
		b.open(path, "event")
		b.until("evidence", `document.querySelector('mark.evidence')`)
		// hover and click over the evidence, where handlers would sit
		b.do("touch the evidence", chromedp.Click(chromedp.CSS(`mark.evidence`)))
		check(path)
		body := eval[string](b, `document.getElementById('view').innerText`)
		if !strings.Contains(body, "<script>") && !strings.Contains(body, "<iframe") && !strings.Contains(body, "<b onmouseover") {
			t.Errorf("%s: the hostile markup is not shown as text", path)
		}
		overrides += eval[int](b, `document.querySelectorAll('.ctrl').length`)
		if slices.Contains(ev.Countries, "SEN") {
			if !eval[bool](b, `!!document.querySelector('.article-text[dir="rtl"]')`) {
				t.Errorf("%s: the Arabic article is not shown right to left", path)
			}
			b.shot("xss-rtl-event.png")
		}
		if slices.Contains(ev.Countries, "TZA") {
			if n := eval[int](b, `document.querySelectorAll('li.source .unsafe-link').length`); n != 1 {
				t.Errorf("%s: the javascript: source address is shown as %d plain texts, want 1", path, n)
			}
			b.shot("xss-event.png")
		}
	}
	if overrides < 4 {
		t.Errorf("%d direction controls made visible, want at least 4", overrides)
	}
	for _, v := range []struct{ path, view string }{
		{"/events?q=script", "events"}, {"/network", "network"}, {"/states/KEN", "state"}, {"/agreements", "agreements"},
		{"/timeline", "timeline"}, {"/map", "map"},
	} {
		b.open(v.path, v.view)
		check(v.path)
	}
	// the hostile text pasted into the ingest form, previewed
	b.open("/ingest", "ingest")
	raw, err := os.ReadFile("testdata/xss/ke_ug_script.txt")
	if err != nil {
		t.Fatal(err)
	}
	b.do("preview a hostile page",
		chromedp.SetValue(chromedp.CSS(`#ingest textarea[name=text]`), string(raw)),
		chromedp.Click(chromedp.CSS(`#preview`)))
	b.until("the preview", `document.querySelector('#ingest-done[data-kept="0"] ul.found li')`)
	check("ingest preview")
	// a watch named with markup, and its feed
	var w watchView
	e.postJSON(t, "POST", "/api/watches", map[string]any{"countries": []string{"KEN"}, "name": `<img src=x onerror="window.__pwned=20">`}, 201, &w)
	b.open("/watches", "watches")
	check("watches")
	b.open(fmt.Sprintf("/watches/%d", w.ID), "watches")
	check("watch")
	if title := eval[string](b, `document.querySelector('h1').textContent`); !strings.Contains(title, "<img") {
		t.Errorf("the watch's name is shown as %q", title)
	}
	status, feed, _ := e.call(t, http.MethodGet, w.Feed, nil)
	if status != 200 || strings.Contains(string(feed), "<img") || !regexp.MustCompile(`&lt;img`).Match(feed) {
		t.Errorf("the feed does not escape the name: %s", feed)
	}
}

// TestBrowserLargeStore measures, on the store PACTWATCH_BENCH_DB names
// (`pactwatch generate --db FILE --n 1000000`), how long the app's first
// page takes to show the network, and the events table its first page.
// It logs the times and asserts none; without the variable it skips.
func TestBrowserLargeStore(t *testing.T) {
	dsn := os.Getenv("PACTWATCH_BENCH_DB")
	if dsn == "" {
		t.Skip("set PACTWATCH_BENCH_DB to a large store to measure the app's first page on it")
	}
	start := time.Now()
	e := serveStore(t, dsn)
	t.Logf("store opened and index loaded in %v", time.Since(start).Round(time.Millisecond))
	b := newBrowser(t, e)
	for _, v := range []struct{ path, view, drawn string }{
		{"/", "network", `document.querySelector('#graph canvas')`},
		{"/events?country=FRA&type=agreement", "events", `document.querySelector('table.events tbody tr')`},
		{"/map", "map", `document.querySelector('svg.map .countries path.active')`},
	} {
		start := time.Now()
		b.open(v.path, v.view)
		b.until(v.path+" drawn", v.drawn)
		t.Logf("%s: shown in %v (from navigation to drawn)", v.path, time.Since(start).Round(time.Millisecond))
		t.Logf("  in the page: %s", eval[string](b, `JSON.stringify({now: Math.round(performance.now()),
			graph_drawn_at: performance.getEntriesByName('graph-drawn').map(m => Math.round(m.startTime + m.duration)),
			layout_done_at: performance.getEntriesByName('graph-layout').map(m => Math.round(m.startTime + m.duration)),
			resources: performance.getEntriesByType('resource').map(r => r.name.replace(location.origin, '') + ' ' + Math.round(r.startTime) + '+' + Math.round(r.duration))})`))
	}
	b.open("/", "network")
	b.until("the network laid out", `document.querySelector('#graph[data-layout="done"]')`)
	t.Logf("forces layout: %s ms", eval[string](b, `JSON.stringify(performance.getEntriesByName('graph-layout').map(m => Math.round(m.duration)))`))
	b.shot("large-network.png")
}
