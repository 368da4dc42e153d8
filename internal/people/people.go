package people

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

// Person is a person named in a sentence.
type Person struct {
	Name        string
	Role        string
	Country     string
	Start, End  int  // token indexes of the name
	Counterpart bool // introduced as someone's counterpart: takes their role
	// office is the table's term for a name the text gave a role to,
	// kept when the page's date was not known yet (see HeldOn)
	office *term
}

// sameOffice reports whether a role the text gives a name can be the
// table's office of that name: a defence minister named Pedro Sánchez is
// not Spain's head of government.
func sameOffice(text, table string) bool {
	switch text {
	case "", table:
		return true
	case "minister":
		return strings.HasSuffix(table, "_minister")
	}
	return false
}

// HeldOn returns the state of the office the table says the person held on
// day d, when the text named the person with a role but no state ("小泉防衛相")
// before the page's date was known; "" otherwise.
func (p Person) HeldOn(d time.Time) string {
	if p.office == nil || d.IsZero() || !p.office.holds(d) {
		return ""
	}
	return p.office.Country
}

// Finder finds persons with one language's lexicon.
type Finder struct {
	lx    *lexicon.Lexicon
	date  time.Time // the page's publication date; zero when unknown
	data  *data     // office-holders and words that are never names
	names []*words  // the name words of the page's language and English
}

// New returns a Finder for a language. Without WithDate, an office-holder
// named alone is read in his latest term.
func New(lx *lexicon.Lexicon) *Finder {
	d, err := loadData()
	if err != nil {
		d = &data{holders: &table{}, byLang: map[string]*words{}} // the embedded data is checked by tests
	}
	f := &Finder{lx: lx, data: d}
	if lx != nil {
		if w := d.byLang[lx.Lang]; w != nil {
			f.names = append(f.names, w)
		}
	}
	if w := d.byLang["en"]; w != nil && (lx == nil || lx.Lang != "en") {
		f.names = append(f.names, w) // office and place words of English travel into every language's news
	}
	return f
}

// WithDate returns a copy of the Finder that reads office-holders at the
// page's publication date d: "Trump" names the US head of state only on a
// page dated in one of his terms. A zero d means unknown.
func (f *Finder) WithDate(d time.Time) *Finder {
	g := *f
	g.date = d
	return &g
}

type span struct {
	start, end int
	value      string
	country    string // the state a name-first role phrase gives its name
}

// Find returns the persons of one sentence. places are the sentence's
// gazetteer mentions; src is the sentence text.
func (f *Finder) Find(toks []token.Token, src string, places []gazetteer.Mention) []Person {
	inPlace := make([]bool, len(toks))
	placeAt := map[int]gazetteer.Mention{}
	for _, m := range places {
		for i := m.Start; i < m.End; i++ {
			inPlace[i] = true
		}
		placeAt[m.Start] = m
	}
	roles, roleState := f.joinRoles(toks, spans(f.lx.Find(toks, "role")), places)
	roles = f.leaderRoles(toks, src, roles, roleState, places)
	titles := spans(f.lx.Find(toks, "title"))
	counters := spans(f.lx.Find(toks, "counterpart"))
	lexical := make([]bool, len(toks))
	duos := spans(f.lx.Find(toks, lexicon.Duo)) // "दोनों रक्षा मंत्रियों", the two defence ministers: persons told before, no name
	for _, ss := range [][]span{roles, titles, counters, duos} {
		for _, s := range ss {
			for i := s.start; i < s.end; i++ {
				lexical[i] = true
			}
		}
	}
	var out []Person
	var names []span
	plural := map[int]bool{} // persons (by Start) named after a plural title
	placeEnd := map[int]gazetteer.Mention{}
	for _, m := range places {
		placeEnd[m.End] = m
	}
	arabic := len(toks) > 0 && toks[0].Uncased
	switch {
	case token.Unspaced(toks):
		names = f.syllabicNames(toks, src, roles, titles, counters, roleState, inPlace, placeEnd, lexical)
	case arabic:
		names = f.arabicNames(toks, src, roles, titles, counters, inPlace, lexical)
	case token.Headline(src, toks):
		// a headline in Title Case: capitals say nothing about names
	default:
		names = f.capitalRuns(toks, src, inPlace, lexical)
	}
	for _, n := range names {
		p := Person{Name: f.nominative(src[toks[n.start].Start:toks[n.end-1].End]), Start: n.start, End: n.end}
		cue := n.value != "" // Arabic names are found from their cue
		if n.value != "-" {
			p.Role = n.value
		}
		p.Country = n.country
		// a role, title or counterpart word shortly before the name
		for _, ss := range []struct {
			spans []span
			kind  string
		}{{roles, "role"}, {counters, "counterpart"}, {titles, "title"}} {
			for _, s := range ss.spans {
				if s.end <= n.start && n.start-s.end <= 7 && f.gapOK(toks, s.end, n.start, inPlace, lexical) {
					cue = true
					switch ss.kind {
					case "role":
						p.Role = cmp.Or(p.Role, s.value)
						if c := roleState[s.start]; c != "" {
							p.Country = c
						} else if c := firstState(placeAt, s.start, n.start); c != "" {
							p.Country = c
						} else if c, _ := stateBefore(toks, src, placeEnd, s.start); c != "" {
							p.Country = c
						}
						if f.pluralRole(toks, s) {
							plural[n.start] = true
						}
					case "counterpart":
						p.Counterpart = true
						if c := firstState(placeAt, s.start, n.start); c != "" {
							p.Country = c
						}
					}
				}
			}
		}
		// an apposition after the name: "X, President of CAR", "X, chef d'état-major…"
		stop := clauseEnd(toks, src, n.end)
		for _, s := range roles {
			// "X, Kenya's defence minister": a state may open the apposition
			before, from := stateBefore(toks, src, placeEnd, s.start)
			if before == "" {
				from = s.start
			}
			if s.start >= n.end && from-n.end <= 3 && s.start < stop && n.end < len(toks) &&
				strings.ContainsAny(src[toks[n.end-1].End:toks[n.end].Start], ",،，、") && f.onlyArticles(toks, n.end, from) &&
				!titlesName(names, s) {
				cue = true
				if p.Role == "" {
					p.Role = s.value
				}
				if p.Country == "" {
					p.Country = cmp.Or(roleState[s.start], before, firstState(placeAt, s.start, stop))
				}
				break
			}
		}
		if !cue && len(out) > 0 {
			// "the defence ministers X and Y": Y shares X's plural title
			prev := out[len(out)-1]
			if plural[prev.Start] && prev.End+1 == n.start && f.lx.Is(lexicon.Conjunction, toks[prev.End].Key) {
				p.Role, cue = prev.Role, true
				plural[n.start] = true
			}
		}
		if f.thing(toks, src, n, titles) {
			continue // "la base aérienne Sergent-Chef Adji Kosseï", «Адмирал Трибуц»
		}
		if !cue || (n.end-n.start == 1 && !f.adjacentCue(toks, src, n.start, roles, titles)) {
			continue // a lone capitalised word needs its title right before it
		}
		out = append(out, p)
	}
	return f.addHolders(out, toks, src, inPlace, lexical)
}

// titlesName reports a role that another name follows at once: in "X,
// Azerbaijan's defence minister Y" the role after X's comma is Y's, not an
// apposition on X.
func titlesName(names []span, role span) bool {
	for _, m := range names {
		if m.start >= role.end && m.start-role.end <= 1 {
			return true
		}
	}
	return false
}

func spans(ms []token.Match[lexicon.Entry]) []span {
	out := make([]span, len(ms))
	for i, m := range ms {
		out[i] = span{start: m.Start, end: m.End, value: m.Vals[0].Value}
	}
	return out
}

// adjacentCue reports a role or title ending right before i, with only a
// space (or a period, "Gen. X") between: "the two ministers, Doğu…" is no
// title before a name.
func (f *Finder) adjacentCue(toks []token.Token, src string, i int, spans ...[]span) bool {
	for _, ss := range spans {
		for _, s := range ss {
			if s.end == i && i > 0 && strings.Trim(src[toks[i-1].End:toks[i].Start], " .\u00a0") == "" {
				return true
			}
		}
	}
	return false
}

// gapOK reports whether only small words, states, titles and roles stand
// between a cue and a name: "le ministre de la Défense, le général X".
func (f *Finder) gapOK(toks []token.Token, from, to int, inPlace, lexical []bool) bool {
	for i := from; i < to; i++ {
		k := toks[i].Key
		if !(inPlace[i] || lexical[i] || f.lx.Stopwords[k] || f.connector(k) || f.qualifier(toks[i]) || f.office(toks, i, i+1)) {
			return false // office words complete a title: "Kamanda Mkuu wa Polisi ya Jamhuri ya Msumbiji, X"
		}
	}
	return !f.hasConjunction(toks, from, to)
}

// onlyArticles reports whether toks[from:to] are articles or genitive
// words ("X, le chef…", "X, the head of …").
func (f *Finder) onlyArticles(toks []token.Token, from, to int) bool {
	for i := from; i < to; i++ {
		if !f.lx.Is(lexicon.Article, toks[i].Key) && !f.lx.Is(lexicon.Genitive, toks[i].Key) {
			return false
		}
	}
	return true
}

func (f *Finder) hasConjunction(toks []token.Token, from, to int) bool {
	for i := from; i < to; i++ {
		if f.lx.Is(lexicon.Conjunction, toks[i].Key) {
			return true
		}
	}
	return false
}

// dateWord reports a weekday or month name at toks[k]: "دوشنبه", "गुरुवार"
// end a name.
func (f *Finder) dateWord(toks []token.Token, k int) bool {
	return len(f.lx.At(toks, k, lexicon.Weekday)) > 0 || len(f.lx.At(toks, k, lexicon.Month)) > 0
}

// nameEnd reports a word that ends a name ("عبد الله"; lexicon kind
// connector, value end), compared whole: the token's key has lost its article.
func (f *Finder) nameEnd(t token.Token) bool {
	for _, e := range f.lx.Entries(lexicon.Connector) {
		if e.Value == "end" && token.Fold(e.Text) == token.Fold(t.Text) {
			return true
		}
	}
	return false
}

// connector reports a particle inside a name: "de", "van", "bin" (lexicon
// kind connector, value "-").
func (f *Finder) connector(key string) bool {
	v, ok := f.lx.Word(lexicon.Connector, key)
	return ok && v == "-"
}

func firstState(placeAt map[int]gazetteer.Mention, from, to int) string {
	for i := from; i < to; i++ {
		if m, ok := placeAt[i]; ok && m.Kind != gazetteer.Org && !m.Kind.IsPlace() {
			return m.Code
		}
	}
	return ""
}

// clauseEnd returns the index of the first token after from that follows a
// comma-less clause break (";", "(", ".") or the sentence end; commas are
// allowed once because appositions are comma-delimited.
func clauseEnd(toks []token.Token, src string, from int) int {
	commas := 0
	for i := from; i < len(toks); i++ {
		if i == 0 {
			continue
		}
		gap := src[toks[i-1].End:toks[i].Start]
		if strings.ContainsAny(gap, ";.:!?؟；。：！？") {
			return i
		}
		if strings.ContainsAny(gap, ",،，、") {
			commas++
			if commas > 1 && i > from {
				return i
			}
		}
	}
	return len(toks)
}

// capitalRuns finds runs of capitalised words that may be names. A run
// may hold initials ("Daniel R. Kessler", "A.B. Surname"), a short
// lower-case part after a hyphen ("Kim Yong-hyun") and a generational
// suffix ("Jr.", "III"). An office, unit or region word ends a run.
func (f *Finder) capitalRuns(toks []token.Token, src string, inPlace, lexical []bool) []span {
	var out []span
	initial := func(k int) bool { return !inPlace[k] && !lexical[k] && initialAt(toks, src, k) } // "U.S." is a state
	for i := 0; i < len(toks); {
		if !f.nameWord(toks, i, inPlace, lexical) && !initial(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			gap := src[toks[j-1].End:toks[j].Start]
			afterInitial := initial(j-1) && (gap == "." || gap == ". ")
			if gap == " " && j+1 < len(toks) && toks[j].Cap && utf8.RuneCountInString(toks[j].Text) <= 4 &&
				apostrophe(src[toks[j].End:toks[j+1].Start]) && f.nameWord(toks, j+1, inPlace, lexical) {
				j += 2 // an elided particle: "Marco Dell'Orso", "Thierry D'Estaing"
				continue
			}
			if gap != " " && gap != "-" && gap != "\u00a0" && !afterInitial {
				break
			}
			if f.nameWord(toks, j, inPlace, lexical) || (initial(j) && gap != "-") {
				j++
				continue
			}
			if gap == "-" && hyphenPart(toks, j) && j-i >= 2 && utf8.RuneCountInString(toks[j-1].Text) <= 4 {
				j++ // "Kim Yong-hyun"
				continue
			}
			if v, _ := f.lx.Word(lexicon.Connector, toks[j].Key); gap == " " && v == "suffix" && toks[j].Cap {
				j++ // "Gilberto Teodoro Jr."
				break
			}
			if (f.connector(toks[j].Key) || f.articleLink(toks, src, j)) && j+1 < len(toks) && f.nameWord(toks, j+1, inPlace, lexical) {
				j += 2
				continue
			}
			break
		}
		// initials alone, or initials ending the run, make no name
		for j > i && initial(j-1) {
			j--
		}
		words := 0
		for k := i; k < j; k++ {
			if !initial(k) {
				words++
			}
		}
		if words >= 1 && j-i <= 6 {
			out = append(out, span{start: i, end: j})
		}
		i = max(j, i+1)
	}
	return out
}

// articleLink reports an article joined by a hyphen to the next word:
// the Arabic article as transliterated ("Fayiz es-Serrac", "as-Sisi";
// lexicon kind connector, value article).
func (f *Finder) articleLink(toks []token.Token, src string, i int) bool {
	if v, _ := f.lx.Word(lexicon.Connector, toks[i].Key); v != "article" || i+1 >= len(toks) {
		return false
	}
	return src[toks[i].End:toks[i+1].Start] == "-"
}

// initialAt reports a single capital letter written with a period: "R." in
// "Daniel R. Kessler", "A" and "B" in "A.B. Surname".
func initialAt(toks []token.Token, src string, i int) bool {
	t := toks[i]
	if utf8.RuneCountInString(t.Text) != 1 || !t.Cap || t.Uncased {
		return false
	}
	return strings.HasPrefix(src[t.End:], ".") && i+1 < len(toks)
}

// hyphenPart reports a short lower-case word that ends a hyphenated given
// name ("Yong-hyun", "Jae-myung").
func hyphenPart(toks []token.Token, i int) bool {
	t := toks[i]
	n := utf8.RuneCountInString(t.Text)
	r, _ := utf8.DecodeRuneInString(t.Text)
	return !t.Cap && n >= 2 && n <= 5 && unicode.IsLetter(r) && !t.Uncased
}

// words returns the name words of the page's language and of English.
func (f *Finder) words() []*words { return f.names }

// office reports tokens that hold a word no name holds: "Ministério da
// Defesa", "Primera División de Ejército", "Asuntos Africanos".
func (f *Finder) office(toks []token.Token, from, to int) bool {
	for i := from; i < to; i++ {
		for _, k := range toks[i].Keys() {
			for _, w := range f.words() {
				if w.notNames.has(k) {
					return true
				}
			}
		}
	}
	return false
}

func (f *Finder) nameWord(toks []token.Token, i int, inPlace, lexical []bool) bool {
	t := toks[i]
	if !t.Cap || inPlace[i] || lexical[i] || utf8.RuneCountInString(t.Text) < 2 {
		return false
	}
	if t.Upper == utf8.RuneCountInString(t.Text) && t.Upper <= 5 {
		return false // an acronym: FDR, CAR
	}
	if f.lx.Stopwords[t.Key] || f.office(toks, i, i+1) {
		return false
	}
	for _, k := range []lexicon.Kind{lexicon.Weekday, lexicon.Trigger, lexicon.Domain} {
		if len(f.lx.At(toks, i, k)) > 0 {
			return false
		}
	}
	if len(f.lx.At(toks, i, lexicon.Month)) > 0 && !f.monthAsName(toks, i, inPlace, lexical) {
		return false
	}
	return true
}

// monthAsName reports a month name that is a given name: another name
// word follows it and no number stands before it ("Vizeadmiral Jan
// Christian Kaack"; not "Jan 2026" nor "12 Jan").
func (f *Finder) monthAsName(toks []token.Token, i int, inPlace, lexical []bool) bool {
	return !(i > 0 && token.StartsDigit(toks[i-1].Text)) && i+1 < len(toks) && f.nameWord(toks, i+1, inPlace, lexical)
}

// arabicNames takes the two to four words after a role, title or
// counterpart word as a name.
func (f *Finder) arabicNames(toks []token.Token, src string, roles, titles, counters []span, inPlace, lexical []bool) []span {
	var out []span
	cues := append(append([]span{}, roles...), titles...)
	for _, c := range counters {
		c.value = "-" // "ونظيره التركي يشار غولر": a name, its role is the other's
		cues = append(cues, c)
	}
	// a name before a comma and its role: "گن ناکاتانی، وزیر دفاع ژاپن"
	for _, c := range roles {
		end := c.start
		if end < 2 || !strings.ContainsAny(src[toks[end-1].End:toks[end].Start], "،,") {
			continue
		}
		start := end
		for start > 0 && end-start < 3 && toks[start-1].Uncased && !inPlace[start-1] && !lexical[start-1] &&
			!f.anyStopword(toks[start-1]) && !f.office(toks, start-1, start) && len(f.lx.At(toks, start-1, lexicon.Trigger)) == 0 && !f.dateWord(toks, start-1) &&
			(start == end || !strings.ContainsAny(src[toks[start-1].End:toks[start].Start], "،,.؟:;()«»\"")) {
			start--
		}
		if end-start >= 2 && !overlaps(out, start, end) && !f.definite(toks[start]) &&
			(start == 0 || strings.ContainsAny(src[toks[start-1].End:toks[start].Start], "،,.؟:;()«»\"") || f.anyStopword(toks[start-1]) || f.dateWord(toks, start-1)) {
			out = append(out, span{start: start, end: end, value: c.value})
		}
	}
	for _, c := range cues {
		i := c.end
		// a comma within a few words closes the role phrase: "وزير الدفاع
		// الكيني، عدن دوالي،"; else skip state, "لدى X" and similar words
		comma := -1
		for k := c.end; k < len(toks) && k <= c.end+4; k++ {
			gap := src[toks[k-1].End:toks[k].Start]
			if strings.ContainsAny(gap, ".؟:;。：；") {
				break
			}
			if strings.ContainsAny(gap, "،,，、") {
				comma = k
				break
			}
		}
		for i < len(toks) && (inPlace[i] || lexical[i] || f.lx.Stopwords[toks[i].Key] || f.qualifier(toks[i])) {
			if strings.ContainsAny(src[toks[i-1].End:toks[i].Start], ".؟。") {
				break
			}
			if i > c.end && inPlace[i-1] && f.lx.Stopwords[toks[i].Key] && !f.qualifier(toks[i]) && !(i+1 < len(toks) && inPlace[i+1]) {
				i = len(toks) // "مشاور امنیت ملی عراق در ادامه …": the role phrase ended with its state ("السفيرة الأميركية في لبنان ليزا جونسون" goes on to a place)
				break
			}
			i++
		}
		if i < len(toks) && src[toks[i-1].End:toks[i].Start] == "\u200c" {
			continue // "همتای عمانی‌اش": a clitic of the word before, no name
		}
		// the comma closes the role phrase ("وزير الدفاع الكيني، عدن دوالي")
		// unless a name stands before it ("نظيره الأردني مازن الفراية، في")
		if comma >= 0 && !f.arabicName(toks, i, comma) {
			i = comma
		}
		if i >= len(toks) || i-c.end > 5 {
			continue
		}
		j := i
		limit := 3
		for j < len(toks) && j-i < limit {
			if f.connector(toks[j].Key) {
				limit = 4 // "عبد القادر محمد نور": عبد and بن join words into one name
			}
			if j > i && strings.ContainsAny(src[toks[j-1].End:toks[j].Start], "،,.؟:;()，、。：；（）") {
				break
			}
			// "بن علي": علي is not على; "عبد الأمير"; "يار الله" ends a name
			afterLink := j > i && (f.connector(toks[j-1].Key) || f.nameEnd(toks[j]))
			if f.office(toks, j, j+1) || (j == i && (f.anyStopword(toks[j]) || f.writtenNotName(toks[j]))) {
				break // "ليزا جونسون وممثل", "وعن الجانب", "على الخطة": a noun, "and about" or "on" is no name
			}
			if inPlace[j] || (lexical[j] && !afterLink) || (f.lx.Stopwords[toks[j].Key] && !afterLink) || len(f.lx.At(toks, j, "trigger")) > 0 || !toks[j].Uncased || f.dateWord(toks, j) {
				break
			}
			if strings.ContainsAny(toks[j].Text, "\u064B\u064C\u064D") {
				break // a word written with nunation is no name's: "السيسي وعدداً من"
			}
			j++
		}
		if j-i == limit && limit == 3 && j < len(toks) && f.nisba(toks, src, j) && !inPlace[j] && !lexical[j] {
			j++ // "ثابت محمد سعيد العباسي": given name, father's, grandfather's, family name
		}
		if j-i >= 2 && !overlaps(out, i, j) && !f.definite(toks[i]) {
			out = append(out, span{start: i, end: j, value: c.value}) // the cue's role, or "-" for a title
		}
	}
	return out
}

// nisba reports toks[j] as a family name of the form "al-…i" (العباسي,
// الرحبي) right after the word before it: the article glued before it, the
// relative ending ي after it, and no office, stopword or act word.
func (f *Finder) nisba(toks []token.Token, src string, j int) bool {
	t := toks[j]
	if !t.Uncased || !f.definite(t) || !strings.HasSuffix(t.Text, "ي") || utf8.RuneCountInString(t.Text) < 5 {
		return false
	}
	if strings.TrimSpace(src[toks[j-1].End:t.Start]) != "" || f.office(toks, j, j+1) || f.anyStopword(t) ||
		len(f.lx.At(toks, j, lexicon.Trigger)) > 0 || f.dateWord(toks, j) {
		return false
	}
	return true
}

// writtenNotName reports a word that opens no name as it is written,
// though folded it spells one (على, "on", is علي, Ali, once folded).
func (f *Finder) writtenNotName(t token.Token) bool {
	for _, w := range f.words() {
		if w.notNames.written[t.Text] {
			return true
		}
	}
	return false
}

// qualifier reports a word that continues a role phrase after its noun
// (lexicon kind qualifier: "لدى", "لشؤون", "العام").
func (f *Finder) qualifier(t token.Token) bool {
	for _, k := range t.Keys() {
		if f.lx.Is(lexicon.Qualifier, k) {
			return true
		}
	}
	return false
}

func overlaps(ss []span, a, b int) bool {
	for _, s := range ss {
		if a < s.end && s.start < b {
			return true
		}
	}
	return false
}

// definite reports a word written with the article glued before it
// (lexicon kind article, value prefix: "ال", "وال"): a noun ("الإدلاء"), not
// the first word of a personal name.
func (f *Finder) definite(t token.Token) bool {
	for _, p := range f.lx.Prefixes(lexicon.Article) {
		if strings.HasPrefix(t.Text, p) {
			return true
		}
	}
	return false
}

// nominative undoes the case endings of a name (lexicon kind nameending:
// the ending as written, value "group/nominative ending", "-" for none)
// when every word of it carries an ending of the same group ("с Русланом
// Жаксылыковым", "Владимиру Путину"), so that the name reads as written in
// lists. Other names are returned as they are.
func (f *Finder) nominative(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name
	}
	type ending struct{ from, to string }
	var groups []string
	by := map[string][]ending{}
	for _, e := range f.lx.Entries(lexicon.NameEnding) {
		g, to, _ := strings.Cut(e.Value, "/")
		if to == "-" {
			to = ""
		}
		if by[g] == nil {
			groups = append(groups, g)
		}
		by[g] = append(by[g], ending{e.Text, to})
	}
	for _, g := range groups {
		out := make([]string, len(words))
		ok := true
		for i, w := range words {
			if utf8.RuneCountInString(w) < 4 {
				ok = false
				break
			}
			matched := false
			for _, e := range by[g] {
				if strings.HasSuffix(w, e.from) {
					out[i] = strings.TrimSuffix(w, e.from) + e.to
					matched = true
					break
				}
			}
			if !matched {
				ok = false
				break
			}
		}
		if ok {
			return strings.Join(out, " ")
		}
	}
	return name
}

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }

// declines reports a name word whose case ending may differ from the
// table's form: Cyrillic, or a language whose lexicon lists name endings
// (Polish "Kosiniakiem-Kamyszem").
func (f *Finder) declines(t token.Token) bool {
	return isCyrillic([]rune(t.Key)[0]) || f.lx != nil && f.lx.Size(lexicon.NameEnding) > 0
}

// anyStopword reports a word that is a stopword once its Arabic prefixes
// are taken off ("وعن").
func (f *Finder) anyStopword(t token.Token) bool {
	for _, k := range t.Keys() {
		if f.lx.Stopwords[k] {
			return true
		}
	}
	return false
}

// stateBefore returns the state named right before a role title, as a
// demonym or a possessive: "Kenyan Defence Secretary", "Kenya's defence
// minister", "Kenya Savunma Bakanı".
// It also returns where the state's name starts.
func stateBefore(toks []token.Token, src string, placeEnd map[int]gazetteer.Mention, start int) (string, int) {
	at := start
	if at >= 2 && toks[at-1].Key == "s" && strings.ContainsAny(src[toks[at-2].End:toks[at-1].Start], "'’") {
		at-- // "Kenya's"
	}
	if m, ok := placeEnd[at]; ok && m.Kind != gazetteer.Org && !m.Kind.IsPlace() {
		return m.Code, m.Start
	}
	return "", start
}

// pluralRole reports a role title in the plural ("ministers", "ministres",
// "министры", "bakanları", "mawaziri"): with one of its words made singular
// it is still a role title.
func (f *Finder) pluralRole(toks []token.Token, s span) bool {
	for i := s.start; i < s.end; i++ {
		for _, k := range f.singulars(toks[i]) {
			cp := slices.Clone(toks[s.start:s.end])
			cp[i-s.start].Rekey(k)
			for _, m := range f.lx.At(cp, 0, lexicon.Role) {
				if m.End == len(cp) && !m.Stem {
					return true
				}
			}
		}
	}
	return false
}

// singulars returns the forms a plural word may have in the singular, by
// the language's plural affixes (lexicon kind plural: value suffix or
// prefix, or a whole plural word whose value is its singular).
func (f *Finder) singulars(t token.Token) []string {
	k := t.Key
	var out []string
	for _, e := range f.lx.Entries(lexicon.Plural) {
		a := token.Fold(e.Text)
		rest := utf8.RuneCountInString(k) - utf8.RuneCountInString(a)
		switch {
		case e.Value == "suffix":
			if strings.HasSuffix(k, a) && rest >= 3 {
				out = append(out, strings.TrimSuffix(k, a))
			}
		case e.Value == "prefix":
			if strings.HasPrefix(k, a) && rest >= 4 {
				out = append(out, strings.TrimPrefix(k, a))
			}
		case k == a:
			out = append(out, token.Fold(e.Value))
		}
	}
	return out
}

// addHolders adds the office-holders named in the sentence who held office
// on the page's date, and gives a person already found the state and role
// of his office where the sentence said none. A surname form takes the
// given names written before it ("Sergueï Lavrov"); a Russian name in
// another case is given in the table's nominative form.
func (f *Finder) addHolders(out []Person, toks []token.Token, src string, inPlace, lexical []bool) []Person {
	for _, h := range f.data.holders.find(toks, f.date) {
		start := h.start
		if h.end-start == 1 && h.end < len(toks) && !toks[start].Uncased && src[toks[start].End:toks[h.end].Start] == " " &&
			f.nameWord(toks, h.end, inPlace, lexical) {
			continue // a given name of someone else: "Teodoro López Calderón"
		}
		if h.end-start == 1 && !toks[start].Uncased {
			for k := 0; k < 3 && start > 0 && (src[toks[start-1].End:toks[start].Start] == " " || src[toks[start-1].End:toks[start].Start] == "-") && f.nameWord(toks, start-1, inPlace, lexical); k++ {
				start--
			}
		}
		if f.thing(toks, src, span{start: start, end: h.end}, nil) {
			continue // "a base aérea de Figo Maduro": a base's name, not Nicolás Maduro
		}
		form := matchedForm(h.term.Forms, toks[h.start:h.end])
		if i := slices.IndexFunc(out, func(p Person) bool { return p.Start < h.end && start < p.End }); i >= 0 {
			if !f.date.IsZero() {
				// a state the text did not give comes from the table only when
				// the page's date says the term is the one in the text
				out[i].Country = cmp.Or(out[i].Country, h.term.Country)
			} else if out[i].Country == "" && sameOffice(out[i].Role, h.term.Role) {
				tm := h.term
				out[i].office = &tm
			}
			out[i].Role = cmp.Or(out[i].Role, h.term.Role)
			if start <= out[i].Start && h.end >= out[i].End && h.end-start > out[i].End-out[i].Start {
				// the table knows the whole name: "Ulisses Correia e Silva"
				out[i].Start, out[i].End = start, h.end
				out[i].Name = src[toks[start].Start:toks[h.end-1].End]
			}
			if toks[start].Arab && out[i].Start == h.start && out[i].End == h.end && form != "" {
				out[i].Name = unprefixed(src, toks[start:h.end], form) // "وهاكان فيدان": the name without the conjunction
			}
			if f.declines(toks[out[i].Start]) {
				out[i].Name = cmp.Or(nominativeForm(h.term.Forms, toks[out[i].Start:out[i].End]), out[i].Name)
			}
			continue
		}
		name := src[toks[start].Start:toks[h.end-1].End]
		if toks[start].Arab && form != "" {
			name = unprefixed(src, toks[start:h.end], form)
		}
		if f.declines(toks[start]) {
			name = cmp.Or(nominativeForm(h.term.Forms, toks[start:h.end]), f.nominative(name))
		}
		out = append(out, Person{Name: name, Role: h.term.Role, Country: h.term.Country, Start: start, End: h.end})
	}
	slices.SortStableFunc(out, func(a, b Person) int { return a.Start - b.Start })
	return out
}

// nominativeForm returns the Cyrillic form of the table with as many words
// as toks whose words begin like them ("Сергеем Лавровым" → "Сергей
// Лавров"); "" when none does.
func nominativeForm(forms []string, toks []token.Token) string {
	for _, f := range forms {
		stem := strings.HasSuffix(f, "*")
		f = strings.TrimSuffix(f, "*")
		words := token.Split(f)
		if len(words) != len(toks) || isCyrillic([]rune(words[0].Key)[0]) != isCyrillic([]rune(toks[0].Key)[0]) {
			continue
		}
		ok := true
		for i, w := range words {
			fw := []rune(w.Key)
			if len(fw) > 4 {
				fw = fw[:len(fw)-1] // Сергей / Сергея / Сергеем share серге
			}
			if !strings.HasPrefix(toks[i].Key, string(fw)) {
				ok = false
				break
			}
		}
		if ok && stem && len(words) == 1 {
			if !strings.HasPrefix(toks[0].Key, words[0].Key) {
				continue // another language's stem: "Зеленск*" for "Зеленського"
			}
			return surnameOf(forms, words[0])
		}
		if ok {
			return f
		}
	}
	return ""
}

// surnameOf returns the surname a one-word stem of the table stands for:
// the last word of a fuller form that begins with it ("Зеленськ*" in the
// row of "Володимир Зеленський" is "Зеленський"); the stem itself when no
// form has such a word ("Лавров*").
func surnameOf(forms []string, stem token.Token) string {
	for _, f := range forms {
		words := token.Split(strings.TrimSuffix(f, "*"))
		if last := words[len(words)-1]; len(words) > 1 && strings.HasPrefix(last.Key, stem.Key) {
			return last.Text
		}
	}
	return stem.Text
}

// unprefixed returns the name toks write, less the letters glued before
// it that the table's form lacks ("وهاكان فيدان" → "هاكان فيدان"), in the
// text's own letters: a Persian page's "دومینیک" keeps its ی and ک where
// the table writes the Arabic ي and ك.
func unprefixed(src string, toks []token.Token, form string) string {
	words := strings.Fields(form)
	first := []rune(toks[0].Text)
	cut := len(first) - utf8.RuneCountInString(words[0])
	if cut < 0 || cut >= len(first) {
		return form
	}
	return string(first[cut:]) + src[toks[0].End:toks[len(toks)-1].End]
}

// matchedForm returns the table form written exactly as toks read once
// Arabic prefixes are taken off; "" when the match was on a stem.
func matchedForm(forms []string, toks []token.Token) string {
	for _, f := range forms {
		keys, star := token.Phrase(f)
		if star || len(keys) != len(toks) {
			continue
		}
		ok := true
		for i, k := range keys {
			if !slices.Contains(toks[i].Keys(), k) {
				ok = false
				break
			}
		}
		if ok {
			return f
		}
	}
	return ""
}

// joinRoles reads a role title cut by a demonym or a state ("le ministre
// tchadien des Affaires étrangères", "the Minister of Kenya for Defence"):
// when the title read without the state is longer, the title spans both
// parts and the state is the person's. It returns the roles and the state
// found inside each, by the role's start.
func (f *Finder) joinRoles(toks []token.Token, roles []span, places []gazetteer.Mention) ([]span, map[int]string) {
	states := map[int]string{}
	for i, r := range roles {
		for _, m := range places {
			if m.Start != r.end || m.Kind == gazetteer.Org || m.Kind.IsPlace() {
				continue
			}
			joined := append(slices.Clone(toks[r.start:r.end]), toks[m.End:]...)
			for _, jm := range f.lx.At(joined, 0, lexicon.Role) {
				if jm.End <= r.end-r.start {
					continue
				}
				roles[i].value = jm.Vals[0].Value
				roles[i].end = m.End + jm.End - (r.end - r.start)
				states[r.start] = m.Code
				break
			}
		}
	}
	return roles, states
}

// arabicName reports whether toks[from:to] may be a personal name: two to
// four Arabic words, the first without the article, none of them an
// office word.
func (f *Finder) arabicName(toks []token.Token, from, to int) bool {
	if to-from < 2 || to-from > 4 || f.definite(toks[from]) {
		return false
	}
	for i := from; i < to; i++ {
		if !toks[i].Uncased || f.office(toks, i, i+1) {
			return false
		}
	}
	return true
}

// thing reports a name that names a base, a ship or a street: a thing noun
// ("base aérienne", "frigate", "эсминец") stands right before it or its
// rank, perhaps with a stopword between ("de"), or the name and its rank
// are quoted.
func (f *Finder) thing(toks []token.Token, src string, n span, titles []span) bool {
	start := n.start
	for _, t := range titles {
		if t.end == n.start && n.start-t.start <= 3 {
			start = t.start // the rank in "Almirante Grau", "Sergent-Chef Adji"
		}
	}
	if start == 0 {
		return false
	}
	for k := max(0, start-3); k < start; k++ {
		for _, w := range f.words() {
			for _, m := range w.things.MatchAt(toks, k) {
				if m.End == start || (m.End == start-1 && f.lx.Stopwords[toks[m.End].Key]) { // "base aérea de Figo Maduro"
					return true
				}
			}
		}
	}
	end := len(src)
	if n.end < len(toks) {
		end = toks[n.end].Start
	}
	open, close := src[toks[start-1].End:toks[start].Start], src[toks[n.end-1].End:end]
	return strings.ContainsAny(open, "«“\"") && strings.ContainsAny(close, "»”\"")
}

// leaderRoles adds the leadership nouns that stand next to a state ("North
// Korean leader", "le dirigeant malien", "kiongozi wa Mali") as role
// titles of that state, where the lexicon found no title.
func (f *Finder) leaderRoles(toks []token.Token, src string, roles []span, roleState map[int]string, places []gazetteer.Mention) []span {
	placeAt := map[int]gazetteer.Mention{}
	placeEnd := map[int]gazetteer.Mention{}
	for _, m := range places {
		if m.Kind != gazetteer.Org && !m.Kind.IsPlace() {
			placeAt[m.Start], placeEnd[m.End] = m, m
		}
	}
	var leaders []token.Match[string]
	for _, w := range f.words() {
		leaders = append(leaders, w.leaders.Scan(toks, nil)...)
	}
	for _, m := range leaders {
		if overlaps(roles, m.Start, m.End) {
			continue
		}
		s := span{start: m.Start, end: m.End, value: m.Vals[0]}
		if c, _ := stateBefore(toks, src, placeEnd, m.Start); c != "" {
			roleState[s.start] = c
		} else if p, ok := placeAt[m.End]; ok {
			s.end, roleState[s.start] = p.End, p.Code // "le dirigeant malien"
		} else if p, ok := placeAt[m.End+1]; ok && f.lx.Stopwords[toks[m.End].Key] {
			s.end, roleState[s.start] = p.End, p.Code // "kiongozi wa Mali"
		} else {
			continue // "opposition leader", "rebel leader"
		}
		roles = append(roles, s)
	}
	return roles
}

// transliterated reads a run of characters toks[start:end] after a role
// as a foreign name written in the language's transliteration characters:
// the run up to the first character outside that set, when two to eight
// characters of the set open it (ok); else it returns end and false.
func (f *Finder) transliterated(toks []token.Token, start, end int) (int, bool) {
	for _, w := range f.names {
		if w.translit == nil {
			continue
		}
		cut := start
		for cut < end {
			r, _ := utf8.DecodeRuneInString(toks[cut].Text)
			if !w.translit[r] {
				break
			}
			cut++
		}
		if cut-start >= 2 && cut-start <= 8 {
			return cut, true
		}
	}
	return end, false
}

// nameJoin reports what may stand between two characters of one name: nothing,
// a middle dot ("阿登·杜阿莱", "ラモン・バウティスタ") or, in Hangul, a space.
// hangulName narrows a run of Hangul words before a role to the name:
// it starts after the last word that is a stopword ("같은 날 오전 무함마드…"
// keeps "무함마드…"), and a word of one syllable stands only inside a name
// (빈 of "무함마드 빈 자이드"), never at its edges ("두 장관", "윤석열 전
// 대통령": both, former).
func (f *Finder) hangulName(toks []token.Token, start, end int) (int, int) {
	var words [][2]int // [from, to) of each word
	for i := start; i < end; i++ {
		if i == start || !toks[i].Glued {
			words = append(words, [2]int{i, i + 1})
		} else {
			words[len(words)-1][1] = i + 1
		}
	}
	key := func(w [2]int) string {
		var b strings.Builder
		for i := w[0]; i < w[1]; i++ {
			b.WriteString(toks[i].Text)
		}
		return token.Fold(b.String())
	}
	from := 0
	for i, w := range words {
		// a stopword, or a word that ends in a particle of two syllables
		// ("청사에서", "궁에서 카롤 나브로츠키")
		if f.lx.Stopwords[key(w)] || w[1]-w[0] > 2 && f.lx.Stopwords[key([2]int{w[1] - 2, w[1]})] && i < len(words)-1 {
			from = i + 1
		}
	}
	words = trimSyllables(words[from:])
	// a word that ends as a verb does when it qualifies what follows
	// ("참석한 박정호", "주둔 중인 …", "이동해 칼리드…") opens no name
	for i := len(words) - 2; i >= 0; i-- {
		if hangulQualifier[toks[words[i][1]-1].Key] {
			words = trimSyllables(words[i+1:])
			break
		}
	}
	if len(words) == 0 {
		return end, end
	}
	return words[0][0], words[len(words)-1][1]
}

// trimSyllables drops the words of one syllable at the edges of a name.
func trimSyllables(words [][2]int) [][2]int {
	for len(words) > 0 && words[0][1]-words[0][0] == 1 {
		words = words[1:]
	}
	for len(words) > 0 && words[len(words)-1][1]-words[len(words)-1][0] == 1 {
		words = words[:len(words)-1]
	}
	return words
}

// hangulQualifier are the last syllables of Korean words that qualify the
// next word (adnominal endings 한, 인, 던, 된, 는, 될, 할, 린), join clauses
// (해, 며, 고, 면, 만 of -지만) or end them (다): no transliterated name's
// first word ends so before another.
var hangulQualifier = map[string]bool{"한": true, "인": true, "던": true, "된": true, "는": true, "될": true, "할": true,
	"린": true, "해": true, "며": true, "고": true, "면": true, "만": true, "다": true}

// verbKinds are the lexicon's kinds of words that a sentence goes on
// with after a role: a verb of signing, hosting, going or saying, a
// domain or a mood.
var verbKinds = []lexicon.Kind{lexicon.Stage, lexicon.Host, lexicon.Visit, lexicon.Arrival, lexicon.Departure,
	lexicon.Report, lexicon.Purchase, lexicon.Provision, lexicon.Modal, lexicon.Negation, lexicon.Domain, lexicon.Press}

// wordOpens reports whether a run of characters after a role begins with
// a word of the lexicon two characters or more long, inside the run:
// "元首达成的共识" (the heads of state reached) or "上将主持开幕式"
// (the general presided) go on with a verb, not a name.
func (f *Finder) wordOpens(toks []token.Token, start, end int) bool {
	for _, k := range verbKinds {
		for _, m := range f.lx.At(toks, start, k) {
			if m.End-m.Start >= 2 && m.End <= end {
				return true
			}
		}
	}
	return false
}

func nameJoin(gap string, hangul bool) bool {
	switch gap {
	case "", "·", "・", "‧", "-", "‐":
		return true
	case " ":
		return hangul
	}
	return false
}

// syllabicNames finds names in Chinese, Japanese and Korean sentences,
// where every character is a token: a run of characters joined by nothing
// or a middle dot, right after a role or title ("国防部长董军") or, in a
// language that names first (trait namefirst), right before it, perhaps
// with the state between ("森山健二防衛相", "아덴 두알레 케냐 국방장관").
// A name stops at a stopword, an office word, a place, a cue of the
// lexicon or punctuation; it holds two to four characters, or more when
// dots join its parts.
func (f *Finder) syllabicNames(toks []token.Token, src string, roles, titles, counters []span, roleState map[int]string,
	inPlace []bool, placeEnd map[int]gazetteer.Mention, lexical []bool) []span {
	hangul := func(k int) bool { r, _ := utf8.DecodeRuneInString(toks[k].Text); return unicode.In(r, unicode.Hangul) }
	// wordEnd: the last syllable of a Hangul word, where a particle stands
	wordEnd := func(k int) bool { return k+1 >= len(toks) || !toks[k+1].Glued }
	// lastWord: k is in the word right before a role or its state, where a
	// particle never stands ("마즈루이 UAE 국방담당 국무장관": 이 ends the name)
	lastWord := -1
	nameChar := func(k int) bool {
		t := toks[k]
		// a Hangul particle stops a name only at a word's end: 가 ends
		// "박정훈이 가", not "카가메"
		stop := f.lx.Stopwords[t.Key] && (!hangul(k) || wordEnd(k)) && !(hangul(k) && k+1 == lastWord)
		return t.Uncased && !inPlace[k] && !lexical[k] && !stop && !f.office(toks, k, k+1) &&
			len(f.lx.At(toks, k, lexicon.Trigger)) == 0 && len(f.lx.At(toks, k, lexicon.Role)) == 0
	}
	// long reports a run too long for a name without dots
	long := func(from, to int) bool {
		if to-from <= 4 {
			return false
		}
		for k := from + 1; k < to; k++ {
			if g := src[toks[k-1].End:toks[k].Start]; g != "" {
				return to-from > 20 // parts joined by dots or spaces
			}
		}
		return true
	}
	var out []span
	cues := append(append([]span{}, roles...), titles...)
	for _, c := range counters {
		c.value = "-"
		cues = append(cues, c)
	}
	for _, c := range cues {
		value := c.value
		if value == "" {
			value = "-"
		}
		if f.lx.HasTrait(lexicon.TraitNameFirst) && c.start > 0 {
			// the name before the role, perhaps with the state between
			end := c.start
			country := roleState[c.start]
			if m, ok := placeEnd[end]; ok && m.Kind != gazetteer.Org {
				country = cmp.Or(country, m.Code)
				end = m.Start
			}
			start := end
			lastWord = end
			for start > 0 && nameChar(start-1) && nameJoin(src[toks[start-1].End:toks[start].Start], hangul(start-1) || hangul(start)) {
				start--
			}
			// a Hangul name starts a word: not "서 토마시 노박" of "바르샤바에서"
			for start < end && hangul(start) && toks[start].Glued {
				start++
			}
			if start < end && hangul(start) {
				start, end = f.hangulName(toks, start, end)
			}
			if end-start >= 2 && !long(start, end) && !overlaps(out, start, end) {
				if m, ok := placeEnd[start]; ok && m.Kind != gazetteer.Org && country == "" {
					country = m.Code // "フィリピンのラモン…国防相"
				} else if start > 1 {
					if m, ok := placeEnd[start-1]; ok && m.Kind != gazetteer.Org && country == "" && f.lx.Stopwords[toks[start-1].Key] {
						country = m.Code
					}
				}
				out = append(out, span{start: start, end: end, value: value, country: country})
				continue
			}
		}
		// the name after the role, written on: "国防部长董军", not across
		// a comma ("将军，双方…")
		start := c.end
		if start >= len(toks) || !nameJoin(src[toks[start-1].End:toks[start].Start], hangul(start)) {
			continue
		}
		for start < len(toks) && nameJoin(src[toks[start-1].End:toks[start].Start], true) && !nameChar(start) && inPlace[start] {
			start++ // "外交部长 王毅" has no state between, but "国防部长中国…" does
		}
		end := start
		for end < len(toks) && nameChar(end) && (end == start || nameJoin(src[toks[end-1].End:toks[end].Start], hangul(end))) {
			end++
		}
		short := !long(start, end)
		if !short {
			// "副部长叶夫库罗夫正率团…": a transliterated name, not the verb
			// written on after it
			end, short = f.transliterated(toks, start, end)
		}
		if end-start >= 2 && short && !overlaps(out, start, end) && start-c.end <= 2 && !f.wordOpens(toks, start, end) {
			out = append(out, span{start: start, end: end, value: value, country: roleState[c.start]})
		}
	}
	return out
}

// apostrophe reports a gap that is one apostrophe, straight or curly.
func apostrophe(gap string) bool { return gap == "'" || gap == "’" }
