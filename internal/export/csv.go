package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"pactwatch/internal/event"
)

// csvColumns is the header of the csv format, one row per event.
var csvColumns = []string{
	"id", "type", "countries", "initiator", "date", "location", "location_country",
	"stage", "agreement_kind", "persons", "domains", "organizations", "confidence",
	"n_sources", "first_reported", "last_reported", "sources", "urls", "evidence",
}

// csvWriter writes one row per record, every text cell defused against
// spreadsheet formulas.
type csvWriter struct {
	base
	out csvOut
}

func newCSV(w io.Writer, opts Options) *csvWriter {
	return &csvWriter{base: base{format: "csv"}, out: csvOut{w: w, bom: opts.BOM, header: csvColumns}}
}

func (c *csvWriter) Write(r event.Record) error {
	if err := c.begin(); err != nil {
		return err
	}
	if err := c.out.row(csvRow(r)); err != nil {
		return c.fail(r, err)
	}
	c.counts.Written++
	return nil
}

func (c *csvWriter) Close() error {
	if err := c.finish(); err != nil {
		return err
	}
	if err := c.out.flush(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

// csvOut writes RFC 4180 CSV (CRLF line ends, UTF-8): an optional byte
// order mark and the header before the first row, or at flush when there
// is no row.
type csvOut struct {
	w      io.Writer
	bom    bool
	header []string
	cw     *csv.Writer
}

func (o *csvOut) start() error {
	if o.cw != nil {
		return nil
	}
	if o.bom {
		if _, err := io.WriteString(o.w, "\ufeff"); err != nil {
			return err
		}
	}
	o.cw = csv.NewWriter(o.w)
	o.cw.UseCRLF = true
	return o.cw.Write(o.header)
}

func (o *csvOut) row(cells []string) error {
	if err := o.start(); err != nil {
		return err
	}
	return o.cw.Write(cells)
}

func (o *csvOut) flush() error {
	if err := o.start(); err != nil {
		return err
	}
	o.cw.Flush()
	return o.cw.Error()
}

func csvRow(r event.Record) []string {
	var loc, locCountry, stage, kind string
	if r.Location != nil {
		loc, locCountry = r.Location.Name, r.Location.Country
	}
	if r.Agreement != nil {
		stage, kind = string(r.Agreement.Stage), r.Agreement.Kind
	}
	persons := make([]string, len(r.Persons))
	for i, p := range r.Persons {
		persons[i] = personCell(p)
	}
	var ids, urls []string
	for _, s := range r.Sources {
		ids = append(ids, s.Article)
		if s.URL != "" {
			urls = append(urls, s.URL)
		}
	}
	row := []string{
		strconv.FormatInt(r.ID, 10),
		string(r.Type),
		strings.Join(r.Countries, ";"),
		r.Initiator,
		r.Date,
		loc,
		locCountry,
		stage,
		kind,
		strings.Join(persons, "; "),
		strings.Join(r.Domains, ";"),
		strings.Join(r.Organizations, ";"),
		strconv.FormatFloat(r.Confidence, 'f', -1, 64),
		strconv.Itoa(len(r.Sources)),
		r.FirstReported,
		r.LastReported,
		strings.Join(ids, ";"),
		strings.Join(urls, ";"),
		firstEvidence(r),
	}
	for i := range row {
		row[i] = neutralise(row[i])
	}
	return row
}

// personCell writes a person as "Name (role, ISO3)", leaving out what is
// unknown.
func personCell(p event.Person) string {
	var tags []string
	for _, t := range []string{p.Role, p.Country} {
		if t != "" {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		return p.Name
	}
	return p.Name + " (" + strings.Join(tags, ", ") + ")"
}

// firstEvidence returns the record's first evidence sentence, or its first
// source's when the record has none of its own.
func firstEvidence(r event.Record) string {
	if len(r.Evidence) > 0 {
		return r.Evidence[0]
	}
	for _, s := range r.Sources {
		if len(s.Evidence) > 0 {
			return s.Evidence[0]
		}
	}
	return ""
}
