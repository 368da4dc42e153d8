package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"pactwatch/internal/ingest"
	"pactwatch/internal/pipeline"
	"pactwatch/internal/source"
)

// runBench measures single-threaded throughput over a set of pages.
func runBench(args []string) int {
	fs := newFlags("bench")
	rounds := fs.Int("rounds", 5, "passes over the pages")
	cpuprof := fs.String("cpuprofile", "", "write a CPU profile to this file")
	paths, code := parse(fs, args)
	if code >= 0 {
		return code
	}
	var inputs []*source.Article
	var bytes int
	ingest.Files(context.Background(), paths, func(a *source.Article) error {
		inputs = append(inputs, a)
		bytes += len(a.Raw)
		return nil
	}, func(where string, err error) { warnf("%s: %v", where, err) })
	if len(inputs) == 0 {
		warnf("bench: no pages")
		return 2
	}
	start := time.Now()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		warnf("%v", err)
		return 1
	}
	load := time.Since(start)
	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err != nil {
			warnf("bench: %v", err)
			return 1
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	ctx := context.Background()
	events := 0
	t0 := time.Now()
	for r := 0; r < *rounds; r++ {
		for _, in := range inputs {
			a := *in
			res, _ := p.Run(ctx, &a)
			if res != nil {
				events += len(res.Events())
			}
		}
	}
	el := time.Since(t0)
	n := len(inputs) * *rounds
	fmt.Printf("pages %d (%d files x %d rounds), %.1f KB average, events %d\n", n, len(inputs), *rounds, float64(bytes)/float64(len(inputs))/1024, events / *rounds)
	fmt.Printf("load %v; %.0f pages/s; %.2f MB/s; %.3f ms/page (one goroutine)\n", load.Round(time.Millisecond),
		float64(n)/el.Seconds(), float64(bytes**rounds)/el.Seconds()/1e6, el.Seconds()*1000/float64(n))
	fmt.Printf("peak RSS %s\n", peakRSS())
	return 0
}

// peakRSS reads the process's high-water resident memory (Linux).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:"))
		}
	}
	return "unknown"
}
