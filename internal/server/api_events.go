package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"pactwatch/internal/event"
	"pactwatch/internal/export"
	"pactwatch/internal/store"
)

// eventItem is an event in a list: its record (corrected values) and the
// gist of its review.
type eventItem struct {
	event.Record
	Review reviewBrief `json:"review"`
}

// reviewBrief says whether analysts acted on an event.
type reviewBrief struct {
	Status    string `json:"status"` // "", confirmed, rejected or merged
	Corrected bool   `json:"corrected"`
}

func brief(e *entry) reviewBrief {
	status := map[uint8]string{statusConfirmed: store.StatusConfirmed, statusRejected: store.StatusRejected,
		statusMerged: store.StatusMerged}[e.status]
	return reviewBrief{Status: status, Corrected: e.flags&flagCorrected != 0}
}

// eventPage is one page of events.
type eventPage struct {
	Total  int         `json:"total"`
	Limit  int         `json:"limit"`
	Offset int         `json:"offset"`
	Sort   string      `json:"sort"`
	Order  string      `json:"order"`
	Events []eventItem `json:"events"`
}

func order(desc bool) string {
	if desc {
		return "desc"
	}
	return "asc"
}

// query parses a request's filters and resolves its text search.
func (s *Server) query(r *http.Request) (filter, *snapshot, error) {
	f, err := parseFilter(r.URL.Query(), s.regions)
	if err != nil {
		return f, nil, badRequest(err)
	}
	if err := f.withText(r.Context(), s.st); err != nil {
		return f, nil, err
	}
	snap, err := s.cat.current(r.Context())
	if err != nil {
		return f, nil, err
	}
	return f, snap, nil
}

func (s *Server) getEvents(w http.ResponseWriter, r *http.Request) (any, error) {
	f, snap, err := s.query(r)
	if err != nil {
		return nil, err
	}
	sel := snap.selection(&f, s.regions)
	ids, total := snap.page(&sel, f.Sort, f.Desc, f.Offset, f.Limit)
	items, err := s.items(r.Context(), snap, ids)
	if err != nil {
		return nil, err
	}
	return eventPage{Total: total, Limit: f.Limit, Offset: f.Offset, Sort: f.Sort, Order: order(f.Desc), Events: items}, nil
}

// items loads the records of these events; one deleted since the index
// was made is left out.
func (s *Server) items(ctx context.Context, snap *snapshot, ids []int64) ([]eventItem, error) {
	out := make([]eventItem, 0, len(ids))
	for _, id := range ids {
		rec, err := s.st.Event(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		it := eventItem{Record: rec}
		if e, ok := snap.byID(id); ok {
			it.Review = brief(e)
		}
		out = append(out, it)
	}
	return out, nil
}

func pathID(r *http.Request, name string) (int64, error) {
	v := r.PathValue(name)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest(fmt.Errorf("%s %q: want a positive whole number", name, v))
	}
	return id, nil
}

// eventDetail is everything the event page shows.
type eventDetail struct {
	Event   event.Record  `json:"event"`
	Review  *reviewDetail `json:"review"`  // null when no analyst acted on it
	Machine *event.Record `json:"machine"` // the machine's record, when reviewed
	Sources []sourceInfo  `json:"sources"`
	// StageHistory is the record's stages, each marked as read by the
	// machine or set by an analyst (with who and when).
	StageHistory []store.StageStep `json:"stage_history"`
}

// reviewDetail is an event's review with the machine's value of every
// corrected field.
type reviewDetail struct {
	Status     string                    `json:"status"`
	Fields     map[string]correctedField `json:"fields"`
	MergedInto int64                     `json:"merged_into,omitempty"`
	SplitFrom  int64                     `json:"split_from,omitempty"`
	Merged     []int64                   `json:"merged"`
	SplitOff   []int64                   `json:"split_off"`
	Reviewer   string                    `json:"reviewer"`
	At         time.Time                 `json:"at"`
	History    []store.ReviewAction      `json:"history"`
}

// correctedField is an analyst's value beside the machine's.
type correctedField struct {
	Value   json.RawMessage `json:"value"`
	Machine json.RawMessage `json:"machine"`
	By      string          `json:"by"`
	At      time.Time       `json:"at"`
}

// sourceInfo is one article that reports the event.
type sourceInfo struct {
	Article   string   `json:"article"`
	Key       int64    `json:"key,omitempty"` // for /api/articles/{key}; 0 when not stored
	URL       string   `json:"url,omitempty"`
	Outlet    string   `json:"outlet,omitempty"` // the URL's host
	Title     string   `json:"title,omitempty"`
	Language  string   `json:"language,omitempty"`
	Dir       string   `json:"dir"` // ltr or rtl
	Published string   `json:"published,omitempty"`
	Evidence  []string `json:"evidence"`
	Spans     int      `json:"spans"` // evidence ranges located in the article's text
}

// machineValue is the JSON of one correctable field of a record.
func machineValue(rec *event.Record, field string) json.RawMessage {
	var v any
	switch field {
	case "type":
		v = rec.Type
	case "countries":
		v = rec.Countries
	case "date":
		v = rec.Date
	case "stage":
		v = ""
		if rec.Agreement != nil {
			v = rec.Agreement.Stage
		}
	case "location":
		v = rec.Location
	case "persons":
		v = rec.Persons
	}
	b, _ := json.Marshal(v)
	return b
}

func (s *Server) getEvent(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	rec, err := s.st.Event(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, s.goneEvent(ctx, id, err)
	}
	if err != nil {
		return nil, err
	}
	d := eventDetail{Event: rec, Sources: []sourceInfo{}}
	rv, ok, err := s.st.Review(ctx, id)
	if err != nil {
		return nil, err
	}
	d.StageHistory = store.StageHistory(&rec, nil)
	if ok {
		d.StageHistory = store.StageHistory(&rec, &rv)
		hist, err := s.st.ReviewHistory(ctx, id)
		if err != nil {
			return nil, err
		}
		rd := &reviewDetail{Status: rv.Status, Fields: map[string]correctedField{}, MergedInto: rv.MergedInto,
			SplitFrom: rv.SplitFrom, Merged: nonNil(rv.Merged), SplitOff: nonNil(rv.SplitOff), Reviewer: rv.Reviewer,
			At: rv.At, History: hist}
		if rd.History == nil {
			rd.History = []store.ReviewAction{}
		}
		for name, c := range rv.Fields {
			rd.Fields[name] = correctedField{Value: c.Value, Machine: machineValue(&rv.Machine, name), By: c.By, At: c.At}
		}
		d.Review, d.Machine = rd, &rv.Machine
	}
	evidence, err := s.st.EventEvidence(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, src := range rec.Sources {
		si := sourceInfo{Article: src.Article, URL: src.URL, Outlet: outlet(src.URL), Language: src.Language,
			Dir: direction(src.Language), Published: src.Published, Evidence: src.Evidence}
		if si.Evidence == nil {
			si.Evidence = []string{}
		}
		for _, ev := range evidence {
			if ev.Article == src.Article {
				si.Key, si.Spans = ev.Key, len(ev.Spans)
			}
		}
		if si.Key != 0 {
			if a, err := s.st.Article(ctx, si.Key); err == nil {
				si.Title = a.Title
			}
		}
		d.Sources = append(d.Sources, si)
	}
	return d, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// outlet is the host of a source's URL, without "www.".
func outlet(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// rtlLanguages are written right to left.
var rtlLanguages = []string{"ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "ug", "sd"}

// direction is the writing direction of a language code.
func direction(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if slices.Contains(rtlLanguages, base) {
		return "rtl"
	}
	return "ltr"
}

// articleView is an article's cleaned text cut into segments, the evidence
// of one event marked.
type articleView struct {
	Key       int64     `json:"key"`
	Article   string    `json:"article"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title"`
	Language  string    `json:"language"`
	Dir       string    `json:"dir"`
	Published string    `json:"published,omitempty"`
	Extracted bool      `json:"extracted"`
	Error     string    `json:"error,omitempty"`
	Event     int64     `json:"event,omitempty"` // whose evidence is marked
	Segments  []segment `json:"segments"`
	Marks     int       `json:"marks"`
}

// segment is a run of the text, marked when it is evidence.
type segment struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) (any, error) {
	key, err := pathID(r, "key")
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	a, err := s.st.Article(ctx, key)
	if err != nil {
		return nil, err
	}
	v := articleView{Key: a.Key, Article: a.ID, URL: a.URL, Outlet: outlet(a.URL), Title: a.Title, Language: a.Language,
		Dir: direction(a.Language), Extracted: !a.ExtractedAt.IsZero(), Error: a.Error}
	if !a.Published.IsZero() {
		v.Published = a.Published.Format(time.DateOnly)
	}
	var spans []event.Span
	if ev := r.URL.Query().Get("event"); ev != "" {
		id, err := strconv.ParseInt(ev, 10, 64)
		if err != nil || id <= 0 {
			return nil, badRequest(fmt.Errorf("event %q: want a positive whole number", ev))
		}
		evidence, err := s.st.EventEvidence(ctx, id)
		if err != nil {
			return nil, err
		}
		v.Event = id
		for _, e := range evidence {
			if e.Key == key {
				spans = e.Spans
			}
		}
	}
	v.Segments, v.Marks = segments(a.Text, spans)
	return v, nil
}

// segments cuts text at the spans (sorted, not overlapping; byte offsets)
// into plain and marked runs. A span outside the text or not on character
// boundaries is left out.
func segments(text string, spans []event.Span) ([]segment, int) {
	out := []segment{}
	at, marks := 0, 0
	for _, sp := range spans {
		if sp.Start < at || sp.End > len(text) || sp.End <= sp.Start ||
			!utf8.RuneStart(text[sp.Start]) || (sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
			continue
		}
		if sp.Start > at {
			out = append(out, segment{Text: text[at:sp.Start]})
		}
		out = append(out, segment{Text: text[sp.Start:sp.End], Mark: true})
		marks++
		at = sp.End
	}
	if at < len(text) {
		out = append(out, segment{Text: text[at:]})
	}
	return out, marks
}

// exportFormats are the downloads of the events table.
var exportFormats = map[string]struct{ contentType, ext string }{
	"csv":     {"text/csv; charset=utf-8", "csv"},
	"json":    {"application/json; charset=utf-8", "json"},
	"jsonl":   {"application/x-ndjson; charset=utf-8", "jsonl"},
	"graphml": {"application/graphml+xml; charset=utf-8", "graphml"},
}

// maxExport bounds one download.
const maxExport = 1_000_000

// getExport streams the events a filter selects, in the table's order, as
// CSV, a JSON array, JSON Lines or GraphML.
func (s *Server) getExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := q.Get("format")
	ft, ok := exportFormats[format]
	if !ok {
		writeError(w, http.StatusBadRequest, fmt.Errorf("format %q: want csv, json, jsonl or graphml", format))
		return
	}
	q.Del("limit")
	q.Del("offset")
	r2 := r.Clone(r.Context())
	r2.URL.RawQuery = q.Encode()
	f, snap, err := s.query(r2)
	if err != nil {
		var he *httpError
		if errors.As(err, &he) {
			writeError(w, he.status, err)
		} else {
			writeError(w, http.StatusInternalServerError, err)
		}
		return
	}
	sel := snap.selection(&f, s.regions)
	ids, _ := snap.page(&sel, f.Sort, f.Desc, 0, maxExport)
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(30 * time.Minute))
	h := w.Header()
	h.Set("Content-Type", ft.contentType)
	h.Set("Content-Disposition", `attachment; filename="pactwatch-events.`+ft.ext+`"`)
	h.Set("Cache-Control", "no-store")
	bw := bufio.NewWriterSize(w, 64<<10)
	defer bw.Flush()
	var write func(event.Record) error
	var finish func() error
	if format == "json" {
		enc := json.NewEncoder(bw)
		n := 0
		bw.WriteString("[")
		write = func(rec event.Record) error {
			if n > 0 {
				bw.WriteString(",")
			}
			n++
			return enc.Encode(rec)
		}
		finish = func() error { _, err := bw.WriteString("]\n"); return err }
	} else {
		ew, err := export.New(format, bw, export.Options{Places: s.places, BOM: format == "csv"})
		if err != nil {
			writeError(w, http.StatusInternalServerError, err)
			return
		}
		write, finish = ew.Write, ew.Close
	}
	ctx := r.Context()
	for _, id := range ids {
		rec, err := s.st.Event(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err == nil {
			err = write(rec)
		}
		if err != nil {
			s.log.Warn("export", "err", err)
			return
		}
	}
	if err := finish(); err != nil {
		s.log.Warn("export", "err", err)
	}
}
