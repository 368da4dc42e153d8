package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"pactwatch/internal/page"
	"pactwatch/internal/source"
)

// jsonlRecord is one JSONL line as written.
type jsonlRecord struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	Language  string  `json:"language"`
	Text      *string `json:"text"`
	HTML      *string `json:"html"`
}

// Errors reported for JSONL lines.
var (
	ErrNoBody      = errors.New(`neither "text" nor "html" is given`)
	ErrLineTooLong = errors.New("line too long")
)

// JSONL reads a JSONL file (gzipped when its name ends in .gz), one
// article a line:
//
//	{"id"?, "url"?, "title"?, "published"?, "language"?, "text"|"html"}
//
// "published" is RFC 3339 or YYYY-MM-DD and becomes Published with
// PublishedFrom metadata. The ID is "id", else derived from "url" (see
// IDFromURL), else "<file base>-<line>". Format is HTML when "html" is
// given (it wins over "text"), else Text; Raw is that text as bytes.
// Origin is "file.jsonl:LINE".
//
// A malformed line (bad JSON, no text or html, a bad date, a body over
// page.MaxBytes) is reported to fail as "file.jsonl:LINE" and skipped;
// blank lines are skipped silently. A file that cannot be opened or read
// (a broken gzip stream) is reported and the rest of it skipped. Only an
// error from emit or the context is returned.
func JSONL(ctx context.Context, path string, emit Emit, fail Fail) error {
	f, err := os.Open(path)
	if err != nil {
		fail(path, pathErr(err))
		return nil
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			fail(path, fmt.Errorf("gzip: %w", err))
			return nil
		}
		defer gz.Close()
		r = gz
	}
	return JSONLFrom(ctx, path, r, emit, fail)
}

// JSONLFrom reads JSONL from r as JSONL does; name is the file's name,
// used in positions and derived ids ("-" for standard input).
func JSONLFrom(ctx context.Context, name string, r io.Reader, emit Emit, fail Fail) error {
	return readJSONL(ctx, name, r, page.MaxBytes, emit, fail)
}

// readJSONL reads JSONL with bodies up to max bytes; a line may be twice
// as long (plus some room for the other fields), since JSON escapes can
// double a text's size.
func readJSONL(ctx context.Context, name string, r io.Reader, max int64, emit Emit, fail Fail) error {
	br := bufio.NewReaderSize(r, 64<<10)
	lineMax := 2*max + 64<<10
	base := jsonlBase(name)
	var buf []byte
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, buf[:0], lineMax)
		buf = line
		where := name + ":" + strconv.Itoa(n)
		if err != nil && err != io.EOF {
			fail(where, fmt.Errorf("read: %w", err))
			return nil
		}
		switch {
		case tooLong:
			fail(where, fmt.Errorf("%w: over %d bytes", ErrLineTooLong, lineMax))
		default:
			if n == 1 {
				line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
			}
			if len(bytes.TrimSpace(line)) > 0 {
				a, perr := parseJSONLine(line, max)
				if perr != nil {
					fail(where, perr)
					break
				}
				if a.ID == "" {
					a.ID = base + "-" + strconv.Itoa(n)
				}
				a.Origin = where
				if eerr := emit(a); eerr != nil {
					return eerr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line into buf, without its line ending. A line over
// max bytes is read to its end but not kept: tooLong is set.
func readLine(br *bufio.Reader, buf []byte, max int64) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong && int64(len(buf)+len(frag)) > max+2 { // room for "\r\n"
			tooLong, buf = true, buf[:0]
		}
		if !tooLong {
			buf = append(buf, frag...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if tooLong {
			buf = buf[:0]
		}
		return buf, tooLong, err
	}
}

// parseJSONLine turns one JSONL line into an article (without its Origin,
// and without an ID when neither "id" nor "url" is given).
func parseJSONLine(line []byte, max int64) (*source.Article, error) {
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("bad JSON: %w", err)
	}
	a := &source.Article{
		ID:       strings.TrimSpace(rec.ID),
		URL:      strings.TrimSpace(rec.URL),
		Title:    strings.TrimSpace(rec.Title),
		Language: strings.ToLower(strings.TrimSpace(rec.Language)),
	}
	switch {
	case rec.HTML != nil && strings.TrimSpace(*rec.HTML) != "":
		a.Format, a.Raw = source.HTML, []byte(*rec.HTML)
	case rec.Text != nil && strings.TrimSpace(*rec.Text) != "":
		a.Format, a.Raw = source.Text, []byte(*rec.Text)
	default:
		return nil, ErrNoBody
	}
	if int64(len(a.Raw)) > max {
		return nil, tooLargeError{max}
	}
	if p := strings.TrimSpace(rec.Published); p != "" {
		t, err := parsePublished(p)
		if err != nil {
			return nil, err
		}
		a.Published, a.PublishedFrom = t, source.OriginMetadata
	}
	if a.ID == "" && a.URL != "" {
		a.ID = IDFromURL(a.URL)
	}
	return a, nil
}

// parsePublished reads an RFC 3339 time, the same without a zone (taken as
// UTC), or a YYYY-MM-DD date (midnight UTC).
func parsePublished(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q: want RFC 3339 or YYYY-MM-DD", s)
}

// jsonlBase is a JSONL file's name without folder and extensions, the
// prefix of ids made from line numbers.
func jsonlBase(name string) string {
	if name == "-" {
		return "stdin"
	}
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return base
}
