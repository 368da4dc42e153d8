package people

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"pactwatch/internal/gazetteer"
	"pactwatch/internal/langdata"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

// TestOfficeholdersTable checks the embedded table: five columns, a spec
// role, a known state, ordered dates, a Latin form on every line, Arabic
// and Cyrillic forms on most, no one-word form shorter than four letters,
// and no form shared by two states.
func TestOfficeholdersTable(t *testing.T) {
	tab, err := parseTable("officeholders.tsv", holdersTSV, nil)
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.terms) < 150 {
		t.Errorf("only %d terms", len(tab.terms))
	}
	owner := map[string]string{}
	scripts := map[string]int{}
	for _, tm := range tab.terms {
		where := tm.Country + " " + tm.Forms[0]
		if !slices.Contains(specRoles, tm.Role) {
			t.Errorf("%s: role %q is not a spec role", where, tm.Role)
		}
		if !gaz.IsState(tm.Country) {
			t.Errorf("%s: unknown state %q", where, tm.Country)
		}
		if !tm.To.IsZero() && !tm.To.After(tm.From) {
			t.Errorf("%s: term ends %s before it starts %s", where, tm.To, tm.From)
		}
		if !tm.To.IsZero() && tm.To.Before(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: term ended before 2020", where)
		}
		seen := map[string]bool{}
		for _, f := range tm.Forms {
			s := script(f)
			seen[s] = true
			keys, _ := token.Phrase(f)
			if len(keys) == 1 && len([]rune(keys[0])) < 4 {
				t.Errorf("%s: one-word form %q is too short to stand alone", where, f)
			}
			k := strings.Join(keys, " ")
			if o, ok := owner[k]; ok && o != tm.Country {
				t.Errorf("%s: form %q also names a person of %s", where, f, o)
			}
			owner[k] = tm.Country
		}
		if !seen["latin"] {
			t.Errorf("%s: no Latin form", where)
		}
		for s := range seen {
			scripts[s]++
		}
	}
	// every term has its Arabic and Cyrillic forms
	for _, s := range []string{"arabic", "cyrillic"} {
		if scripts[s] < len(tab.terms) {
			t.Errorf("%s forms on %d of %d terms", s, scripts[s], len(tab.terms))
		}
	}
	if _, err := loadData(); err != nil {
		t.Fatal(err)
	}
}

// Each language's people files name only that language in their first
// column.
func TestPeopleFilesByLanguage(t *testing.T) {
	for _, name := range []string{"people/notnames.tsv", "people/things.tsv", "people/leaders.tsv", "people/translit.tsv"} {
		files, err := langdata.Part(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) < 8 && name != "people/translit.tsv" { // transliteration sets are for Han only
			t.Errorf("%s: %d languages, want at least 8", name, len(files))
		}
		for _, f := range files {
			for n, line := range strings.Split(string(f.Data), "\n") {
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if l, _, _ := strings.Cut(line, "\t"); l != f.Lang {
					t.Errorf("%s:%d: language %q in the %s folder", f.Name, n+1, l, f.Lang)
				}
			}
		}
	}
}

func script(s string) string {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r):
			return "arabic"
		case unicode.Is(unicode.Cyrillic, r):
			return "cyrillic"
		case unicode.Is(unicode.Latin, r):
			return "latin"
		}
	}
	return ""
}

func TestParseTableErrors(t *testing.T) {
	cases := map[string]string{
		"columns": "RUS\thead_of_state\t2012-05-07\n",
		"from":    "RUS\thead_of_state\t2012-5-7\t\tX Y\n",
		"to":      "RUS\thead_of_state\t2012-05-07\tnever\tX Y\n",
		"forms":   "RUS\thead_of_state\t2012-05-07\t\t | \n",
	}
	for name, in := range cases {
		if _, err := parseTable("bad.tsv", []byte(in), nil); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
			t.Errorf("%s: err = %v, want one naming bad.tsv:1", name, err)
		}
	}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestFindReal reads sentences written for this test with the real
// lexicons and gazetteer: office-holders named alone, name shapes, the
// state of a role, coordinated names and things that are not persons.
func TestFindReal(t *testing.T) {
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, lang, date, text string
		want                   []Person // Name, Role, Country compared; Country "" not checked, "-" must be empty
	}{
		{"surname alone", "en", "2025-03-01", "Lavrov held talks with officials in Cairo on Tuesday.",
			[]Person{{Name: "Lavrov", Role: "foreign_minister", Country: "RUS"}}},
		{"leader in term", "en", "2025-06-01", "Trump suspended military aid to the region last week.",
			[]Person{{Name: "Trump", Role: "head_of_state", Country: "USA"}}},
		{"leader out of term", "en", "2022-06-01", "Trump said little about the aid package.", nil},
		{"successor in term", "en", "2022-06-01", "Biden welcomed the delegation at the White House.",
			[]Person{{Name: "Biden", Role: "head_of_state", Country: "USA"}}},
		{"role by date", "en", "2023-03-01", "Sébastien Lecornu visited the base near Dakar.",
			[]Person{{Name: "Sébastien Lecornu", Role: "defence_minister", Country: "FRA"}}},
		{"role by date, later", "en", "2025-10-01", "Sébastien Lecornu visited the base near Dakar.",
			[]Person{{Name: "Sébastien Lecornu", Role: "head_of_government", Country: "FRA"}}},
		{"given name before surname", "fr", "2024-02-10", "Sergueï Lavrov a reçu la délégation malienne à Moscou.",
			[]Person{{Name: "Sergueï Lavrov", Role: "foreign_minister", Country: "RUS"}}},
		{"Russian case", "ru", "2024-02-10", "Переговоры с Сергеем Лавровым прошли в Каире.",
			[]Person{{Name: "Сергей Лавров", Role: "foreign_minister", Country: "RUS"}}},
		{"Russian genitive surname", "ru", "2025-05-10", "Визит Белоусова в Минск завершился.",
			[]Person{{Name: "Белоусов", Role: "defence_minister", Country: "RUS"}}},
		{"Arabic surname", "ar", "2024-02-10", "وأجرى لافروف محادثات في القاهرة.",
			[]Person{{Name: "لافروف", Role: "foreign_minister", Country: "RUS"}}},
		{"Arabic conjunction", "ar", "2025-08-13", "وبحث أسعد الشيباني وهاكان فيدان سبل التعاون.",
			[]Person{{Name: "أسعد الشيباني", Role: "foreign_minister", Country: "SYR"}, {Name: "هاكان فيدان", Role: "foreign_minister", Country: "TUR"}}},
		{"Turkish", "tr", "2024-02-10", "Hakan Fidan, Kahire'de mevkidaşıyla görüştü.",
			[]Person{{Name: "Hakan Fidan", Role: "foreign_minister", Country: "TUR"}}},
		{"Swahili", "sw", "2025-02-10", "Rais William Ruto alikutana na ujumbe wa Somalia jijini Nairobi.",
			[]Person{{Name: "William Ruto", Role: "head_of_state", Country: "KEN"}}},
		{"initial", "en", "2025-02-10", "The talks were led by General Daniel R. Kessler in Lima.",
			[]Person{{Name: "Daniel R. Kessler"}}},
		{"initials first", "en", "2025-02-10", "Defence Minister A.B. Mensah signed the document in Accra.",
			[]Person{{Name: "A.B. Mensah", Role: "defence_minister"}}},
		{"state initials are no name", "en", "2025-06-01", "The U.S. Trump administration suspended the aid.",
			[]Person{{Name: "Trump", Role: "head_of_state", Country: "USA"}}},
		{"surname form as another's given name", "es", "2025-11-03", "Viajó con el almirante general Lula López Calderón a Riga.",
			[]Person{{Name: "Lula López Calderón", Country: "-"}}},
		{"elided particle", "it", "2026-03-04", "Il ministro ha incontrato al Cairo l'ammiraglio Marco Dell'Orso.",
			[]Person{{Name: "Marco Dell'Orso"}}},
		{"elided particle, French", "fr", "2026-03-04", "Le général Thierry D’Estaing a rencontré le ministre à Dakar.",
			[]Person{{Name: "Thierry D’Estaing"}}},
		{"suffix", "en", "2025-02-10", "Defense Secretary Gilberto Teodoro Jr. welcomed the visitors.",
			[]Person{{Name: "Gilberto Teodoro Jr", Role: "defence_minister"}}},
		{"hyphenated given name", "es", "2024-10-10", "El ministro de Defensa Kim Yong-hyun firmó el acuerdo en Lima.",
			[]Person{{Name: "Kim Yong-hyun", Role: "defence_minister", Country: "KOR"}}},
		{"possessive state", "en", "2025-02-10", "Kenya's Defence Cabinet Secretary Amos Wekesa inspected the unit.",
			[]Person{{Name: "Amos Wekesa", Role: "defence_minister", Country: "KEN"}}},
		{"demonym before role", "en", "2025-02-10", "The talks opened after Nigerian Defence Minister Halima Bello arrived.",
			[]Person{{Name: "Halima Bello", Role: "defence_minister", Country: "NGA"}}},
		{"state opens an apposition", "en", "2025-02-10", "The delegation was led by Amos Wekesa, Kenya's defence minister, on Monday.",
			[]Person{{Name: "Amos Wekesa", Role: "defence_minister", Country: "KEN"}}},
		{"a role after the comma names the next person", "en", "2025-02-10", "Attending were Defence Minister Amos Wekesa, Ugandan Defence Minister Joan Okello and their aides.",
			[]Person{{Name: "Amos Wekesa", Role: "defence_minister", Country: "-"}, {Name: "Joan Okello", Role: "defence_minister", Country: "UGA"}}},
		{"coordinated", "fr", "2025-02-10", "Les ministres Awa Diallo et Paulo Mendes ont signé le texte.",
			[]Person{{Name: "Awa Diallo", Role: "minister"}, {Name: "Paulo Mendes", Role: "minister"}}},
		{"coordinated, English", "en", "2025-02-10", "The ministers Awa Diallo and Paulo Mendes signed the text.",
			[]Person{{Name: "Awa Diallo", Role: "minister"}, {Name: "Paulo Mendes", Role: "minister"}}},
		{"singular title does not spread", "en", "2025-02-10", "Minister Awa Diallo and Paulo Mendes signed the text.",
			[]Person{{Name: "Awa Diallo", Role: "minister"}}},
		{"Russian genitive, hyphenated", "ru", "2025-05-10", "Визит Касым-Жомарта Токаева в Анкару начался в среду.",
			[]Person{{Name: "Касым-Жомарт Токаев", Role: "head_of_state", Country: "KAZ"}}},
		{"region after a comma", "tr", "2025-02-10", "Görüşmede iki bakan, Doğu Afrika'daki güvenlik durumunu değerlendirdi.", nil},
		{"inflected unit", "tr", "2025-02-10", "Tekneler Kenya Silahlı Kuvvetlerine teslim edildi.", nil},
		{"demonym inside the title", "fr", "2024-11-28", "Le ministre tchadien des Affaires étrangères, Abakar Moussa, a annoncé la fin de l'accord.",
			[]Person{{Name: "Abakar Moussa", Role: "foreign_minister", Country: "TCD"}}},
		{"state inside the title", "es", "2025-02-10", "El ministro colombiano de Defensa, Andrés Rivas, recibió al almirante.",
			[]Person{{Name: "Andrés Rivas", Role: "defence_minister", Country: "COL"}}},
		{"Russian genitive of an unstarred form", "ru", "2025-04-10", "Во время визита министра обороны Индии Раджната Сингха в Ташкент подписали меморандум.",
			[]Person{{Name: "Раджнат Сингх", Role: "defence_minister", Country: "IND"}}},
		{"Arabic name with a role word after its connector", "ar", "2025-02-17", "بحث وزير الداخلية العراقي عبد الأمير الشمري مع نظيره الأردني مازن الفراية، في عمّان سبل التعاون.",
			[]Person{{Name: "عبد الأمير الشمري", Role: "minister", Country: "IRQ"}, {Name: "مازن الفراية"}}},
		{"Arabic name ending in Allah", "ar", "2025-09-28", "واستقبل رئيس أركان الجيش عبد الأمير يار الله الوفد في بغداد.",
			[]Person{{Name: "عبد الأمير يار الله", Role: "chief_of_defence"}}},
		{"transliterated article", "tr", "2019-12-01", "Başbakan Fayiz es-Serrac Ankara'da görüştü.",
			[]Person{{Name: "Fayiz es-Serrac", Role: "head_of_government"}}},
		{"table completes a name", "pt", "2025-02-10", "Foi recebido pelo primeiro-ministro Ulisses Correia e Silva na Praia.",
			[]Person{{Name: "Ulisses Correia e Silva", Role: "head_of_government", Country: "CPV"}}},
		{"office words complete a title", "sw", "2025-02-10", "Kamanda Mkuu wa Polisi ya Jamhuri ya Msumbiji, Bernardo Rafaeli, aliongoza ujumbe.",
			[]Person{{Name: "Bernardo Rafaeli", Role: "official", Country: "MOZ"}}},
		{"base named after a soldier", "fr", "2025-02-10", "Les soldats ont quitté la base aérienne Sergent-Chef Adji Kosseï jeudi.", nil},
		{"ship named after an admiral", "ru", "2025-02-10", "В учениях участвовал эсминец «Адмирал Трибуц» Тихоокеанского флота.", nil},
		{"quoted name", "en", "2025-02-10", "The frigate sailed with the \"General Okafor\" to Lagos.", nil},
		{"base commander is a person", "en", "2025-02-10", "The base commander, Colonel Amos Wekesa, received the team.",
			[]Person{{Name: "Amos Wekesa", Role: "official"}}},
		{"leader with a demonym", "en", "2024-06-19", "North Korean leader Kim Jong Un received the Russian delegation.",
			[]Person{{Name: "Kim Jong Un", Role: "head_of_state", Country: "PRK"}}},
		{"leader after a state", "tr", "2025-02-10", "Mali lideri Assimi Goita Ankara'yı ziyaret etti.",
			[]Person{{Name: "Assimi Goita", Role: "head_of_state", Country: "MLI"}}},
		{"mandatario with a demonym after", "es", "2025-02-10", "El mandatario colombiano, Andrés Rivas, viajó a Quito.",
			[]Person{{Name: "Andrés Rivas", Role: "head_of_state", Country: "COL"}}},
		{"leader of no state", "en", "2025-02-10", "Opposition leader Amos Wekesa criticised the deal.", nil},
		{"office not a person", "es", "2025-02-10", "La subsecretaria de Estado para Asuntos Africanos visitó Niamey.", nil},
		{"unit not a person", "es", "2025-02-10", "El jefe de la Primera División de Ejército recibió a la misión.", nil},
		{"command not a person", "es", "2025-02-10", "El comandante del Comando Sur llegó a Bogotá.", nil},
		{"ministry not a person", "pt", "2025-02-10", "O ministro disse que o Ministério da Defesa vai comprar aviões.", nil},
		{"Arabic base not a person", "ar", "2025-02-10", "وقالت السفيرة ليزا جونسون إن قاعدة حامات الجوية تسلمت المعدات.",
			[]Person{{Name: "ليزا جونسون", Role: "ambassador"}}},
		{"Arabic noun after a name", "ar", "2025-02-10", "وحضر السفير ليزا جونسون وممثل عن الجيش.",
			[]Person{{Name: "ليزا جونسون", Role: "ambassador"}}},
	}
	for _, c := range cases {
		lx := lex.Get(c.lang)
		if lx == nil {
			t.Fatalf("no lexicon for %s", c.lang)
		}
		toks := token.Split(c.text)
		got := New(lx).WithDate(day(c.date)).Find(toks, c.text, gaz.Find(toks))
		var names []string
		for _, g := range got {
			names = append(names, g.Name+"/"+g.Role+"/"+g.Country)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %q: got %v, want %d persons %+v", c.name, c.text, names, len(c.want), c.want)
			continue
		}
		for i, w := range c.want {
			g := got[i]
			wrongState := (w.Country == "-" && g.Country != "") || (w.Country != "" && w.Country != "-" && g.Country != w.Country)
			if g.Name != w.Name || g.Role != w.Role || wrongState {
				t.Errorf("%s: %q: person %d = %s, want %+v", c.name, c.text, i, names[i], w)
			}
		}
	}
}

// TestUnknownDate: without a date an office-holder is read in his latest
// term.
func TestUnknownDate(t *testing.T) {
	gaz, _ := gazetteer.Load()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "Lecornu spoke to the press."
	toks := token.Split(text)
	got := New(lex.Get("en")).Find(toks, text, gaz.Find(toks))
	if len(got) != 1 || got[0].Role != "head_of_government" || got[0].Country != "FRA" {
		t.Errorf("got %+v, want Lecornu as head of government of FRA", got)
	}
}

// TestStateFill: a person the text names with a role but no state takes
// the state of his office from the table only when the page's date is
// known.
func TestStateFill(t *testing.T) {
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "La cérémonie s'est déroulée en présence du ministre de la Défense, le général Sadio Camara."
	toks := token.Split(text)
	for _, c := range []struct {
		date time.Time
		want string
	}{{time.Time{}, ""}, {day("2024-10-07"), "MLI"}} {
		got := New(lex.Get("fr")).WithDate(c.date).Find(toks, text, gaz.Find(toks))
		if len(got) != 1 || got[0].Name != "Sadio Camara" || got[0].Role != "defence_minister" || got[0].Country != c.want {
			t.Errorf("date %v: got %+v, want Sadio Camara, defence_minister, %q", c.date, got, c.want)
		}
	}
}

// The declension rows of each language decline a name word by its
// longest ending, cut what the row says, and leave short and indeclinable
// words alone; a bad row names its file and line.
func TestDeclensions(t *testing.T) {
	ds, err := loadDeclensions()
	if err != nil {
		t.Fatal(err)
	}
	var ru *declensions
	for _, d := range ds {
		if d.lang == "ru" {
			ru = d
		}
	}
	if ru == nil {
		t.Fatal("no Russian declensions")
	}
	join := func(forms [][]string) []string {
		var out []string
		for _, f := range forms {
			out = append(out, strings.Join(f, " "))
		}
		return out
	}
	k := func(s string) []string { keys, _ := token.Phrase(s); return keys }
	got := join(ru.forms(k("Раджнат Сингх")))
	for _, want := range []string{"раджната сингха", "раджнату сингху", "раджнатом сингхом", "раджнате сингхе"} {
		if !slices.Contains(got, token.Fold(want)) {
			t.Errorf("Раджнат Сингх: no %q in %q", want, got)
		}
	}
	for in, want := range map[string]string{"Сергей": "сергеем", "Лавров": "лавровым", "Мария": "марией", "Захарова": "захаровой", "Шойгу": "шойгу"} {
		if forms := ru.word(token.Fold(in), 2); !slices.Contains(forms, token.Fold(want)) {
			t.Errorf("%s instrumental: %q, want %q among them", in, forms, want)
		}
	}
	if forms := ru.forms(k("Emmanuel Macron")); forms != nil {
		t.Errorf("a Latin name declined by Russian rows: %q", forms)
	}
	bad := langdata.File{Lang: "xx", Name: "xx/people/declensions.tsv", Data: []byte("ий\tmany\tого\tому\tим\tом\n")}
	if _, err := parseDeclensions(bad); err == nil || !strings.Contains(err.Error(), "declensions.tsv:1") {
		t.Errorf("bad row: %v", err)
	}
}

// TestHeldOn: a person named with a role before the page's date is known
// keeps the table's office, and takes its state once the date falls in the
// term; a role the table does not give the name keeps none (a defence
// minister called Pedro Sánchez is not Spain's head of government).
func TestHeldOn(t *testing.T) {
	gaz, lex := loadGazLex(t)
	for _, c := range []struct {
		lang, text, name string
		on               time.Time
		want             string
	}{
		{"fr", "La cérémonie s'est déroulée en présence du ministre de la Défense, le général Sadio Camara.", "Sadio Camara", day("2024-10-07"), "MLI"},
		{"fr", "La cérémonie s'est déroulée en présence du ministre de la Défense, le général Sadio Camara.", "Sadio Camara", day("2019-05-01"), ""},
		{"fr", "La cérémonie s'est déroulée en présence du ministre de la Défense, le général Sadio Camara.", "Sadio Camara", time.Time{}, ""},
		{"ja", "小泉防衛相は記者会見で、訓練の成果を強調した。", "小泉", day("2026-03-11"), "JPN"},
		{"de", "Am Mittwoch sprach Verteidigungsminister Pedro Sánchez mit der Presse.", "Pedro Sánchez", day("2025-11-12"), ""},
	} {
		toks := token.Split(c.text)
		got := New(lex.Get(c.lang)).Find(toks, c.text, gaz.Find(toks))
		if len(got) != 1 || got[0].Name != c.name || got[0].Country != "" {
			t.Errorf("%s: got %+v, want %s with no state given", c.text, got, c.name)
			continue
		}
		if s := got[0].HeldOn(c.on); s != c.want {
			t.Errorf("%s on %v: HeldOn = %q, want %q", c.text, c.on, s, c.want)
		}
	}
}

// TestSurnameOfStem: a surname the table gives as a stem ("Зеленськ*")
// is written out in its nominative from the row's full form, in the
// script and spelling of the text's language.
func TestSurnameOfStem(t *testing.T) {
	gaz, lex := loadGazLex(t)
	text := "У понеділок Зеленський провів телефонну розмову з президентом Туреччини."
	toks := token.Split(text)
	got := New(lex.Get("uk")).WithDate(day("2026-05-11")).Find(toks, text, gaz.Find(toks))
	if len(got) != 1 || got[0].Name != "Зеленський" || got[0].Country != "UKR" {
		t.Errorf("got %+v, want Зеленський of UKR", got)
	}
}

// TestNameInTextLetters: a name the table knows is written as the text
// writes it, less only the letters glued before it: a Persian page's ی
// and ک stay, an Arabic conjunction goes.
func TestNameInTextLetters(t *testing.T) {
	gaz, lex := loadGazLex(t)
	for _, c := range []struct{ lang, text, want string }{
		{"fa", "دومینیک نیتیوول وزیر دفاع غنا گفت که کمک‌ها رسیده است.", "دومینیک نیتیوول"},
		{"ar", "واستقبل الوزير وهاكان فيدان الوفد في أنقرة.", "هاكان فيدان"},
	} {
		toks := token.Split(c.text)
		got := New(lex.Get(c.lang)).WithDate(day("2024-05-01")).Find(toks, c.text, gaz.Find(toks))
		found := false
		for _, p := range got {
			found = found || p.Name == c.want
		}
		if !found {
			t.Errorf("%s: got %+v, want %q", c.text, got, c.want)
		}
	}
}
