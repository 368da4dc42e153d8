package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"pactwatch/internal/event"
)

// Review statuses. An event with no review row has status "".
const (
	StatusConfirmed = "confirmed" // an analyst says the event is right
	StatusRejected  = "rejected"  // an analyst says it did not happen as read; hidden by default
	StatusMerged    = "merged"    // merged into another event (MergedInto); hidden by default
)

// Review filters of Filter.Review besides the statuses: every event, and
// the events with corrected fields or with no review at all.
const (
	ReviewAll        = "all"
	ReviewCorrected  = "corrected"
	ReviewUnreviewed = "unreviewed"
)

// CorrectableFields are the fields an analyst may correct.
var CorrectableFields = []string{"type", "countries", "date", "stage", "location", "persons"}

// Corrected is one field an analyst set, with who set it and when.
type Corrected struct {
	Value json.RawMessage `json:"value"`
	By    string          `json:"by"`
	At    time.Time       `json:"at"`
}

// Review is what analysts decided about one event. The machine's record is
// kept beside the corrections: the store's events table holds the
// effective record (machine values, corrected fields replaced, merged
// events' sources added, split-off sources removed), which queries and
// exports read.
type Review struct {
	EventID      int64
	Status       string               // "", StatusConfirmed, StatusRejected or StatusMerged
	Fields       map[string]Corrected // corrected fields by name (CorrectableFields)
	MergedInto   int64                // StatusMerged: the event this one was merged into
	SplitFrom    int64                // an event split off another: that event
	SplitSources []string             // the article ids it took from SplitFrom
	Merged       []int64              // events merged into this one
	SplitOff     []int64              // events split off this one
	Machine      event.Record         // the record as the machine last built it
	Reviewer     string               // who acted last
	At           time.Time            // when
	Orphan       *Orphan              // set when a rebuild deleted the event; nil while it exists
}

// Orphan says why a reviewed event is gone: a rebuild (re-extraction,
// reprocess) deleted it because its mentions formed no event any more, or
// formed events with other ids. The review is kept, with what the analyst
// decided, so that it can be carried over by hand to the successors.
type Orphan struct {
	At         time.Time `json:"at"`         // when the rebuild deleted the event
	Reason     string    `json:"reason"`     // in words
	Successors []int64   `json:"successors"` // the events that now hold its former mentions
}

// ReviewAction is one entry of an event's review history.
type ReviewAction struct {
	EventID  int64           `json:"event"`
	Action   string          `json:"action"` // confirm, reject, reopen, correct, merge, unmerge, split
	Detail   json.RawMessage `json:"detail"`
	Reviewer string          `json:"reviewer"`
	At       time.Time       `json:"at"`
}

// Evidence is where one source article reports an event: the article's
// key and id and the byte ranges of the evidence in its cleaned text.
type Evidence struct {
	Key     int64        // the article's store key
	Article string       // the article's id
	Spans   []event.Span // into the cleaned text, in order, without overlaps
}

// SQL of reviews.
const (
	reviewColumns   = `event_id, status, fields, merged_into, split_from, split_sources, machine, reviewer, reviewed_at, orphan`
	reviewSQL       = `SELECT ` + reviewColumns + ` FROM event_reviews WHERE event_id = ?`
	mergedIntoSQL   = `SELECT event_id FROM event_reviews WHERE merged_into = ? AND status = 'merged' AND orphan = '' ORDER BY event_id`
	splitOffSQL     = `SELECT event_id FROM event_reviews WHERE split_from = ? ORDER BY event_id`
	eventRecordSQL  = `SELECT record, merge_key FROM events WHERE id = ?`
	insertReviewSQL = `INSERT INTO event_reviews (` + reviewColumns + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	updateReviewSQL = `UPDATE event_reviews SET status = ?, fields = ?, merged_into = ?, split_from = ?,
	split_sources = ?, machine = ?, reviewer = ?, reviewed_at = ?, orphan = ? WHERE event_id = ?`
	saveMachineSQL = `UPDATE event_reviews SET machine = ? WHERE event_id = ?`
	insertSplitSQL = `INSERT INTO review_splits (split_from, article_id, event_id)
SELECT ?, a.id, ? FROM articles a WHERE a.article = ? ON CONFLICT DO NOTHING`
	orphansSQL     = `SELECT event_id FROM event_reviews WHERE orphan <> '' ORDER BY event_id`
	eventExistsSQL = `SELECT count(*) FROM events WHERE id = ?`

	// eventsOfArticlesSQL selects the events whose sources include one of
	// the articles the subquery %s selects (by key), as analysts left them:
	// the events of the articles' mentions, less an event an article was
	// split off (the event split off it instead), and the events analysts
	// merged one of these into (beside the merged event itself).
	eventsOfArticlesSQL = `WITH hit(k) AS (%s),
own(id) AS (SELECT m.event_id FROM mentions m WHERE m.article_id IN (SELECT k FROM hit) AND m.event_id IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM review_splits x WHERE x.split_from = m.event_id AND x.article_id = m.article_id)
	UNION SELECT x.event_id FROM review_splits x WHERE x.article_id IN (SELECT k FROM hit))
SELECT id FROM own
UNION SELECT r.merged_into FROM event_reviews r
	WHERE r.event_id IN (SELECT id FROM own) AND r.status = 'merged' AND r.orphan = ''`
	logReviewSQL       = `INSERT INTO review_log (event_id, action, detail, reviewer, at) VALUES (?, ?, ?, ?, ?)`
	reviewLogSQL       = `SELECT event_id, action, detail, reviewer, at FROM review_log WHERE event_id = ? ORDER BY id`
	deleteCountriesSQL = `DELETE FROM event_countries WHERE event_id = ?`
	deletePairsSQL     = `DELETE FROM event_pairs WHERE event_id = ?`
	touchEventSQL      = `UPDATE events SET updated_at = ? WHERE id = ?`
	eventMentionsSQL   = `SELECT m.article_id, a.article, m.spans FROM mentions m JOIN articles a ON a.id = m.article_id
WHERE m.event_id = ? ORDER BY m.article_id, m.ordinal`

	// Conditions Filter.Review adds to an event query (e is the events table).
	whereNotHidden    = `NOT EXISTS (SELECT 1 FROM event_reviews r WHERE r.event_id = e.id AND r.status IN ('rejected', 'merged'))`
	whereReviewStatus = `EXISTS (SELECT 1 FROM event_reviews r WHERE r.event_id = e.id AND r.status = ?)`
	whereUnreviewed   = `NOT EXISTS (SELECT 1 FROM event_reviews r WHERE r.event_id = e.id)`
	whereCorrected    = `EXISTS (SELECT 1 FROM event_reviews r WHERE r.event_id = e.id AND r.fields <> '{}')`
)

// reviewWhere returns the condition Filter.Review adds, with its
// arguments; "" for ReviewAll.
func reviewWhere(review string) (string, []any, error) {
	switch review {
	case "":
		return whereNotHidden, nil, nil
	case ReviewAll:
		return "", nil, nil
	case ReviewUnreviewed:
		return whereUnreviewed, nil, nil
	case ReviewCorrected:
		return whereCorrected, nil, nil
	case StatusConfirmed, StatusRejected, StatusMerged:
		return whereReviewStatus, []any{review}, nil
	}
	return "", nil, fmt.Errorf("filter review %q: want all, confirmed, rejected, merged, corrected or unreviewed", review)
}

// rowQueryer is a *sql.DB or a *sql.Tx.
type rowQueryer interface {
	queryer
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// stamp is a time as the review and watch tables keep it: in SQLite, RFC
// 3339 text of fixed width (nanoseconds always written), so that text
// order is time order; in PostgreSQL a timestamptz.
func (s *Store) stamp(t time.Time) any {
	if s.dialect == Postgres {
		return t.UTC()
	}
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z07:00")
}

// Review returns what analysts decided about an event; ok is false when
// no one reviewed it.
func (s *Store) Review(ctx context.Context, id int64) (rv Review, ok bool, err error) {
	rv, ok, err = s.review(ctx, s.db, id)
	if err != nil {
		return Review{}, false, fmt.Errorf("review of event %d: %w", id, err)
	}
	return rv, ok, nil
}

func (s *Store) review(ctx context.Context, db rowQueryer, id int64) (Review, bool, error) {
	var rv Review
	var fields, sources, machine, orphan string
	var at timeCol
	err := s.queryRow(ctx, db, reviewSQL, id).Scan(&rv.EventID, &rv.Status, &fields, &rv.MergedInto,
		&rv.SplitFrom, &sources, &machine, &rv.Reviewer, &at, &orphan)
	if errors.Is(err, sql.ErrNoRows) {
		return Review{EventID: id}, false, nil
	}
	if err != nil {
		return Review{}, false, err
	}
	rv.At = at.t
	if err := json.Unmarshal([]byte(fields), &rv.Fields); err != nil {
		return Review{}, false, fmt.Errorf("fields: %w", err)
	}
	if err := json.Unmarshal([]byte(sources), &rv.SplitSources); err != nil {
		return Review{}, false, fmt.Errorf("split sources: %w", err)
	}
	if err := json.Unmarshal([]byte(machine), &rv.Machine); err != nil {
		return Review{}, false, fmt.Errorf("machine record: %w", err)
	}
	rv.Machine.ID = id
	if orphan != "" {
		rv.Orphan = &Orphan{}
		if err := json.Unmarshal([]byte(orphan), rv.Orphan); err != nil {
			return Review{}, false, fmt.Errorf("orphan: %w", err)
		}
	}
	if rv.Merged, err = s.ids(ctx, db, mergedIntoSQL, id); err != nil {
		return Review{}, false, err
	}
	if rv.SplitOff, err = s.ids(ctx, db, splitOffSQL, id); err != nil {
		return Review{}, false, err
	}
	return rv, true, nil
}

func (s *Store) ids(ctx context.Context, db queryer, query string, args ...any) ([]int64, error) {
	rows, err := db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// ReviewHistory returns every review action on an event, oldest first.
func (s *Store) ReviewHistory(ctx context.Context, id int64) ([]ReviewAction, error) {
	rows, err := s.db.QueryContext(ctx, s.q(reviewLogSQL), id)
	if err != nil {
		return nil, fmt.Errorf("review history of event %d: %w", id, err)
	}
	defer rows.Close()
	var out []ReviewAction
	for rows.Next() {
		var a ReviewAction
		var detail string
		var at timeCol
		if err := rows.Scan(&a.EventID, &a.Action, &detail, &a.Reviewer, &at); err != nil {
			return nil, fmt.Errorf("review history of event %d: %w", id, err)
		}
		a.Detail, a.At = json.RawMessage(detail), at.t
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("review history of event %d: %w", id, err)
	}
	return out, nil
}

// SetStatus confirms (StatusConfirmed) or rejects (StatusRejected) an
// event, or reopens it (""): a reopened event merged into another is
// taken out of it again. note is kept in the history.
func (s *Store) SetStatus(ctx context.Context, id int64, status, reviewer, note string) error {
	action := map[string]string{StatusConfirmed: "confirm", StatusRejected: "reject", "": "reopen"}[status]
	if action == "" {
		return fmt.Errorf("review event %d: status %q: want confirmed, rejected or empty (reopen)", id, status)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rv, _, err := s.reviewFor(ctx, tx, id)
		if err != nil {
			return err
		}
		parent := int64(0)
		if rv.Status == StatusMerged {
			parent = rv.MergedInto
			rv.MergedInto = 0
			action = cmp.Or(map[string]string{"": "unmerge"}[status], action)
		}
		rv.Status, rv.Reviewer, rv.At = status, text(reviewer), time.Now()
		if err := s.saveReview(ctx, tx, &rv); err != nil {
			return err
		}
		if err := s.logReview(ctx, tx, id, action, map[string]any{"note": note, "from": parent}, reviewer); err != nil {
			return err
		}
		if parent != 0 {
			if err := s.writeEffective(ctx, tx, parent); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, s.q(touchEventSQL), s.now(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("review event %d: %w", id, err)
	}
	return nil
}

// Correct sets corrected fields of an event (names in CorrectableFields,
// values as JSON: "type" a type, "countries" ISO3 codes, "date"
// YYYY[-MM[-DD]] or "", "stage" a stage or "", "location" {"name",
// "country"} (an empty name: no location), "persons" [{"name", "role",
// "country"}]); a JSON null takes a field's correction back. The corrected
// values replace the machine's in the event's record at once and after any
// later rebuild; the machine's stay in the review. It returns the event's
// new record.
func (s *Store) Correct(ctx context.Context, id int64, fields map[string]json.RawMessage, reviewer, note string) (event.Record, error) {
	if len(fields) == 0 {
		return event.Record{}, fmt.Errorf("correct event %d: no field given", id)
	}
	clean := map[string]json.RawMessage{}
	for name, v := range fields {
		if !slices.Contains(CorrectableFields, name) {
			return event.Record{}, fmt.Errorf("correct event %d: field %q: want one of %s", id, name,
				strings.Join(CorrectableFields, ", "))
		}
		if bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			clean[name] = nil
			continue
		}
		norm, err := checkCorrection(name, v)
		if err != nil {
			return event.Record{}, fmt.Errorf("correct event %d: %w", id, err)
		}
		clean[name] = norm
	}
	var rec event.Record
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rv, _, err := s.reviewFor(ctx, tx, id)
		if err != nil {
			return err
		}
		now := time.Now()
		if rv.Fields == nil {
			rv.Fields = map[string]Corrected{}
		}
		for name, v := range clean {
			if v == nil {
				delete(rv.Fields, name)
				continue
			}
			rv.Fields[name] = Corrected{Value: v, By: text(reviewer), At: now.UTC()}
		}
		rv.Reviewer, rv.At = text(reviewer), now
		if err := s.saveReview(ctx, tx, &rv); err != nil {
			return err
		}
		if err := s.logReview(ctx, tx, id, "correct", map[string]any{"fields": clean, "note": note}, reviewer); err != nil {
			return err
		}
		if err := s.writeEffective(ctx, tx, id); err != nil {
			return err
		}
		rec, err = s.eventTx(ctx, tx, id)
		return err
	})
	if err != nil {
		return event.Record{}, fmt.Errorf("correct event %d: %w", id, err)
	}
	return rec, nil
}

var correctionDate = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// isCode reports whether c is three upper-case ASCII letters.
// maxCorrectionText bounds each text an analyst gives.
const maxCorrectionText = 300

func checkText(field, s string) error {
	if utf8.RuneCountInString(s) > maxCorrectionText {
		return fmt.Errorf("%s: longer than %d characters", field, maxCorrectionText)
	}
	return nil
}

// checkCorrection validates one corrected value and returns it normalised.
func checkCorrection(name string, v json.RawMessage) (json.RawMessage, error) {
	bad := func(err error) (json.RawMessage, error) { return nil, fmt.Errorf("field %s: %w", name, err) }
	var out any
	switch name {
	case "type":
		var t event.Type
		if err := json.Unmarshal(v, &t); err != nil {
			return bad(err)
		}
		if !slices.Contains(event.Types, t) {
			return bad(fmt.Errorf("%q is not an event type", t))
		}
		out = t
	case "countries":
		var cs []string
		if err := json.Unmarshal(v, &cs); err != nil {
			return bad(err)
		}
		for i, c := range cs {
			cs[i] = strings.ToUpper(strings.TrimSpace(c))
			if !event.IsCode(cs[i]) {
				return bad(fmt.Errorf("%q is not an ISO alpha-3 code", c))
			}
		}
		slices.Sort(cs)
		if cs = slices.Compact(cs); len(cs) < 2 || len(cs) > 20 {
			return bad(fmt.Errorf("want 2 to 20 distinct states, got %d", len(cs)))
		}
		out = cs
	case "date":
		var d string
		if err := json.Unmarshal(v, &d); err != nil {
			return bad(err)
		}
		if d = strings.TrimSpace(d); d != "" && !correctionDate.MatchString(d) {
			return bad(fmt.Errorf("%q: want YYYY, YYYY-MM or YYYY-MM-DD", d))
		}
		out = d
	case "stage":
		var st event.Stage
		if err := json.Unmarshal(v, &st); err != nil {
			return bad(err)
		}
		if st != "" && !slices.Contains(event.Stages, st) {
			return bad(fmt.Errorf("%q is not a stage", st))
		}
		out = st
	case "location":
		var l event.Location
		if err := json.Unmarshal(v, &l); err != nil {
			return bad(err)
		}
		l.Name, l.Country = text(strings.TrimSpace(l.Name)), strings.ToUpper(strings.TrimSpace(l.Country))
		if err := checkText("name", l.Name); err != nil {
			return bad(err)
		}
		if l.Country != "" && !event.IsCode(l.Country) {
			return bad(fmt.Errorf("country %q is not an ISO alpha-3 code", l.Country))
		}
		out = l
	case "persons":
		var ps []event.Person
		if err := json.Unmarshal(v, &ps); err != nil {
			return bad(err)
		}
		if len(ps) > 50 {
			return bad(fmt.Errorf("%d persons: at most 50", len(ps)))
		}
		for i := range ps {
			p := &ps[i]
			p.Name, p.Role = text(strings.TrimSpace(p.Name)), strings.TrimSpace(p.Role)
			p.Country, p.Aliases = strings.ToUpper(strings.TrimSpace(p.Country)), nil
			if p.Name == "" {
				return bad(fmt.Errorf("person %d has no name", i+1))
			}
			if err := checkText("name", p.Name); err != nil {
				return bad(err)
			}
			if p.Role != "" && !slices.Contains(event.Roles, p.Role) {
				return bad(fmt.Errorf("person %q: role %q is not a role", p.Name, p.Role))
			}
			if p.Country != "" && !event.IsCode(p.Country) {
				return bad(fmt.Errorf("person %q: country %q is not an ISO alpha-3 code", p.Name, p.Country))
			}
		}
		if ps == nil {
			ps = []event.Person{}
		}
		out = ps
	default:
		return bad(errors.New("not a correctable field"))
	}
	b, err := json.Marshal(out)
	if err != nil {
		return bad(err)
	}
	return b, nil
}

// applyCorrections replaces the corrected fields of rec. Values were
// checked when they were saved; one that no longer decodes is skipped.
func applyCorrections(rec *event.Record, fields map[string]Corrected) {
	for name, c := range fields {
		switch name {
		case "type":
			var t event.Type
			if json.Unmarshal(c.Value, &t) == nil {
				rec.Type = t
			}
		case "countries":
			var cs []string
			if json.Unmarshal(c.Value, &cs) == nil && len(cs) >= 2 {
				rec.Countries = cs
			}
		case "date":
			var d string
			if json.Unmarshal(c.Value, &d) == nil {
				rec.Date = d
			}
		case "stage":
			var st event.Stage
			if json.Unmarshal(c.Value, &st) == nil {
				switch {
				case st == "":
					rec.Agreement = nil
				case rec.Agreement == nil:
					rec.Agreement = &event.AgreementInfo{Stage: st}
				default:
					a := *rec.Agreement
					a.Stage = st
					rec.Agreement = &a
				}
			}
		case "location":
			var l event.Location
			if json.Unmarshal(c.Value, &l) == nil {
				if l.Name == "" {
					rec.Location = nil
				} else {
					rec.Location = &l
				}
			}
		case "persons":
			var ps []event.Person
			if json.Unmarshal(c.Value, &ps) == nil {
				rec.Persons = ps
			}
		}
	}
	if _, ok := fields["stage"]; ok && rec.Agreement != nil && rec.Agreement.Stage != "" {
		rec.Stages = withStage(rec.Stages, rec.Agreement.Stage, rec.Date)
	}
}

// withStage puts an analyst's stage into a stage history, after the other
// corrections (the date among them): when the machine has a step of that
// stage it stays as it is (its date and articles); otherwise a step of the
// analyst's is added, dated with the record's date and with no article
// (sources empty: no article reports it, an analyst says it; who and when
// are in the review), in lifecycle order. The machine's steps all stay.
func withStage(steps []event.StageStep, st event.Stage, date string) []event.StageStep {
	if slices.ContainsFunc(steps, func(x event.StageStep) bool { return x.Stage == st }) {
		return steps
	}
	out := append(slices.Clone(steps), event.StageStep{Stage: st, Date: date, Sources: []string{}})
	slices.SortStableFunc(out, func(a, b event.StageStep) int {
		return cmp.Compare(slices.Index(event.Stages, a.Stage), slices.Index(event.Stages, b.Stage))
	})
	return out
}

// StageStep is one step of an event's stage history as the workbench
// shows it: the record's step, and for the step of a stage an analyst set,
// who set it and when.
type StageStep struct {
	event.StageStep
	Analyst bool      `json:"analyst"`      // the stage an analyst set
	By      string    `json:"by,omitempty"` // who, when Analyst
	At      time.Time `json:"at,omitzero"`  // when, when Analyst
	Machine bool      `json:"machine"`      // a step the machine read in the articles
}

// StageHistory returns the stage history of rec (an event's effective
// record) with each step marked as the machine's (articles report it), the
// analyst's (the stage an analyst set, with who and when) or both, by the
// event's review (rv nil: not reviewed).
func StageHistory(rec *event.Record, rv *Review) []StageStep {
	var by string
	var at time.Time
	var set event.Stage
	if rv != nil {
		if c, ok := rv.Fields["stage"]; ok && json.Unmarshal(c.Value, &set) == nil {
			by, at = c.By, c.At
		}
	}
	out := make([]StageStep, 0, len(rec.Stages))
	for _, st := range rec.Stages {
		step := StageStep{StageStep: st, Machine: len(st.Sources) > 0}
		if set != "" && st.Stage == set {
			step.Analyst, step.By, step.At = true, by, at
		}
		out = append(out, step)
	}
	return out
}

// MergeEvents merges the event from into the event into: an analyst says
// they are one happening. from is hidden (StatusMerged) and its sources
// and evidence join into's record; into keeps its own field values.
// Reopening from (SetStatus "") takes it out again.
func (s *Store) MergeEvents(ctx context.Context, into, from int64, reviewer, note string) error {
	if into == from {
		return fmt.Errorf("merge event %d into itself", from)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		target, stored, err := s.reviewFor(ctx, tx, into)
		if err != nil {
			return err
		}
		if target.Status == StatusMerged {
			return fmt.Errorf("event %d is itself merged into event %d", into, target.MergedInto)
		}
		rv, _, err := s.reviewFor(ctx, tx, from)
		if err != nil {
			return err
		}
		if rv.Status == StatusMerged {
			return fmt.Errorf("event %d is already merged into event %d", from, rv.MergedInto)
		}
		if len(rv.Merged) > 0 {
			return fmt.Errorf("event %d has events merged into it: merge them into %d first", from, into)
		}
		now := time.Now()
		if !stored {
			// the target needs a review row that keeps its machine record
			target.Reviewer, target.At = text(reviewer), now
			if err := s.saveReview(ctx, tx, &target); err != nil {
				return err
			}
		}
		rv.Status, rv.MergedInto, rv.Reviewer, rv.At = StatusMerged, into, text(reviewer), now
		if err := s.saveReview(ctx, tx, &rv); err != nil {
			return err
		}
		for _, id := range []int64{into, from} {
			if err := s.logReview(ctx, tx, id, "merge", map[string]any{"into": into, "from": from, "note": note}, reviewer); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(touchEventSQL), s.now(), from); err != nil {
			return err
		}
		return s.writeEffective(ctx, tx, into)
	})
	if err != nil {
		return fmt.Errorf("merge event %d into %d: %w", from, into, err)
	}
	return nil
}

// splitKey is the merge key of an event split off another: no extraction
// key looks like it, so rebuilding a key never touches such an event.
func splitKey(parent int64) string { return "review:split:" + strconv.FormatInt(parent, 10) }

// SplitEvent takes the sources with these article ids out of an event into
// a new event and returns its id: an analyst says they report another
// happening. The new event starts with the old one's field values and its
// sources' evidence; both follow later rebuilds of the old event.
func (s *Store) SplitEvent(ctx context.Context, id int64, articles []string, reviewer, note string) (int64, error) {
	var newID int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rv, stored, err := s.reviewFor(ctx, tx, id)
		if err != nil {
			return err
		}
		if rv.Status == StatusMerged {
			return fmt.Errorf("event %d is merged into event %d: reopen it first", id, rv.MergedInto)
		}
		cur, err := s.eventTx(ctx, tx, id)
		if err != nil {
			return err
		}
		have := map[string]bool{}
		for _, src := range cur.Sources {
			have[src.Article] = true
		}
		take := map[string]bool{}
		for _, a := range articles {
			if !have[a] {
				return fmt.Errorf("article %q is not a source of event %d", a, id)
			}
			take[a] = true
		}
		if len(take) == 0 || len(take) == len(have) {
			return fmt.Errorf("split event %d: take some of its %d sources, not none or all", id, len(have))
		}
		// Only the machine's own sources can follow the machine's rebuilds.
		for a := range take {
			if !slices.ContainsFunc(rv.Machine.Sources, func(s event.Source) bool { return s.Article == a }) {
				return fmt.Errorf("article %q came into event %d by a merge: reopen the merged event instead", a, id)
			}
		}
		taken := sortedKeys(take)
		now := time.Now()
		if !stored {
			rv.Reviewer, rv.At = text(reviewer), now
			if err := s.saveReview(ctx, tx, &rv); err != nil {
				return err
			}
		}
		ids, err := s.allocateEventIDs(ctx, tx, 1)
		if err != nil {
			return err
		}
		newID = ids[0]
		child := restrict(rv.Machine, taken)
		child.ID = newID
		js, err := json.Marshal(&child)
		if err != nil {
			return err
		}
		if err := s.insertEvent(ctx, tx, splitKey(id), &child, string(js), s.now()); err != nil {
			return err
		}
		crv := Review{EventID: newID, SplitFrom: id, SplitSources: taken, Machine: child, Reviewer: text(reviewer), At: now}
		if err := s.saveReview(ctx, tx, &crv); err != nil {
			return err
		}
		for _, a := range taken { // full-text hits in these articles count for the new event
			if _, err := tx.ExecContext(ctx, s.q(insertSplitSQL), id, newID, a); err != nil {
				return fmt.Errorf("split article %s: %w", a, err)
			}
		}
		detail := map[string]any{"from": id, "into": newID, "articles": taken, "note": note}
		for _, e := range []int64{id, newID} {
			if err := s.logReview(ctx, tx, e, "split", detail, reviewer); err != nil {
				return err
			}
		}
		return s.writeEffective(ctx, tx, id)
	})
	if err != nil {
		return 0, fmt.Errorf("split event %d: %w", id, err)
	}
	return newID, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// reviewFor returns the review of an existing event, a new one (with the
// event's current record as the machine's) when it has none.
func (s *Store) reviewFor(ctx context.Context, tx *sql.Tx, id int64) (rv Review, stored bool, err error) {
	rv, ok, err := s.review(ctx, tx, id)
	if err == nil && ok && rv.Orphan != nil {
		return Review{}, false, fmt.Errorf("event %d is gone (%s): %w", id, rv.Orphan.Reason, ErrNotFound)
	}
	if err != nil || ok {
		return rv, ok, err
	}
	rec, err := s.eventTx(ctx, tx, id)
	if err != nil {
		return Review{}, false, err
	}
	return Review{EventID: id, Machine: rec}, false, nil
}

func (s *Store) eventTx(ctx context.Context, tx *sql.Tx, id int64) (event.Record, error) {
	var js, key string
	err := tx.QueryRowContext(ctx, s.q(eventRecordSQL), id).Scan(&js, &key)
	if errors.Is(err, sql.ErrNoRows) {
		return event.Record{}, fmt.Errorf("event %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return event.Record{}, fmt.Errorf("event %d: %w", id, err)
	}
	return decodeRecord(id, []byte(js))
}

// saveReview writes a review row (insert or update).
func (s *Store) saveReview(ctx context.Context, tx *sql.Tx, rv *Review) error {
	fields := "{}"
	if len(rv.Fields) > 0 {
		b, err := json.Marshal(rv.Fields)
		if err != nil {
			return err
		}
		fields = string(b)
	}
	machine, err := json.Marshal(&rv.Machine)
	if err != nil {
		return err
	}
	orphan := ""
	if rv.Orphan != nil {
		b, err := json.Marshal(rv.Orphan)
		if err != nil {
			return err
		}
		orphan = string(b)
	}
	args := []any{rv.Status, fields, rv.MergedInto, rv.SplitFrom, mustJSON(rv.SplitSources), string(machine),
		text(rv.Reviewer), s.stamp(rv.At), orphan}
	res, err := tx.ExecContext(ctx, s.q(updateReviewSQL), append(args, rv.EventID)...)
	if err != nil {
		return fmt.Errorf("save review: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, s.q(insertReviewSQL), append([]any{rv.EventID}, args...)...); err != nil {
		return fmt.Errorf("save review: %w", err)
	}
	return nil
}

func (s *Store) logReview(ctx context.Context, tx *sql.Tx, id int64, action string, detail any, reviewer string) error {
	b, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q(logReviewSQL), id, action, text(string(b)), text(reviewer), s.stamp(time.Now()))
	if err != nil {
		return fmt.Errorf("review log: %w", err)
	}
	return nil
}

// effective computes an event's record from its review: the machine's
// record, less the sources split off it, plus the sources of the events
// merged into it, with the corrected fields replaced.
func (s *Store) effective(ctx context.Context, tx *sql.Tx, rv *Review) (event.Record, error) {
	rec := cloneRecord(rv.Machine)
	rec.ID = rv.EventID
	for _, c := range rv.SplitOff {
		crv, ok, err := s.review(ctx, tx, c)
		if err != nil {
			return event.Record{}, err
		}
		if ok {
			rec = without(rec, crv.SplitSources)
		}
	}
	for _, m := range rv.Merged {
		mrv, ok, err := s.review(ctx, tx, m)
		if err != nil {
			return event.Record{}, err
		}
		if ok {
			rec = union(rec, mrv.Machine)
		}
	}
	applyCorrections(&rec, rv.Fields)
	return rec, nil
}

// writeEffective recomputes an event's record from its review and writes
// it, with its states and pairs.
func (s *Store) writeEffective(ctx context.Context, tx *sql.Tx, id int64) error {
	rv, ok, err := s.review(ctx, tx, id)
	if err != nil || !ok {
		return err
	}
	rec, err := s.effective(ctx, tx, &rv)
	if err != nil {
		return err
	}
	return s.rewriteEvent(ctx, tx, &rec)
}

// rewriteEvent writes a record over an existing event: its columns, its
// states and its pairs.
func (s *Store) rewriteEvent(ctx context.Context, tx *sql.Tx, rec *event.Record) error {
	js, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode event %d: %w", rec.ID, err)
	}
	if err := s.updateEvent(ctx, tx, rec, string(js)); err != nil {
		return err
	}
	for _, q := range []string{deleteCountriesSQL, deletePairsSQL} {
		if _, err := tx.ExecContext(ctx, s.q(q), rec.ID); err != nil {
			return fmt.Errorf("rewrite event %d: %w", rec.ID, err)
		}
	}
	_, cs, ps := eventRows("", rec, "", nil)
	if err := s.insertRows(ctx, tx, insertCountryHead, insertCountryWidth, cs); err != nil {
		return fmt.Errorf("rewrite event %d: %w", rec.ID, err)
	}
	if err := s.insertRows(ctx, tx, insertPairHead, insertPairWidth, ps); err != nil {
		return fmt.Errorf("rewrite event %d: %w", rec.ID, err)
	}
	return nil
}

// reviewRebuilt is called by SaveExtraction for each event it rebuilds,
// before writing it: when the event was reviewed, the new record becomes
// the machine's record of the review, the events split off it follow it,
// and rec is replaced by the effective record (corrections kept). The
// event it is merged into is rewritten with its new sources.
func (s *Store) reviewRebuilt(ctx context.Context, tx *sql.Tx, rec *event.Record) error {
	rv, ok, err := s.review(ctx, tx, rec.ID)
	if err != nil || !ok {
		return err
	}
	rv.Machine = cloneRecord(*rec)
	machine, err := json.Marshal(&rv.Machine)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q(saveMachineSQL), string(machine), rec.ID); err != nil {
		return fmt.Errorf("review of event %d: %w", rec.ID, err)
	}
	for _, c := range rv.SplitOff {
		crv, ok, err := s.review(ctx, tx, c)
		if err != nil || !ok {
			return err
		}
		child := restrict(rv.Machine, crv.SplitSources)
		child.ID = c
		b, err := json.Marshal(&child)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(saveMachineSQL), string(b), c); err != nil {
			return fmt.Errorf("review of event %d: %w", c, err)
		}
		if err := s.writeEffective(ctx, tx, c); err != nil {
			return err
		}
	}
	eff, err := s.effective(ctx, tx, &rv)
	if err != nil {
		return err
	}
	*rec = eff
	if rv.Status == StatusMerged && rv.MergedInto != 0 {
		return s.writeEffective(ctx, tx, rv.MergedInto)
	}
	return nil
}

// reviewVanished is called by SaveExtraction for each event a rebuild
// deletes, before deleting it, with the events that now hold the mentions
// it had (none when its articles no longer report it). A reviewed event's
// review is kept and marked orphaned, with the reason, and logged; the
// events an analyst merged into it are taken out again (shown, each with a
// logged "unmerge"); the event it was merged into loses its sources. The
// events split off it keep their last record.
// rebuilder is the reviewer of the review actions a rebuild takes.
const rebuilder = "rebuild"

func (s *Store) reviewVanished(ctx context.Context, tx *sql.Tx, id int64, successors []int64) error {
	rv, ok, err := s.review(ctx, tx, id)
	if err != nil || !ok || rv.Orphan != nil {
		return err
	}
	now := time.Now()
	reason := "a rebuild deleted the event: its articles' mentions no longer form it (their type, states or date changed, or they were removed)"
	if len(successors) > 0 {
		ids := make([]string, len(successors))
		for i, x := range successors {
			ids[i] = strconv.FormatInt(x, 10)
		}
		reason = "a rebuild deleted the event: its mentions now belong to event " + strings.Join(ids, ", ")
	}
	rv.Orphan = &Orphan{At: now.UTC(), Reason: reason, Successors: slices.Clone(successors)}
	if rv.Orphan.Successors == nil {
		rv.Orphan.Successors = []int64{}
	}
	if err := s.saveReview(ctx, tx, &rv); err != nil {
		return err
	}
	if err := s.logReview(ctx, tx, id, "orphan", rv.Orphan, rebuilder); err != nil {
		return err
	}
	for _, m := range rv.Merged {
		mrv, ok, err := s.review(ctx, tx, m)
		if err != nil || !ok {
			return err
		}
		mrv.Status, mrv.MergedInto, mrv.At = "", 0, now
		if err := s.saveReview(ctx, tx, &mrv); err != nil {
			return err
		}
		note := fmt.Sprintf("event %d, which this event was merged into, is gone: %s", id, reason)
		if err := s.logReview(ctx, tx, m, "unmerge", map[string]any{"note": note, "from": id}, rebuilder); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(touchEventSQL), s.now(), m); err != nil {
			return fmt.Errorf("event %d: %w", m, err)
		}
	}
	for _, c := range rv.SplitOff {
		note := fmt.Sprintf("event %d, which this event was split off, is gone: %s", id, reason)
		if err := s.logReview(ctx, tx, c, "orphan-parent", map[string]any{"note": note, "from": id}, rebuilder); err != nil {
			return err
		}
	}
	if rv.Status == StatusMerged && rv.MergedInto != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(eventExistsSQL), rv.MergedInto).Scan(&n); err != nil {
			return fmt.Errorf("event %d: %w", rv.MergedInto, err)
		}
		if n > 0 {
			return s.writeEffective(ctx, tx, rv.MergedInto)
		}
	}
	return nil
}

// OrphanedReviews returns the reviews whose event a rebuild deleted (Orphan
// set), in event id order.
func (s *Store) OrphanedReviews(ctx context.Context) ([]Review, error) {
	ids, err := s.ids(ctx, s.db, orphansSQL)
	if err != nil {
		return nil, fmt.Errorf("orphaned reviews: %w", err)
	}
	out := make([]Review, 0, len(ids))
	for _, id := range ids {
		rv, ok, err := s.review(ctx, s.db, id)
		if err != nil {
			return nil, fmt.Errorf("orphaned review of event %d: %w", id, err)
		}
		if ok {
			out = append(out, rv)
		}
	}
	return out, nil
}

// cloneRecord copies a record deeply enough that changing the copy's
// slices and pointers leaves the original alone.
func cloneRecord(r event.Record) event.Record {
	b, err := json.Marshal(&r)
	if err != nil {
		return r
	}
	var out event.Record
	if json.Unmarshal(b, &out) != nil {
		return r
	}
	out.ID, out.Language = r.ID, r.Language
	return out
}

// restrict keeps the sources of rec with these article ids, and what they
// support: evidence, reporting dates, stage steps, alternatives.
func restrict(rec event.Record, articles []string) event.Record {
	keep := map[string]bool{}
	for _, a := range articles {
		keep[a] = true
	}
	return keepSources(rec, func(a string) bool { return keep[a] })
}

// without drops the sources of rec with these article ids.
func without(rec event.Record, articles []string) event.Record {
	drop := map[string]bool{}
	for _, a := range articles {
		drop[a] = true
	}
	return keepSources(rec, func(a string) bool { return !drop[a] })
}

func keepSources(rec event.Record, keep func(string) bool) event.Record {
	out := cloneRecord(rec)
	out.Sources = nil
	out.Evidence = nil
	out.FirstReported, out.LastReported = "", ""
	for _, src := range rec.Sources {
		if !keep(src.Article) {
			continue
		}
		out.Sources = append(out.Sources, src)
		out.Evidence = appendNew(out.Evidence, src.Evidence...)
		span(&out.FirstReported, &out.LastReported, src.Published)
	}
	if out.Evidence == nil {
		out.Evidence = []string{}
	}
	if len(out.Sources) > 0 {
		out.Article = out.Sources[0].Article
	}
	out.Stages = nil
	for _, st := range rec.Stages {
		st.Sources = slices.DeleteFunc(slices.Clone(st.Sources), func(a string) bool { return !keep(a) })
		if len(st.Sources) > 0 {
			out.Stages = append(out.Stages, st)
		}
	}
	out.Alternatives = nil
	for _, alt := range rec.Alternatives {
		alt.Sources = slices.DeleteFunc(slices.Clone(alt.Sources), func(a string) bool { return !keep(a) })
		if len(alt.Sources) > 0 {
			out.Alternatives = append(out.Alternatives, alt)
		}
	}
	return out
}

// union adds the sources of other to rec, with their evidence, reporting
// dates, stage steps, alternatives, persons, domains and organisations;
// rec's own field values stay.
func union(rec, other event.Record) event.Record {
	out := cloneRecord(rec)
	for _, src := range other.Sources {
		if slices.ContainsFunc(out.Sources, func(s event.Source) bool { return s.Article == src.Article }) {
			continue
		}
		out.Sources = append(out.Sources, src)
		out.Evidence = appendNew(out.Evidence, src.Evidence...)
		span(&out.FirstReported, &out.LastReported, src.Published)
	}
	for _, st := range other.Stages {
		i := slices.IndexFunc(out.Stages, func(x event.StageStep) bool { return x.Stage == st.Stage })
		if i < 0 {
			out.Stages = append(out.Stages, st)
			continue
		}
		out.Stages[i].Sources = appendNew(out.Stages[i].Sources, st.Sources...)
		if st.Date != "" && (out.Stages[i].Date == "" || st.Date < out.Stages[i].Date) {
			out.Stages[i].Date = st.Date
		}
	}
	slices.SortStableFunc(out.Stages, func(a, b event.StageStep) int {
		return cmp.Compare(slices.Index(event.Stages, a.Stage), slices.Index(event.Stages, b.Stage))
	})
	out.Alternatives = append(out.Alternatives, other.Alternatives...)
	for _, p := range other.Persons {
		if !slices.ContainsFunc(out.Persons, func(x event.Person) bool { return x.Name == p.Name }) {
			out.Persons = append(out.Persons, p)
		}
	}
	out.Domains = appendNew(out.Domains, other.Domains...)
	out.Organizations = appendNew(out.Organizations, other.Organizations...)
	out.Confidence = max(out.Confidence, other.Confidence)
	return out
}

// span widens a first/last date pair with one more date (text order).
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

func appendNew(list []string, more ...string) []string {
	for _, m := range more {
		if !slices.Contains(list, m) {
			list = append(list, m)
		}
	}
	return list
}

// EventEvidence returns, for each source of an event, the article and the
// byte ranges of its evidence in the article's cleaned text: the spans of
// the mentions behind the event (those of events merged into it, and for
// an event split off another, of that event), limited to the event's
// sources. A source without stored mentions (generated records) has no
// entry.
func (s *Store) EventEvidence(ctx context.Context, id int64) ([]Evidence, error) {
	rec, err := s.Event(ctx, id)
	if err != nil {
		return nil, err
	}
	rv, _, err := s.review(ctx, s.db, id)
	if err != nil {
		return nil, fmt.Errorf("evidence of event %d: %w", id, err)
	}
	owners := append([]int64{id}, rv.Merged...)
	if rv.SplitFrom != 0 {
		owners = append(owners, rv.SplitFrom)
	}
	sources := map[string]bool{}
	for _, src := range rec.Sources {
		sources[src.Article] = true
	}
	byArticle := map[int64]*Evidence{}
	var order []int64
	for _, owner := range owners {
		rows, err := s.db.QueryContext(ctx, s.q(eventMentionsSQL), owner)
		if err != nil {
			return nil, fmt.Errorf("evidence of event %d: %w", id, err)
		}
		for rows.Next() {
			var key int64
			var article, spans string
			if err := rows.Scan(&key, &article, &spans); err != nil {
				rows.Close()
				return nil, fmt.Errorf("evidence of event %d: %w", id, err)
			}
			if !sources[article] {
				continue
			}
			var sp []event.Span
			if err := json.Unmarshal([]byte(spans), &sp); err != nil {
				rows.Close()
				return nil, fmt.Errorf("evidence of event %d: spans of %s: %w", id, article, err)
			}
			ev := byArticle[key]
			if ev == nil {
				ev = &Evidence{Key: key, Article: article}
				byArticle[key] = ev
				order = append(order, key)
			}
			ev.Spans = append(ev.Spans, sp...)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("evidence of event %d: %w", id, err)
		}
	}
	out := make([]Evidence, 0, len(order))
	for _, k := range order {
		ev := byArticle[k]
		ev.Spans = normaliseSpans(ev.Spans)
		out = append(out, *ev)
	}
	return out, nil
}

// normaliseSpans sorts spans and joins the ones that overlap; empty or
// reversed spans are dropped.
func normaliseSpans(sp []event.Span) []event.Span {
	sp = slices.DeleteFunc(sp, func(x event.Span) bool { return x.Start < 0 || x.End <= x.Start })
	slices.SortFunc(sp, func(a, b event.Span) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	var out []event.Span
	for _, x := range sp {
		if n := len(out); n > 0 && x.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, x.End)
			continue
		}
		out = append(out, x)
	}
	return out
}

const articleEventsSQL = `SELECT DISTINCT event_id FROM mentions WHERE article_id = ? AND event_id IS NOT NULL ORDER BY event_id`

// ArticleEvents returns the ids of the events an article's mentions belong
// to, in id order.
func (s *Store) ArticleEvents(ctx context.Context, key int64) ([]int64, error) {
	ids, err := s.ids(ctx, s.db, articleEventsSQL, key)
	if err != nil {
		return nil, fmt.Errorf("events of article %d: %w", key, err)
	}
	return ids, nil
}
