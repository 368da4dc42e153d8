package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"pactwatch/internal/ingest"
	"pactwatch/internal/pipeline"
	"pactwatch/internal/queue"
	"pactwatch/internal/source"
	"pactwatch/internal/store"
)

// The tests run against real stores: a SQLite file built once per run by
// ingesting the project's own test pages (testdata/corpus and
// testdata/multisource/pages) through the real pipeline and job queue,
// copied for each test that writes.

var (
	tmpRoot      string
	templateOnce sync.Once
	templatePath string
	templateErr  error
	pipeOnce     sync.Once
	sharedPipe   *pipeline.Pipeline
	pipeErr      error
)

func TestMain(m *testing.M) {
	var err error
	tmpRoot, err = os.MkdirTemp("", "pactwatch-server-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmpRoot)
	os.Exit(code)
}

// corpusDirs are the project's test pages, from this package's folder.
var corpusDirs = []string{"../../testdata/corpus", "../../testdata/multisource/pages"}

func testPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() { sharedPipe, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return sharedPipe
}

// quietLog keeps River's and the server's warnings out of test output
// unless they matter.
func quietLog() *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// templateStore builds the corpus store once and returns its path.
func templateStore(t testing.TB) string {
	t.Helper()
	templateOnce.Do(func() {
		templatePath = filepath.Join(tmpRoot, "corpus.db")
		templateErr = buildCorpusStore(t, templatePath)
	})
	if templateErr != nil {
		t.Fatalf("build the corpus store: %v", templateErr)
	}
	return templatePath
}

func buildCorpusStore(t testing.TB, path string) error {
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := queue.New(ctx, st, testPipeline(t), queue.Options{Workers: 2, Logger: quietLog()})
	if err != nil {
		return err
	}
	if err := q.Start(ctx); err != nil {
		return err
	}
	defer q.Stop(context.Background())
	return ingestPaths(ctx, st, q, corpusDirs...)
}

// ingestPaths reads files and folders into the store and waits for their
// extraction, as the ingest command does.
func ingestPaths(ctx context.Context, st *store.Store, q *queue.Queue, paths ...string) error {
	b := q.NewBatcher(false)
	var failed []string
	emit := func(a *source.Article) error {
		key, existed, err := st.PutArticle(ctx, a)
		if err != nil || existed {
			return err
		}
		return b.Add(ctx, key)
	}
	fail := func(where string, err error) { failed = append(failed, where+": "+err.Error()) }
	if err := ingest.Files(ctx, paths, emit, fail); err != nil {
		return err
	}
	if err := b.Flush(ctx); err != nil {
		return err
	}
	wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if _, err := q.Wait(wctx, b.Jobs, nil); err != nil {
		return err
	}
	if len(failed) > 0 {
		return fmt.Errorf("ingest failures: %v", failed)
	}
	return nil
}

// env is one test's store, queue and server.
type env struct {
	st  *store.Store
	q   *queue.Queue
	srv *Server
	ts  *httptest.Server
	dsn string
}

// newEnv copies the corpus store and serves it. opts may change the
// server's options before it is made.
func newEnv(t *testing.T, opts ...func(*Options)) *env {
	t.Helper()
	src := templateStore(t)
	dsn := filepath.Join(t.TempDir(), "store.db")
	copyFile(t, src, dsn)
	return serveStore(t, dsn, opts...)
}

func serveStore(t *testing.T, dsn string, opts ...func(*Options)) *env {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	q, err := queue.New(ctx, st, testPipeline(t), queue.Options{Workers: 2, Logger: quietLog()})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	o := Options{Store: st, Queue: q, Pipeline: testPipeline(t), Writable: true, LoopbackHosts: true,
		Fetcher: ingest.NewFetcher(ingest.FetcherOptions{Version: "test", Timeout: 10 * time.Second}),
		Version: "test", Logger: quietLog(), CheckEvery: time.Hour}
	for _, f := range opts {
		f(&o)
	}
	srv, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		q.Stop(sctx)
		cancel()
		st.Close()
	})
	return &env{st: st, q: q, srv: srv, ts: ts, dsn: dsn}
}

// copyFile copies a closed SQLite store (its WAL checkpointed at close).
func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// call makes a request and returns the status and body.
func (e *env) call(t testing.TB, method, path string, body any, headers ...string) (int, []byte, http.Header) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		switch b := body.(type) {
		case string:
			rd = strings.NewReader(b)
		case []byte:
			rd = bytes.NewReader(b)
		default:
			js, err := json.Marshal(body)
			if err != nil {
				t.Fatal(err)
			}
			rd = bytes.NewReader(js)
		}
	}
	req, err := http.NewRequest(method, e.ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if method != http.MethodGet {
		req.Header.Set("X-Pactwatch", "1")
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "Host" {
			req.Host = headers[i+1]
			continue
		}
		if headers[i+1] == "" {
			req.Header.Del(headers[i])
		} else {
			req.Header.Set(headers[i], headers[i+1])
		}
	}
	resp, err := e.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b, resp.Header
}

// getJSON GETs a path, wants 200 and decodes the body into v.
func (e *env) getJSON(t testing.TB, path string, v any) {
	t.Helper()
	status, body, _ := e.call(t, http.MethodGet, path, nil)
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, body)
	}
}

// postJSON sends a write, wants the status and decodes the body into v.
func (e *env) postJSON(t testing.TB, method, path string, body any, want int, v any) {
	t.Helper()
	status, b, _ := e.call(t, method, path, body)
	if status != want {
		t.Fatalf("%s %s: %d %s, want %d", method, path, status, b, want)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	}
}
