package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/dates"
	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/people"
	"pactwatch/internal/token"
)

// cue is a lexicon phrase found in a sentence.
type cue struct {
	start, end int
	value      string
	extra      string
	stem       bool // matched a word by its stem, prefix or suffix
}

// sentence is one annotated sentence of the page.
type sentence struct {
	index   int
	text    string
	block   int
	toks    []token.Token
	places  []gazetteer.Mention
	waters  []token.Match[lexicon.Entry] // water words: "sea", "ocean", "high seas" (value open)
	towns   []gazetteer.Mention          // towns of the world list (gazetteer.Town), where a place may be looked for
	persons []people.Person
	dates   []dates.Mention
	cues    map[lexicon.Kind][]cue
	bounds  []bound // bounds[i] is the clause boundary before toks[i]
	scale   int     // tokens per word: 2 where each Han, kana or Hangul character is a token, else 1
	lx      *lexicon.Lexicon
	named   *[]people.Person // the article's persons this sentence names by surname (article.named)
	sites   map[int]bool     // siteStarts, once computed
	firsts  []cue            // void background phrases: "first visit since", "以来首次" (the act is news; a date there starts the count)
	family  []int            // tokens that are a family name written alone before a title ("안 장관"), where the language writes so
}

// familyNames lists the tokens that are one syllable written alone right
// before a title ("안 장관은", Minister Ahn): a known person's family name.
func familyNames(toks []token.Token, roles []token.Match[lexicon.Entry]) []int {
	var out []int
	for _, m := range roles {
		i := m.Start - 1
		if i < 0 || toks[i].Glued || toks[m.Start].Glued || utf8.RuneCountInString(toks[i].Text) != 1 {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(toks[i].Text); unicode.Is(unicode.Hangul, r) {
			out = append(out, i)
		}
	}
	return out
}

// cueKinds are the lexicon kinds looked up in every sentence; judgeKinds
// only judge triggers, stages and domains, and are looked up when the
// sentence has one.
var (
	cueKinds = []lexicon.Kind{lexicon.Trigger, lexicon.Stage, lexicon.Modal, lexicon.Domain, lexicon.Pair, lexicon.Duo,
		lexicon.Visit, lexicon.Locative, lexicon.Background, lexicon.Negation, lexicon.Counterpart, lexicon.Security,
		lexicon.CapitalWord, lexicon.Embassy, lexicon.Hostile, lexicon.LocSuffix, lexicon.SameDay, lexicon.Evening, lexicon.Phone, lexicon.PortCall, lexicon.Arrival, lexicon.Seat, lexicon.We, lexicon.Posting, lexicon.Presence, lexicon.Site}
	judgeKinds = []lexicon.Kind{lexicon.Hypothetical, lexicon.Request, lexicon.Demand, lexicon.Threat,
		lexicon.Refusal, lexicon.Condition, lexicon.Combat, lexicon.Adversary, lexicon.Provision, lexicon.Framework, lexicon.Occasion,
		lexicon.Document, lexicon.Clause, lexicon.Joint, lexicon.Service, lexicon.CodeName, lexicon.Equipment,
		lexicon.Aside, lexicon.Host, lexicon.Purchase, lexicon.Departure, lexicon.Trainer, lexicon.Trainee, lexicon.Recipient, lexicon.Press, lexicon.Report, lexicon.Anchor, lexicon.Shift, lexicon.NonGoods, lexicon.NonLethal, lexicon.Body, lexicon.Group, lexicon.Honours, lexicon.Agent, lexicon.Count}
	allKinds = append(append([]lexicon.Kind{}, cueKinds...), judgeKinds...)
	// foundKinds are the kinds annotate looks up: titles too, whose words
	// are no act ("capitão de fragata")
	foundKinds = append(append([]lexicon.Kind{}, allKinds...), lexicon.Title)
	// familyKinds add the titles a family name may stand before, looked
	// up only where the language writes so (trait familyname)
	familyKinds = append(append([]lexicon.Kind{}, foundKinds...), lexicon.Role)
)

func (x *Extractor) annotate(s *sentence, lx *lexicon.Lexicon, pf *people.Finder) {
	if s.toks == nil {
		s.toks = token.Split(s.text)
	}
	s.lx = lx
	s.scale = 1
	if token.Unspaced(s.toks) {
		s.scale = 2 // a Han, kana or Hangul character is about half a word
	}
	s.waters = lx.Find(s.toks, lexicon.WaterWord)
	s.places = dropWaters(x.gaz.FindIn(s.toks, lx.Lang), s.waters, s.toks, lx)
	if s.scale > 1 {
		s.places = dropNameParts(s.places, s.toks, s.text)
	}
	// one walk over the words for every kind, shared by the dates and the
	// cues; the judging kinds are kept only when the sentence has
	// something to judge
	cached := lx.Cached(s.toks)
	s.dates = dates.FindWith(s.toks, s.text, cached)
	// a weekday inside a place's name is the place: "شهر دوشنبه", the city
	// of Dushanbe, not Monday
	s.dates = slices.DeleteFunc(s.dates, func(d dates.Mention) bool {
		return d.Day == 0 && d.Month == 0 && d.Year == 0 && slices.ContainsFunc(s.places, func(m gazetteer.Mention) bool {
			return m.Kind.IsPlace() && m.Start <= d.Start && d.End <= m.End
		})
	})
	s.cues = map[lexicon.Kind][]cue{}
	headline := token.Headline(s.text, s.toks)
	kinds := foundKinds
	if lx.HasTrait(lexicon.TraitFamilyName) {
		kinds = familyKinds
	}
	found := cached.FindKinds(kinds)
	titled := func(start, end int) bool {
		for _, t := range found[lexicon.Title] {
			if t.Start <= start && end <= t.End && t.End-t.Start > end-start {
				return true
			}
		}
		return false
	}
	scan := func(kinds []lexicon.Kind) {
		for _, k := range kinds {
			for _, m := range found[k] {
				v := m.Vals[0]
				if v.Value == lexicon.Void {
					if k == lexicon.Background {
						s.firsts = append(s.firsts, cue{m.Start, m.End, v.Value, v.Extra, m.Stem})
					}
					continue // "at the request of": a longer phrase that is not the cue
				}
				if m.End-m.Start == 1 && v.Extra == lexicon.Exact && strings.HasPrefix(v.Text, "*") {
					if !lexicon.EndsExactly(s.toks[m.Start].Text, v.Text) {
						continue // "firmarán" ends as the Spanish future does; "Irán" and "durante" do not
					}
				} else if m.End-m.Start == 1 && (len([]rune(v.Text)) <= 2 || v.Extra == lexicon.Exact) && !strings.EqualFold(s.toks[m.Start].Text, v.Text) {
					continue // "a" is not "à" once accents are folded; "würde" is not "wurde"
				}
				if k == lexicon.Trigger && v.Value != "agreement" && v.Value != "exercise" && m.Start > 0 && !headline && !lx.HasTrait(lexicon.TraitNounCaps) && properName(s.toks[m.Start:m.End]) {
					continue // "Clark Air Base", "Joint Staff College": a name, not an act (an exercise's name is the exercise)
				}
				if k == lexicon.Trigger && v.Extra == "weak" && titled(m.Start, m.End) {
					continue // "capitão de fragata" is a rank, not a frigate
				}
				if moodKinds[k] && s.inDate(m.Start, m.End) && (s.toks[m.Start].Cap || m.Start == 0) {
					continue // "in May" is a month, not a maybe
				}
				if moodKinds[k] && !wordAfterFits(s.toks, m.End, v.Extra) {
					continue // Arabic قد is "may" only before a verb in the imperfect
				}
				if k == lexicon.CodeName && startsUpper(v.Text) && (m.Start == 0 || headline || !s.toks[m.Start].Cap) {
					continue // "Operation", written with its capital, heads a name only inside a sentence
				}
				if k == lexicon.Aside && m.End < len(s.toks) && digitsOnly(s.toks[m.End].Text) {
					continue // "About 60 Nigerian sailors": a count, not a topic
				}
				if k == lexicon.Aside && s.inCue(lexicon.Trigger, m.Start) {
					continue // "turned over by Australia": a word of the act's verb, not "over"
				}
				s.cues[k] = append(s.cues[k], cue{m.Start, m.End, v.Value, v.Extra, m.Stem})
			}
		}
	}
	scan(cueKinds)
	if lx.HasTrait(lexicon.TraitFamilyName) {
		s.family = familyNames(s.toks, found[lexicon.Role])
	}
	s.persons = pf.Find(s.toks, s.text, s.places)
	// a month's name inside a person's is the name: "Dong Jun", "Theresa May"
	s.dates = slices.DeleteFunc(s.dates, func(d dates.Mention) bool {
		return slices.ContainsFunc(s.persons, func(p people.Person) bool { return p.Start <= d.Start && d.End <= p.End })
	})
	s.towns = s.freeTowns(x.townsByCues(s))
	if c, ok := s.reception(found[lexicon.Host]); ok && len(found[lexicon.Equipment]) == 0 {
		s.cues[lexicon.Trigger] = append(s.cues[lexicon.Trigger], c)
	}
	if s.has(lexicon.Trigger) || s.has(lexicon.Domain) || s.has(lexicon.Stage) {
		scan(judgeKinds)
		s.cues[lexicon.Hostile] = slices.DeleteFunc(s.cues[lexicon.Hostile], s.namesEquipment)
	}
	if !headline {
		// a place named as a code name is no state: "Operação Benguela",
		// "an exercise code-named Kilimanjaro"
		s.places = slices.DeleteFunc(s.places, func(m gazetteer.Mention) bool {
			return m.Kind != gazetteer.Org && s.toks[m.Start].Cap && slices.ContainsFunc(s.cues[lexicon.CodeName], func(c cue) bool { return c.end == m.Start })
		})
	}
	// "rompe el acuerdo": the agreement inside a rupture phrase still counts
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value != "rupture" {
			continue
		}
		for i := c.start + 1; i < c.end; i++ {
			for _, m := range lx.At(s.toks, i, lexicon.Trigger) {
				if v := m.Vals[0]; v.Value == "agreement" && v.Extra != "weak" && m.End <= c.end {
					s.cues[lexicon.Trigger] = append(s.cues[lexicon.Trigger], cue{m.Start, m.End, v.Value, v.Extra, m.Stem})
				}
			}
		}
	}
	s.bounds = clauseBounds(s)
	s.markFuture()
	s.retype()
	s.arrivalVisit()
	s.presentAt()
	s.posted()
}

// namesEquipment reports a violence word inside a piece of equipment's
// name ("attack helicopters", "aviões de ataque", listed as equipment):
// such craft are sold and delivered, not fired.
func (s *sentence) namesEquipment(h cue) bool {
	return s.within(lexicon.Equipment, h)
}

// reception is the meeting a reception verb tells when the person
// received, named with a role, stands a few words after it, past the
// day and the place ("recebeu nesta quarta-feira (21), em Brasília, o
// ministro da Defesa da Suécia, Pål Jonson"): the verb with its object
// right after it is a meeting trigger of its own ("recebeu o"), this one
// is not; a name right after a host word is in apposition to it ("il
// padrone di casa Gen Nakatani"), no guest. A sentence that tells of
// goods (a transfer or aid trigger, or equipment named: "recibió de manos
// de la embajadora dos lanchas") or a meeting already is left as it is.
func (s *sentence) reception(hosts []token.Match[lexicon.Entry]) (cue, bool) {
	if len(hosts) == 0 {
		return cue{}, false
	}
	for _, t := range s.cues[lexicon.Trigger] {
		if t.value == string(event.Meeting) || t.value == string(event.Arms) || t.value == string(event.Aid) {
			return cue{}, false
		}
	}
	for _, h := range hosts {
		for _, p := range s.persons {
			if p.Role != "" && p.Start >= h.End+2 && p.Start-h.End <= 18*s.scale &&
				!strings.ContainsAny(s.text[s.toks[h.End-1].End:s.toks[p.Start].Start], ".;:!?") {
				return cue{start: h.Start, end: h.End, value: string(event.Meeting), stem: h.Stem}, true
			}
		}
	}
	return cue{}, false
}

// visitRoles are the offices whose holder's arrival abroad is a visit.
var visitRoles = map[string]bool{"head_of_state": true, "head_of_government": true, "defence_minister": true,
	"foreign_minister": true, "minister": true, "deputy_minister": true, "chief_of_defence": true,
	"service_chief": true, "intelligence_chief": true}

// arrivalVisit makes the arrival of an office-holder a visit when the
// sentence tells no act ("Ahn Gyu-back przyjechał w środę do Warszawy",
// "ロシアの国防相が7日、北京に到着した"): the talks told after it fold into it
// and take their own day (Candidate.Arrived); it needs two states, as every
// act does.
func (s *sentence) arrivalVisit() {
	if s.has(lexicon.Trigger) {
		return
	}
	if !s.has(lexicon.Arrival) {
		return // "reist weiter nach Manila": a journey told ahead is no visit yet
	}
	arrival := s.cues[lexicon.Arrival][0]
	for _, p := range s.persons {
		if visitRoles[p.Role] {
			s.cues[lexicon.Trigger] = append(s.cues[lexicon.Trigger], cue{start: arrival.start, end: arrival.end, value: string(event.Meeting)})
			return
		}
	}
}

// presentAt makes an office-holder's presence in a place a visit when the
// sentence tells no act ("Mercoledì il ministro era a Quito", "В среду
// Евкуров был уже в Уагадугу", "notre chef de la Défense était à
// Cotonou"): a place within three words of the presence word, and a
// person with an office, or an office's word, to say who was there. The
// visit needs two states like any act: one named, the page's other state
// completes it only when the page's pair holds the one named.
func (s *sentence) presentAt() {
	if s.has(lexicon.Trigger) || !s.has(lexicon.Presence) {
		return
	}
	if !slices.ContainsFunc(s.persons, func(p people.Person) bool { return visitRoles[p.Role] }) && !s.officeNamed() {
		return // "officers were already in Assab", "the ship was in Indonesian waters": no visitor
	}
	for _, c := range s.cues[lexicon.Presence] {
		for _, m := range s.places {
			if m.Kind == gazetteer.Org || max(m.Start-c.end, c.start-m.End) > 3*s.scale {
				continue
			}
			s.cues[lexicon.Trigger] = append(s.cues[lexicon.Trigger], cue{start: c.start, end: c.end, value: string(event.Meeting)})
			return
		}
	}
}

// officeNamed reports a word of an office whose holder's travels are
// visits ("il ministro", "the defence minister"), named without the
// person. Role words are looked up only here: a presence word told with
// no act is rare.
func (s *sentence) officeNamed() bool {
	for _, m := range s.lx.Find(s.toks, lexicon.Role) {
		if visitRoles[m.Vals[0].Value] {
			return true
		}
	}
	return false
}

// posted makes a post at an embassy taken up a deployment when the
// sentence tells no other act ("Addis Ababa has appointed Colonel Dawit
// military attaché at its embassy in Nairobi", "the defence attaché's
// office at the Chinese embassy in Belgrade opened on Tuesday"): the
// officer is sent by the embassy's state. The post named in passing ("the
// attaché said", "received the boats from the defence attaché") is no
// act: it needs a word of taking the post up within eight words of it, in
// its clause, and the embassy.
func (s *sentence) posted() {
	if s.has(lexicon.Trigger) || !s.has(lexicon.Embassy) {
		return
	}
	for _, post := range s.cues[lexicon.Posting] {
		if post.value != "post" {
			continue
		}
		for _, c := range s.cues[lexicon.Posting] {
			if c.value == "appoint" && s.close(c, post, 8*s.scale) {
				s.cues[lexicon.Trigger] = append(s.cues[lexicon.Trigger], cue{start: post.start, end: post.end, value: string(event.Deployment), stem: post.stem})
				return
			}
		}
	}
}

// inDate reports whether the tokens [start, end) touch a date mention.
func (s *sentence) inDate(start, end int) bool {
	for _, d := range s.dates {
		if start < d.End && d.Start < end {
			return true
		}
	}
	return false
}

// wordAfterFits checks a cue's condition on the word after it: extra
// "before:ي,ت,ن" asks that word to start with one of the listed letters.
func wordAfterFits(toks []token.Token, at int, extra string) bool {
	list, ok := strings.CutPrefix(extra, "before:")
	if !ok {
		return true
	}
	if at >= len(toks) {
		return false
	}
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p != "" && strings.HasPrefix(toks[at].Text, p) {
			return true
		}
	}
	return false
}

func (s *sentence) has(kind lexicon.Kind) bool { return len(s.cues[kind]) > 0 }

// securityDomains are the domains that by themselves make talk about security.
// (maritime, cyber, equipment and border regions also describe trade deals.)
var securityDomains = map[string]bool{"intelligence": true, "counterterrorism": true,
	"peacekeeping": true}

var securityRoles = map[string]bool{"defence_minister": true, "chief_of_defence": true,
	"service_chief": true, "intelligence_chief": true}

// secure reports whether the sentence is about defence or security at all:
// a security word, a security domain, a military activity or a security role.
func (s *sentence) secure() bool {
	if s.has(lexicon.Security) || s.has(lexicon.Service) {
		return true // a defence word, or an armed service: "border guards", "the navy"
	}
	for _, c := range s.cues[lexicon.Domain] {
		if securityDomains[c.value] {
			return true
		}
	}
	for _, c := range s.cues[lexicon.Trigger] {
		if c.value != "meeting" && c.value != "agreement" && c.value != "rupture" && c.extra != "weak" {
			return true
		}
	}
	for _, p := range s.persons {
		if securityRoles[p.Role] {
			return true
		}
	}
	return false
}

// states returns the distinct state codes named in the sentence, in order.
func (s *sentence) states() []string {
	var out []string
	for _, m := range s.places {
		if m.Kind == gazetteer.Org {
			continue
		}
		if !slices.Contains(out, m.Code) {
			out = append(out, m.Code)
		}
	}
	return out
}

func (s *sentence) orgs() []string {
	var out []string
	for _, m := range s.places {
		if m.Kind == gazetteer.Org && !slices.Contains(out, m.Code) {
			out = append(out, m.Code)
		}
	}
	return out
}

// mentionText is the text of a gazetteer mention as written.
func (s *sentence) mentionText(m gazetteer.Mention) string {
	return s.text[s.toks[m.Start].Start:s.toks[m.End-1].End]
}

// surname is the folded last word of a name, used to link "President
// Touadéra" to "Faustin-Archange Touadéra".
func surname(name string) string {
	toks := token.Split(name)
	if len(toks) == 0 {
		return ""
	}
	// in Han, kana or Hangul a surname is the last run of characters
	// written together ("杜阿莱" of "阿登·杜阿莱"), never one character,
	// which would stand for the person wherever it is written
	key := toks[len(toks)-1].Key
	for i := len(toks) - 1; i > 0 && toks[i].Glued; i-- {
		key = toks[i-1].Key + key
	}
	return key
}

// glued returns the keys of every run of two to eight Han, kana or Hangul
// characters written together in toks (every substring of each run), the
// keys a surname of those scripts has (surname).
func glued(toks []token.Token) []string {
	var out []string
	for i := range toks {
		key := toks[i].Key
		for j := i + 1; j < len(toks) && j-i < 8 && toks[j].Glued; j++ {
			key += toks[j].Key
			out = append(out, key)
		}
	}
	return out
}

func normSpace(s string) string { return token.Squeeze(s) }

// properName reports words that are all capitalised (Latin or Cyrillic).
func properName(toks []token.Token) bool {
	for _, t := range toks {
		if !t.Cap {
			return false
		}
	}
	return true
}

// dropNameParts drops the cities, capitals and state names written inside
// a foreign name in Han or kana, whose parts a middle dot joins: 班吉
// (Bangui) in "朱马·卡班吉" and 巴西 (Brazil) in "萨比特·阿巴西" end a
// surname.
func dropNameParts(places []gazetteer.Mention, toks []token.Token, src string) []gazetteer.Mention {
	return slices.DeleteFunc(places, func(m gazetteer.Mention) bool {
		if !m.Kind.IsPlace() && m.Kind != gazetteer.Name {
			return false
		}
		for k := m.Start; k > 0 && k > m.Start-4; k-- {
			gap := src[toks[k-1].End:toks[k].Start]
			if strings.ContainsAny(gap, "·・‧") {
				// a name's part, the place glued after its first characters;
				// a state's name only after characters of its own script
				// (not "整備・修理をインド側が": a list, then a particle)
				return k < m.Start && (m.Kind != gazetteer.Name || sameScript(toks[k:m.Start], toks[m.Start].Text))
			}
			if gap != "" {
				return false
			}
		}
		return false
	})
}

// townsByCues finds the towns of the world list where a place is looked
// for: after a locative, visit or arrival cue (before it, for a
// postposition), before a locative case ending, and at the start of a
// line that may be a dateline. Asking only there keeps the list's
// 24,000 towns from slowing the reading of every word.
func (x *Extractor) townsByCues(s *sentence) []gazetteer.Mention {
	var at []int
	if s.index < datelineLines {
		at = append(at, 0)
	}
	// as far as townPlace and fromPlace look: two words after a locative
	// or arrival, four after a visit word; a name before a postposition
	for _, k := range []lexicon.Kind{lexicon.Locative, lexicon.Visit, lexicon.Arrival, lexicon.LocSuffix} {
		within := 2
		if k == lexicon.Visit {
			within = 4
		}
		for _, c := range s.cues[k] {
			if c.extra == "prev" || k == lexicon.LocSuffix {
				for i := max(0, c.start-4*s.scale); i < c.start; i++ {
					at = append(at, i)
				}
				continue
			}
			for i := c.end; i <= c.end+within*s.scale && i < len(s.toks); i++ {
				at = append(at, i)
			}
			if k == lexicon.Locative && s.scale == 1 {
				// the town that ends a site's name: "at the École des
				// officiers de Thiès" (placeAfterSite)
				site := s.siteAfter(c)
				for i := c.end; i < c.end+siteWords && i+1 < len(s.toks) && (site || s.toks[i].Cap || s.linkWord(i)); i++ {
					at = append(at, i+1)
				}
			}
		}
	}
	if len(at) == 0 {
		return nil
	}
	slices.Sort(at)
	var towns []gazetteer.Mention
	end := 0
	for _, i := range slices.Compact(at) {
		if t := s.toks[i]; i < end || !t.Cap && !t.Uncased {
			continue // a town's name is capitalised where the script has capitals
		}
		if m, ok := x.gaz.TownAt(s.toks, i, s.lx.Lang, s.places); ok {
			towns = append(towns, m)
			end = m.End
		}
	}
	return towns
}

// freeTowns drops the towns whose words are a person's name, a date's or
// part of a foreign name written in Han or kana.
func (s *sentence) freeTowns(towns []gazetteer.Mention) []gazetteer.Mention {
	if s.scale > 1 {
		towns = dropNameParts(towns, s.toks, s.text)
	}
	return slices.DeleteFunc(towns, func(m gazetteer.Mention) bool {
		return slices.ContainsFunc(s.persons, func(p people.Person) bool { return p.Start < m.End && m.Start < p.End }) ||
			slices.ContainsFunc(s.dates, func(d dates.Mention) bool { return d.Start < m.End && m.Start < d.End })
	})
}

// startsUpper reports a phrase whose first letter is a capital.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// sameScript reports tokens all written in the script (Han, katakana)
// of the first letter of w.
func sameScript(toks []token.Token, w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	script := token.Script(r)
	if script == nil {
		return false
	}
	for _, t := range toks {
		for _, c := range t.Text {
			if !unicode.Is(script, c) {
				return false
			}
		}
	}
	return true
}

// dropWaters removes states that only name a body of water: "Indian
// Ocean", "Gulf of Guinea", "Lake Chad", "Японское море", "بحر الصين".
func dropWaters(places []gazetteer.Mention, waters []token.Match[lexicon.Entry], toks []token.Token, lx *lexicon.Lexicon) []gazetteer.Mention {
	if len(waters) == 0 {
		return places
	}
	water := make([]bool, len(places))
	for i, m := range places {
		for _, w := range waters {
			if m.End == w.Start || m.Start == w.End ||
				(m.Start == w.End+1 && lx.Is(lexicon.Genitive, toks[w.End].Key)) {
				water[i] = true
				break
			}
		}
	}
	// adjectives coordinated before one water word: "the Japanese and East
	// China seas" (names are not: "Türkiye ve Pakistan deniz…")
	for i := len(places) - 2; i >= 0; i-- {
		if n := places[i+1]; water[i+1] && places[i].Kind == gazetteer.Demonym && n.Kind == gazetteer.Demonym &&
			n.Start == places[i].End+1 && lx.Is(lexicon.Conjunction, toks[places[i].End].Key) {
			water[i] = true
		}
	}
	out := places[:0:0]
	for i, m := range places {
		if !water[i] || m.Kind == gazetteer.Org {
			out = append(out, m)
		}
	}
	return out
}

// markFuture marks the dates that a future cue governs ("will sign on
// Saturday", "se rendra en mars", "planned for the end of 2025"): without
// a year they resolve forward, and none says when the page was written.
func (s *sentence) markFuture() {
	for i := range s.dates {
		d := &s.dates[i]
		if d.Last || d.IsRel || d.IsRelYear || d.IsRelMonth || d.IsRelWeek || (d.Year > 0 && !d.YearEnd) || (d.Year == 0 && d.Weekday == 0 && d.Month == 0) {
			continue
		}
		for _, m := range s.cues[lexicon.Modal] {
			if m.end <= d.Start && d.Start-m.end <= 8 && s.reach(m.end-1, d.Start, false) {
				d.Future = true
			}
		}
	}
}
