package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/merge"
	"pactwatch/internal/source"
)

// Extraction is what the pipeline made of one article.
type Extraction struct {
	Version       string          // the extractor version
	Text          string          // the cleaned text (indexed for full-text search)
	Language      string          // the article's language as detected
	Title         string          // the headline, when found
	Published     time.Time       // the publication date, when known
	PublishedFrom source.Origin   // where Published came from
	Mentions      []event.Mention // the events read from the article
	Error         string          // why extraction failed; its mentions are then removed
}

// Changes counts the events a SaveExtraction created, updated and deleted.
type Changes struct {
	Created, Updated, Deleted int
}

func (c *Changes) add(d Changes) {
	c.Created += d.Created
	c.Updated += d.Updated
	c.Deleted += d.Deleted
}

// SQL of SaveExtraction. lockArticle* take the article's row first: two
// saves of one article run one after the other.
const (
	lockArticleSQLite   = `SELECT article FROM articles WHERE id = ?`
	lockArticlePostgres = `SELECT article FROM articles WHERE id = ? FOR NO KEY UPDATE`
	lockKeySQL          = `SELECT pg_advisory_xact_lock(hashtext(?))`
	mentionColumns      = `m.id, m.ordinal, m.merge_key, m.type, m.countries, m.date, m.initiator, m.location_name,
	m.location_country, m.stage, m.kind, m.confidence, m.language, m.url, m.published, m.persons, m.domains,
	m.organizations, m.evidence, m.spans, m.event_id, a.article`
	articleMentionsSQL = `SELECT ` + mentionColumns + `
FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.article_id = ? ORDER BY m.ordinal, m.id`
	keyMentionsSQL = `SELECT ` + mentionColumns + `
FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.merge_key = ? ORDER BY m.id`
	insertMentionSQL = `INSERT INTO mentions (article_id, ordinal, merge_key, type, countries, date, initiator,
	location_name, location_country, stage, kind, confidence, language, url, published, persons, domains,
	organizations, evidence, spans)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	updateMentionSQL = `UPDATE mentions SET ordinal = ?, merge_key = ?, type = ?, countries = ?, date = ?,
	initiator = ?, location_name = ?, location_country = ?, stage = ?, kind = ?, confidence = ?, language = ?,
	url = ?, published = ?, persons = ?, domains = ?, organizations = ?, evidence = ?, spans = ?
WHERE id = ?`
	deleteMentionSQL    = `DELETE FROM mentions WHERE id = ?`
	setMentionEventSQL  = `UPDATE mentions SET event_id = ? WHERE id = ?`
	keyEventsSQL        = `SELECT id, record FROM events WHERE merge_key = ?`
	deleteEventSQL      = `DELETE FROM events WHERE id = ?`
	updateEventDatesSQL = `UPDATE event_countries SET date = ? WHERE event_id = ?`
	updatePairDatesSQL  = `UPDATE event_pairs SET date = ? WHERE event_id = ?`
	saveArticleSQL      = `UPDATE articles SET extractor_version = ?, extracted_at = ?, error = ?, cleaned = ?,
	language = CASE WHEN ? <> '' THEN ? ELSE language END,
	title = CASE WHEN ? <> '' THEN ? ELSE title END,
	published = CASE WHEN ? <> '' THEN ? ELSE published END,
	published_from = CASE WHEN ? <> '' THEN ? ELSE published_from END
WHERE id = ?`
	deleteFTSSQL    = `DELETE FROM article_fts WHERE rowid = ?`
	insertFTSSQL    = `INSERT INTO article_fts (rowid, body) VALUES (?, ?)`
	deleteSearchSQL = `DELETE FROM article_search WHERE article_id = ?`
	insertSearchSQL = `INSERT INTO article_search (article_id, body) VALUES (?, ?)`
	updateEventSQL  = `UPDATE events SET type = ?, date = ?, initiator = ?, location = ?, location_country = ?,
	stage = ?, confidence = ?, first_reported = ?, last_reported = ?, n_sources = ?, updated_at = ?, record = ?
WHERE id = ?`
)

// SaveExtraction stores what the pipeline made of the article with this
// key, in one transaction: the article's text, language and extractor
// version (or the reason it failed, and then no mentions), its mentions in
// place of the previous ones, and the events of every merge key whose
// mentions changed, rebuilt with merge.Group and merge.Build from all the
// mentions of that key in the store.
//
// Event ids are stable: a rebuilt event takes the id of the old event of
// its key that shares most of its mentions (ties: the lower id); only an
// event sharing none gets a new id; an old event left with no mention is
// deleted. Saving the same extraction again changes no event. A mention
// keeps its identity (and so its event) across saves of its article: the
// n-th mention of a key in the article is the same mention.
//
// On PostgreSQL, concurrent saves from several processes serialise per
// merge key with transaction-scoped advisory locks, taken in key order.
func (s *Store) SaveExtraction(ctx context.Context, key int64, x Extraction) (Changes, error) {
	return s.SaveExtractions(ctx, []Save{{Key: key, Extraction: x}})
}

// Save is one article's extraction, for SaveExtractions.
type Save struct {
	Key        int64
	Extraction Extraction
}

// SaveExtractions saves several articles' extractions in one transaction,
// as SaveExtraction saves one: all or nothing. Each merge key touched by
// any of them is re-grouped once, after all their mentions are in place,
// which is where a batch saves most of its time.
func (s *Store) SaveExtractions(ctx context.Context, saves []Save) (Changes, error) {
	saves = slices.Clone(saves)
	slices.SortStableFunc(saves, func(a, b Save) int { return cmp.Compare(a.Key, b.Key) })
	saves = slices.CompactFunc(saves, func(a, b Save) bool { return a.Key == b.Key })
	type work struct {
		id         string
		old, fresh []mentionRow
	}
	var ch Changes
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ch = Changes{}
		lock := lockArticleSQLite
		if s.dialect == Postgres {
			lock = lockArticlePostgres
		}
		works := make([]work, len(saves))
		var keys []string
		for i, sv := range saves {
			w := &works[i]
			if err := s.txQueryRow(ctx, tx, lock, sv.Key).Scan(&w.id); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("article %d: %w", sv.Key, ErrNotFound)
				}
				return fmt.Errorf("article %d: %w", sv.Key, err)
			}
			old, err := s.mentions(ctx, tx, articleMentionsSQL, sv.Key)
			if err != nil {
				return fmt.Errorf("article %s: mentions: %w", w.id, err)
			}
			w.old = old
			x := sv.Extraction
			if x.Error == "" {
				for i := range x.Mentions {
					if err := usable(&x.Mentions[i]); err != nil {
						return fmt.Errorf("article %s: mention %d: %w", w.id, i, err)
					}
					w.fresh = append(w.fresh, newMentionRow(i, &x.Mentions[i], x.Language))
				}
			}
			keys = append(keys, changedKeys(w.old, w.fresh)...)
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		if err := s.lockKeys(ctx, tx, keys); err != nil {
			return fmt.Errorf("lock keys: %w", err)
		}
		var changed []mentionRow
		for i, sv := range saves {
			w := works[i]
			if err := s.replaceMentions(ctx, tx, sv.Key, w.old, w.fresh); err != nil {
				return fmt.Errorf("article %s: mentions: %w", w.id, err)
			}
			changed = append(append(changed, w.old...), w.fresh...)
		}
		for _, k := range keys {
			c, err := s.remerge(ctx, tx, k, changed)
			if err != nil {
				return fmt.Errorf("events of %s: %w", k, err)
			}
			ch.add(c)
		}
		for i, sv := range saves {
			if err := s.saveArticle(ctx, tx, sv.Key, sv.Extraction); err != nil {
				return fmt.Errorf("article %s: %w", works[i].id, err)
			}
		}
		return nil
	})
	if err != nil {
		return Changes{}, fmt.Errorf("save extraction: %w", err)
	}
	return ch, nil
}

func (s *Store) saveArticle(ctx context.Context, tx *sql.Tx, key int64, x Extraction) error {
	cleaned := text(x.Text)
	lang, title, pub, from := text(x.Language), text(x.Title), day(x.Published), text(string(x.PublishedFrom))
	if pub == "" {
		from = ""
	}
	_, err := s.txExec(ctx, tx, saveArticleSQL, text(x.Version), s.now(), text(x.Error), cleaned,
		lang, lang, title, title, pub, pub, from, from, key)
	if err != nil {
		return fmt.Errorf("save article: %w", err)
	}
	del, ins := deleteFTSSQL, insertFTSSQL
	if s.dialect == Postgres {
		del, ins = deleteSearchSQL, insertSearchSQL
	}
	if _, err := s.txExec(ctx, tx, del, key); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	if body := fold(cleaned); body != "" {
		if _, err := s.txExec(ctx, tx, ins, key, body); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
	}
	return nil
}

// lockKeys takes PostgreSQL's transaction-scoped advisory lock of each merge
// key, in sorted order (so two saves never wait on each other in a cycle).
// SQLite needs none: its writers already run one at a time.
func (s *Store) lockKeys(ctx context.Context, tx *sql.Tx, keys []string) error {
	if s.dialect != Postgres {
		return nil
	}
	for _, k := range keys {
		if _, err := s.txExec(ctx, tx, lockKeySQL, k); err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
	}
	return nil
}

// usable refuses a mention that cannot be merged: no type, or fewer than
// two distinct states.
func usable(m *event.Mention) error {
	cs := slices.Clone(m.Countries)
	slices.Sort(cs)
	if m.Type == "" || len(slices.Compact(cs)) < 2 {
		return fmt.Errorf("%q event between %v: want a type and two states or more", m.Type, m.Countries)
	}
	return nil
}

// mentionRow is a mention as its row holds it: the JSON columns encoded,
// so that two rows compare with ==.
type mentionRow struct {
	id      int64
	ordinal int
	key     string
	typ     string
	countries,
	date, initiator, locName, locCountry, stage, kind string
	confidence float64
	language, url, published,
	persons, domains, organizations, evidence, spans string

	eventID int64  // 0 when none; not compared
	article string // the article's id; not compared
}

// content is the row without what saving does not set, for comparison.
func (r mentionRow) content() mentionRow {
	r.id, r.eventID, r.article = 0, 0, ""
	return r
}

func newMentionRow(ordinal int, m *event.Mention, language string) mentionRow {
	e := &m.Event
	countries := slices.Clone(e.Countries)
	slices.Sort(countries)
	r := mentionRow{
		ordinal: ordinal, key: e.Key(), typ: text(string(e.Type)), countries: mustJSON(countries),
		date: text(e.Date), initiator: text(e.Initiator), confidence: e.Confidence,
		language: text(cmp.Or(e.Language, language)), url: text(m.URL), published: text(m.Published),
		persons: mustJSON(e.Persons), domains: mustJSON(e.Domains), organizations: mustJSON(e.Organizations),
		evidence: mustJSON(e.Evidence), spans: mustJSON(m.Spans),
	}
	r.key = text(r.key)
	if e.Location != nil {
		r.locName, r.locCountry = text(e.Location.Name), text(e.Location.Country)
	}
	if e.Agreement != nil {
		r.stage, r.kind = text(string(e.Agreement.Stage)), text(e.Agreement.Kind)
	}
	return r
}

// mention is the row as merge reads it.
func (r *mentionRow) mention() (event.Mention, error) {
	m := event.Mention{URL: r.url, Published: r.published}
	e := &m.Event
	e.Article, e.Type, e.Date, e.Initiator = r.article, event.Type(r.typ), r.date, r.initiator
	e.Confidence, e.Language = r.confidence, r.language
	if r.locName != "" || r.locCountry != "" {
		e.Location = &event.Location{Name: r.locName, Country: r.locCountry}
	}
	if r.stage != "" || r.kind != "" {
		e.Agreement = &event.AgreementInfo{Kind: r.kind, Stage: event.Stage(r.stage)}
	}
	for _, f := range []struct {
		name string
		js   string
		into any
	}{
		{"countries", r.countries, &e.Countries}, {"persons", r.persons, &e.Persons},
		{"domains", r.domains, &e.Domains}, {"organizations", r.organizations, &e.Organizations},
		{"evidence", r.evidence, &e.Evidence}, {"spans", r.spans, &m.Spans},
	} {
		if err := json.Unmarshal([]byte(f.js), f.into); err != nil {
			return event.Mention{}, fmt.Errorf("mention %d %s: %w", r.id, f.name, err)
		}
	}
	return m, nil
}

func (r *mentionRow) args() []any {
	return []any{r.ordinal, r.key, r.typ, r.countries, r.date, r.initiator, r.locName, r.locCountry,
		r.stage, r.kind, r.confidence, r.language, r.url, r.published, r.persons, r.domains,
		r.organizations, r.evidence, r.spans}
}

// mustJSON encodes a value of a type that always encodes (slices of plain
// structs and strings); nil and empty slices are "[]".
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("store: encode %T: %v", v, err)) // a programming error, not input
	}
	if string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// queryer is a *sql.DB or a *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func (s *Store) mentions(ctx context.Context, db queryer, query string, arg any) ([]mentionRow, error) {
	var rows *sql.Rows
	var err error
	if tx, ok := db.(*sql.Tx); ok {
		rows, err = s.txQuery(ctx, tx, query, arg)
	} else {
		rows, err = db.QueryContext(ctx, s.q(query), arg)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []mentionRow
	for rows.Next() {
		var r mentionRow
		var ev sql.NullInt64
		if err := rows.Scan(&r.id, &r.ordinal, &r.key, &r.typ, &r.countries, &r.date, &r.initiator,
			&r.locName, &r.locCountry, &r.stage, &r.kind, &r.confidence, &r.language, &r.url, &r.published,
			&r.persons, &r.domains, &r.organizations, &r.evidence, &r.spans, &ev, &r.article); err != nil {
			return nil, err
		}
		r.eventID = ev.Int64
		out = append(out, r)
	}
	return out, rows.Err()
}

// byKey groups rows by merge key, keeping their order.
func byKey(rows []mentionRow) map[string][]mentionRow {
	m := map[string][]mentionRow{}
	for _, r := range rows {
		m[r.key] = append(m[r.key], r)
	}
	return m
}

// changedKeys returns, sorted, the merge keys whose mentions differ between
// old and fresh, pairing the n-th mention of a key in each.
func changedKeys(old, fresh []mentionRow) []string {
	o, f := byKey(old), byKey(fresh)
	var keys []string
	for k, rs := range o {
		if !sameContent(rs, f[k]) {
			keys = append(keys, k)
		}
	}
	for k, rs := range f {
		if _, seen := o[k]; !seen && len(rs) > 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

func sameContent(a, b []mentionRow) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i].content(), b[i].content()
		x.ordinal, y.ordinal = 0, 0
		if x != y {
			return false
		}
	}
	return true
}

// replaceMentions turns the article's old mentions into fresh: the n-th
// mention of a key keeps its row (updated when it differs), extra fresh
// mentions are inserted, extra old ones deleted.
func (s *Store) replaceMentions(ctx context.Context, tx *sql.Tx, article int64, old, fresh []mentionRow) error {
	o := byKey(old)
	seen := map[string]int{}
	for _, r := range fresh {
		n := seen[r.key]
		seen[r.key]++
		if n < len(o[r.key]) {
			prev := o[r.key][n]
			if prev.content() == r.content() {
				continue
			}
			if _, err := s.txExec(ctx, tx, updateMentionSQL, append(r.args(), prev.id)...); err != nil {
				return err
			}
			continue
		}
		if _, err := s.txExec(ctx, tx, insertMentionSQL, append([]any{article}, r.args()...)...); err != nil {
			return err
		}
	}
	for k, rs := range o {
		for _, r := range rs[min(seen[k], len(rs)):] {
			if _, err := s.txExec(ctx, tx, deleteMentionSQL, r.id); err != nil {
				return err
			}
		}
	}
	return nil
}

// remerge rebuilds the events of one merge key from all its mentions.
func (s *Store) remerge(ctx context.Context, tx *sql.Tx, key string, changed []mentionRow) (Changes, error) {
	var ch Changes
	rows, err := s.mentions(ctx, tx, keyMentionsSQL, key)
	if err != nil {
		return ch, fmt.Errorf("mentions: %w", err)
	}
	var within map[int64]bool // events re-grouped; nil: all of the key
	rows, within = nearby(rows, changed, key)
	ms := make([]event.Mention, len(rows))
	for i := range rows {
		if ms[i], err = rows[i].mention(); err != nil {
			return ch, err
		}
	}
	clusters, err := partition(merge.Group(ms), len(ms))
	if err != nil {
		return ch, err
	}
	old, err := s.keyEvents(ctx, tx, key)
	if err != nil {
		return ch, fmt.Errorf("events: %w", err)
	}
	if within != nil {
		for id := range old {
			if !within[id] {
				delete(old, id) // outside the window: left as it is
			}
		}
	}
	ids := assignIDs(clusters, rows, old)
	var fresh []int
	for c, id := range ids {
		if id == 0 {
			fresh = append(fresh, c)
		}
	}
	newIDs, err := s.allocateEventIDs(ctx, tx, len(fresh))
	if err != nil {
		return ch, fmt.Errorf("new event ids: %w", err)
	}
	for i, c := range fresh {
		ids[c] = newIDs[i]
	}
	kept := map[int64]bool{}
	successors := map[int64][]int64{} // old event -> the events that took its mentions
	for c, members := range clusters {
		group := make([]event.Mention, len(members))
		for i, m := range members {
			group[i] = ms[m]
		}
		rec := merge.Build(group)
		rec.ID = ids[c]
		if len(rec.Countries) == 0 {
			rec.Countries = keyCountries(key)
		}
		if err := s.reviewRebuilt(ctx, tx, &rec); err != nil { // analysts' corrections (reviews.go)
			return ch, err
		}
		js, err := json.Marshal(rec)
		if err != nil {
			return ch, fmt.Errorf("encode event %d: %w", rec.ID, err)
		}
		if prev, ok := old[rec.ID]; ok {
			kept[rec.ID] = true
			if prev != string(js) {
				if err := s.updateEvent(ctx, tx, &rec, string(js)); err != nil {
					return ch, err
				}
				ch.Updated++
			}
		} else {
			if err := s.insertEvent(ctx, tx, key, &rec, string(js), s.now()); err != nil {
				return ch, err
			}
			ch.Created++
		}
		for _, m := range members {
			if prev := rows[m].eventID; prev != 0 && prev != rec.ID && !slices.Contains(successors[prev], rec.ID) {
				successors[prev] = append(successors[prev], rec.ID)
			}
			if rows[m].eventID != rec.ID {
				if _, err := s.txExec(ctx, tx, setMentionEventSQL, rec.ID, rows[m].id); err != nil {
					return ch, fmt.Errorf("mention %d: %w", rows[m].id, err)
				}
			}
		}
	}
	gone := make([]int64, 0, len(old))
	for id := range old {
		if !kept[id] {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	for _, id := range gone {
		slices.Sort(successors[id])
		if err := s.reviewVanished(ctx, tx, id, successors[id]); err != nil { // analysts' reviews (reviews.go)
			return ch, err
		}
		if _, err := s.txExec(ctx, tx, deleteEventSQL, id); err != nil {
			return ch, fmt.Errorf("delete event %d: %w", id, err)
		}
		ch.Deleted++
	}
	return ch, nil
}

// Window is how far from the changed mentions' dates the re-grouping of a
// merge key reaches. Mentions of one happening are days apart (merge joins
// meetings within days and undated mentions within three weeks of their
// publication), so a save re-groups the mentions near its own, and the
// whole events they belong to, instead of every mention a pair ever had:
// the cost of a save stays flat as the store grows. Agreements, whose
// lifecycle spans years, and small keys are always re-grouped whole.
const Window = 60 * 24 * time.Hour

// smallKey is the number of mentions under which a key is re-grouped whole.
const smallKey = 200

// nearby returns the mentions of a key to re-group after changed ones, and
// the events they belong to (nil when the whole key is taken): those whose
// date period or publication day lies within Window of a changed mention's,
// those with neither, and every mention of an event one of these belongs
// to, so that no event is split by the window.
func nearby(rows, changed []mentionRow, key string) ([]mentionRow, map[int64]bool) {
	if len(rows) < smallKey || strings.HasPrefix(key, string(event.Agreement)+"|") {
		return rows, nil
	}
	var lo, hi time.Time
	for _, m := range changed {
		if m.key != key {
			continue
		}
		a, b, ok := mentionSpan(m)
		if !ok {
			return rows, nil // a mention with no time may join anything
		}
		if lo.IsZero() || a.Before(lo) {
			lo = a
		}
		if b.After(hi) {
			hi = b
		}
	}
	if lo.IsZero() {
		return rows, nil
	}
	lo, hi = lo.Add(-Window), hi.Add(Window)
	events := map[int64]bool{}
	for _, m := range changed {
		if m.key == key && m.eventID != 0 {
			events[m.eventID] = true // an event that lost a mention is rebuilt
		}
	}
	for _, m := range rows {
		a, b, ok := mentionSpan(m)
		if (!ok || (!b.Before(lo) && !a.After(hi))) && m.eventID != 0 {
			events[m.eventID] = true
		}
	}
	var out []mentionRow
	for _, m := range rows {
		a, b, ok := mentionSpan(m)
		if events[m.eventID] || m.eventID == 0 && (!ok || (!b.Before(lo) && !a.After(hi))) {
			out = append(out, m)
		}
	}
	return out, events
}

// mentionSpan is the time a mention speaks of: its date's whole period (a year,
// a month or a day) joined with its publication day.
func mentionSpan(m mentionRow) (lo, hi time.Time, ok bool) {
	add := func(a, b time.Time) {
		if !ok || a.Before(lo) {
			lo = a
		}
		if !ok || b.After(hi) {
			hi = b
		}
		ok = true
	}
	d := m.date
	if t, err := time.Parse("2006-01-02", d); err == nil {
		add(t, t)
	} else if t, err := time.Parse("2006-01", d); err == nil {
		add(t, t.AddDate(0, 1, -1))
	} else if t, err := time.Parse("2006", d); err == nil {
		add(t, t.AddDate(1, 0, -1))
	}
	if t, err := time.Parse("2006-01-02", m.published); err == nil {
		add(t, t)
	}
	return lo, hi, ok
}

// partition checks that clusters is a partition of 0..n-1 (what
// merge.Group promises) and sorts each cluster.
func partition(clusters [][]int, n int) ([][]int, error) {
	seen := make([]bool, n)
	out := make([][]int, 0, len(clusters))
	for _, c := range clusters {
		if len(c) == 0 {
			continue
		}
		c = slices.Clone(c)
		slices.Sort(c)
		for _, i := range c {
			if i < 0 || i >= n || seen[i] {
				return nil, fmt.Errorf("merge.Group gave index %d twice or out of 0..%d", i, n-1)
			}
			seen[i] = true
		}
		out = append(out, c)
	}
	for i, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("merge.Group left mention %d out", i)
		}
	}
	return out, nil
}

// assignIDs gives each cluster the id of the old event that shares most of
// its mentions (ties: the lower id), one cluster per old event, the
// largest overlaps first; 0 for clusters left without one.
func assignIDs(clusters [][]int, rows []mentionRow, old map[int64]string) []int64 {
	type overlap struct {
		cluster int
		event   int64
		shared  int
	}
	var cands []overlap
	for c, members := range clusters {
		count := map[int64]int{}
		for _, m := range members {
			if id := rows[m].eventID; id != 0 {
				if _, ok := old[id]; ok {
					count[id]++
				}
			}
		}
		for id, n := range count {
			cands = append(cands, overlap{c, id, n})
		}
	}
	// Clusters are in order of their first mention's row, which is stable.
	slices.SortFunc(cands, func(a, b overlap) int {
		return cmp.Or(cmp.Compare(b.shared, a.shared), cmp.Compare(a.event, b.event), cmp.Compare(a.cluster, b.cluster))
	})
	ids := make([]int64, len(clusters))
	taken := map[int64]bool{}
	for _, o := range cands {
		if ids[o.cluster] == 0 && !taken[o.event] {
			ids[o.cluster] = o.event
			taken[o.event] = true
		}
	}
	return ids
}

func (s *Store) keyEvents(ctx context.Context, tx *sql.Tx, key string) (map[int64]string, error) {
	rows, err := s.txQuery(ctx, tx, keyEventsSQL, key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var rec string
		if err := rows.Scan(&id, &rec); err != nil {
			return nil, err
		}
		out[id] = rec
	}
	return out, rows.Err()
}

func (s *Store) updateEvent(ctx context.Context, tx *sql.Tx, rec *event.Record, js string) error {
	c := eventColumns(rec)
	_, err := s.txExec(ctx, tx, updateEventSQL, c.typ, c.date, c.initiator, c.location, c.locCountry,
		c.stage, c.confidence, c.first, c.last, c.sources, s.now(), js, rec.ID)
	if err != nil {
		return fmt.Errorf("update event %d: %w", rec.ID, err)
	}
	for _, q := range []string{updateEventDatesSQL, updatePairDatesSQL} {
		if _, err := s.txExec(ctx, tx, q, c.date, rec.ID); err != nil {
			return fmt.Errorf("update event %d: %w", rec.ID, err)
		}
	}
	return nil
}

// keyCountries returns the countries of a merge key (type|A,B,...).
func keyCountries(key string) []string {
	_, list, ok := strings.Cut(key, "|")
	if !ok || list == "" {
		return nil
	}
	return strings.Split(list, ",")
}
