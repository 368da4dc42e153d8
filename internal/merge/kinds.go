package merge

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"pactwatch/internal/token"
)

//go:embed data/kinds.tsv
var kindsTSV string

// kindLanguages are the languages kinds.tsv must cover for every topic.
var kindLanguages = []string{"en", "fr", "es", "pt", "ru", "ar", "tr", "sw"}

// Topics finds the specific topics (maritime, nuclear, intelligence...) an
// agreement's free-text kind names, in any language merge reads.
type Topics struct {
	trie token.Trie[string]
}

// parseTopics reads kinds.tsv: topic, language, phrase.
func parseTopics(src string) (*Topics, error) {
	t := &Topics{}
	seen := map[string]bool{}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" || f[2] == "" {
			return nil, fmt.Errorf("kinds.tsv line %d: want topic, language, phrase", n+1)
		}
		if !slices.Contains(kindLanguages, f[1]) {
			return nil, fmt.Errorf("kinds.tsv line %d: language %q is not read", n+1, f[1])
		}
		key := f[0] + "\t" + f[1] + "\t" + f[2]
		if seen[key] {
			return nil, fmt.Errorf("kinds.tsv line %d: %q repeated", n+1, line)
		}
		seen[key] = true
		t.trie.AddPhrase(f[2], f[0])
	}
	return t, nil
}

// loadTopics parses the embedded kinds.tsv once.
var loadTopics = sync.OnceValues(func() (*Topics, error) { return parseTopics(kindsTSV) })

// Of returns the sorted topics a kind names; none for a generic kind.
func (t *Topics) Of(kind string) []string {
	if t == nil || kind == "" {
		return nil
	}
	var out []string
	for _, m := range t.trie.Scan(token.Split(kind), nil) {
		for _, v := range m.Vals {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	slices.Sort(out)
	return out
}

// kindsCompatible reports that two topic sets may name one agreement: one
// of them is generic, or they share a topic.
func kindsCompatible(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
