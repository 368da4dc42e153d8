package page

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"pactwatch/internal/source"
)

// FuzzPage feeds arbitrary bytes to New and FromArticle in every format: the
// reader must never panic, must fail only with its own errors, and must give
// valid UTF-8 without NULs when it accepts a page.
func FuzzPage(f *testing.F) {
	seeds := [][]byte{
		[]byte("The two navies agreed on joint patrols.\n"),
		[]byte("<!DOCTYPE html><html lang=\"fr\"><body><p>Deux marines.</p></body></html>"),
		[]byte("Le minist\xe8re de la D\xe9fense"),
		[]byte("K\xc3\xa9nyan \xff\xfe ok"),
		{0xFF, 0xFE, 'O', 0, 'k', 0, 0xE9, 0},
		{0xFE, 0xFF, 0, 'O', 0, 'k'},
		{0xEF, 0xBB, 0xBF, 'h', 'i'},
		utf16Bytes("Министры обороны подписали соглашение о патрулировании.", false),
		utf16Bytes("وقع وزيرا الدفاع اتفاقا للتعاون البحري.", true),
		[]byte("PK\x03\x04\x00\x00binary"),
		[]byte(strings.Repeat("text line\n", 900) + "\x00 stray"),
		{0xD8, 0x00, 0xDC},
		{},
	}
	for _, s := range seeds {
		f.Add(s, uint8(0))
	}
	formats := []source.Format{source.Auto, source.Text, source.HTML}
	f.Fuzz(func(t *testing.T, raw []byte, format uint8) {
		var p *Page
		var err error
		if format%4 == 3 {
			p, err = New("fuzz.html", raw)
		} else {
			p, err = FromArticle(&source.Article{ID: "fuzz", Origin: "fuzz", Format: formats[format%4], Raw: raw})
		}
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if !utf8.ValidString(p.Source) {
			t.Fatalf("source is not valid UTF-8: %q", p.Source)
		}
		if strings.ContainsRune(p.Source, 0) {
			t.Fatalf("NUL in source: %q", p.Source)
		}
		if strings.TrimSpace(p.Source) == "" {
			t.Fatalf("empty source accepted")
		}
	})
}
