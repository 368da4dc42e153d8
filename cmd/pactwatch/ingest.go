package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"pactwatch/internal/ingest"
	"pactwatch/internal/pipeline"
	"pactwatch/internal/queue"
	"pactwatch/internal/source"
	"pactwatch/internal/store"
)

// storeFlags are the flags every store command shares.
type storeFlags struct {
	db *string
}

func addStoreFlags(fs interface {
	String(name, value, usage string) *string
}) storeFlags {
	return storeFlags{db: fs.String("db", "", "store: an SQLite file (default ./pactwatch.db) or a postgres:// URL")}
}

// workFlags are the flags of the commands that run jobs.
type workFlags struct {
	workers *int
	stuck   *time.Duration
}

func addWorkFlags(fs interface {
	Int(name string, value int, usage string) *int
	Duration(name string, value time.Duration, usage string) *time.Duration
}) workFlags {
	return workFlags{
		workers: fs.Int("workers", 0, "jobs this process runs at once (0: one per CPU; -1: none, let other processes work)"),
		stuck:   fs.Duration("stuck-after", 2*time.Minute, "a job running longer than this (its worker died) is handed to another worker"),
	}
}

// session is an open store with a pipeline and a job queue.
type session struct {
	st      *store.Store
	q       *queue.Queue
	fetcher *ingest.Fetcher
}

func openSession(ctx context.Context, sf storeFlags, wf workFlags, fetcher *ingest.Fetcher) (*session, error) {
	st, err := store.Open(ctx, *sf.db)
	if err != nil {
		return nil, err
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		st.Close()
		return nil, err
	}
	q, err := queue.New(ctx, st, p, queue.Options{Workers: *wf.workers, StuckAfter: *wf.stuck, Fetcher: fetcher})
	if err != nil {
		st.Close()
		return nil, err
	}
	if err := q.Start(ctx); err != nil {
		q.Stop(context.Background())
		st.Close()
		return nil, fmt.Errorf("queue: start: %w", err)
	}
	return &session{st: st, q: q, fetcher: fetcher}, nil
}

// close stops the workers, letting running jobs finish for a few seconds.
func (s *session) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s.q.Stop(ctx)
	s.st.Close()
}

// tally counts what a run read.
type tally struct {
	read, existed, failed int
	jobs                  []queue.Job
}

func newFetcher() *ingest.Fetcher {
	return ingest.NewFetcher(ingest.FetcherOptions{Version: version})
}

func runIngest(args []string) int {
	fs := newFlags("ingest")
	sf := addStoreFlags(fs)
	wf := addWorkFlags(fs)
	var feeds stringList
	fs.Var(&feeds, "feed", "an RSS or Atom feed whose items are fetched and ingested (repeatable)")
	pub := fs.String("published", "", "publication date (YYYY-MM-DD) for pages that do not state one; a page's own date wins")
	sources, code := parse(fs, args)
	if code >= 0 {
		return code
	}
	if len(sources) == 0 && len(feeds) == 0 {
		warnf("ingest: no SOURCE given")
		return 2
	}
	published, err := parsePublished(*pub)
	if err != nil {
		warnf("ingest: %v", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := openSession(ctx, sf, wf, newFetcher())
	if err != nil {
		warnf("ingest: %v", err)
		return 1
	}
	defer s.close()
	var t tally
	b := s.q.NewBatcher(false)
	for _, src := range sources {
		if ctx.Err() != nil {
			break
		}
		s.read(ctx, src, published, &t, b)
	}
	if err := b.Flush(ctx); err != nil {
		warnf("ingest: %v", err)
		return 1
	}
	t.jobs = append(t.jobs, b.Jobs...)
	for _, f := range feeds {
		s.readFeed(ctx, f, published, &t)
	}
	// articles stored by an earlier run that did not finish
	if err := s.queuePending(ctx, &t); err != nil {
		warnf("ingest: %v", err)
		return 1
	}
	pr, err := s.wait(ctx, t.jobs)
	fmt.Printf("read %d, already stored %d, failed %d, mentions %d, events created %d, events updated %d\n",
		t.read+pr.Stored, t.existed+pr.Existed, t.failed+pr.Failed, pr.Sum.Mentions, pr.Sum.Created, pr.Sum.Updated)
	if err != nil {
		warnf("ingest: %v (what was committed is kept; run again to finish)", err)
		return 1
	}
	if t.failed+pr.Failed > 0 {
		return 1
	}
	return 0
}

// read stores the articles of one SOURCE and queues their extraction.
func (s *session) read(ctx context.Context, src string, published time.Time, t *tally, b *queue.Batcher) {
	fail := func(where string, err error) {
		t.failed++
		warnf("%s: %v", where, err)
		if rerr := s.st.RecordFailure(ctx, where, err.Error()); rerr != nil {
			warnf("%s: %v", where, rerr)
		}
	}
	emit := func(a *source.Article) error {
		a.Fallback = published
		key, existed, err := s.st.PutArticle(ctx, a)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fail(cmp.Or(a.Origin, a.ID), err)
			return nil
		}
		if existed {
			t.existed++
			return nil
		}
		t.read++
		if err := b.Add(ctx, key); err != nil {
			return fmt.Errorf("queue %s: %w", a.ID, err)
		}
		return nil
	}
	var err error
	switch ingest.Classify(src) {
	case ingest.KindURL:
		var j queue.Job
		j, err = s.q.QueueFetch(ctx, queue.FetchArgs{URL: src, Fallback: published})
		if err == nil {
			t.jobs = append(t.jobs, j)
		}
	case ingest.KindJSONL:
		err = ingest.JSONL(ctx, src, emit, fail)
	case ingest.KindWARC:
		err = ingest.WARC(ctx, src, emit, fail)
	default:
		err = ingest.Files(ctx, []string{src}, emit, fail)
	}
	if err != nil && ctx.Err() == nil {
		fail(src, err)
	}
}

// readFeed queues a fetch for every item of a feed not fetched before.
func (s *session) readFeed(ctx context.Context, url string, published time.Time, t *tally) {
	prev, err := s.st.FeedState(ctx, url)
	if err != nil {
		warnf("%s: %v", url, err)
		t.failed++
		return
	}
	itemFail := func(where string, err error) {
		t.failed++
		warnf("%s: %v", where, err)
		s.st.RecordFailure(ctx, where, err.Error())
	}
	items, next, err := s.fetcher.Feed(ctx, url, ingest.FeedState{ETag: prev.ETag, LastModified: prev.LastModified}, itemFail)
	if err != nil {
		warnf("%s: %v", url, err)
		t.failed++
		s.st.RecordFailure(ctx, url, err.Error())
		return
	}
	for _, it := range items {
		if it.Link == "" {
			continue
		}
		j, err := s.q.QueueFetch(ctx, queue.FetchArgs{URL: it.Link, Title: it.Title, Published: it.Published, Feed: url, Fallback: published})
		if err != nil {
			warnf("%s: %v", it.Link, err)
			t.failed++
			continue
		}
		t.jobs = append(t.jobs, j)
	}
	if err := s.st.SaveFeedState(ctx, url, store.FeedState{ETag: next.ETag, LastModified: next.LastModified}); err != nil {
		warnf("%s: %v", url, err)
	}
}

// queuePending queues stored articles not yet extracted with this version.
func (s *session) queuePending(ctx context.Context, t *tally) error {
	keys, err := s.st.Pending(ctx, pipeline.Version, 0)
	if err != nil {
		return err
	}
	b := s.q.NewBatcher(false)
	for _, k := range keys {
		if err := b.Add(ctx, k); err != nil {
			return err
		}
	}
	err = b.Flush(ctx)
	t.jobs = append(t.jobs, b.Jobs...)
	return err
}

// wait waits for the jobs, with a progress bar on a terminal.
func (s *session) wait(ctx context.Context, jobs []queue.Job) (queue.Progress, error) {
	total := 0
	for _, j := range jobs {
		total += j.Articles
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetVisibility(term.IsTerminal(int(os.Stderr.Fd()))),
		progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionSetDescription("extracting"),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish())
	pr, err := s.q.Wait(ctx, jobs, func(p queue.Progress) {
		bar.ChangeMax(p.Total)
		bar.Set(p.Done)
	})
	bar.Finish()
	return pr, err
}

func runWatch(args []string) int {
	fs := newFlags("watch")
	sf := addStoreFlags(fs)
	wf := addWorkFlags(fs)
	every := fs.Duration("every", 15*time.Minute, "time between two polls of each feed")
	var feeds stringList
	fs.Var(&feeds, "feed", "an RSS or Atom feed to poll (repeatable)")
	rest, code := parse(fs, args)
	if code >= 0 {
		return code
	}
	feeds = append(feeds, rest...)
	if len(feeds) == 0 {
		warnf("watch: no --feed given")
		return 2
	}
	if *every < time.Second {
		warnf("watch: --every %v is too short", *every)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := openSession(ctx, sf, wf, newFetcher())
	if err != nil {
		warnf("watch: %v", err)
		return 1
	}
	defer s.close()
	for {
		var t tally
		for _, f := range feeds {
			s.readFeed(ctx, f, time.Time{}, &t)
		}
		pr, err := s.q.Wait(ctx, t.jobs, nil)
		if err != nil {
			break // stopped
		}
		fmt.Printf("%s: new %d, already stored %d, failed %d, mentions %d, events created %d, events updated %d\n",
			time.Now().Format(time.RFC3339), pr.Stored, pr.Existed, t.failed+pr.Failed, pr.Sum.Mentions, pr.Sum.Created, pr.Sum.Updated)
		select {
		case <-ctx.Done():
			return 0
		case <-time.After(*every):
		}
	}
	return 0
}

func runReprocess(args []string) int {
	fs := newFlags("reprocess")
	sf := addStoreFlags(fs)
	wf := addWorkFlags(fs)
	outdated := fs.Bool("outdated", false, "re-extract only the articles extracted by another extractor version")
	if _, code := parse(fs, args); code >= 0 {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := openSession(ctx, sf, wf, nil)
	if err != nil {
		warnf("reprocess: %v", err)
		return 1
	}
	defer s.close()
	var keys []int64
	err = s.st.EachArticle(ctx, func(key int64, version string) error {
		if !*outdated || version != pipeline.Version {
			keys = append(keys, key)
		}
		return nil
	})
	b := s.q.NewBatcher(!*outdated)
	for _, k := range keys {
		if err == nil {
			err = b.Add(ctx, k)
		}
	}
	if err == nil {
		err = b.Flush(ctx)
	}
	if err != nil {
		warnf("reprocess: %v", err)
		return 1
	}
	n := len(keys)
	pr, err := s.wait(ctx, b.Jobs)
	fmt.Printf("reprocessed %d, failed %d, mentions %d, events created %d, events updated %d, events deleted %d\n",
		n, pr.Failed, pr.Sum.Mentions, pr.Sum.Created, pr.Sum.Updated, pr.Sum.Deleted)
	if err != nil {
		warnf("reprocess: %v", err)
		return 1
	}
	return 0
}

// runWork runs queued jobs until stopped: more machines pointed at one
// PostgreSQL share the work of ingest, watch and reprocess.
func runWork(args []string) int {
	fs := newFlags("work")
	sf := addStoreFlags(fs)
	wf := addWorkFlags(fs)
	if _, code := parse(fs, args); code >= 0 {
		return code
	}
	if *wf.workers < 0 {
		warnf("work: --workers must be 0 (one per CPU) or more")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := openSession(ctx, sf, wf, newFetcher())
	if err != nil {
		warnf("work: %v", err)
		return 1
	}
	defer s.close()
	fmt.Fprintf(os.Stderr, "pactwatch: working on %s until stopped\n", s.st.Dialect())
	<-ctx.Done()
	return 0
}
