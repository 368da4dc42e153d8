package gazetteer

import (
	"slices"
	"strings"
	"testing"

	"pactwatch/internal/token"
)

func TestTowns(t *testing.T) {
	g := load(t)
	cases := []struct {
		name, lang, text string
		want             []string // "form=ISO3", in order
		alts             string   // a state Alts must hold, for the first town
	}{
		{"a town by its own name", "it", "Il corso si è svolto a Gaeta.", []string{"Gaeta=ITA"}, ""},
		{"a language's own form", "ja", "ガエータで訓練を行った。", []string{"ガエータ=ITA"}, ""},
		{"another language's form is not read", "fr", "Ils se sont entraînés à ガエータ.", nil, ""},
		{"a declined name by its stem", "pl", "Marynarze szkolili się we Flensburgu.", []string{"Flensburgu=DEU"}, ""},
		{"a stem in a language that does not decline is not read", "en", "They trained at Flensburgu.", nil, ""},
		{"an everyday word of the void list", "en", "Police said the convoy left.", nil, ""},
		{"a word of one language is a town on another's pages", "es", "El curso concluyó en Rosso, junto al río.", []string{"Rosso=MRT"}, ""},
		{"and no town on its own language's pages", "it", "Il semaforo era Rosso.", nil, ""},
		{"a lower-case word is no town", "it", "Il porto di gaeta.", nil, ""},
		{"a name of towns in several states", "fr", "Ils sont arrivés à Saint-Louis.", []string{"Saint-Louis=USA"}, "SEN"},
		{"a state's name is never a town", "en", "They met in Lebanon.", nil, ""},
		{"a Korean form without its administrative word", "ko", "울산 조선소에서 교육을 받았다.", []string{"울산=KOR"}, ""},
		{"a Japanese form without 市", "ja", "札幌で会談した。", []string{"札幌=JPN"}, ""},
		{"the administrative word kept", "zh", "双方在札幌市举行会谈。", []string{"札幌市=JPN"}, ""},
		{"a Chinese page reads the Japanese form of a town it has none for", "zh", "学员们在南京完成了培训。", []string{"南京=CHN"}, ""},
		{"an Arabic page reads the Persian form the same way", "ar", "تدرب الضباط في جهلم.", []string{"جهلم=PAK"}, ""},
		{"a language's own form wins over a borrowed one", "zh", "会谈在傑赫勒姆举行。", []string{"傑赫勒姆=PAK"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := token.Split(c.text)
			ms := g.Towns(toks, c.lang, g.FindIn(toks, c.lang))
			var got []string
			for _, m := range ms {
				got = append(got, c.text[toks[m.Start].Start:toks[m.End-1].End]+"="+m.Code)
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("Towns(%q) = %v, want %v", c.text, got, c.want)
			}
			if c.alts != "" && !slices.Contains(ms[0].Alts, c.alts) {
				t.Errorf("Towns(%q) alternatives %v lack %s", c.text, ms[0].Alts, c.alts)
			}
		})
	}
}

// Every void.tsv form is a town's name in towns.tsv, and every towns.tsv
// row is well formed (Load checks it) with a state's code.
func TestTownFiles(t *testing.T) {
	g := load(t)
	b, err := townFiles.ReadFile("geonames/towns.tsv")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	rows := 0
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows++
		cols := strings.Split(line, "\t")
		if code := cols[0]; !g.IsState(code) && g.sovereign[code] == "" {
			t.Errorf("towns.tsv: %s is no state we know: %s", code, line)
		}
		names[token.Fold(cols[4])] = true
		if len(cols) > 5 && cols[5] != "" {
			for _, f := range strings.Split(cols[5], "|") {
				_, form, _ := strings.Cut(f, "=")
				names[token.Fold(form)] = true
			}
		}
	}
	if rows < 20000 {
		t.Errorf("towns.tsv holds %d towns, want the GeoNames list of 20,000 and more", rows)
	}
	v, _ := townFiles.ReadFile("geonames/void.tsv")
	for _, line := range strings.Split(string(v), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if form, _, _ := strings.Cut(line, "\t"); !names[token.Fold(form)] {
			t.Errorf("void.tsv: %q names no town of towns.tsv", form)
		}
	}
}
