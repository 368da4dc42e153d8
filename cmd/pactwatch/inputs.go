package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"pactwatch/internal/pipeline"
)

// expand turns PATH arguments into the files to read, in a stable order.
func expand(args []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, a := range args {
		if a == "-" {
			files = append(files, a)
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a, err))
			continue
		}
		if !info.IsDir() {
			files = append(files, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", p, err))
				return nil
			}
			if !d.IsDir() && isPageFile(p) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a, err))
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}

func isPageFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".html", ".htm":
		return true
	}
	return false
}

// outcome is one file's result or error.
type outcome struct {
	path string
	res  *pipeline.Result
	err  error
}

// process runs the pipeline over files with one worker per CPU, calling
// emit in input order.
func process(ctx context.Context, p *pipeline.Pipeline, files []string, published time.Time, emit func(outcome)) {
	workers := runtime.GOMAXPROCS(0)
	results := make([]chan outcome, len(files))
	for i := range results {
		results[i] = make(chan outcome, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] <- runOne(ctx, p, files[i], published)
			}
		}()
	}
	go func() {
		for i := range files {
			jobs <- i
		}
		close(jobs)
	}()
	for i := range files {
		emit(<-results[i])
	}
	wg.Wait()
}

func runOne(ctx context.Context, p *pipeline.Pipeline, path string, published time.Time) (o outcome) {
	o.path = path
	defer func() {
		if r := recover(); r != nil { // one broken page never stops a batch
			o.err = fmt.Errorf("internal error: %v", r)
		}
	}()
	raw, err := pipeline.ReadFile(path)
	if err != nil {
		o.err = err
		return
	}
	a := pipeline.FileArticle(path, raw)
	a.Fallback = published
	o.res, o.err = p.Run(ctx, a)
	return
}

func warnf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "pactwatch: "+format+"\n", args...)
}
