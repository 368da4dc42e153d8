package pipeline

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"pactwatch/internal/lang"
	"pactwatch/internal/token"
)

// urduParagraphs are written here, in Urdu, a language pactwatch does not
// read: they must be named as such, never read as Arabic or Persian.
var urduParagraphs = []string{
	"پاکستان اور ترکی کے وزرائے دفاع نے اسلام آباد میں ملاقات کی اور دونوں ممالک کے درمیان فوجی تعاون بڑھانے پر اتفاق کیا۔",
	"وزیر اعظم نے کہا کہ ہماری فوج ہر قسم کے خطرے کا مقابلہ کرنے کے لیے تیار ہے اور ہم اپنے دوستوں کے ساتھ کھڑے ہیں۔",
	"اس معاہدے کے تحت دونوں ملکوں کی بحری افواج اگلے سال مشترکہ مشقیں کریں گی اور افسران کی تربیت بھی ہوگی۔",
	"سرکاری ذرائع کے مطابق نئے جنگی طیاروں کی پہلی کھیپ اگلے مہینے پہنچ جائے گی جس کے بعد پائلٹوں کی تربیت شروع ہوگی۔",
}

// paragraph reports a block of running text long enough to be judged on
// its own: twelve words, or thirty characters of a script written without
// spaces, ending with a sentence mark (not a headline, menu or byline).
func paragraph(s string) bool {
	end := strings.TrimRight(s, " \"”»’')」』）")
	if r, _ := utf8.DecodeLastRuneInString(end); !strings.ContainsRune(".!?؟。！？।", r) {
		return false
	}
	words, syllabic := 0, 0
	for _, f := range strings.Fields(s) {
		words++
		for _, r := range f {
			if token.IsSyllabic(r) {
				syllabic++
			}
		}
	}
	return words >= 12 || syllabic >= 30
}

// TestLanguageIdentification names the language of every paragraph of the
// own corpora (the language is the file's prefix) and logs the confusion
// table (`go test ./internal/pipeline -run LanguageIdentification -v`).
func TestLanguageIdentification(t *testing.T) {
	p := newPipeline(t)
	var files []string
	for _, dir := range []string{"corpus", "blind1/corpus", "blind2/corpus", "blind3/corpus"} {
		fs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*"))
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	confusion := map[string]map[string]int{} // gold → guess → paragraphs
	count := func(gold, guess string) {
		if confusion[gold] == nil {
			confusion[gold] = map[string]int{}
		}
		confusion[gold][guess]++
	}
	var wrong []string
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		gold, _, _ := strings.Cut(filepath.Base(f), "_")
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Run(context.Background(), FileArticle(f, raw))
		if err != nil {
			continue // a page refused whole is scored by the corpus test
		}
		for _, b := range res.Page.Blocks {
			if !paragraph(b.Text) {
				continue
			}
			guess, err := p.langs.Detect(b.Text, "")
			if err != nil {
				guess = "none"
			}
			count(gold, guess)
			if guess != gold && len(wrong) < 40 {
				wrong = append(wrong, fmt.Sprintf("%s → %s: %.80s", filepath.Base(f), guess, b.Text))
			}
		}
	}
	for _, s := range urduParagraphs {
		guess, err := p.langs.Detect(s, "")
		switch {
		case errors.Is(err, lang.ErrUnsupported) && strings.Contains(err.Error(), "Urdu"):
			guess = "ur"
		case err != nil:
			guess = "none"
		}
		count("ur", guess)
	}
	total, right := 0, 0
	guesses := map[string]bool{}
	for gold, row := range confusion {
		for guess, n := range row {
			total += n
			guesses[guess] = true
			if guess == gold {
				right += n
			}
		}
	}
	cols := slices.Sorted(maps.Keys(guesses))
	var b strings.Builder
	fmt.Fprintf(&b, "%-5s", "gold")
	for _, c := range cols {
		fmt.Fprintf(&b, "%5s", c)
	}
	b.WriteString("\n")
	for _, gold := range slices.Sorted(maps.Keys(confusion)) {
		fmt.Fprintf(&b, "%-5s", gold)
		for _, c := range cols {
			if n := confusion[gold][c]; n > 0 {
				fmt.Fprintf(&b, "%5d", n)
			} else {
				fmt.Fprintf(&b, "%5s", ".")
			}
		}
		b.WriteString("\n")
	}
	acc := float64(right) / float64(total)
	t.Logf("language of %d paragraphs: accuracy %.3f\n%s", total, acc, b.String())
	for _, w := range wrong {
		t.Log(w)
	}
	if acc < 0.98 {
		t.Errorf("accuracy %.3f, want at least 0.98", acc)
	}
	// Persian, Urdu and Ukrainian are never read as Arabic or Russian
	for _, gold := range []string{"fa", "ur", "uk"} {
		for _, bad := range []string{"ar", "ru"} {
			if n := confusion[gold][bad]; n > 0 {
				t.Errorf("%d %s paragraphs read as %s", n, gold, bad)
			}
		}
	}
}
