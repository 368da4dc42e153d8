package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc"

	"pactwatch/internal/source"
)

// fixedName names the one WARC file a test writes.
type fixedName struct{ dir, name string }

func (g fixedName) NewWarcfileName() (string, string) { return g.dir, g.name }

// warcRecord is one record a test writes: its type, target and block.
type warcRecord struct {
	typ   gowarc.RecordType
	uri   string
	ctype string // the record's Content-Type
	block string
}

// response is an HTTP response record for uri.
func response(uri, httpHead string, body []byte) warcRecord {
	return warcRecord{typ: gowarc.Response, uri: uri, ctype: "application/http;msgtype=response", block: httpHead + "\r\n" + string(body)}
}

// writeWARC writes records with gowarc's file writer and returns the
// file's path and each record's offset.
func writeWARC(t testing.TB, dir, name string, compress bool, recs []warcRecord) (string, []int64) {
	t.Helper()
	w := gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(fixedName{dir, name}),
		gowarc.WithCompression(compress),
	)
	var offsets []int64
	for i, r := range recs {
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore)) // keeps a WARC/1.0-style <URI>
		// a fixed record id (the library draws a random one): the same
		// bytes, hence the same damage, on every run
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i))
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		}
		b.AddWarcHeader(gowarc.WarcDate, "2024-03-07T10:00:00Z")
		b.AddWarcHeader(gowarc.ContentType, r.ctype)
		if _, err := b.WriteString(r.block); err != nil {
			t.Fatal(err)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		res := w.Write(rec)
		if len(res) != 1 || res[0].Err != nil {
			t.Fatalf("write record: %+v", res)
		}
		offsets = append(offsets, res[0].FileOffset)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if compress {
		path += ".gz"
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	return path, offsets
}

func cp1252(s string) []byte {
	var b []byte
	for _, r := range s {
		switch r {
		case 'é':
			b = append(b, 0xE9)
		case '“':
			b = append(b, 0x93)
		case '”':
			b = append(b, 0x94)
		default:
			b = append(b, byte(r))
		}
	}
	return b
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func chunked(b []byte) []byte {
	var buf bytes.Buffer
	for len(b) > 0 {
		n := min(len(b), 7)
		fmt.Fprintf(&buf, "%x\r\n%s\r\n", n, b[:n])
		b = b[n:]
	}
	buf.WriteString("0\r\n\r\n")
	return buf.Bytes()
}

const (
	pageUTF8   = "<html><head><title>Accord</title></head><body><p>Le ministre a signé l’accord à Genève.</p></body></html>"
	pageLatin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Un “accord” signé.</p></body></html>"
)

// crawl is a small crawl: pages of each kind, and records to skip.
func crawl() (recs []warcRecord, wantIDs []string, wantRaw map[string]string) {
	recs = []warcRecord{
		{typ: gowarc.Warcinfo, ctype: "application/warc-fields", block: "software: a test\r\n"},
		{typ: gowarc.Request, uri: "https://news.example.org/a", ctype: "application/http;msgtype=request", block: "GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n"},
		response("https://news.example.org/a", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Language: fr\r\n", []byte(pageUTF8)),
		response("https://news.example.org/b", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n", cp1252("<p>Caf\u00e9 “talks”</p>")),
		response("<https://news.example.org/c>", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", cp1252(pageLatin1)),
		response("https://news.example.org/d", "HTTP/1.1 200 OK\r\nContent-Type: application/xhtml+xml\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(gzipped([]byte(pageUTF8)))),
		response("https://news.example.org/missing", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n", []byte("<p>gone</p>")),
		response("https://news.example.org/logo.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n", []byte("\x89PNG\r\n")),
		response("https://news.example.org/moved", "HTTP/1.1 301 Moved Permanently\r\nLocation: /a\r\n", nil),
		{typ: gowarc.Metadata, uri: "https://news.example.org/a", ctype: "application/warc-fields", block: "via: a test\r\n"},
		response("", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", []byte("<p>whose?</p>")),
	}
	wantIDs = []string{"news-example-org-a", "news-example-org-b", "news-example-org-c", "news-example-org-d"}
	wantRaw = map[string]string{
		"news-example-org-a": pageUTF8,
		"news-example-org-b": "<p>Café “talks”</p>",
		"news-example-org-c": pageLatin1,
		"news-example-org-d": pageUTF8,
	}
	return recs, wantIDs, wantRaw
}

func TestWARC(t *testing.T) {
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", compress), func(t *testing.T) {
			recs, wantIDs, wantRaw := crawl()
			path, offsets := writeWARC(t, t.TempDir(), "crawl.warc", compress, recs)
			var c collector
			if err := WARC(context.Background(), path, c.emit, c.fail); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(c.ids(), ","); got != strings.Join(wantIDs, ",") {
				t.Fatalf("ids = %s; reports %q", got, c.fails)
			}
			for i, a := range c.articles {
				if string(a.Raw) != wantRaw[a.ID] {
					t.Errorf("%s: raw = %q, want %q", a.ID, a.Raw, wantRaw[a.ID])
				}
				if a.Format != source.HTML || !a.Published.IsZero() || a.PublishedFrom != source.OriginNone {
					t.Errorf("%s: format %q, published %v from %q", a.ID, a.Format, a.Published, a.PublishedFrom)
				}
				wantOrigin := fmt.Sprintf("%s record %d (offset %d)", path, i+3, offsets[i+2])
				if a.Origin != wantOrigin {
					t.Errorf("%s: origin %q, want %q", a.ID, a.Origin, wantOrigin)
				}
			}
			if a := c.articles[0]; a.URL != "https://news.example.org/a" || a.Language != "fr" {
				t.Errorf("first article: url %q, language %q", a.URL, a.Language)
			}
			if c.articles[2].URL != "https://news.example.org/c" {
				t.Errorf("bracketed target not trimmed: %q", c.articles[2].URL)
			}
			if len(c.fails) != 1 || !c.failed("record 11", "without WARC-Target-URI") {
				t.Errorf("reports = %q", c.fails)
			}
		})
	}
}

// splice returns data with data[from:to] replaced by insert.
func splice(data []byte, from, to int64, insert string) []byte {
	out := append([]byte{}, data[:from]...)
	out = append(out, insert...)
	return append(out, data[to:]...)
}

func TestWARCDamaged(t *testing.T) {
	recs, _, _ := crawl()
	dir := t.TempDir()
	plainPath, po := writeWARC(t, dir, "plain.warc", false, recs)
	gzPath, gzo := writeWARC(t, dir, "zipped.warc", true, recs)
	plain, err := os.ReadFile(plainPath)
	must(t, err)
	zipped, err := os.ReadFile(gzPath)
	must(t, err)
	// record indexes in crawl(): 2=a 3=b 4=c 5=d, 10 has no target URI
	const noURI = "without WARC-Target-URI"
	tests := []struct {
		name      string
		data      []byte
		wantIDs   string
		wantFails [][]string
	}{
		{
			name:      "stray bytes between records",
			data:      splice(plain, po[3], po[3], "a line that is no record at all\r\n"),
			wantIDs:   "news-example-org-b,news-example-org-c,news-example-org-d",
			wantFails: [][]string{{"record 3 (offset 678)", "does not end where its Content-Length says"}, {"offset 1237", "33 bytes are not a WARC record"}, {noURI}},
		},
		{
			name:      "record cut in its header runs into the next",
			data:      splice(plain, po[3]+(po[4]-po[3])/2, po[4], ""),
			wantIDs:   "news-example-org-a,news-example-org-d",
			wantFails: [][]string{{"record 4 (offset 1237)", "damaged header"}, {noURI}},
		},
		{
			name:      "a line the library chokes on",
			data:      splice(plain, 0, 0, "WARC/\n"),
			wantIDs:   "news-example-org-a,news-example-org-b,news-example-org-c,news-example-org-d",
			wantFails: [][]string{{"record 1 (offset 0)", "unreadable record"}, {noURI}},
		},
		{
			name:      "file cut short",
			data:      plain[:po[5]+40],
			wantIDs:   "news-example-org-a,news-example-org-b,news-example-org-c",
			wantFails: [][]string{{"record 6 (offset 2194)"}},
		},
		{
			name:      "not a WARC file",
			data:      []byte("Plain words, and no record in them anywhere.\n"),
			wantFails: [][]string{{"45 bytes are not a WARC record"}, {"no WARC records"}},
		},
		{
			name:      "empty file",
			wantFails: [][]string{{"no WARC records"}},
		},
		{
			name:      "gzip member cut in the middle",
			data:      splice(zipped, gzo[3]+(gzo[4]-gzo[3])/2, gzo[4], ""),
			wantIDs:   "news-example-org-a,news-example-org-d",
			wantFails: [][]string{{fmt.Sprintf("record 4 (offset %d)", gzo[3])}, {noURI}},
		},
		{
			name:      "gzip file cut short",
			data:      zipped[:gzo[6]+30],
			wantIDs:   "news-example-org-a,news-example-org-b,news-example-org-c,news-example-org-d",
			wantFails: [][]string{{fmt.Sprintf("gzip member at offset %d", gzo[6]), "unexpected EOF"}},
		},
		{
			name:      "stray bytes between gzip members",
			data:      splice(zipped, gzo[3], gzo[3], "not compressed\r\nat all, this line"),
			wantIDs:   "news-example-org-a,news-example-org-b,news-example-org-c,news-example-org-d",
			wantFails: [][]string{{fmt.Sprintf("offset %d", gzo[3]), "33 bytes are not a gzip member"}, {noURI}},
		},
		{
			name:      "whole file gzipped at once",
			data:      gzipped(plain),
			wantIDs:   "news-example-org-a,news-example-org-b,news-example-org-c,news-example-org-d",
			wantFails: [][]string{{"record 11 (offset 0)", noURI}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c collector
			if err := WARCFrom(context.Background(), "crawl", bytes.NewReader(tt.data), c.emit, c.fail); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(c.ids(), ","); got != tt.wantIDs {
				t.Errorf("ids = %s, want %s", got, tt.wantIDs)
			}
			for _, parts := range tt.wantFails {
				if !c.failed(parts...) {
					t.Errorf("no report with %q in %q", parts, c.fails)
				}
			}
			if len(c.fails) != len(tt.wantFails) {
				t.Errorf("%d reports, want %d: %q", len(c.fails), len(tt.wantFails), c.fails)
			}
		})
	}
}

func TestWARCLimits(t *testing.T) {
	recs, _, _ := crawl()
	path, _ := writeWARC(t, t.TempDir(), "c.warc", true, recs)
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	var c collector
	if err := readWARC(context.Background(), "c", f, 100, c.emit, c.fail); err != nil {
		t.Fatal(err)
	}
	// a and d are over 100 bytes; b and c are not
	if got := strings.Join(c.ids(), ","); got != "news-example-org-b,news-example-org-c" {
		t.Errorf("ids = %s", got)
	}
	if !c.failed("record 3", "news.example.org/a", "larger than the 100-byte limit") || !c.failed("record 6", "larger than") {
		t.Errorf("reports = %q", c.fails)
	}

	stop := fmt.Errorf("stop")
	calls := 0
	path2, _ := writeWARC(t, t.TempDir(), "c.warc", false, recs)
	err = WARC(context.Background(), path2, func(*source.Article) error { calls++; return stop }, func(string, error) {})
	if err != stop || calls != 1 {
		t.Errorf("emit error: err = %v after %d calls", err, calls)
	}
	var c2 collector
	must(t, WARC(context.Background(), filepath.Join(t.TempDir(), "absent.warc"), c2.emit, c2.fail))
	if !c2.failed("absent.warc", "no such file") {
		t.Errorf("reports = %q", c2.fails)
	}
}

func FuzzWARC(f *testing.F) {
	recs, _, _ := crawl()
	dir := f.TempDir()
	for _, compress := range []bool{false, true} {
		path, offsets := writeWARC(f, dir, fmt.Sprintf("seed-%v.warc", compress), compress, recs[:6])
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
		f.Add(splice(data, offsets[3], offsets[3]+9, "")) // a record's start cut away
	}
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 4\r\n\r\nHTTP\r\n\r\n"))
	f.Add([]byte("WARC/\n"))
	f.Add([]byte{0x1f, 0x8b, 0x08, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		err := readWARC(context.Background(), "fuzz", bytes.NewReader(data), 4096, func(a *source.Article) error {
			if a.ID == "" || a.URL == "" || a.Format != source.HTML || len(a.Raw) > 4*4096 || !strings.HasPrefix(a.Origin, "fuzz record ") {
				t.Errorf("bad article %+v", *a)
			}
			return nil
		}, func(where string, err error) {
			if !strings.HasPrefix(where, "fuzz") || err == nil {
				t.Errorf("report %q %v", where, err)
			}
		})
		if err != nil {
			t.Errorf("err = %v", err)
		}
	})
}
