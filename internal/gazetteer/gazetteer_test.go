package gazetteer

import (
	"bufio"
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"pactwatch/internal/langdata"
	"pactwatch/internal/token"
)

func load(t *testing.T) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Every row of the hand-written files names a state CLDR knows (or Kosovo).
func TestCodesAreStates(t *testing.T) {
	cldr := map[string]bool{"XKX": true}
	b, _ := files.ReadFile("data/cldr_names.tsv")
	for _, line := range strings.Split(string(b), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			cldr[strings.SplitN(line, "\t", 2)[0]] = true
		}
	}
	check := func(p string, b []byte) {
		sc := bufio.NewScanner(bytes.NewReader(b))
		n := 0
		for sc.Scan() {
			n++
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			// a compound names several states: JPN+USA
			for _, code := range strings.Split(strings.SplitN(line, "\t", 2)[0], "+") {
				if !cldr[code] {
					t.Errorf("%s:%d: %q is not a known state code", p, n, code)
				}
			}
		}
	}
	err := fs.WalkDir(files, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "cldr_names.tsv") || strings.HasSuffix(p, "organizations.tsv") || !strings.HasSuffix(p, ".tsv") {
			return err
		}
		b, _ := files.ReadFile(p)
		check(p, b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	states, err := langdata.States()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range states {
		check(f.Name, f.Data)
	}
}

// Every state has a demonym in every claimed language.
func TestDemonymCoverage(t *testing.T) {
	states := []string{"KEN", "RWA", "MLI", "FRA", "RUS", "USA", "CHN", "TUR", "CAF", "COD", "SEN", "NGA",
		"EGY", "MAR", "DZA", "ETH", "SOM", "MOZ", "BRA", "ESP", "PRT", "DEU", "GBR", "IND", "SAU", "ARE"}
	files, err := langdata.States()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, f := range files {
		l, b := f.Lang, f.Data
		have[l] = true
		has := map[string]bool{}
		for _, line := range strings.Split(string(b), "\n") {
			cols := strings.Split(line, "\t")
			if len(cols) == 3 && cols[1] == "demonym" {
				has[cols[0]] = true
			}
		}
		for _, s := range states {
			if !has[s] {
				t.Errorf("%s: no demonym for %s", l, s)
			}
		}
	}
	for _, l := range langdata.Langs() {
		if !have[l] {
			t.Errorf("%s: no states.tsv", l)
		}
	}
}

func TestFind(t *testing.T) {
	g := load(t)
	cases := []struct {
		text string
		want []string // code/kind
	}{
		{"les forces armées kényanes et son homologue rwandais", []string{"KEN/demonym", "RWA/demonym"}},
		{"arrived in Kigali from the Central African Republic", []string{"RWA/capital", "CAF/name"}},
		{"وزير الدفاع الكيني مع سفير فرنسا لدى نيروبي", []string{"KEN/demonym", "FRA/name", "KEN/capital"}},
		{"la MINUSCA et les FAMa", []string{"MINUSCA/org", "MLI/metonym"}},
		{"Министр обороны России встретился с кенийским коллегой", []string{"RUS/name", "KEN/demonym"}},
		{"Türkiye ile Kenya arasında", []string{"TUR/name", "KEN/name"}},
		{"the Chad basin and a chad of paper", []string{"TCD/name"}},
		{"us and the US", []string{"USA/name"}},
	}
	for _, c := range cases {
		toks := token.Split(c.text)
		var got []string
		for _, m := range g.Find(toks) {
			got = append(got, m.Code+"/"+string(m.Kind))
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

// A language's forms name states on its own pages (and English names on
// every page); shared places name them everywhere.
func TestFindIn(t *testing.T) {
	g := load(t)
	cases := []struct {
		text, lang string
		want       string // codes found, joined by spaces
	}{
		{"Kenyalı askerler", "tr", "KEN"},
		{"أنهى 24 طياراً عراقياً الدورة", "ar", "IRQ"}, // an Arabic demonym in the accusative
		{"Kenyalı askerler", "fr", ""},
		{"Kenyalı askerler", "", "KEN"}, // every language
		{"les soldats kényans", "fr", "KEN"},
		{"les soldats kényans", "sw", ""},
		{"Nairobi", "ru", "KEN"},                   // a capital is shared
		{"Kenya Kenya", "ar", "KEN KEN"},           // English names travel
		{"日米両国は合意した", "ja", "JPN USA"},             // a compound names both
		{"日米豪比の4カ国が参加した", "ja", "JPN USA AUS PHL"}, // and four
		{"美日澳菲四国海军", "zh", "USA JPN AUS PHL"},
		{"中美洲国家", "zh", ""},
		{"au large de La Réunion", "fr", "FRA"}, // a territory is a region of its state
		{"Guam and Puerto Rico", "en", "USA USA"},
		{"tra la Marina militare e la marina egiziana", "it", "ITA EGY"}, // a force needs only its first capital
		{"la reunión del consejo", "es", ""},                             // a name needs every capital
		// the press's own institutions, named without their state
		{"국방부는 어제 훈련을 마쳤다고 밝혔다", "ko", "KOR"},
		{"필리핀 국방부는 어제 밝혔다", "ko", "PHL"},      // another state's ministry
		{"필리핀의 해군 함정이 입항했다", "ko", "PHL"},     // after a glued genitive
		{"필리핀 해군과 해군이 훈련했다", "ko", "PHL KOR"}, // the second navy is home's
		{"国防部发言人表示", "zh", "CHN"},
		{"巴西国防部长访问", "zh", "BRA"}, // a minister's title is no ministry
		{"국방부는 어제 밝혔다", "ja", ""}, // a language's own forms only
		{"نیروی دریایی ارتش و ناوگان روسیه رزمایش برگزار کردند", "fa", "IRN RUS"},
		{"نیروی دریایی ارتش پاکستان رزمایش برگزار کرد", "fa", "PAK"}, // the owner after the force
		// a currency names no state
		{"a contract worth 30 million US dollars with Turkey", "en", "TUR"},
		{"بقيمة 30 مليون دولار أميركي مع إيطاليا", "ar", "ITA"},
		{"un contrat de 30 millions de dollars américains avec la Turquie", "fr", "TUR"},
		{"15 milhões de dólares australianos para Timor-Leste", "pt", "TLS"},
		// Arabic عمان is Oman unless its shadda writes Amman
		{"وصل الوزير إلى عمان", "ar", "OMN"},
		{"وصل الوزير إلى عمّان", "ar", "JOR"},
		{"دورة في مركز التدريب في عمّان", "ar", "JOR"},
		{"नई दिल्ली में बैठक", "hi", "IND"}, // Devanagari marks are no Arabic vowel marks
	}
	for _, c := range cases {
		var got []string
		for _, m := range g.FindIn(token.Split(c.text), c.lang) {
			got = append(got, m.Code)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("FindIn(%q, %q) = %v, want %q", c.text, c.lang, got, c.want)
		}
	}
}

// A void form hides the state forms inside it.
// A territory's names are regions of its state, never a state of their own.
func TestTerritories(t *testing.T) {
	g := load(t)
	for _, m := range g.FindIn(token.Split("Réunion Mayotte Greenland Hong Kong"), "en") {
		if m.Kind != City {
			t.Errorf("%s: kind %s, want %s", m.Code, m.Kind, City)
		}
	}
	if g.IsState("REU") {
		t.Error("REU is read as a state")
	}
}

func TestVoidForms(t *testing.T) {
	g := load(t)
	for text, want := range map[string]string{
		"중국은 남중국해에서":              "CHN",
		"태평양에서 훈련":                "",
		"인도양과 인도":                 "IND",
		"la Reunión de ministros": "",
	} {
		lang := "ko"
		if strings.HasPrefix(text, "la") {
			lang = "es"
		}
		var got []string
		for _, m := range g.FindIn(token.Split(text), lang) {
			got = append(got, m.Code)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("FindIn(%q) = %v, want %q", text, got, want)
		}
	}
}

// Turkish tells ı from i: a Georgian "İrakli" is no Iraqi ("Iraklı"), while
// a capital I, written for both, matches.
func TestTurkishDotlessI(t *testing.T) {
	g := load(t)
	for _, c := range []struct {
		text string
		want bool // an Iraqi mention
	}{
		{"Gürcistan Savunma Bakanı İrakli Çikovani imzaladı.", false},
		{"Fidan, Iraklı mevkidaşı ile görüştü.", true},
		{"IRAKLI HEYET ANKARA'DA", true},
	} {
		toks := token.Split(c.text)
		got := false
		for _, m := range g.FindIn(toks, "tr") {
			got = got || m.Code == "IRQ"
		}
		if got != c.want {
			t.Errorf("%q: Iraqi mention %v, want %v", c.text, got, c.want)
		}
	}
}

// Korean 인도 is India and "delivery": a delivery's verb forms hide it.
func TestKoreanDeliveryIsNoIndia(t *testing.T) {
	g := load(t)
	for _, text := range []string{"장갑차 20대가 페루 육군에 인도됐다.", "내년 초 나머지 물량을 인도할 예정이다."} {
		for _, m := range g.FindIn(token.Split(text), "ko") {
			if m.Code == "IND" {
				t.Errorf("%q: India found", text)
			}
		}
	}
}
