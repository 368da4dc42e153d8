package clean

import (
	"regexp"
	"slices"
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
	cues    token.Trie[bool] // true: the line starts with it; false: anywhere
	stop    map[string]bool  // folded stopwords of every language
	counter *regexp.Regexp   // view counters: "Visited 169 times", "1 234 vues", "Просмотров: 532"
	credit  *regexp.Regexp   // photo and source credits, bylines: "Photo: …", "By Amina Odhiambo"
	// creditStart: the letters a credit starts with, in every case; a line
	// that starts otherwise is not matched against credit
	creditStart map[rune]bool
}

// New builds a Cleaner from the boilerplate lines of every lexicon: a page's
// furniture is often in another language than its body.
func New(lx *lexicon.Set) *Cleaner {
	c := &Cleaner{stop: map[string]bool{}, creditStart: map[rune]bool{}}
	words := map[string][]string{} // "counter before", "credit byline"... → patterns
	for _, l := range lx.Langs() {
		for _, e := range lx.Get(l).Boilerplate {
			c.cues.AddPhrase(e.Text, e.Value != "contains")
		}
		for w := range lx.Get(l).Stopwords {
			c.stop[w] = true
		}
		for _, k := range []lexicon.Kind{lexicon.Counter, lexicon.Credit} {
			for _, e := range lx.Get(l).Entries(k) {
				// a final * stands for the rest of the word: просмотр* → просмотров
				p := regexp.QuoteMeta(strings.TrimSuffix(e.Text, "*"))
				if strings.HasSuffix(e.Text, "*") {
					p += `\S*`
				}
				words[string(k)+" "+e.Value] = append(words[string(k)+" "+e.Value], p)
				if r, _ := utf8.DecodeRuneInString(e.Text); k == lexicon.Credit {
					for f := r; ; {
						c.creditStart[f] = true
						if f = unicode.SimpleFold(f); f == r {
							break
						}
					}
				}
			}
		}
	}
	oneOf := func(key string) string {
		list := slices.Sorted(slices.Values(words[key]))
		if len(list) == 0 {
			return `\x00` // matches no line
		}
		return "(?:" + strings.Join(slices.Compact(list), "|") + ")"
	}
	// no \b after a label: it knows only ASCII letters
	// every branch is anchored in one group, so that a line that does not
	// start like a counter or a credit fails at once
	c.counter = regexp.MustCompile(`(?i)^(?:` + oneOf("counter before") + `(\s|:).*\d|\d[\d\s.,]*\s*` + oneOf("counter after") +
		`(\s|$|[.,])|\S{3,20}:\s*\d[\d\s.,]*$)`)
	c.credit = regexp.MustCompile(`(?i)^(?:` + oneOf("credit label") + `\s*(:|©|–|-)|` + oneOf("credit byline") +
		`\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,3}\s*$)`)
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
		p.Warnings = append(p.Warnings, doc.warnings...)
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
	crumbRe = regexp.MustCompile(`^[^.!?؟]{0,120}(»|›|>>|\s/\s)[^.!?؟]{0,120}$`)
)

// filter drops furniture and duplicate blocks. A long block (a page
// written without line breaks) is judged segment by segment, so that one
// menu or "Read also" link in it does not take the news with it.
func (c *Cleaner) filter(in []page.Block) []page.Block {
	seen := map[string]bool{} // the keys of the lines kept
	met := map[string]bool{}  // the texts of the short lines judged
	var out []page.Block
	// toks are text's own words, or nil when they were split from
	// another form of it
	add := func(b page.Block, text string, toks []token.Token, key string, own bool) {
		if key == "" || seen[key] {
			return // a repeated headline or paragraph
		}
		seen[key] = true
		if text != b.Text {
			b.Offset = -1
		}
		b.Text, b.Toks = text, nil
		if own {
			b.Toks = toks
		}
		out = append(out, b)
	}
	list := false // the lines just before were a short furniture line and its list
	for bi, b := range in {
		if list && listHeadline(b.Text) {
			continue // "Baca juga:" then "- Kemhan Targetkan …": a list of related headlines
		}
		list = false
		if len(b.Text) > maxLine && utf8.RuneCountInString(b.Text) > maxLine {
			for _, r := range c.longLine(b) {
				// r.toks count from the long block's start: not the run's own
				add(r.Block, token.Unconfuse(token.Squeeze(r.Text)), r.toks, lineKey(r.toks), false)
			}
			continue
		}
		// look-alike letters inside a word ("Kеnya" with a Cyrillic е) are
		// written in the word's own script
		text := token.Unconfuse(token.Squeeze(b.Text))
		// a line met before is not split nor judged again: the same text
		// gets the same verdict (a repeated headline, menu or link)
		if met[text] {
			continue
		}
		met[text] = true
		toks := token.Split(text)
		key := lineKey(toks)
		if seen[key] {
			continue
		}
		if bulletHeadline(text) && datedEntry(text) && bi+1 < len(in) && bodyText(in[bi+1].Text) {
			// "■11/16（月） 日豪比、南シナ海で海上協同活動" over its paragraph:
			// the heading of a dated entry of a timeline, not a related link
			add(b, text, toks, key, true)
			continue
		}
		if c.isFurniture(text, toks, text) {
			// a label may open a block that goes on with the article
			// ("Yayınlanma tarihi: 12 Mart 2026. Türkiye …", a text file of
			// one line): its segments are judged one by one (a block of one
			// segment gets the verdict it got whole)
			if len(toks) >= 8 && strings.ContainsAny(strings.TrimRight(text, ".!?…؟。 "), ".!?…؟。") {
				kept := false
				for _, r := range c.longLine(b) {
					if fullSentence(r.Text, r.toks) {
						add(r.Block, token.Unconfuse(token.Squeeze(r.Text)), r.toks, lineKey(r.toks), false)
						kept = true
					}
				}
				if kept {
					continue
				}
			}
			list = len(toks) <= 4 // a label ("Read also:", "LEGGI ANCHE") may open a list
			continue
		}
		add(b, text, toks, key, true)
	}
	return out
}

// maxLine is the longest a block judged whole may be, in runes: page
// furniture (a cookie notice, a menu, a related link) is shorter.
const maxLine = 400

// run is a stretch of a long block kept as one block, with its tokens.
type run struct {
	page.Block
	toks []token.Token
}

// span is a segment of a long block: bytes [start, end) of its text.
type span struct {
	start, end int
	toks       []token.Token
}

// longLine splits a long block into sentences and segments (at sentence
// ends, at " | " and " • " separators and before labels such as "Read
// also:"), drops the furniture segments, and returns the stretches of
// segments kept, each with its offset in the source when the block has one.
func (c *Cleaner) longLine(b page.Block) []run {
	toks := token.Split(b.Text)
	segs := c.segments(b.Text, toks)
	junk := make([]bool, len(segs))
	for i, sg := range segs {
		line := strings.Join(strings.Fields(b.Text[sg.start:sg.end]), " ")
		junk[i] = c.isFurniture(line, sg.toks, b.Text)
	}
	// a few words between two furniture segments are more of it (a menu
	// item, a share button's label)
	drop := append([]bool(nil), junk...)
	for i := 1; i+1 < len(segs); i++ {
		if junk[i-1] && junk[i+1] && len(segs[i].toks) < 8 {
			drop[i] = true
		}
	}
	var out []run
	for i := 0; i < len(segs); {
		if drop[i] {
			i++
			continue
		}
		j := i
		var rt []token.Token
		for ; j < len(segs) && !drop[j]; j++ {
			rt = append(rt, segs[j].toks...)
		}
		start, end := segs[i].start, segs[j-1].end
		r := run{Block: page.Block{Text: b.Text[start:end], Offset: -1}, toks: rt}
		if b.Offset >= 0 {
			r.Offset = b.Offset + start
		}
		out = append(out, r)
		i = j
	}
	return out
}

// segments cuts s (tokens toks) into trimmed segments: after a sentence's
// final stop when the sentence has at least three words and the next word
// does not start in lower case, at a " | ", " • " or " · " separator, and
// before a furniture label ("Read also:", "Photo :"). A label's segment also
// ends where a capitalised stopword follows a word ("…end their walkout The
// plan…"): a link title glued to the next sentence.
func (c *Cleaner) segments(s string, toks []token.Token) []span {
	labels := c.labels(s, toks)
	var out []span
	start, ti := 0, 0 // the current segment's first byte and token
	label := len(toks) > 0 && labels[toks[0].Start]
	cut := func(end, next int) {
		tj := ti
		for tj < len(toks) && toks[tj].End <= end {
			tj++
		}
		if seg := strings.TrimSpace(s[start:end]); seg != "" {
			lead := strings.Index(s[start:end], seg)
			out = append(out, span{start + lead, start + lead + len(seg), toks[ti:tj]})
		}
		ti, start = tj, next
		label = ti < len(toks) && labels[toks[ti].Start]
	}
	p := 0 // the first token starting at or after i
	for i := 0; i < len(s); {
		for p < len(toks) && toks[p].Start < i {
			p++
		}
		if p < len(toks) && toks[p].Start == i && i > start &&
			(labels[i] || label && c.sentenceStart(s, toks, ti, p)) {
			cut(i, i)
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case (r == '|' || r == '•' || r == '·') && i > 0 && s[i-1] == ' ' && i+size < len(s) && s[i+size] == ' ':
			cut(i, i+size)
		case r == '.' || r == '!' || r == '?' || r == '؟' || r == '…':
			j := i + size
			for j < len(s) {
				q, n := utf8.DecodeRuneInString(s[j:])
				if !strings.ContainsRune("\"'”’»)]", q) {
					break
				}
				j += n
			}
			k := j
			for k < len(s) {
				q, n := utf8.DecodeRuneInString(s[k:])
				if !unicode.IsSpace(q) {
					break
				}
				k += n
			}
			// at least three words before: "Mr. Diarra", "U.S. Navy" stay whole
			if k > j && k < len(s) && ti+2 < len(toks) && toks[ti+2].End <= j {
				if next, _ := utf8.DecodeRuneInString(s[k:]); !unicode.IsLower(next) {
					cut(j, k)
					i = k
					continue
				}
			}
		}
		i += size
	}
	cut(len(s), len(s))
	return out
}

// labels finds where furniture labels start in a long block: a cue that
// starts a furniture line ("read also", "photo", "lire aussi") followed by
// a colon. It returns their byte offsets.
func (c *Cleaner) labels(s string, toks []token.Token) map[int]bool {
	var at map[int]bool
	for e := range toks {
		if !colonAfter(s, toks[e].End) {
			continue
		}
		for st := max(0, e-3); st <= e; st++ {
			for _, m := range c.cues.MatchAt(toks, st) {
				if m.End-1 == e && slices.Contains(m.Vals, true) {
					if at == nil {
						at = map[int]bool{}
					}
					at[toks[st].Start] = true
				}
			}
		}
	}
	return at
}

// colonAfter reports a colon at i, after spaces ("Lire aussi :").
func colonAfter(s string, i int) bool {
	rest := strings.TrimLeft(s[i:], " \t\u00a0")
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")
}

// sentenceStart reports token p of a label's segment (from token ti) as the
// start of a sentence glued to the link title before it: a capitalised
// stopword after at least two words of title, with only spaces before it.
func (c *Cleaner) sentenceStart(s string, toks []token.Token, ti, p int) bool {
	t := toks[p]
	if p < ti+3 || !t.Cap || t.Upper != 1 || !c.stop[t.Key] {
		return false
	}
	return strings.TrimSpace(s[toks[p-1].End:t.Start]) == ""
}

// isFurniture reports a line (or a segment of a long one) that is page
// furniture. toks are its tokens; their offsets point into src.
func (c *Cleaner) isFurniture(line string, toks []token.Token, src string) bool {
	if !hasLetters(line, 2) || bulletHeadline(line) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, "\"”»’)] "))
	sentence := len(toks) >= 6 && strings.ContainsRune(".!?؟。！？।", last)
	for i := range toks {
		for _, m := range c.cues.MatchAt(toks, i) {
			for _, atStart := range m.Vals {
				// a line that starts with "Partager"/"Visited by" but reads as a
				// full sentence is body text; "Lire aussi : titre" is not, even
				// when the title is glued to a sentence
				if !atStart || (i == 0 && (!sentence || colonAfter(src, toks[m.End-1].End))) {
					return true
				}
			}
		}
	}
	if n := utf8.RuneCountInString(line); n < 120 {
		first, _ := utf8.DecodeRuneInString(line)
		if n < 80 && strings.ContainsAny(line, "0123456789") && c.counter.MatchString(line) ||
			c.creditStart[first] && c.credit.MatchString(line) || copyright(line) {
			return true
		}
	}
	if !strings.ContainsAny(line, ".!?؟。！？।") && crumbRe.MatchString(line) {
		return true
	}
	return isSpamRun(line)
}

// fullSentence reports text of at least six words that a sentence's stop
// ends.
func fullSentence(text string, toks []token.Token) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, "\"”»’)] "))
	return len(toks) >= 6 && strings.ContainsRune(".!?؟。！？।", last)
}

// datedEntry reports a line whose first words after its bullet are a
// date in figures ("■11/16（月）", "• 20 Nov:"): a timeline's entry.
func datedEntry(line string) bool {
	rest := strings.TrimLeftFunc(strings.TrimSpace(line), func(r rune) bool { return strings.ContainsRune(bullets, r) || unicode.IsSpace(r) })
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsDigit(r)
}

// bodyText reports a line of the article's prose: a full sentence that no
// bullet or dash opens.
func bodyText(line string) bool {
	line = strings.TrimSpace(line)
	r, _ := utf8.DecodeRuneInString(line)
	return !strings.ContainsRune("-–—>»"+bullets, r) && fullSentence(line, token.Split(line))
}

// bullets open the lines of a list of headlines ("· 천무 다연장로켓…",
// "・防衛費、…", "▶ …", "• Nowy dowódca…"); dashes are left out, as they
// open quotes and datelines too.
const bullets = "·・•▶▷►▸▲△■□●○◆◇※"

// bulletHeadline reports a short line that a bullet opens and no full stop
// ends: a related headline, not a sentence of the article.
func bulletHeadline(line string) bool { return openedHeadline(line, bullets, 120) }

// listHeadline reports a short line that a dash, a ">" or a bullet opens
// and no full stop ends: an item of a list of headlines when a furniture
// label opens the list (dashes alone also open quotes and datelines).
func listHeadline(line string) bool { return openedHeadline(line, "-–—>»"+bullets, 160) }

// openedHeadline reports a line of at most most runes that one of the
// openers starts and no full stop ends.
func openedHeadline(line, openers string, most int) bool {
	line = strings.TrimSpace(line)
	r, _ := utf8.DecodeRuneInString(line)
	if !strings.ContainsRune(openers, r) || utf8.RuneCountInString(line) > most {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, "\"”»’)] "))
	return !strings.ContainsRune(".!?؟。！？।", last)
}

// unspaced reports a "word" mostly of Han, kana or Hangul characters:
// Chinese and Japanese put no spaces between words, so a sentence is one.
func unspaced(w string) bool {
	n, syl := 0, 0
	for _, r := range w {
		n++
		if token.IsSyllabic(r) {
			syl++
		}
	}
	return syl*2 >= n
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

// copyright reports a copyright mark: "©", "(c) 2025".
func copyright(line string) bool {
	return strings.Contains(line, "©") ||
		(strings.Contains(line, "(c)") || strings.Contains(line, "(C)")) && copyrightRe.MatchString(line)
}

var copyrightRe = regexp.MustCompile(`\([cC]\)\s*\d{4}`)

// isSpamRun spots glued keyword runs ("casinogirişcasino…") and lines that
// repeat the same few words over and over.
func isSpamRun(line string) bool {
	words := strings.Fields(line)
	for _, w := range words {
		if utf8.RuneCountInString(w) > 40 && !strings.Contains(w, "/") && !unspaced(w) {
			return true
		}
	}
	if len(words) >= 8 {
		// stop as soon as a third of the words are different ones: prose
		uniq := make(map[string]bool, len(words)/3+1)
		for _, w := range words {
			if uniq[strings.ToLower(w)] = true; len(uniq)*3 >= len(words) {
				return false
			}
		}
		return true
	}
	return false
}
