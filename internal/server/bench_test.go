package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/store"
	"pactwatch/internal/synth"
)

// The benchmarks measure the API's latency on a large store of generated
// events: the file PACTWATCH_BENCH_DB names (made with `pactwatch generate
// --db FILE --n 1000000`), else PACTWATCH_BENCH_EVENTS generated events
// (default 100,000) in a temporary store. They report the median and the
// 95th percentile of each kind of request over varied filters, every
// answer computed (PACTWATCH_BENCH_CACHE=1 lets the server's answer cache
// work, as it does in use); no test asserts a time.
//
//	PACTWATCH_BENCH_DB=/tmp/1m.db go test -run '^$' -bench API -benchtime 200x ./internal/server/

func benchStore(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("PACTWATCH_BENCH_DB"); p != "" {
		return p
	}
	n := 100_000
	if v := os.Getenv("PACTWATCH_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1000 {
			b.Fatalf("PACTWATCH_BENCH_EVENTS=%q: want a number of at least 1000", v)
		}
	}
	path := filepath.Join(tmpRoot, fmt.Sprintf("bench-%d.db", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	g, err := synth.NewRecords(1)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for done := 0; done < n; {
		batch := make([]event.Record, 0, 20000)
		for range min(20000, n-done) {
			batch = append(batch, g.Next())
		}
		if err := st.InsertRecords(ctx, batch); err != nil {
			b.Fatal(err)
		}
		done += len(batch)
	}
	b.Logf("generated %d events in %v", n, time.Since(start).Round(time.Millisecond))
	return path
}

// benchQueries are the requests of each kind, filters varied so that no
// answer is the last one again.
var benchQueries = map[string][]string{
	"graph": {
		"/api/graph",
		"/api/graph?type=agreement",
		"/api/graph?since=2020&until=2022",
		"/api/graph?region=002&min_confidence=0.7",
		"/api/graph?country=FRA",
		"/api/graph?type=exercise,training&since=2024-06",
		"/api/graph?stage=signed",
		"/api/graph?region=142&type=meeting",
	},
	"events": {
		"/api/events?country=FRA&type=agreement",
		"/api/events?type=meeting&since=2024&sort=confidence",
		"/api/events?country=KEN&country=FRA",
		"/api/events?region=142&stage=signed",
		"/api/events?min_confidence=0.9&offset=100",
		"/api/events?type=rupture&order=asc",
		"/api/events?country=USA&since=2025-01&until=2025-06&sort=sources",
		"/api/events?region=002&type=deployment&limit=100",
	},
	"state": {"/api/states/FRA", "/api/states/KEN", "/api/states/USA", "/api/states/TUR"},
	"map":   {"/api/map", "/api/map?type=arms", "/api/map?since=2025"},
}

func BenchmarkAPI(b *testing.B) {
	path := benchStore(b)
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	srv, err := New(Options{Store: st, Pipeline: testPipeline(b), Logger: quietLog()})
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	if err := srv.cat.refresh(ctx); err != nil {
		b.Fatal(err)
	}
	snap := srv.cat.snap.Load()
	b.Logf("index of %d events loaded in %v", len(snap.entries), time.Since(t0).Round(time.Millisecond))
	srv.noCache = os.Getenv("PACTWATCH_BENCH_CACHE") == "" // by default, measure every answer computed
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	client := ts.Client()
	get := func(path string) {
		resp, err := client.Get(ts.URL + path)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("GET %s: %s", path, resp.Status)
		}
	}
	for _, kind := range []string{"graph", "events", "state", "map"} {
		qs := benchQueries[kind]
		b.Run(kind, func(b *testing.B) {
			for _, q := range qs {
				get(q) // warm the connection and the page cache
			}
			lat := make([]time.Duration, 0, b.N)
			perQuery := make([][]time.Duration, len(qs))
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				get(qs[i%len(qs)])
				d := time.Since(start)
				lat = append(lat, d)
				perQuery[i%len(qs)] = append(perQuery[i%len(qs)], d)
			}
			b.StopTimer()
			for i, ds := range perQuery {
				if len(ds) > 0 {
					slices.Sort(ds)
					b.Logf("%-70s median %v", qs[i], ds[len(ds)/2].Round(100*time.Microsecond))
				}
			}
			slices.Sort(lat)
			pct := func(p float64) float64 {
				return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
			b.ReportMetric(float64(len(snap.entries)), "events")
		})
	}
}
