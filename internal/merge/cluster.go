package merge

import "slices"

// cluster is a happening being gathered, with what its members say
// together kept up to date as they join.
type cluster struct {
	items   []*item
	dated   when     // the range of its most precise dates; unknown when none is dated
	times   when     // the range of all its dates
	first   when     // its earliest publication date
	places  []string // location countries
	persons []string // folded names
}

func newCluster(it *item) *cluster {
	c := &cluster{}
	c.add(it)
	return c
}

// add makes it a member.
func (c *cluster) add(it *item) {
	c.items = append(c.items, it)
	if it.date.known() {
		c.times = widen(c.times, it.date)
		switch {
		case it.date.prec > c.dated.prec:
			c.dated = it.date
		case it.date.prec == c.dated.prec:
			c.dated = widen(c.dated, it.date)
		}
	}
	if it.pub.known() && (!c.first.known() || it.pub.lo.Before(c.first.lo)) {
		c.first = it.pub
	}
	for _, p := range it.places {
		if !slices.Contains(c.places, p) {
			c.places = append(c.places, p)
		}
	}
	for _, p := range it.persons {
		if !slices.Contains(c.persons, p) {
			c.persons = append(c.persons, p)
		}
	}
}

// Agreement between a mention's attribute and a cluster's.
const (
	silent = iota
	agree
	conflict
)

// overlap compares the mention's places and persons with the cluster's.
func (c *cluster) overlap(it *item) (places, persons int) {
	return compareSets(c.places, it.places), compareSets(c.persons, it.persons)
}

func compareSets(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return silent
	}
	for _, x := range b {
		if slices.Contains(a, x) {
			return agree
		}
	}
	return conflict
}

// widen returns the smallest range holding both (w may be unknown).
func widen(w, x when) when {
	if !w.known() {
		return x
	}
	if x.lo.Before(w.lo) {
		w.lo = x.lo
	}
	if x.hi.After(w.hi) {
		w.hi = x.hi
	}
	return w
}
