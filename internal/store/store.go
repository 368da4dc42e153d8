package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	_ "modernc.org/sqlite" // database/sql driver "sqlite"
)

// The dialects a Store speaks, as Dialect returns them.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// DefaultPath is the SQLite file used when Open is given an empty DSN.
const DefaultPath = "./pactwatch.db"

// sqlitePragmas apply to every SQLite connection: wait up to 10 s for a
// lock, write-ahead log (readers do not block the writer), foreign keys
// enforced, fsync at checkpoints only (with WAL a crash keeps the store
// consistent; at worst the last transactions before a power loss are
// lost), temporary data (statement journals) in memory, a 32 MB page
// cache, and BEGIN IMMEDIATE so that a transaction takes the write lock up
// front instead of failing midway.
const sqlitePragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
	"&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-32000)&_txlock=immediate"

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// ErrNotFound is returned (wrapped) when an article or event does not exist.
var ErrNotFound = errors.New("not found")

// Store is an open event store. It is safe for concurrent use.
type Store struct {
	db      *sql.DB
	dialect string
	dsn     string

	rebound sync.Map             // query with ? placeholders -> PostgreSQL text with $n
	stmts   map[string]*sql.Stmt // the hot queries, prepared once at Open
}

// Open opens (creating it if needed) the store named by dsn and applies any
// pending migration. An empty dsn means DefaultPath; a postgres:// or
// postgresql:// URL means PostgreSQL; anything else is an SQLite file path.
func Open(ctx context.Context, dsn string) (*Store, error) {
	s, err := open(dsn)
	if err != nil {
		return nil, err
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	if err := s.prepare(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	return s, nil
}

func open(dsn string) (*Store, error) {
	if dsn == "" {
		dsn = DefaultPath
	}
	s := &Store{dsn: dsn}
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s.dialect = Postgres
		s.db, err = sql.Open("pgx", dsn)
	} else {
		s.dialect = SQLite
		s.db, err = sql.Open("sqlite", sqliteDSN(dsn))
		if err == nil {
			// One connection: SQLite runs one writer at a time anyway, and
			// writers queued in Go's pool wait without the busy handler's
			// sleeps (River's own writes share this handle).
			s.db.SetMaxOpenConns(1)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	return s, nil
}

// sqliteDSN makes a file: URI of a path, escaping the characters a URI
// gives a meaning to, and adds the pragmas.
func sqliteDSN(path string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + esc + "?" + sqlitePragmas
}

// redact hides a password in a PostgreSQL URL for error messages.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	userinfo := dsn[scheme+3 : at]
	if i := strings.IndexByte(userinfo, ':'); i >= 0 {
		return dsn[:scheme+3] + userinfo[:i] + ":***" + dsn[at:]
	}
	return dsn
}

// Migrate applies the migrations not yet applied and returns how many it
// applied (0 when the schema is current). Open calls it.
func (s *Store) Migrate(ctx context.Context) (int, error) {
	dir, dialect := "migrations/sqlite", goose.DialectSQLite3
	var opts []goose.ProviderOption
	if s.dialect == Postgres {
		dir, dialect = "migrations/postgres", goose.DialectPostgres
		// Several processes may open one database at once: one migrates,
		// the others wait (checking every second, up to 5 minutes).
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
		if err != nil {
			return 0, fmt.Errorf("migrate %s: %w", redact(s.dsn), err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	fsys, err := fs.Sub(migrations, dir)
	if err != nil {
		return 0, fmt.Errorf("migrate %s: %w", redact(s.dsn), err)
	}
	p, err := goose.NewProvider(dialect, s.db, fsys, opts...)
	if err != nil {
		return 0, fmt.Errorf("migrate %s: %w", redact(s.dsn), err)
	}
	res, err := p.Up(ctx)
	if err != nil && s.dialect == SQLite && ctx.Err() == nil {
		// Two processes creating one new SQLite file race to apply the
		// same migration (SQLite has no session lock); the loser finds
		// the work done when it looks again.
		res, err = p.Up(ctx)
	}
	if err != nil {
		return 0, fmt.Errorf("migrate %s: %w", redact(s.dsn), err)
	}
	return len(res), nil
}

// DB returns the database handle, for River (riversqlite or riverpgxv5) to
// keep its tables in the same database.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns SQLite or Postgres.
func (s *Store) Dialect() string { return s.dialect }

// DSN returns what the store was opened with: the SQLite path or the
// PostgreSQL URL (for a pgx pool of one's own).
func (s *Store) DSN() string { return s.dsn }

// Close closes the database.
func (s *Store) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	return s.db.Close()
}

// q returns a query written with ? placeholders in the store's dialect:
// unchanged for SQLite, with $1, $2, ... for PostgreSQL. Queries never
// hold a literal question mark.
func (s *Store) q(query string) string {
	if s.dialect != Postgres {
		return query
	}
	if v, ok := s.rebound.Load(query); ok {
		return v.(string)
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	s.rebound.Store(query, b.String())
	return b.String()
}

// hotQueries are the statements every save runs, per dialect; Open
// prepares them once (parsing SQL was a fifth of a save's time). They are
// prepared before any transaction starts: with SQLite's single connection,
// preparing inside a transaction would wait for the connection the
// transaction holds.
var hotQueries = map[string][]string{
	SQLite:   {lockArticleSQLite, deleteFTSSQL, insertFTSSQL, sqliteNextEventID},
	Postgres: {lockArticlePostgres, lockKeySQL, deleteSearchSQL, insertSearchSQL, postgresNextEventID},
	"": {articleMentionsSQL, keyMentionsSQL, insertMentionSQL, updateMentionSQL, deleteMentionSQL,
		setMentionEventSQL, keyEventsSQL, updateEventSQL, deleteEventSQL, updateEventDatesSQL,
		updatePairDatesSQL, saveArticleSQL, reviewSQL, insertArticleSQL, articleByHashSQL,
		articleByURLSQL, articleIDUsedSQL, articleSQL, eventSQL},
}

// prepare prepares the hot queries of this store's dialect.
func (s *Store) prepare(ctx context.Context) error {
	s.stmts = map[string]*sql.Stmt{}
	for _, q := range append(hotQueries[""], hotQueries[s.dialect]...) {
		st, err := s.db.PrepareContext(ctx, s.q(q))
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		s.stmts[q] = st
	}
	return nil
}

// txExec runs a query in tx, through its prepared statement when it has one.
func (s *Store) txExec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if st, ok := s.stmts[query]; ok {
		return tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, s.q(query), args...)
}

// txQuery is txExec for queries that return rows.
func (s *Store) txQuery(ctx context.Context, tx *sql.Tx, query string, args ...any) (*sql.Rows, error) {
	if st, ok := s.stmts[query]; ok {
		return tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return tx.QueryContext(ctx, s.q(query), args...)
}

// dbQueryRow runs a one-row query outside any transaction, through its
// prepared statement when it has one.
func (s *Store) dbQueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if st, ok := s.stmts[query]; ok {
		return st.QueryRowContext(ctx, args...)
	}
	return s.db.QueryRowContext(ctx, s.q(query), args...)
}

// queryRow runs a one-row query in tx when db is one, else on the store.
func (s *Store) queryRow(ctx context.Context, db rowQueryer, query string, args ...any) *sql.Row {
	if tx, ok := db.(*sql.Tx); ok {
		return s.txQueryRow(ctx, tx, query, args...)
	}
	if db == rowQueryer(s.db) {
		return s.dbQueryRow(ctx, query, args...)
	}
	return db.QueryRowContext(ctx, s.q(query), args...)
}

// txQueryRow is txExec for queries that return one row.
func (s *Store) txQueryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	if st, ok := s.stmts[query]; ok {
		return tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, s.q(query), args...)
}

// inTx runs fn in a transaction and commits it, or rolls it back when fn
// or the commit fails.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// now is the current time as the dialect stores timestamps: RFC 3339 text
// in SQLite, timestamptz in PostgreSQL.
func (s *Store) now() any { return s.timeArg(time.Now()) }

func (s *Store) timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	if s.dialect == Postgres {
		return t.UTC()
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// timeCol scans a timestamp column of either dialect; NULL is the zero time.
type timeCol struct{ t time.Time }

func (c *timeCol) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		c.t = time.Time{}
	case time.Time:
		c.t = x
	case string:
		return c.parse(x)
	case []byte:
		return c.parse(string(x))
	default:
		return fmt.Errorf("timestamp column holds %T", v)
	}
	return nil
}

func (c *timeCol) parse(s string) error {
	if s == "" {
		c.t = time.Time{}
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("timestamp %q: %w", s, err)
	}
	c.t = t
	return nil
}

// text makes a string safe for both databases: valid UTF-8 and no NUL
// (PostgreSQL refuses both in text columns).
func text(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// day formats a time as YYYY-MM-DD in its own zone; the zero time is "".
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// parseDay is the inverse of day; what is not a date is the zero time.
func parseDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
