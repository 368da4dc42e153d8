package people

import (
	"testing"

	"pactwatch/internal/gazetteer"
	"pactwatch/internal/token"
)

// TestMetonyms checks that the seats of power that stand for a state in
// news text (gazetteer data/places.tsv) are found in all eight languages:
// persons take their state from the same gazetteer.
func TestMetonyms(t *testing.T) {
	gaz, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, text, want string
	}{
		{"en", "The Kremlin said the talks were useful.", "RUS"},
		{"fr", "Le Kremlin a salué l'accord.", "RUS"},
		{"es", "El Kremlin confirmó la visita.", "RUS"},
		{"pt", "O Kremlin confirmou a visita.", "RUS"},
		{"ru", "В Кремле подтвердили визит.", "RUS"},
		{"ar", "وقال الكرملين إن المحادثات مفيدة.", "RUS"},
		{"tr", "Kremlin ziyareti doğruladı.", "RUS"},
		{"sw", "Ikulu ya Kremlin ilithibitisha ziara hiyo.", "RUS"},
		{"en", "The Élysée announced the withdrawal.", "FRA"},
		{"fr", "L'Élysée a annoncé le retrait.", "FRA"},
		{"es", "El Elíseo anunció la retirada.", "FRA"},
		{"pt", "O Eliseu anunciou a retirada.", "FRA"},
		{"ru", "Елисейский дворец объявил о выводе.", "FRA"},
		{"ar", "وأعلن الإليزيه الانسحاب.", "FRA"},
		{"tr", "Elysée Sarayı çekilmeyi duyurdu.", "FRA"},
		{"sw", "Ikulu ya Elysee ilitangaza kuondoka.", "FRA"},
		{"en", "Downing Street welcomed the deal.", "GBR"},
		{"fr", "Downing Street a salué l'accord.", "GBR"},
		{"ru", "На Даунинг-стрит приветствовали сделку.", "GBR"},
		{"ar", "ورحبت داونينغ ستريت بالاتفاق.", "GBR"},
		{"en", "The White House suspended the aid.", "USA"},
		{"fr", "La Maison Blanche a suspendu l'aide.", "USA"},
		{"es", "La Casa Blanca suspendió la ayuda.", "USA"},
		{"pt", "A Casa Branca suspendeu a ajuda.", "USA"},
		{"ru", "Белый дом приостановил помощь.", "USA"},
		{"ar", "وعلق البيت الأبيض المساعدات.", "USA"},
		{"tr", "Beyaz Saray yardımı askıya aldı.", "USA"},
		{"sw", "Ikulu ya Marekani ilisitisha msaada.", "USA"},
		{"en", "Pyongyang sent troops to the front.", "PRK"},
		{"fr", "Pyongyang a envoyé des troupes.", "PRK"},
		{"es", "Pionyang envió tropas.", "PRK"},
		{"ru", "Пхеньян направил войска.", "PRK"},
		{"ar", "وأرسلت بيونغ يانغ قوات.", "PRK"},
		{"tr", "Pyongyang cepheye asker gönderdi.", "PRK"},
	}
	for _, c := range cases {
		toks := token.Split(c.text)
		found := false
		for _, m := range gaz.Find(toks) {
			found = found || m.Code == c.want
		}
		if !found {
			t.Errorf("%s: %q: %s not found in %+v", c.lang, c.text, c.want, gaz.Find(toks))
		}
	}
}
