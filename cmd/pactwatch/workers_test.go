package main

import (
	"context"
	"database/sql"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"pactwatch/internal/store/storetest"
)

// Three worker processes share one PostgreSQL: every page is extracted once,
// by one of them; one worker killed mid-run leaves its pages to the others;
// the store ends as a single SQLite process leaves it.
func TestThreeWorkersOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs several processes")
	}
	dsn := storetest.FreshPostgres(t)
	pages := filepath.Join(t.TempDir(), "pages")
	// enough pages (about 30 jobs) that the work outlasts the first
	// worker's start: with fewer, one process may take every job
	const n = 900
	if r := pactwatch(t, "", "generate", "--pages", pages, "--n", fmt.Sprint(n), "--seed", "5"); r.code != 0 {
		t.Fatalf("generate: %s", r.stderr)
	}
	lite := filepath.Join(t.TempDir(), "one.db")
	if r := pactwatch(t, "", "ingest", "--db", lite, pages); r.code != 0 {
		t.Fatalf("sqlite ingest: %s", r.stderr)
	}
	want := fingerprint(exportJSONL(t, lite))

	// the schema and River's tables first, so the workers start on a ready database
	if r := pactwatch(t, "", "events", "--db", dsn); r.code != 0 {
		t.Fatalf("events on a new database: %s", r.stderr)
	}
	var workers []*exec.Cmd
	for range 3 {
		w := exec.Command(pactwatchBin, "work", "--db", dsn, "--workers", "2", "--stuck-after", "4s")
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		workers = append(workers, w)
	}
	defer func() {
		for _, w := range workers {
			w.Process.Signal(syscall.SIGTERM)
			w.Wait()
		}
	}()
	ing := exec.Command(pactwatchBin, "ingest", "--db", dsn, "--workers", "-1", pages)
	var out strings.Builder
	ing.Stdout, ing.Stderr = &out, &out
	if err := ing.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	workers[0].Process.Signal(syscall.SIGKILL) // dies mid-run
	workers[0].Wait()
	workers = workers[1:]
	done := make(chan error, 1)
	go func() { done <- ing.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("ingest: %v\n%s", err, out.String())
		}
	case <-time.After(3 * time.Minute):
		ing.Process.Kill()
		t.Fatalf("ingest did not finish\n%s", out.String())
	}
	t.Logf("ingest: %s", strings.TrimSpace(out.String()))

	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	var jobs, completed, twice, inJobs, distinctArticles, clients int
	err = db.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE state = 'completed'),
		count(*) FILTER (WHERE attempt > 1) FROM river_job WHERE kind = 'pactwatch.extract'`).Scan(&jobs, &completed, &twice)
	if err != nil {
		t.Fatal(err)
	}
	err = db.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT a) FROM river_job,
		jsonb_array_elements_text(args->'articles') AS a WHERE kind = 'pactwatch.extract'`).Scan(&inJobs, &distinctArticles)
	if err != nil {
		t.Fatal(err)
	}
	err = db.QueryRowContext(ctx, `SELECT count(DISTINCT c) FROM river_job, unnest(attempted_by) AS c
		WHERE kind = 'pactwatch.extract'`).Scan(&clients)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("extract jobs %d (batches), completed %d, pages in them %d (%d distinct), jobs run again after the kill %d, workers that ran jobs %d",
		jobs, completed, inJobs, distinctArticles, twice, clients)
	if completed != jobs || inJobs != n || distinctArticles != n {
		t.Errorf("want every page in exactly one completed extract job: %d jobs, %d completed, %d pages, %d distinct", jobs, completed, inJobs, distinctArticles)
	}
	if clients < 2 {
		t.Errorf("only %d worker process ran jobs", clients)
	}
	var notExtracted int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE extracted_at IS NULL`).Scan(&notExtracted); err != nil {
		t.Fatal(err)
	}
	if notExtracted != 0 {
		t.Errorf("%d articles not extracted", notExtracted)
	}
	if got := fingerprint(exportJSONL(t, dsn)); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("PostgreSQL with three workers has %d events, one SQLite process %d", len(got), len(want))
	}
}
