// Package pipeline wires the stages for one page: read and decode, clean,
// identify the language, extract candidates, merge them into events. It
// loads every lexicon and gazetteer once and is safe for concurrent use.
package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"pactwatch/internal/clean"
	"pactwatch/internal/event"
	"pactwatch/internal/extract"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lang"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/page"
)

// Pipeline holds the loaded data of every stage.
type Pipeline struct {
	Lexicons  *lexicon.Set
	Gazetteer *gazetteer.Gazetteer
	cleaner   *clean.Cleaner
	langs     *lang.Identifier
	extractor *extract.Extractor
	trace     io.Writer
}

// Options tune a run.
type Options struct {
	Published time.Time // publication date for pages that do not say
	Today     time.Time // reference "now" for the weekday rule; zero = now
	Trace     io.Writer // when set, every sentence's reading is written here
}

// New loads every stage's data.
func New(opt Options) (*Pipeline, error) {
	lx, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	gz, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	today := opt.Today
	if today.IsZero() {
		today = time.Now().UTC()
	}
	return &Pipeline{
		Lexicons:  lx,
		Gazetteer: gz,
		cleaner:   clean.New(lx),
		langs:     lang.New(lx),
		extractor: extract.New(gz, lx, today),
		trace:     opt.Trace,
	}, nil
}

// Result is what one page gave.
type Result struct {
	Page   *page.Page
	Events []event.Event
}

// ReadFile reads a page from a path ("-" is standard input).
func ReadFile(path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(io.LimitReader(os.Stdin, page.MaxBytes+1))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, page.MaxBytes+1))
}

// Run processes one page's raw bytes.
func (p *Pipeline) Run(ctx context.Context, path string, raw []byte, published time.Time) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pg, err := page.New(path, raw)
	if err != nil {
		return nil, err
	}
	pg.Published = published
	p.cleaner.Clean(pg)
	if len(pg.Blocks) == 0 {
		return &Result{Page: pg}, fmt.Errorf("no article text found")
	}
	l, err := p.langs.Detect(pg.Text(), pg.LangHint)
	if err != nil {
		return &Result{Page: pg}, err
	}
	pg.Lang = l
	cands := p.extractor.Trace(pg, p.trace)
	evs := extract.Fold(pg.Name, cands)
	for i := range evs {
		evs[i].Language = l
	}
	return &Result{Page: pg, Events: evs}, nil
}
