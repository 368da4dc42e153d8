package merge

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// groupHappenings clusters the mentions of one non-agreement key: the most
// precisely dated first, so that vaguer and undated mentions join the
// happening they fit best rather than found one.
func groupHappenings(items []*item, tol int) []*cluster {
	slices.SortStableFunc(items, func(a, b *item) int {
		return cmp.Or(cmp.Compare(b.date.prec, a.date.prec), a.date.lo.Compare(b.date.lo),
			compareKnown(a.pub, b.pub), strings.Compare(a.canon, b.canon))
	})
	var clusters []*cluster
	for _, it := range items {
		best, bestScore := -1, math.Inf(-1)
		for i, c := range clusters {
			if s, ok := fitHappening(c, it, tol); ok && s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			clusters = append(clusters, newCluster(it))
			continue
		}
		clusters[best].add(it)
	}
	return clusters
}

// compareKnown orders dates with unknown ones last.
func compareKnown(a, b when) int {
	switch {
	case a.known() && !b.known():
		return -1
	case !a.known() && b.known():
		return 1
	}
	return a.lo.Compare(b.lo)
}

// fitHappening scores how well a mention fits a cluster of its key; ok is
// false when it cannot belong. A dated mention must fit every dated member;
// an undated one must be published within Window days of the cluster's
// date (or first report). Among clusters that it fits, the closest in time
// wins; a shared place or person raises the score, two different places
// lower it, enough to keep apart mentions that only their timing joins.
func fitHappening(c *cluster, it *item, tol int) (float64, bool) {
	var score float64
	switch {
	case it.date.known():
		if c.times.known() && gap(it.date, c.times) > tol+ReportLag {
			return 0, false // far from every date of the cluster
		}
		for _, o := range c.items {
			if !datesFit(it, o, tol) {
				return 0, false
			}
			if !o.date.known() && it.pub.known() && o.pub.known() && gap(it.pub, o.pub) > Window {
				return 0, false
			}
		}
		switch {
		case it.date.prec == daily && c.dated.prec == daily:
			score = 2 - float64(gap(it.date, c.dated))/float64(tol+1)
		case it.pub.known() && c.dated.known():
			// a vague date: the happening closest to the publication date
			score = 1 - float64(gap(it.pub, c.dated))/Window
		}
	case it.pub.known():
		// an undated mention: the happening whose date is closest to its
		// publication date, or whose first report is, within the window
		ref := c.dated
		if !ref.known() {
			ref = c.first
		}
		if ref.known() {
			g := gap(it.pub, ref)
			if g > Window {
				return 0, false
			}
			score = 1 - float64(g)/Window
		}
	}
	places, persons := c.overlap(it)
	switch places {
	case agree:
		score++
	case conflict:
		score -= 2
	}
	if persons == agree {
		score++
	}
	return score, score > -0.5
}
