package extract

import (
	"testing"
	"time"

	"pactwatch/internal/lexicon"
	"pactwatch/internal/page"
)

// TestPubLine reads the publication date from the page source, where the
// furniture filter has not removed the line yet, in every language.
func TestPubLine(t *testing.T) {
	set, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, src string
		html      bool
		want      string // "" when the page states none
	}{
		{"en", "<div class=\"meta\"><span>Published on 12 March 2025</span> | <span>Updated 14 March 2025</span></div><p>Kenya and Uganda held talks.</p>", true, "2025-03-12"},
		{"en", "Updated: 14 March 2025\n\nKenya and Uganda held talks.", false, "2025-03-14"},
		{"en", "Kenya and Uganda will hold talks on 12 March 2025.", false, ""},
		{"fr", "<p class=\"date\">Publié le mercredi 12 mars 2025 à 10h05</p><p>Le Sénégal et la Gambie ont tenu des consultations.</p>", true, "2025-03-12"},
		{"fr", "Mis à jour le 14 mars 2025\nPublié le 12 mars 2025\n\nLe texte.", false, "2025-03-12"},
		{"es", "Publicado el 12 de marzo de 2025 | Actualizado el 13 de marzo de 2025\n\nColombia y Ecuador celebraron una reunión.", false, "2025-03-12"},
		{"pt", "Publicado em 12 de março de 2025, às 10h\n\nMoçambique e Ruanda realizaram conversações.", false, "2025-03-12"},
		{"ru", "<time>Опубликовано: 12 марта 2025 года, 10:05</time><p>Министры провели переговоры.</p>", true, "2025-03-12"},
		{"ar", "نشر في 12 مارس 2025\n\nعقد الوزيران محادثات.", false, "2025-03-12"},
		{"tr", "Haber Merkezi | Yayınlanma: 12.03.2025 - 10:24 | Güncelleme: 13.03.2025\n\nBakanlar görüştü.", false, "2025-03-12"},
		{"sw", "Imechapishwa: 12 Machi 2025 | Mwandishi Wetu\n\nMawaziri walifanya mazungumzo.", false, "2025-03-12"},
		// a line holding a date and its time alone is the site's stamp
		{"ja", "政治 > 安全保障\n\n防衛相が会談\n\n2026/05/08 07:30\n\n防衛相は7日、会談した。", false, "2026-05-08"},
		// the publication word after the date, its era year between brackets
		{"ja", "<p class=\"byline\">2026年（令和8年）3月12日 5:00 公開 ｜ 3月12日 9:42 更新　政治部</p><p>防衛相は10日、会談した。</p>", true, "2026-03-12"},
		{"ko", "입력 2026.03.12 05:00 | 수정 2026.03.13\n\n국방부 장관이 회담했다.", false, "2026-03-12"},
		{"ja", "3月14日 9:42 更新\n\n防衛相は10日、会談した。", false, ""}, // an update's date only after its word
		{"pl", "Świat\n14.05.2025 | 08:12\nMinistrowie rozmawiali 13.05.2025 w Wilnie.", false, "2025-05-14"},
		{"en", "Updated: 14 March 2025\n12/03/2025\nThe text.", false, "2025-03-14"}, // a publication word wins
		{"en", "Talks on 12/03/2025 in Nairobi\nThe text.", false, ""},               // words beside it: a date in the text
	}
	for _, c := range cases {
		p := &page.Page{Source: c.src, HTML: c.html, Lang: c.lang}
		got := ""
		if d := pubLine(p, set.Get(c.lang)); !d.IsZero() {
			got = d.Format(time.DateOnly)
		}
		if got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.lang, c.src, got, c.want)
		}
	}
}
