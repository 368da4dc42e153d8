package clean_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"pactwatch/internal/clean"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/page"
	"pactwatch/internal/source"
)

// FuzzClean cleans arbitrary text and HTML: the cleaner must never panic,
// and every block it keeps must be trimmed, single-spaced valid UTF-8 whose
// offset, when known, points at the block's text in the source.
func FuzzClean(f *testing.F) {
	lx, err := lexicon.Load()
	if err != nil {
		f.Fatalf("lexicon.Load: %v", err)
	}
	c := clean.New(lx)
	seeds := []string{
		articlePage, divPage, opinionPage,
		deepPage("<div>", 600), deepPage("<b>", 520),
		strings.Join(oneLineNews, " ") + " Read also: Dock workers end their walkout The plan holds.",
		"Home » World\nTwo navies agree.\nLire aussi : Un phare\n",
		"<title>Two navies agree on patrols | Ledger</title><h2>Two navies agree on patrols</h2><p>Text.</p>",
		"<table><tr><td>cell<td>cell</table><select><option>x</select>",
		"<svg><style>p{}</style><path/></svg><p>after svg</p>",
		"<plaintext><p>not a tag",
		"Kеnya and Sоmalia. Россия. | • · …",
		"<",
		"",
	}
	for _, s := range seeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, asHTML bool) {
		format := source.Text
		if asHTML {
			format = source.HTML
		}
		p, err := page.FromArticle(&source.Article{ID: "fuzz", Origin: "fuzz", Format: format, Raw: []byte(src)})
		if err != nil {
			return
		}
		c.Clean(p)
		for i, b := range p.Blocks {
			if b.Text == "" || b.Text != strings.Join(strings.Fields(b.Text), " ") {
				t.Fatalf("block %d not trimmed and single-spaced: %q", i, b.Text)
			}
			if !utf8.ValidString(b.Text) {
				t.Fatalf("block %d not UTF-8: %q", i, b.Text)
			}
			if b.Offset != -1 && (b.Offset < 0 || b.Offset+len(b.Text) > len(p.Source) || p.Source[b.Offset:b.Offset+len(b.Text)] != b.Text) {
				t.Fatalf("block %d %q: offset %d does not point at it", i, b.Text, b.Offset)
			}
		}
	})
}
