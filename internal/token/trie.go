package token

import "strings"

// Trie maps phrases (sequences of folded keys) to values of type V.
type Trie[V any] struct {
	root  node[V]
	size  int
	infix []infix[V] // one-word phrases matched inside or at the end of words
}

type infix[V any] struct {
	part   string
	inside bool // anywhere in the word; else at its end
	val    V
}

type node[V any] struct {
	next     map[string]*node[V]
	nextKeys *filter             // the keys of next, once it has many: most words lead nowhere, and a clear bit says so without a map lookup
	glued    map[string]*node[V] // characters that must follow the one before with nothing between
	vals     []V
	stems    map[string][]stem[V] // by the first stemIndex bytes of the prefix
	stemKeys *filter              // the keys of stems, once it has many
}

// stemIndex is how many leading bytes index stems: every stem keeps at
// least four letters, so at least four bytes.
const stemIndex = 4

type stem[V any] struct {
	prefix string
	vals   []V
}

// Match is one phrase found in a token sequence.
type Match[V any] struct {
	Start, End int // token indexes, End exclusive
	Stem       bool
	Vals       []V
}

// Len returns how many phrases were added.
func (t *Trie[V]) Len() int { return t.size }

// Add records v under the phrase keys; star makes the last key a prefix.
func (t *Trie[V]) Add(keys []string, star bool, v V) { t.AddGlued(keys, nil, star, v) }

// AddGlued is Add where glued[i] says that keys[i] must be a character
// glued to the one before it in the text (GluedPhrase).
func (t *Trie[V]) AddGlued(keys []string, glued []bool, star bool, v V) {
	if len(keys) == 0 {
		return
	}
	t.size++
	n := &t.root
	last := len(keys) - 1
	for i, k := range keys {
		// a stem shorter than stemIndex bytes is matched as a whole word
		if i == last && star && len(k) >= stemIndex {
			if n.stems == nil {
				n.stems = map[string][]stem[V]{}
			}
			idx := k[:stemIndex]
			list, ok := n.stems[idx]
			if !ok {
				n.stems[idx] = nil
				n.stemKeys = n.stemKeys.add(idx, len(n.stems), func(yield func(string)) {
					for k := range n.stems {
						yield(k)
					}
				})
			}
			for j := range list {
				if list[j].prefix == k {
					list[j].vals = append(list[j].vals, v)
					return
				}
			}
			n.stems[idx] = append(list, stem[V]{prefix: k, vals: []V{v}})
			return
		}
		m := &n.next
		if i > 0 && i < len(glued) && glued[i] {
			m = &n.glued
		}
		if *m == nil {
			*m = make(map[string]*node[V])
		}
		c := (*m)[k]
		if c == nil {
			c = &node[V]{}
			(*m)[k] = c
			if m == &n.next {
				n.nextKeys = n.nextKeys.add(k, len(n.next), func(yield func(string)) {
					for k := range n.next {
						yield(k)
					}
				})
			}
		}
		n = c
	}
	n.vals = append(n.vals, v)
}

// AddPhrase adds a data-file phrase (see Phrase). A single word written
// "*peleka*" matches any word containing it, "*peleka" any word ending
// with it: for languages that put subject and tense before the verb stem.
func (t *Trie[V]) AddPhrase(p string, v V) {
	p = strings.TrimSpace(p)
	if strings.HasPrefix(p, "*") && !strings.Contains(p, " ") {
		keys, star := Phrase(strings.TrimPrefix(p, "*"))
		if len(keys) == 1 && len(keys[0]) >= stemIndex {
			t.size++
			t.infix = append(t.infix, infix[V]{part: keys[0], inside: star, val: v})
			return
		}
	}
	keys, glued, star := GluedPhrase(p)
	t.AddGlued(keys, glued, star, v)
}

// MatchAt returns every phrase that starts at toks[i], longest first; at equal
// length an exact word beats a stem.
func (t *Trie[V]) MatchAt(toks []Token, i int) []Match[V] {
	var out []Match[V]
	t.walk(&t.root, toks, i, i, &out)
	if i < len(toks) {
		for _, f := range t.infix {
			k := toks[i].Key
			if (f.inside && strings.Contains(k, f.part)) || strings.HasSuffix(k, f.part) {
				out = append(out, Match[V]{Start: i, End: i + 1, Stem: true, Vals: []V{f.val}})
			}
		}
	}
	if len(out) > 1 {
		sortMatches(out)
	}
	return out
}

func (t *Trie[V]) walk(n *node[V], toks []Token, start, pos int, out *[]Match[V]) {
	if pos > start && len(n.vals) > 0 {
		*out = append(*out, Match[V]{Start: start, End: pos, Vals: n.vals})
	}
	if pos >= len(toks) {
		return
	}
	tok := &toks[pos]
	if n.stems != nil {
		t.stemsAt(n, tok.Key, start, pos, out)
		for _, k := range tok.Alts {
			t.stemsAt(n, k, start, pos, out)
		}
	}
	if n.glued != nil && pos > start && tok.Glued {
		if c := n.glued[tok.Key]; c != nil {
			t.walk(c, toks, start, pos+1, out)
		}
	}
	if n.next == nil {
		return
	}
	if n.nextKeys.has(tok.hashed()) {
		if c := n.next[tok.Key]; c != nil {
			t.walk(c, toks, start, pos+1, out)
		}
	}
	for _, k := range tok.Alts {
		if !n.nextKeys.has(hashKey(k)) {
			continue
		}
		if c := n.next[k]; c != nil {
			t.walk(c, toks, start, pos+1, out)
		}
	}
}

func (t *Trie[V]) stemsAt(n *node[V], k string, start, pos int, out *[]Match[V]) {
	if len(k) < stemIndex || !n.stemKeys.has(hashKey(k[:stemIndex])) {
		return
	}
	for _, s := range n.stems[k[:stemIndex]] {
		if strings.HasPrefix(k, s.prefix) {
			*out = append(*out, Match[V]{Start: start, End: pos + 1, Stem: true, Vals: s.vals})
		}
	}
}

func sortMatches[V any](m []Match[V]) {
	// insertion sort: lists are tiny
	for i := 1; i < len(m); i++ {
		for j := i; j > 0 && better(m[j], m[j-1]); j-- {
			m[j], m[j-1] = m[j-1], m[j]
		}
	}
}

func better[V any](a, b Match[V]) bool {
	if a.End != b.End {
		return a.End > b.End
	}
	return !a.Stem && b.Stem
}

// Scan finds non-overlapping phrases left to right, taking the longest at
// each position; keep may reject a match (then shorter ones are tried).
func (t *Trie[V]) Scan(toks []Token, keep func(Match[V]) bool) []Match[V] {
	var out []Match[V]
	for i := 0; i < len(toks); {
		found := false
		for _, m := range t.MatchAt(toks, i) {
			if keep == nil || keep(m) {
				out = append(out, m)
				i = m.End
				found = true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// filter is a set of key hashes that may say "maybe" for a key never
// added but never "no" for one added: a node with many keys skips the map
// for most words. It keeps at least 16 bits per key, so about one absent
// word in twenty gets through to the map. A nil filter says "maybe" to
// every key: a node with few keys has none, its small map being quick.
type filter struct {
	bits []uint64
}

// minFiltered is the number of keys from which a node keeps a filter.
const minFiltered = 8

// add records key k in a node that now holds n keys and returns the
// node's filter; all yields every key the node holds, to fill the bits
// when they are made or grow.
func (f *filter) add(k string, n int, all func(yield func(string))) *filter {
	if n < minFiltered {
		return nil
	}
	if f == nil || len(f.bits)*64 < 16*n {
		size := 1
		for size*64 < 32*n {
			size *= 2
		}
		f = &filter{bits: make([]uint64, size)}
		all(func(k string) { f.set(hashKey(k)) })
		return f
	}
	f.set(hashKey(k))
	return f
}

func (f *filter) set(h uint64) {
	i := h >> 1 & uint64(len(f.bits)*64-1) // the lowest bit is always set
	f.bits[i>>6] |= 1 << (i & 63)
}

// has reports whether h may have been added.
func (f *filter) has(h uint64) bool {
	if f == nil {
		return true
	}
	i := h >> 1 & uint64(len(f.bits)*64-1)
	return f.bits[i>>6]&(1<<(i&63)) != 0
}

// hashKey is FNV-1a of a folded key, never 0 (0 marks a token whose hash
// is not computed yet).
func hashKey(k string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(k); i++ {
		h ^= uint64(k[i])
		h *= 1099511628211
	}
	return h | 1
}
