package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/ingest"
	"pactwatch/internal/pipeline"
	"pactwatch/internal/source"
)

func runExtract(args []string) int {
	fs := newFlags("extract")
	format := fs.String("format", "jsonl", "output format: jsonl, json or table")
	pub := fs.String("published", "", "publication date (YYYY-MM-DD) for pages that do not state one; a page's own date wins")
	explain := fs.Bool("explain", false, "write how each sentence was read to stderr (one worker)")
	paths, code := parse(fs, args)
	if code >= 0 {
		return code
	}
	if len(paths) == 0 {
		warnf("extract: no PATH given")
		return 2
	}
	if *format != "jsonl" && *format != "json" && *format != "table" {
		warnf("extract: unknown format %q (want jsonl, json or table)", *format)
		return 2
	}
	published, err := parsePublished(*pub)
	if err != nil {
		warnf("extract: %v", err)
		return 2
	}
	opt := pipeline.Options{}
	if *explain {
		opt.Trace = os.Stderr
		runtime.GOMAXPROCS(1)
	}
	p, err := pipeline.New(opt)
	if err != nil {
		warnf("%v", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	w := bufio.NewWriter(os.Stdout)
	out := newEventWriter(w, *format)
	failed := extractEach(ctx, p, paths, published, func(evs []event.Event) {
		for _, e := range evs {
			if err := out.write(e); err != nil {
				warnf("write: %v", err)
				os.Exit(1)
			}
		}
		w.Flush() // a page's events are out as soon as it is done
	})
	if err := out.close(); err != nil {
		warnf("write: %v", err)
		return 1
	}
	w.Flush()
	if failed > 0 || ctx.Err() != nil {
		return 1
	}
	return 0
}

func parsePublished(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--published %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// extractEach runs every page under paths, reporting problems on stderr,
// and hands each page's events to emit in input order as pages finish. It
// returns how many inputs failed.
func extractEach(ctx context.Context, p *pipeline.Pipeline, paths []string, published time.Time, emit func([]event.Event)) int {
	failed := 0
	ingest.Extract(ctx, p, 0, func(f ingest.Feed) {
		err := ingest.Files(ctx, paths, func(a *source.Article) error {
			a.Fallback = published
			f.Article(a)
			return ctx.Err()
		}, f.Fail)
		if err != nil && ctx.Err() == nil {
			f.Fail(strings.Join(paths, " "), err)
		}
	}, func(o ingest.Outcome) {
		if o.Result != nil {
			for _, w := range o.Result.Page.Warnings {
				warnf("%s: warning: %s", o.Where, w)
			}
		}
		if o.Err != nil {
			warnf("%s: %v", o.Where, o.Err)
			failed++
			return
		}
		emit(o.Result.Events())
	})
	return failed
}

// eventWriter prints events in one of extract's formats as they come.
type eventWriter struct {
	w      io.Writer
	format string
	enc    *json.Encoder
	n      int
	tab    *table
}

func newEventWriter(w io.Writer, format string) *eventWriter {
	ew := &eventWriter{w: w, format: format, enc: json.NewEncoder(w)}
	ew.enc.SetEscapeHTML(false)
	if format == "json" {
		ew.enc.SetIndent("  ", "  ")
	}
	return ew
}

func (ew *eventWriter) write(e event.Event) error {
	defer func() { ew.n++ }()
	switch ew.format {
	case "json":
		sep := ",\n  "
		if ew.n == 0 {
			sep = "[\n  "
		}
		if _, err := io.WriteString(ew.w, sep); err != nil {
			return err
		}
		b, err := json.MarshalIndent(e, "  ", "  ")
		if err != nil {
			return err
		}
		_, err = ew.w.Write(b)
		return err
	case "table":
		ew.header()
		loc, stage := "", ""
		if e.Location != nil {
			loc = e.Location.Name
		}
		if e.Agreement != nil {
			stage = string(e.Agreement.Stage)
		}
		var persons []string
		for _, p := range e.Persons {
			persons = append(persons, p.Name)
		}
		return ew.tab.row(e.Article, string(e.Type), strings.Join(e.Countries, "-"), e.Initiator, e.Date,
			loc, stage, strings.Join(persons, "; "), fmt.Sprintf("%.2f", e.Confidence))
	default:
		return ew.enc.Encode(e)
	}
}

func (ew *eventWriter) header() {
	if ew.tab == nil {
		ew.tab = newTable(ew.w, column{"ARTICLE", 18}, column{"TYPE", 12}, column{"COUNTRIES", 15},
			column{"INIT", 4}, column{"DATE", 10}, column{"LOCATION", 14}, column{"STAGE", 11},
			column{"PERSONS", 0}, column{"CONF", 4})
	}
}

// close ends the document (the JSON array; a table's header when empty).
func (ew *eventWriter) close() error {
	switch ew.format {
	case "json":
		end := "\n]\n"
		if ew.n == 0 {
			end = "[]\n"
		}
		_, err := io.WriteString(ew.w, end)
		return err
	case "table":
		ew.header()
	}
	return nil
}

func warnf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "pactwatch: "+format+"\n", args...)
}
