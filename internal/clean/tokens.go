package clean

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// voidTags never hold content and are never closed.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Keygen: true, atom.Link: true,
	atom.Meta: true, atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// openStack holds the elements open at a point of a page, outermost
// first, and where each name is open, so that an end tag finds the element
// it closes without a search.
type openStack[T any] struct {
	items []T
	names []string
	at    map[string][]int // positions in items by name, innermost last
}

func (s *openStack[T]) len() int { return len(s.items) }

func (s *openStack[T]) push(name string, v T) {
	if s.at == nil {
		s.at = map[string][]int{}
	}
	s.at[name] = append(s.at[name], len(s.items))
	s.items, s.names = append(s.items, v), append(s.names, name)
}

// pop removes the innermost element and returns it.
func (s *openStack[T]) pop() T {
	n := len(s.items) - 1
	v, name := s.items[n], s.names[n]
	s.items, s.names = s.items[:n], s.names[:n]
	pos := s.at[name]
	s.at[name] = pos[:len(pos)-1]
	return v
}

// find returns the position of the innermost open element named name, or
// -1.
func (s *openStack[T]) find(name string) int {
	if pos := s.at[name]; len(pos) > 0 {
		return pos[len(pos)-1]
	}
	return -1
}

// tokenFrame is one open element as the token reader sees it.
type tokenFrame struct {
	junk bool // furniture: its text is skipped
	link bool // an <a>
}

// readTokens reads a page tag by tag, for pages the parser rejects: it
// keeps the metadata, the first heading and the text outside furniture,
// split at block elements, without the parser's repair of broken markup
// or its limit on nesting. Blocks made mostly of link text are left out.
func readTokens(src string) htmlDoc {
	var doc htmlDoc
	z := html.NewTokenizer(strings.NewReader(src))
	var open openStack[tokenFrame]
	junk, links := 0, 0 // open junk elements and links
	var cur, heading strings.Builder
	curLen, linkLen := 0, 0
	inHeading, inTitle := false, false
	flush := func() {
		s := strings.Join(strings.Fields(cur.String()), " ")
		if s != "" && linkLen*2 < curLen {
			doc.blocks = append(doc.blocks, s)
		}
		cur.Reset()
		curLen, linkLen = 0, 0
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				doc.warnings = append(doc.warnings, fmt.Sprintf("html tokens: %v", err))
			}
			flush()
			return doc
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			switch a {
			case atom.Html:
				doc.lang = strings.ToLower(attrs["lang"])
			case atom.Meta:
				doc.meta(attrs["property"]+attrs["name"]+attrs["itemprop"], attrs["content"])
			case atom.Time:
				if doc.published.IsZero() {
					doc.published = parseTime(attrs["datetime"])
				}
			case atom.Title:
				inTitle = doc.title == "" && tt == html.StartTagToken
			}
			if blockTags[a] && junk == 0 {
				flush()
			}
			// <head> is not pushed: pages may leave it open, and what it
			// holds is metadata or skipped by its own tags
			if voidTags[a] || tt == html.SelfClosingTagToken || a == atom.Head {
				continue
			}
			f := tokenFrame{junk: junkTag(a, attrs), link: a == atom.A}
			if a == atom.H1 && junk == 0 && doc.heading == "" {
				inHeading = true
			}
			open.push(string(name), f)
			if f.junk {
				junk++
			}
			if f.link {
				links++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if i := open.find(string(name)); i >= 0 {
				for open.len() > i {
					f := open.pop()
					if f.junk {
						junk--
					}
					if f.link {
						links--
					}
				}
			}
			if a == atom.H1 && inHeading {
				inHeading = false
				doc.heading = strings.Join(strings.Fields(heading.String()), " ")
			}
			if a == atom.Title {
				inTitle = false
			}
			if blockTags[a] && junk == 0 {
				flush()
			}
		case html.TextToken:
			text := string(z.Text())
			switch {
			case inTitle:
				doc.title = strings.TrimSpace(doc.title + " " + text)
			case junk > 0:
			default:
				cur.WriteString(text)
				n := len(strings.TrimSpace(text))
				curLen += n
				if links > 0 {
					linkLen += n
				}
				if inHeading {
					heading.WriteString(text)
				}
			}
		}
	}
}

// junkTag is isJunk for a tag read by the tokenizer.
func junkTag(a atom.Atom, attrs map[string]string) bool {
	if skipTags[a] {
		return true
	}
	if _, ok := attrs["hidden"]; ok || strings.Contains(strings.ReplaceAll(attrs["style"], " ", ""), "display:none") {
		return true
	}
	n := &html.Node{Type: html.ElementNode, DataAtom: a}
	for _, k := range []string{"class", "id", "role"} {
		if v, ok := attrs[k]; ok {
			n.Attr = append(n.Attr, html.Attribute{Key: k, Val: v})
		}
	}
	return hasMark(n, junkMarks) && !hasMark(n, contentMarks) && a != atom.Body && a != atom.Article
}
