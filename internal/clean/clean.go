package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/lexicon"
	"pactwatch/internal/page"
	"pactwatch/internal/source"
	"pactwatch/internal/token"
)

// Cleaner holds the page-furniture cues of every language.
type Cleaner struct {
	cues token.Trie[bool] // true: the line starts with it; false: anywhere
}

// New builds a Cleaner from the boilerplate lines of every lexicon: a page's
// furniture is often in another language than its body.
func New(lx *lexicon.Set) *Cleaner {
	c := &Cleaner{}
	for _, l := range lx.Langs() {
		for _, e := range lx.Get(l).Boilerplate {
			c.cues.AddPhrase(e.Text, e.Value != "contains")
		}
	}
	return c
}

// lineKey folds a line's words into the key that finds repeats.
func lineKey(toks []token.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Key)
	}
	return b.String()
}

// Clean fills p.Blocks (and p.Published, p.LangHint for HTML pages).
func (c *Cleaner) Clean(p *page.Page) {
	var raw []page.Block
	if p.HTML {
		doc := readHTML(p.Source)
		if p.Published.IsZero() && !doc.published.IsZero() {
			p.Published, p.From = doc.published, source.OriginMetadata
		}
		if doc.lang != "" {
			p.LangHint = doc.lang
		}
		for _, b := range doc.blocks {
			raw = append(raw, page.Block{Text: b, Offset: -1})
		}
	} else {
		raw = lines(p.Source)
	}
	p.Blocks = c.filter(raw)
}

// lines splits plain text into trimmed non-empty lines with offsets.
func lines(s string) []page.Block {
	var out []page.Block
	off := 0
	for off <= len(s) {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s) - off
		}
		line := s[off : off+end]
		trimmed := strings.TrimSpace(line)
		if trimmed != "" {
			lead := strings.Index(line, trimmed)
			out = append(out, page.Block{Text: trimmed, Offset: off + lead})
		}
		off += end + 1
	}
	return out
}

var (
	// view counters: "Visited 169 times", "1 234 vues", "Просмотров: 532",
	// "1 500 مشاهدة" (no \b: it only knows ASCII letters)
	counterRe = regexp.MustCompile(`(?i)^(visited|viewed|vu|lu|vues?|views?|visto|visitas?|просмотр\S*|görüntülenme|okunma|imetazamwa|مشاهدات)(\s|:).*\d|^\d[\d\s.,]*\s*(views?|vues?|visites?|lectures?|vistas|visualizações|просмотр\S*|görüntülenme|مشاهدة|مشاهدات|زيارة)(\s|$|[.,])|^\S{3,20}:\s*\d[\d\s.,]*$`)
	creditRe  = regexp.MustCompile(`(?i)^(photo|crédit|credit|foto|фото|صورة|الصورة|kaynak|source|fonte|fuente|источник|المصدر)\s*(:|©|–|-)|©|\(c\)\s*\d{4}|^(by|par|por|de|автор|بقلم)\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,3}\s*$`)
	crumbRe   = regexp.MustCompile(`^[^.!?؟]{0,120}(»|›|>>|\s/\s)[^.!?؟]{0,120}$`)
)

// filter drops furniture and duplicate blocks.
func (c *Cleaner) filter(in []page.Block) []page.Block {
	seen := map[string]bool{}
	var out []page.Block
	for _, b := range in {
		text := strings.Join(strings.Fields(b.Text), " ")
		toks := token.Split(text)
		if c.isFurniture(text, toks) {
			continue
		}
		key := lineKey(toks)
		if key == "" || seen[key] {
			continue // a repeated headline or paragraph
		}
		seen[key] = true
		if text != b.Text {
			b.Offset = -1
		}
		b.Text = text
		out = append(out, b)
	}
	return out
}

func (c *Cleaner) isFurniture(line string, toks []token.Token) bool {
	if !hasLetters(line, 2) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, "\"”»’)] "))
	sentence := len(toks) >= 6 && strings.ContainsRune(".!?؟", last)
	for i := range toks {
		for _, m := range c.cues.MatchAt(toks, i) {
			for _, atStart := range m.Vals {
				// a line that starts with "Partager"/"Visited by" but reads as a
				// full sentence is body text; "Lire aussi : titre" is not
				if !atStart || (i == 0 && !sentence) {
					return true
				}
			}
		}
	}
	if n := utf8.RuneCountInString(line); n < 120 {
		if n < 80 && counterRe.MatchString(line) || creditRe.MatchString(line) {
			return true
		}
	}
	if !strings.ContainsAny(line, ".!?؟") && crumbRe.MatchString(line) {
		return true
	}
	return isSpamRun(line)
}

func hasLetters(s string, n int) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			n--
			if n <= 0 {
				return true
			}
		}
	}
	return false
}

// isSpamRun spots glued keyword runs ("casinogirişcasino…") and lines that
// repeat the same few words over and over.
func isSpamRun(line string) bool {
	words := strings.Fields(line)
	for _, w := range words {
		if utf8.RuneCountInString(w) > 40 && !strings.Contains(w, "/") {
			return true
		}
	}
	if len(words) >= 8 {
		uniq := map[string]bool{}
		for _, w := range words {
			uniq[strings.ToLower(w)] = true
		}
		if len(uniq)*3 < len(words) {
			return true
		}
	}
	return false
}
