package clean

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sameDoc reports whether two readings of a page agree on everything the
// cleaner takes from it.
func sameDoc(a, b htmlDoc) bool {
	return reflect.DeepEqual(a.blocks, b.blocks) && a.heading == b.heading && a.title == b.title &&
		a.lang == b.lang && a.published.Equal(b.published) && a.ogTitle == b.ogTitle && a.siteName == b.siteName
}

// parsed reads a page with the HTML parser's tree.
func parsed(t *testing.T, src string) htmlDoc {
	t.Helper()
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatalf("parser: %v", err)
	}
	return readTree(root)
}

// TestTreeMatchesParserOnPages checks that every HTML page of the test
// sets (and the shared devset, when present) reads the same from the
// builder's tree as from the parser's.
func TestTreeMatchesParserOnPages(t *testing.T) {
	var files []string
	for _, g := range []string{"../../testdata/corpus/*.html", "../../testdata/*/corpus/*.html", "../../testdata/multisource/*/*.html", "../../../shared/devset/articles/*.html"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 100 {
		t.Skipf("only %d pages found", len(files))
	}
	unsure := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		root, _, u := buildTree(string(raw))
		if u {
			unsure++
			continue
		}
		if got, want := readTree(root), parsed(t, string(raw)); !sameDoc(got, want) {
			t.Errorf("%s: the builder's tree reads\n  %q\nthe parser's\n  %q", f, got.blocks, want.blocks)
		}
	}
	t.Logf("%d pages, %d left to the parser", len(files), unsure)
}

// TestTreeRepairs checks the parser's common repairs on pages that make
// them: unclosed paragraphs and items, end tags that close what is open
// inside them or cross nothing, cells without rows, furniture holding the
// metadata.
func TestTreeRepairs(t *testing.T) {
	s := "The defence minister met his counterpart in the capital to discuss joint patrols and training."
	cases := []struct {
		name, src string
		unsure    bool
	}{
		{"unclosed paragraphs", "<p>" + s + "<p>" + s + "<div>" + s + "</div>", false},
		{"unclosed items", "<ul><li>" + s + "<li>" + s + "</ul><p>" + s, false},
		{"content after the body", "<html><body><div class=x><p>" + s + "</div></p><p>" + s + "</body></html><p>after " + s, false},
		{"cells without rows", "<table><td><p>" + s + "<td><p>" + s + "<tr><td>" + s + "</table>", false},
		{"table after a paragraph", "<!DOCTYPE html><p>" + s + "<table><tr><td>" + s + "</table>" + s, true},
		{"headings", "<h1>Head<h2>Sub</h1><p>" + s, false},
		{"metadata before the body", "<title>T</title><meta property=og:title content='O T'>" + s + "<p>" + s, false},
		{"definition lists", "<dl><dt>" + s + "<dd>" + s + "<dt>" + s + "</dl>", false},
		{"time inside furniture", "<div class=sidebar><p>" + s + "<time datetime=2024-05-01>x</time></div><article><p>" + s + "</p></article>", false},
		{"stray end tags", "<span>" + s + "</div>" + s + "</span></p>" + s, false},
		{"svg", "<svg><path/><text>x</text></svg><p>" + s, false},
		{"unclosed head", "<head><title>T</title><div>" + s + "</div>", false},
		{"comment and breaks", "<div><p>" + s + "<!-- c --> more " + s + "</p><br>" + s + "</br>" + s + "</div>", false},
		{"form left with its paragraph open", "<form><p>" + s + "</form><p>" + s, true},
		{"form", "<form><input name=q></form><p>" + s, false},
		{"bold around a block", "<div><b><p>" + s + "</b> tail " + s + "</p></div>", true},
		{"link left open", "<p><a href=/x>" + s + "<p>" + s, true},
		{"text in a table", "<table>" + s + "<tr><td>" + s + "</table>", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, _, unsure := buildTree(c.src)
			if unsure != c.unsure {
				t.Errorf("unsure %v, want %v", unsure, c.unsure)
			}
			if !unsure {
				if got, want := readTree(root), parsed(t, c.src); !sameDoc(got, want) {
					t.Errorf("the builder's tree reads\n  %q %q\nthe parser's\n  %q %q", got.heading, got.blocks, want.heading, want.blocks)
				}
			}
		})
	}
}

// TestTreeTagSoup checks random tag soup: what the builder reads alone
// (the pages it is sure of) or hands to the parser reads as the parser's
// tree does. The second vocabulary has no formatting, table, form or
// select tags, so that most of its soups are read by the builder alone.
func TestTreeTagSoup(t *testing.T) {
	vocabularies := [][]string{
		{"p", "div", "li", "ul", "a", "b", "span", "h1", "h2", "br", "article", "section", "nav",
			"em", "blockquote", "dl", "dt", "dd", "header", "i", "strong", "font", "table", "tr", "td", "form", "select", "option"},
		{"p", "div", "li", "ul", "ol", "span", "h1", "h2", "h3", "br", "article", "section", "nav", "aside",
			"blockquote", "dl", "dt", "dd", "header", "footer", "main", "pre", "figure", "figcaption", "label"},
	}
	const words = "The minister of defence met his counterpart in the capital to discuss joint patrols and training today"
	const soups = 3000
	seed := uint32(7)
	rnd := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	for _, tags := range vocabularies {
		sure := 0
		for k := 0; k < soups; k++ {
			var sb strings.Builder
			if rnd(2) == 0 {
				sb.WriteString("<!DOCTYPE html>")
			}
			for i := 0; i < 40; i++ {
				switch rnd(4) {
				case 0:
					sb.WriteString("<" + tags[rnd(len(tags))] + ">")
				case 1:
					sb.WriteString("</" + tags[rnd(len(tags))] + ">")
				default:
					sb.WriteString(words[rnd(30):] + " ")
				}
			}
			src := sb.String()
			got, want := readHTML(src), parsed(t, src)
			if len(want.blocks) == 0 {
				continue // read tag by tag
			}
			want.addHeadline()
			if !reflect.DeepEqual(got.blocks, want.blocks) || got.heading != want.heading {
				t.Fatalf("%q:\nread   %q\nparser %q", src, got.blocks, want.blocks)
			}
			if _, _, u := buildTree(src); !u {
				sure++
			}
		}
		t.Logf("%d soups, %d read without the parser", soups, sure)
	}
}
