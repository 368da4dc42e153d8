package merge

import (
	"slices"

	"pactwatch/internal/event"
)

// singular lists the roles one state has one holder of at a time: two
// sources naming the holder of one of them for the same state, in two
// scripts or spellings, name one person.
var singular = []string{"head_of_state", "head_of_government", "defence_minister", "foreign_minister",
	"chief_of_defence", "intelligence_chief"}

// person gathers what the sources say about one participant.
type person struct {
	keys      []string         // folded names and aliases
	names     []string         // forms as written, first seen first
	support   map[string][]int // form → sources writing it
	countries []string
	roles     []string
	sources   []int
}

// persons unites the participants of every source, one entry per person:
// names folded (case, accents, punctuation), then the holders of a
// singular role for one state named by different sources in different
// forms. The name is the form most sources write; the others become aliases.
func persons(srcs []*source) []event.Person {
	var ps []*person
	for i, s := range srcs {
		for _, m := range s.mentions {
			for _, p := range m.Persons {
				k := foldText(p.Name)
				if k == "" {
					continue
				}
				j := slices.IndexFunc(ps, func(q *person) bool { return slices.Contains(q.keys, k) })
				if j < 0 {
					ps = append(ps, &person{support: map[string][]int{}})
					j = len(ps) - 1
				}
				q := ps[j]
				q.keys = union(q.keys, k)
				for _, a := range p.Aliases {
					if f := foldText(a); f != "" {
						q.keys = union(q.keys, f)
					}
				}
				q.names = union(q.names, p.Name)
				q.names = union(q.names, p.Aliases...)
				if !slices.Contains(q.support[p.Name], i) {
					q.support[p.Name] = append(q.support[p.Name], i)
				}
				q.countries = append(q.countries, p.Country)
				q.roles = append(q.roles, p.Role)
				if !slices.Contains(q.sources, i) {
					q.sources = append(q.sources, i)
				}
			}
		}
	}
	// one holder of a singular role per state, when no source names two
	for i := 0; i < len(ps); i++ {
		ci, ri := majority(ps[i].countries), majority(ps[i].roles)
		if ci == "" || !slices.Contains(singular, ri) {
			continue
		}
		for j := i + 1; j < len(ps); j++ {
			if majority(ps[j].countries) != ci || majority(ps[j].roles) != ri ||
				slices.ContainsFunc(ps[j].sources, func(s int) bool { return slices.Contains(ps[i].sources, s) }) {
				continue
			}
			a, b := ps[i], ps[j]
			a.keys = union(a.keys, b.keys...)
			a.names = union(a.names, b.names...)
			for f, s := range b.support {
				a.support[f] = append(a.support[f], s...)
			}
			a.countries = append(a.countries, b.countries...)
			a.roles = append(a.roles, b.roles...)
			a.sources = append(a.sources, b.sources...)
			ps = slices.Delete(ps, j, j+1)
			j--
		}
	}
	var out []event.Person
	for _, q := range ps {
		name := q.names[0]
		for _, f := range q.names[1:] {
			if len(q.support[f]) > len(q.support[name]) ||
				(len(q.support[f]) == len(q.support[name]) && len(q.support[f]) > 0 && slices.Min(q.support[f]) < slices.Min(q.support[name])) {
				name = f
			}
		}
		p := event.Person{Name: name, Country: majority(q.countries), Role: majority(q.roles)}
		for _, f := range q.names {
			if f != name {
				p.Aliases = union(p.Aliases, f)
			}
		}
		slices.Sort(p.Aliases)
		out = append(out, p)
	}
	return out
}

// majority returns the non-empty value given most often, ties to the first
// given.
func majority(vals []string) string {
	best, n := "", 0
	for i, v := range vals {
		if v == "" || slices.Index(vals, v) != i {
			continue
		}
		c := 0
		for _, w := range vals {
			if w == v {
				c++
			}
		}
		if c > n {
			best, n = v, c
		}
	}
	return best
}
