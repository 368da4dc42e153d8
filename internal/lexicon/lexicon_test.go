package lexicon

import (
	"bufio"
	"bytes"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"pactwatch/internal/token"
)

// The languages pactwatch claims; each must have a full lexicon.
var claimed = []string{"en", "fr", "ar", "es", "pt", "ru", "tr", "sw"}

var values = map[string][]string{
	"trigger":     {"meeting", "agreement", "training", "exercise", "intelligence", "arms", "deployment", "aid", "rupture"},
	"stage":       {"proposed", "negotiating", "signed", "ratified", "in_force", "suspended", "terminated"},
	"modal":       {"future"},
	"visit":       {"to", "from"},
	"role":        {"head_of_state", "head_of_government", "defence_minister", "foreign_minister", "minister", "chief_of_defence", "service_chief", "intelligence_chief", "ambassador", "deputy_minister", "official"},
	"domain":      {"training", "intelligence", "counterterrorism", "peacekeeping", "maritime", "cyber", "equipment", "logistics", "welfare", "human_resources", "border_security", "capacity_building", "defence_industry", "governance", "economic", "regional_security"},
	"boilerplate": {"prefix", "contains"},
	"relday":      {"-1", "0", "1"},
}

func TestFilesAreWellFormed(t *testing.T) {
	err := fs.WalkDir(files, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := files.ReadFile(p)
		seen := map[string]int{}
		sc := bufio.NewScanner(bytes.NewReader(b))
		line := 0
		for sc.Scan() {
			line++
			text := sc.Text()
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			cols := strings.Split(text, "\t")
			kind, value, phrase := cols[0], cols[1], cols[2]
			if allowed, ok := values[kind]; ok && !contains(allowed, value) {
				t.Errorf("%s:%d: %s value %q not allowed", p, line, kind, value)
			}
			if kind == "month" || kind == "weekday" {
				n, err := strconv.Atoi(value)
				if err != nil || n < 1 || (kind == "month" && n > 12) || (kind == "weekday" && n > 7) {
					t.Errorf("%s:%d: bad %s number %q", p, line, kind, value)
				}
			}
			if strings.HasSuffix(phrase, "*") {
				keys, _ := token.Phrase(phrase)
				if len(keys) == 0 || utf8.RuneCountInString(keys[len(keys)-1]) < 4 {
					t.Errorf("%s:%d: stem %q shorter than 4 letters", p, line, phrase)
				}
			}
			keys, _ := token.Phrase(phrase)
			k := kind + "\t" + strings.Join(keys, " ") + "\t" + strings.TrimSuffix(phrase, "*")[len(strings.TrimSuffix(phrase, "*")):]
			if strings.HasSuffix(phrase, "*") {
				k += "*"
			}
			if first, dup := seen[k]; dup && kind != "stopword" {
				t.Errorf("%s:%d: %s %q repeats line %d", p, line, kind, phrase, first)
			}
			seen[k] = line
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Every claimed language has every month and weekday, triggers for every
// event type, stage cues for every stage, roles, and enough stopwords to be
// told apart.
func TestEveryLanguageIsComplete(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range claimed {
		lx := set.Get(l)
		if lx == nil {
			t.Errorf("%s: no lexicon", l)
			continue
		}
		if len(lx.Stopwords) < 50 {
			t.Errorf("%s: %d stopwords, want at least 50", l, len(lx.Stopwords))
		}
		for _, k := range []string{"trigger", "stage", "modal", "domain", "pair", "visit", "locative", "role", "title", "counterpart", "month", "weekday", "security"} {
			if lx.Size(k) == 0 {
				t.Errorf("%s: no %s phrases", l, k)
			}
		}
		for _, check := range []struct {
			kind string
			want []string
		}{
			{"trigger", values["trigger"]},
			{"stage", values["stage"]},
			{"month", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}},
			{"weekday", []string{"1", "2", "3", "4", "5", "6", "7"}},
		} {
			got := map[string]bool{}
			for _, v := range lx.values(check.kind) {
				got[v] = true
			}
			for _, w := range check.want {
				if !got[w] {
					t.Errorf("%s: no %s with value %s", l, check.kind, w)
				}
			}
		}
	}
}
