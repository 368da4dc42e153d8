package lang

import (
	"errors"
	"strings"
	"testing"

	"pactwatch/internal/lexicon"
)

func TestDetect(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	id := New(lx)
	cases := map[string]string{
		"The defence minister met his counterpart in Nairobi on Tuesday and they agreed to work together on border security.": "en",
		"Le ministre de la Défense a reçu son homologue à Dakar pour des entretiens sur la coopération entre les deux pays.":  "fr",
		"El ministro de Defensa recibió a su homólogo en Lima para conversar sobre la cooperación entre los dos países.":      "es",
		"O ministro da Defesa recebeu o seu homólogo em Luanda para conversações sobre a cooperação entre os dois países.":    "pt",
		"Министр обороны встретился со своим коллегой в Москве, и они обсудили сотрудничество между двумя странами.":          "ru",
		"استقبل وزير الدفاع نظيره في الرباط وبحث الجانبان التعاون العسكري بين البلدين.":                                       "ar",
		"Milli Savunma Bakanı, mevkidaşı ile Ankara'da bir araya geldi ve iki ülke arasındaki işbirliğini görüştü.":           "tr",
		"Министр обороны Казахстана Руслан Жаксылыков и посол Олексій Міщенко обсудили в Астане военное сотрудничество.":      "ru",
		"Waziri wa Ulinzi alikutana na mwenzake jijini Nairobi na walijadili ushirikiano wa kijeshi kati ya nchi hizo mbili.": "sw",
	}
	for text, want := range cases {
		got, err := id.Detect(text, "")
		if err != nil || got != want {
			t.Errorf("%q: got %q, %v; want %q", text[:30], got, err, want)
		}
	}
	// one short sentence each: a function word or a letter decides
	short := map[string]string{
		"Troops left the base in Gao yesterday.":                "en",
		"Les soldats ont quitté la base de Gao.":                "fr",
		"Las tropas salieron de la base en Gao.":                "es",
		"As tropas deixaram a base de Gao ontem.":               "pt",
		"Askerler dün Gao'daki üssü terk etti ve döndü.":        "tr",
		"Wanajeshi wa Kenya waliondoka kambi ya Gao jana.":      "sw",
		"El ministro llegó a Dakar con una delegación militar.": "es",
		"Ministro recebeu delegação de Angola em Brasília":      "pt",
		// French and Spanish articles tie; the month's name decides
		"Le dernier contingent de soldats belges a quitté Bamako le 4 juin 2025.": "fr",
		"Il contingente belga ha lasciato Bamako il 4 giugno 2025.":               "it",
		// "to" and "by" are English and Polish: the lexicon's words decide
		"The Netherlands reduced military aid to Mali by ten million.": "en",
	}
	for text, want := range short {
		got, err := id.Detect(text, "")
		if err != nil || got != want {
			t.Errorf("short %q: got %q, %v; want %q", text, got, err, want)
		}
	}
	// languages pactwatch does not read are named; other scripts are said
	for text, says := range map[string]string{
		"De minister van Defensie heeft dinsdag de troepen bezocht en hij zei dat de samenwerking belangrijk is voor het land.":                                         "Dutch",
		"وزیر دفاع نے کہا کہ دونوں ممالک کے درمیان تعاون بہت اہم ہے اور یہ آگے بڑھے گا۔":                                                                                "Urdu",
		"Ministrul apărării a declarat că cooperarea dintre cele două țări este foarte importantă pentru securitatea regiunii și că acordul va fi semnat după alegeri.": "Romanian",
		"Försvarsministern sade att samarbetet mellan de två länderna är mycket viktigt för regionens säkerhet och att avtalet kommer att undertecknas efter valet.":    "Swedish",
		"Ο υπουργός Άμυνας συναντήθηκε με τον ομόλογό του στην Αθήνα για συνομιλίες.":                                                                                   "Greek script",
		"ok": "too little text",
	} {
		l, err := id.Detect(text, "")
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), says) {
			t.Errorf("%q: got %q, %v; want unsupported, saying %q", text[:2], l, err, says)
		}
	}
}
