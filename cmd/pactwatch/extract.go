package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/pipeline"
)

func runExtract(args []string) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	format := fs.String("format", "jsonl", "output format: jsonl, json or table")
	pub := fs.String("published", "", "publication date (YYYY-MM-DD) for pages that do not state one")
	explain := fs.Bool("explain", false, "write how each sentence was read to stderr (one worker)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
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
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	events, failed := extractAll(p, fs.Args(), published)
	if err := write(w, *format, events); err != nil {
		warnf("write: %v", err)
		return 1
	}
	if failed > 0 {
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

// extractAll runs every input, reporting problems on stderr, and returns
// the events and how many inputs failed.
func extractAll(p *pipeline.Pipeline, args []string, published time.Time) ([]event.Event, int) {
	files, errs := expand(args)
	failed := len(errs)
	for _, err := range errs {
		warnf("%v", err)
	}
	var events []event.Event
	process(context.Background(), p, files, published, func(o outcome) {
		if o.res != nil {
			for _, w := range o.res.Page.Warnings {
				warnf("%s: warning: %s", o.path, w)
			}
		}
		if o.err != nil {
			warnf("%s: %v", o.path, o.err)
			failed++
			return
		}
		events = append(events, o.res.Events()...)
	})
	return events, failed
}

func write(w io.Writer, format string, events []event.Event) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if events == nil {
			events = []event.Event{}
		}
		return enc.Encode(events)
	case "table":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ARTICLE\tTYPE\tCOUNTRIES\tINITIATOR\tDATE\tLOCATION\tSTAGE\tPERSONS\tCONF")
		for _, e := range events {
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
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\n", e.Article, e.Type,
				strings.Join(e.Countries, "-"), e.Initiator, e.Date, loc, stage, strings.Join(persons, "; "), e.Confidence)
		}
		return tw.Flush()
	default:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, e := range events {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	}
}
