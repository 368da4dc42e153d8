package store

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"pactwatch/internal/event"
)

// A pair with more mentions than smallKey, saved article by article in a
// shuffled order, ends grouped exactly as re-grouping each key whole
// would group it: the window never splits or misses a happening.
func testWindowedRegroup(t *testing.T, fx fixture) {
	rnd := rand.New(rand.NewPCG(4, 2))
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	type art struct {
		id string
		ms []event.Mention
	}
	var arts []art
	for i := range 140 {
		day := start.AddDate(0, 0, rnd.IntN(3*365))
		a := art{id: fmt.Sprintf("w%03d", i)}
		for j := range 1 + rnd.IntN(3) {
			d := day.AddDate(0, 0, rnd.IntN(3))
			m := mention(a.id, event.Meeting, d.Format("2006-01-02"), "FRA", "KEN")
			m.Published = day.AddDate(0, 0, 2).Format("2006-01-02")
			switch (i + j) % 5 {
			case 0:
				m.Date = "" // undated: joins by its publication date
			case 1:
				m.Date = d.Format("2006-01") // month only
			}
			if j == 1 {
				m.Countries = []string{"FRA", "SEN"}
			}
			a.ms = append(a.ms, m)
		}
		arts = append(arts, a)
	}
	rnd.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	keys := map[string]int64{}
	for _, a := range arts {
		keys[a.id] = putArticle(t, fx.s, a.id, "Page "+a.id+" about a visit.")
		save(t, fx.s, keys[a.id], Extraction{Mentions: a.ms, Language: "en"})
	}
	// a few articles change their story afterwards
	for _, a := range arts[:10] {
		a.ms[0].Date = ""
		save(t, fx.s, keys[a.id], Extraction{Mentions: a.ms, Language: "en", Version: "v2"})
	}
	checkConsistent(t, fx.s)
}
