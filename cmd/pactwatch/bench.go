package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"pactwatch/internal/pipeline"
)

// runBench measures single-threaded throughput over a set of pages.
func runBench(args []string) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	rounds := fs.Int("rounds", 5, "passes over the pages")
	cpuprof := fs.String("cpuprofile", "", "write a CPU profile to this file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	files, errs := expand(fs.Args())
	for _, err := range errs {
		warnf("%v", err)
	}
	if len(files) == 0 {
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
	type input struct {
		path string
		raw  []byte
	}
	var inputs []input
	var bytes int
	for _, f := range files {
		raw, err := pipeline.ReadFile(f)
		if err != nil {
			warnf("%s: %v", f, err)
			continue
		}
		inputs = append(inputs, input{f, raw})
		bytes += len(raw)
	}
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
			res, _ := p.Run(ctx, pipeline.FileArticle(in.path, in.raw))
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
