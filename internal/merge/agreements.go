package merge

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"pactwatch/internal/event"
)

// groupAgreements clusters the mentions of one agreement key into
// agreements followed across their life, in the order things happened
// (a mention's date, else its article's publication date).
func groupAgreements(items []*item) []*cluster {
	slices.SortStableFunc(items, func(a, b *item) int {
		return cmp.Or(compareKnown(a.at(), b.at()), cmp.Compare(a.stage, b.stage),
			cmp.Compare(b.date.prec, a.date.prec), strings.Compare(a.canon, b.canon))
	})
	var clusters []*cluster
	for _, it := range items {
		best, bestScore := -1, math.Inf(-1)
		for i, c := range clusters {
			if s, ok := fitAgreement(c, it); ok && s > bestScore {
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

// fitAgreement scores how well a mention fits an agreement's cluster; ok is
// false when it cannot be the same agreement: a kind clearly about another
// topic, a signing more than SigningGap days from the agreement's signing,
// or a negotiation or signing well after the agreement was signed,
// ratified or in force (a new agreement, or a renewal). The closest in time
// wins; the same specific topic, place or persons raise the score.
func fitAgreement(c *cluster, it *item) (float64, bool) {
	t := it.at()
	var score float64
	var whole when
	for _, o := range c.items {
		if !kindsCompatible(it.topics, o.topics) {
			return 0, false
		}
		if len(it.topics) > 0 && slices.Equal(it.topics, o.topics) {
			score += 0.5
		}
		ot := o.at()
		if !t.known() || !ot.known() {
			continue
		}
		switch {
		case it.stage == signedOrder && o.stage == signedOrder:
			if gap(t, ot) > SigningGap {
				return 0, false
			}
		case it.stage <= signedOrder && o.stage > signedOrder && o.stage < len(event.Stages),
			it.stage < signedOrder && o.stage == signedOrder:
			if t.lo.After(ot.hi.AddDate(0, 0, LateStage)) {
				return 0, false
			}
		}
		whole = widen(whole, ot)
	}
	if t.known() && whole.known() {
		score -= float64(gap(t, whole)) / SigningGap
	}
	places, persons := c.overlap(it)
	if places == agree {
		score += 0.5
	}
	if persons == agree {
		score += 0.5
	}
	return score, true
}
