package export

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer/coords"
)

// Writer writes records in one format. Write takes the records one by one;
// Close finishes the document (a footer, or the whole document for the
// aggregating formats) and flushes it, without closing the io.Writer
// underneath. Counts tells what was written and what was left out, and why.
type Writer interface {
	Write(event.Record) error
	Close() error
	Counts() Counts
}

// Options tune the writers; the zero value is the documented default.
type Options struct {
	// Places gives coordinates (geojson) and English state names
	// (graphml). Nil loads the embedded table of internal/gazetteer/coords.
	Places *coords.Table
	// CountryFallback puts an event whose location names a place that the
	// table does not know at the centroid of the location's state (geojson).
	// Off by default: such events are skipped and counted as unplaced.
	CountryFallback bool
	// FillYears writes a row of zeros for every year between a dyad's first
	// and last year that has no event (dyadyear). Off by default: only
	// years with events have a row.
	FillYears bool
	// BOM starts the CSV formats (csv, dyadyear) with a UTF-8 byte order
	// mark, which Excel needs to read non-Latin text right.
	BOM bool
}

// Counts says what a writer did with the records it was given.
type Counts struct {
	Records int            // records given to Write
	Written int            // lines, rows, features or graph edges written
	Skipped map[string]int // records left out, by reason (the Skip constants)
}

// Reasons a record is left out of a format.
const (
	SkipFewStates  = "few_states"  // fewer than two distinct states (graphml, dyadyear)
	SkipNoDate     = "no_date"     // no event date (dyadyear)
	SkipBadDate    = "bad_date"    // a date that is not YYYY, YYYY-MM or YYYY-MM-DD (dyadyear)
	SkipNoLocation = "no_location" // no location, or one with neither name nor state (geojson)
	SkipUnplaced   = "unplaced"    // a location the coordinates table cannot place (geojson)
)

// Formats lists the format names New accepts.
var Formats = []string{"jsonl", "csv", "graphml", "geojson", "dyadyear"}

// New returns a Writer of the named format writing to w.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	needPlaces := format == "graphml" || format == "geojson"
	if needPlaces && opts.Places == nil {
		t, err := coords.Load()
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", format, err)
		}
		opts.Places = t
	}
	switch format {
	case "jsonl":
		return newJSONL(w), nil
	case "csv":
		return newCSV(w, opts), nil
	case "graphml":
		return newGraphML(w, opts), nil
	case "geojson":
		return newGeoJSON(w, opts), nil
	case "dyadyear":
		return newDyadYear(w, opts), nil
	}
	return nil, fmt.Errorf("export: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// base keeps the bookkeeping every writer shares.
type base struct {
	format string
	counts Counts
	closed bool
}

func (b *base) begin() error {
	if b.closed {
		return fmt.Errorf("export %s: write after close", b.format)
	}
	b.counts.Records++
	return nil
}

func (b *base) skip(reason string) {
	if b.counts.Skipped == nil {
		b.counts.Skipped = map[string]int{}
	}
	b.counts.Skipped[reason]++
}

func (b *base) finish() error {
	if b.closed {
		return fmt.Errorf("export %s: closed twice", b.format)
	}
	b.closed = true
	return nil
}

// Counts returns a copy of the writer's counts.
func (b *base) Counts() Counts {
	c := b.counts
	c.Skipped = maps.Clone(b.counts.Skipped)
	return c
}

func (b *base) fail(r event.Record, err error) error {
	return fmt.Errorf("export %s record %d: %w", b.format, r.ID, err)
}

// states returns the record's distinct, non-empty states, sorted.
func states(r event.Record) []string {
	out := make([]string, 0, len(r.Countries))
	for _, c := range r.Countries {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dyad is an unordered pair of states, A < B.
type dyad struct{ A, B string }

func compareDyads(a, b dyad) int {
	return cmp.Or(strings.Compare(a.A, b.A), strings.Compare(a.B, b.B))
}

// dyads returns every pair of the states (sorted, distinct): an event of
// three states counts for each of its three pairs.
func dyads(states []string) []dyad {
	var out []dyad
	for i, a := range states {
		for _, b := range states[i+1:] {
			out = append(out, dyad{a, b})
		}
	}
	return out
}

// tally adds up the events of one pair of states (and, in the dyad-year
// panel, one year).
type tally struct {
	events      int
	byType      []int // indexed like event.Types
	first, last string
	stage       event.Stage
}

func newTally() *tally { return &tally{byType: make([]int, len(event.Types))} }

// add counts one record; year > 0 restricts its stage history to that year.
// An event of a type outside the spec counts in events only; a date that is
// not a spec date does not widen first and last.
func (t *tally) add(r event.Record, year int) {
	t.events++
	if i := typeIndex(r.Type); i >= 0 {
		t.byType[i]++
	}
	if _, err := yearOf(r.Date); err == nil {
		span(&t.first, &t.last, r.Date)
	}
	t.stage = higher(t.stage, highestStage(r, year))
}

// typeIndex returns the position of t in event.Types, or -1.
func typeIndex(t event.Type) int { return slices.Index(event.Types, t) }

// lifecycle is the order in which an agreement's stage is "higher":
// suspended and terminated are ruptures, not a higher stage.
var lifecycle = []event.Stage{event.Proposed, event.Negotiating, event.Signed, event.Ratified, event.InForce}

// higher returns the higher of two stages in lifecycle order; a stage
// outside the lifecycle never wins.
func higher(a, b event.Stage) event.Stage {
	if slices.Index(lifecycle, b) > slices.Index(lifecycle, a) {
		return b
	}
	return a
}

// highestStage returns the highest lifecycle stage a record reached: its
// agreement's stage and the stages of its history. With year > 0 only the
// history steps dated in that year (or undated) count.
func highestStage(r event.Record, year int) event.Stage {
	var s event.Stage
	if r.Agreement != nil {
		s = higher(s, r.Agreement.Stage)
	}
	for _, st := range r.Stages {
		if year > 0 && st.Date != "" {
			if y, err := yearOf(st.Date); err != nil || y != year {
				continue
			}
		}
		s = higher(s, st.Stage)
	}
	return s
}

// yearOf reads the year of a spec date: YYYY, YYYY-MM or YYYY-MM-DD.
func yearOf(date string) (int, error) {
	parts := strings.Split(date, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", date)
	}
	limits := []int{9999, 12, 31}
	var year int
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			return 0, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", date)
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > limits[i] || strings.ContainsAny(p, "+-") {
			return 0, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", date)
		}
		if i == 0 {
			year = n
		}
	}
	return year, nil
}

// span widens a first/last date pair with one more date. Dates of mixed
// precision compare as text: "2024" sorts before "2024-03".
func span(first, last *string, date string) {
	if date == "" {
		return
	}
	if *first == "" || date < *first {
		*first = date
	}
	if *last == "" || date > *last {
		*last = date
	}
}

// neutralise defuses spreadsheet formulas: a cell that starts with = + - @,
// a tab or a carriage return gets a leading apostrophe, so that Excel,
// LibreOffice and Google Sheets show it as text instead of running it.
func neutralise(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
