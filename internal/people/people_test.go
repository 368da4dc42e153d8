package people

import (
	"slices"
	"testing"

	"pactwatch/internal/gazetteer"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

const frLex = "role\tchief_of_defence\tchef d'état-major\nrole\tdefence_minister\tministre de la Défense\n" +
	"role\thead_of_state\tprésident\ntitle\t-\tgénéral\ntitle\t-\tgénéral de brigade\ntitle\t-\tcolonel\n" +
	"counterpart\t-\thomologue\nstopword\t-\tle\nstopword\t-\tla\nstopword\t-\tson\nstopword\t-\tles\n"

const faLex = "role\tdefence_minister\tوزیر دفاع\nweekday\t1\tدوشنبه\nstopword\t-\tبا\nstopword\t-\tروز\nstopword\t-\tخود\n"

const zhLex = "role\tdefence_minister\t国防部长\nstopword\t-\t与\nstopword\t-\t的\nstopword\t-\t到访\ntrigger\tmeeting\t举行会谈\n"

const jaLex = "role\tdefence_minister\t防衛相\nrole\tdefence_minister\t国防相\nstopword\t-\tの\nstopword\t-\tは\nstopword\t-\tと\n" +
	"trait\tnamefirst\tnames come before their role\n"

const koLex = "role\tdefence_minister\t국방 장관\nrole\tdefence_minister\t국방부 장관\nrole\thead_of_state\t대통령\nrole\tminister\t장관\n" +
	"stopword\t-\t은\nstopword\t-\t는\nstopword\t-\t이\nstopword\t-\t을\nstopword\t-\t에서\nstopword\t-\t오후\nstopword\t-\t따르면\n" +
	"trait\tnamefirst\tnames come before their role\n"

const arLex = "role\tdefence_minister\tوزير الدفاع\nrole\tambassador\tسفير\nrole\tintelligence_chief\tرئيس المخابرات\n" +
	"stopword\t-\tمع\nstopword\t-\tفي\n"

func TestFind(t *testing.T) {
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lex, text string
		want      []Person
	}{
		{frLex, "Le général Awa Traoré, chef d'état-major du Sénégal, a reçu son homologue, le général de brigade Jean-Paul Mbeki.",
			[]Person{{Name: "Awa Traoré", Role: "chief_of_defence", Country: "SEN"}, {Name: "Jean-Paul Mbeki", Counterpart: true}}},
		{frLex, "Les Forces armées ont défilé devant le président Idriss Kaboré à Niamey.",
			[]Person{{Name: "Idriss Kaboré", Role: "head_of_state"}}},
		{arLex, "التقى وزير الدفاع التونسي، سامي بن علي، مع سفير إيطاليا في تونس.",
			[]Person{{Name: "سامي بن علي", Role: "defence_minister"}}},
		{arLex, "واجتمع برئيس المخابرات خالد المنصوري في الرباط",
			[]Person{{Name: "خالد المنصوري", Role: "intelligence_chief"}}},
		// a name before a comma and its role (Persian word order)
		{faLex, "روز دوشنبه رضا کاظمی، وزیر دفاع ایران، با همتای خود دیدار کرد.",
			[]Person{{Name: "رضا کاظمی", Role: "defence_minister", Country: "IRN"}}},
		// Chinese and Japanese: a run of characters after, or (namefirst) before, the role
		{zhLex, "国防部长王建国与到访的肯尼亚国防部长阿登·杜阿莱举行会谈。",
			[]Person{{Name: "王建国", Role: "defence_minister"}, {Name: "阿登·杜阿莱", Role: "defence_minister", Country: "KEN"}}},
		// a word of the lexicon that opens the run is the sentence going
		// on after the role: reached, presided
		{zhLex + "stage\tsigned\t达成\nhost\t-\t主持\nstopword\t-\t了\n", "两国国防部长达成的共识得到落实，肯尼亚国防部长主持了开幕式。", nil},
		{jaLex, "森山健二防衛相は同国のラモン・バウティスタ国防相と会談した。",
			[]Person{{Name: "森山健二", Role: "defence_minister"}, {Name: "ラモン・バウティスタ", Role: "defence_minister"}}},
		// Korean: the words before the role, less a time word, a word that
		// qualifies the next, a word ending in a particle, a lone syllable
		// at the edge; a name may end in the syllable of a particle
		{koLex, "같은 날 오후 라힘 빈 사이드 알 하르비 오만 국방장관을 만났다.",
			[]Person{{Name: "라힘 빈 사이드 알 하르비", Role: "defence_minister", Country: "OMN"}}},
		{koLex, "합참에 따르면 두 장관은 회담에서 협력을 논의했다.", nil},
		{koLex, "기지에서 열린 행사에서 이민호 국방부 장관은 연설했다.",
			[]Person{{Name: "이민호", Role: "defence_minister"}}},
		{koLex, "다니엘 루이 프랑스 국방장관은 회담했다.",
			[]Person{{Name: "다니엘 루이", Role: "defence_minister", Country: "FRA"}}},
		{koLex, "방문한 문재인 전 대통령은 연설했다.",
			[]Person{{Name: "문재인", Role: "head_of_state"}}},
	}
	for _, c := range cases {
		lx, err := lexicon.Parse("xx", []byte(c.lex))
		if err != nil {
			t.Fatal(err)
		}
		toks := token.Split(c.text)
		got := New(lx).Find(toks, c.text, gaz.Find(toks))
		if len(got) != len(c.want) {
			t.Errorf("%q: got %+v, want %+v", c.text, got, c.want)
			continue
		}
		for i, w := range c.want {
			g := got[i]
			if g.Name != w.Name || g.Role != w.Role || g.Counterpart != w.Counterpart || (w.Country != "" && g.Country != w.Country) {
				t.Errorf("%q: person %d = %+v, want %+v", c.text, i, g, w)
			}
		}
	}
}

func TestNominative(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	ru := New(lx.Get("ru"))
	cases := map[string]string{
		"Русланом Жаксылыковым": "Руслан Жаксылыков",
		"Владимиру Путину":      "Владимир Путин",
		"Сергеем Шойгу":         "Сергеем Шойгу", // not every word declined: left alone
		"Андрей Белоусов":       "Андрей Белоусов",
		"Paul Kagame":           "Paul Kagame",
		"Денисом Ковалем":       "Денис Коваль", // a soft stem: -лем is -ль
	}
	for in, want := range cases {
		if got := ru.nominative(in); got != want {
			t.Errorf("nominative(%q) = %q, want %q", in, got, want)
		}
	}
	uk := New(lx.Get("uk"))
	for in, want := range map[string]string{"Тарасом Шмигалем": "Тарас Шмигаль", "Іваном Ткачем": "Іван Ткач"} {
		if got := uk.nominative(in); got != want {
			t.Errorf("uk nominative(%q) = %q, want %q", in, got, want)
		}
	}
}

// A Chinese name after a role that runs on past four characters with no
// middle dot is cut at the first character that Chinese never writes a
// foreign name with (people/translit.tsv): the verb written on after it.
func TestFindTransliterated(t *testing.T) {
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	lx, err := lexicon.Parse("zh", []byte(zhLex+"role\tdeputy_minister\t副部长\nstopword\t-\t在\n"))
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"俄罗斯国防部副部长叶夫库罗夫正率团在尼亚美访问。": "叶夫库罗夫",
		"法国国防部副部长拉斐尔·杜邦在达喀尔访问。":    "拉斐尔·杜邦",
		"国防部长王建国在北京会见外宾。":          "王建国",
	} {
		toks := token.Split(text)
		got := New(lx).Find(toks, text, gaz.Find(toks))
		if len(got) != 1 || got[0].Name != want {
			t.Errorf("%q: got %+v, want %q", text, got, want)
		}
	}
}

// An office-holder's surname in the name of a base is no person: "a base
// aérea de Figo Maduro" names the base, not Venezuela's president.
func TestHolderInThingName(t *testing.T) {
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	lx, err := lexicon.Parse("pt", []byte("stopword\t-\tde\nstopword\t-\tda\nstopword\t-\tem\n"))
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]int{
		"Os paraquedistas partiram no domingo da base aérea de Figo Maduro, em Lisboa.": 0,
		"O Presidente Maduro recebeu o ministro em Caracas.":                            1,
	} {
		toks := token.Split(text)
		if got := New(lx).Find(toks, text, gaz.Find(toks)); len(got) != want {
			t.Errorf("%q: got %+v, want %d persons", text, got, want)
		}
	}
}

// An Arabic preposition spelt with a final alif maqsura (على, folded like
// the name علي) opens no name after a counterpart word, nor does a palace
// or a noun of thanks after a role.
func TestArabicNoNameAfterPreposition(t *testing.T) {
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	lx, err := lexicon.Parse("ar", []byte(arLex+"counterpart\t-\tنظيره\nrole\thead_of_state\tولي العهد\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"وفي ختام المباحثات وقّع الضيف ونظيره الكويتي على الخطة التنفيذية للتعاون العسكري.",
		"واستقبل ولي العهد في قصر بيان صباح الأربعاء الوفد المرافق.",
	} {
		toks := token.Split(text)
		for _, p := range New(lx).Find(toks, text, gaz.Find(toks)) {
			t.Errorf("%q: unexpected person %+v", text, p)
		}
	}
}

// A phrase that names the two sides' persons told before ("the two
// defence ministers", lexicon kind duo) is no name of its own.
func TestDuoIsNoName(t *testing.T) {
	gaz, set := loadGazLex(t)
	lx := set.Get("hi")
	text := "समझौते पर केन्या की ओर से एक वरिष्ठ अधिकारी ने दोनों रक्षा मंत्रियों की मौजूदगी में हस्ताक्षर किए।"
	toks := token.Split(text)
	for _, p := range New(lx).Find(toks, text, gaz.Find(toks)) {
		t.Errorf("%q: unexpected person %+v", text, p)
	}
}

// An Arabic name may run to four words when the fourth is a family name
// of the form al-…i, and a rank may carry "staff", "naval" or "pilot"
// after it.
func TestArabicFamilyNameAndRanks(t *testing.T) {
	gaz, set := loadGazLex(t)
	lx := set.Get("ar")
	cases := []struct{ text, want string }{
		{"وصل وزير الدفاع العراقي ثابت محمد سعيد العباسي صباح الاثنين إلى أنقرة.", "ثابت محمد سعيد العباسي"},
		{"وكان في استقباله قائد البحرية العمانية اللواء البحري الركن سيف بن ناصر الرحبي في المطار.", "سيف بن ناصر الرحبي"},
		{"وحضر الحفل قائد القوات الجوية اللواء الطيار الركن خالد سالم المطيري أمس.", "خالد سالم المطيري"},
		// the third word ends the name when the fourth is no family name
		{"وصل وزير الدفاع العراقي ثابت محمد سعيد الاثنين إلى أنقرة.", "ثابت محمد سعيد"},
	}
	for _, c := range cases {
		toks := token.Split(c.text)
		var got []string
		for _, p := range New(lx).Find(toks, c.text, gaz.Find(toks)) {
			got = append(got, p.Name)
		}
		if !slices.Contains(got, c.want) {
			t.Errorf("%q: persons %q, want %q", c.text, got, c.want)
		}
	}
}

// A month name is a given name when another name word follows it and no
// number stands beside it.
func TestMonthAsGivenName(t *testing.T) {
	gaz, set := loadGazLex(t)
	cases := []struct{ lang, text, want string }{
		{"de", "Empfangen wurde er von Vizeadmiral Jan Christian Kaack an der Pier.", "Jan Christian Kaack"},
		{"en", "He was met at the pier by Rear Admiral Jan Peterson of the navy.", "Jan Peterson"},
		{"de", "Die Übung endet am 12. Jan 2026 vor Kiel.", ""},
	}
	for _, c := range cases {
		toks := token.Split(c.text)
		var got []string
		for _, p := range New(set.Get(c.lang)).Find(toks, c.text, gaz.Find(toks)) {
			got = append(got, p.Name)
		}
		if c.want == "" && len(got) > 0 || c.want != "" && !slices.Contains(got, c.want) {
			t.Errorf("%s %q: persons %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}

// A clitic written after a zero-width non-joiner belongs to the word
// before it, and a role phrase that ends with its state and a preposition
// before no place names no one after it.
func TestPersianNoNameAfterRolePhrase(t *testing.T) {
	gaz, set := loadGazLex(t)
	lx := set.Get("fa")
	for _, text := range []string{
		"سند همکاری به امضای فرمانده نیروی دریایی و همتای عمانی\u200cاش رسید.",
		"مشاور امنیت ملی عراق در ادامه برنامه\u200cهای خود از مرز بازدید کرد.",
	} {
		toks := token.Split(text)
		for _, p := range New(lx).Find(toks, text, gaz.Find(toks)) {
			t.Errorf("%q: unexpected person %+v", text, p)
		}
	}
}

// loadGazLex loads the gazetteer and every language's lexicon.
func loadGazLex(t *testing.T) (*gazetteer.Gazetteer, *lexicon.Set) {
	t.Helper()
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	set, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	return gaz, set
}

// A word written with nunation (tanween) ends an Arabic name: names do not
// take it, the nouns after them do ("and a number of ministers").
func TestArabicNameEndsAtNunation(t *testing.T) {
	gaz, set := loadGazLex(t)
	lx := set.Get("ar")
	text := "واستقبل الرئيس محمد ولد الغزواني وعدداً من الوزراء الوفد الزائر."
	toks := token.Split(text)
	var names []string
	for _, p := range New(lx).Find(toks, text, gaz.Find(toks)) {
		names = append(names, p.Name)
	}
	if len(names) != 1 || names[0] != "محمد ولد الغزواني" {
		t.Errorf("%q: persons %q, want [محمد ولد الغزواني]", text, names)
	}
}

// TestKoreanOfficialTakesNoName checks, on the real Korean lexicon, that
// 관계자 (an official, someone concerned), which Korean never writes after
// a name, makes no person of the words before it: an industry, an army,
// a rank.
func TestKoreanOfficialTakesNoName(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"한 방산업계 관계자는 시장이 크다고 말했다.", "인도식에는 육군 고위 관계자가 참석했다."} {
		toks := token.Split(text)
		if got := New(lx.Get("ko")).Find(toks, text, gaz.Find(toks)); len(got) != 0 {
			t.Errorf("%q: persons %+v, want none", text, got)
		}
	}
}
