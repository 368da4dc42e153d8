package merge

import (
	"slices"
	"sync"

	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

// Topics finds the specific topics (maritime, nuclear, intelligence...) an
// agreement's free-text kind names, in any language pactwatch reads (the
// lexicon kind topic of each language).
type Topics struct {
	trie token.Trie[string]
}

// newTopics builds Topics from the topic entries of every lexicon.
func newTopics(lx *lexicon.Set) *Topics {
	t := &Topics{}
	for _, l := range lx.Langs() {
		for _, e := range lx.Get(l).Entries(lexicon.Topic) {
			t.trie.AddPhrase(e.Text, e.Value)
		}
	}
	return t
}

// loadTopics reads the lexicons' topics once.
var loadTopics = sync.OnceValues(func() (*Topics, error) {
	lx, err := lexicon.Load()
	if err != nil {
		return nil, err
	}
	return newTopics(lx), nil
})

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
