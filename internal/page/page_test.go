package page

import (
	"errors"
	"strings"
	"testing"
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
