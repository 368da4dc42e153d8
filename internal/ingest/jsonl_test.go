package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pactwatch/internal/page"
	"pactwatch/internal/source"
)

func TestJSONL(t *testing.T) {
	lines := strings.Join([]string{
		`{"id":"pact-1","url":"https://news.example.org/pact","title":" Pact signed ","published":"2024-03-05","language":"EN","text":"Two states signed a pact."}`,
		``,
		`{"url":"https://news.example.org/drills?id=4","published":"2024-03-06T08:30:00+02:00","html":"<p>Drills began.</p>","text":"ignored"}`,
		`   `,
		`{"text":"Neither id nor url."}`,
		`{"id":"x","text":"unclosed"`,
		`{"id":"y","url":"https://example.org/y"}`,
		`{"id":"z","text":"   "}`,
		`{"id":"w","text":"A dated note.","published":"last Tuesday"}`,
		`["not", "an", "object"]`,
		`{"id":7,"text":"a number as id"}`,
		"{\"id\":\"crlf\",\"text\":\"Windows line end.\"}\r",
		`{"id":"last","text":"No newline after me."}`,
	}, "\n")
	var c collector
	if err := JSONLFrom(context.Background(), "dump/news.jsonl", strings.NewReader("\xEF\xBB\xBF"+lines), c.emit, c.fail); err != nil {
		t.Fatal(err)
	}
	want := []source.Article{
		{ID: "pact-1", URL: "https://news.example.org/pact", Title: "Pact signed", Language: "en", Format: source.Text,
			Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), PublishedFrom: source.OriginMetadata,
			Origin: "dump/news.jsonl:1", Raw: []byte("Two states signed a pact.")},
		{ID: "news-example-org-drills-id-4", URL: "https://news.example.org/drills?id=4", Format: source.HTML,
			Published: time.Date(2024, 3, 6, 6, 30, 0, 0, time.UTC), PublishedFrom: source.OriginMetadata,
			Origin: "dump/news.jsonl:3", Raw: []byte("<p>Drills began.</p>")},
		{ID: "news-5", Format: source.Text, Origin: "dump/news.jsonl:5", Raw: []byte("Neither id nor url.")},
		{ID: "crlf", Format: source.Text, Origin: "dump/news.jsonl:12", Raw: []byte("Windows line end.")},
		{ID: "last", Format: source.Text, Origin: "dump/news.jsonl:13", Raw: []byte("No newline after me.")},
	}
	if len(c.articles) != len(want) {
		t.Fatalf("ids %q, want %d articles; reports %q", c.ids(), len(want), c.fails)
	}
	for i, w := range want {
		g := c.articles[i]
		if g.ID != w.ID || g.URL != w.URL || g.Title != w.Title || g.Language != w.Language || g.Format != w.Format ||
			!g.Published.Equal(w.Published) || g.PublishedFrom != w.PublishedFrom || g.Origin != w.Origin || !bytes.Equal(g.Raw, w.Raw) {
			t.Errorf("article %d =\n %+v\nwant\n %+v", i, *g, w)
		}
	}
	wantFails := [][]string{
		{"dump/news.jsonl:6:", "bad JSON"},
		{"dump/news.jsonl:7:", `neither "text" nor "html"`},
		{"dump/news.jsonl:8:", `neither "text" nor "html"`},
		{"dump/news.jsonl:9:", "published", "last Tuesday"},
		{"dump/news.jsonl:10:", "bad JSON"},
		{"dump/news.jsonl:11:", "bad JSON"},
	}
	for _, parts := range wantFails {
		if !c.failed(parts...) {
			t.Errorf("no report with %q in %q", parts, c.fails)
		}
	}
	if len(c.fails) != len(wantFails) {
		t.Errorf("%d reports, want %d: %q", len(c.fails), len(wantFails), c.fails)
	}
}

func TestJSONLFile(t *testing.T) {
	dir := t.TempDir()
	body := `{"text":"First article."}` + "\n" + `{"html":"<p>Second article.</p>"}` + "\n"
	plain := filepath.Join(dir, "batch.jsonl")
	writeFile(t, plain, body)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(body))
	zw.Close()
	zipped := filepath.Join(dir, "batch2.jsonl.gz")
	must(t, os.WriteFile(zipped, gz.Bytes(), 0o644))
	broken := filepath.Join(dir, "broken.jsonl.gz")
	must(t, os.WriteFile(broken, gz.Bytes()[:gz.Len()-12], 0o644))
	notGzip := filepath.Join(dir, "plain.jsonl.gz")
	writeFile(t, notGzip, body)

	tests := []struct {
		path      string
		wantIDs   []string
		wantFails [][]string
	}{
		{plain, []string{"batch-1", "batch-2"}, nil},
		{zipped, []string{"batch2-1", "batch2-2"}, nil},
		{broken, []string{"broken-1", "broken-2"}, [][]string{{"broken.jsonl.gz:3", "read", "unexpected EOF"}}},
		{notGzip, nil, [][]string{{"plain.jsonl.gz", "gzip"}}},
		{filepath.Join(dir, "absent.jsonl"), nil, [][]string{{"absent.jsonl", "no such file"}}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			var c collector
			if err := JSONL(context.Background(), tt.path, c.emit, c.fail); err != nil {
				t.Fatal(err)
			}
			if got := c.ids(); strings.Join(got, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("ids = %q, want %q", got, tt.wantIDs)
			}
			for _, parts := range tt.wantFails {
				if !c.failed(parts...) {
					t.Errorf("no report with %q in %q", parts, c.fails)
				}
			}
			if len(c.fails) != len(tt.wantFails) {
				t.Errorf("reports %q, want %d", c.fails, len(tt.wantFails))
			}
		})
	}
}

func TestJSONLLimits(t *testing.T) {
	const max = 16
	long := `{"id":"long","text":"` + strings.Repeat("a", 40) + `"}`
	huge := `{"id":"huge","text":"` + strings.Repeat("b", 200<<10) + `"}` // longer than a line may be
	input := strings.Join([]string{`{"id":"ok","text":"short"}`, long, huge, `{"id":"after","text":"still read"}`}, "\n")
	var c collector
	if err := readJSONL(context.Background(), "x.jsonl", strings.NewReader(input), max, c.emit, c.fail); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.ids(), ","); got != "ok,after" {
		t.Errorf("ids = %s", got)
	}
	if !c.failed("x.jsonl:2:", "larger than the 16-byte limit") || !c.failed("x.jsonl:3:", "line too long") {
		t.Errorf("reports = %q", c.fails)
	}
	if !errors.Is(tooLargeError{max}, page.ErrTooLarge) {
		t.Errorf("the size error does not match page.ErrTooLarge")
	}
}

func TestJSONLStops(t *testing.T) {
	stop := errors.New("stop")
	input := `{"text":"one"}` + "\n" + `{"text":"two"}` + "\n"
	n := 0
	err := JSONLFrom(context.Background(), "-", strings.NewReader(input), func(a *source.Article) error {
		n++
		if a.ID != "stdin-1" {
			t.Errorf("id = %q, want stdin-1", a.ID)
		}
		return stop
	}, func(string, error) {})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err = %v after %d articles", err, n)
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","url":"https://example.org/a","title":"t","published":"2024-01-02","language":"fr","text":"Un texte."}`))
	f.Add([]byte(`{"html":"<p>x</p>","published":"2024-01-02T03:04:05Z"}` + "\n\n" + `{"text":"y"}`))
	f.Add([]byte("{\"text\":\"\\u00e9\\ud800\"}\r\n[1,2]\n{\"id\":null,\"text\":\"z\"}"))
	f.Add([]byte("\xEF\xBB\xBF{\"text\":\"bom\"}\n{\"text\":" + strings.Repeat("\"x", 40)))
	f.Fuzz(func(t *testing.T, data []byte) {
		const max = 64
		lines := bytes.Count(data, []byte("\n")) + 1
		seen := 0
		err := readJSONL(context.Background(), "fuzz.jsonl", bytes.NewReader(data), max, func(a *source.Article) error {
			seen++
			if a.ID == "" || a.Origin == "" || len(a.Raw) == 0 || len(a.Raw) > max {
				t.Errorf("bad article %+v", *a)
			}
			if a.Format != source.Text && a.Format != source.HTML {
				t.Errorf("format %q", a.Format)
			}
			return nil
		}, func(where string, err error) {
			seen++
			if !strings.HasPrefix(where, "fuzz.jsonl:") || err == nil {
				t.Errorf("report %q %v", where, err)
			}
		})
		if err != nil {
			t.Errorf("err = %v", err)
		}
		if seen > lines {
			t.Errorf("%d results from %d lines", seen, lines)
		}
	})
}
