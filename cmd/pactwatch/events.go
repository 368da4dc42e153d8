package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"pactwatch/internal/event"
	"pactwatch/internal/export"
	"pactwatch/internal/store"
)

func runEvents(args []string) int {
	fs := newFlags("events")
	sf := addStoreFlags(fs)
	var countries, types stringList
	fs.Var(&countries, "country", "only events involving this state (ISO3; repeat for a pair)")
	fs.Var(&types, "type", "only events of this type (repeatable): "+typeNames())
	stage := fs.String("stage", "", "only agreements at this stage")
	since := fs.String("since", "", "only events dated on or after D (YYYY[-MM[-DD]])")
	until := fs.String("until", "", "only events dated on or before D (YYYY[-MM[-DD]])")
	q := fs.String("q", "", "only events whose articles contain this text")
	minConf := fs.Float64("min-confidence", 0, "only events at least this confident")
	review := fs.String("review", "", "which events by analysts' review: all, confirmed, rejected, merged, corrected or unreviewed (default: all but rejected and merged-away events)")
	format := fs.String("format", "table", "output: table, jsonl or csv")
	limit := fs.Int("limit", 50, "at most N events (0: all)")
	offset := fs.Int("offset", 0, "skip the first N events")
	if _, code := parse(fs, args); code >= 0 {
		return code
	}
	f := store.Filter{Stage: event.Stage(*stage), Since: *since, Until: *until, Q: *q,
		MinConfidence: *minConf, Limit: *limit, Offset: *offset, Review: *review}
	for _, c := range countries {
		f.Countries = append(f.Countries, strings.ToUpper(c))
	}
	for _, t := range types {
		f.Types = append(f.Types, event.Type(t))
	}
	if err := checkFilter(f); err != nil {
		warnf("events: %v", err)
		return 2
	}
	if *format != "table" && *format != "jsonl" && *format != "csv" {
		warnf("events: unknown format %q (want table, jsonl or csv)", *format)
		return 2
	}
	ctx := context.Background()
	st, err := store.Open(ctx, *sf.db)
	if err != nil {
		warnf("events: %v", err)
		return 1
	}
	defer st.Close()
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	var write func(event.Record) error
	switch *format {
	case "table":
		t := newTable(w, column{"ID", 7}, column{"TYPE", 12}, column{"COUNTRIES", 15}, column{"INIT", 4},
			column{"DATE", 10}, column{"LOCATION", 14}, column{"STAGE", 11}, column{"SRC", 3},
			column{"CONF", 4}, column{"EVIDENCE", 0})
		write = func(r event.Record) error {
			loc, stage, ev := "", "", ""
			if r.Location != nil {
				loc = r.Location.Name
			}
			if r.Agreement != nil {
				stage = string(r.Agreement.Stage)
			}
			if len(r.Evidence) > 0 {
				ev = r.Evidence[0]
			}
			return t.row(fmt.Sprint(r.ID), string(r.Type), strings.Join(r.Countries, "-"), r.Initiator, r.Date,
				loc, stage, fmt.Sprint(len(r.Sources)), fmt.Sprintf("%.2f", r.Confidence), ev)
		}
	default:
		ew, err := export.New(*format, w, export.Options{})
		if err != nil {
			warnf("events: %v", err)
			return 2
		}
		defer ew.Close()
		write = ew.Write
	}
	if err := st.EachEvent(ctx, f, write); err != nil {
		warnf("events: %v", err)
		return 1
	}
	return 0
}

func typeNames() string {
	var s []string
	for _, t := range event.Types {
		s = append(s, string(t))
	}
	return strings.Join(s, ", ")
}

// checkFilter refuses values no event can have, naming them.
func checkFilter(f store.Filter) error {
	for _, c := range f.Countries {
		if len(c) != 3 {
			return fmt.Errorf("--country %q: want an ISO alpha-3 code such as FRA", c)
		}
	}
	for _, t := range f.Types {
		ok := false
		for _, x := range event.Types {
			ok = ok || x == t
		}
		if !ok {
			return fmt.Errorf("--type %q: want one of %s", t, typeNames())
		}
	}
	if f.Stage != "" {
		ok := false
		for _, x := range event.Stages {
			ok = ok || x == f.Stage
		}
		if !ok {
			return fmt.Errorf("--stage %q: not a stage", f.Stage)
		}
	}
	switch f.Review {
	case "", store.ReviewAll, store.ReviewCorrected, store.ReviewUnreviewed, store.StatusConfirmed,
		store.StatusRejected, store.StatusMerged:
	default:
		return fmt.Errorf("--review %q: want all, confirmed, rejected, merged, corrected or unreviewed", f.Review)
	}
	for flag, d := range map[string]string{"--since": f.Since, "--until": f.Until} {
		if d != "" && !validDate(d) {
			return fmt.Errorf("%s %q: want YYYY, YYYY-MM or YYYY-MM-DD", flag, d)
		}
	}
	return nil
}

func validDate(d string) bool {
	switch len(d) {
	case 4, 7, 10:
	default:
		return false
	}
	for i, r := range d {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func runExport(args []string) int {
	fs := newFlags("export")
	sf := addStoreFlags(fs)
	format := fs.String("format", "", "jsonl, csv, graphml, geojson or dyadyear")
	out := fs.String("out", "", "write to this file (default: standard output)")
	review := fs.String("review", "", "which events by analysts' review: all, confirmed, rejected, merged, corrected or unreviewed (default: all but rejected and merged-away events)")
	if _, code := parse(fs, args); code >= 0 {
		return code
	}
	if *format == "" {
		warnf("export: --format is required (jsonl, csv, graphml, geojson or dyadyear)")
		return 2
	}
	if err := checkFilter(store.Filter{Review: *review}); err != nil {
		warnf("export: %v", err)
		return 2
	}
	var w io.Writer = os.Stdout
	var file *os.File
	if *out != "" {
		f, err := os.CreateTemp(dirOf(*out), ".pactwatch-export-*")
		if err != nil {
			warnf("export: %v", err)
			return 1
		}
		defer os.Remove(f.Name()) // a no-op once renamed
		file, w = f, f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	ew, err := export.New(*format, bw, export.Options{})
	if err != nil {
		warnf("export: %v", err)
		return 2
	}
	ctx := context.Background()
	st, err := store.Open(ctx, *sf.db)
	if err != nil {
		warnf("export: %v", err)
		return 1
	}
	defer st.Close()
	err = st.EachEvent(ctx, store.Filter{Review: *review}, ew.Write)
	if err == nil {
		err = ew.Close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && file != nil {
		if err = file.Close(); err == nil {
			err = os.Rename(file.Name(), *out) // whole or nothing
		}
	}
	if err != nil {
		warnf("export: %v", err)
		return 1
	}
	return 0
}

func dirOf(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[:i+1]
	}
	return "."
}
