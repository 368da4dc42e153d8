package merge_test

import (
	"fmt"
	"testing"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/merge"
)

// BenchmarkGroupOneKey groups years of reports of one busy pair: a visit
// every two weeks, each reported by four articles, some undated.
func BenchmarkGroupOneKey(b *testing.B) {
	start := time.Date(2015, 1, 5, 0, 0, 0, 0, time.UTC)
	var ms []event.Mention
	for v := range 500 {
		d := start.AddDate(0, 0, 14*v)
		for k := range 4 {
			date := d.Format("2006-01-02")
			if k == 3 {
				date = ""
			}
			ms = append(ms, mention(fmt.Sprintf("p%d-%d", v, k), mt, "FRA,KEN", date, d.AddDate(0, 0, k).Format("2006-01-02"),
				at("Nairobi", "KEN"), with("Daniel Kiprono", "KEN", "defence_minister")))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		merge.Group(ms)
	}
	b.ReportMetric(float64(len(ms))*float64(b.N)/b.Elapsed().Seconds(), "mentions/s")
}
