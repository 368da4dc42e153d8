package clean

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// treeDepth is how deep buildTree lets elements nest in the tree; deeper
// ones are placed beside the deepest (still closed by their own end tags).
// Real articles need a few dozen levels.
const treeDepth = 512

// openElem is an element the tree builder has open: node is nil for an
// element inside furniture, whose tag is followed only to find its end.
type openElem struct {
	name  string // lower-case tag name
	a     atom.Atom
	node  *html.Node
	level int  // the node's depth in the tree
	junk  bool // furniture, or inside it
}

// treeBuilder builds the part of a page's tree the reader looks at, from
// the tokenizer alone. It keeps every element outside furniture and, inside
// furniture, only <meta>, <time> and <title> (the reader takes metadata from
// anywhere); it closes elements as the HTML parser's common repairs do
// (a block start closes an open <p>, <li> closes the previous item, an end
// tag closes the open elements inside its own, a stray end tag that would
// cross a block is ignored) without the parser's rarer repairs (reopened
// formatting elements, content moved out of tables) and without its limit
// on nesting. It reads a page in about a third of the parser's time.
type treeBuilder struct {
	z          *html.Tokenizer
	nameBuf    []byte // the current tag's lower-cased name (tagName)
	root       *html.Node
	html, head *html.Node
	body       *html.Node
	open       []openElem
	doctype    bool // a <!DOCTYPE>: no quirks mode, a <table> closes a <p>
	foreign    int  // open <svg> and <math>: their self-closing tags close
	selects    int  // open <select>: the parser ignores most tags inside
	tables     int  // open <table>: outside one, the parser ignores rows and cells
	formOpen   bool // a <form> not yet closed by its own end tag: the parser ignores another
	deep       int  // elements placed beside the deepest, beyond treeDepth
	// unsure: the page needs a repair the builder does not make (a
	// formatting element closed around a block or by another's end, a
	// table holding text or a <p> when it starts, a form inside a form,
	// tags inside a <select>); the parser should read it.
	unsure bool
}

// buildTree reads src into a tree: a document node holding <html>, itself
// holding <head> and <body>, as the parser makes them. It returns warnings
// for what it had to read in another shape, and whether the page needs a
// repair only the parser makes.
func buildTree(src string) (*html.Node, []string, bool) {
	b := &treeBuilder{z: html.NewTokenizer(strings.NewReader(src))}
	b.root = &html.Node{Type: html.DocumentNode}
	b.html = b.element(b.root, atom.Html, "html")
	b.open = append(b.open, openElem{name: "html", a: atom.Html, node: b.html, level: 1})
	for {
		tt := b.z.Next()
		switch tt {
		case html.ErrorToken:
			b.ensureBody()
			var warnings []string
			if b.deep > 0 {
				warnings = append(warnings, fmt.Sprintf("html: %d element(s) nested deeper than %d levels placed beside the deepest", b.deep, treeDepth))
			}
			return b.root, warnings, b.unsure
		case html.DoctypeToken:
			b.doctype = true
		case html.CommentToken:
			if p, _ := b.parent(); !b.inJunk() {
				p.AppendChild(&html.Node{Type: html.CommentNode, Data: string(b.z.Text())})
			}
		case html.TextToken:
			b.text(b.z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			b.start(tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			b.end()
		}
	}
}

func (b *treeBuilder) element(parent *html.Node, a atom.Atom, name string) *html.Node {
	n := &html.Node{Type: html.ElementNode, DataAtom: a, Data: name}
	parent.AppendChild(n)
	return n
}

// parent is the innermost open element that has a node, and its level.
func (b *treeBuilder) parent() (*html.Node, int) {
	for i := len(b.open) - 1; i >= 0; i-- {
		if b.open[i].node != nil {
			return b.open[i].node, b.open[i].level
		}
	}
	return b.html, 1
}

// place appends a new element to the innermost open element with a node
// and returns its level; past treeDepth it goes beside that element.
func (b *treeBuilder) place(n *html.Node) int {
	p, level := b.parent()
	if level >= treeDepth && p.Parent != nil {
		b.deep++
		p, level = p.Parent, level-1
	}
	p.AppendChild(n)
	return level + 1
}

func (b *treeBuilder) inJunk() bool { return b.open[len(b.open)-1].junk }

// ensureBody opens <body> when content starts without one, closing <head>.
func (b *treeBuilder) ensureBody() {
	if b.body != nil {
		return
	}
	b.popTo(0)
	b.body = b.element(b.html, atom.Body, "body")
	b.open = append(b.open, openElem{name: "body", a: atom.Body, node: b.body, level: 2})
}

// popTo closes the open elements above position i (keeping i).
func (b *treeBuilder) popTo(i int) {
	for len(b.open) > i+1 {
		top := b.open[len(b.open)-1]
		if formatting[top.a] {
			b.unsure = true // the parser would reopen it in what follows
		}
		switch top.a {
		case atom.Svg, atom.Math:
			b.foreign--
		case atom.Select:
			b.selects--
		case atom.Table:
			b.tables--
		}
		b.open = b.open[:len(b.open)-1]
	}
}

func (b *treeBuilder) text(raw []byte) {
	if b.body == nil {
		top := b.open[len(b.open)-1].a
		if top != atom.Title && top != atom.Script && top != atom.Style && top != atom.Noscript && top != atom.Noframes && top != atom.Template {
			raw = bytes.TrimLeft(raw, " \t\n\f\r")
			if len(raw) == 0 {
				return
			}
			b.ensureBody()
		}
	}
	top := b.open[len(b.open)-1]
	if inTable(top.a) && len(bytes.TrimSpace(raw)) > 0 {
		b.unsure = true
	}
	if top.junk && top.a != atom.Title {
		return
	}
	p, _ := b.parent()
	if c := p.LastChild; c != nil && c.Type == html.TextNode {
		c.Data += string(raw)
		return
	}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: string(raw)})
}

// formatting elements are the ones the parser reopens when a block closes
// them and moves around blocks when they are closed.
var formatting = map[atom.Atom]bool{
	atom.A: true, atom.B: true, atom.Big: true, atom.Code: true, atom.Em: true, atom.Font: true,
	atom.I: true, atom.Nobr: true, atom.S: true, atom.Small: true, atom.Strike: true,
	atom.Strong: true, atom.Tt: true, atom.U: true,
}

// tableParts may stand directly in a table; anything else the parser moves
// out of it.
var tableParts = map[atom.Atom]bool{
	atom.Caption: true, atom.Colgroup: true, atom.Col: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Script: true,
	atom.Style: true, atom.Template: true,
}

func inTable(a atom.Atom) bool {
	return a == atom.Table || a == atom.Tbody || a == atom.Thead || a == atom.Tfoot || a == atom.Tr
}

// readAttrs are the attributes the reader looks at; the others are not
// kept.
var readAttrs = map[string]bool{
	"class": true, "id": true, "role": true, "style": true, "hidden": true, "lang": true,
	"property": true, "name": true, "itemprop": true, "content": true, "datetime": true,
}

// headTags may stand in <head>.
var headTags = map[atom.Atom]bool{
	atom.Base: true, atom.Basefont: true, atom.Bgsound: true, atom.Link: true, atom.Meta: true,
	atom.Title: true, atom.Noscript: true, atom.Noframes: true, atom.Style: true, atom.Script: true,
	atom.Template: true,
}

// closesP are the start tags that close an open <p>.
var closesP = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Center: true,
	atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Header: true,
	atom.Hgroup: true, atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Section: true, atom.Summary: true, atom.Ul: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Pre: true, atom.Listing: true, atom.Form: true,
	atom.Li: true, atom.Dd: true, atom.Dt: true, atom.Plaintext: true, atom.Hr: true, atom.Xmp: true,
}

// special elements stop a stray end tag and an item's search for the
// previous item (the parser's "special" category).
var special = map[atom.Atom]bool{
	atom.Address: true, atom.Applet: true, atom.Area: true, atom.Article: true, atom.Aside: true,
	atom.Base: true, atom.Basefont: true, atom.Bgsound: true, atom.Blockquote: true, atom.Body: true,
	atom.Br: true, atom.Button: true, atom.Caption: true, atom.Center: true, atom.Col: true,
	atom.Colgroup: true, atom.Dd: true, atom.Details: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Embed: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.Frame: true, atom.Frameset: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Head: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Iframe: true, atom.Img: true, atom.Input: true,
	atom.Keygen: true, atom.Li: true, atom.Link: true, atom.Listing: true, atom.Main: true,
	atom.Marquee: true, atom.Menu: true, atom.Meta: true, atom.Nav: true, atom.Noembed: true,
	atom.Noframes: true, atom.Noscript: true, atom.Object: true, atom.Ol: true, atom.P: true,
	atom.Param: true, atom.Plaintext: true, atom.Pre: true, atom.Script: true, atom.Section: true,
	atom.Select: true, atom.Source: true, atom.Style: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Td: true, atom.Template: true, atom.Textarea: true, atom.Tfoot: true,
	atom.Th: true, atom.Thead: true, atom.Title: true, atom.Tr: true, atom.Track: true, atom.Ul: true,
	atom.Wbr: true, atom.Xmp: true,
}

// scopeEnds bound the search for an open <p>, cell or row.
var scopeEnds = map[atom.Atom]bool{
	atom.Applet: true, atom.Caption: true, atom.Html: true, atom.Table: true, atom.Td: true,
	atom.Th: true, atom.Marquee: true, atom.Object: true, atom.Template: true, atom.Button: true,
}

// listScopeEnds bound the search for an open list item.
var listScopeEnds = map[atom.Atom]bool{
	atom.Applet: true, atom.Caption: true, atom.Html: true, atom.Table: true, atom.Td: true,
	atom.Th: true, atom.Marquee: true, atom.Object: true, atom.Template: true, atom.Ol: true, atom.Ul: true,
}

// tableScopeEnds bound the search for an open row or cell.
var tableScopeEnds = map[atom.Atom]bool{atom.Html: true, atom.Table: true, atom.Template: true}

func isHeading(a atom.Atom) bool {
	return a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4 || a == atom.H5 || a == atom.H6
}

// inScope returns the position of the innermost open element that match
// accepts, looking no further than an element that ends a scope, or -1.
func (b *treeBuilder) inScope(match func(atom.Atom) bool, ends map[atom.Atom]bool) int {
	for i := len(b.open) - 1; i > 0; i-- {
		a := b.open[i].a
		if match(a) {
			return i
		}
		if ends[a] {
			return -1
		}
	}
	return -1
}

func is(x atom.Atom) func(atom.Atom) bool { return func(a atom.Atom) bool { return a == x } }

// closeP closes an open <p> in scope.
func (b *treeBuilder) closeP() {
	if i := b.inScope(is(atom.P), scopeEnds); i >= 0 {
		b.popTo(i - 1)
	}
}

// closeItem closes the previous list item of the same list (<li>; <dd>
// or <dt>), unless a block other than <address>, <div> or <p> stands
// between.
func (b *treeBuilder) closeItem(item func(atom.Atom) bool) {
	for i := len(b.open) - 1; i > 0; i-- {
		a := b.open[i].a
		if item(a) {
			b.popTo(i - 1)
			return
		}
		if special[a] && a != atom.Address && a != atom.Div && a != atom.P {
			return
		}
	}
}

// tagName is a tag's name as a string: a known element's interned name,
// so that most elements cost no copy.
func tagName(a atom.Atom, name []byte) string {
	if a != 0 {
		return a.String()
	}
	return string(name)
}

// name returns the current tag's lower-cased name, read from its raw
// bytes into nameBuf: Tokenizer.TagName copies every tag's name to replace
// NULs, which only a tag holding one needs.
func (b *treeBuilder) name() []byte {
	raw := b.z.Raw()
	if bytes.IndexByte(raw, 0) >= 0 {
		name, _ := b.z.TagName()
		return name
	}
	i := 1 // after "<"
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	b.nameBuf = b.nameBuf[:0]
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.nameBuf = append(b.nameBuf, c)
	}
	return b.nameBuf
}

func (b *treeBuilder) start(selfClosing bool) {
	name := b.name()
	a := atom.Lookup(name)
	var attrs []html.Attribute
	if !b.inJunk() || a == atom.Meta || a == atom.Time { // no node is made inside furniture
		for {
			k, v, more := b.z.TagAttr()
			if k == nil && v == nil && !more {
				break // no attribute
			}
			if readAttrs[string(k)] {
				attrs = append(attrs, html.Attribute{Key: string(k), Val: string(v)})
			}
			if !more {
				break
			}
		}
	}
	switch a {
	case atom.Html:
		if b.html.Attr == nil {
			b.html.Attr = attrs
		}
		return
	case atom.Head:
		if b.head == nil && b.body == nil {
			b.head = b.element(b.html, atom.Head, "head")
			b.head.Attr = attrs
			b.open = append(b.open, openElem{name: "head", a: atom.Head, node: b.head, level: 2, junk: true})
		}
		return
	case atom.Body:
		if b.body == nil {
			b.ensureBody()
			b.body.Attr = attrs
		}
		return
	}
	switch a {
	case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th:
		if b.tables == 0 {
			return // a table's part outside a table, which the parser ignores
		}
	}
	if b.body == nil && !headTags[a] {
		b.ensureBody()
	}
	if b.body != nil && b.foreign == 0 {
		top := b.open[len(b.open)-1].a
		switch {
		case inTable(top) && !tableParts[a],
			b.selects > 0 && a != atom.Option && a != atom.Optgroup,
			a == atom.Form && b.formOpen,
			a == atom.Table && b.inScope(is(atom.P), scopeEnds) >= 0:
			b.unsure = true
		}
		b.repair(a)
	}
	if b.body != nil && b.foreign == 0 {
		b.impliedRows(a)
	}
	void := voidTags[a] || (selfClosing && b.foreign > 0)
	parentJunk := b.inJunk()
	var node *html.Node
	level := 0
	if !parentJunk || a == atom.Meta || a == atom.Time || a == atom.Title {
		node = &html.Node{Type: html.ElementNode, DataAtom: a, Data: tagName(a, name), Attr: attrs}
		level = b.place(node)
	}
	if void {
		return
	}
	junk := parentJunk || isJunk(node)
	b.open = append(b.open, openElem{name: tagName(a, name), a: a, node: node, level: level, junk: junk})
	switch a {
	case atom.Svg, atom.Math:
		b.foreign++
	case atom.Select:
		b.selects++
	case atom.Table:
		b.tables++
	case atom.Form:
		b.formOpen = true
	}
}

// repair closes what a start tag a closes, as the parser does.
func (b *treeBuilder) repair(a atom.Atom) {
	switch {
	case a == atom.Li:
		b.closeItem(is(atom.Li))
	case a == atom.Dd || a == atom.Dt:
		b.closeItem(func(x atom.Atom) bool { return x == atom.Dd || x == atom.Dt })
	case a == atom.A:
		for i := len(b.open) - 1; i > 0; i-- {
			if b.open[i].a == atom.A {
				b.popTo(i - 1)
				break
			}
			if scopeEnds[b.open[i].a] {
				break
			}
		}
	case a == atom.Td || a == atom.Th:
		if i := b.inScope(func(x atom.Atom) bool { return x == atom.Td || x == atom.Th || x == atom.Tr }, tableScopeEnds); i >= 0 && b.open[i].a != atom.Tr {
			b.popTo(i - 1)
		}
	case a == atom.Tr:
		if i := b.inScope(is(atom.Tr), tableScopeEnds); i >= 0 {
			b.popTo(i - 1)
		}
	}
	if closesP[a] || (a == atom.Table && b.doctype) {
		b.closeP()
	}
	if isHeading(a) && isHeading(b.open[len(b.open)-1].a) {
		b.popTo(len(b.open) - 2)
	}
}

// impliedRows opens the <tbody> and <tr> the parser adds when a row or a
// cell stands directly in a table.
func (b *treeBuilder) impliedRows(a atom.Atom) {
	if a != atom.Tr && a != atom.Td && a != atom.Th {
		return
	}
	top := b.open[len(b.open)-1]
	if top.a == atom.Table {
		b.push(atom.Tbody, "tbody", top.junk)
		top = b.open[len(b.open)-1]
	}
	if a != atom.Tr && (top.a == atom.Tbody || top.a == atom.Thead || top.a == atom.Tfoot) {
		b.push(atom.Tr, "tr", top.junk)
	}
}

// push opens an element the page leaves implicit.
func (b *treeBuilder) push(a atom.Atom, name string, junk bool) {
	var node *html.Node
	level := 0
	if !junk {
		node = &html.Node{Type: html.ElementNode, DataAtom: a, Data: name}
		level = b.place(node)
	}
	b.open = append(b.open, openElem{name: name, a: a, node: node, level: level, junk: junk})
}

func (b *treeBuilder) end() {
	name := b.name()
	a := atom.Lookup(name)
	if b.selects > 0 && a != atom.Option && a != atom.Optgroup && a != atom.Select ||
		a == atom.Form && b.open[len(b.open)-1].a != atom.Form {
		b.unsure = true // the parser takes a form out alone, leaving open what it holds
	}
	if a == atom.Form {
		b.formOpen = false
	}
	switch a {
	case atom.Html, atom.Body:
		return // what follows still belongs to the body, as the parser reads it
	case atom.Head:
		if b.body == nil && b.head != nil && len(b.open) > 1 && b.open[len(b.open)-1].a == atom.Head {
			b.popTo(0)
		}
		return
	case atom.Br:
		if b.body != nil && !b.inJunk() {
			b.place(&html.Node{Type: html.ElementNode, DataAtom: atom.Br, Data: "br"})
		}
		return
	case atom.P:
		if b.inScope(is(atom.P), scopeEnds) < 0 {
			if b.body != nil && !b.inJunk() {
				b.place(&html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}) // an empty paragraph, as the parser makes
			}
			return
		}
	}
	if special[a] && b.foreign == 0 {
		// A block's end tag closes what is open inside it, unless it is
		// not open in scope.
		ends := scopeEnds
		switch a {
		case atom.Li:
			ends = listScopeEnds
		case atom.Table:
			ends = map[atom.Atom]bool{atom.Html: true, atom.Template: true}
		case atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption:
			ends = tableScopeEnds
		}
		if i := b.inScope(func(x atom.Atom) bool { return x == a || (isHeading(a) && isHeading(x)) }, ends); i >= 0 {
			b.popTo(i - 1)
		}
		return
	}
	for i := len(b.open) - 1; i > 0; i-- {
		e := b.open[i]
		if e.name == string(name) {
			if formatting[a] {
				b.open[i].a = 0 // closed by its own end tag
			}
			b.popTo(i - 1)
			return
		}
		if formatting[a] && special[e.a] {
			b.unsure = true // the parser moves the block out of it
		}
		if special[e.a] && b.foreign == 0 {
			return // a stray end tag
		}
	}
}
