package clean

import (
	"strings"

	"pactwatch/internal/token"
)

// titleSeparators part a page title from the site's name, strongest first.
// A dash may also join two names in a headline ("Kenya - Somalia talks"),
// so a site name before a dash is cut only when the page names its site.
var titleSeparators = []struct {
	sep    string
	prefix bool // a site name may also come first
}{
	{" | ", true}, {" :: ", true}, {" » ", true}, {" • ", true}, {" · ", true},
	{" – ", false}, {" — ", false}, {" - ", false},
}

// minHeadlineWords is the fewest words a title used as the headline may
// have: fewer is a site's or section's name ("World news | Daily Star").
const minHeadlineWords = 4

// maxSiteWords is the most words a site name cut without the page naming
// its site may have.
const maxSiteWords = 4

// addHeadline puts the page's headline first: its <h1>, or when it has
// none (a headline set as <h2> outside the body's container), its og:title
// or <title> without the site name. A page with no text at all keeps its
// bare title.
func (d *htmlDoc) addHeadline() {
	h := d.heading
	if h == "" {
		if h = headline(d.ogTitle, d.siteName); h == "" {
			h = headline(d.title, d.siteName)
		}
	}
	switch {
	case h != "":
		if !hasBlock(d.blocks, h) {
			d.blocks = append([]string{h}, d.blocks...)
		}
	case len(d.blocks) == 0 && d.title != "":
		d.blocks = []string{d.title}
	}
}

// headline returns a page title without the site's name, or "" when what
// is left is too short to be a headline (a bare site or section name).
func headline(title, site string) string {
	t := strings.Join(strings.Fields(title), " ")
	if t == "" {
		return ""
	}
	t = cutSiteName(t, site)
	if len(token.Split(t)) < minHeadlineWords {
		return ""
	}
	return t
}

// cutSiteName removes a site name set before or after a title with one of
// the separators: the name the page gives (og:site_name), or else the
// shorter side when it has at most maxSiteWords words.
func cutSiteName(t, site string) string {
	if site != "" {
		for _, s := range titleSeparators {
			if i := strings.Index(t, s.sep); i >= 0 && sameWords(t[:i], site) {
				return strings.TrimSpace(t[i+len(s.sep):])
			}
			if j := strings.LastIndex(t, s.sep); j >= 0 && sameWords(t[j+len(s.sep):], site) {
				return strings.TrimSpace(t[:j])
			}
		}
	}
	for _, s := range titleSeparators {
		i, j := strings.Index(t, s.sep), strings.LastIndex(t, s.sep)
		if i < 0 {
			continue
		}
		switch {
		case shortName(t[j+len(s.sep):], t[:j]):
			return strings.TrimSpace(t[:j])
		case s.prefix && shortName(t[:i], t[i+len(s.sep):]):
			return strings.TrimSpace(t[i+len(s.sep):])
		}
		return t // a separator inside the headline itself
	}
	return t
}

// shortName reports a side that can be a site name next to the rest.
func shortName(side, rest string) bool {
	n := len(token.Split(side))
	return n > 0 && n <= maxSiteWords && n < len(token.Split(rest))
}

// sameWords compares two texts by their folded words.
func sameWords(a, b string) bool {
	return lineKey(token.Split(a)) == lineKey(token.Split(b))
}

// hasBlock reports a block with the same words as s.
func hasBlock(blocks []string, s string) bool {
	key := lineKey(token.Split(s))
	for _, b := range blocks {
		// folding keeps a text within twice its length: skip the rest
		if len(b) > 2*len(s)+8 || 2*len(b)+8 < len(s) {
			continue
		}
		if strings.EqualFold(b, s) || lineKey(token.Split(b)) == key {
			return true
		}
	}
	return false
}
