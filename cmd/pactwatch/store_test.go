package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"pactwatch/internal/event"
)

// corpusDir is the project's own test pages.
const corpusDir = "../../testdata/corpus"

// summary reads ingest's last line into its counts.
var summaryRE = regexp.MustCompile(`read (\d+), already stored (\d+), failed (\d+), mentions (\d+), events created (\d+), events updated (\d+)`)

func ingestSummary(t *testing.T, out string) []int {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line in ingest output:\n%s", out)
	}
	n := make([]int, 6)
	for i := range n {
		fmt.Sscan(m[i+1], &n[i])
	}
	return n
}

// exportJSONL exports the store and reads the records back.
func exportJSONL(t *testing.T, db string) []event.Record {
	t.Helper()
	r := pactwatch(t, "", "export", "--db", db, "--format", "jsonl")
	if r.code != 0 {
		t.Fatalf("export: %d\n%s", r.code, r.stderr)
	}
	var out []event.Record
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec event.Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("export line: %v\n%s", err, sc.Text())
		}
		out = append(out, rec)
	}
	return out
}

// fingerprint is a store's events without ids and times, sorted: two
// stores with the same fingerprint hold the same events.
func fingerprint(recs []event.Record) []string {
	var out []string
	for _, r := range recs {
		var srcs []string
		for _, s := range r.Sources {
			srcs = append(srcs, s.Article)
		}
		sort.Strings(srcs)
		stage := ""
		if r.Agreement != nil {
			stage = string(r.Agreement.Stage)
		}
		out = append(out, fmt.Sprintf("%s %s %s %s [%s]", r.Key(), r.Date, r.Initiator, stage, strings.Join(srcs, ",")))
	}
	sort.Strings(out)
	return out
}

func TestIngestTwiceIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pw.db")
	r := pactwatch(t, "", "ingest", "--db", db, corpusDir)
	if r.code != 0 {
		t.Fatalf("ingest: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	first := ingestSummary(t, r.stdout)
	if first[0] < 50 || first[1] != 0 || first[3] == 0 || first[4] == 0 {
		t.Errorf("first ingest summary = %v, want about 52 read, 0 stored before, mentions and events", first)
	}
	before := fingerprint(exportJSONL(t, db))
	// flags after the sources, the same folder again
	r = pactwatch(t, "", "ingest", corpusDir, "--db", db)
	if r.code != 0 {
		t.Fatalf("second ingest: %d\n%s", r.code, r.stderr)
	}
	second := ingestSummary(t, r.stdout)
	if second[0] != 0 || second[1] != first[0] || second[4] != 0 || second[5] != 0 {
		t.Errorf("second ingest summary = %v, want 0 read, %d already stored, no event created or updated", second, first[0])
	}
	if after := fingerprint(exportJSONL(t, db)); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("events changed on the second ingest:\nbefore %v\nafter %v", before, after)
	}
	// the merged events are those extract gives, one store record per page event at most
	x := pactwatch(t, "", "extract", corpusDir)
	if n := len(strings.Split(strings.TrimSpace(x.stdout), "\n")); len(before) > n || len(before) == 0 {
		t.Errorf("%d stored events for %d extracted mentions", len(before), n)
	}
	// reprocess rebuilds the same events
	r = pactwatch(t, "", "reprocess", "--db", db)
	if r.code != 0 {
		t.Fatalf("reprocess: %d\n%s", r.code, r.stderr)
	}
	if after := fingerprint(exportJSONL(t, db)); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("events changed on reprocess:\nbefore %v\nafter %v", before, after)
	}
}

func TestEventsAndExports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pw.db")
	if r := pactwatch(t, "", "ingest", "--db", db, corpusDir); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	all := exportJSONL(t, db)
	if len(all) == 0 {
		t.Fatal("no events stored")
	}
	for _, rec := range all {
		if rec.ID == 0 || len(rec.Sources) == 0 || len(rec.Evidence) == 0 {
			t.Errorf("record %d lacks id, sources or evidence: %+v", rec.ID, rec)
		}
		if err := rec.Validate(); err != nil {
			t.Errorf("record %d: %v", rec.ID, err)
		}
	}
	// one state, as table (fits 120 columns), jsonl and csv
	iso := all[0].Countries[0]
	r := pactwatch(t, "", "events", "--db", db, "--country", iso, "--limit", "0")
	if r.code != 0 {
		t.Fatalf("events: %s", r.stderr)
	}
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	for _, l := range lines {
		if utf8.RuneCountInString(l) > 120 {
			t.Errorf("table line longer than 120 columns: %q", l)
		}
	}
	r = pactwatch(t, "", "events", "--db", db, "--country", iso, "--format", "jsonl", "--limit", "0")
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var rec event.Record
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("events jsonl: %v: %s", err, l)
		}
		found := false
		for _, c := range rec.Countries {
			found = found || c == iso
		}
		if !found {
			t.Errorf("event %d %v does not involve %s", rec.ID, rec.Countries, iso)
		}
		n++
	}
	if len(lines)-1 != n {
		t.Errorf("table has %d rows, jsonl %d", len(lines)-1, n)
	}
	r = pactwatch(t, "", "events", "--db", db, "--type", "agreement", "--format", "csv", "--limit", "0")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("events csv: %v, %d rows\n%s", err, len(rows), r.stdout)
	}
	// bad filters are refused with the flag named
	for _, args := range [][]string{{"--country", "KENYA"}, {"--type", "party"}, {"--since", "May 2024"}} {
		r := pactwatch(t, "", append([]string{"events", "--db", db}, args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, args[0]) {
			t.Errorf("events %v: code %d, stderr %q", args, r.code, r.stderr)
		}
	}
	// every export format to a file, parsed back
	dir := t.TempDir()
	for _, f := range []string{"jsonl", "csv", "graphml", "geojson", "dyadyear"} {
		out := filepath.Join(dir, "x."+f)
		r := pactwatch(t, "", "export", "--db", db, "--format", f, "--out", out)
		if r.code != 0 {
			t.Fatalf("export %s: %s", f, r.stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil || len(b) == 0 {
			t.Fatalf("export %s: %v, %d bytes", f, err, len(b))
		}
		switch f {
		case "graphml":
			var doc struct {
				Graph struct {
					Nodes []struct {
						ID string `xml:"id,attr"`
					} `xml:"node"`
					Edges []struct{} `xml:"edge"`
				} `xml:"graph"`
			}
			if err := xml.Unmarshal(b, &doc); err != nil || len(doc.Graph.Nodes) < 2 || len(doc.Graph.Edges) == 0 {
				t.Errorf("graphml: %v, %d nodes, %d edges", err, len(doc.Graph.Nodes), len(doc.Graph.Edges))
			}
		case "geojson":
			var fc struct {
				Type     string            `json:"type"`
				Features []json.RawMessage `json:"features"`
			}
			if err := json.Unmarshal(b, &fc); err != nil || fc.Type != "FeatureCollection" {
				t.Errorf("geojson: %v, type %q", err, fc.Type)
			}
		case "csv", "dyadyear":
			rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
			if err != nil || len(rows) < 2 {
				t.Errorf("%s: %v, %d rows", f, err, len(rows))
			}
		}
	}
}

func TestStoreCommandsHelpAndVersion(t *testing.T) {
	for _, c := range []string{"ingest", "watch", "work", "events", "export", "reprocess", "generate", "extract", "eval", "bench"} {
		r := pactwatch(t, "", c, "--help")
		if r.code != 0 || !strings.Contains(r.stderr+r.stdout, "usage: pactwatch "+c) {
			t.Errorf("%s --help: code %d\n%s%s", c, r.code, r.stdout, r.stderr)
		}
	}
	r := pactwatch(t, "", "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "pactwatch ") || !strings.Contains(r.stdout, "extractor ") {
		t.Errorf("--version: %d %q", r.code, r.stdout)
	}
}

// A local HTTP server serves pages, a feed and failures; ingest stores what
// it can and records the rest with its reason.
func TestIngestURLsAndFeeds(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/news/kenya-rwanda", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, agreementEN)
	})
	mux.HandleFunc("/news/togo-benin", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, visitFRHTML)
	})
	mux.HandleFunc("/private/secret", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, agreementEN) })
	var srv *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Togo and Benin</title><link>%[1]s/news/togo-benin</link><pubDate>Fri, 07 Feb 2025 09:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>%[1]s/news/missing</link></item>
</channel></rss>`, srv.URL)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "pw.db")
	r := pactwatch(t, "", "ingest", "--db", db, srv.URL+"/news/kenya-rwanda", srv.URL+"/private/secret", "--feed", srv.URL+"/feed.xml")
	n := ingestSummary(t, r.stdout)
	if n[0] != 2 || n[2] != 2 || r.code != 1 {
		t.Errorf("summary %v (code %d), want 2 read and 2 failed (robots, 404)\n%s", n, r.code, r.stderr)
	}
	recs := exportJSONL(t, db)
	urls := map[string]bool{}
	for _, rec := range recs {
		for _, s := range rec.Sources {
			urls[s.URL] = true
		}
	}
	if !urls[srv.URL+"/news/kenya-rwanda"] || !urls[srv.URL+"/news/togo-benin"] {
		t.Errorf("sources %v lack the fetched pages", urls)
	}
	// the second poll is conditional: nothing new
	r = pactwatch(t, "", "ingest", "--db", db, "--feed", srv.URL+"/feed.xml")
	if n := ingestSummary(t, r.stdout); n[0] != 0 || n[4] != 0 {
		t.Errorf("second poll summary %v, want nothing new", n)
	}
}

// Killing ingest at random moments never loses what it committed nor
// leaves the store inconsistent, and a rerun finishes the rest: the store
// ends with the same events as a run that was never interrupted.
func TestIngestSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: kills and reruns ingest")
	}
	pages := filepath.Join(t.TempDir(), "pages")
	if r := pactwatch(t, "", "generate", "--pages", pages, "--n", "400", "--seed", "3"); r.code != 0 {
		t.Fatalf("generate: %s", r.stderr)
	}
	clean := filepath.Join(t.TempDir(), "clean.db")
	if r := pactwatch(t, "", "ingest", "--db", clean, pages); r.code != 0 {
		t.Fatalf("clean ingest: %s", r.stderr)
	}
	want := fingerprint(exportJSONL(t, clean))
	db := filepath.Join(t.TempDir(), "crash.db")
	rnd := rand.New(rand.NewPCG(1, 2))
	for round := range 4 {
		cmd := exec.Command(pactwatchBin, "ingest", "--db", db, "--stuck-after", "4s", pages)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(200+rnd.IntN(1200)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		t.Logf("round %d: killed", round)
	}
	r := pactwatch(t, "", "ingest", "--db", db, "--stuck-after", "4s", pages)
	if r.code != 0 {
		t.Fatalf("final ingest: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	t.Logf("final run: %s", strings.TrimSpace(r.stdout))
	got := fingerprint(exportJSONL(t, db))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after kills the store has %d events, an uninterrupted run %d", len(got), len(want))
	}
}

// watch polls a feed until stopped, ingesting each new item once; the
// store can be read while it writes.
func TestWatchPollsAndStops(t *testing.T) {
	var mu sync.Mutex
	items := []string{}
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		mu.Lock()
		defer mu.Unlock()
		for _, it := range items {
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s/news/%s</link></item>", it, srv.URL, it)
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>%s</channel></rss>`, b.String())
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if strings.HasSuffix(r.URL.Path, "togo") {
			fmt.Fprint(w, visitFRHTML)
			return
		}
		fmt.Fprintf(w, "<html><body><article><p>%s</p></article></body></html>", agreementEN)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	mu.Lock()
	items = append(items, "kenya")
	mu.Unlock()
	db := filepath.Join(t.TempDir(), "pw.db")
	cmd := exec.Command(pactwatchBin, "watch", "--db", db, "--every", "1s", "--feed", srv.URL+"/feed.xml")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	sources := func() int {
		r := pactwatch(t, "", "events", "--db", db, "--format", "jsonl", "--limit", "0")
		if r.code != 0 {
			t.Fatalf("events while watch runs: %d %s", r.code, r.stderr)
		}
		n := 0
		for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
			var rec event.Record
			if json.Unmarshal([]byte(l), &rec) == nil {
				n += len(rec.Sources)
			}
		}
		return n
	}
	for sources() < 1 && time.Now().Before(deadline) {
		time.Sleep(300 * time.Millisecond)
	}
	mu.Lock()
	items = append(items, "togo") // a new item appears in the feed
	mu.Unlock()
	for sources() < 2 && time.Now().Before(deadline) {
		time.Sleep(300 * time.Millisecond)
	}
	cmd.Process.Signal(os.Interrupt)
	if err := cmd.Wait(); err != nil {
		t.Errorf("watch did not stop cleanly: %v\n%s", err, out.String())
	}
	if n := sources(); n != 2 {
		t.Errorf("after two polls the store has %d sources, want 2\n%s", n, out.String())
	}
}
