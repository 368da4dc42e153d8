package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"os"
	"strings"

	"github.com/nlnwa/gowarc"

	"pactwatch/internal/page"
	"pactwatch/internal/source"
)

// Limits of the WARC reader.
const (
	// maxBrokenRecords consecutive unreadable records end a file: it is not
	// a WARC file, or too damaged to find the next record in.
	maxBrokenRecords = 100
	// maxIgnoredBytes before a record (or at the end) are not reported:
	// stray line ends.
	maxIgnoredBytes = 16
)

// WARC reads a WARC file (.warc; or .warc.gz, with one gzip member per
// record as crawlers write them, or gzipped whole) and emits one article
// for each response record whose HTTP status is 200 and whose Content-Type
// is HTML or XHTML: URL is the WARC-Target-URI, ID is derived from it
// (IDFromURL), Format is HTML, Language comes from the HTTP
// Content-Language, Raw is the HTTP payload (de-chunked, decompressed,
// decoded by its charset to UTF-8), and Origin is "NAME record N (offset
// BYTES)", the offset being that of the record or, in a gzipped file, of
// its gzip member. WARC-Date is when the page was crawled, not published:
// Published is left zero.
//
// Other records are skipped silently. A malformed record (a damaged
// header, a Content-Length that does not end the record, a broken gzip
// member, a payload over page.MaxBytes) is reported with its number and
// offset, and the reader goes on with the next record it can find; when
// the file cannot be read further (an I/O error, or many broken records in
// a row), that is reported and the file ends. Only an error from emit or
// the context is returned.
func WARC(ctx context.Context, path string, emit Emit, fail Fail) error {
	f, err := os.Open(path)
	if err != nil {
		fail(path, pathErr(err))
		return nil
	}
	defer f.Close()
	return WARCFrom(ctx, path, f, emit, fail)
}

// WARCFrom reads WARC records from r as WARC does; name is the file's name,
// used in positions.
func WARCFrom(ctx context.Context, name string, r io.Reader, emit Emit, fail Fail) error {
	return readWARC(ctx, name, r, page.MaxBytes, emit, fail)
}

// eofReader turns a read error into io.EOF and keeps it in err: the WARC
// library loops forever on a read error in a record's header, so it only
// ever sees an end of input. It also counts the bytes read.
type eofReader struct {
	r   io.Reader
	n   int64
	err error
}

func (e *eofReader) Read(p []byte) (int, error) {
	if e.err != nil {
		return 0, io.EOF
	}
	n, err := e.r.Read(p)
	e.n += int64(n)
	if err != nil && err != io.EOF {
		e.err = err
		return n, io.EOF
	}
	return n, err
}

// warcOptions read records without validating digests (which would buffer
// whole records) and let broken syntax through to be reported here.
func warcOptions() []gowarc.WarcRecordOption {
	return []gowarc.WarcRecordOption{
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithAddMissingDigest(false),
		gowarc.WithFixDigest(false),
		gowarc.WithFixContentLength(false),
	}
}

var (
	warcMagic = []byte("WARC/")
	gzipMagic = []byte{0x1f, 0x8b}
)

// warcReader holds one WARC file's reading state.
type warcReader struct {
	name    string
	max     int64
	emit    Emit
	fail    Fail
	u       gowarc.Unmarshaler
	records int // records found so far
	broken  int // broken records in a row
	unread  int // records that could not be parsed
	failed  int // records reported as failed, parsed or not
}

// errGiveUp ends a file that is too damaged to read on.
var errGiveUp = errors.New("giving up")

// readWARC reads a plain WARC file (records one after another) or a
// gzipped one (gzip members, each holding one record or, when the whole
// file was gzipped at once, all of them). The gzip layer is read here, not
// by the library, so that a damaged member is reported and the next member
// found, and so that a whole-file gzip is read to its end.
func readWARC(ctx context.Context, name string, r io.Reader, max int64, emit Emit, fail Fail) error {
	src := &eofReader{r: r}
	br := bufio.NewReaderSize(src, 64<<10)
	pos := func() int64 { return src.n - int64(br.Buffered()) }
	w := &warcReader{name: name, max: max, emit: emit, fail: fail, u: gowarc.NewUnmarshaler(warcOptions()...)}
	head, _ := br.Peek(2)
	var err error
	if bytes.Equal(head, gzipMagic) {
		err = w.readMembers(ctx, br, pos)
	} else {
		err = w.readRecords(ctx, br, pos, -1)
	}
	switch {
	case errors.Is(err, errGiveUp):
		return nil
	case err != nil:
		return err
	}
	if src.err != nil {
		fail(name, fmt.Errorf("read: %w", src.err))
	} else if w.records == 0 {
		fail(name, errors.New("no WARC records"))
	}
	return nil
}

// readMembers reads gzip members one after another.
func (w *warcReader) readMembers(ctx context.Context, br *bufio.Reader, pos func() int64) error {
	var gz *gzip.Reader
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := pos()
		skipped, err := skipTo(br, gzipMagic)
		if skipped > maxIgnoredBytes && w.broken == 0 {
			w.fail(fmt.Sprintf("%s offset %d", w.name, start), fmt.Errorf("%d bytes are not a gzip member", skipped))
		}
		if err != nil {
			return nil // end of file
		}
		at := start + skipped
		if gz == nil {
			gz, err = gzip.NewReader(br)
		} else {
			err = gz.Reset(br)
		}
		if err != nil {
			if pos() == at {
				br.Discard(1)
			}
			if err := w.broken1(fmt.Sprintf("%s offset %d", w.name, at), fmt.Errorf("gzip: %w", err)); err != nil {
				return err
			}
			continue
		}
		gz.Multistream(false)
		before := w.failed
		inner := &eofReader{r: gz}
		ib := bufio.NewReader(inner)
		if err := w.readRecords(ctx, ib, func() int64 { return at }, at); err != nil {
			return err
		}
		io.Copy(io.Discard, ib) // to the member's end, checking its checksum
		if inner.err != nil {
			if w.failed > before { // the damage was reported with the record it broke
				w.broken++
				continue
			}
			if err := w.broken1(fmt.Sprintf("%s gzip member at offset %d", w.name, at), fmt.Errorf("gzip: %w", inner.err)); err != nil {
				return err
			}
		}
	}
}

// readRecords reads the records of a plain stream, or of one gzip member
// (member >= 0, its offset in the file). pos gives the offset of the next
// byte, for positions.
func (w *warcReader) readRecords(ctx context.Context, rb *bufio.Reader, pos func() int64, member int64) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := pos()
		skipped, err := skipTo(rb, warcMagic)
		if skipped > maxIgnoredBytes && w.broken == 0 {
			where := fmt.Sprintf("%s offset %d", w.name, start)
			if member >= 0 {
				where = fmt.Sprintf("%s gzip member at offset %d", w.name, member)
			}
			w.fail(where, fmt.Errorf("%d bytes are not a WARC record", skipped))
		}
		if err != nil {
			return nil // end of the stream
		}
		at := start + skipped
		if member >= 0 {
			at = member
		}
		w.records++
		where := fmt.Sprintf("%s record %d (offset %d)", w.name, w.records, at)
		rec, _, err := unmarshalRecord(w.u, rb)
		if err != nil {
			closeRecord(rec)
			if member < 0 && pos() == start+skipped {
				rb.Discard(1)
			}
			w.u = gowarc.NewUnmarshaler(warcOptions()...) // a fresh one after a failure
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				err = fmt.Errorf("truncated record: %w", err)
			}
			w.unread++
			w.failed++
			if err := w.broken1(where, err); err != nil {
				return err
			}
			continue
		}
		w.broken = 0
		a, aerr := warcArticle(rec, w.max)
		if cerr := closeRecord(rec); aerr == nil && cerr != nil {
			aerr = cerr
		}
		if aerr == nil && !atRecordEnd(rb) {
			aerr = errFraming
		}
		switch {
		case aerr != nil:
			w.failed++
			w.fail(where, aerr)
		case a != nil:
			a.Origin = where
			if err := w.emit(a); err != nil {
				return err
			}
		}
	}
}

// errFraming is reported for a record whose Content-Length does not end
// it: it was cut short or damaged, and its content may hold the start of
// the next record, so it is not used.
var errFraming = errors.New("record does not end where its Content-Length says (truncated or damaged)")

// atRecordEnd says whether a record just read was followed by what should
// follow one: the end of the stream or the next record, after any stray
// line ends.
func atRecordEnd(rb *bufio.Reader) bool {
	b, err := rb.Peek(64)
	rest := bytes.TrimLeft(b, "\r\n")
	switch {
	case len(rest) == 0:
		return err != nil || len(b) == 64 // the end, or a run of line ends
	case len(rest) >= len(warcMagic):
		return bytes.HasPrefix(rest, warcMagic)
	}
	return false // a few stray bytes before the end
}

// broken1 reports one broken record or member, and gives up on the file
// after too many in a row.
func (w *warcReader) broken1(where string, err error) error {
	w.fail(where, err)
	if w.broken++; w.broken >= maxBrokenRecords {
		w.fail(w.name, fmt.Errorf("giving up after %d broken records in a row", w.broken))
		return errGiveUp
	}
	return nil
}

// skipTo discards bytes up to the next occurrence of magic, and says how
// many; an error (io.EOF) when there is none.
func skipTo(br *bufio.Reader, magic []byte) (int64, error) {
	var skipped int64
	for {
		b, err := br.Peek(len(magic))
		if len(b) == len(magic) && bytes.Equal(b, magic) {
			return skipped, nil
		}
		if err != nil && len(b) < len(magic) {
			n, _ := br.Discard(len(b))
			return skipped + int64(n), io.EOF
		}
		// jump to the next possible start
		window, _ := br.Peek(br.Buffered())
		i := bytes.IndexByte(window[1:], magic[0])
		n := len(window)
		if i >= 0 {
			n = i + 1
		}
		d, _ := br.Discard(n)
		skipped += int64(d)
	}
}

// unmarshalRecord reads the next record; a panic in the WARC library on
// broken input becomes an error.
func unmarshalRecord(u gowarc.Unmarshaler, br *bufio.Reader) (rec gowarc.WarcRecord, skipped int64, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("unreadable record (%v)", p)
		}
	}()
	rec, skipped, _, err = u.Unmarshal(br)
	return rec, skipped, err
}

// closeRecord reads the rest of a record, so that the next one can be
// found. The library's close panics on a record whose block could not be
// parsed, after it has done its work: that panic is dropped.
func closeRecord(rec gowarc.WarcRecord) (err error) {
	if rec == nil {
		return nil
	}
	defer func() {
		if p := recover(); p != nil {
			err = nil
		}
	}()
	return rec.Close()
}

// warcArticle makes an article of a 200 HTML response record; nil, nil for
// any other record.
func warcArticle(rec gowarc.WarcRecord, max int64) (a *source.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("unreadable record (%v)", p)
		}
	}()
	for _, field := range []string{gowarc.WarcType, gowarc.WarcRecordID} {
		if n := len(rec.WarcHeader().GetAll(field)); n > 1 {
			return nil, fmt.Errorf("damaged header: %s given %d times (records run together?)", field, n)
		}
	}
	if !rec.WarcHeader().Has(gowarc.ContentLength) {
		return nil, errors.New("damaged or truncated header: no Content-Length")
	}
	if rec.Type() != gowarc.Response {
		return nil, nil
	}
	block, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, nil // not an HTTP response (e.g. a DNS record)
	}
	if block.HttpHeader() == nil || block.HttpStatusCode() == 0 {
		return nil, errors.New("unreadable HTTP response header")
	}
	if block.HttpStatusCode() != http.StatusOK {
		return nil, nil
	}
	h := *block.HttpHeader()
	ct := h.Get("Content-Type")
	if ct != "" && !isHTMLType(ct) {
		return nil, nil
	}
	uri := strings.Trim(strings.TrimSpace(rec.WarcHeader().Get(gowarc.WarcTargetURI)), "<>")
	if uri == "" {
		return nil, errors.New("response record without WARC-Target-URI")
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return nil, fmt.Errorf("%s: payload: %w", uri, err)
	}
	body, err := readLimited(payload, max)
	if err != nil {
		return nil, fmt.Errorf("%s: payload: %w", uri, err)
	}
	if body, err = httpPayload(body, h, chunkedTransfer(block.ProtocolHeaderBytes()), max); err != nil {
		return nil, fmt.Errorf("%s: payload: %w", uri, err)
	}
	if ct == "" && !isHTMLType(http.DetectContentType(body)) {
		return nil, nil
	}
	return &source.Article{
		ID:       IDFromURL(uri),
		URL:      uri,
		Format:   source.HTML,
		Language: contentLanguage(h.Get("Content-Language")),
		Raw:      toUTF8(body, ct),
	}, nil
}

func isHTMLType(ct string) bool {
	f, ok := pageFormat(ct)
	return ok && f == source.HTML
}

// httpPayload undoes the transfer and content encodings a crawler kept:
// chunked transfer (when chunked is set), gzip and deflate. Crawlers that decoded the body but
// kept the header are common, so a body that does not look encoded is
// taken as it is.
func httpPayload(body []byte, h http.Header, chunked bool, max int64) ([]byte, error) {
	if chunked {
		if plain, err := readLimited(httputil.NewChunkedReader(bytes.NewReader(body)), max); err == nil {
			body = plain
		}
	}
	switch enc := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); enc {
	case "", "identity", "none":
		return body, nil
	case "gzip", "x-gzip":
		if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			return body, nil
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return readDecoded(zr, max, "gzip")
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			return readDecoded(zr, max, "deflate")
		}
		return readDecoded(flate.NewReader(bytes.NewReader(body)), max, "deflate")
	default:
		return nil, fmt.Errorf("content encoding %q is not supported", enc)
	}
}

func readDecoded(r io.ReadCloser, max int64, what string) ([]byte, error) {
	defer r.Close()
	out, err := readLimited(r, max)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// chunkedTransfer says whether raw HTTP response headers name the chunked
// transfer coding (net/http takes Transfer-Encoding out of the parsed
// header, so the raw lines are read).
func chunkedTransfer(head []byte) bool {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(head)))
	if _, err := tp.ReadLine(); err != nil { // the status line
		return false
	}
	mh, _ := tp.ReadMIMEHeader() // what could be read, even when broken
	for _, v := range mh.Values("Transfer-Encoding") {
		for _, coding := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(coding), "chunked") {
				return true
			}
		}
	}
	return false
}
