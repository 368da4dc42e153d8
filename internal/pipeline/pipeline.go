// Package pipeline wires the stages for one page: read and decode, clean,
// identify the language, extract candidates, merge them into events. It
// loads every lexicon and gazetteer once and is safe for concurrent use.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"
	"unicode"

	"pactwatch/internal/calibrate"
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
	calib     *calibrate.Model // nil: rule scores
	trace     io.Writer
}

// Options tune a run.
type Options struct {
	Published time.Time // publication date for pages that do not say
	Today     time.Time // reference "now" for the weekday rule; zero = now
	Trace     io.Writer // when set, every sentence's reading is written here
	// RuleScores leaves each event's confidence as the extractor's rule
	// score, uncalibrated: what a calibration model is fitted on.
	RuleScores bool
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
	var cm *calibrate.Model
	if !opt.RuleScores {
		if cm, err = calibrate.Load(); err != nil {
			return nil, err
		}
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
		calib:     cm,
		trace:     opt.Trace,
	}, nil
}

// Version names the extractor's rules and data. It is stored with every
// article so that `reprocess` can tell what an older extractor read; bump it
// when a change to rules or lexicons changes what pages give.
const Version = "2026.12.01-22"

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
	l, parts, err := p.languages(pg)
	if err != nil {
		return res, err
	}
	pg.Lang, a.Language = l, l
	var rd extract.Reading
	if parts == nil {
		rd = p.extractor.Trace(pg, p.trace)
	} else {
		rd = p.readParts(pg, parts)
	}
	a.Published, a.PublishedFrom = pg.Published, pg.From
	pub := ""
	if !pg.Published.IsZero() {
		pub = pg.Published.Format("2006-01-02")
	}
	for _, e := range extract.Fold(pg.Name, rd.Candidates) {
		if e.Language == "" {
			e.Language = l
		}
		if p.calib != nil {
			p.calib.Apply(&e)
		}
		m := event.Mention{Event: e, URL: a.URL, Published: pub}
		for _, ev := range e.Evidence {
			m.Spans = append(m.Spans, rd.Spans[ev])
		}
		res.Mentions = append(res.Mentions, m)
	}
	return res, nil
}

// blockLetters is the least a block must hold for its own language to be
// told: shorter blocks (headlines, captions) go with their neighbours.
// runLetters is the least a run of blocks in another language than the
// page's must hold to be read in that language: one paragraph judged
// wrongly never switches.
// blockSample is how much of a block decides its language.
const (
	blockLetters = 100
	runLetters   = 300
	blockSample  = 600
)

// head is at most the first n bytes of s, cut at a rune boundary.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// pageWords returns the keys of the words of pg.Text() as far as language
// identification reads (lang.Sample bytes), from the blocks' own words; nil
// when a block has none (the text is then split again).
func pageWords(pg *page.Page) []string {
	var out []string
	at := 0
	for i, b := range pg.Blocks {
		if b.Toks == nil {
			return nil
		}
		if i > 0 {
			at += len("\n\n")
		}
		keys := blockWords(b, lang.Sample-at)
		out = append(out, keys...)
		if len(keys) < len(b.Toks) {
			break // past the sample
		}
		at += len(b.Text)
	}
	return out
}

// blockWords returns the keys of the words of b's first n bytes; nil when
// the block has no words of its own.
func blockWords(b page.Block, n int) []string {
	if b.Toks == nil {
		return nil
	}
	out := make([]string, 0, len(b.Toks))
	for _, t := range b.Toks {
		if t.End > n {
			break
		}
		out = append(out, t.Key)
	}
	return out
}

// languages names the page's language and, when some of its blocks are in
// another language pactwatch reads (a bilingual page, a translated
// statement), the blocks of each language. parts is nil for a page in one
// language. A page in a language pactwatch cannot read still gives the
// blocks it can read, when they are long enough to be sure of.
func (p *Pipeline) languages(pg *page.Page) (string, map[string][]int, error) {
	l, err := p.langs.DetectWords(pg.Text(), pageWords(pg), pg.LangHint)
	if err != nil && !errors.Is(err, lang.ErrUnsupported) {
		return "", nil, err
	}
	if len(pg.Blocks) < 2 {
		return l, nil, err
	}
	// each long enough block's own language; the others take the one before
	of := make([]string, len(pg.Blocks))
	size := make([]int, len(pg.Blocks))
	prev := l
	for i, b := range pg.Blocks {
		of[i], size[i] = prev, letters(b.Text)
		if size[i] >= blockLetters {
			if bl, berr := p.langs.DetectWords(head(b.Text, blockSample), blockWords(b, blockSample), ""); berr == nil {
				of[i] = bl
			}
		}
		prev = of[i]
	}
	// a run in another language than the page's must be long enough
	for i := 0; i < len(of); {
		j, n := i, 0
		for j < len(of) && of[j] == of[i] {
			n += size[j]
			j++
		}
		if of[i] != l && n < runLetters {
			for k := i; k < j; k++ {
				of[k] = l
			}
		}
		i = j
	}
	parts := map[string][]int{}
	for i, bl := range of {
		if bl != "" {
			parts[bl] = append(parts[bl], i)
		}
	}
	switch {
	case err != nil && len(parts) == 0:
		return "", nil, err
	case err != nil: // an unreadable page with readable blocks: the longest part leads
		for bl, idx := range parts {
			if l == "" || len(idx) > len(parts[l]) || (len(idx) == len(parts[l]) && bl < l) {
				l = bl
			}
		}
	case len(parts) == 1 && len(parts[l]) == len(pg.Blocks):
		return l, nil, nil
	}
	return l, parts, nil
}

// readParts extracts each language's blocks as a page of their own, the
// page's language first (it decides the publication date the others use),
// and gathers their candidates for one fold.
func (p *Pipeline) readParts(pg *page.Page, parts map[string][]int) extract.Reading {
	langs := make([]string, 0, len(parts))
	for l := range parts {
		if l != pg.Lang {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	if _, ok := parts[pg.Lang]; ok {
		langs = append([]string{pg.Lang}, langs...)
	}
	out := extract.Reading{Spans: map[string]event.Span{}}
	base := 0
	for _, l := range langs {
		part := pg.Part(parts[l], l)
		rd := p.extractor.Trace(part, p.trace)
		if pg.Published.IsZero() {
			pg.Published, pg.From = part.Published, part.From
		}
		n := 0
		for _, c := range rd.Candidates {
			n = max(n, c.Sentence+1)
			c.Sentence += base
			c.Event.Language = l
			out.Candidates = append(out.Candidates, c)
		}
		base += n + 1000 // sentences of two parts are never neighbours
		for ev, sp := range rd.Spans {
			if _, ok := out.Spans[ev]; !ok {
				out.Spans[ev] = sp
			}
		}
	}
	return out
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
