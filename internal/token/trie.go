package token

import "strings"

// Trie maps phrases (sequences of folded keys) to values of type V.
//
// A lexicon holds hundreds of thousands of phrases and lives as long as the
// process, so the trie is laid out for the garbage collector: its nodes
// sit in one slice, the links between them in one map of integers, their
// keys in one byte slice and their values in one slice of V, where a
// node's values are a window. Only the values hold pointers (when V does):
// a collection walks a few large objects, not a million small ones.
type Trie[V any] struct {
	nodes []trieNode // nodes[0] is the root, made by the first Add
	links map[uint64]int32
	recs  []link // what links point to
	spill map[linkKey]int32
	keys  []byte // every link's key, one after another
	// bloom holds a bit for each link's map key: most words lead nowhere,
	// and a clear bit says so without a probe of the large map
	bloom []uint64
	vals  []V // every node's and stem's values: a window each
	stems []stem
	size  int
	infix []infix[V] // one-word phrases matched inside or at the end of words
}

type infix[V any] struct {
	part   string
	inside bool // anywhere in the word; else at its end
	val    V
}

type trieNode struct {
	vals, nvals int32 // the node's values: vals[vals:vals+nvals]
	// which links leave the node: a node with none of a kind skips the
	// map for that kind
	next, glued, stems bool
}

// The kinds of link from a node: a word after it, a character glued to
// the one before it, or the first stemIndex bytes of a stem.
const (
	linkNext uint64 = iota + 1
	linkGlued
	linkStem
)

// link is one link of the map: from a node, by a key of a kind, to a
// node (next, glued) or to the first stem of a chain (stem).
type link struct {
	from     int32
	kind     uint8
	off, len int32 // the key, in keys
	to       int32
}

// linkKey names a link whose hash another link already took.
type linkKey struct {
	from int32
	kind uint64
	key  string
}

// stemIndex is how many leading bytes index stems: every stem keeps at
// least four letters, so at least four bytes.
const stemIndex = 4

// stem is a word's prefix that ends a phrase; stems of one node that
// share their first stemIndex bytes form a chain, in the order added.
type stem struct {
	off, len    int32 // the prefix, in keys
	vals, nvals int32
	next        int32 // the next stem of the chain, or -1
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
	if t.nodes == nil {
		t.nodes = []trieNode{{}}
		t.links = map[uint64]int32{}
	}
	t.size++
	n := int32(0)
	last := len(keys) - 1
	for i, k := range keys {
		// a stem shorter than stemIndex bytes is matched as a whole word
		if i == last && star && len(k) >= stemIndex {
			t.addStem(n, k, v)
			return
		}
		kind := linkNext
		if i > 0 && i < len(glued) && glued[i] {
			kind = linkGlued
		}
		c := t.follow(n, kind, k, hashKey(k))
		if c < 0 {
			c = int32(len(t.nodes))
			t.nodes = append(t.nodes, trieNode{})
			t.addLink(n, kind, k, hashKey(k), c)
			if kind == linkNext {
				t.nodes[n].next = true
			} else {
				t.nodes[n].glued = true
			}
		}
		n = c
	}
	nd := &t.nodes[n]
	nd.vals, nd.nvals = t.addVal(nd.vals, nd.nvals, v)
}

// addStem adds v under the stem k of node n.
func (t *Trie[V]) addStem(n int32, k string, v V) {
	idx := k[:stemIndex]
	s := t.follow(n, linkStem, idx, hashKey(idx))
	if s < 0 {
		t.addLink(n, linkStem, idx, hashKey(idx), t.newStem(k))
		t.nodes[n].stems = true
		s = int32(len(t.stems) - 1)
	} else {
		for {
			if t.key(t.stems[s].off, t.stems[s].len) == k {
				break
			}
			if t.stems[s].next < 0 {
				ns := t.newStem(k) // may move t.stems
				t.stems[s].next = ns
				s = ns
				break
			}
			s = t.stems[s].next
		}
	}
	st := &t.stems[s]
	st.vals, st.nvals = t.addVal(st.vals, st.nvals, v)
}

// newStem appends a stem without values and returns its index.
func (t *Trie[V]) newStem(k string) int32 {
	off := t.addKey(k)
	t.stems = append(t.stems, stem{off: off, len: int32(len(k)), next: -1})
	return int32(len(t.stems) - 1)
}

// addVal adds v to the window at..at+n of vals and returns the window
// that holds it: the window grows in place when it ends the slice, else
// moves to the end (a node's values are added together, as its phrases
// are, so few move).
func (t *Trie[V]) addVal(at, n int32, v V) (int32, int32) {
	if n == 0 || int(at+n) != len(t.vals) {
		start := int32(len(t.vals))
		t.vals = append(t.vals, t.vals[at:at+n]...)
		at = start
	}
	t.vals = append(t.vals, v)
	return at, n + 1
}

func (t *Trie[V]) addKey(k string) int32 {
	off := int32(len(t.keys))
	t.keys = append(t.keys, k...)
	return off
}

func (t *Trie[V]) key(off, n int32) string { return string(t.keys[off : off+n]) }

// linkHash is the map key of the link from a node by a key whose
// hashKey is h.
func linkHash(from int32, kind, h uint64) uint64 {
	return h ^ (uint64(from)<<2|kind)*0x9e3779b97f4a7c15
}

// addLink records the link from a node by k (whose hashKey is h) to to.
func (t *Trie[V]) addLink(from int32, kind uint64, k string, h uint64, to int32) {
	lh := linkHash(from, kind, h)
	if _, taken := t.links[lh]; taken {
		// another link has this hash: keep this one by its key
		if t.spill == nil {
			t.spill = map[linkKey]int32{}
		}
		t.spill[linkKey{from, kind, k}] = to
		return
	}
	t.links[lh] = int32(len(t.recs))
	t.recs = append(t.recs, link{from: from, kind: uint8(kind), off: t.addKey(k), len: int32(len(k)), to: to})
	if len(t.bloom)*64 < bloomBits*len(t.links) {
		// grow: at least bloomBits bits a link
		t.bloom = make([]uint64, max(64, 2*len(t.bloom)))
		for h := range t.links {
			t.setBloom(h)
		}
		return
	}
	t.setBloom(lh)
}

// bloomBits is how many bits of the bloom filter each link has at least:
// about one absent key in ten gets through to the map.
const bloomBits = 8

func (t *Trie[V]) setBloom(h uint64) {
	i := bloomIndex(h, len(t.bloom))
	t.bloom[i>>6] |= 1 << (i & 63)
}

// bloomIndex spreads a link's map key over n words of bits.
func bloomIndex(h uint64, n int) uint64 {
	return (h * 0x9e3779b97f4a7c15) >> 20 & uint64(n*64-1)
}

// follow returns where the link from a node by k (whose hashKey is h)
// leads, or -1.
func (t *Trie[V]) follow(from int32, kind uint64, k string, h uint64) int32 {
	lh := linkHash(from, kind, h)
	if t.bloom != nil { // a link kept in spill shares its map key, and so its bit, with another
		if i := bloomIndex(lh, len(t.bloom)); t.bloom[i>>6]&(1<<(i&63)) == 0 {
			return -1
		}
	}
	if i, ok := t.links[lh]; ok {
		r := &t.recs[i]
		if r.from == from && uint64(r.kind) == kind && int(r.len) == len(k) && string(t.keys[r.off:r.off+r.len]) == k {
			return r.to
		}
	}
	if t.spill != nil {
		if to, ok := t.spill[linkKey{from, kind, k}]; ok {
			return to
		}
	}
	return -1
}

// AddPhrase adds a data-file phrase (see Phrase). A single word written
// "*peleka*" matches any word containing it, "*peleka" any word ending
// with it: for languages that put subject and tense before the verb stem.
func (t *Trie[V]) AddPhrase(p string, v V) {
	t.addPhrase(p, v, stemIndex)
}

// AddEnding is AddPhrase for a word ending ("*rán") whose matches the
// caller checks against the word as written: it may be shorter than a
// stem.
func (t *Trie[V]) AddEnding(p string, v V) { t.addPhrase(p, v, 2) }

func (t *Trie[V]) addPhrase(p string, v V, least int) {
	p = strings.TrimSpace(p)
	if strings.HasPrefix(p, "*") && !strings.Contains(p, " ") {
		keys, star := Phrase(strings.TrimPrefix(p, "*"))
		if len(keys) == 1 && len(keys[0]) >= least {
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
	if t.nodes != nil {
		t.walk(0, toks, i, i, &out)
	}
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

// window returns vals[at:at+n], closed to appends.
func (t *Trie[V]) window(at, n int32) []V { return t.vals[at : at+n : at+n] }

func (t *Trie[V]) walk(n int32, toks []Token, start, pos int, out *[]Match[V]) {
	nd := t.nodes[n]
	if pos > start && nd.nvals > 0 {
		*out = append(*out, Match[V]{Start: start, End: pos, Vals: t.window(nd.vals, nd.nvals)})
	}
	if pos >= len(toks) {
		return
	}
	tok := &toks[pos]
	if nd.stems {
		t.stemsAt(n, tok.Key, start, pos, out)
		for _, k := range tok.Alts {
			t.stemsAt(n, k, start, pos, out)
		}
	}
	if nd.glued && pos > start && tok.Glued {
		if c := t.follow(n, linkGlued, tok.Key, tok.hashed()); c >= 0 {
			t.walk(c, toks, start, pos+1, out)
		}
	}
	if !nd.next {
		return
	}
	if c := t.follow(n, linkNext, tok.Key, tok.hashed()); c >= 0 {
		t.walk(c, toks, start, pos+1, out)
	}
	for _, k := range tok.Alts {
		if c := t.follow(n, linkNext, k, hashKey(k)); c >= 0 {
			t.walk(c, toks, start, pos+1, out)
		}
	}
}

func (t *Trie[V]) stemsAt(n int32, k string, start, pos int, out *[]Match[V]) {
	if len(k) < stemIndex {
		return
	}
	idx := k[:stemIndex]
	for s := t.follow(n, linkStem, idx, hashKey(idx)); s >= 0; s = t.stems[s].next {
		st := &t.stems[s]
		if len(k) >= int(st.len) && string(t.keys[st.off:st.off+st.len]) == k[:st.len] {
			*out = append(*out, Match[V]{Start: start, End: pos + 1, Stem: true, Vals: t.window(st.vals, st.nvals)})
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
