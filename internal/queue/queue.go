package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"pactwatch/internal/ingest"
	"pactwatch/internal/pipeline"
	"pactwatch/internal/source"
	"pactwatch/internal/store"
)

// ExtractArgs asks for one stored article to be extracted and its events
// merged into the store.
type ExtractArgs struct {
	Article int64  `json:"article"` // the store's article key
	Version string `json:"version"` // the extractor version asked for
	Force   string `json:"force,omitempty"`
}

// Kind names the job in River.
func (ExtractArgs) Kind() string { return "pactwatch.extract" }

// InsertOpts makes the job unique while it waits or runs: the same article
// is never queued twice for the same version.
func (ExtractArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: inFlight}}
}

// FetchArgs asks for one URL to be fetched and stored, then extracted.
type FetchArgs struct {
	URL       string    `json:"url"`
	Title     string    `json:"title,omitempty"`    // from a feed item, used when the page has none
	Published time.Time `json:"published,omitzero"` // from a feed item: the page's own date wins
	Feed      string    `json:"feed,omitempty"`     // the feed it came from
	Fallback  time.Time `json:"fallback,omitzero"`  // --published
}

// Kind names the job in River.
func (FetchArgs) Kind() string { return "pactwatch.fetch" }

// InsertOpts makes a URL unique while it waits or runs.
func (FetchArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: inFlight}}
}

// inFlight are the states in which a second copy of a job is refused;
// finished jobs do not count, so reprocessing can queue an article again.
var inFlight = []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending,
	rivertype.JobStateRunning, rivertype.JobStateScheduled, rivertype.JobStateRetryable}

// Output is what one job did, recorded with the job in River so that the
// process that queued it can sum up work done by any worker.
type Output struct {
	Skipped  bool   `json:"skipped,omitempty"` // already extracted with this version
	Stored   bool   `json:"stored,omitempty"`  // fetch: a new article was stored
	Existed  bool   `json:"existed,omitempty"` // fetch: the page was already stored
	Failed   string `json:"failed,omitempty"`  // the page's problem (recorded in the store)
	Mentions int    `json:"mentions,omitempty"`
	Created  int    `json:"created,omitempty"`
	Updated  int    `json:"updated,omitempty"`
	Deleted  int    `json:"deleted,omitempty"`
	Extract  int64  `json:"extract_job,omitempty"` // fetch: the extract job it queued
}

// Options tune a queue.
type Options struct {
	Workers    int             // jobs run at once in this process; 0: one per CPU; <0: insert only
	StuckAfter time.Duration   // a job running longer is handed to another worker; 0: 2 minutes
	Fetcher    *ingest.Fetcher // for fetch jobs; nil: fetch jobs fail
	Logger     *slog.Logger    // River's log; nil: warnings to the default logger
}

// Queue is a River client on the store's database with pactwatch's workers.
type Queue struct {
	st       *store.Store
	pipe     *pipeline.Pipeline
	fetcher  *ingest.Fetcher
	insert   func(context.Context, river.JobArgs) (id int64, err error)
	list     func(context.Context, []int64) ([]*rivertype.JobRow, error)
	start    func(context.Context) error
	stop     func(context.Context) error
	closeDB  func()
	workers  int
	finished atomic.Int64
}

// New migrates River's tables in the store's database and makes a client.
func New(ctx context.Context, st *store.Store, p *pipeline.Pipeline, opt Options) (*Queue, error) {
	q := &Queue{st: st, pipe: p, fetcher: opt.Fetcher, workers: opt.Workers, closeDB: func() {}}
	if q.workers == 0 {
		q.workers = runtime.GOMAXPROCS(0)
	}
	if opt.StuckAfter <= 0 {
		opt.StuckAfter = 2 * time.Minute
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	var err error
	switch st.Dialect() {
	case "postgres":
		pool, perr := pgxpool.New(ctx, st.DSN())
		if perr != nil {
			return nil, fmt.Errorf("queue: connect: %w", perr)
		}
		q.closeDB = pool.Close
		err = setup(ctx, q, riverpgxv5.New(pool), opt, pgMigrationLock(pool))
	default:
		err = setup(ctx, q, riversqlite.New(st.DB()), opt, nil)
	}
	if err != nil {
		q.closeDB()
		return nil, err
	}
	return q, nil
}

// migrationLockID is the PostgreSQL advisory lock that lets one process at
// a time migrate River's tables.
const migrationLockID = 0x70616374 // "pact"

// pgMigrationLock holds a session-level advisory lock on one connection.
func pgMigrationLock(pool *pgxpool.Pool) func(context.Context) (func(), error) {
	return func(ctx context.Context) (func(), error) {
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return nil, err
		}
		if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrationLockID); err != nil {
			conn.Release()
			return nil, err
		}
		return func() {
			conn.Exec(context.Background(), "SELECT pg_advisory_unlock($1)", migrationLockID)
			conn.Release()
		}, nil
	}
}

// setup migrates River's tables (one process at a time: under lock on
// PostgreSQL; on SQLite a process that loses the race to a new file finds
// the work done when it looks again) and makes the client.
func setup[TTx any](ctx context.Context, q *Queue, driver riverdriver.Driver[TTx], opt Options, lock func(context.Context) (func(), error)) error {
	m, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: opt.Logger})
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	if lock != nil {
		unlock, err := lock(ctx)
		if err != nil {
			return fmt.Errorf("queue: migration lock: %w", err)
		}
		defer unlock()
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		if _, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
			return fmt.Errorf("queue: migrate: %w", err)
		}
	}
	cfg := &river.Config{
		Logger:               opt.Logger,
		MaxAttempts:          5,
		JobTimeout:           opt.StuckAfter / 2,
		RescueStuckJobsAfter: opt.StuckAfter,
		FetchPollInterval:    100 * time.Millisecond,
		FetchCooldown:        20 * time.Millisecond,
	}
	if q.workers > 0 {
		workers := river.NewWorkers()
		river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, j *river.Job[ExtractArgs]) error {
			out, err := q.Extract(ctx, j.Args.Article, j.Args.Force != "")
			if err != nil {
				return err
			}
			return river.RecordOutput(ctx, out)
		}))
		river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, j *river.Job[FetchArgs]) error {
			out, err := q.fetch(ctx, j.Args)
			if err != nil {
				return err
			}
			return river.RecordOutput(ctx, out)
		}))
		cfg.Workers = workers
		cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: q.workers}}
	}
	c, err := river.NewClient(driver, cfg)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	q.insert = func(ctx context.Context, args river.JobArgs) (int64, error) {
		res, err := c.Insert(ctx, args, nil)
		if err != nil {
			return 0, err
		}
		return res.Job.ID, nil
	}
	q.list = func(ctx context.Context, ids []int64) ([]*rivertype.JobRow, error) {
		res, err := c.JobList(ctx, river.NewJobListParams().IDs(ids...).First(len(ids)))
		if err != nil {
			return nil, err
		}
		return res.Jobs, nil
	}
	q.start = c.Start
	q.stop = c.Stop
	return nil
}

// Start runs this process's workers until Stop.
func (q *Queue) Start(ctx context.Context) error {
	if q.workers < 0 {
		return nil
	}
	return q.start(ctx)
}

// Stop lets running jobs finish (until ctx ends) and stops the workers.
func (q *Queue) Stop(ctx context.Context) error {
	var err error
	if q.workers >= 0 {
		err = q.stop(ctx)
	}
	q.closeDB()
	return err
}

// QueueExtract queues the extraction of a stored article; force queues it
// even when it is extracted with this version (reprocess --all).
func (q *Queue) QueueExtract(ctx context.Context, key int64, force bool) (int64, error) {
	args := ExtractArgs{Article: key, Version: pipeline.Version}
	if force {
		args.Force = time.Now().UTC().Format(time.RFC3339Nano)
	}
	return q.insert(ctx, args)
}

// QueueFetch queues a URL to be fetched, stored and extracted.
func (q *Queue) QueueFetch(ctx context.Context, args FetchArgs) (int64, error) {
	return q.insert(ctx, args)
}

// Extract extracts one stored article and saves its mentions and the
// events they touch. A page the pipeline cannot read is recorded with its
// reason and is not an error; an error is a store problem, and River tries
// the job again.
func (q *Queue) Extract(ctx context.Context, key int64, force bool) (Output, error) {
	sa, err := q.st.Article(ctx, key)
	if err != nil {
		return Output{}, fmt.Errorf("article %d: %w", key, err)
	}
	if !force && sa.ExtractorVersion == pipeline.Version && !sa.ExtractedAt.IsZero() {
		return Output{Skipped: true}, nil
	}
	a := sa.Article
	res, perr := run(ctx, q.pipe, &a)
	if perr != nil && ctx.Err() != nil {
		return Output{}, ctx.Err() // cancelled, not a page problem: try again
	}
	x := store.Extraction{Version: pipeline.Version, Published: a.Published, PublishedFrom: a.PublishedFrom,
		Language: a.Language, Title: a.Title}
	var out Output
	if res != nil {
		x.Text = res.Text()
		x.Mentions = res.Mentions
		out.Mentions = len(res.Mentions)
	}
	if perr != nil {
		x.Error = perr.Error()
		x.Mentions = nil
		out.Failed, out.Mentions = perr.Error(), 0
	}
	ch, err := q.st.SaveExtraction(ctx, key, x)
	if err != nil {
		return Output{}, fmt.Errorf("article %s: save: %w", sa.ID, err)
	}
	out.Created, out.Updated, out.Deleted = ch.Created, ch.Updated, ch.Deleted
	return out, nil
}

// run is the pipeline with a panic turned into the page's error.
func run(ctx context.Context, p *pipeline.Pipeline, a *source.Article) (res *pipeline.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	return p.Run(ctx, a)
}

// fetch gets one URL, stores it and queues its extraction. A page that
// cannot be fetched is recorded as a failure with its reason.
func (q *Queue) fetch(ctx context.Context, args FetchArgs) (Output, error) {
	if q.fetcher == nil {
		return Output{}, errors.New("no fetcher configured")
	}
	a, err := q.fetcher.Page(ctx, args.URL)
	if err != nil {
		if ctx.Err() != nil {
			return Output{}, ctx.Err()
		}
		if rerr := q.st.RecordFailure(ctx, args.URL, err.Error()); rerr != nil {
			return Output{}, rerr
		}
		return Output{Failed: err.Error()}, nil
	}
	if a.Title == "" {
		a.Title = args.Title
	}
	if !args.Published.IsZero() {
		a.Published, a.PublishedFrom = args.Published, source.OriginMetadata
	}
	a.Fallback = args.Fallback
	key, existed, err := q.st.PutArticle(ctx, a)
	if err != nil {
		return Output{}, err
	}
	out := Output{Stored: !existed, Existed: existed}
	if !existed {
		if out.Extract, err = q.QueueExtract(ctx, key, false); err != nil {
			return Output{}, err
		}
	}
	return out, nil
}

// Progress is how far a set of jobs has come.
type Progress struct {
	Done, Total int
	Sum         Output // outputs of the finished jobs added up
	Failed      int    // jobs River gave up on, and pages that could not be read
	Skipped     int
	Stored      int // fetch jobs: new articles
	Existed     int // fetch jobs: pages already stored
}

// Wait polls until every job in ids has finished (whichever process ran
// it), calling report after each poll. Extract jobs queued by fetch jobs
// are waited for too.
func (q *Queue) Wait(ctx context.Context, ids []int64, report func(Progress)) (Progress, error) {
	pending := append([]int64(nil), ids...)
	var pr Progress
	pr.Total = len(ids)
	tick := time.NewTicker(150 * time.Millisecond)
	defer tick.Stop()
	for len(pending) > 0 {
		var next []int64
		for start := 0; start < len(pending); start += 500 {
			chunk := pending[start:min(start+500, len(pending))]
			rows, err := q.list(ctx, chunk)
			if err != nil {
				return pr, fmt.Errorf("queue: list jobs: %w", err)
			}
			seen := map[int64]bool{}
			for _, r := range rows {
				seen[r.ID] = true
				switch r.State {
				case rivertype.JobStateCompleted:
					pr.Done++
					var o Output
					if b := r.Output(); len(b) > 0 {
						json.Unmarshal(b, &o)
					}
					add(&pr, o)
					if o.Extract != 0 {
						next = append(next, o.Extract)
						pr.Total++
					}
				case rivertype.JobStateDiscarded, rivertype.JobStateCancelled:
					pr.Done++
					pr.Failed++
				default:
					next = append(next, r.ID)
				}
			}
			for _, id := range chunk {
				if !seen[id] { // cleaned away: finished long ago
					pr.Done++
				}
			}
		}
		pending = next
		if report != nil {
			report(pr)
		}
		if len(pending) == 0 {
			break
		}
		select {
		case <-ctx.Done():
			return pr, ctx.Err()
		case <-tick.C:
		}
	}
	return pr, nil
}

func add(pr *Progress, o Output) {
	pr.Sum.Mentions += o.Mentions
	pr.Sum.Created += o.Created
	pr.Sum.Updated += o.Updated
	pr.Sum.Deleted += o.Deleted
	if o.Failed != "" {
		pr.Failed++
	}
	if o.Skipped {
		pr.Skipped++
	}
	if o.Stored {
		pr.Stored++
	}
	if o.Existed {
		pr.Existed++
	}
}
