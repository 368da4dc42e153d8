// Package page reads one input page: it checks and decodes the raw bytes
// (size, binary content, UTF-8, UTF-16, Windows-1252), decides whether it is
// HTML, and carries the cleaned text blocks with offsets back into the source.
// It does not clean or interpret text itself.
package page

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"pactwatch/internal/source"
)

// MaxBytes is the largest page accepted; news pages are far smaller.
const MaxBytes = 8 << 20

// Block is one paragraph or line of cleaned text.
type Block struct {
	Text   string
	Offset int // byte offset of Text in Page.Source, or -1 when not recoverable
}

// Page is one article to extract events from.
type Page struct {
	Name      string        // article id: the file name without its extension
	Path      string        // where it came from ("-" for stdin)
	Source    string        // the decoded source text (HTML or plain)
	HTML      bool          // Source is HTML
	Published time.Time     // publication date when known
	From      source.Origin // where Published came from
	Fallback  time.Time     // a date to use when the page states none (--published)
	Lang      string        // language code, set by the lang stage
	LangHint  string        // language declared by the page (HTML lang attribute)
	Blocks    []Block       // cleaned body, set by the clean stage
	Warnings  []string      // recoverable problems (e.g. re-encoded input)
}

// ErrEmpty and the other errors describe unreadable input.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary content, not text")
	ErrTooLarge = fmt.Errorf("larger than the %d MB limit", MaxBytes>>20)
)

// New checks and decodes raw bytes read from path; the article id is the
// file name without its extension.
func New(path string, raw []byte) (*Page, error) {
	return FromArticle(&source.Article{ID: ArticleName(path), Origin: path, Raw: raw})
}

// FromArticle checks and decodes an article's raw bytes. Its format decides
// HTML or text; when the format is Auto, an .html/.htm/.txt origin decides,
// else the bytes do. A publication date the source gave is kept.
func FromArticle(a *source.Article) (*Page, error) {
	raw := a.Raw
	p := &Page{Path: a.Origin, Name: a.ID, LangHint: a.Language, Fallback: a.Fallback}
	if !a.Published.IsZero() {
		p.Published, p.From = a.Published, cmpOr(a.PublishedFrom, source.OriginMetadata)
	}
	if len(raw) > MaxBytes {
		return nil, ErrTooLarge
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	text, warn, err := decode(raw)
	if err != nil {
		return nil, err
	}
	if warn != "" {
		p.Warnings = append(p.Warnings, warn)
	}
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	p.Source = text
	switch a.Format {
	case source.HTML:
		p.HTML = true
	case source.Text:
		p.HTML = false
	default:
		ext := strings.ToLower(filepath.Ext(a.Origin))
		p.HTML = ext == ".html" || ext == ".htm" || (ext != ".txt" && looksHTML(text))
	}
	return p, nil
}

func cmpOr(o, def source.Origin) source.Origin {
	if o == source.OriginNone {
		return def
	}
	return o
}

// ArticleName is the file name without directory and extension.
func ArticleName(path string) string {
	if path == "-" {
		return "stdin"
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func looksHTML(s string) bool {
	head := strings.ToLower(strings.TrimSpace(s))
	if len(head) > 512 {
		head = head[:512]
	}
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.Contains(head, "<head") || strings.Contains(head, "<body")
}

// decode turns raw bytes into UTF-8 text, saying what it had to do.
func decode(raw []byte) (string, string, error) {
	if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) {
		raw = raw[3:]
	}
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return decodeUTF16(raw[2:], raw[0] == 0xFE), "decoded from UTF-16", nil
	}
	if le, ok := utf16NoBOM(raw); ok {
		return decodeUTF16(raw, !le), "decoded from UTF-16 without a byte-order mark", nil
	}
	if isBinary(raw) {
		return "", "", ErrBinary
	}
	if utf8.Valid(raw) {
		return string(raw), "", nil
	}
	valid, invalid := utf8Counts(raw)
	if valid == 0 {
		s, err := charmap.Windows1252.NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", fmt.Errorf("not UTF-8 and not Windows-1252: %w", err)
		}
		return string(s), "decoded from Windows-1252", nil
	}
	return strings.ToValidUTF8(string(raw), "\uFFFD"),
		fmt.Sprintf("invalid UTF-8: %d bad byte(s) replaced", invalid), nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}

// utf16NoBOM spots UTF-16 text without a BOM: ASCII with a NUL every other byte.
func utf16NoBOM(b []byte) (littleEndian, ok bool) {
	n := min(len(b), 512) &^ 1
	if n < 8 {
		return false, false
	}
	evenNul, oddNul := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			evenNul++
		}
		if b[i+1] == 0 {
			oddNul++
		}
	}
	half := n / 2
	switch {
	case oddNul > half*8/10 && evenNul < half/10:
		return true, true
	case evenNul > half*8/10 && oddNul < half/10:
		return false, true
	}
	return false, false
}

func isBinary(b []byte) bool {
	n := min(len(b), 8192)
	ctrl := 0
	for _, c := range b[:n] {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl > n/20
}

func utf8Counts(b []byte) (validMulti, invalid int) {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			validMulti++
		}
		b = b[size:]
	}
	return
}

// BlockStarts returns the byte offset of each block in Text().
func (p *Page) BlockStarts() []int {
	out := make([]int, len(p.Blocks))
	at := 0
	for i, bl := range p.Blocks {
		out[i] = at
		at += len(bl.Text) + 2
	}
	return out
}

// Text joins the blocks with blank lines.
func (p *Page) Text() string {
	var b strings.Builder
	for i, bl := range p.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}
