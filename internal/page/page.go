// Package page reads one input page: it checks and decodes the raw bytes
// (size, binary content, UTF-8, UTF-16, Windows-1252), decides whether it is
// HTML, and carries the cleaned text blocks with offsets back into the source.
// It does not clean or interpret text itself.
package page

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"pactwatch/internal/source"
	"pactwatch/internal/token"
)

// MaxBytes is the largest page accepted; news pages are far smaller.
const MaxBytes = 8 << 20

// Block is one paragraph or line of cleaned text.
type Block struct {
	Text   string
	Offset int // byte offset of Text in Page.Source, or -1 when not recoverable
	// Toks are the words of Text when the cleaner split them (nil when
	// not): later stages read them instead of splitting the text again.
	Toks []token.Token
}

// Words returns the words of Text[start:end], their offsets counted from
// start, as token.Split(Text[start:end]) would give them; nil when the block
// holds no words (Toks is nil) or the span cuts a word.
func (b *Block) Words(start, end int) []token.Token {
	if b.Toks == nil || start < 0 || end > len(b.Text) || start > end {
		return nil
	}
	i, _ := slices.BinarySearchFunc(b.Toks, start, func(t token.Token, at int) int { return cmp.Compare(t.End, at+1) })
	j := i
	for j < len(b.Toks) && b.Toks[j].Start < end {
		j++
	}
	if i < len(b.Toks) && b.Toks[i].Start < start || j > i && b.Toks[j-1].End > end {
		return nil // a word across the span's edge
	}
	out := make([]token.Token, j-i)
	copy(out, b.Toks[i:j])
	for k := range out {
		out[k].Start -= start
		out[k].End -= start
	}
	if len(out) > 0 {
		out[0].Glued = false // nothing before it in the span
	}
	return out
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

	starts []int // a part's block offsets in the whole page's text (Part)
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
		p.Published, p.From = a.Published, cmp.Or(a.PublishedFrom, source.OriginMetadata)
	}
	if len(raw) > MaxBytes {
		return nil, ErrTooLarge
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	text, warns, err := decode(raw)
	if err != nil {
		return nil, err
	}
	p.Warnings = append(p.Warnings, warns...)
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

// decode turns raw bytes into UTF-8 text, saying what it had to do. The
// decision between text and binary looks at the whole page: many NULs or
// other control bytes anywhere make it binary; a few stray ones in a text
// page are removed with a warning.
func decode(raw []byte) (string, []string, error) {
	if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) {
		raw = raw[3:]
	}
	var text, how string
	var stray [2]int // NULs and other control bytes
	wide := true     // decoded from UTF-16
	switch {
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		text, how = decodeUTF16(raw[2:], raw[0] == 0xFE), "decoded from UTF-16"
	default:
		bin, c := isBinary(raw)
		le, ok := utf16NoBOM(raw)
		valid := utf8.Valid(raw)
		if !ok && (!valid || c[0] > 0 || (c[0]+c[1])*20 > len(raw)) {
			// UTF-16 of a non-Latin script has no NUL bytes to spot it by:
			// it reads as control bytes or as broken UTF-8.
			le, ok = utf16Script(raw)
		}
		if ok {
			text, how = decodeUTF16(raw, !le), "decoded from UTF-16 without a byte-order mark"
			break
		}
		if bin {
			return "", nil, ErrBinary
		}
		wide = false
		var err error
		if text, how, err = decode8(raw, valid); err != nil {
			return "", nil, err
		}
		stray = c // single-byte decoding keeps control bytes as they are
	}
	if wide { // judge the decoded characters
		var bin bool
		if bin, stray = isBinary([]byte(text)); bin {
			return "", nil, ErrBinary
		}
	}
	var warns []string
	if how != "" {
		warns = append(warns, how)
	}
	if stray[0]+stray[1] > 0 {
		var n int
		text, n = stripControls(text)
		warns = append(warns, fmt.Sprintf("removed %d stray NUL or control character(s)", n))
	}
	return text, warns, nil
}

// decode8 reads single-byte or UTF-8 text.
func decode8(raw []byte, valid bool) (string, string, error) {
	if valid {
		return string(raw), "", nil
	}
	multi, invalid := utf8Counts(raw)
	if multi == 0 {
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

// utf16Sample is how many leading bytes utf16Script looks at.
const utf16Sample = 4096

// utf16Script spots UTF-16 text without a BOM in any alphabetic script: the
// high byte of each pair names the Unicode block, so in a text written in
// one script (Arabic 0x06, Cyrillic 0x04, Greek 0x03, with 0x00 for spaces
// and digits) a few values fill every other byte. The side that is regular
// is the high byte; the guess is kept only if its decoding reads as text:
// letters, marks, digits, spaces and punctuation, without controls or
// broken surrogate pairs.
func utf16Script(b []byte) (littleEndian, ok bool) {
	n := min(len(b), utf16Sample) &^ 1
	if n < 16 {
		return false, false
	}
	var counts [2][256]int
	for i := 0; i < n; i++ {
		counts[i&1][b[i]]++
	}
	pairs := n / 2
	top := func(c *[256]int) int { // how many pairs the 3 commonest values fill
		var a, b2, c2 int
		for _, v := range c {
			switch {
			case v > a:
				a, b2, c2 = v, a, b2
			case v > b2:
				b2, c2 = v, b2
			case v > c2:
				c2 = v
			}
		}
		return a + b2 + c2
	}
	even, odd := top(&counts[0]), top(&counts[1])
	var high int // the parity of the high byte
	switch {
	case odd*10 >= pairs*9 && even*10 < pairs*7:
		high = 1 // little-endian: the high byte comes second
	case even*10 >= pairs*9 && odd*10 < pairs*7:
		high = 0
	default:
		return false, false
	}
	if !readsAsText(decodeUTF16(b[:n], high == 0)) {
		return false, false
	}
	return high == 1, true
}

// readsAsText reports a decoded sample made almost only of letters, marks,
// digits, spaces and punctuation, with some letters among them.
func readsAsText(s string) bool {
	total, good, letters := 0, 0, 0
	for _, r := range s {
		total++
		switch {
		case r == utf8.RuneError || r < 0x20 && r != '\n' && r != '\r' && r != '\t':
			// a control or a broken surrogate: not text
		case unicode.IsLetter(r) || unicode.IsMark(r):
			good++
			letters++
		case unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			good++
		}
	}
	return total > 0 && good*100 >= total*95 && letters*2 >= total
}

// binaryWindow is the stretch of bytes isBinary judges at a time.
const binaryWindow = 8192

// isBinary decides over the whole page: a stretch of binaryWindow bytes
// anywhere with more than 1% NUL bytes or 5% control bytes makes it binary
// content; fewer are stray bytes in a text page. The stretches overlap by
// half, so a binary run is judged whole wherever it starts. It also returns
// the page's counts of NULs and other control bytes.
func isBinary(b []byte) (bool, [2]int) {
	const half = binaryWindow / 2
	if len(b) <= binaryWindow {
		c := controls(b)
		return binaryRatio(c, len(b)), c
	}
	bin := false
	var total, prev [2]int // prev: the counts of the previous half window
	for at := 0; at < len(b); at += half {
		end := min(at+half, len(b))
		c := controls(b[at:end])
		if at > 0 && binaryRatio([2]int{prev[0] + c[0], prev[1] + c[1]}, end-(at-half)) {
			bin = true
		}
		total[0], total[1] = total[0]+c[0], total[1]+c[1]
		prev = c
	}
	return bin, total
}

func binaryRatio(c [2]int, n int) bool {
	nul, ctrl := c[0], c[1]
	return nul*100 > n || (nul+ctrl)*20 > n
}

// controls counts NUL bytes (c[0]) and other control bytes that text does
// not use (c[1]; tab, line feed, vertical tab, form feed and carriage return
// are text). Eight bytes at a time are first checked for any byte below
// 0x20, which text has only at line ends.
func controls(b []byte) (c [2]int) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if (w-ones*0x20)&^w&highs == 0 {
			continue // no byte below 0x20
		}
		for _, x := range b[i : i+8] {
			c = countControl(c, x)
		}
	}
	for _, x := range b[i:] {
		c = countControl(c, x)
	}
	return c
}

func countControl(c [2]int, x byte) [2]int {
	switch {
	case x >= 0x20:
	case x == 0:
		c[0]++
	case x < '\t' || x > '\r':
		c[1]++
	}
	return c
}

// stripControls removes NULs and the other control characters counted by
// controls, and says how many it removed.
func stripControls(s string) (string, int) {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && (c < '\t' || c > '\r') {
			n++
		}
	}
	if n == 0 {
		return s, 0
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && (r < '\t' || r > '\r') {
			return -1
		}
		return r
	}, s), n
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

// BlockStarts returns the byte offset of each block in Text(), or in the
// whole page's text for a part made by Part.
func (p *Page) BlockStarts() []int {
	if p.starts != nil {
		return p.starts
	}
	out := make([]int, len(p.Blocks))
	at := 0
	for i, bl := range p.Blocks {
		out[i] = at
		at += len(bl.Text) + 2
	}
	return out
}

// Part returns a page of some of p's blocks (indexes in order), in
// another language: its BlockStarts stay those of p, so that offsets into
// the part are offsets into the whole page's text.
func (p *Page) Part(blocks []int, lang string) *Page {
	q := *p
	q.Blocks, q.Lang, q.starts = nil, lang, nil
	all := p.BlockStarts()
	for _, i := range blocks {
		q.Blocks = append(q.Blocks, p.Blocks[i])
		q.starts = append(q.starts, all[i])
	}
	return &q
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
