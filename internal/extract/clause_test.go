package extract

import (
	"strings"
	"sync"
	"testing"
	"time"

	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/people"
)

var testData = sync.OnceValues(func() (*lexicon.Set, *gazetteer.Gazetteer) {
	lx, err := lexicon.Load()
	if err != nil {
		panic(err)
	}
	gz, err := gazetteer.Load()
	if err != nil {
		panic(err)
	}
	return lx, gz
})

// annotated reads one sentence of lang with the real lexicons and gazetteer.
func annotated(t *testing.T, lang, text string) *sentence {
	t.Helper()
	lx, gz := testData()
	x := New(gz, lx, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	s := &sentence{text: text}
	x.annotate(s, lx.Get(lang), people.New(lx.Get(lang)))
	return s
}

// triggerAt returns the trigger whose text starts with word.
func triggerAt(t *testing.T, s *sentence, word string) cue {
	t.Helper()
	for _, c := range s.cues[lexicon.Trigger] {
		if strings.HasPrefix(strings.ToLower(s.text[s.toks[c.start].Start:]), strings.ToLower(word)) {
			return c
		}
	}
	t.Fatalf("no trigger %q in %q", word, s.text)
	return cue{}
}

// TestMood pins which cue keeps a trigger from being an act, and that a
// clause boundary stops it: one case per rule and direction.
func TestMood(t *testing.T) {
	cases := []struct {
		lang, text, trigger string
		want                lexicon.Kind // "" = a plain act
	}{
		// a subordinate clause after a comma closes at the next comma
		{"en", "Mali, which had asked Russia for help, received four helicopters on Tuesday.", "helicopters", ""},
		{"en", "Mali asked Russia for help, especially helicopters and instructors.", "helicopters", lexicon.Request},
		// a request noun inside "at the request of" is void
		{"en", "At the request of Mali, Russia deployed two hundred instructors on Tuesday.", "deployed", ""},
		// a hypothetical reaches back to the subject, not over "that"
		{"en", "The Kenyan contingent in Somalia may be increased next year.", "contingent", lexicon.Hypothetical},
		{"en", "Washington suspended military aid to Pakistan that could total two billion dollars.", "suspended", ""},
		// negation before the act in its clause, not across a comma
		{"en", "Britain is not obliged to provide military aid to Norway.", "military aid", lexicon.Negation},
		{"en", "Without waiting for parliament, France deployed troops to Chad.", "deployed", ""},
		// a condition after the act in its clause
		{"en", "Chad will withdraw its battalion from Niger unless the junta pays its soldiers.", "withdraw", lexicon.Condition},
		// a verb suffix governs the act before it (Turkish)
		{"tr", "Türkiye Gürcistan'a silah göndermedi.", "silah", lexicon.Negation},
		{"tr", "Somali hükümeti Türkiye'den askeri yardım talep etti.", "askeri yardım", lexicon.Request},
		// a prefix on the verb (Swahili) and an Arabic verb-first sentence
		{"sw", "Tanzania haikupeleka silaha Burundi mwaka huo.", "silaha", lexicon.Negation},
		{"ar", "رفضت تونس طلبا من ليبيا لنشر قوات على الحدود.", "لنشر", lexicon.Refusal},
		// an adverb set off by commas joins nothing: the denial reaches on
		{"es", "Managua negó, sin embargo, que Moscú haya instalado una base naval en el Caribe.", "base naval", lexicon.Refusal},
		{"en", "Kenya denied, however, that it had deployed troops to the border.", "deployed", lexicon.Refusal},
		// but a connective between clauses still ends the first
		{"en", "Kenya denied the report, but it deployed troops to the border on Monday.", "deployed", ""},
		// the future under a condition that comes first: the future ending
		// ("retirera") makes the whole withdrawal intended, and the
		// condition governs it, the battalion it names included
		{"fr", "Si la junte ne paie pas, le Tchad retirera son bataillon du Niger.", "bataillon", lexicon.Condition},
	}
	for _, c := range cases {
		s := annotated(t, c.lang, c.text)
		tr := triggerAt(t, s, c.trigger)
		if got := s.mood(tr); got != c.want {
			t.Errorf("%s %q: mood of %q is %q, want %q", c.lang, c.text, c.trigger, got, c.want)
		}
	}
}

// TestParties pins who acts with whom in a clause.
func TestParties(t *testing.T) {
	cases := []struct {
		lang, text, trigger string
		actors, partner     string
	}{
		{"en", "The Netherlands and Switzerland suspended military aid to Pakistan.", "suspended", "NLD,CHE", "PAK"},
		{"en", "The United States suspended military aid to Indonesia over East Timor.", "suspended", "USA", "IDN"},
		{"ru", "Российские миротворцы останутся на границе с Ираном и с Турцией.", "миротворцы", "RUS", ""},
		{"ar", "سلمت تركيا الجيش الصومالي ست طائرات مسيرة.", "سلمت", "TUR", "SOM"},
		{"tr", "Hollanda ve İsviçre Pakistan'a askeri yardımı askıya aldı.", "askıya", "NLD,CHE", "PAK"},
	}
	for _, c := range cases {
		s := annotated(t, c.lang, c.text)
		tr := triggerAt(t, s, c.trigger)
		actors, partner := s.parties(tr)
		if strings.Join(actors, ",") != c.actors || partner != c.partner {
			t.Errorf("%s %q: parties %v / %q, want %s / %q", c.lang, c.text, actors, partner, c.actors, c.partner)
		}
	}
}
