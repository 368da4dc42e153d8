package evaluate

import (
	"fmt"
	"slices"
	"strings"

	"pactwatch/internal/event"
	"pactwatch/internal/token"
)

// Indices of the attributes of AttrNames in the scores of compare.
const (
	attrDate = iota
	attrLocation
	attrInitiator
	attrStage
	attrPersons
	attrDomains
	numAttrs
)

// attrScore is one attribute's agreement in one matched pair: value from 0
// (wrong) to 1 (right), and whether it counts at all (not when both sides
// leave it empty).
type attrScore struct {
	value  float64
	scored bool
}

// compare scores every attribute of AttrNames, in that order, for a
// prediction p matched to gold event g. A value the prediction gives where
// the gold has none is wrong, like a missing one.
func compare(p, g event.Event) [numAttrs]attrScore {
	single := func(pv, gv string, same func(p, g string) bool) attrScore {
		if pv == "" && gv == "" {
			return attrScore{}
		}
		if pv != "" && gv != "" && same(pv, gv) {
			return attrScore{1, true}
		}
		return attrScore{0, true}
	}
	set := func(np, ng int, f func() float64) attrScore {
		if np == 0 && ng == 0 {
			return attrScore{}
		}
		return attrScore{f(), true}
	}
	eq := func(a, b string) bool { return a == b }
	var s [numAttrs]attrScore
	s[attrDate] = single(p.Date, g.Date, sameDate)
	s[attrLocation] = single(locCountry(p), locCountry(g), eq)
	s[attrInitiator] = single(p.Initiator, g.Initiator, eq)
	s[attrStage] = single(stage(p), stage(g), eq)
	s[attrPersons] = set(len(p.Persons), len(g.Persons), func() float64 { return personF1(p.Persons, g.Persons) })
	s[attrDomains] = set(len(p.Domains), len(g.Domains), func() float64 { return setF1(p.Domains, g.Domains) })
	return s
}

// agreement is how well p's attributes agree with g's, from 0 to
// len(AttrNames): the sum of the attribute scores, an attribute both leave
// empty counting as full agreement. Matching maximises it.
func agreement(p, g event.Event) float64 {
	sum := 0.0
	for _, s := range compare(p, g) {
		if !s.scored {
			sum++
			continue
		}
		sum += s.value
	}
	return sum
}

// diffs describes the attributes of a matched pair that are not fully right,
// or returns "".
func diffs(p, g event.Event, scores [numAttrs]attrScore) string {
	var out []string
	add := func(k int, format string, args ...any) {
		if scores[k].scored && scores[k].value < 1 {
			out = append(out, fmt.Sprintf(format, args...))
		}
	}
	add(attrDate, "date %q want %q", p.Date, g.Date)
	add(attrLocation, "location %q want %q", locCountry(p), locCountry(g))
	add(attrInitiator, "initiator %q want %q", p.Initiator, g.Initiator)
	add(attrStage, "stage %q want %q", stage(p), stage(g))
	add(attrPersons, "persons %q want %q", names(p.Persons), names(g.Persons))
	add(attrDomains, "domains %q want %q", p.Domains, g.Domains)
	return strings.Join(out, "; ")
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

// foldName is the form in which person names are compared: the words of the
// name folded by token.Fold (case, accents, Arabic letter variants) and
// joined without anything between them, so that punctuation and the spaces
// around it do not count: "N'Diaye", "N Diaye" and "ndiaye" are one name.
func foldName(s string) string {
	var b strings.Builder
	for _, t := range token.Split(s) {
		b.WriteString(token.Fold(t.Text))
	}
	return b.String()
}

// personF1 is the F1 of the predicted names against the gold persons. Each
// gold person is found at most once, by its name or one of its aliases; the
// pairing is a maximum matching, so an alias shared with another person's
// name cannot steal a match.
func personF1(pred, gold []event.Person) float64 {
	if len(pred) == 0 && len(gold) == 0 {
		return 1
	}
	if len(pred) == 0 || len(gold) == 0 {
		return 0
	}
	forms := make([][]string, len(gold))
	for j, g := range gold {
		for _, n := range append([]string{g.Name}, g.Aliases...) {
			if f := foldName(n); f != "" {
				forms[j] = append(forms[j], f)
			}
		}
	}
	w := make([][]int64, len(pred))
	for i, p := range pred {
		w[i] = make([]int64, len(gold))
		pn := foldName(p.Name)
		for j := range gold {
			if pn != "" && slices.Contains(forms[j], pn) {
				w[i][j] = 1
			}
		}
	}
	matched := 0
	for i, j := range assign(w, len(gold)) {
		if j >= 0 && w[i][j] == 1 {
			matched++
		}
	}
	return f1(matched, len(pred), len(gold))
}

// setF1 is the F1 of two sets given as lists; repeated values count once.
func setF1(pred, gold []string) float64 {
	p, g := dedupe(pred), dedupe(gold)
	if len(p) == 0 && len(g) == 0 {
		return 1
	}
	matched := 0
	for _, x := range p {
		if slices.Contains(g, x) {
			matched++
		}
	}
	return f1(matched, len(p), len(g))
}

func dedupe(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

func f1(matched, np, ng int) float64 {
	if matched == 0 {
		return 0
	}
	p := float64(matched) / float64(np)
	r := float64(matched) / float64(ng)
	return 2 * p * r / (p + r)
}
