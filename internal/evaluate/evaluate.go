// Package evaluate scores extracted events against gold files by the rules
// of shared/spec/events.md: events match within an article when type and
// state set agree (one-to-one, greedy, best attribute agreement first);
// precision, recall and F1 count required gold events only (a prediction
// matching an optional one counts neither way); matched pairs are then
// compared on date, location country, initiator, agreement stage, person
// names and domains. It knows nothing about how events are extracted.
package evaluate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"pactwatch/internal/event"
	"pactwatch/internal/token"
)

// LoadGold reads every *.json gold file in dir, keyed by article.
func LoadGold(dir string) (map[string]event.Gold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no gold files (*.json) in %s", dir)
	}
	out := map[string]event.Gold{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
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

// Precision, Recall and F1 of the counts (1 when nothing was expected or found).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN).
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
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
	Overall       Counts            `json:"overall"`
	ByLang        map[string]Counts `json:"by_language"`
	Attrs         map[string]*Attr  `json:"attributes"`
	Negatives     int               `json:"negative_pages"`
	CleanNegative int               `json:"clean_negative_pages"`
	Unscored      []string          `json:"articles_without_gold,omitempty"`
	Errors        []string          `json:"errors,omitempty"` // per-article mismatch notes
}

// AttrNames lists the compared attributes in report order.
var AttrNames = []string{"date", "location", "initiator", "stage", "persons", "domains"}

// Score compares predictions (all articles) with gold.
func Score(gold map[string]event.Gold, pred []event.Event) *Report {
	r := &Report{ByLang: map[string]Counts{}, Attrs: map[string]*Attr{}}
	for _, n := range AttrNames {
		r.Attrs[n] = &Attr{}
	}
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
		r.Overall.TP += c.TP
		r.Overall.FP += c.FP
		r.Overall.FN += c.FN
		lc := r.ByLang[g.Language]
		lc.TP += c.TP
		lc.FP += c.FP
		lc.FN += c.FN
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

type pair struct {
	p, g  int
	score int
}

func (r *Report) scoreArticle(g event.Gold, pred []event.Event) Counts {
	var pairs []pair
	for i, p := range pred {
		for j, ge := range g.Events {
			if p.Key() != ge.Key() {
				continue
			}
			s := 0
			if ge.IsRequired() {
				s += 100
			}
			s += agreement(p, ge)
			pairs = append(pairs, pair{i, j, s})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	usedP := map[int]bool{}
	usedG := map[int]bool{}
	var c Counts
	for _, pr := range pairs {
		if usedP[pr.p] || usedG[pr.g] {
			continue
		}
		usedP[pr.p], usedG[pr.g] = true, true
		ge := g.Events[pr.g]
		if ge.IsRequired() {
			c.TP++
			r.compare(g.Article, pred[pr.p], ge)
		}
	}
	for i, p := range pred {
		if !usedP[i] {
			c.FP++
			r.Errors = append(r.Errors, fmt.Sprintf("%s: false positive %s", g.Article, p.Key()))
		}
	}
	for j, ge := range g.Events {
		if !usedG[j] && ge.IsRequired() {
			c.FN++
			r.Errors = append(r.Errors, fmt.Sprintf("%s: missed %s", g.Article, ge.Key()))
		}
	}
	return c
}

// agreement counts matching attributes, to prefer the best pairing.
func agreement(p, g event.Event) int {
	n := 0
	if p.Date != "" && sameDate(p.Date, g.Date) {
		n += 4
	}
	if locCountry(p) != "" && locCountry(p) == locCountry(g) {
		n++
	}
	if p.Initiator != "" && p.Initiator == g.Initiator {
		n++
	}
	if stage(p) != "" && stage(p) == stage(g) {
		n += 2
	}
	return n
}

// compare scores the attributes of a matched pair. An attribute counts when
// the gold or the prediction states it: a date where the text gives none is
// as wrong as a missing one.
func (r *Report) compare(article string, p, g event.Event) {
	cmp := func(name, pv, gv string, same func(a, b string) bool) {
		if pv == "" && gv == "" {
			return
		}
		v := 0.0
		if same(pv, gv) {
			v = 1
		}
		r.Attrs[name].add(v)
	}
	eq := func(a, b string) bool { return a == b }
	cmp("date", p.Date, g.Date, sameDate)
	cmp("location", locCountry(p), locCountry(g), eq)
	cmp("initiator", p.Initiator, g.Initiator, eq)
	cmp("stage", stage(p), stage(g), eq)
	if len(p.Persons) > 0 || len(g.Persons) > 0 {
		r.Attrs["persons"].add(personF1(p.Persons, g.Persons))
	}
	if len(p.Domains) > 0 || len(g.Domains) > 0 {
		r.Attrs["domains"].add(setF1(p.Domains, g.Domains))
	}
	var diffs []string
	if !sameDate(p.Date, g.Date) {
		diffs = append(diffs, fmt.Sprintf("date %q want %q", p.Date, g.Date))
	}
	if locCountry(p) != locCountry(g) {
		diffs = append(diffs, fmt.Sprintf("location %q want %q", locCountry(p), locCountry(g)))
	}
	if p.Initiator != g.Initiator {
		diffs = append(diffs, fmt.Sprintf("initiator %q want %q", p.Initiator, g.Initiator))
	}
	if stage(p) != stage(g) {
		diffs = append(diffs, fmt.Sprintf("stage %q want %q", stage(p), stage(g)))
	}
	if personF1(p.Persons, g.Persons) < 1 && (len(p.Persons) > 0 || len(g.Persons) > 0) {
		diffs = append(diffs, fmt.Sprintf("persons %v want %v", names(p.Persons), names(g.Persons)))
	}
	if len(diffs) > 0 {
		r.Errors = append(r.Errors, fmt.Sprintf("%s: %s: %s", article, g.Key(), strings.Join(diffs, "; ")))
	}
}

func names(ps []event.Person) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

// sameDate compares at the gold's precision: "2023-12-05" is right for a
// gold "2023-12"; "2023" is not precise enough for it.
func sameDate(p, g string) bool {
	if g == "" || p == "" {
		return p == g
	}
	return len(p) >= len(g) && p[:len(g)] == g
}

func locCountry(e event.Event) string {
	if e.Location == nil {
		return ""
	}
	return e.Location.Country
}

func stage(e event.Event) string {
	if e.Agreement == nil {
		return ""
	}
	return string(e.Agreement.Stage)
}

// foldName folds accents and case and joins the words of a name.
func foldName(s string) string {
	toks := token.Split(s)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = token.Fold(t.Text)
	}
	return strings.Join(keys, " ")
}

func personF1(pred, gold []event.Person) float64 {
	if len(pred) == 0 && len(gold) == 0 {
		return 1
	}
	if len(pred) == 0 || len(gold) == 0 {
		return 0
	}
	matched := 0
	used := map[int]bool{}
	for _, p := range pred {
		pn := foldName(p.Name)
		for j, g := range gold {
			if used[j] {
				continue
			}
			ok := foldName(g.Name) == pn
			for _, a := range g.Aliases {
				ok = ok || foldName(a) == pn
			}
			if ok {
				used[j] = true
				matched++
				break
			}
		}
	}
	return f1(matched, len(pred), len(gold))
}

func setF1(pred, gold []string) float64 {
	if len(pred) == 0 && len(gold) == 0 {
		return 1
	}
	g := map[string]bool{}
	for _, x := range gold {
		g[x] = true
	}
	matched := 0
	for _, x := range pred {
		if g[x] {
			matched++
		}
	}
	return f1(matched, len(pred), len(gold))
}

func f1(matched, np, ng int) float64 {
	if matched == 0 {
		return 0
	}
	p := float64(matched) / float64(np)
	r := float64(matched) / float64(ng)
	return 2 * p * r / (p + r)
}
