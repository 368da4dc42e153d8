package synth

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/tsv"
)

//go:embed data/templates.tsv
var templatesTSV string

//go:embed data/page_states.tsv
var pageStatesTSV string

type state struct{ iso3, en, fr, frAdj, capital string }

// Pages draws news-like pages from a seeded source.
type Pages struct {
	rnd       *rand.Rand
	states    []state
	templates map[string]map[string][]string // lang → part → texts
	langs     []string
}

// New loads the templates; the same seed gives the same output.
func NewPages(seed uint64) (*Pages, error) {
	g := &Pages{rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), templates: map[string]map[string][]string{}}
	err := tsv.Rows([]byte(pageStatesTSV), func(line int, r []string) error {
		if len(r) != 5 {
			return fmt.Errorf("page_states.tsv:%d: want 5 columns, got %d", line, len(r))
		}
		g.states = append(g.states, state{r[0], r[1], r[2], r[3], r[4]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = tsv.Rows([]byte(templatesTSV), func(line int, r []string) error {
		if len(r) != 3 {
			return fmt.Errorf("templates.tsv:%d: want 3 columns, got %d", line, len(r))
		}
		if g.templates[r[0]] == nil {
			g.templates[r[0]] = map[string][]string{}
			g.langs = append(g.langs, r[0])
		}
		g.templates[r[0]][r[1]] = append(g.templates[r[0]][r[1]], r[2])
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, l := range g.langs {
		for _, part := range []string{"headline", "act", "filler"} {
			if len(g.templates[l][part]) == 0 {
				return nil, fmt.Errorf("templates.tsv: language %s has no %s", l, part)
			}
		}
		if n := len(g.templates[l]["month"]); n != 0 && n != 12 {
			return nil, fmt.Errorf("templates.tsv: language %s has %d months, want 12", l, n)
		}
	}
	if len(g.states) < 2 {
		return nil, fmt.Errorf("page_states.tsv: need at least two states")
	}
	return g, nil
}

// pick draws an index with a Zipf-like skew: low indexes are drawn far
// more often, as a few states are in most news.
func (g *Pages) pick(n int) int {
	return min(int(float64(n)*g.rnd.Float64()*g.rnd.Float64()), n-1)
}

func (g *Pages) pair() (state, state) {
	a := g.states[g.pick(len(g.states))]
	for {
		b := g.states[g.rnd.IntN(len(g.states))]
		if b.iso3 != a.iso3 {
			return a, b
		}
	}
}

// Page returns the text of one generated page (a headline, a dateline, the
// act, and filler lines) and its language.
func (g *Pages) Page(published time.Time) (text, lang string) {
	lang = g.langs[g.rnd.IntN(len(g.langs))]
	t := g.templates[lang]
	a, b := g.pair()
	day := published.AddDate(0, 0, -g.rnd.IntN(5))
	fill := func(s string) string {
		an, bn, date := a.en, b.en, day.Format("2 January 2006")
		if lang == "fr" {
			an, bn = a.fr, b.fr
		}
		if months := t["month"]; len(months) == 12 {
			date = fmt.Sprintf("%d %s %d", day.Day(), months[day.Month()-1], day.Year())
		}
		s = strings.NewReplacer("{A}", an, "{B}", bn, "{CITY}", b.capital, "{DATE}", date, "{AADJ}", a.frAdj).Replace(s)
		return upperFirst(s)
	}
	var sb strings.Builder
	sb.WriteString(fill(t["headline"][g.rnd.IntN(len(t["headline"]))]))
	sb.WriteString("\n\n")
	fmt.Fprintf(&sb, "%s, %s\n\n", strings.ToUpper(b.capital), published.Format("2006-01-02"))
	fillers := t["filler"]
	for i := 0; i < 3+g.rnd.IntN(4); i++ {
		sb.WriteString(fill(fillers[g.rnd.IntN(len(fillers))]))
		sb.WriteString("\n\n")
		if i == 0 {
			sb.WriteString(fill(t["act"][g.rnd.IntN(len(t["act"]))]))
			sb.WriteString("\n\n")
		}
	}
	return sb.String(), lang
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
