package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"pactwatch/internal/event"
)

// Watch is a saved question an analyst wants to hear about: the events
// that involve all of Countries, of one of Types (any when empty), at
// Stage (any when empty), at least MinConfidence sure. A state, a pair, a
// type and an agreement reaching a stage are all watches. The events that
// match it are its hits, from the time they first matched; Webhook, when
// set, is called with new hits.
type Watch struct {
	ID            int64        `json:"id"`
	Name          string       `json:"name"`
	Countries     []string     `json:"countries"`
	Types         []event.Type `json:"types"`
	Stage         event.Stage  `json:"stage,omitempty"`
	MinConfidence float64      `json:"min_confidence,omitempty"`
	Webhook       string       `json:"webhook,omitempty"`
	CreatedBy     string       `json:"created_by,omitempty"`
	CreatedAt     time.Time    `json:"created_at"`
	SeenAt        time.Time    `json:"seen_at"` // hits after this are new
	New           int          `json:"new"`     // hits after SeenAt (filled by Watches and Watch)
	CheckedUntil  time.Time    `json:"-"`
}

// Hit is an event that matched a watch.
type Hit struct {
	EventID  int64     `json:"event"`
	At       time.Time `json:"at"`  // when it first matched
	New      bool      `json:"new"` // matched after the analyst last looked
	Notified bool      `json:"notified"`
}

// Summary is an event's filterable fields: what watches match and what an
// index in memory (the server's) keeps of each event.
type Summary struct {
	ID              int64
	Type            event.Type
	Countries       []string // sorted
	Date            string
	Stage           event.Stage
	Confidence      float64
	Sources         int
	Initiator       string
	Location        string
	LocationCountry string
	Status          string // the review status
	Reviewed        bool   // an analyst acted on it
	Corrected       bool   // an analyst corrected a field
	Updated         time.Time
}

// Mark tells whether the events changed: a reader compares it with the
// Mark it saw last.
type Mark struct {
	Events  int64     // how many events there are
	MaxID   int64     // the highest event id
	Updated time.Time // the latest update of an event
}

// SQL of watches and summaries.
const (
	watchColumns   = `id, name, countries, types, stage, min_confidence, webhook, created_by, created_at, checked_until, seen_at`
	insertWatchSQL = `INSERT INTO watches (name, countries, types, stage, min_confidence, webhook, created_by,
	created_at, checked_until, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
	watchSQL        = `SELECT ` + watchColumns + ` FROM watches WHERE id = ?`
	watchesSQL      = `SELECT ` + watchColumns + ` FROM watches ORDER BY id`
	deleteWatchSQL  = `DELETE FROM watches WHERE id = ?`
	deleteHitsSQL   = `DELETE FROM watch_hits WHERE watch_id = ?`
	watchSeenSQL    = `UPDATE watches SET seen_at = ? WHERE id = ?`
	watchCheckedSQL = `UPDATE watches SET checked_until = ? WHERE id = ?`
	newHitsSQL      = `SELECT count(*) FROM watch_hits WHERE watch_id = ? AND at > ?`
	insertHitSQL    = `INSERT INTO watch_hits (watch_id, event_id, at, notified) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`
	hitsSQL         = `SELECT event_id, at, notified FROM watch_hits WHERE watch_id = ? ORDER BY at DESC, event_id DESC LIMIT ?`
	unnotifiedSQL   = `SELECT event_id FROM watch_hits WHERE watch_id = ? AND notified = 0 ORDER BY at, event_id LIMIT ?`
	markNotifiedSQL = `UPDATE watch_hits SET notified = 1 WHERE watch_id = ? AND event_id = ?`
	summaryColumns  = `e.id, e.type, e.date, e.stage, e.confidence, e.n_sources, e.initiator, e.location, e.location_country, COALESCE(r.status, ''),
	r.event_id IS NOT NULL, COALESCE(r.fields, '{}') <> '{}', e.updated_at, `
	summaryFrom      = ` FROM events e LEFT JOIN event_reviews r ON r.event_id = e.id`
	sqliteCountries  = `COALESCE((SELECT group_concat(c.country, ',') FROM event_countries c WHERE c.event_id = e.id), '')`
	pgCountries      = `COALESCE((SELECT string_agg(c.country, ',' ORDER BY c.country) FROM event_countries c WHERE c.event_id = e.id), '')`
	summarySince     = ` WHERE e.updated_at >= ?`
	summaryOrder     = ` ORDER BY e.id`
	countEventsSQL   = `SELECT count(*) FROM events`
	maxEventIDSQL    = `SELECT COALESCE(max(id), 0) FROM events`
	maxUpdatedSQL    = `SELECT max(updated_at) FROM events`
	maxWebhookLength = 2000
	maxWatchName     = 200
)

// Filter returns the events filter of the watch.
func (w Watch) Filter() Filter {
	return Filter{Countries: slices.Clone(w.Countries), Types: slices.Clone(w.Types), Stage: w.Stage,
		MinConfidence: w.MinConfidence}
}

// Matches reports whether an event matches the watch. Rejected events and
// events merged into another never do.
func (w Watch) Matches(sm Summary) bool {
	if sm.Status == StatusRejected || sm.Status == StatusMerged {
		return false
	}
	for _, c := range w.Countries {
		if !slices.Contains(sm.Countries, c) {
			return false
		}
	}
	if len(w.Types) > 0 && !slices.Contains(w.Types, sm.Type) {
		return false
	}
	if w.Stage != "" && sm.Stage != w.Stage {
		return false
	}
	return sm.Confidence >= w.MinConfidence
}

// checkWatch validates and normalises a watch before it is saved.
func checkWatch(w *Watch) error {
	w.Name = text(strings.TrimSpace(w.Name))
	if utf8.RuneCountInString(w.Name) > maxWatchName {
		return fmt.Errorf("name longer than %d characters", maxWatchName)
	}
	cs := []string{}
	for _, c := range w.Countries {
		c = strings.ToUpper(strings.TrimSpace(c))
		if !event.IsCode(c) {
			return fmt.Errorf("country %q is not an ISO alpha-3 code", c)
		}
		cs = append(cs, c)
	}
	slices.Sort(cs)
	w.Countries = slices.Compact(cs)
	ts := []event.Type{}
	for _, t := range w.Types {
		if !slices.Contains(event.Types, t) {
			return fmt.Errorf("type %q is not an event type", t)
		}
		ts = append(ts, t)
	}
	slices.Sort(ts)
	w.Types = slices.Compact(ts)
	if w.Stage != "" && !slices.Contains(event.Stages, w.Stage) {
		return fmt.Errorf("stage %q is not a stage", w.Stage)
	}
	if w.MinConfidence < 0 || w.MinConfidence > 1 {
		return fmt.Errorf("least confidence %v is outside 0..1", w.MinConfidence)
	}
	if len(w.Countries) == 0 && len(w.Types) == 0 && w.Stage == "" {
		return errors.New("a watch needs a state, a type or a stage")
	}
	if w.Webhook != "" {
		if len(w.Webhook) > maxWebhookLength {
			return fmt.Errorf("webhook address longer than %d bytes", maxWebhookLength)
		}
		u, err := url.Parse(w.Webhook)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("webhook %q: want an http or https address", w.Webhook)
		}
	}
	if w.Name == "" {
		w.Name = watchName(*w)
	}
	return nil
}

// watchName names a watch by what it selects: "FRA–KEN agreement signed".
func watchName(w Watch) string {
	var parts []string
	if len(w.Countries) > 0 {
		parts = append(parts, strings.Join(w.Countries, "–"))
	}
	for _, t := range w.Types {
		parts = append(parts, string(t))
	}
	if w.Stage != "" {
		parts = append(parts, string(w.Stage))
	}
	return strings.Join(parts, " ")
}

// CreateWatch saves a watch and returns it with its id. The latest events
// that already match it (up to 20) become its first hits, already seen;
// events that match later are new.
func (s *Store) CreateWatch(ctx context.Context, w Watch) (Watch, error) {
	if err := checkWatch(&w); err != nil {
		return Watch{}, fmt.Errorf("create watch: %w", err)
	}
	f := w.Filter()
	f.Limit = 20
	first, err := s.Events(ctx, f)
	if err != nil {
		return Watch{}, fmt.Errorf("create watch: %w", err)
	}
	now := time.Now().UTC()
	w.CreatedAt, w.SeenAt, w.CheckedUntil = now, now, now
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q(insertWatchSQL), w.Name, mustJSON(w.Countries), mustJSON(w.Types),
			string(w.Stage), w.MinConfidence, w.Webhook, text(w.CreatedBy), s.stamp(now), s.stamp(now),
			s.stamp(now)).Scan(&w.ID)
		if err != nil {
			return err
		}
		for _, r := range first {
			// already matching: announced to nobody, not new
			if _, err := tx.ExecContext(ctx, s.q(insertHitSQL), w.ID, r.ID, s.stamp(now), 1); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Watch{}, fmt.Errorf("create watch: %w", err)
	}
	return w, nil
}

func (s *Store) scanWatch(row interface{ Scan(...any) error }) (Watch, error) {
	var w Watch
	var cs, ts, stage string
	var created, checked, seen timeCol
	if err := row.Scan(&w.ID, &w.Name, &cs, &ts, &stage, &w.MinConfidence, &w.Webhook, &w.CreatedBy,
		&created, &checked, &seen); err != nil {
		return Watch{}, err
	}
	w.Stage, w.CreatedAt, w.CheckedUntil, w.SeenAt = event.Stage(stage), created.t, checked.t, seen.t
	if err := json.Unmarshal([]byte(cs), &w.Countries); err != nil {
		return Watch{}, fmt.Errorf("watch %d countries: %w", w.ID, err)
	}
	if err := json.Unmarshal([]byte(ts), &w.Types); err != nil {
		return Watch{}, fmt.Errorf("watch %d types: %w", w.ID, err)
	}
	return w, nil
}

// Watch returns one watch with its count of new hits; ErrNotFound when
// there is none.
func (s *Store) Watch(ctx context.Context, id int64) (Watch, error) {
	w, err := s.scanWatch(s.db.QueryRowContext(ctx, s.q(watchSQL), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Watch{}, fmt.Errorf("watch %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Watch{}, fmt.Errorf("watch %d: %w", id, err)
	}
	if err := s.db.QueryRowContext(ctx, s.q(newHitsSQL), id, s.stamp(w.SeenAt)).Scan(&w.New); err != nil {
		return Watch{}, fmt.Errorf("watch %d: %w", id, err)
	}
	return w, nil
}

// Watches returns every watch, oldest first, with its count of new hits.
func (s *Store) Watches(ctx context.Context) ([]Watch, error) {
	rows, err := s.db.QueryContext(ctx, s.q(watchesSQL))
	if err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	var out []Watch
	for rows.Next() {
		w, err := s.scanWatch(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("watches: %w", err)
		}
		out = append(out, w)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	for i := range out {
		if err := s.db.QueryRowContext(ctx, s.q(newHitsSQL), out[i].ID, s.stamp(out[i].SeenAt)).Scan(&out[i].New); err != nil {
			return nil, fmt.Errorf("watches: %w", err)
		}
	}
	return out, nil
}

// DeleteWatch deletes a watch and its hits; ErrNotFound when there is none.
func (s *Store) DeleteWatch(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(deleteHitsSQL), id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(deleteWatchSQL), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete watch %d: %w", id, err)
	}
	return nil
}

// MarkWatchSeen records that the analyst saw the watch's hits up to now:
// they are no longer new.
func (s *Store) MarkWatchSeen(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, s.q(watchSeenSQL), s.stamp(time.Now()), id)
	if err != nil {
		return fmt.Errorf("watch %d seen: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("watch %d seen: %w", id, ErrNotFound)
	}
	return nil
}

// WatchHits returns a watch's latest hits, newest first, at most limit
// (limit <= 0: 100).
func (s *Store) WatchHits(ctx context.Context, id int64, limit int) ([]Hit, error) {
	w, err := s.Watch(ctx, id)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.db.QueryContext(ctx, s.q(hitsSQL), id, limit)
	if err != nil {
		return nil, fmt.Errorf("hits of watch %d: %w", id, err)
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		var h Hit
		var at timeCol
		var notified int
		if err := rows.Scan(&h.EventID, &at, &notified); err != nil {
			return nil, fmt.Errorf("hits of watch %d: %w", id, err)
		}
		h.At, h.Notified, h.New = at.t, notified != 0, at.t.After(w.SeenAt)
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("hits of watch %d: %w", id, err)
	}
	return out, nil
}

// checkMargin is how far before a watch's cursor CheckWatches looks again:
// SQLite's update times are text of varying width, which orders a few
// times within one second wrongly; hits are unique, so looking twice
// costs nothing.
const checkMargin = 2 * time.Second

// CheckWatches matches the events updated since each watch was last
// checked against it and records the new hits; it returns how many hits
// it added.
func (s *Store) CheckWatches(ctx context.Context) (int, error) {
	ws, err := s.Watches(ctx)
	if err != nil || len(ws) == 0 {
		return 0, err
	}
	start := time.Now().UTC()
	since := ws[0].CheckedUntil
	for _, w := range ws {
		if w.CheckedUntil.Before(since) {
			since = w.CheckedUntil
		}
	}
	type hit struct{ watch, event int64 }
	var hits []hit
	err = s.EachSummary(ctx, since.Add(-checkMargin), func(sm Summary) error {
		for _, w := range ws {
			if sm.Updated.Before(w.CheckedUntil.Add(-checkMargin)) || !w.Matches(sm) {
				continue
			}
			hits = append(hits, hit{w.ID, sm.ID})
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("check watches: %w", err)
	}
	added := 0
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		added = 0
		now := s.stamp(time.Now())
		for _, h := range hits {
			res, err := tx.ExecContext(ctx, s.q(insertHitSQL), h.watch, h.event, now, 0)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			added += int(n)
		}
		for _, w := range ws {
			if _, err := tx.ExecContext(ctx, s.q(watchCheckedSQL), s.stamp(start), w.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("check watches: %w", err)
	}
	return added, nil
}

// Unnotified returns the hits of a watch not yet taken by its webhook,
// oldest first, at most limit.
func (s *Store) Unnotified(ctx context.Context, id int64, limit int) ([]int64, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.db.QueryContext(ctx, s.q(unnotifiedSQL), id, limit)
	if err != nil {
		return nil, fmt.Errorf("unnotified hits of watch %d: %w", id, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var e int64
		if err := rows.Scan(&e); err != nil {
			return nil, fmt.Errorf("unnotified hits of watch %d: %w", id, err)
		}
		ids = append(ids, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("unnotified hits of watch %d: %w", id, err)
	}
	return ids, nil
}

// MarkNotified records that a watch's webhook took these hits.
func (s *Store) MarkNotified(ctx context.Context, id int64, events []int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, e := range events {
			if _, err := tx.ExecContext(ctx, s.q(markNotifiedSQL), id, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("watch %d notified: %w", id, err)
	}
	return nil
}

// EachSummary calls fn with the summary of every event updated at or
// after since (the zero time: every event), in id order, rejected and
// merged events included (Status says so).
func (s *Store) EachSummary(ctx context.Context, since time.Time, fn func(Summary) error) error {
	countries := sqliteCountries
	if s.dialect == Postgres {
		countries = pgCountries
	}
	query := `SELECT ` + summaryColumns + countries + summaryFrom
	var args []any
	if !since.IsZero() {
		query += summarySince
		args = append(args, s.timeArg(since))
	}
	rows, err := s.db.QueryContext(ctx, s.q(query+summaryOrder), args...)
	if err != nil {
		return fmt.Errorf("event summaries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sm Summary
		var typ, stage, cs string
		var updated timeCol
		if err := rows.Scan(&sm.ID, &typ, &sm.Date, &stage, &sm.Confidence, &sm.Sources, &sm.Initiator,
			&sm.Location, &sm.LocationCountry, &sm.Status, &sm.Reviewed, &sm.Corrected, &updated, &cs); err != nil {
			return fmt.Errorf("event summaries: %w", err)
		}
		sm.Type, sm.Stage, sm.Updated = event.Type(typ), event.Stage(stage), updated.t
		if cs != "" {
			sm.Countries = strings.Split(cs, ",")
			slices.Sort(sm.Countries)
		}
		if err := fn(sm); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("event summaries: %w", err)
	}
	return nil
}

// Mark returns how many events there are, the highest id and the latest
// update, cheaply (indexes only).
func (s *Store) Mark(ctx context.Context) (Mark, error) {
	var m Mark
	var updated timeCol
	if err := s.db.QueryRowContext(ctx, countEventsSQL).Scan(&m.Events); err != nil {
		return Mark{}, fmt.Errorf("mark: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, maxEventIDSQL).Scan(&m.MaxID); err != nil {
		return Mark{}, fmt.Errorf("mark: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, maxUpdatedSQL).Scan(&updated); err != nil {
		return Mark{}, fmt.Errorf("mark: %w", err)
	}
	m.Updated = updated.t
	return m, nil
}
