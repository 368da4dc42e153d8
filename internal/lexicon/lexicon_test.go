package lexicon

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"pactwatch/internal/langdata"
	"pactwatch/internal/token"
)

// moods are the values of the kinds that keep an act from being one: the
// cue governs the act after it (next) or, in verb-final wording and verb
// suffixes, the act before it (prev), or either (both); void phrases only
// block shorter cues.
var moods = []string{"next", "prev", "both", Void}

var values = map[Kind][]string{
	Group:        {"3", "4"},
	We:           {"-"},
	NonLethal:    {"-"},
	Trigger:      {"meeting", "agreement", "training", "exercise", "intelligence", "arms", "deployment", "aid", "rupture", Void},
	Stage:        {"proposed", "negotiating", "signed", "ratified", "in_force", "suspended", "terminated", Void},
	Modal:        {"future"},
	Hypothetical: moods,
	Request:      moods,
	Demand:       moods,
	Threat:       moods,
	Refusal:      moods,
	Condition:    moods,
	Negation:     {"-", "next", "prev", "both", Void},
	Combat:       {"-", Void},
	Hostile:      {"-"},
	Adversary:    {"-", Void},
	Provision:    moods,
	Framework:    moods,
	Occasion:     {"next", "prev"},
	Document:     {"-"},
	MonthWord:    {"-", Void},
	WeekWord:     {"-", Void},
	DayWord:      {"before", "after"},
	Clause:       {"-", "back", "conn", "list"},
	Joint:        {"-"},
	Service:      {"army", "navy", "air_force", "marines", "special_forces", "gendarmerie", "coast_guard"},
	CodeName:     {"-"},
	Equipment:    {"-"},
	Trainee:      {"-", "next"},
	Phone:        {"-"},
	PortCall:     {"-"},
	Count:        {"-"},
	Posting:      {"post", "appoint"},
	Presence:     {"-"},
	Arrival:      {"-", Void},
	Departure:    {"-"},
	Aside:        {"-", "prev"},
	Visit:        {"to", "from"},
	Role:         {"head_of_state", "head_of_government", "defence_minister", "foreign_minister", "minister", "chief_of_defence", "service_chief", "intelligence_chief", "ambassador", "deputy_minister", "official"},
	Domain:       {"training", "intelligence", "counterterrorism", "peacekeeping", "maritime", "cyber", "equipment", "logistics", "welfare", "human_resources", "border_security", "capacity_building", "defence_industry", "governance", "economic", "regional_security"},
	Boilerplate:  {"prefix", "contains"},
	Relday:       {"-2", "-1", "0", "1", "2"},
	Trait:        {TraitNounCaps, TraitNameFirst, TraitVerbFinal, TraitMonthFirst, TraitHeadFinal, TraitFamilyName},
}

func TestFilesAreWellFormed(t *testing.T) {
	files, err := langdata.Lexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		p, b := f.Name, f.Data
		seen := map[string]int{}
		sc := bufio.NewScanner(bytes.NewReader(b))
		line := 0
		for sc.Scan() {
			line++
			text := sc.Text()
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			cols := strings.Split(text, "\t")
			kind, value, phrase := Kind(cols[0]), cols[1], cols[2]
			if allowed, ok := values[kind]; ok && !contains(allowed, value) {
				t.Errorf("%s:%d: %s value %q not allowed", p, line, kind, value)
			}
			if kind == Month || kind == Weekday || kind == Ordinal {
				n, err := strconv.Atoi(value)
				if err != nil || n < 1 || (kind == Month && n > 12) || (kind == Weekday && n > 7) || n > 31 {
					t.Errorf("%s:%d: bad %s number %q", p, line, kind, value)
				}
			}
			if inner := strings.TrimPrefix(strings.TrimSuffix(phrase, "*"), "*"); strings.Contains(inner, "*") {
				t.Errorf("%s:%d: %q has a star inside; only the last word may end with one", p, line, phrase)
			}
			if strings.HasSuffix(phrase, "*") {
				keys, _ := token.Phrase(phrase)
				if len(keys) == 0 || utf8.RuneCountInString(keys[len(keys)-1]) < 4 {
					t.Errorf("%s:%d: stem %q shorter than 4 letters", p, line, phrase)
				}
			}
			keys, _ := token.Phrase(phrase)
			k := string(kind) + "\t" + strings.Join(keys, " ") + "\t" + strings.TrimSuffix(phrase, "*")[len(strings.TrimSuffix(phrase, "*")):]
			if strings.HasSuffix(phrase, "*") {
				k += "*"
			}
			if value == Glued {
				k += "\tglued" // a glued letter is not the word it spells
			}
			if kind == Counter || kind == Credit {
				k = string(kind) + "\t" + value + "\t" + phrase // matched on the raw text, by position
			}
			if first, dup := seen[k]; dup && kind != Stopword && kind != Letter {
				t.Errorf("%s:%d: %s %q repeats line %d", p, line, kind, phrase, first)
			}
			seen[k] = line
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Every language has every month and weekday, triggers for every
// event type, stage cues for every stage, roles, and enough stopwords to be
// told apart.
func TestEveryLanguageIsComplete(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langdata.Langs() {
		lx := set.Get(l)
		if lx == nil {
			t.Errorf("%s: no lexicon", l)
			continue
		}
		if len(lx.Stopwords) < 50 {
			t.Errorf("%s: %d stopwords, want at least 50", l, len(lx.Stopwords))
		}
		for _, k := range []Kind{Trigger, Stage, Modal, Domain, Pair, Visit, Locative, Role, Title, Counterpart, Month, Weekday, Security,
			Hypothetical, Request, Demand, Threat, Refusal, Condition, Negation, Combat, Hostile, Adversary, Provision,
			Framework, Occasion, Document, Clause, Joint, Service, CodeName, Equipment, Arrival, Departure, Aside} {
			if lx.Size(k) == 0 {
				t.Errorf("%s: no %s phrases", l, k)
			}
		}
		for _, check := range []struct {
			kind Kind
			want []string
		}{
			{Trigger, values[Trigger][:9]},
			{Stage, values[Stage][:7]},
			{Month, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}},
			{Weekday, []string{"1", "2", "3", "4", "5", "6", "7"}},
		} {
			got := map[string]bool{}
			for _, v := range lx.values(check.kind) {
				got[v] = true
			}
			for _, w := range check.want {
				if !got[w] {
					t.Errorf("%s: no %s with value %s", l, check.kind, w)
				}
			}
		}
	}
}

// Every kind is listed once, and every kind of a data file is known (the
// parser refuses the others).
func TestKindsListedOnce(t *testing.T) {
	seen := map[Kind]bool{}
	for _, k := range Kinds {
		if seen[k] {
			t.Errorf("kind %q listed twice", k)
		}
		seen[k] = true
	}
	if _, err := Load(); err != nil {
		t.Fatal(err)
	}
}

// optionalKinds are the kinds a language may lack, and why.
var optionalKinds = map[Kind]string{
	LocSuffix:  "only languages that write case endings after an apostrophe (Turkish)",
	YearMark:   "only languages that write dates with unit marks (Chinese, Japanese, Korean)",
	MonthMark:  "only languages that write dates with unit marks",
	DayMark:    "only languages that write dates with unit marks",
	DayWord:    "only languages whose press names a day of the month alone with a word for it (el día 14, tarehe 14); others write the month or a unit mark",
	Era:        "only languages that count years in eras (Japanese)",
	Connector:  "not every language puts particles inside names",
	Article:    "not every language has articles",
	Plural:     "only languages whose role titles take a plural affix",
	Qualifier:  "only languages whose role phrases continue after the noun (Arabic)",
	DaySuffix:  "only languages that write a suffix after a day's number (1er, 1st, 1º)",
	Genitive:   "only languages with a genitive word",
	Letter:     "a language may have no letter its script's other languages lack",
	Abbrev:     "scripts without abbreviation periods",
	YearEnd:    "languages that put 'end of' after the year (Turkish, Japanese)",
	DateFiller: "languages with nothing between a date's parts",
	Range:      "languages may write ranges with a dash only",
	Trait:      "most languages' writing has no trait the rules need to know",
	HomeState:  "languages written across many states' press (English, French, Spanish, Portuguese, Arabic, Swahili, Chinese) lean to none",
	Topic:      "agreement kinds are written in English by the extractor; topics read kinds people wrote in their language",
	NameEnding: "only languages that decline names (Russian, Ukrainian, Polish)",
	Site:       "languages whose locative stands after the site's name (Japanese, Korean, Chinese, Hindi, Turkish): the place before it is found without a site's noun",
	Seat:       "languages that name a government with a genitive or a postposition, never a locative after it (Chinese, Japanese, Korean, Hindi, Turkish)",
}

// Every language reads every kind of cue, but those optionalKinds names.
func TestEveryLanguageHasEveryKind(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	langs := langdata.Langs()
	if len(langs) < 8 || !slices.Equal(langs, s.Langs()) {
		t.Fatalf("languages %v, lexicons %v", langs, s.Langs())
	}
	for _, l := range langs {
		for _, k := range Kinds {
			if _, ok := optionalKinds[k]; !ok && len(s.Get(l).Entries(k)) == 0 {
				t.Errorf("%s: no %s entry", l, k)
			}
		}
	}
}

// FindKinds finds, kind by kind, what Find finds.
func TestFindKindsIsFind(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"en": "The defence ministers of Kenya and Uganda met in Nairobi on Tuesday and signed a memorandum of understanding on joint training, but did not agree to send troops.",
		"fr": "Le ministre de la Défense a reçu son homologue à Dakar, où ils ont signé un accord de coopération militaire et discuté d'exercices conjoints.",
		"zh": "中国国防部长与肯尼亚国防部长在北京举行会谈，双方签署了军事合作协议。",
	}
	for l, text := range texts {
		lx := s.Get(l)
		toks := token.Split(text)
		got := lx.FindKinds(toks, Kinds)
		for _, k := range Kinds {
			want := lx.Find(toks, k)
			if len(got[k]) != len(want) {
				t.Errorf("%s %s: FindKinds %d matches, Find %d", l, k, len(got[k]), len(want))
				continue
			}
			for i := range want {
				if got[k][i].Start != want[i].Start || got[k][i].End != want[i].End || got[k][i].Vals[0] != want[i].Vals[0] {
					t.Errorf("%s %s: match %d differs: %+v, want %+v", l, k, i, got[k][i], want[i])
				}
			}
		}
	}
}

// A language leans to at most one home state, named by its alpha-3 code.
func TestHomeState(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range s.Langs() {
		es := s.Get(l).Entries(HomeState)
		if len(es) > 1 {
			t.Errorf("%s: %d home states", l, len(es))
		}
		for _, e := range es {
			if len(e.Value) != 3 || strings.ToUpper(e.Value) != e.Value {
				t.Errorf("%s: home %q is no alpha-3 code", l, e.Value)
			}
		}
	}
	if s.Get("pl").HomeState() != "POL" || s.Get("en").HomeState() != "" {
		t.Errorf("pl home %q, en home %q; want POL and none", s.Get("pl").HomeState(), s.Get("en").HomeState())
	}
}

// TestEndsExactly checks the ending entries that match the word as
// written: a lowercase word with a stem before the ending.
func TestEndsExactly(t *testing.T) {
	for _, c := range []struct {
		word, entry string
		want        bool
	}{
		{"realizarán", "*rán", true},
		{"será", "*rá", true},
		{"Irán", "*rán", false},    // a name, and no stem before the ending
		{"durante", "*rán", false}, // folded it would end so; as written it does not
		{"ahora", "*rá", false},
		{"caméra", "*era", false},
		{"signera", "*era", true},
	} {
		if got := EndsExactly(c.word, c.entry); got != c.want {
			t.Errorf("EndsExactly(%q, %q) = %v, want %v", c.word, c.entry, got, c.want)
		}
	}
}

// TestMeetingWordsAreNoArrival checks that a verb of arriving inside a
// meeting phrase ("bir araya geldi", came together) is read as no
// arrival, while the verb alone ("Ankara'ya geldi", came to Ankara) is.
func TestMeetingWordsAreNoArrival(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tr := s.Get("tr")
	for text, want := range map[string]string{"Güler ile bir araya geldi": Void, "Bakan Ankara'ya geldi": "-"} {
		ms := tr.Find(token.Split(text), Arrival)
		if len(ms) != 1 || ms[0].Vals[0].Value != want {
			t.Errorf("%q: arrival cues %+v, want one of value %q", text, ms, want)
		}
	}
}
