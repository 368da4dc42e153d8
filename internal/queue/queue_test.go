package queue

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"pactwatch/internal/pipeline"
	"pactwatch/internal/source"
	"pactwatch/internal/store"
	"pactwatch/internal/store/storetest"
	"pactwatch/internal/synth"
)

// Pages written for these tests.
const (
	signing = "Kenya and Rwanda signed a defence cooperation agreement in Kigali on 4 June 2025. " +
		"The two defence ministers signed the text in the presence of senior officers of both armies.\n"
	talks = "RUANDA E QUÉNIA ASSINAM ACORDO\n\nO Quénia e o Ruanda assinaram em Kigali, a 4 de junho de 2025, um acordo de cooperação no domínio da defesa, assinado pelos ministros da Defesa dos dois países.\n"
)

func openSQLite(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newQueue(t testing.TB, st *store.Store, workers int) *Queue {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, err := New(context.Background(), st, p, Options{Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Stop(context.Background()) })
	return q
}

// Articles queued for extraction end extracted, their events merged
// across the two languages; queuing an extracted article again does
// nothing; a page the pipeline cannot read is recorded with its reason.
func TestExtractJobs(t *testing.T) {
	ctx := context.Background()
	st := openSQLite(t)
	q := newQueue(t, st, 2)
	var jobs []Job
	for i, page := range []string{signing, talks, "\x00\x01\x02binary\x00\x00"} {
		key, existed, err := st.PutArticle(ctx, &source.Article{ID: "p" + strconv.Itoa(i), Raw: []byte(page), Format: source.Text})
		if err != nil || existed {
			t.Fatalf("put %d: %v %v", i, existed, err)
		}
		j, err := q.QueueExtract(ctx, []int64{key}, false)
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, j)
	}
	pr, err := q.Wait(ctx, jobs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if pr.Done != 3 || pr.Failed != 1 || pr.Sum.Mentions < 2 || pr.Sum.Created != 1 {
		t.Errorf("progress %+v: want 3 done, 1 failed, ≥2 mentions and one event created (one signing in two languages)", pr)
	}
	recs, err := st.Events(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || len(recs[0].Sources) != 2 {
		t.Fatalf("want one event with two sources, got %d: %+v", len(recs), recs)
	}
	bad, err := st.ArticleByID(ctx, "p2")
	if err != nil || bad.Error == "" {
		t.Errorf("the binary page is not recorded as failed: %+v %v", bad, err)
	}
	// queued again: the job runs and changes nothing
	first, err := st.ArticleByID(ctx, "p0")
	if err != nil {
		t.Fatal(err)
	}
	key := first.Key
	j, err := q.QueueExtract(ctx, []int64{key}, false)
	if err != nil {
		t.Fatal(err)
	}
	pr, err = q.Wait(ctx, []Job{j}, nil)
	if err != nil || pr.Skipped != 1 || pr.Sum.Created+pr.Sum.Updated != 0 {
		t.Errorf("second extraction: %+v %v, want skipped", pr, err)
	}
	// forced (reprocess): re-extracted, nothing created
	j, _ = q.QueueExtract(ctx, []int64{key}, true)
	pr, err = q.Wait(ctx, []Job{j}, nil)
	if err != nil || pr.Skipped != 0 || pr.Sum.Created != 0 {
		t.Errorf("forced extraction: %+v %v", pr, err)
	}
}

// benchPages is how many generated pages the ingest benchmark reads
// (PACTWATCH_BENCH_PAGES, default 10,000).
func benchPages(b *testing.B) []*source.Article {
	n := 10000
	if s := os.Getenv("PACTWATCH_BENCH_PAGES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	g, err := synth.NewPages(11)
	if err != nil {
		b.Fatal(err)
	}
	pub := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*source.Article, n)
	for i := range out {
		text, _ := g.Page(pub.AddDate(0, 0, -i%2000))
		out[i] = &source.Article{ID: fmt.Sprintf("gen%06d", i), Raw: []byte(text), Format: source.Text, Origin: "bench"}
	}
	return out
}

// BenchmarkIngest stores generated pages, queues their extraction and
// waits for it, on SQLite and (with PACTWATCH_TEST_PG) PostgreSQL, with 1
// and 2 workers; BenchmarkIngest/extract-only is the pipeline alone on
// one goroutine, the pace the store should keep.
func BenchmarkIngest(b *testing.B) {
	pages := benchPages(b)
	ctx := context.Background()
	b.Run("extract-only", func(b *testing.B) {
		p, _ := pipeline.New(pipeline.Options{})
		for b.Loop() {
			for _, a := range pages {
				c := *a
				p.Run(ctx, &c)
			}
		}
		b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
	})
	backends := map[string]func(b *testing.B) *store.Store{"sqlite": func(b *testing.B) *store.Store { return openSQLite(b) }}
	if os.Getenv(storetest.Env) != "" {
		backends["postgres"] = openPostgres
	}
	for name, open := range backends {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", name, workers), func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					st := open(b)
					q := newQueue(b, st, workers)
					b.StartTimer()
					batch := q.NewBatcher(false)
					for _, a := range pages {
						c := *a
						key, _, err := st.PutArticle(ctx, &c)
						if err != nil {
							b.Fatal(err)
						}
						if err := batch.Add(ctx, key); err != nil {
							b.Fatal(err)
						}
					}
					if err := batch.Flush(ctx); err != nil {
						b.Fatal(err)
					}
					if _, err := q.Wait(ctx, batch.Jobs, nil); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
			})
		}
	}
}

func openPostgres(b *testing.B) *store.Store {
	st, err := store.Open(context.Background(), storetest.FreshPostgres(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}
