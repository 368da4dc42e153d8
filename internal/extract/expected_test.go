package extract

import "testing"

// TestExpectedIsPlanned pins the "is expected to" cues of the languages
// that put them before the act: an act that is expected is planned, not
// told as done.
func TestExpectedIsPlanned(t *testing.T) {
	cases := []struct{ lang, text, trigger string }{
		{"en", "Kenyan troops are expected to deploy to Haiti.", "deploy"},
		{"fr", "Les policiers kényans sont attendus en Haïti pour un déploiement.", "déploiement"},
		{"es", "Se espera que el contingente keniano llegue a Haití.", "contingente"},
		{"pt", "Espera-se que o contingente queniano chegue ao Haiti.", "contingente"},
		{"ru", "Ожидается, что кенийский контингент прибудет на Гаити.", "контингент"},
		{"sw", "Kenya inatarajiwa kutuma kikosi cha polisi nchini Haiti.", "kikosi"},
		// Turkish "bekleniyor" follows the act it governs, and modalNear
		// reads only cues before the act: a known gap, not tested here.
		{"ar", "من المتوقع نشر قوات كينية في هايتي.", "نشر قوات"},
	}
	for _, c := range cases {
		s := annotated(t, c.lang, c.text)
		tr := triggerAt(t, s, c.trigger)
		if !s.modalNear(tr) {
			t.Errorf("%s %q: %q not read as planned", c.lang, c.text, c.trigger)
		}
	}
}
