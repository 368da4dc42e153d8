package token

import (
	"strings"
	"testing"
	"unicode/utf8"

	"pactwatch/internal/tsv"
)

func TestFoldConfusables(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"cyrillic e in a Latin word", "Kеnya", "kenya"},
		{"cyrillic o and a in a Latin word", "Sоmаlia", "somalia"},
		{"cyrillic capital in a Latin word", "Кenya", "kenya"},
		{"cyrillic c and p in a Latin word", "Eсuador рatrol", "ecuador patrol"},
		{"latin o in a Cyrillic word", "Рoссия", "россия"},
		{"latin capitals in a Cyrillic word", "MOСКВА", "москва"},
		{"greek alpha in a Latin word", "Αthens", "athens"},
		{"greek omicron in a Cyrillic word", "Мοсква", "москва"},
		{"Cyrillic word stays Cyrillic", "Россия", "россия"},
		{"Latin word stays Latin", "Kenya", "kenya"},
		{"Greek word stays Greek", "Αθήνα", "αθηνα"},
		{"scripts in separate words", "Россия USA", "россия usa"},
		{"only the mixed word changes", "Ukrаine Київ", "ukraine киів"},
		{"all look-alikes: first letter decides", "рo", "ро"},
		{"digits and Arabic untouched", "F16 وزير", "f16 وزير"},
	}
	for _, c := range cases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("%s: Fold(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
	for in, want := range map[string]string{
		"Kеnya и Рoссия, Αthens.": "Kenya и Россия, Athens.",
		"Kenya и Россия":          "Kenya и Россия",
	} {
		if got := Unconfuse(in); got != want {
			t.Errorf("Unconfuse(%q) = %q, want %q", in, got, want)
		}
	}
	var keys []string
	for _, tk := range Split("Kеnya and Sоmаlia signed; Рoссия подписала") {
		keys = append(keys, tk.Key)
	}
	if got, want := strings.Join(keys, " "), "kenya and somalia signed россия подписала"; got != want {
		t.Errorf("Split keys = %q, want %q", got, want)
	}
}

// TestConfusablesFile checks the data file: every row a Latin letter and one
// Cyrillic or Greek letter, each letter paired once per script, and a word
// with either letter of a pair folding the same way.
func TestConfusablesFile(t *testing.T) {
	type pair struct{ latin, script string }
	seenLatin := map[pair]bool{}
	seenOther := map[rune]bool{}
	rows := 0
	err := tsv.Rows(confusablesTSV, func(line int, cols []string) error {
		rows++
		if len(cols) != 3 {
			t.Errorf("line %d: %d columns, want 3", line, len(cols))
			return nil
		}
		a, b, ok := confusablePair(cols)
		if !ok {
			t.Errorf("line %d: %q is not a Latin letter and a Cyrillic or Greek letter", line, cols[:2])
			return nil
		}
		script := "cyrillic"
		if scripts[b] == scriptGreek {
			script = "greek"
		}
		if !strings.HasPrefix(cols[2], script) {
			t.Errorf("line %d: name %q does not start with %q", line, cols[2], script)
		}
		if seenLatin[pair{cols[0], script}] || seenOther[b] {
			t.Errorf("line %d: %q or %q paired twice", line, cols[0], cols[1])
		}
		seenLatin[pair{cols[0], script}], seenOther[b] = true, true
		// a word of each script with the other's letter inside
		own := map[string]string{"cyrillic": "д", "greek": "λ"}[script]
		if got, want := Fold("n"+string(b)+"n"), Fold("n"+string(a)+"n"); got != want {
			t.Errorf("line %d: Latin word with %q folds to %q, want %q", line, cols[1], got, want)
		}
		if got, want := Fold(own+string(a)+own), Fold(own+string(b)+own); got != want {
			t.Errorf("line %d: %s word with %q folds to %q, want %q", line, script, cols[0], got, want)
		}
		return nil
	})
	if err != nil || rows < 40 {
		t.Fatalf("read %d rows: %v", rows, err)
	}
	if !utf8.Valid(confusablesTSV) {
		t.Error("confusables.tsv is not UTF-8")
	}
}

// BenchmarkFold folds the words of a Latin, a Cyrillic and an Arabic
// sentence, without look-alikes.
func BenchmarkFold(b *testing.B) {
	words := strings.Fields("Les ministres kényans et somaliens ont signé Министры обороны подписали соглашение وقع وزيرا الدفاع اتفاقا")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Fold(w)
		}
	}
}
