package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
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

// ExtractArgs asks for stored articles to be extracted and their events
// merged into the store. Articles go in batches so that the queue's own
// bookkeeping stays small beside the work; each article is saved in its own
// transaction, so a batch cut short by a crash is finished by its retry
// without doing an article twice.
type ExtractArgs struct {
	Articles []int64 `json:"articles"` // the store's article keys
	Version  string  `json:"version"`  // the extractor version asked for
	Force    string  `json:"force,omitempty"`
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
	Failures int    `json:"failures,omitempty"`    // a batch: articles that could not be read
	Skips    int    `json:"skips,omitempty"`       // a batch: articles already extracted
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
	st      *store.Store
	pipe    *pipeline.Pipeline
	fetcher *ingest.Fetcher
	insert  func(context.Context, river.JobArgs) (id int64, err error)
	list    func(context.Context, []int64) ([]*rivertype.JobRow, error)
	start   func(context.Context) error
	stop    func(context.Context) error
	closeDB func()
	workers int
	cpu     chan struct{} // at most workers pages are extracted at once
}

// New migrates River's tables in the store's database and makes a client.
func New(ctx context.Context, st *store.Store, p *pipeline.Pipeline, opt Options) (*Queue, error) {
	q := &Queue{st: st, pipe: p, fetcher: opt.Fetcher, workers: opt.Workers, closeDB: func() {}}
	if q.workers == 0 {
		q.workers = runtime.GOMAXPROCS(0)
	}
	q.cpu = make(chan struct{}, max(q.workers, 1))
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

// jobsPerWorker is how many jobs River runs at once per extraction slot.
const jobsPerWorker = 16

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
			out, err := q.ExtractBatch(ctx, j.Args.Articles, j.Args.Force != "")
			if err != nil {
				return err // a store problem: River retries the batch; done articles are skipped
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
		// Jobs are short and mostly wait on River's fetch loop and on the
		// database: many run at once, while the CPU-bound extraction is
		// held to workers at a time (q.cpu).
		cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: q.workers * jobsPerWorker}}
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

// Job is a queued job and how many articles it carries.
type Job struct {
	ID       int64
	Articles int
}

// QueueExtract queues the extraction of stored articles as one job; force
// re-extracts them even when they are extracted with this version
// (reprocess).
func (q *Queue) QueueExtract(ctx context.Context, keys []int64, force bool) (Job, error) {
	args := ExtractArgs{Articles: keys, Version: pipeline.Version}
	if force {
		args.Force = time.Now().UTC().Format(time.RFC3339Nano)
	}
	id, err := q.insert(ctx, args)
	return Job{ID: id, Articles: len(keys)}, err
}

// QueueFetch queues a URL to be fetched, stored and extracted.
func (q *Queue) QueueFetch(ctx context.Context, args FetchArgs) (Job, error) {
	id, err := q.insert(ctx, args)
	return Job{ID: id, Articles: 1}, err
}

// BatchSize is how many articles one extract job carries.
const BatchSize = 32

// Batcher gathers article keys into extract jobs of BatchSize.
type Batcher struct {
	q     *Queue
	force bool
	keys  []int64
	Jobs  []Job // the jobs queued so far
}

// NewBatcher starts a batch of extractions.
func (q *Queue) NewBatcher(force bool) *Batcher { return &Batcher{q: q, force: force} }

// Add adds an article, queuing a job when the batch is full.
func (b *Batcher) Add(ctx context.Context, key int64) error {
	b.keys = append(b.keys, key)
	if len(b.keys) >= BatchSize {
		return b.Flush(ctx)
	}
	return nil
}

// Flush queues what is gathered.
func (b *Batcher) Flush(ctx context.Context) error {
	if len(b.keys) == 0 {
		return nil
	}
	j, err := b.q.QueueExtract(ctx, b.keys, b.force)
	if err != nil {
		return err
	}
	b.Jobs = append(b.Jobs, j)
	b.keys = nil
	return nil
}

// ExtractBatch extracts stored articles and saves them in one transaction
// (one re-grouping per merge key for the whole batch). Articles already
// extracted with this version are skipped unless force. When the batch
// cannot be saved whole, its articles are saved one by one, so that one
// bad article costs only itself.
func (q *Queue) ExtractBatch(ctx context.Context, keys []int64, force bool) (Output, error) {
	var out Output
	var saves []store.Save
	var outs []Output
	for _, key := range keys {
		sa, err := q.st.Article(ctx, key)
		if err != nil {
			return Output{}, fmt.Errorf("article %d: %w", key, err)
		}
		if !force && sa.ExtractorVersion == pipeline.Version && !sa.ExtractedAt.IsZero() {
			out.add(Output{Skipped: true})
			continue
		}
		x, o, err := q.extract(ctx, sa)
		if err != nil {
			return Output{}, err
		}
		saves = append(saves, store.Save{Key: key, Extraction: x})
		outs = append(outs, o)
	}
	if len(saves) == 0 {
		return out, nil
	}
	ch, err := q.st.SaveExtractions(ctx, saves)
	if err == nil {
		for _, o := range outs {
			out.add(o)
		}
		out.Created, out.Updated, out.Deleted = out.Created+ch.Created, out.Updated+ch.Updated, out.Deleted+ch.Deleted
		return out, nil
	}
	if ctx.Err() != nil || len(saves) == 1 {
		return Output{}, fmt.Errorf("save %d articles: %w", len(saves), err)
	}
	for i, sv := range saves {
		ch, err := q.st.SaveExtraction(ctx, sv.Key, sv.Extraction)
		if err != nil {
			return Output{}, fmt.Errorf("article %d: save: %w", sv.Key, err)
		}
		o := outs[i]
		o.Created, o.Updated, o.Deleted = ch.Created, ch.Updated, ch.Deleted
		out.add(o)
	}
	return out, nil
}

// extract runs the pipeline on a stored article (holding one of the
// extraction slots) and returns what to save.
func (q *Queue) extract(ctx context.Context, sa *store.StoredArticle) (store.Extraction, Output, error) {
	a := sa.Article
	// The stored date is what the last extraction decided. Only a date the
	// source gave is an input; one the page's text gave (a dateline, an
	// estimate) is decided again, and the user's --published stays a
	// fallback, so that re-extracting a page gives what extracting it gave.
	switch a.PublishedFrom {
	case source.OriginMetadata:
	case source.OriginFlag:
		a.Fallback, a.Published, a.PublishedFrom = a.Published, time.Time{}, source.OriginNone
	default:
		a.Published, a.PublishedFrom = time.Time{}, source.OriginNone
	}
	select {
	case q.cpu <- struct{}{}:
	case <-ctx.Done():
		return store.Extraction{}, Output{}, ctx.Err()
	}
	res, perr := run(ctx, q.pipe, &a)
	<-q.cpu
	if perr != nil && ctx.Err() != nil {
		return store.Extraction{}, Output{}, ctx.Err() // cancelled, not a page problem: try again
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
	return x, out, nil
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
		j, err := q.QueueExtract(ctx, []int64{key}, false)
		if err != nil {
			return Output{}, err
		}
		out.Extract = j.ID
	}
	return out, nil
}

// Progress is how far a set of jobs has come, counted in articles.
type Progress struct {
	Done, Total int
	Sum         Output // outputs of the finished jobs added up
	Failed      int    // articles River gave up on, and pages that could not be read
	Skipped     int
	Stored      int // fetch jobs: new articles
	Existed     int // fetch jobs: pages already stored
}

// Wait polls until every job has finished (whichever process ran it),
// calling report after each poll. The extract job a fetch job queues is
// waited for in its place.
func (q *Queue) Wait(ctx context.Context, jobs []Job, report func(Progress)) (Progress, error) {
	pending := append([]Job(nil), jobs...)
	var pr Progress
	for _, j := range jobs {
		pr.Total += j.Articles
	}
	tick := time.NewTicker(150 * time.Millisecond)
	defer tick.Stop()
	for len(pending) > 0 {
		var next []Job
		for start := 0; start < len(pending); start += 500 {
			chunk := pending[start:min(start+500, len(pending))]
			size := make(map[int64]int, len(chunk))
			ids := make([]int64, len(chunk))
			for i, j := range chunk {
				size[j.ID], ids[i] = j.Articles, j.ID
			}
			rows, err := q.list(ctx, ids)
			if err != nil {
				return pr, fmt.Errorf("queue: list jobs: %w", err)
			}
			seen := map[int64]bool{}
			for _, r := range rows {
				seen[r.ID] = true
				switch r.State {
				case rivertype.JobStateCompleted:
					var o Output
					if b := r.Output(); len(b) > 0 {
						json.Unmarshal(b, &o)
					}
					add(&pr, o)
					if o.Extract != 0 {
						next = append(next, Job{ID: o.Extract, Articles: size[r.ID]})
					} else {
						pr.Done += size[r.ID]
					}
				case rivertype.JobStateDiscarded, rivertype.JobStateCancelled:
					pr.Done += size[r.ID]
					pr.Failed += size[r.ID]
				default:
					next = append(next, Job{ID: r.ID, Articles: size[r.ID]})
				}
			}
			for _, j := range chunk {
				if !seen[j.ID] { // cleaned away: finished long ago
					pr.Done += j.Articles
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

// add sums the output of one article into a batch's.
func (o *Output) add(x Output) {
	o.Mentions += x.Mentions
	o.Created += x.Created
	o.Updated += x.Updated
	o.Deleted += x.Deleted
	o.Failures += x.Failures
	o.Skips += x.Skips
	if x.Failed != "" {
		o.Failures++
	}
	if x.Skipped {
		o.Skips++
	}
}

func add(pr *Progress, o Output) {
	pr.Failed += o.Failures
	pr.Skipped += o.Skips
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
