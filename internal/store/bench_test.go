package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/synth"
)

// The benchmarks work on a SQLite store of synthetic events:
// PACTWATCH_BENCH_EVENTS of them (default 1,000,000) from a fixed seed.
// PACTWATCH_BENCH_DB names a file to keep it in and reuse across runs
// (it takes a minute or more to build); by default it is built once per
// run in a temporary folder.
//
//	go test -run '^$' -bench 'Load|Query' -benchtime 20x ./internal/store/
const (
	benchSeed  = 20261129
	benchBatch = 20000
)

var (
	benchOnce  sync.Once
	benchPath  string
	benchErr   error
	benchTemp  string
	benchCount = 1_000_000
)

func benchEvents(b *testing.B) int {
	if v := os.Getenv("PACTWATCH_BENCH_EVENTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1000 {
			b.Fatalf("PACTWATCH_BENCH_EVENTS=%q: want a number of at least 1000", v)
		}
		return n
	}
	return benchCount
}

// loadSynthetic fills s with n synthetic events and returns how long it took.
func loadSynthetic(ctx context.Context, s *Store, n int) (time.Duration, error) {
	g, err := synth.NewRecords(benchSeed)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	batch := make([]event.Record, 0, benchBatch)
	for done := 0; done < n; done += len(batch) {
		batch = batch[:0]
		for range min(benchBatch, n-done) {
			batch = append(batch, g.Next())
		}
		if err := s.InsertRecords(ctx, batch); err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

// fileSize is the size of an SQLite store with its write-ahead log.
func fileSize(path string) int64 {
	var size int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			size += st.Size()
		}
	}
	return size
}

// benchStore opens the shared benchmark store, building it the first time.
func benchStore(b *testing.B) *Store {
	b.Helper()
	ctx := context.Background()
	n := benchEvents(b)
	benchOnce.Do(func() {
		benchPath = os.Getenv("PACTWATCH_BENCH_DB")
		if benchPath == "" {
			benchTemp, benchErr = os.MkdirTemp("", "pactwatch-bench-")
			if benchErr != nil {
				return
			}
			benchPath = filepath.Join(benchTemp, "bench.db")
		}
		s, err := Open(ctx, benchPath)
		if err != nil {
			benchErr = err
			return
		}
		defer s.Close()
		have, err := s.CountEvents(ctx, Filter{})
		if err != nil || have == n {
			benchErr = err
			return
		}
		if have != 0 {
			benchErr = fmt.Errorf("%s holds %d events, want 0 or %d: remove it", benchPath, have, n)
			return
		}
		took, err := loadSynthetic(ctx, s, n)
		if err != nil {
			benchErr = err
			return
		}
		b.Logf("built %s: %d events in %v (%.0f events/s)", redact(benchPath), n, took.Round(time.Millisecond),
			float64(n)/took.Seconds())
		if s.Dialect() == SQLite {
			b.Logf("file size with its log: %.1f MB", float64(fileSize(benchPath))/1e6)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	s, err := Open(ctx, benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkLoad loads the synthetic events into a new SQLite file; one
// iteration is the whole load.
func BenchmarkLoad(b *testing.B) {
	ctx := context.Background()
	n := benchEvents(b)
	var took time.Duration
	var size int64
	for i := 0; b.Loop(); i++ {
		path := filepath.Join(b.TempDir(), fmt.Sprintf("load-%d.db", i))
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		d, err := loadSynthetic(ctx, s, n)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		took += d
		size = fileSize(path)
	}
	b.ReportMetric(float64(n)*float64(b.N)/took.Seconds(), "events/s")
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkQueryState runs Events(Filter{Countries: [X]}, Limit 50) for
// 100 states drawn at random (every state of the generator equally
// likely, from a fixed seed) per iteration and reports the latency
// percentiles of single queries.
func BenchmarkQueryState(b *testing.B) {
	s := benchStore(b)
	g, err := synth.NewRecords(benchSeed)
	if err != nil {
		b.Fatal(err)
	}
	states := g.States()
	rng := rand.New(rand.NewPCG(1, 2))
	var filters []Filter
	for range 100 {
		filters = append(filters, Filter{Countries: []string{states[rng.IntN(len(states))].ISO3}, Limit: 50})
	}
	benchQueries(b, s, filters)
}

// BenchmarkQueryPair does the same for 100 pairs of states, each the first
// two states of a stored event picked at random (so most pairs have events,
// common and rare ones alike).
func BenchmarkQueryPair(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	n, err := s.CountEvents(ctx, Filter{})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var filters []Filter
	for len(filters) < 100 {
		rec, err := s.Event(ctx, 1+rng.Int64N(int64(n)))
		if err != nil {
			b.Fatal(err)
		}
		filters = append(filters, Filter{Countries: rec.Countries[:2], Limit: 50})
	}
	benchQueries(b, s, filters)
}

func benchQueries(b *testing.B, s *Store, filters []Filter) {
	ctx := context.Background()
	var lat []time.Duration
	rows := 0
	for b.Loop() {
		for _, f := range filters {
			start := time.Now()
			recs, err := s.Events(ctx, f)
			lat = append(lat, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
			rows += len(recs)
		}
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(1), "max-ms")
	b.ReportMetric(float64(rows)/float64(len(lat)), "rows/query")
}
