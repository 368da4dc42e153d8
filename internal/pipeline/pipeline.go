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
	"pactwatch/internal/source"
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

// Version names the extractor's rules and data. It is stored with every
// article so that `reprocess` can tell what an older extractor read; bump it
// when a change to rules or lexicons changes what pages give.
const Version = "2026.11.29-2"

// Result is what one article gave.
type Result struct {
	Article  *source.Article // the input, with Published, PublishedFrom, Language and Title decided
	Page     *page.Page
	Mentions []event.Mention // the page's events with URL, publication date and evidence spans
}

// Text is the cleaned text that evidence spans point into.
func (r *Result) Text() string {
	if r == nil || r.Page == nil {
		return ""
	}
	return r.Page.Text()
}

// Events returns the spec records of the mentions.
func (r *Result) Events() []event.Event {
	if r == nil {
		return nil
	}
	out := make([]event.Event, len(r.Mentions))
	for i, m := range r.Mentions {
		out[i] = m.Event
	}
	return out
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

// FileArticle is the article a file's bytes make: its id is the file name
// without the extension, its format follows the extension.
func FileArticle(path string, raw []byte) *source.Article {
	return &source.Article{ID: page.ArticleName(path), Origin: path, Raw: raw}
}

// Run processes one article. The article is updated in place with what the
// page decided (publication date and its origin, language, title) and
// returned in the Result, also when an error is returned after decoding.
func (p *Pipeline) Run(ctx context.Context, a *source.Article) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pg, err := page.FromArticle(a)
	if err != nil {
		return nil, err
	}
	res := &Result{Article: a, Page: pg}
	p.cleaner.Clean(pg)
	if len(pg.Blocks) == 0 {
		return res, fmt.Errorf("no article text found")
	}
	if a.Title == "" {
		a.Title = pg.Blocks[0].Text
	}
	l, err := p.langs.Detect(pg.Text(), pg.LangHint)
	if err != nil {
		return res, err
	}
	pg.Lang, a.Language = l, l
	rd := p.extractor.Trace(pg, p.trace)
	a.Published, a.PublishedFrom = pg.Published, pg.From
	pub := ""
	if !pg.Published.IsZero() {
		pub = pg.Published.Format("2006-01-02")
	}
	for _, e := range extract.Fold(pg.Name, rd.Candidates) {
		e.Language = l
		m := event.Mention{Event: e, URL: a.URL, Published: pub}
		for _, ev := range e.Evidence {
			m.Spans = append(m.Spans, rd.Spans[ev])
		}
		res.Mentions = append(res.Mentions, m)
	}
	return res, nil
}
