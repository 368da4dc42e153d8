// Package lexicon loads the per-language vocabularies in
// internal/langdata/<lang>/lexicon/*.tsv:
// event triggers, agreement-stage and domain cues, roles and titles, month
// and weekday names, page-furniture lines, stopwords and abbreviations (the
// format is in docs/DATA_FORMATS.md). It turns them into phrase tries that
// later stages query by kind; it does not know what an event is.
package lexicon

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"pactwatch/internal/langdata"
	"pactwatch/internal/token"
	"pactwatch/internal/tsv"
)

// Entry is one line of a lexicon file.
type Entry struct {
	Kind  Kind
	Value string
	Extra string // "weak" for weak triggers; the English kind for agreements
	Text  string // the phrase as written
}

// Void is the value of an entry that is matched only to be dropped: a
// longer phrase that holds a cue but is not one ("at the request of" is
// not a request, "asset freezes" not a rupture). Being longest, it keeps
// the shorter cue inside it from matching.
const Void = "void"

// Lexicon is one language's vocabulary.
type Lexicon struct {
	Lang      string
	tries     map[Kind]*token.Trie[Entry]
	all       token.Trie[Entry]          // every kind's phrases in one trie, for FindKinds
	entries   map[Kind][]Entry           // by kind, for checks
	words     map[Kind]map[string]string // one-word phrases by folded form → value
	Stopwords map[string]bool
	IDWords   map[string]bool // stopwords as language identification counts them
	// Vocab holds every folded word of every phrase: what breaks a tie
	// between two languages whose stopwords a short text shares
	Vocab       map[string]bool
	Abbrevs     map[string]bool // folded, without the final period
	Boilerplate []Entry
	traits      map[string]bool // the values of the trait entries
}

// Set holds the lexicons of every supported language.
type Set struct {
	byLang map[string]*Lexicon
}

// Kind is the kind of a lexicon line: what its phrases are cues of.
type Kind string

// The kinds a lexicon line may have (docs/DATA_FORMATS.md explains each).
const (
	Trigger      Kind = "trigger"      // reports an event type (value)
	Stage        Kind = "stage"        // an agreement stage
	Modal        Kind = "modal"        // intent or future: "will", "intend to"
	Hypothetical Kind = "hypothetical" // what may or could be: "may", "could", "possible"
	Request      Kind = "request"      // asking for an act: "asked ... for", "called for"
	Demand       Kind = "demand"       // demanding an act: "demanded", "insisted on"
	Threat       Kind = "threat"       // threatening an act: "threatened to", "warned"
	Refusal      Kind = "refusal"      // refusing an act: "rejected", "refused to", "opposed"
	Condition    Kind = "condition"    // an act under a condition: "if", "unless", "until"
	Negation     Kind = "negation"     // denies the act: "not", "never", "denied"
	Combat       Kind = "combat"       // arms used or seized: "shelled", "fired", "seized"
	Hostile      Kind = "hostile"      // violence in the sentence: "attack", "killed"
	Adversary    Kind = "adversary"    // armed non-state side: "gangs", "rebels", "armed groups"
	Provision    Kind = "provision"    // what an agreement provides for: "provides for", "covers"
	Framework    Kind = "framework"    // the act named after it is a framework: "under", "as part of"
	Occasion     Kind = "occasion"     // the act named after ("next") or before ("prev") it is the occasion of another: "during", "sırasında"
	Document     Kind = "document"     // a noun that names an agreement told before: "the document", "the text", "muhtıra"
	Clause       Kind = "clause"       // a word opening a new clause: "which", "while", "after"
	Joint        Kind = "joint"        // "joint", "combined": done together
	Service      Kind = "service"      // an armed service: "navy", "air force", "marines"
	CodeName     Kind = "codename"     // introduces a code name: "code-named", "dubbed"
	Equipment    Kind = "equipment"    // a piece of equipment: "radars", "aircraft", "systems"
	Arrival      Kind = "arrival"      // arriving: "arrived in", "landed in"
	Departure    Kind = "departure"    // leaving: "left Goma", "a quitté", "покинули"
	Aside        Kind = "aside"        // a state after it is a landmark, not a party: "border with", "over"
	Domain       Kind = "domain"       // a spec domain
	Pair         Kind = "pair"         // "the two countries"
	Group        Kind = "group"        // counts the states of an act (value 3, 4): "the three countries", "trilateral"
	We           Kind = "we"           // first-person plural: "we signed", "sent us", "our contingent" stand for the speaker's state
	Duo          Kind = "duo"          // the two sides' persons named before: "the two ministers", "両氏"
	Visit        Kind = "visit"        // a visit's destination ("to") or origin ("from")
	Purchase     Kind = "purchase"     // buying: "bought", "purchase", "acquire": the subject receives the arms, the seller gives them
	Host         Kind = "host"         // receiving or hosting: "received", "were welcomed" (a reception attends an arrival)
	Agent        Kind = "agent"        // the giver of goods or training after a passive or a source: "by", "par", "tarafından" (extra prev)
	Trainer      Kind = "trainer"      // those who give training: "instructors", "formateurs": the state named with them trains
	Trainee      Kind = "trainee"      // the subject is trained: "completed", "underwent", "ont suivi": the other state trains
	Recipient    Kind = "recipient"    // marks who receives goods or aid: "to the", "kepada" (value next: named after it), "को", "ordusuna" (prev: named before it)
	Press        Kind = "press"        // the press: "reporters", "journalists", "la presse", "기자들": met by a leader, no meeting of states
	Report       Kind = "report"       // a verb that reports: "said", "a annoncé", "밝혔다": a date right beside it dates the report, not the act
	Anchor       Kind = "anchor"       // "after the", "before", "ardından" (prev): the act named next to it is a time reference when another act is told
	Shift        Kind = "shift"        // opens a sentence that turns to other news: "meanwhile", "par ailleurs", "한편"
	NonGoods     Kind = "nongoods"     // what is handed over that is no goods: "a message", "a list", "a cheque", "the command"
	NonLethal    Kind = "nonlethal"    // goods that kill no one: "radios", "bulletproof vests", "non-lethal": given as aid, they stay aid
	Body         Kind = "body"         // a state's own body: "parliament", "cabinet", "Genel Kurul": its sessions are no meeting of states
	Honours      Kind = "honours"      // ceremonial honours at a visit: "guard of honour", "почётный караул": those who render them are no deployment
	Locative     Kind = "locative"     // "in", "à": the next place is where it happened
	Background   Kind = "background"   // history, not news
	Role         Kind = "role"         // a person's role
	Title        Kind = "title"        // a rank or honorific before a name
	Counterpart  Kind = "counterpart"  // "his counterpart"
	Month        Kind = "month"        // month names (value 1-12)
	Weekday      Kind = "weekday"      // weekday names (value 1-7)
	Ordinal      Kind = "ordinal"      // a day of the month written as a word (value 1-31)
	Relday       Kind = "relday"       // the day before yesterday, yesterday, today, tomorrow, the day after (-2 … 2)
	Last         Kind = "last"         // "last", "dernier"
	Next         Kind = "next"         // "next", "prochain"
	This         Kind = "this"         // "this" before the word for week, month or year: "this week", "cette semaine" (the publication's)
	YearEnd      Kind = "yearend"      // "end of" before a year
	PubLine      Kind = "publine"      // opens a publication line: "Published on", "Publié le", "Updated"
	Boilerplate  Kind = "boilerplate"  // page furniture lines
	Counter      Kind = "counter"      // the label of a view counter, before (value before) or after (after) the number: "vues", "просмотр*"
	Credit       Kind = "credit"       // a photo or source credit label (value label: "Photo", "Source") or a byline word (byline: "By", "Par")
	Stopword     Kind = "stopword"     // common function words (language identification)
	Abbrev       Kind = "abbrev"       // abbreviations that do not end a sentence
	Security     Kind = "security"     // puts a sentence in the defence domain
	YearWord     Kind = "yearword"     // the word for "year"
	MonthWord    Kind = "monthword"    // the word for "month": "last month", "mwezi uliopita"
	WeekWord     Kind = "weekword"     // the word for "week": "last week", "la semaine dernière"
	CapitalWord  Kind = "capitalword"  // "capital", "coast": with a demonym, a place
	Embassy      Kind = "embassy"      // "embassy": with a demonym, in the other state
	Seat         Kind = "seat"         // a government or command: "the government in Phnom Penh" names the state, not a place
	LocSuffix    Kind = "locsuffix"    // a locative ending after an apostrophe ("Ankara'da")
	WaterWord    Kind = "waterword"    // "sea", "ocean": a state named with it is water
	Connector    Kind = "connector"    // a particle of a person's name ("de", "van", "bin"; value article, suffix, end: see docs); read on every page whatever its language
	Conjunction  Kind = "conjunction"  // "and": joins two persons or two states
	Article      Kind = "article"      // a grammatical article: "the", "le", "el"
	Plural       Kind = "plural"       // a plural affix (value suffix, prefix) or a whole plural word (value: its singular)
	NameEnding   Kind = "nameending"   // a case ending of a name (value "group/nominative ending"): "ым" 1/-, "ем" 2/ей
	Topic        Kind = "topic"        // a specific topic of an agreement's kind (value: the topic): "naval*", "nuclear"
	Qualifier    Kind = "qualifier"    // a word that continues a role phrase after its noun: "لدى", "العام"
	DaySuffix    Kind = "daysuffix"    // written after a day's number: "er" (1er), "st", "th", "º"
	Genitive     Kind = "genitive"     // the word of a genitive link: "of", "de", "ya"
	SameDay      Kind = "sameday"      // "the same day", "on that occasion": an act on the day told just before
	Evening      Kind = "evening"      // "on Monday evening", "jioni": late in a day; a visitor arriving then meets no one before the next
	Phone        Kind = "phone"        // a call by telephone or video: "held a phone call", "par téléphone", "電話会談": the talks have no place
	PortCall     Kind = "portcall"     // a warship's call at a port: "port call", "fait escale", "liman ziyareti", "寄港": no act between the states
	Range        Kind = "range"        // joins the first and last day of a range: "to" (8 to 11 May), "au", "по", "bis"
	DateFiller   Kind = "datefiller"   // a word that may stand between a date's parts: "de", "of", "года"
	Trait        Kind = "trait"        // a trait of the language's writing (value nouncaps: every noun takes a capital); the phrase says it in words
	HomeState    Kind = "homestate"    // the state whose press mostly writes the language (value its alpha-3); the phrase names it
	Letter       Kind = "letter"       // a letter that tells the language from others of its script (+ common here, +N: N of every 100 letters; - never here)
	YearMark     Kind = "yearmark"     // a unit written after a year's number: 年, 년
	MonthMark    Kind = "monthmark"    // a unit written after a month's number: 月, 월
	DayMark      Kind = "daymark"      // a unit written after a day's number: 日, 号, 일
	DayWord      Kind = "dayword"      // names a day of the month alone, before (value before) or after (after) its number: "el día 14", "tarehe 14", "14 तारीख"
	Era          Kind = "era"          // an era name before its year (value: the Gregorian year of its first year): 令和 2019
	Posting      Kind = "posting"      // a post at an embassy (value post: "defence attaché") or taking one up (appoint: "appointed", "took up"): a deployment
	Presence     Kind = "presence"     // being somewhere: "was in", "était à", "был в": an office-holder's presence abroad, told with no act, is a visit
	Count        Kind = "count"        // a cardinal number word: "two", "deux", "zwei": counted equipment after a contract's noun is goods bought
	Site         Kind = "site"         // a site's noun: "base", "academy", "port": after a locative, the town that ends its phrase is where it happened
)

// Kinds lists every kind, once.
var Kinds = []Kind{Trigger, Stage, Modal, Hypothetical, Request, Demand, Threat, Refusal, Condition,
	Negation, Combat, Hostile, Adversary, Provision, Framework, Occasion, Document, Clause, Joint, Service, CodeName, Equipment, Arrival,
	Departure, Aside, Domain, Pair, Group, We, Duo, Visit, Host, Trainer, Trainee, Recipient, Press, Report, Anchor, Shift, NonGoods, NonLethal, Body, Honours, Agent, Purchase, Locative, Background, Role, Title, Counterpart, Month, Weekday, Ordinal, Relday,
	Last, Next, This, YearEnd, PubLine, Boilerplate, Counter, Credit, Stopword, Abbrev, Security, YearWord, MonthWord, WeekWord, CapitalWord, Embassy, Seat,
	LocSuffix, WaterWord, Connector, Conjunction, Article, Plural, NameEnding, Topic, Qualifier, DaySuffix, Genitive, SameDay, Evening, Phone, PortCall, Range, DateFiller, Trait, HomeState, Letter, YearMark, MonthMark, DayMark, DayWord, Era, Count, Posting, Presence, Site}

// maxKinds bounds the number of kinds (an array indexed by kindIndex).
const maxKinds = 128

// kindIndex numbers the kinds in the order of Kinds.
var kindIndex = func() map[Kind]int {
	if len(Kinds) > maxKinds {
		panic("lexicon: more kinds than maxKinds")
	}
	m := make(map[Kind]int, len(Kinds))
	for i, k := range Kinds {
		m[k] = i
	}
	return m
}()

// Load reads every language's lexicon files (package langdata).
func Load() (*Set, error) {
	files, err := langdata.Lexicon()
	if err != nil {
		return nil, err
	}
	s := &Set{byLang: map[string]*Lexicon{}}
	for _, f := range files {
		lx := s.byLang[f.Lang]
		if lx == nil {
			lx = newLexicon(f.Lang)
			s.byLang[f.Lang] = lx
		}
		if err := lx.parse(f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	// a person's name keeps its particles whatever the page's language:
	// every lexicon reads every language's connectors, but those its own
	// language voids ("di" is "in" in Indonesian, not "Di" of a name)
	for _, a := range s.byLang {
		for _, b := range s.byLang {
			for w, v := range a.words[Connector] {
				if bv, ok := b.words[Connector][w]; !ok || bv != Void {
					b.addWord(Connector, w, v)
				}
			}
		}
	}
	return s, nil
}

func (lx *Lexicon) addWord(kind Kind, key, value string) {
	m := lx.words[kind]
	if m == nil {
		m = map[string]string{}
		lx.words[kind] = m
	}
	m[key] = value
}

// Word returns the value of the one-word phrase of a kind whose folded form
// is key, and whether there is one.
func (lx *Lexicon) Word(kind Kind, key string) (string, bool) {
	if lx == nil {
		return "", false
	}
	v, ok := lx.words[kind][key]
	return v, ok
}

// Exact is the extra column of a one-word entry that matches only the word
// as written (case aside), not its folded form: Polish "maja" (of May) is
// not "mają" (they have), German "würde" (would) not "wurde" (was). On an
// ending ("*rán") it matches a lowercase word that ends so as written and
// has at least two letters before the ending: the Spanish future
// "realizarán", not "Irán" nor "durante".
const Exact = "exact"

// Glued is the value of an entry that is a letter or syllable glued
// before the word it belongs to: the Arabic article ال (kind article), the
// conjunction و (conjunction), the preposition ب "in" (locative).
const Glued = "glued"

// Prefixes returns the texts, as written, of the entries of a kind whose
// value is Glued.
func (lx *Lexicon) Prefixes(kind Kind) []string {
	if lx == nil {
		return nil
	}
	var out []string
	for _, e := range lx.entries[kind] {
		if e.Value == Glued {
			out = append(out, e.Text)
		}
	}
	return out
}

// The traits a language's writing may have (kind trait).
const (
	TraitNounCaps   = "nouncaps"   // every noun takes a capital (German): capitals show no names
	TraitNameFirst  = "namefirst"  // names come before their role (Japanese, Korean)
	TraitVerbFinal  = "verbfinal"  // the verb ends its clause (Japanese, Korean, Hindi, Turkish, Persian)
	TraitMonthFirst = "monthfirst" // a date in figures puts the month before the day: 11/16 (Japanese, Chinese, Korean)
	TraitHeadFinal  = "headfinal"  // a noun follows its modifiers and a verb its object (Turkish, Japanese, Korean, Hindi): a people's adjective after an act word opens another phrase
	TraitFamilyName = "familyname" // a name opens with a one-syllable family name, written alone before a title once the person is known (Korean "안 장관" for 안규백)
)

// HasTrait reports whether the language's writing has a trait (kind trait,
// one of the Trait constants).
func (lx *Lexicon) HasTrait(name string) bool {
	return lx != nil && lx.traits[name] // asked for every cue a mood rule weighs: a set, not a scan
}

// HomeState returns the state whose press mostly writes the language
// (kind homestate); "" for a language written across many states' press.
func (lx *Lexicon) HomeState() string {
	if lx == nil || len(lx.entries[HomeState]) == 0 {
		return ""
	}
	return lx.entries[HomeState][0].Value
}

// Is reports whether key (a folded word) is a one-word phrase of a kind.
func (lx *Lexicon) Is(kind Kind, key string) bool {
	_, ok := lx.Word(kind, key)
	return ok
}

func newLexicon(lang string) *Lexicon {
	return &Lexicon{Lang: lang, tries: map[Kind]*token.Trie[Entry]{}, entries: map[Kind][]Entry{}, words: map[Kind]map[string]string{},
		Stopwords: map[string]bool{}, IDWords: map[string]bool{}, Abbrevs: map[string]bool{}, Vocab: map[string]bool{}, traits: map[string]bool{}}
}

// Parse builds a lexicon from TSV bytes.
func Parse(lang string, data []byte) (*Lexicon, error) {
	lx := newLexicon(lang)
	if err := lx.parse(lang, data); err != nil {
		return nil, err
	}
	return lx, nil
}

func (lx *Lexicon) parse(name string, data []byte) error {
	known := map[Kind]bool{}
	for _, k := range Kinds {
		known[k] = true
	}
	return tsv.Rows(data, func(line int, cols []string) error {
		if len(cols) < 3 {
			return fmt.Errorf("lexicon %s line %d: want 3 or 4 tab-separated columns, got %d", name, line, len(cols))
		}
		e := Entry{Kind: Kind(strings.TrimSpace(cols[0])), Value: strings.TrimSpace(cols[1]), Text: strings.TrimSpace(cols[2])}
		if len(cols) > 3 {
			e.Extra = strings.TrimSpace(cols[3])
		}
		if !known[e.Kind] {
			return fmt.Errorf("lexicon %s line %d: unknown kind %q", name, line, e.Kind)
		}
		lx.entries[e.Kind] = append(lx.entries[e.Kind], e)
		if e.Value == Glued {
			return nil // a letter glued before a word: read with Prefixes, never matched alone
		}
		if keys, star := token.Phrase(e.Text); len(keys) == 1 && !star && !strings.HasPrefix(e.Text, "*") {
			lx.addWord(e.Kind, keys[0], e.Value)
		}
		ending := e.Extra == Exact && strings.HasPrefix(e.Text, "*") // "*era" is an ending, not the word "era"
		if e.Kind != Letter && e.Kind != Trait && e.Kind != HomeState && e.Kind != Stopword && e.Value != Void && !ending {
			if keys, _ := token.Phrase(strings.Trim(e.Text, "*")); len(keys) > 0 {
				for _, k := range keys {
					if len([]rune(k)) > 2 {
						lx.Vocab[k] = true
					}
				}
			}
		}
		if e.Kind == Month || e.Kind == Weekday {
			// a month's or a day's name is as telling as a stopword: "juin"
			// tells French from Spanish when their articles tie
			if keys, star := token.Phrase(e.Text); len(keys) == 1 && !star && len([]rune(keys[0])) > 2 {
				lx.IDWords[keys[0]] = true
			}
		}
		switch e.Kind {
		case Stopword:
			lx.Stopwords[token.Fold(e.Text)] = true
			lx.IDWords[token.Fold(e.Text)] = true
			if toks := token.Split(e.Text); len(toks) > 1 && toks[0].End-toks[0].Start > 1 && token.IsSyllabic([]rune(toks[0].Text)[0]) {
				// language identification reads a word of a script without
				// spaces character by character, like the text: として
				// counts と, し and て
				for _, t := range toks {
					lx.IDWords[t.Key] = true
				}
			}
		case Abbrev:
			lx.Abbrevs[token.Fold(strings.TrimSuffix(e.Text, "."))] = true
		case Boilerplate:
			lx.Boilerplate = append(lx.Boilerplate, e)
		case Letter, Trait, HomeState:
			// read with Entries, HasTrait or HomeState, never matched as words
			if e.Kind == Trait {
				lx.traits[e.Value] = true
			}
		default:
			t := lx.tries[e.Kind]
			if t == nil {
				t = &token.Trie[Entry]{}
				lx.tries[e.Kind] = t
			}
			if ending {
				t.AddEnding(e.Text, e) // checked against the word as written (EndsExactly)
				lx.all.AddEnding(e.Text, e)
			} else {
				t.AddPhrase(e.Text, e)
				lx.all.AddPhrase(e.Text, e)
			}
		}
		return nil
	})
}

// Get returns the lexicon of lang, or nil.
func (s *Set) Get(lang string) *Lexicon { return s.byLang[lang] }

// Langs returns the languages with a lexicon, sorted.
func (s *Set) Langs() []string {
	out := make([]string, 0, len(s.byLang))
	for l := range s.byLang {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Find returns the non-overlapping phrases of one kind in toks.
func (lx *Lexicon) Find(toks []token.Token, kind Kind) []token.Match[Entry] {
	if lx == nil {
		return nil
	}
	t := lx.tries[kind]
	if t == nil {
		return nil
	}
	return t.Scan(toks, nil)
}

// FindKinds is Find for several kinds at once, in one walk over the tokens.
func (lx *Lexicon) FindKinds(toks []token.Token, kinds []Kind) map[Kind][]token.Match[Entry] {
	if lx == nil {
		return map[Kind][]token.Match[Entry]{}
	}
	return lx.findKinds(toks, kinds, func(i int) []token.Match[Entry] { return lx.all.MatchAt(toks, i) })
}

// findKinds is FindKinds with the phrases of every kind at a position
// given by at.
func (lx *Lexicon) findKinds(toks []token.Token, kinds []Kind, at func(int) []token.Match[Entry]) map[Kind][]token.Match[Entry] {
	out := map[Kind][]token.Match[Entry]{}
	// want[kindIndex[k]] is 1 + k's position in kinds, 0 for a kind not asked
	var want [maxKinds]int
	for ki, k := range kinds {
		want[kindIndex[k]] = ki + 1
	}
	next := make([]int, len(kinds)) // where each kind's next phrase may start
	for i := range toks {
		// the matches come longest first: a kind's first is its longest
		for _, m := range at(i) {
			for vi, v := range m.Vals {
				ki := want[kindIndex[v.Kind]] - 1
				if ki < 0 || next[ki] > i {
					continue
				}
				// a later entry of the same kind joins; next[ki] then skips it
				var vals []Entry
				for _, w := range m.Vals[vi:] {
					if w.Kind == v.Kind {
						vals = append(vals, w)
					}
				}
				out[v.Kind] = append(out[v.Kind], token.Match[Entry]{Start: m.Start, End: m.End, Stem: m.Stem, Vals: vals})
				next[ki] = m.End
			}
		}
	}
	return out
}

// At returns the phrases of one kind starting at toks[i], longest first.
func (lx *Lexicon) At(toks []token.Token, i int, kind Kind) []token.Match[Entry] {
	if lx == nil {
		return nil
	}
	t := lx.tries[kind]
	if t == nil {
		return nil
	}
	return t.MatchAt(toks, i)
}

// Size returns the number of phrases of one kind.
func (lx *Lexicon) Size(kind Kind) int {
	if t := lx.tries[kind]; t != nil {
		return t.Len()
	}
	return 0
}

// Entries returns the entries of one kind, in file order.
func (lx *Lexicon) Entries(kind Kind) []Entry { return lx.entries[kind] }

// values lists the values of one kind's entries.
func (lx *Lexicon) values(kind Kind) []string {
	var out []string
	for _, e := range lx.entries[kind] {
		out = append(out, e.Value)
	}
	return out
}

// Cached is a lexicon read over one token list: At walks the trie of every
// kind once at a position and keeps what it found there, so that asking
// for several kinds at one position costs one walk. It answers as the
// lexicon does; for another token list it asks the lexicon.
type Cached struct {
	*Lexicon
	toks []token.Token
	at   [][]token.Match[Entry]
	done []bool
}

// Cached returns the lexicon read over toks.
func (lx *Lexicon) Cached(toks []token.Token) *Cached {
	return &Cached{Lexicon: lx, toks: toks, at: make([][]token.Match[Entry], len(toks)), done: make([]bool, len(toks))}
}

// all returns the phrases of every kind starting at c.toks[i].
func (c *Cached) all(i int) []token.Match[Entry] {
	if !c.done[i] {
		c.at[i], c.done[i] = c.Lexicon.all.MatchAt(c.toks, i), true
	}
	return c.at[i]
}

// FindKinds is Lexicon.FindKinds over the token list c reads.
func (c *Cached) FindKinds(kinds []Kind) map[Kind][]token.Match[Entry] {
	if c.Lexicon == nil {
		return map[Kind][]token.Match[Entry]{}
	}
	return c.findKinds(c.toks, kinds, c.all)
}

// At returns the phrases of one kind starting at toks[i], longest first.
func (c *Cached) At(toks []token.Token, i int, kind Kind) []token.Match[Entry] {
	if c.Lexicon == nil || i < 0 || i >= len(toks) {
		return nil
	}
	if len(toks) != len(c.toks) || &toks[0] != &c.toks[0] {
		return c.Lexicon.At(toks, i, kind)
	}
	var out []token.Match[Entry]
	for _, m := range c.all(i) {
		var vals []Entry
		for _, v := range m.Vals {
			if v.Kind == kind {
				vals = append(vals, v)
			}
		}
		if vals != nil {
			out = append(out, token.Match[Entry]{Start: m.Start, End: m.End, Stem: m.Stem, Vals: vals})
		}
	}
	return out
}

// EndsExactly reports a word that an exact ending entry ("*rán") matches:
// lowercase, ending so as written, with two letters or more before it.
func EndsExactly(word, entry string) bool {
	end := strings.TrimPrefix(entry, "*")
	return word == strings.ToLower(word) && strings.HasSuffix(word, end) &&
		utf8.RuneCountInString(word) >= utf8.RuneCountInString(end)+2
}
