package dates

import (
	"testing"
	"time"

	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

// oneMention finds the date mentions of a sentence in lang and reports an
// error unless there is exactly one.
func oneMention(t *testing.T, lang, text string) ([]Mention, bool) {
	t.Helper()
	ms := Find(token.Split(text), text, realLexicon(t, lang))
	if len(ms) != 1 {
		t.Errorf("%s %q: %d mentions, want 1: %+v", lang, text, len(ms), ms)
		return ms, false
	}
	return ms, true
}

// realLexicon loads one language's lexicon from the data files.
func realLexicon(t *testing.T, lang string) *lexicon.Lexicon {
	t.Helper()
	set, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	lx := set.Get(lang)
	if lx == nil {
		t.Fatalf("no lexicon for %s", lang)
	}
	return lx
}

// Days written as words, in every language, with the data files' words.
func TestOrdinalDays(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	cases := []struct{ lang, text, want string }{
		{"en", "The accord was signed on the twelfth of May 2025 in Accra.", "2025-05-12"},
		{"en", "They met on the twenty-first of March 2024.", "2024-03-21"},
		{"en", "The drills began on May first, 2025.", "2025-05-01"},
		{"fr", "L'accord a été signé le premier juillet 2025 à Dakar.", "2025-07-01"},
		{"fr", "Les ministres se sont vus le vingt-trois mars 2024.", "2024-03-23"},
		{"es", "El acuerdo se firmó el doce de octubre de 2024 en Lima.", "2024-10-12"},
		{"es", "Los ministros se reunieron el primero de mayo de 2025.", "2025-05-01"},
		{"pt", "O acordo foi assinado no dia primeiro de junho de 2025.", "2025-06-01"},
		{"pt", "Os ministros reuniram-se a vinte e dois de abril de 2024.", "2024-04-22"},
		{"ru", "Соглашение подписали двенадцатого мая 2025 года в Астане.", "2025-05-12"},
		{"ru", "Министры встретились двадцать первого марта 2024 года.", "2024-03-21"},
		{"ar", "وقع الوزيران الاتفاقية في الثاني عشر من مايو 2025.", "2025-05-12"},
		{"ar", "التقى الوزيران في الأول من مارس 2024.", "2024-03-01"},
		{"tr", "Anlaşma on iki Mayıs 2025 tarihinde imzalandı.", "2025-05-12"},
		{"sw", "Mkataba ulisainiwa Mei mosi 2025 jijini Nairobi.", "2025-05-01"},
	}
	for _, c := range cases {
		lx := realLexicon(t, c.lang)
		ms := Find(token.Split(c.text), c.text, lx)
		r := NewResolver(ms, time.Time{}, today)
		got := ""
		for _, m := range ms {
			if m.Month > 0 {
				got = r.Resolve(m)
			}
		}
		if got != c.want {
			t.Errorf("%s %q: got %q, want %q (mentions %+v)", c.lang, c.text, got, c.want, ms)
		}
	}
}

// A future weekday or month resolves forward from publication; the same
// words in the past resolve back.
func TestFutureDates(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	pub := time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC) // a Wednesday
	cases := []struct {
		lang, text string
		future     bool
		want       string
	}{
		{"en", "The ministers will sign the pact on Saturday.", true, "2025-03-15"},
		{"en", "The ministers signed the pact on Saturday.", false, "2025-03-08"},
		{"en", "The ministers will meet again on Wednesday.", true, "2025-03-19"},
		{"fr", "Les ministres signeront l'accord samedi.", true, "2025-03-15"},
		{"fr", "Le ministre se rendra à Dakar en février.", true, "2026-02"},
		{"fr", "Le ministre s'est rendu à Dakar en février.", false, "2025-02"},
	}
	for _, c := range cases {
		ms, ok := oneMention(t, c.lang, c.text)
		if !ok {
			continue
		}
		ms[0].Future = c.future
		if got := NewResolver(ms, pub, today).Resolve(ms[0]); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// A date ahead ("planned for the end of 2025") never anchors the estimate
// of when an undated page was written; a date behind does.
func TestFutureDoesNotAnchor(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	lx := realLexicon(t, "en")
	text := "The pact was signed on 3 March 2025 and talks are planned for the end of 2025."
	ms := Find(token.Split(text), text, lx)
	if got := NewResolver(ms, time.Time{}, today).Published().Format("2006-01-02"); got != "2025-12-01" {
		t.Fatalf("unmarked: estimate %s, want the end of 2025 (the test's premise)", got)
	}
	for i := range ms {
		if ms[i].YearEnd {
			ms[i].Future = true
		}
	}
	if got := NewResolver(ms, time.Time{}, today).Published().Format("2006-01-02"); got != "2025-03-03" {
		t.Errorf("estimate %s, want 2025-03-03", got)
	}
}

// A month name that is someone's first name is no date; a month after a
// preposition stays one.
func TestMonthAsGivenName(t *testing.T) {
	cases := []struct {
		lang, text string
		dates      int
	}{
		{"es", "El ministro de Defensa, Julio Paredes, llegó a Lima.", 0},
		{"es", "Abril Mendes encabezó la delegación chilena.", 0},
		{"en", "Defence Minister June Okafor led the delegation.", 0},
		{"es", "Los ministros se reunieron en julio en Lima.", 1},
		{"en", "In May Kenya signed the pact.", 1},
	}
	for _, c := range cases {
		lx := realLexicon(t, c.lang)
		if ms := Find(token.Split(c.text), c.text, lx); len(ms) != c.dates {
			t.Errorf("%q: %d dates, want %d: %+v", c.text, len(ms), c.dates, ms)
		}
	}
}

// "Last month" and "next month" resolve to the month before or after
// publication, in every language; a month word that only introduces a
// month name ("el próximo mes de enero") is that month.
func TestRelativeMonth(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	pub := time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		lang, text string
		want       string
	}{
		{"en", "The two navies trained together last month off the coast.", "2024-12"},
		{"en", "The defence ministers will meet next month in the capital.", "2025-02"},
		{"fr", "Les deux armées ont signé un accord le mois dernier.", "2024-12"},
		{"fr", "Le ministre se rendra au Sénégal le mois prochain.", "2025-02"},
		{"es", "Los dos ejércitos firmaron un acuerdo el mes pasado.", "2024-12"},
		{"es", "Los ministros firmarán el acuerdo el próximo mes de marzo.", "2025-03"},
		{"pt", "Os dois exércitos assinaram um acordo no mês passado.", "2024-12"},
		{"pt", "O ministro visitará Luanda no próximo mês.", "2025-02"},
		{"ru", "Стороны подписали соглашение в прошлом месяце.", "2024-12"},
		{"ru", "Министры встретятся в следующем месяце.", "2025-02"},
		{"tr", "İki ülke geçen ay bir anlaşma imzaladı.", "2024-12"},
		{"tr", "Bakanlar önümüzdeki ay bir araya gelecek.", "2025-02"},
		{"sw", "Nchi hizo mbili zilitia saini mkataba mwezi uliopita.", "2024-12"},
		{"sw", "Mawaziri watakutana mwezi ujao jijini Dodoma.", "2025-02"},
		{"ar", "وقع البلدان اتفاقا الشهر الماضي.", "2024-12"},
		{"ar", "سيلتقي الوزيران الشهر المقبل.", "2025-02"},
	}
	for _, c := range cases {
		ms, ok := oneMention(t, c.lang, c.text)
		if !ok {
			continue
		}
		if got := NewResolver(ms, pub, today).Resolve(ms[0]); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// "Last week" dates an act to the month of the week before publication (a
// reader cannot tell the day), in every language.
func TestRelativeWeek(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	pub := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC) // a week before is February
	cases := []struct{ lang, text string }{
		{"en", "The navy took delivery of two boats last week."},
		{"fr", "La marine a reçu deux vedettes la semaine dernière."},
		{"es", "La armada recibió dos lanchas la semana pasada."},
		{"pt", "A marinha recebeu duas lanchas na semana passada."},
		{"it", "La marina ha ricevuto due motovedette la settimana scorsa."},
		{"de", "Die Marine erhielt in der vergangenen Woche zwei Boote."},
		{"ru", "На прошлой неделе флот получил два катера."},
		{"uk", "Минулого тижня флот отримав два катери."},
		{"pl", "W zeszłym tygodniu marynarka otrzymała dwie łodzie."},
		{"tr", "Donanma geçen hafta iki bot teslim aldı."},
		{"ar", "تسلمت البحرية زورقين الأسبوع الماضي."},
		{"fa", "نیروی دریایی هفته گذشته دو قایق تحویل گرفت."},
		{"hi", "नौसेना को पिछले सप्ताह दो नावें मिलीं।"},
		{"zh", "海军上周接收了两艘巡逻艇。"},
		{"ja", "海軍は先週、巡視艇2隻を受領した。"},
		{"ko", "해군은 지난주 경비정 2척을 인수했다."},
		{"id", "Angkatan Laut menerima dua kapal patroli pekan lalu."},
		{"sw", "Jeshi la wanamaji lilipokea boti mbili wiki iliyopita."},
	}
	for _, c := range cases {
		ms, ok := oneMention(t, c.lang, c.text)
		if !ok {
			continue
		}
		if got := NewResolver(ms, pub, today).Resolve(ms[0]); got != "2025-02" {
			t.Errorf("%s %q: got %q, want 2025-02", c.lang, c.text, got)
		}
	}
}

// "This week" and "this month" date an act to the publication's month, in
// every language; "this year" dates nothing (background as often as news).
func TestThisWeekAndMonth(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	pub := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	cases := []struct{ lang, text string }{
		{"en", "The navy took delivery of two boats this week."},
		{"fr", "La marine a reçu deux vedettes cette semaine."},
		{"es", "La armada recibió dos lanchas esta semana."},
		{"pt", "A marinha recebeu duas lanchas esta semana."},
		{"it", "La marina ha ricevuto due motovedette questa settimana."},
		{"de", "Die Marine erhielt diese Woche zwei Boote."},
		{"ru", "На этой неделе флот получил два катера."},
		{"uk", "Цього тижня флот отримав два катери."},
		{"pl", "W tym tygodniu marynarka otrzymała dwie łodzie."},
		{"tr", "Donanma bu hafta iki bot teslim aldı."},
		{"ar", "تسلمت البحرية زورقين هذا الأسبوع."},
		{"fa", "نیروی دریایی این هفته دو قایق تحویل گرفت."},
		{"hi", "नौसेना को इस सप्ताह दो नावें मिलीं।"},
		{"zh", "海军本周接收了两艘巡逻艇。"},
		{"ja", "海軍は今週、巡視艇2隻を受領した。"},
		{"ko", "해군은 이번 주 경비정 2척을 인수했다."},
		{"id", "Angkatan Laut menerima dua kapal patroli pekan ini."},
		{"sw", "Jeshi la wanamaji lilipokea boti mbili wiki hii."},
		{"en", "The navy took delivery of two boats this month."},
		{"fr", "La marine a reçu deux vedettes ce mois-ci."},
		{"ru", "В этом месяце флот получил два катера."},
		{"zh", "海军本月接收了两艘巡逻艇。"},
	}
	for _, c := range cases {
		ms, ok := oneMention(t, c.lang, c.text)
		if !ok {
			continue
		}
		if got := NewResolver(ms, pub, today).Resolve(ms[0]); got != "2025-03" {
			t.Errorf("%s %q: got %q, want 2025-03", c.lang, c.text, got)
		}
	}
	lx := realLexicon(t, "en")
	if ms := Find(token.Split("The navy bought two boats this year."), "", lx); len(ms) != 0 {
		t.Errorf("this year: %+v, want no date", ms)
	}
}

// A month name after a role or title and before a surname is someone's
// first name ("Kasım" is November in Turkish and a given name); with a
// day, a year or a suffix it stays a month.
func TestTitledMonthName(t *testing.T) {
	cases := []struct {
		lang, text string
		dates      int
	}{
		{"tr", "Toplantıya Ulusal Güvenlik Danışmanı Kasım el-Hadi de katıldı.", 0},
		{"tr", "Heyete Savunma Bakan Yardımcısı Kasım Demirtaş başkanlık etti.", 0},
		{"tr", "Anlaşma 14 Kasım 2024 tarihinde imzalandı.", 1},
		{"tr", "Tatbikat Kasım'da Ankara yakınlarında yapıldı.", 1},
		{"en", "The talks were chaired by the adviser June Okafor in Abuja.", 0},
		{"es", "La delegación llegó a Quito en mayo de 2025.", 1},
	}
	for _, c := range cases {
		lx := realLexicon(t, c.lang)
		if ms := Find(token.Split(c.text), c.text, lx); len(ms) != c.dates {
			t.Errorf("%q: %d dates, want %d: %+v", c.text, len(ms), c.dates, ms)
		}
	}
}

// Recent or coming months in the plural are no date.
func TestRecentMonthsAreNoDate(t *testing.T) {
	cases := []struct{ lang, text string }{
		{"fr", "Les deux armées se sont rapprochées ces derniers mois."},
		{"fr", "Les livraisons reprendront dans les prochains mois."},
		{"en", "The two armies grew closer over the past months."},
	}
	for _, c := range cases {
		lx := realLexicon(t, c.lang)
		if ms := Find(token.Split(c.text), c.text, lx); len(ms) != 0 {
			t.Errorf("%q: %d dates, want none: %+v", c.text, len(ms), ms)
		}
	}
}

// A day of the month named alone with a word for it is a day of the
// publication's month (or the month before, when the day is still to
// come); with "this month" or "last month" beside it, of that month.
func TestDayAlone(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	pub := time.Date(2025, 3, 18, 0, 0, 0, 0, time.UTC)
	cases := []struct{ lang, text, want string }{
		{"es", "Las patrullas comenzaron el pasado día 9 en la frontera.", "2025-03-09"},
		{"es", "El buque llegó el día 25 a Cartagena.", "2025-02-25"},
		{"pt", "Os instrutores chegaram no dia 4 a Bissau.", "2025-03-04"},
		{"it", "La nave è arrivata il giorno 11 a Gibuti.", "2025-03-11"},
		{"sw", "Wanajeshi hao waliwasili tarehe 6 mjini Goma.", "2025-03-06"},
		{"sw", "Mafunzo yalianza tarehe 3 mwezi huu kambini.", "2025-03-03"},
		{"tr", "Heyet ayın 12'sinde Cibuti'ye ulaştı.", "2025-03-12"},
		{"tr", "Fırkateyn geçen ayın 27'sinde limana girdi.", "2025-02-27"},
		{"id", "Kapal itu tiba pada tanggal 8 di Surabaya.", "2025-03-08"},
		{"ru", "Учения начались 5-го числа на полигоне.", "2025-03-05"},
		{"uk", "Навчання завершилися 14 числа цього місяця.", "2025-03-14"},
		{"hi", "जहाज़ 16 तारीख को बंदरगाह पहुँचा।", "2025-03-16"},
		{"hi", "पिछले महीने की 20 तारीख को अभ्यास शुरू हुआ।", "2025-02-20"},
	}
	for _, c := range cases {
		ms, ok := oneMention(t, c.lang, c.text)
		if !ok {
			continue
		}
		if got := NewResolver(ms, pub, today).Resolve(ms[0]); got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.lang, c.text, got, c.want)
		}
	}
	// with its month written, the day word is the month's: one mention
	lx := realLexicon(t, "es")
	text := "Llegó el día 14 de mayo de 2024."
	if ms := Find(token.Split(text), text, lx); len(ms) != 1 || NewResolver(ms, pub, today).Resolve(ms[0]) != "2024-05-14" {
		t.Errorf("%q: %+v, want one mention of 2024-05-14", text, ms)
	}
}

// A day and month in figures without a year are a date only beside a
// weekday; the month comes first where the language writes it so.
func TestDayMonthBesideWeekday(t *testing.T) {
	pub := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		lang, text, want string
	}{
		{"ja", "■11/16（月） 日豪比、南シナ海で海上協同活動", "2026-11-16"},
		{"ko", "11/16(월) 한미 연합훈련 시작", "2026-11-16"},
		{"uk", "Вівторок, 12.05 — до Києва прибув міністр", "2026-05-12"},
		{"ar", "الثلاثاء ١٢/٥: وصل الوزير إلى الرياض", "2026-05-12"},
		{"en", "Tuesday 12/05: the minister arrived in Kyiv", "2026-05-12"},
		{"en", "the score was 3/2 after the first half", ""},
		{"de", "um 10.30 Uhr begann die Übung", ""},
	} {
		lx := realLexicon(t, c.lang)
		toks := token.Split(c.text)
		ms := Find(toks, c.text, lx)
		r := NewResolver(ms, pub, pub)
		got := ""
		for _, m := range ms {
			if d := r.Resolve(m); len(d) == len(time.DateOnly) {
				got = d
			}
		}
		if got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}
