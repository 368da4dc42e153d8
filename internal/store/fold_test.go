package store

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Signé à GENÈVE", "signe a geneve"},
		{"  many\t\n spaces  ", "many spaces"},
		{"УЧЕНИЯХ Ёлка", "учениях елка"},
		{"وَقَّعَتْ", "وقعت"},                // harakat
		{"الاتفاقيـــة", "الاتفاقية"},        // tatweel
		{"أإآ ؤ ئ", "ااا و ي"},               // hamza carriers
		{"ﻻ", "لا"},                          // presentation form
		{"ﬁnal ＡＢＣ", "final abc"},            // ligature, full width
		{"中华人民共和国", "中华人民共和国"},               // untouched
		{"İstanbul Iğdır", "istanbul igdır"}, // the dot of İ and the breve of ğ go; ı is a letter of its own
		{"a\x00b\xffc", "ab\uFFFDc"},         // NUL dropped, invalid UTF-8 replaced
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSearchQueryParts(t *testing.T) {
	tests := []struct {
		q, fts string
	}{
		{"Genève accord", `"geneve" "accord"`},
		{`say "hi" now`, `"say" """hi""" "now"`},
		{"协定 防务合作", `"防务合作"`},
		{"a b", ``},
		{"OR NOT AND", `"not" "and"`}, // operators are quoted strings; "or" is short (LIKE)
	}
	for _, tt := range tests {
		if got := ftsQuery(searchTerms(tt.q)); got != tt.fts {
			t.Errorf("ftsQuery(%q) = %s, want %s", tt.q, got, tt.fts)
		}
	}
	for in, want := range map[string]string{"100%": `%100\%%`, "a_b": `%a\_b%`, `c:\x`: `%c:\\x%`} {
		if got := likePattern(in); got != want {
			t.Errorf("likePattern(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestContentHash(t *testing.T) {
	a := ContentHash([]byte("<p>One  page\r\n\tof text.</p>\n"))
	b := ContentHash([]byte("  <p>One page of\ntext.</p>"))
	c := ContentHash([]byte("<p>One page of text!</p>"))
	if a != b || a == c || len(a) != 64 {
		t.Errorf("hashes %s %s %s: want the first two equal, the third different", a, b, c)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Signé", "وَقَّعَتْ", "中华", "İĞ", "\xff\x00", "ﻻ ﬁ", "한국어"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := fold(s)
		if !utf8.ValidString(got) || bytes.IndexByte([]byte(got), 0) >= 0 {
			t.Fatalf("fold(%q) = %q: invalid UTF-8 or NUL", s, got)
		}
		if again := fold(got); again != got {
			t.Fatalf("fold is not idempotent on %q: %q then %q", s, got, again)
		}
		for _, term := range searchTerms(s) {
			if term == "" || likePattern(term) == "%%" {
				t.Fatalf("empty term from %q", s)
			}
		}
	})
}
