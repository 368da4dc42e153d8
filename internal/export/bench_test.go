package export

import (
	"fmt"
	"io"
	"testing"

	"pactwatch/internal/gazetteer/coords"
)

// BenchmarkWriters writes the test records, renumbered and spread over
// pairs of states and years, in every format; it reports records/s.
func BenchmarkWriters(b *testing.B) {
	places, err := coords.Load()
	if err != nil {
		b.Fatal(err)
	}
	codes := []string{"AGO", "BFA", "CIV", "DZA", "EGY", "FRA", "GBR", "KEN", "MLI", "NGA", "RUS", "SEN", "TUR", "USA"}
	base := records()
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			w, err := New(format, io.Discard, Options{Places: places})
			if err != nil {
				b.Fatal(err)
			}
			for i := 0; b.Loop(); i++ {
				r := base[i%len(base)]
				r.ID = int64(i)
				a, c := codes[i%len(codes)], codes[(i/len(codes))%len(codes)]
				if a != c {
					r.Countries = []string{min(a, c), max(a, c)}
				}
				if r.Date != "" {
					r.Date = fmt.Sprintf("%d", 2000+i%25)
				}
				if err := w.Write(r); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
