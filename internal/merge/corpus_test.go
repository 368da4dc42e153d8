package merge_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/merge"
	"pactwatch/internal/pipeline"
)

// corpusDir holds the multi-source corpus: pages in several languages
// reporting the same happenings, and gold.json saying which.
const corpusDir = "../../testdata/multisource"

// corpusGold is testdata/multisource/gold.json: for each page (its file name
// without extension) the happenings it reports, and its publication date as
// the page states it (dateline or metadata).
type corpusGold struct {
	Pages     map[string][]goldHappening `json:"pages"`
	Published map[string]string          `json:"published"`
}

// goldHappening is one happening a page reports; Date (the date the page
// gives for it, at month or year precision) tells apart two happenings of
// one key on the same page.
type goldHappening struct {
	Happening string     `json:"happening"`
	Type      event.Type `json:"type"`
	Countries []string   `json:"countries"`
	Date      string     `json:"date"`
}

func readCorpusGold(t *testing.T) corpusGold {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g corpusGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("gold.json: %v", err)
	}
	return g
}

// corpusToday fixes "now" for the extractor's weekday rule, so that the
// measurement does not move with the calendar.
var corpusToday = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// extractCorpus runs the pipeline over the pages, in file name order, and
// returns their mentions. Each page's publication date is the one the
// pipeline decided (metadata or dateline); it must agree with gold.json.
func extractCorpus(t *testing.T, g corpusGold) []event.Mention {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{Today: corpusToday})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(corpusDir, "pages")
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ms []event.Mention
	for _, f := range files {
		path := filepath.Join(dir, f.Name())
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Run(context.Background(), pipeline.FileArticle(path, raw))
		if err != nil {
			t.Fatalf("extract %s: %v", f.Name(), err)
		}
		name := res.Article.ID
		for _, m := range res.Mentions {
			if m.Published != g.Published[name] {
				t.Errorf("%s: pipeline reads publication date %q, gold.json says %q", name, m.Published, g.Published[name])
			}
			ms = append(ms, m)
		}
	}
	return ms
}

// assign gives each mention the gold happening of its page with the same
// type and states; where the page reports several of that key, the one of
// a compatible date (an undated mention: the first listed). "" when none.
func assign(g corpusGold, ms []event.Mention) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		var cands []goldHappening
		for _, h := range g.Pages[m.Article] {
			e := event.Event{Type: h.Type, Countries: h.Countries}
			if e.Key() == m.Key() {
				cands = append(cands, h)
			}
		}
		if len(cands) == 0 {
			continue
		}
		if len(cands) == 1 || m.Date == "" {
			out[i] = cands[0].Happening // the page's main happening of that key
			continue
		}
		// a dated mention goes to the happening of its date; with a date
		// the page gives to none, it is a wrong reading and left out
		for _, h := range cands {
			if strings.HasPrefix(m.Date, h.Date) || strings.HasPrefix(h.Date, m.Date) {
				out[i] = h.Happening
				break
			}
		}
	}
	return out
}

// pairScore counts the pairs of matched mentions: together in gold and
// in Group's clusters.
type pairScore struct {
	tp, fp, fn int
	misses     []string
}

func scorePairs(ms []event.Mention, gold []string, clusters [][]int) pairScore {
	cluster := make([]int, len(ms))
	for c, g := range clusters {
		for _, i := range g {
			cluster[i] = c
		}
	}
	var s pairScore
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if gold[i] == "" || gold[j] == "" {
				continue
			}
			same, together := gold[i] == gold[j], cluster[i] == cluster[j]
			switch {
			case same && together:
				s.tp++
			case together:
				s.fp++
				s.misses = append(s.misses, fmt.Sprintf("merged %s %s(%s) with %s %s(%s)", gold[i], ms[i].Article, ms[i].Date, gold[j], ms[j].Article, ms[j].Date))
			case same:
				s.fn++
				s.misses = append(s.misses, fmt.Sprintf("split %s: %s(%s) from %s(%s)", gold[i], ms[i].Article, ms[i].Date, ms[j].Article, ms[j].Date))
			}
		}
	}
	return s
}

// TestCorpusPairs measures Group on the multi-source corpus: pairwise
// precision and recall over the extracted mentions that match a gold
// happening of their page.
func TestCorpusPairs(t *testing.T) {
	g := readCorpusGold(t)
	checkCorpusFiles(t, g)
	ms := extractCorpus(t, g)
	gold := assign(g, ms)

	// what the corpus gives
	pages, langs := map[string]bool{}, map[string]bool{}
	happenings := map[string]map[string]bool{} // happening → languages of pages with a matched mention
	matched := 0
	for i, m := range ms {
		if gold[i] == "" {
			continue
		}
		matched++
		if happenings[gold[i]] == nil {
			happenings[gold[i]] = map[string]bool{}
		}
		happenings[gold[i]][m.Language] = true
	}
	for p := range g.Pages {
		pages[p] = true
		l, _, _ := strings.Cut(p, "_")
		langs[l] = true
	}
	multi := 0
	for _, ls := range happenings {
		if len(ls) >= 2 {
			multi++
		}
	}
	s := scorePairs(ms, gold, merge.Group(ms))
	precision := float64(s.tp) / float64(max(s.tp+s.fp, 1))
	recall := float64(s.tp) / float64(max(s.tp+s.fn, 1))
	t.Logf("corpus: %d pages in %d languages, %d gold happenings (%d with matched mentions in 2+ languages)",
		len(pages), len(langs), len(goldHappenings(g)), multi)
	t.Logf("mentions: %d extracted, %d matched; pairs: %d gold positive, %d predicted positive, %d true",
		len(ms), matched, s.tp+s.fn, s.tp+s.fp, s.tp)
	t.Logf("pairwise precision %.3f, recall %.3f", precision, recall)
	for _, m := range s.misses {
		t.Log(m)
	}
	for _, c := range merge.Group(ms) {
		part := make([]event.Mention, len(c))
		for i, j := range c {
			part[i] = ms[j]
		}
		r := merge.Build(part)
		if err := r.Validate(); err != nil {
			t.Errorf("merged record of %s: %v", r.Article, err)
		}
		var src, alt []string
		for _, s := range r.Sources {
			src = append(src, s.Article)
		}
		for _, a := range r.Alternatives {
			alt = append(alt, a.Field+"="+a.Value)
		}
		stage := ""
		if r.Agreement != nil {
			stage = string(r.Agreement.Stage) + " (" + r.Agreement.Kind + ")"
		}
		t.Logf("record %s %v %s %s conf %.2f sources %v alternatives %v", r.Type, r.Countries, r.Date, stage,
			r.Confidence, src, alt)
	}
	// what the key alone would give: the corpus must need more than it
	base := scorePairs(ms, gold, byKey(ms))
	t.Logf("baseline (one cluster per key): precision %.3f, recall %.3f",
		float64(base.tp)/float64(max(base.tp+base.fp, 1)), float64(base.tp)/float64(max(base.tp+base.fn, 1)))
	if base.fp == 0 {
		t.Errorf("no two happenings of the corpus share a key: it has no near misses")
	}
	if multi < 15 {
		t.Errorf("%d happenings have matched mentions in 2+ languages, want at least 15", multi)
	}
	if precision < 0.90 || recall < 0.90 {
		t.Errorf("pairwise precision %.3f, recall %.3f: want both at least 0.90", precision, recall)
	}

	// the page order changes nothing
	want := clusterIDs(ms, merge.Group(ms))
	r := rand.New(rand.NewPCG(2025, 3))
	names := slices.Sorted(func(yield func(string) bool) {
		for p := range pages {
			if !yield(p) {
				return
			}
		}
	})
	for round := range 20 {
		r.Shuffle(len(names), func(a, b int) { names[a], names[b] = names[b], names[a] })
		var shuffled []event.Mention
		for _, p := range names {
			for _, m := range ms {
				if m.Article == p {
					shuffled = append(shuffled, m)
				}
			}
		}
		if got := clusterIDs(shuffled, merge.Group(shuffled)); got != want {
			t.Fatalf("page order %d changed the clusters:\n got %s\nwant %s", round, got, want)
		}
	}
}

// byKey clusters mentions by their merge key alone.
func byKey(ms []event.Mention) [][]int {
	idx := map[string]int{}
	var out [][]int
	for i, m := range ms {
		c, ok := idx[m.Key()]
		if !ok {
			c = len(out)
			idx[m.Key()] = c
			out = append(out, nil)
		}
		out[c] = append(out[c], i)
	}
	return out
}

// clusterIDs writes clusters as sorted lists of mention identities (page
// and place among that page's mentions), independent of input order.
func clusterIDs(ms []event.Mention, clusters [][]int) string {
	seen := map[string]int{}
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = fmt.Sprintf("%s#%d", m.Article, seen[m.Article])
		seen[m.Article]++
	}
	var out []string
	for _, c := range clusters {
		var part []string
		for _, i := range c {
			part = append(part, ids[i])
		}
		sort.Strings(part)
		out = append(out, strings.Join(part, " "))
	}
	sort.Strings(out)
	return strings.Join(out, " | ")
}

func goldHappenings(g corpusGold) map[string]bool {
	out := map[string]bool{}
	for _, hs := range g.Pages {
		for _, h := range hs {
			out[h.Happening] = true
		}
	}
	return out
}

// checkCorpusFiles checks that gold.json and the pages agree: every page has
// gold and a publication date, every happening one key, in pages of
// different languages.
func checkCorpusFiles(t *testing.T, g corpusGold) {
	t.Helper()
	files, err := os.ReadDir(filepath.Join(corpusDir, "pages"))
	if err != nil {
		t.Fatal(err)
	}
	onDisk := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(f.Name(), filepath.Ext(f.Name()))
		onDisk[name] = true
		if _, ok := g.Pages[name]; !ok {
			t.Errorf("page %s has no gold", f.Name())
		}
		if _, ok := g.Published[name]; !ok {
			t.Errorf("page %s has no publication date in gold.json", f.Name())
		}
	}
	keys := map[string]string{}
	langs := map[string][]string{}
	for p, hs := range g.Pages {
		if !onDisk[p] {
			t.Errorf("gold names page %s, which is not in pages/", p)
		}
		l, _, _ := strings.Cut(p, "_")
		for _, h := range hs {
			e := event.Event{Type: h.Type, Countries: h.Countries}
			if err := e.Validate(); err != nil {
				t.Errorf("gold %s %s: %v", p, h.Happening, err)
			}
			if k, ok := keys[h.Happening]; ok && k != e.Key() {
				t.Errorf("happening %s is %s on %s but %s elsewhere", h.Happening, e.Key(), p, k)
			}
			keys[h.Happening] = e.Key()
			if slices.Contains(langs[h.Happening], l) {
				t.Errorf("happening %s has two %s pages", h.Happening, l)
			}
			langs[h.Happening] = append(langs[h.Happening], l)
		}
	}
}
