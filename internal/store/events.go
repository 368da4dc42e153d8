package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"pactwatch/internal/event"
)

// Filter selects merged events. The zero Filter selects every event.
type Filter struct {
	Countries     []string     // ISO alpha-3 codes that must all be among the event's states
	Types         []event.Type // any of these types; none: every type
	Stage         event.Stage  // the agreement's stage; empty: any
	Since, Until  string       // YYYY[-MM[-DD]], inclusive, compared with the event's date (see Events)
	Q             string       // full text: every term in the cleaned text of one of its sources
	MinConfidence float64      // at least this confidence
	Review        string       // "": all but rejected and merged events; ReviewAll, a status, ReviewCorrected or ReviewUnreviewed (reviews.go)
	Limit, Offset int          // a page: at most Limit events (0: no limit) after skipping Offset
}

var filterDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// SQL of the event queries. A query is put together from these constant
// parts by which filters are set; every value travels as an argument.
const (
	eventSQL            = `SELECT id, record FROM events WHERE id = ?`
	fromEvents          = ` FROM events e`
	fromCountry         = ` FROM event_countries d JOIN events e ON e.id = d.event_id`
	fromPair            = ` FROM event_pairs d JOIN events e ON e.id = d.event_id`
	whereCountry        = `d.country = ?`
	wherePair           = `d.a = ? AND d.b = ?`
	whereAlsoCountry    = `EXISTS (SELECT 1 FROM event_countries x WHERE x.event_id = d.event_id AND x.country = ?)`
	whereStage          = `e.stage = ?`
	whereConfidence     = `e.confidence >= ?`
	whereSourceMatches  = `e.id IN (` + eventsOfArticlesSQL + `)` // %s: the articles matched
	orderEventsByDate   = ` ORDER BY e.date DESC, e.id`
	orderDrivingByDate  = ` ORDER BY d.date DESC, d.event_id`
	selectRecords       = `SELECT e.id, e.date, e.record`
	selectCount         = `SELECT count(*)`
	limitOffset         = ` LIMIT ? OFFSET ?`
	whereDateSince      = ` >= ?`
	whereDateUntilKnown = ` <> ''`
	whereDateUntil      = ` <= ?`
	// After a page: the rows after (date, id) in the order of the query.
	whereAfterDate = ` <= ?`
	whereAfterRow  = `(%s < ? OR %s > ?)`
)

// cursor is where a page of events ended: the last row's date and id.
type cursor struct {
	date string
	id   int64
}

// eventQuery returns the query for f (records in order, or their count)
// and its arguments.
//
// A filter on one state reads event_countries and on two or more states
// event_pairs, both indexed by state(s) then date: the first page of a
// state's or a pair's events is one index range, read in order. The event's
// date is repeated there for that purpose.
func (s *Store) eventQuery(f Filter, count bool, after *cursor) (string, []any, error) {
	for _, d := range []string{f.Since, f.Until} {
		if d != "" && !filterDate.MatchString(d) {
			return "", nil, fmt.Errorf("filter date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	if f.Limit < 0 || f.Offset < 0 {
		return "", nil, fmt.Errorf("filter limit %d, offset %d: want 0 or more", f.Limit, f.Offset)
	}
	var cs []string
	for _, c := range f.Countries {
		if c = strings.ToUpper(strings.TrimSpace(c)); c != "" {
			cs = append(cs, c)
		}
	}
	slices.Sort(cs)
	cs = slices.Compact(cs)

	var where []string
	var args []any
	from, dateCol, idCol, order := fromEvents, "e.date", "e.id", orderEventsByDate
	switch {
	case len(cs) == 1:
		from, dateCol, idCol, order = fromCountry, "d.date", "d.event_id", orderDrivingByDate
		where, args = append(where, whereCountry), append(args, cs[0])
	case len(cs) >= 2:
		from, dateCol, idCol, order = fromPair, "d.date", "d.event_id", orderDrivingByDate
		where, args = append(where, wherePair), append(args, cs[0], cs[1])
		for _, c := range cs[2:] {
			where, args = append(where, whereAlsoCountry), append(args, c)
		}
	}
	if len(f.Types) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(f.Types)), ", ")
		where = append(where, "e.type IN ("+marks+")")
		for _, t := range f.Types {
			args = append(args, string(t))
		}
	}
	if f.Stage != "" {
		where, args = append(where, whereStage), append(args, string(f.Stage))
	}
	if f.Since != "" {
		where, args = append(where, dateCol+whereDateSince), append(args, f.Since)
	}
	if f.Until != "" {
		// A date compares as text: 2025 < 2025-03 < 2025-03-14. Until
		// 2025-03 takes all of March, so it compares with "2025-03~"
		// ('~' sorts after the digits and '-'); undated events never match.
		where = append(where, dateCol+whereDateUntilKnown, dateCol+whereDateUntil)
		args = append(args, f.Until+"~")
	}
	if f.MinConfidence > 0 {
		where, args = append(where, whereConfidence), append(args, f.MinConfidence)
	}
	review, rargs, err := reviewWhere(f.Review)
	if err != nil {
		return "", nil, err
	}
	if review != "" {
		where, args = append(where, review), append(args, rargs...)
	}
	if after != nil {
		// date <= D first: an index range; then the rows of date D after id.
		where = append(where, dateCol+whereAfterDate, fmt.Sprintf(whereAfterRow, dateCol, idCol))
		args = append(args, after.date, after.date, after.id)
	}
	if f.Q != "" {
		match, margs := s.searchSQL(f.Q)
		if match == "" {
			return "", nil, fmt.Errorf("filter text %q: no term to search", f.Q)
		}
		where, args = append(where, fmt.Sprintf(whereSourceMatches, match)), append(args, margs...)
	}
	var b strings.Builder
	if count {
		b.WriteString(selectCount)
	} else {
		b.WriteString(selectRecords)
	}
	b.WriteString(from)
	if len(where) > 0 {
		b.WriteString(" WHERE ")
		b.WriteString(strings.Join(where, " AND "))
	}
	if !count {
		b.WriteString(order)
		limit := int64(f.Limit)
		if limit == 0 {
			limit = math.MaxInt64
		}
		b.WriteString(limitOffset)
		args = append(args, limit, int64(f.Offset))
	}
	return s.q(b.String()), args, nil
}

// Events returns the events f selects, latest first: by date descending
// (a date compares as text, so an undated event comes last and 2025-03
// after 2025-03-14), then by id.
func (s *Store) Events(ctx context.Context, f Filter) ([]event.Record, error) {
	var out []event.Record
	err := s.EachEvent(ctx, f, func(r event.Record) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// eachEventPage is how many events EachEvent reads at a time.
const eachEventPage = 500

// EachEvent calls fn with each event f selects, in the order of Events. It
// reads a page of events at a time (memory does not grow with the store)
// and holds no query open while fn runs, so fn may use the store, even on
// SQLite's single connection. Each page is read on its own: an event that
// changes date between two pages may be missed or seen twice. It stops at
// fn's first error and returns it.
func (s *Store) EachEvent(ctx context.Context, f Filter, fn func(event.Record) error) error {
	if f.Limit < 0 || f.Offset < 0 {
		return fmt.Errorf("filter limit %d, offset %d: want 0 or more", f.Limit, f.Offset)
	}
	left := f.Limit // 0: no limit
	var after *cursor
	for {
		page := f
		page.Limit = eachEventPage
		if left > 0 {
			page.Limit = min(left, eachEventPage)
		}
		if after != nil {
			page.Offset = 0
		}
		recs, last, err := s.eventPage(ctx, page, after)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(recs) < page.Limit {
			return nil
		}
		if left > 0 {
			if left -= len(recs); left == 0 {
				return nil
			}
		}
		after = &last
	}
}

// eventPage reads one page of events and says where it ended.
func (s *Store) eventPage(ctx context.Context, f Filter, after *cursor) ([]event.Record, cursor, error) {
	query, args, err := s.eventQuery(f, false, after)
	if err != nil {
		return nil, cursor{}, err
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, cursor{}, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	var recs []event.Record
	var last cursor
	for rows.Next() {
		var js []byte
		if err := rows.Scan(&last.id, &last.date, &js); err != nil {
			return nil, cursor{}, fmt.Errorf("events: %w", err)
		}
		rec, err := decodeRecord(last.id, js)
		if err != nil {
			return nil, cursor{}, err
		}
		recs = append(recs, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, cursor{}, fmt.Errorf("events: %w", err)
	}
	return recs, last, nil
}

// CountEvents returns how many events f selects (Limit and Offset aside).
func (s *Store) CountEvents(ctx context.Context, f Filter) (int, error) {
	query, args, err := s.eventQuery(f, true, nil)
	if err != nil {
		return 0, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n, nil
}

// Event returns the event with this id; ErrNotFound when none.
func (s *Store) Event(ctx context.Context, id int64) (event.Record, error) {
	var js []byte
	err := s.dbQueryRow(ctx, eventSQL, id).Scan(&id, &js)
	if errors.Is(err, sql.ErrNoRows) {
		return event.Record{}, fmt.Errorf("event %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return event.Record{}, fmt.Errorf("event %d: %w", id, err)
	}
	return decodeRecord(id, js)
}

func decodeRecord(id int64, js []byte) (event.Record, error) {
	var rec event.Record
	if err := json.Unmarshal(js, &rec); err != nil {
		return event.Record{}, fmt.Errorf("event %d: decode record: %w", id, err)
	}
	rec.ID = id
	return rec, nil
}

// Mentions returns the mentions stored for an article, in the order the
// extractor gave them, as merge reads them.
func (s *Store) Mentions(ctx context.Context, article int64) ([]event.Mention, error) {
	rows, err := s.mentions(ctx, s.db, articleMentionsSQL, article)
	if err != nil {
		return nil, fmt.Errorf("mentions of article %d: %w", article, err)
	}
	out := make([]event.Mention, 0, len(rows))
	for i := range rows {
		m, err := rows[i].mention()
		if err != nil {
			return nil, fmt.Errorf("mentions of article %d: %w", article, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// insertBatch is how many records InsertRecords writes per transaction, and
// rowsPerInsert how many rows go in one INSERT statement.
const (
	insertBatch   = 20000
	rowsPerInsert = 64
)

// Bulk inserts: the head of each INSERT; VALUES rows are added by count.
const (
	insertEventHead = `INSERT INTO events (id, merge_key, type, date, initiator, location, location_country, stage,
	confidence, first_reported, last_reported, n_sources, updated_at, record)`
	insertEventWidth    = 14
	insertCountryHead   = `INSERT INTO event_countries (event_id, country, date)`
	insertCountryWidth  = 3
	insertPairHead      = `INSERT INTO event_pairs (event_id, a, b, date)`
	insertPairWidth     = 4
	sqliteNextEventID   = `SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)`
	postgresNextEventID = `SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, ?)`
	bulkCacheSQL        = `PRAGMA cache_size = -262144` // 256 MB
	normalCacheSQL      = `PRAGMA cache_size = -32000`  // as sqlitePragmas sets it
)

// InsertRecords writes ready-made merged records (with no mentions behind
// them) as new events, in large transactions: the fast path that builds a
// store for benchmarks and the generate command. Each record gets a new id,
// written into recs[i].ID.
func (s *Store) InsertRecords(ctx context.Context, recs []event.Record) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("insert records: %w", err)
	}
	defer conn.Close()
	if s.dialect == SQLite {
		// Index pages are hit all over: a large cache for the load, the
		// usual one again for whoever gets the connection next.
		if _, err := conn.ExecContext(ctx, bulkCacheSQL); err != nil {
			return fmt.Errorf("insert records: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), normalCacheSQL)
	}
	for start := 0; start < len(recs); start += insertBatch {
		chunk := recs[start:min(start+insertBatch, len(recs))]
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("insert records: %w", err)
		}
		err = s.insertRecords(ctx, tx, chunk)
		if err == nil {
			err = tx.Commit()
		} else {
			tx.Rollback()
		}
		if err != nil {
			return fmt.Errorf("insert records %d..%d: %w", start, start+len(chunk)-1, err)
		}
	}
	return nil
}

func (s *Store) insertRecords(ctx context.Context, tx *sql.Tx, chunk []event.Record) error {
	ids, err := s.allocateEventIDs(ctx, tx, len(chunk))
	if err != nil {
		return err
	}
	now := s.now()
	var evs, cs, ps [][]any
	for i := range chunk {
		chunk[i].ID = ids[i]
		js, err := json.Marshal(&chunk[i])
		if err != nil {
			return fmt.Errorf("encode record %d: %w", i, err)
		}
		e, c, p := eventRows(chunk[i].Key(), &chunk[i], string(js), now)
		evs, cs, ps = append(evs, e), append(cs, c...), append(ps, p...)
	}
	if err := s.insertRows(ctx, tx, insertEventHead, insertEventWidth, evs); err != nil {
		return err
	}
	if err := s.insertRows(ctx, tx, insertCountryHead, insertCountryWidth, cs); err != nil {
		return err
	}
	return s.insertRows(ctx, tx, insertPairHead, insertPairWidth, ps)
}

// insertEvent writes one new event (its id already allocated) with its
// states and pairs.
func (s *Store) insertEvent(ctx context.Context, tx *sql.Tx, key string, rec *event.Record, js string, now any) error {
	e, c, p := eventRows(key, rec, js, now)
	if err := s.insertRows(ctx, tx, insertEventHead, insertEventWidth, [][]any{e}); err != nil {
		return fmt.Errorf("insert event %d: %w", rec.ID, err)
	}
	if err := s.insertRows(ctx, tx, insertCountryHead, insertCountryWidth, c); err != nil {
		return fmt.Errorf("insert event %d: %w", rec.ID, err)
	}
	if err := s.insertRows(ctx, tx, insertPairHead, insertPairWidth, p); err != nil {
		return fmt.Errorf("insert event %d: %w", rec.ID, err)
	}
	return nil
}

// insertRows inserts rows of width values each, rowsPerInsert per statement
// (one statement prepared for all the full ones).
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, head string, width int, rows [][]any) error {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
	query := func(n int) string {
		return s.q(head + " VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", n), ", "))
	}
	var full *sql.Stmt
	if len(rows) >= 2*rowsPerInsert {
		var err error
		if full, err = tx.PrepareContext(ctx, query(rowsPerInsert)); err != nil {
			return err
		}
		defer full.Close()
	}
	args := make([]any, 0, rowsPerInsert*width)
	for start := 0; start < len(rows); start += rowsPerInsert {
		part := rows[start:min(start+rowsPerInsert, len(rows))]
		args = args[:0]
		for _, r := range part {
			args = append(args, r...)
		}
		var err error
		if full != nil && len(part) == rowsPerInsert {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, query(len(part)), args...)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// columns are the events columns that repeat a record's fields.
type columns struct {
	typ, date, initiator, location, locCountry, stage string
	confidence                                        float64
	first, last                                       string
	sources                                           int
}

func eventColumns(rec *event.Record) columns {
	c := columns{typ: text(string(rec.Type)), date: text(rec.Date), initiator: text(rec.Initiator),
		confidence: rec.Confidence, first: text(rec.FirstReported), last: text(rec.LastReported),
		sources: len(rec.Sources)}
	if rec.Location != nil {
		c.location, c.locCountry = text(rec.Location.Name), text(rec.Location.Country)
	}
	if rec.Agreement != nil {
		c.stage = text(string(rec.Agreement.Stage))
	}
	return c
}

// eventRows returns the rows of one event: events, event_countries and
// event_pairs (every pair of its states, a < b).
func eventRows(key string, rec *event.Record, js string, now any) (ev []any, countries, pairs [][]any) {
	c := eventColumns(rec)
	ev = []any{rec.ID, text(key), c.typ, c.date, c.initiator, c.location, c.locCountry, c.stage, c.confidence,
		c.first, c.last, c.sources, now, js}
	cs := slices.Clone(rec.Countries)
	for i := range cs {
		cs[i] = text(cs[i])
	}
	slices.Sort(cs)
	cs = slices.Compact(cs)
	for i, a := range cs {
		countries = append(countries, []any{rec.ID, a, c.date})
		for _, b := range cs[i+1:] {
			pairs = append(pairs, []any{rec.ID, a, b, c.date})
		}
	}
	return ev, countries, pairs
}

// allocateEventIDs reserves n new event ids. SQLite: the ids after the
// highest ever given (the transaction holds the write lock, so no one else
// takes them); PostgreSQL: n values of the identity's sequence.
func (s *Store) allocateEventIDs(ctx context.Context, tx *sql.Tx, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	ids := make([]int64, 0, n)
	if s.dialect == SQLite {
		var last int64
		if err := s.txQueryRow(ctx, tx, sqliteNextEventID).Scan(&last); err != nil {
			return nil, err
		}
		for i := range n {
			ids = append(ids, last+1+int64(i))
		}
		return ids, nil
	}
	rows, err := s.txQuery(ctx, tx, postgresNextEventID, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.Sort(ids)
	return ids, nil
}
