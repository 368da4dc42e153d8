package token

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"pactwatch/internal/langdata"
)

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Kényanes":   "kenyanes",
		"État":       "etat",
		"İstanbul":   "istanbul",
		"Kenyalı":    "kenyali",
		"Ёлка":       "елка",
		"أيار":       "ايار",
		"إفريقيا":    "افريقيا",
		"الكينيّة":   "الكينيه",
		"مصطفى":      "مصطفي",
		"Goïta":      "goita",
		"Straße":     "strasse",
		"ASSIMI":     "assimi",
		"Moçambique": "mocambique",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitOffsets(t *testing.T) {
	s := "Le chef d’état-major, M. Diarra (Mali)."
	toks := Split(s)
	var words []string
	for _, tk := range toks {
		if s[tk.Start:tk.End] != tk.Text {
			t.Fatalf("offsets of %q do not point at it", tk.Text)
		}
		words = append(words, tk.Key)
	}
	want := []string{"le", "chef", "d", "etat", "major", "m", "diarra", "mali"}
	if !reflect.DeepEqual(words, want) {
		t.Errorf("keys = %v, want %v", words, want)
	}
	if !toks[6].Cap || toks[0].Upper != 1 {
		t.Errorf("capital flags wrong: %+v", toks[6])
	}
}

// Han, kana and Hangul characters are tokens of their own; digits next to
// them are split off; their scripts have no case.
func TestSplitSyllabic(t *testing.T) {
	cases := map[string][]string{
		"中俄2024年签署协议": {"中", "俄", "2024", "年", "签", "署", "协", "议"},
		"ロシアと日本":      {"ロ", "シ", "ア", "と", "日", "本"},
		"미국과 한국은 3월에": {"미", "국", "과", "한", "국", "은", "3", "월", "에"},
		"Kenya与UN合作":  {"kenya", "与", "un", "合", "作"},
	}
	for in, want := range cases {
		var got []string
		for _, tk := range Split(in) {
			if in[tk.Start:tk.End] != tk.Text {
				t.Fatalf("%q: offsets of %q do not point at it", in, tk.Text)
			}
			got = append(got, tk.Key)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Split(%q) = %v, want %v", in, got, want)
		}
	}
	for in, uncased := range map[string]bool{"签": true, "وزير": true, "मंत्री": true, "Kenya": false, "kenya": false, "2024": false} {
		if got := Split(in)[0].Uncased; got != uncased {
			t.Errorf("%q: Uncased = %v, want %v", in, got, uncased)
		}
	}
}

func TestArabicClitics(t *testing.T) {
	toks := Split("وباريس والاتفاقية للولايات")
	has := func(tk Token, k string) bool {
		for _, x := range tk.Keys() {
			if x == k {
				return true
			}
		}
		return false
	}
	if !has(toks[0], "باريس") {
		t.Errorf("وباريس keys %v lack باريس", toks[0].Keys())
	}
	if !has(toks[1], "اتفاقيه") {
		t.Errorf("والاتفاقية keys %v lack اتفاقيه", toks[1].Keys())
	}
	if alb := Split("ألبان")[0]; alb.Key != "البان" {
		t.Errorf("ألبان key %q: the hamza alef is not an article", alb.Key)
	}
	if !has(toks[2], "ولايات") {
		t.Errorf("للولايات keys %v lack ولايات", toks[2].Keys())
	}
}

func TestTrie(t *testing.T) {
	var tr Trie[string]
	tr.AddPhrase("chef d'état-major", "role")
	tr.AddPhrase("chef", "short")
	tr.AddPhrase("rencontr*", "meet")
	tr.AddPhrase("الاتفاقية", "agreement")
	tr.AddPhrase("*peleka*", "send")
	toks := Split("Le chef d’état-major a rencontrés son homologue; والاتفاقية walipeleka")
	got := tr.Scan(toks, nil)
	var vals []string
	for _, m := range got {
		vals = append(vals, m.Vals[0])
	}
	want := []string{"role", "meet", "agreement", "send"}
	if !reflect.DeepEqual(vals, want) {
		t.Errorf("Scan = %v, want %v", vals, want)
	}
	if !got[1].Stem {
		t.Error("stem match not flagged")
	}
}

// A phrase written as one word matches characters written together, not
// across a space; a phrase written with a space matches both.
// Devanagari vowel signs are letters of the word, not accents.
func TestFoldDevanagari(t *testing.T) {
	if Fold("पेरू") == Fold("पर") || Fold("सेना") == Fold("सना") {
		t.Errorf("vowel signs dropped: %q %q", Fold("पेरू"), Fold("सेना"))
	}
	if Fold("ज़मीन") != Fold("जमीन") {
		t.Errorf("nukta kept: %q %q", Fold("ज़मीन"), Fold("जमीन"))
	}
}

func TestGluedPhrases(t *testing.T) {
	var tr Trie[string]
	tr.AddPhrase("한국", "KOR")
	tr.AddPhrase("무장 단체", "armed group")
	cases := map[string]string{
		"한국과 미국":    "KOR",
		"방문한 국가":    "",
		"무장단체가 공격":  "armed group",
		"무장 단체가 공격": "armed group",
	}
	for text, want := range cases {
		got := ""
		for _, m := range tr.Scan(Split(text), nil) {
			got = m.Vals[0]
		}
		if got != want {
			t.Errorf("%q: matched %q, want %q", text, got, want)
		}
	}
}

// Every clitics.tsv parses, and a bad one is refused with its file and line.
func TestCliticsFiles(t *testing.T) {
	if len(clitics()) == 0 {
		t.Fatal("no clitics.tsv: Arabic words would keep their article")
	}
	for _, in := range []string{
		"article\tال\ttwo\n",
		"pronoun\tه\t2\n",
		"article\tال\t2\nconjunction\tx\t1\n",
		"# only a comment\n",
	} {
		f := langdata.File{Lang: "xx", Name: "xx/clitics.tsv", Data: []byte(in)}
		if _, err := parseClitics(f); err == nil || !strings.Contains(err.Error(), "xx/clitics.tsv") {
			t.Errorf("%q: error %v, want one naming the file", in, err)
		}
	}
}

// TestTrieMany checks a node with many words after it: each phrase is
// found, and a word never added leads nowhere.
func TestTrieMany(t *testing.T) {
	var tr Trie[int]
	for i := 0; i < 2000; i++ {
		tr.Add([]string{fmt.Sprintf("word%d", i), "end"}, false, i)
	}
	for i := 0; i < 2000; i++ {
		toks := Split(fmt.Sprintf("word%d end", i))
		if ms := tr.MatchAt(toks, 0); len(ms) != 1 || ms[0].Vals[0] != i {
			t.Fatalf("word%d end: got %v", i, ms)
		}
		if ms := tr.MatchAt(Split(fmt.Sprintf("other%d end", i)), 0); len(ms) != 0 {
			t.Fatalf("other%d end: got %v", i, ms)
		}
	}
	// the bloom filter sends few absent words on to the map
	through := 0
	for i := 0; i < 2000; i++ {
		k := fmt.Sprintf("other%d", i)
		b := bloomIndex(linkHash(0, linkNext, hashKey(k)), len(tr.bloom))
		if tr.bloom[b>>6]&(1<<(b&63)) != 0 {
			through++
		}
	}
	if through > 2000/5 {
		t.Errorf("%d of 2000 absent words pass the bloom filter", through)
	}
}

// TestTrieLinkCollision checks that two links whose hashes collide both
// lead where they should: the second is kept by its key.
func TestTrieLinkCollision(t *testing.T) {
	var tr Trie[string]
	tr.Add([]string{"alpha"}, false, "a")
	a := tr.follow(0, linkNext, "alpha", hashKey("alpha"))
	// a link by "beta" given alpha's hash, as if the two collided
	tr.nodes = append(tr.nodes, trieNode{})
	b := int32(len(tr.nodes) - 1)
	tr.addLink(0, linkNext, "beta", hashKey("alpha"), b)
	if got := tr.follow(0, linkNext, "alpha", hashKey("alpha")); got != a {
		t.Errorf("alpha leads to %d, want %d", got, a)
	}
	if got := tr.follow(0, linkNext, "beta", hashKey("alpha")); got != b {
		t.Errorf("beta leads to %d, want %d", got, b)
	}
	if got := tr.follow(0, linkNext, "gamma", hashKey("alpha")); got != -1 {
		t.Errorf("gamma leads to %d, want none", got)
	}
}

// TestTrieValsOrder checks that values added to a node at different
// times come back in the order added, and that a match's values are
// closed to appends.
func TestTrieValsOrder(t *testing.T) {
	var tr Trie[int]
	tr.Add([]string{"a", "b"}, false, 1)
	tr.Add([]string{"c"}, false, 2)
	tr.Add([]string{"a", "b"}, false, 3)
	tr.Add([]string{"abcdef"}, true, 4)
	tr.Add([]string{"c"}, false, 5)
	tr.Add([]string{"abcdxy"}, true, 6)
	tr.Add([]string{"abcdef"}, true, 7)
	ms := tr.MatchAt(Split("a b"), 0)
	if len(ms) != 1 || fmt.Sprint(ms[0].Vals) != "[1 3]" {
		t.Fatalf("a b: %v", ms)
	}
	_ = append(ms[0].Vals, 99)
	if ms := tr.MatchAt(Split("c"), 0); len(ms) != 1 || fmt.Sprint(ms[0].Vals) != "[2 5]" {
		t.Errorf("c: %v", ms)
	}
	if ms := tr.MatchAt(Split("abcdefgh"), 0); len(ms) != 1 || fmt.Sprint(ms[0].Vals) != "[4 7]" {
		t.Errorf("abcdefgh: %v", ms)
	}
	if ms := tr.MatchAt(Split("abcdxyz"), 0); len(ms) != 1 || fmt.Sprint(ms[0].Vals) != "[6]" {
		t.Errorf("abcdxyz: %v", ms)
	}
}
