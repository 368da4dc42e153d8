package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"

	"pactwatch/internal/source"
)

// StoredArticle is an article as the store holds it: the input record
// (Title, Language, Published and PublishedFrom replaced by the
// extractor's reading once extracted, when it has one) and what extraction
// made of it.
type StoredArticle struct {
	source.Article
	Key              int64     // the store's key
	Hash             string    // ContentHash of Raw
	Text             string    // cleaned text; empty until extracted
	ExtractorVersion string    // empty until extracted
	ExtractedAt      time.Time // zero until extracted
	Error            string    // why extraction failed; empty when it did not
	CreatedAt        time.Time
}

// ContentHash is the identity of an article's content: the SHA-256 of its
// raw bytes with every run of white space made one space and the ends
// trimmed, so the same page saved twice with different line endings or
// indentation is one article.
func ContentHash(raw []byte) string {
	return source.Hash(bytes.Join(bytes.Fields(raw), []byte{' '}))
}

const (
	articleByHashSQL = `SELECT id FROM articles WHERE content_hash = ?`
	articleByURLSQL  = `SELECT id FROM articles WHERE url = ? AND url <> ''`
	articleIDUsedSQL = `SELECT count(*) FROM articles WHERE article = ?`
	insertArticleSQL = `INSERT INTO articles (article, url, title, format, language, published, published_from,
	fallback, origin, content_hash, created_at, raw)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
RETURNING id`
)

// PutArticle stores an article unless the store already has it: an
// article with the same URL or the same content (ContentHash) is the same
// article, and PutArticle then returns its key with existed true and writes
// nothing. When other content arrives under an id the store already uses,
// it is stored under "id~" plus the first 8 hex digits of its hash.
func (s *Store) PutArticle(ctx context.Context, a *source.Article) (key int64, existed bool, err error) {
	if a == nil {
		return 0, false, errors.New("put article: nil article")
	}
	hash := ContentHash(a.Raw)
	url := text(a.URL)
	// Another writer may insert the same article between the look-up and
	// the insert: the insert then does nothing, and the look-up finds it.
	for range 4 {
		key, err = s.findArticle(ctx, hash, url)
		if err != nil || key != 0 {
			return key, key != 0, wrapArticle(a.ID, err)
		}
		id, err := s.freeID(ctx, text(a.ID), hash)
		if err != nil {
			return 0, false, wrapArticle(a.ID, err)
		}
		err = s.dbQueryRow(ctx, insertArticleSQL, id, url, text(a.Title), text(string(a.Format)),
			text(a.Language), day(a.Published), text(string(a.PublishedFrom)), day(a.Fallback), text(a.Origin),
			hash, s.now(), nonNil(a.Raw)).Scan(&key)
		if err == nil {
			return key, false, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, false, wrapArticle(a.ID, err)
		}
	}
	return 0, false, wrapArticle(a.ID, errors.New("insert keeps conflicting"))
}

func wrapArticle(id string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("put article %s: %w", id, err)
}

func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// findArticle returns the key of the article with this content or URL, or 0.
func (s *Store) findArticle(ctx context.Context, hash, url string) (int64, error) {
	var key int64
	err := s.dbQueryRow(ctx, articleByHashSQL, hash).Scan(&key)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return key, err
	}
	if url == "" {
		return 0, nil
	}
	err = s.dbQueryRow(ctx, articleByURLSQL, url).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return key, err
}

// freeID returns id when no article uses it, else id~HASH8, then longer
// prefixes of the hash. An empty id becomes "sha-" plus 12 hex digits.
func (s *Store) freeID(ctx context.Context, id, hash string) (string, error) {
	if id == "" {
		id = "sha-" + hash[:12]
	}
	candidates := []string{id, id + "~" + hash[:8], id + "~" + hash[:16], id + "~" + hash}
	for _, c := range candidates {
		var n int
		if err := s.dbQueryRow(ctx, articleIDUsedSQL, c).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return c, nil
		}
	}
	return "", fmt.Errorf("every id for content %s is taken", hash[:8])
}

const articleColumns = `id, article, url, title, format, language, published, published_from, fallback, origin,
	content_hash, extractor_version, extracted_at, error, created_at, raw, cleaned`

const (
	articleSQL     = `SELECT ` + articleColumns + ` FROM articles WHERE id = ?`
	articleByIDSQL = `SELECT ` + articleColumns + ` FROM articles WHERE article = ?`
)

// Article returns the article with this key; ErrNotFound when none.
func (s *Store) Article(ctx context.Context, key int64) (*StoredArticle, error) {
	a, err := scanArticle(s.dbQueryRow(ctx, articleSQL, key))
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", key, err)
	}
	return a, nil
}

// ArticleByID returns the article with this id (source.Article.ID as
// stored); ErrNotFound when none.
func (s *Store) ArticleByID(ctx context.Context, id string) (*StoredArticle, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, s.q(articleByIDSQL), id))
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

func scanArticle(row *sql.Row) (*StoredArticle, error) {
	var a StoredArticle
	var format, published, from, fallback string
	var extracted, created timeCol
	err := row.Scan(&a.Key, &a.ID, &a.URL, &a.Title, &format, &a.Language, &published, &from, &fallback,
		&a.Origin, &a.Hash, &a.ExtractorVersion, &extracted, &a.Error, &created, &a.Raw, &a.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	a.Format, a.PublishedFrom = source.Format(format), source.Origin(from)
	a.Published, a.Fallback = parseDay(published), parseDay(fallback)
	a.ExtractedAt, a.CreatedAt = extracted.t, created.t
	return &a, nil
}

const pendingSQL = `SELECT id FROM articles WHERE extractor_version <> ? ORDER BY id LIMIT ?`

// Pending returns the keys of the articles not yet extracted with this
// extractor version, failed or not, oldest first: at most limit of them
// (limit <= 0: all).
func (s *Store) Pending(ctx context.Context, version string, limit int) ([]int64, error) {
	n := int64(limit)
	if limit <= 0 {
		n = math.MaxInt64
	}
	rows, err := s.db.QueryContext(ctx, s.q(pendingSQL), version, n)
	if err != nil {
		return nil, fmt.Errorf("pending articles: %w", err)
	}
	defer rows.Close()
	var keys []int64
	for rows.Next() {
		var k int64
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("pending articles: %w", err)
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending articles: %w", err)
	}
	return keys, nil
}

const eachArticleSQL = `SELECT id, extractor_version FROM articles WHERE id > ? ORDER BY id LIMIT ?`

// eachArticlePage is how many articles EachArticle reads at a time.
const eachArticlePage = 500

// EachArticle calls fn with the key and extractor version of every
// article, in key order, until fn returns an error, which it returns. It
// reads a page of keys at a time and holds no query open while fn runs, so
// fn may write to the store (queue or save an extraction).
func (s *Store) EachArticle(ctx context.Context, fn func(key int64, version string) error) error {
	type row struct {
		key     int64
		version string
	}
	after := int64(0)
	for {
		rows, err := s.db.QueryContext(ctx, s.q(eachArticleSQL), after, eachArticlePage)
		if err != nil {
			return fmt.Errorf("articles after %d: %w", after, err)
		}
		var page []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.key, &r.version); err != nil {
				rows.Close()
				return fmt.Errorf("articles after %d: %w", after, err)
			}
			page = append(page, r)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("articles after %d: %w", after, err)
		}
		for _, r := range page {
			if err := fn(r.key, r.version); err != nil {
				return err
			}
		}
		if len(page) < eachArticlePage {
			return nil
		}
		after = page[len(page)-1].key
	}
}

// ArticleHit is an article that a full-text search found.
type ArticleHit struct {
	Key   int64
	ID    string
	Title string
}

// SearchArticles returns the articles whose cleaned text holds every term
// of q (folded as fold does: case, accents and Arabic harakat ignored),
// in key order, at most limit of them (limit <= 0: all).
func (s *Store) SearchArticles(ctx context.Context, q string, limit int) ([]ArticleHit, error) {
	match, args := s.searchSQL(q)
	if match == "" {
		return nil, nil
	}
	n := int64(limit)
	if limit <= 0 {
		n = math.MaxInt64
	}
	query := `SELECT a.id, a.article, a.title FROM articles a WHERE a.id IN (` + match + `) ORDER BY a.id LIMIT ?`
	rows, err := s.db.QueryContext(ctx, s.q(query), append(args, n)...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer rows.Close()
	var hits []ArticleHit
	for rows.Next() {
		var h ArticleHit
		if err := rows.Scan(&h.Key, &h.ID, &h.Title); err != nil {
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	return hits, nil
}

// Full-text queries: each selects the keys of the articles that hold every
// term. SQLite: terms of 3+ characters go to the FTS5 trigram index, shorter
// ones are LIKE patterns in a JSON array. PostgreSQL: the longest term is a
// LIKE pattern the pg_trgm index answers, the others a text[] for LIKE ALL.
const (
	searchSQLiteMatchSQL = `SELECT f.rowid FROM article_fts f WHERE f.article_fts MATCH ?
	AND NOT EXISTS (SELECT 1 FROM json_each(?) p WHERE f.body NOT LIKE p.value ESCAPE '\')`
	searchSQLiteLikeSQL = `SELECT f.rowid FROM article_fts f
	WHERE NOT EXISTS (SELECT 1 FROM json_each(?) p WHERE f.body NOT LIKE p.value ESCAPE '\')`
	searchPostgresSQL = `SELECT x.article_id FROM article_search x WHERE x.body LIKE ? AND x.body LIKE ALL (?::text[])`
)

// searchSQL returns the subquery selecting the articles that match q, with
// its arguments; "" when q has no term.
func (s *Store) searchSQL(q string) (string, []any) {
	terms := searchTerms(q)
	if len(terms) == 0 {
		return "", nil
	}
	if s.dialect == Postgres {
		longest := 0
		for i, t := range terms {
			if len([]rune(t)) > len([]rune(terms[longest])) {
				longest = i
			}
		}
		rest := []string{}
		for i, t := range terms {
			if i != longest {
				rest = append(rest, likePattern(t))
			}
		}
		return searchPostgresSQL, []any{likePattern(terms[longest]), rest}
	}
	var short []string
	for _, t := range terms {
		if len([]rune(t)) < 3 {
			short = append(short, likePattern(t))
		}
	}
	shortJSON := mustJSON(short)
	if m := ftsQuery(terms); m != "" {
		return searchSQLiteMatchSQL, []any{m, shortJSON}
	}
	return searchSQLiteLikeSQL, []any{shortJSON}
}

const recordFailureSQL = `INSERT INTO failures (source, message, at) VALUES (?, ?, ?)`

// RecordFailure records an input that never became an article (a file
// that could not be read, a URL that could not be fetched) with the reason.
func (s *Store) RecordFailure(ctx context.Context, where, message string) error {
	if _, err := s.db.ExecContext(ctx, s.q(recordFailureSQL), text(where), text(message), s.now()); err != nil {
		return fmt.Errorf("record failure of %s: %w", where, err)
	}
	return nil
}

// Failure is an input recorded by RecordFailure.
type Failure struct {
	Source  string
	Message string
	At      time.Time
}

const failuresSQL = `SELECT source, message, at FROM failures ORDER BY id DESC LIMIT ?`

// Failures returns the latest recorded failures, newest first: at most
// limit of them (limit <= 0: all).
func (s *Store) Failures(ctx context.Context, limit int) ([]Failure, error) {
	n := int64(limit)
	if limit <= 0 {
		n = math.MaxInt64
	}
	rows, err := s.db.QueryContext(ctx, s.q(failuresSQL), n)
	if err != nil {
		return nil, fmt.Errorf("failures: %w", err)
	}
	defer rows.Close()
	var out []Failure
	for rows.Next() {
		var f Failure
		var at timeCol
		if err := rows.Scan(&f.Source, &f.Message, &at); err != nil {
			return nil, fmt.Errorf("failures: %w", err)
		}
		f.At = at.t
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("failures: %w", err)
	}
	return out, nil
}

// FeedState is what a feed's last poll answered, for a conditional request
// next time.
type FeedState struct {
	ETag         string
	LastModified string
}

const (
	feedStateSQL     = `SELECT etag, last_modified FROM feeds WHERE url = ?`
	saveFeedStateSQL = `INSERT INTO feeds (url, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)
ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
	polled_at = excluded.polled_at`
)

// FeedState returns the state saved for a feed; the zero state when none.
func (s *Store) FeedState(ctx context.Context, url string) (FeedState, error) {
	var f FeedState
	err := s.db.QueryRowContext(ctx, s.q(feedStateSQL), url).Scan(&f.ETag, &f.LastModified)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return FeedState{}, fmt.Errorf("feed state of %s: %w", url, err)
	}
	return f, nil
}

// SaveFeedState saves what a feed's poll answered.
func (s *Store) SaveFeedState(ctx context.Context, url string, f FeedState) error {
	_, err := s.db.ExecContext(ctx, s.q(saveFeedStateSQL), text(url), text(f.ETag), text(f.LastModified), s.now())
	if err != nil {
		return fmt.Errorf("save feed state of %s: %w", url, err)
	}
	return nil
}

const matchingEventsSQL = eventsOfArticlesSQL // %s: the articles matched

// MatchingEvents returns the ids of the events with a source article whose
// cleaned text holds every term of q (as SearchArticles finds them), in no
// order; nil when q has no term. Hits follow analysts' reviews: an article
// split off an event counts for the event split off, not for the event it
// came from; an event merged into another counts for both.
func (s *Store) MatchingEvents(ctx context.Context, q string) ([]int64, error) {
	match, args := s.searchSQL(q)
	if match == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, s.q(fmt.Sprintf(matchingEventsSQL, match)), args...)
	if err != nil {
		return nil, fmt.Errorf("events matching %q: %w", q, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("events matching %q: %w", q, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events matching %q: %w", q, err)
	}
	return ids, nil
}
