package clean

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlDoc is what the HTML reader finds in a page.
type htmlDoc struct {
	blocks    []string
	published time.Time
	lang      string
	heading   string   // the first <h1> outside page furniture
	title     string   // the <title>
	ogTitle   string   // og:title or twitter:title
	siteName  string   // og:site_name or application-name
	warnings  []string // what the reader could not read as it should
}

// skipTags never hold article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Iframe: true,
	atom.Svg: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Template: true, atom.Figcaption: true, atom.Head: true, atom.Menu: true,
	atom.Input: true, atom.Label: true, atom.Object: true, atom.Video: true, atom.Audio: true,
}

// junkMarks in a class or id mark page furniture.
var junkMarks = []string{"nav", "navbar", "navigation", "menu", "sidebar", "widget-area", "footer", "comment", "share", "social",
	"related", "cookie", "consent", "newsletter", "breadcrumb", "widget", "advert", "promo",
	"subscribe", "popup", "modal", "banner", "tags", "author-box", "byline", "masthead",
	"toolbar", "pagination", "recommend", "trending", "most-read", "popular", "sponsor", "outbrain", "taboola", "footer", "share", "sharing", "social", "comment", "disqus", "ad", "ads", "advertisement", "cookies", "gdpr"}

// contentMarks in a class or id mark the article body (they override junk).
var contentMarks = []string{"article-body", "article__body", "entry-content", "post-content",
	"story-body", "article-content", "articlebody", "main-content", "td-post-content", "post-body"}

var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Div: true, atom.Section: true,
	atom.Article: true, atom.Td: true, atom.Pre: true, atom.Dd: true, atom.Dt: true, atom.Br: true,
	atom.Tr: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Main: true, atom.Header: true,
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasMark reports a class, id or role that names one of the marks: as a
// whole word of it ("comment", "comments", "comment-form"), never inside a
// longer word ("commentary"); marks with a hyphen match as written.
func hasMark(n *html.Node, marks []string) bool {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "role"))
	if strings.TrimSpace(s) == "" {
		return false
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' })
	for _, m := range marks {
		if strings.Contains(m, "-") {
			if strings.Contains(s, m) {
				return true
			}
			continue
		}
		for _, w := range words {
			if w == m || w == m+"s" {
				return true
			}
		}
	}
	return false
}

func isJunk(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return n.Type == html.CommentNode
	}
	if skipTags[n.DataAtom] {
		return true
	}
	if attr(n, "hidden") != "" || strings.Contains(strings.ReplaceAll(attr(n, "style"), " ", ""), "display:none") {
		return true
	}
	return hasMark(n, junkMarks) && !hasMark(n, contentMarks) && n.DataAtom != atom.Body && n.DataAtom != atom.Article
}

// readHTML reads a page's tree and returns its main text blocks and
// metadata. The tree comes from buildTree; a page that needs a repair only
// the HTML parser makes is parsed again by it (unless the parser rejects
// it: nested deeper than it allows). A tree that yields no text is read
// tag by tag. Each fallback is reported in the warnings.
func readHTML(src string) htmlDoc {
	root, warnings, unsure := buildTree(src)
	if unsure {
		parsed, err := html.Parse(strings.NewReader(src))
		if err == nil {
			root, warnings = parsed, nil
		} else {
			warnings = append(warnings, fmt.Sprintf("html: misnested tags the parser would repair, but it rejects the page (%v): read without those repairs", err))
		}
	}
	doc := readTree(root)
	doc.warnings = append(doc.warnings, warnings...)
	if len(doc.blocks) == 0 {
		if tk := readTokens(src); len(tk.blocks) > 0 {
			doc.blocks = tk.blocks
			doc.warnings = append(doc.warnings, "html: the page's tree holds no body text: text read tag by tag")
			doc.warnings = append(doc.warnings, tk.warnings...)
		}
	}
	doc.addHeadline()
	return doc
}

// readTree reads a parsed page: its metadata, the blocks of its main
// content and its first heading.
func readTree(root *html.Node) htmlDoc {
	var doc htmlDoc
	var body *html.Node
	var articles []*html.Node
	var walkMeta func(*html.Node)
	walkMeta = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				doc.lang = strings.ToLower(attr(n, "lang"))
			case atom.Meta:
				doc.meta(attr(n, "property")+attr(n, "name")+attr(n, "itemprop"), attr(n, "content"))
			case atom.Time:
				if doc.published.IsZero() {
					doc.published = parseTime(attr(n, "datetime"))
				}
			case atom.Title:
				if n.FirstChild != nil && doc.title == "" {
					doc.title = strings.TrimSpace(n.FirstChild.Data)
				}
			case atom.Body:
				body = n
			case atom.Article:
				articles = append(articles, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walkMeta(c)
		}
	}
	walkMeta(root)
	if body == nil {
		body = root
	}
	main := bestContainer(body, articles)
	doc.blocks = collectBlocks(main)
	doc.heading = firstHeading(body)
	return doc
}

// meta records what one <meta> element says about the page.
func (d *htmlDoc) meta(key, content string) {
	key = strings.ToLower(key)
	switch {
	case d.published.IsZero() && isDateMeta(key):
		d.published = parseTime(content)
	case (key == "og:title" || key == "twitter:title") && d.ogTitle == "":
		d.ogTitle = strings.Join(strings.Fields(content), " ")
	case (key == "og:site_name" || key == "application-name") && d.siteName == "":
		d.siteName = strings.Join(strings.Fields(content), " ")
	}
}

func isDateMeta(key string) bool {
	switch key {
	case "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
		"publishdate", "dc.date", "dc.date.issued", "sailthru.date", "article.published", "parsely-pub-date":
		return true
	}
	return false
}

func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if len(s) >= len(layout) && layout == "2006-01-02" {
			s = s[:10]
		}
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// bestContainer picks the element holding the article: the <article> with
// the most paragraph text, else the element whose direct paragraphs carry
// the most text with the fewest links.
func bestContainer(body *html.Node, articles []*html.Node) *html.Node {
	var best *html.Node
	bestScore := 0
	for _, a := range articles {
		if s := paragraphText(a); s > bestScore && !isJunkAncestor(a) {
			best, bestScore = a, s
		}
	}
	if best != nil && bestScore > 200 {
		return best
	}
	scores := map[*html.Node]int{}
	var order []*html.Node // scored elements in the order first met: ties go to the first
	score := func(n *html.Node, s int) {
		if _, ok := scores[n]; !ok {
			order = append(order, n)
		}
		scores[n] += s
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if isJunk(n) {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Pre || n.DataAtom == atom.Blockquote) {
			text, link := textLen(n)
			if text > 25 && link*2 < text {
				if p := n.Parent; p != nil {
					score(p, text)
					if g := p.Parent; g != nil {
						score(g, text/2)
					}
				}
			}
		}
		// Text held directly by a div (sites that use <br> instead of <p>).
		if n.Type == html.ElementNode && n.DataAtom == atom.Div {
			direct := 0
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					direct += len(strings.TrimSpace(c.Data))
				}
			}
			if direct > 100 {
				score(n, direct)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
	for _, n := range order {
		if s := scores[n]; s > bestScore {
			best, bestScore = n, s
		}
	}
	if best == nil {
		return body
	}
	return best
}

func isJunkAncestor(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if isJunk(p) {
			return true
		}
	}
	return false
}

func paragraphText(n *html.Node) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if isJunk(n) {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			t, l := textLen(n)
			if l*2 < t {
				total += t
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return total
}

// textLen returns the length of the text under n and of its link text.
func textLen(n *html.Node) (text, link int) {
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		if isJunk(n) {
			return
		}
		if n.Type == html.TextNode {
			l := len(strings.TrimSpace(n.Data))
			text += l
			if inLink {
				link += l
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			inLink = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return
}

// collectBlocks returns the text of n split at block elements, skipping
// junk and link lists.
func collectBlocks(n *html.Node) []string {
	var blocks []string
	var cur strings.Builder
	flush := func() {
		s := strings.Join(strings.Fields(cur.String()), " ")
		if s != "" {
			blocks = append(blocks, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if isJunk(n) {
			return
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.DataAtom == atom.Li || n.DataAtom == atom.Ul || n.DataAtom == atom.Ol {
				if t, l := textLen(n); l*2 >= t {
					return // a list of links
				}
			}
			if blockTags[n.DataAtom] {
				flush()
				defer flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return blocks
}

func firstHeading(body *html.Node) string {
	var h string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if isJunk(n) {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			var b strings.Builder
			var text func(*html.Node)
			text = func(n *html.Node) {
				if isJunk(n) {
					return // a share button or a hidden label inside the heading
				}
				if n.Type == html.TextNode {
					b.WriteString(n.Data)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					text(c)
				}
			}
			text(n)
			h = strings.Join(strings.Fields(b.String()), " ")
			return h != ""
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(body)
	return h
}
