package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/store"
	"pactwatch/internal/synth"
)

// runGenerate makes material for benchmarks: a folder of news-like pages
// (--pages DIR) or a store filled with merged events (--db).
func runGenerate(args []string) int {
	fs := newFlags("generate")
	sf := addStoreFlags(fs)
	pages := fs.String("pages", "", "write N generated pages into this folder instead of filling a store")
	n := fs.Int("n", 1000000, "how many events (or pages) to generate")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same output")
	if _, code := parse(fs, args); code >= 0 {
		return code
	}
	end := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	if *pages != "" {
		g, err := synth.NewPages(*seed)
		if err != nil {
			warnf("generate: %v", err)
			return 1
		}
		if err := os.MkdirAll(*pages, 0o755); err != nil {
			warnf("generate: %v", err)
			return 1
		}
		for i := range *n {
			text, lang := g.Page(end.AddDate(0, 0, -i%3000))
			name := filepath.Join(*pages, fmt.Sprintf("gen_%s_%06d.txt", lang, i))
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				warnf("generate: %v", err)
				return 1
			}
		}
		fmt.Printf("wrote %d pages to %s\n", *n, *pages)
		return 0
	}
	g, err := synth.NewRecords(*seed)
	if err != nil {
		warnf("generate: %v", err)
		return 1
	}
	ctx := context.Background()
	st, err := store.Open(ctx, *sf.db)
	if err != nil {
		warnf("generate: %v", err)
		return 1
	}
	defer st.Close()
	t0 := time.Now()
	const batch = 20000
	buf := make([]event.Record, 0, batch)
	for i := range *n {
		buf = append(buf, g.Next())
		if len(buf) == batch || i == *n-1 {
			if err := st.InsertRecords(ctx, buf); err != nil {
				warnf("generate: %v", err)
				return 1
			}
			buf = buf[:0]
		}
	}
	fmt.Printf("generated %d events in %v\n", *n, time.Since(t0).Round(time.Millisecond))
	return 0
}
