package evaluate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"pactwatch/internal/event"
)

// LoadGold reads every *.json gold file in dir, keyed by article. A file
// without an "article" field is keyed by its file name.
func LoadGold(dir string) (map[string]event.Gold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no gold files (*.json) in %s", dir)
	}
	out := map[string]event.Gold{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("gold %s: %w", f, err)
		}
		var g event.Gold
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("gold %s: %w", f, err)
		}
		if g.Article == "" {
			g.Article = strings.TrimSuffix(filepath.Base(f), ".json")
		}
		out[g.Article] = g
	}
	return out, nil
}

// Counts are event-level counts.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Precision is TP / (TP + FP), 1 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), 1 when nothing was expected.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) addCounts(o Counts) {
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Attr accumulates one attribute's agreement over matched events.
type Attr struct {
	Sum float64 `json:"sum"`
	N   int     `json:"n"`
}

// Value is the mean agreement (1 when never compared).
func (a Attr) Value() float64 {
	if a.N == 0 {
		return 1
	}
	return a.Sum / float64(a.N)
}

func (a *Attr) add(v float64) { a.Sum += v; a.N++ }

// Report is the whole evaluation.
type Report struct {
	Overall Counts            `json:"overall"`
	ByLang  map[string]Counts `json:"by_language"`
	// Attrs holds every attribute of AttrNames, over all languages.
	Attrs map[string]*Attr `json:"attributes"`
	// LangAttrs holds, for each language of a gold file, every attribute
	// of AttrNames.
	LangAttrs     map[string]map[string]*Attr `json:"attributes_by_language"`
	Negatives     int                         `json:"negative_pages"`
	CleanNegative int                         `json:"clean_negative_pages"`
	Unscored      []string                    `json:"articles_without_gold,omitempty"`
	// Errors are per-article notes: misses, false positives and attribute
	// differences, sorted within each article.
	Errors []string `json:"errors,omitempty"`
	// Reliability bins the predictions of scored articles by confidence:
	// how many, their mean confidence, and how many were right (matched a
	// gold event, required or optional).
	Reliability []Bin `json:"reliability"`
	// Outcomes are the scored articles' predictions, each with whether it
	// matched a gold event: what a confidence model is fitted on.
	Outcomes []Outcome `json:"-"`
}

// Outcome is one prediction and whether it matched a gold event (required
// or optional).
type Outcome struct {
	Event event.Event
	Right bool
}

// Bin is one confidence bin of a reliability table.
type Bin struct {
	Low, High  float64 // confidence in [Low, High)
	N, Right   int
	Confidence float64 // mean confidence of its predictions
}

// Share is the share of the bin's predictions that were right.
func (b Bin) Share() float64 { return ratio(b.Right, b.N) }

// ECE is the expected calibration error of a reliability table: the
// distance between confidence and the share right, weighted by bin size.
func ECE(bins []Bin) float64 {
	total, sum := 0, 0.0
	for _, b := range bins {
		total += b.N
		d := b.Confidence - b.Share()
		if d < 0 {
			d = -d
		}
		sum += float64(b.N) * d
	}
	if total == 0 {
		return 0
	}
	return sum / float64(total)
}

// binCount is the number of reliability bins over 0..1.
const binCount = 10

func (r *Report) addReliability(conf float64, right bool) {
	if r.Reliability == nil {
		for i := range binCount {
			r.Reliability = append(r.Reliability, Bin{Low: float64(i) / binCount, High: float64(i+1) / binCount})
		}
	}
	i := min(int(conf*binCount), binCount-1)
	b := &r.Reliability[max(i, 0)]
	b.Confidence = (b.Confidence*float64(b.N) + conf) / float64(b.N+1)
	b.N++
	if right {
		b.Right++
	}
}

// AttrNames lists the compared attributes in report order.
var AttrNames = []string{"date", "location", "initiator", "stage", "persons", "domains"}

func newAttrs() map[string]*Attr {
	m := make(map[string]*Attr, len(AttrNames))
	for _, n := range AttrNames {
		m[n] = &Attr{}
	}
	return m
}

// Score compares predictions (all articles) with gold. The result does not
// depend on the order of pred or of the events in a gold file.
func Score(gold map[string]event.Gold, pred []event.Event) *Report {
	r := &Report{ByLang: map[string]Counts{}, Attrs: newAttrs(), LangAttrs: map[string]map[string]*Attr{}}
	byArticle := map[string][]event.Event{}
	for _, e := range pred {
		byArticle[e.Article] = append(byArticle[e.Article], e)
	}
	for a := range byArticle {
		if _, ok := gold[a]; !ok {
			r.Unscored = append(r.Unscored, a)
		}
	}
	sort.Strings(r.Unscored)
	articles := make([]string, 0, len(gold))
	for a := range gold {
		articles = append(articles, a)
	}
	sort.Strings(articles)
	for _, a := range articles {
		g := gold[a]
		c := r.scoreArticle(g, byArticle[a])
		r.Overall.addCounts(c)
		lc := r.ByLang[g.Language]
		lc.addCounts(c)
		r.ByLang[g.Language] = lc
		if len(g.Events) == 0 {
			r.Negatives++
			if len(byArticle[a]) == 0 {
				r.CleanNegative++
			}
		}
	}
	return r
}

// scoreArticle matches one article's predictions with its gold events, key
// by key, and scores the matched required pairs.
func (r *Report) scoreArticle(g event.Gold, pred []event.Event) Counts {
	langAttrs := r.LangAttrs[g.Language]
	if langAttrs == nil {
		langAttrs = newAttrs()
		r.LangAttrs[g.Language] = langAttrs
	}
	type group struct{ pred, gold []event.Event }
	groups := map[string]*group{}
	at := func(k string) *group {
		if groups[k] == nil {
			groups[k] = &group{}
		}
		return groups[k]
	}
	for _, p := range pred {
		at(p.Key()).pred = append(at(p.Key()).pred, p)
	}
	for _, ge := range g.Events {
		at(ge.Key()).gold = append(at(ge.Key()).gold, ge)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var c Counts
	var notes []string
	for _, key := range keys {
		gr := groups[key]
		ps, gs := canonical(gr.pred), canonical(gr.gold)
		toGold := match(ps, gs)
		matched := make([]bool, len(gs))
		for i, j := range toGold {
			r.addReliability(ps[i].Confidence, j >= 0)
			r.Outcomes = append(r.Outcomes, Outcome{Event: ps[i], Right: j >= 0})
			if j < 0 {
				c.FP++
				notes = append(notes, fmt.Sprintf("%s: false positive %s", g.Article, key))
				continue
			}
			matched[j] = true
			if !gs[j].IsRequired() {
				continue // background: counts neither way
			}
			c.TP++
			scores := compare(ps[i], gs[j])
			for k, s := range scores {
				if s.scored {
					r.Attrs[AttrNames[k]].add(s.value)
					langAttrs[AttrNames[k]].add(s.value)
				}
			}
			if d := diffs(ps[i], gs[j], scores); d != "" {
				notes = append(notes, fmt.Sprintf("%s: %s: %s", g.Article, key, d))
			}
		}
		for j, ge := range gs {
			if !matched[j] && ge.IsRequired() {
				c.FN++
				notes = append(notes, fmt.Sprintf("%s: missed %s", g.Article, key))
			}
		}
	}
	sort.Strings(notes)
	r.Errors = append(r.Errors, notes...)
	return c
}

// canonical returns the events sorted by their JSON form, so that matching
// sees the same order whatever order the input had. Events with the same JSON
// form are interchangeable for scoring.
func canonical(evs []event.Event) []event.Event {
	type keyed struct {
		k string
		e event.Event
	}
	ks := make([]keyed, len(evs))
	for i, e := range evs {
		b, err := json.Marshal(e)
		if err != nil { // an Event always marshals; keep the input order if not
			b = []byte(fmt.Sprintf("%08d", i))
		}
		ks[i] = keyed{string(b), e}
	}
	sort.SliceStable(ks, func(a, b int) bool { return ks[a].k < ks[b].k })
	out := make([]event.Event, len(ks))
	for i, k := range ks {
		out[i] = k.e
	}
	return out
}
