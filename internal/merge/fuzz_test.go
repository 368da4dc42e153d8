package merge_test

import (
	"testing"

	"pactwatch/internal/event"
	"pactwatch/internal/merge"
)

// FuzzGroupBuild feeds Group and Build mentions with arbitrary dates,
// stages and kinds: they must not panic, every mention must land in exactly
// one cluster, and every record must keep its sources.
func FuzzGroupBuild(f *testing.F) {
	f.Add("2025-03-14", "2025-03-15", "2025-03", "", "signed", "maritime security agreement", 0.7)
	f.Add("2025", "garbage", "2025-02-30", "2025-13-01", "", "", -3.0)
	f.Add("", "", "", "", "in_force", "соглашение о ядерном", 2.0)
	f.Fuzz(func(t *testing.T, d1, p1, d2, p2, st, kind string, c float64) {
		var ms []event.Mention
		for _, typ := range []event.Type{event.Meeting, event.Agreement} {
			ms = append(ms,
				mention("a", typ, "FRA,KEN", d1, p1, stage(kind, event.Stage(st)), conf(c)),
				mention("b", typ, "FRA,KEN", d2, p2, stage("", event.Signed)),
				mention("c", typ, "KEN,FRA", d1, p2, at(kind, st)),
				mention("d", typ, "FRA,KEN", d2, p1))
		}
		ms[3].Agreement = nil
		seen := make([]int, len(ms))
		for _, g := range merge.Group(ms) {
			part := make([]event.Mention, len(g))
			for i, j := range g {
				seen[j]++
				part[i] = ms[j]
			}
			r := merge.Build(part)
			if len(r.Sources) == 0 || r.Confidence < 0 || r.Confidence > merge.MaxConfidence {
				t.Errorf("Build gave %d sources, confidence %v", len(r.Sources), r.Confidence)
			}
		}
		for i, n := range seen {
			if n != 1 {
				t.Errorf("mention %d in %d clusters", i, n)
			}
		}
	})
}
