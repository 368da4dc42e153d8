package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc"
)

// warcName names the one WARC file a test writes.
type warcName struct{ dir, name string }

func (g warcName) NewWarcfileName() (string, string) { return g.dir, g.name }

// JSONL and WARC sources go through ingest like folders: the good articles
// are stored with their URL, a broken line is reported with its position
// and the rest goes on.
func TestIngestJSONLAndWARC(t *testing.T) {
	dir := t.TempDir()
	line := func(v map[string]string) string {
		b, _ := json.Marshal(v)
		return string(b)
	}
	jsonl := strings.Join([]string{
		line(map[string]string{"id": "kenya-rwanda", "url": "https://news.example/kr", "published": "2025-06-05", "text": agreementEN}),
		`{"url": "https://news.example/broken", "text": `,
		line(map[string]string{"url": "https://news.example/togo", "html": visitFRHTML}),
	}, "\n") + "\n"
	jpath := filepath.Join(dir, "articles.jsonl")
	if err := os.WriteFile(jpath, []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	w := gowarc.NewWarcFileWriter(gowarc.WithFileNameGenerator(warcName{dir, "crawl.warc"}), gowarc.WithCompression(true))
	body := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>" + tuesdayEN + "</p></article></body></html>"
	b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore))
	b.AddWarcHeader(gowarc.WarcTargetURI, "https://news.example/zambia-malawi")
	b.AddWarcHeader(gowarc.WarcDate, "2025-03-07T10:00:00Z")
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	b.WriteString(body)
	rec, _, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if res := w.Write(rec); len(res) != 1 || res[0].Err != nil {
		t.Fatalf("write WARC: %+v", res)
	}
	w.Close()
	db := filepath.Join(dir, "pw.db")
	r := pactwatch(t, "", "ingest", "--db", db, jpath, filepath.Join(dir, "crawl.warc.gz"))
	n := ingestSummary(t, r.stdout)
	if n[0] != 3 || n[2] != 1 || r.code != 1 || !strings.Contains(r.stderr, "articles.jsonl:2") {
		t.Errorf("summary %v (code %d), want 3 read and 1 failed at line 2\n%s", n, r.code, r.stderr)
	}
	urls := map[string]bool{}
	for _, rec := range exportJSONL(t, db) {
		for _, s := range rec.Sources {
			urls[s.URL] = true
		}
	}
	for _, u := range []string{"https://news.example/kr", "https://news.example/togo", "https://news.example/zambia-malawi"} {
		if !urls[u] {
			t.Errorf("no event from %s (sources: %v)", u, urls)
		}
	}
}
