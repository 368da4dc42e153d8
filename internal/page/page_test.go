package page

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"pactwatch/internal/token"
)

func TestNewRejectsBadInput(t *testing.T) {
	cases := []struct {
		name string
		raw  []byte
		want error
	}{
		{"empty.txt", nil, ErrEmpty},
		{"blank.txt", []byte("  \n\t\n"), ErrEmpty},
		{"binary.txt", []byte("PK\x03\x04\x00\x00binary"), ErrBinary},
		{"huge.txt", []byte(strings.Repeat("a", MaxBytes+1)), ErrTooLarge},
	}
	for _, c := range cases {
		if _, err := New(c.name, c.raw); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}

func TestNewDecodes(t *testing.T) {
	cp1252 := []byte("Le minist\xe8re de la D\xe9fense")
	p, err := New("a.txt", cp1252)
	if err != nil || p.Source != "Le ministère de la Défense" || len(p.Warnings) != 1 {
		t.Fatalf("cp1252: %v %q %v", err, p.Source, p.Warnings)
	}
	utf16 := []byte{0xFF, 0xFE, 'O', 0, 'k', 0, 0xE9, 0}
	p, err = New("b.txt", utf16)
	if err != nil || p.Source != "Oké" {
		t.Fatalf("utf16: %v %q", err, p.Source)
	}
	broken := []byte("Kényan \xff\xfe ok")
	p, err = New("c.txt", broken)
	if err != nil || !strings.Contains(p.Source, "Kényan") || len(p.Warnings) != 1 {
		t.Fatalf("broken utf8: %v %q", err, p.Source)
	}
	p, err = New("d.html", []byte("<p>hi</p>"))
	if err != nil || !p.HTML || p.Name != "d" {
		t.Fatalf("html flag: %v %+v", err, p)
	}
}

// utf16Bytes writes s as UTF-16 without a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestNewUTF16WithoutBOM(t *testing.T) {
	arabic := "وقّع وزيرا الدفاع في البلدين اتفاقًا للتعاون البحري يشمل دوريات مشتركة وتبادل المعلومات.\n"
	cyrillic := "Министры обороны двух стран подписали соглашение о совместном патрулировании побережья.\n"
	greek := "Οι δύο χώρες υπέγραψαν συμφωνία για κοινές περιπολίες στη θάλασσα.\n"
	english := "The two navies agreed on joint patrols along the coast.\n"
	cases := []struct {
		name      string
		text      string
		bigEndian bool
	}{
		{"arabic-le.txt", arabic, false},
		{"arabic-be.txt", arabic, true},
		{"cyrillic-le.txt", cyrillic, false},
		{"cyrillic-be.txt", cyrillic, true},
		{"greek-le.txt", greek, false},
		{"english-le.txt", english, false},
		{"english-be.txt", english, true},
		{"short-cyrillic-le.txt", "Флот вышел в море.", false},
		{"mixed-le.html", "<html><body><p>" + cyrillic + "</p><p>" + arabic + "</p></body></html>", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := utf16Bytes(strings.Repeat(c.text, 3), c.bigEndian)
			p, err := New(c.name, raw)
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if p.Source != strings.Repeat(c.text, 3) {
				t.Errorf("Source = %q, want the text back", p.Source)
			}
			if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "UTF-16") {
				t.Errorf("Warnings = %q, want one naming UTF-16", p.Warnings)
			}
		})
	}
}

// TestNewUTF8NotUTF16 checks that UTF-8 text in the same scripts, whose
// bytes also fall into a regular pattern, is read as UTF-8.
func TestNewUTF8NotUTF16(t *testing.T) {
	for _, s := range []string{
		"Флотвышелвморе", // no spaces: lead bytes on every other byte
		"Министры обороны двух стран подписали соглашение.",
		"وقع الوزيران اتفاقا للتعاون البحري",
		"Le ministère de la Défense a signé.",
	} {
		p, err := New("u.txt", []byte(strings.Repeat(s, 20)))
		if err != nil || p.Source != strings.Repeat(s, 20) || len(p.Warnings) != 0 {
			t.Errorf("%q: err %v, warnings %q, source changed %v", s, err, p.Warnings, err == nil && p.Source != strings.Repeat(s, 20))
		}
	}
}

// TestNewControlBytes checks that the text-or-binary decision looks at the
// whole page, and that a few stray NULs are removed with a warning.
func TestNewControlBytes(t *testing.T) {
	body := strings.Repeat("The coast guards of both states met on Monday to plan joint patrols.\n", 200) // about 14 KB
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i * 7 % 256)
	}
	cases := []struct {
		name     string
		raw      []byte
		binary   bool
		stripped int // how many characters must be removed
	}{
		{"late-nul.txt", []byte(body + "end\x00 of the report\x00.\n"), false, 2},
		{"early-nul.txt", []byte("Head\x00line\n" + body), false, 1},
		{"escape.txt", []byte(body + "colour \x1b[1mcode\x1b[0m\n"), false, 2},
		{"late-binary.txt", append([]byte(body), bytes.Repeat(junk, 2)...), true, 0},
		{"nul-run.txt", append([]byte(body), make([]byte, 600)...), true, 0},
		{"clean.txt", []byte(body), false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := New(c.name, c.raw)
			if c.binary {
				if !errors.Is(err, ErrBinary) {
					t.Fatalf("err = %v, want ErrBinary", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if strings.ContainsAny(p.Source, "\x00\x1b") {
				t.Errorf("control characters reach the source")
			}
			if got := len(c.raw) - len(p.Source); got != c.stripped {
				t.Errorf("removed %d bytes, want %d", got, c.stripped)
			}
			warned := len(p.Warnings) == 1 && strings.Contains(p.Warnings[0], "removed")
			if warned != (c.stripped > 0) {
				t.Errorf("Warnings = %q", p.Warnings)
			}
		})
	}
}

// TestControls checks the eight-bytes-at-a-time count against a plain one,
// for every byte value at every position of a word.
func TestControls(t *testing.T) {
	plain := func(b []byte) (c [2]int) {
		for _, x := range b {
			switch {
			case x == 0:
				c[0]++
			case x < 0x20 && x != '\t' && x != '\n' && x != '\v' && x != '\f' && x != '\r':
				c[1]++
			}
		}
		return c
	}
	base := []byte("Two navies agree on patrols, and more words here.")
	for v := 0; v < 256; v++ {
		for at := 0; at < 17; at++ {
			b := append([]byte(nil), base...)
			b[at] = byte(v)
			b[len(b)-1-at] = byte(255 - v)
			if got, want := controls(b), plain(b); got != want {
				t.Fatalf("byte %#x at %d: controls = %v, want %v", v, at, got, want)
			}
		}
	}
}

// Words gives what splitting the span would, for every sentence-like span
// of a block, in spaced and unspaced scripts.
func TestBlockWords(t *testing.T) {
	for _, text := range []string{
		"The minister arrived in Dakar. Talks followed on Tuesday!",
		"وصل الوزير إلى الرباط. ووقع الجانبان اتفاقية.",
		"国防部长访问坦桑尼亚。两国签署协议。",
		"  leading space. x",
	} {
		b := Block{Text: text, Toks: token.Split(text)}
		for start := 0; start <= len(text); start++ {
			for end := start; end <= len(text); end++ {
				got := b.Words(start, end)
				if got == nil {
					continue // a word across an edge, or not a rune boundary: callers split
				}
				want := token.Split(text[start:end])
				if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
					t.Fatalf("%q [%d:%d]: got %v, want %v", text, start, end, got, want)
				}
			}
		}
	}
	if (&Block{Text: "abc"}).Words(0, 3) != nil {
		t.Error("a block without words gives words")
	}
}
