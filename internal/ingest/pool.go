package ingest

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"sync"

	"pactwatch/internal/pipeline"
	"pactwatch/internal/source"
)

// Outcome is what became of one input: an article's result, or why it
// failed. Where names the input (a path, "file.jsonl:12", a URL).
type Outcome struct {
	Where   string
	Article *source.Article  // nil when the input could not be read
	Result  *pipeline.Result // nil on failure (may be partial with Err)
	Err     error
}

// Feed is how a producer hands inputs to Extract: Article for an article
// to extract, Fail for an input that could not be read.
type Feed struct {
	Article func(*source.Article)
	Fail    func(where string, err error)
}

// Extract runs the pipeline over the articles that produce submits, on
// workers goroutines (0: one per CPU), and calls emit with each outcome in
// submission order as soon as it and all before it are done. At most a few
// outcomes per worker wait in memory, so memory does not grow with the
// input. A panic on one page is that page's error; the batch goes on.
func Extract(ctx context.Context, p *pipeline.Pipeline, workers int, produce func(Feed), emit func(Outcome)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		a   *source.Article
		out chan Outcome
	}
	order := make(chan chan Outcome, 4*workers) // bounds what waits in memory
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- runOne(ctx, p, j.a)
			}
		}()
	}
	go func() {
		produce(Feed{
			Article: func(a *source.Article) {
				out := make(chan Outcome, 1)
				order <- out
				jobs <- job{a, out}
			},
			Fail: func(where string, err error) {
				out := make(chan Outcome, 1)
				out <- Outcome{Where: where, Err: err}
				order <- out
			},
		})
		close(jobs)
		close(order)
	}()
	for out := range order {
		emit(<-out)
	}
	wg.Wait()
}

func runOne(ctx context.Context, p *pipeline.Pipeline, a *source.Article) (o Outcome) {
	o.Where, o.Article = cmp.Or(a.Origin, a.ID), a
	defer func() {
		if r := recover(); r != nil {
			o.Result, o.Err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	o.Result, o.Err = p.Run(ctx, a)
	return o
}
