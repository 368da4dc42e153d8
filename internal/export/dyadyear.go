package export

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"

	"pactwatch/internal/event"
)

// dyadYearColumns is the header of the dyad-year panel.
var dyadYearColumns = func() []string {
	cols := []string{"state_a", "state_b", "year", "events"}
	for _, t := range event.Types {
		cols = append(cols, string(t))
	}
	return append(cols, "highest_stage", "first_date", "last_date")
}()

// dyadYear is one row of the panel: a pair of states in one year.
type dyadYear struct {
	dyad
	year int
}

// dyadYearWriter adds records up per pair of states and year and writes
// the panel, sorted, at Close. Memory grows with pairs × years, not events.
type dyadYearWriter struct {
	base
	out   csvOut
	fill  bool
	cells map[dyadYear]*tally
}

func newDyadYear(w io.Writer, opts Options) *dyadYearWriter {
	return &dyadYearWriter{base: base{format: "dyadyear"}, out: csvOut{w: w, bom: opts.BOM, header: dyadYearColumns},
		fill: opts.FillYears, cells: map[dyadYear]*tally{}}
}

func (d *dyadYearWriter) Write(r event.Record) error {
	if err := d.begin(); err != nil {
		return err
	}
	st := states(r)
	if len(st) < 2 {
		d.skip(SkipFewStates)
		return nil
	}
	if r.Date == "" {
		d.skip(SkipNoDate)
		return nil
	}
	year, err := yearOf(r.Date)
	if err != nil {
		d.skip(SkipBadDate)
		return nil
	}
	for _, p := range dyads(st) {
		k := dyadYear{p, year}
		t := d.cells[k]
		if t == nil {
			t = newTally()
			d.cells[k] = t
		}
		t.add(r, year)
	}
	return nil
}

func (d *dyadYearWriter) Close() error {
	if err := d.finish(); err != nil {
		return err
	}
	keys := slices.SortedFunc(maps.Keys(d.cells), func(a, b dyadYear) int {
		return cmp.Or(compareDyads(a.dyad, b.dyad), cmp.Compare(a.year, b.year))
	})
	empty := newTally()
	for i, k := range keys {
		if err := d.row(k, d.cells[k]); err != nil {
			return err
		}
		// zero rows up to the dyad's next year with events
		if d.fill && i+1 < len(keys) && keys[i+1].dyad == k.dyad {
			for y := k.year + 1; y < keys[i+1].year; y++ {
				if err := d.row(dyadYear{k.dyad, y}, empty); err != nil {
					return err
				}
			}
		}
	}
	if err := d.out.flush(); err != nil {
		return fmt.Errorf("export dyadyear: %w", err)
	}
	return nil
}

func (d *dyadYearWriter) row(k dyadYear, t *tally) error {
	cells := []string{neutralise(k.A), neutralise(k.B), strconv.Itoa(k.year), strconv.Itoa(t.events)}
	for _, n := range t.byType {
		cells = append(cells, strconv.Itoa(n))
	}
	cells = append(cells, string(t.stage), t.first, t.last)
	if err := d.out.row(cells); err != nil {
		return fmt.Errorf("export dyadyear: %w", err)
	}
	d.counts.Written++
	return nil
}
