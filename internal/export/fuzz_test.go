package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"pactwatch/internal/event"
	"pactwatch/internal/gazetteer/coords"
)

// FuzzExport feeds scraped-looking text into every field a format writes and
// checks that each document still parses back with the standard library.
func FuzzExport(f *testing.F) {
	f.Add("Nairobi", "KEN", "2024-03-05", "=cmd|' /C calc'!A0", `He said "yes", then <left> & went.`)
	f.Add("الإسكندرية", "EGY", "2024", "اللواء سامي", "سطر\nثان")
	f.Add("", "", "", "", "")
	f.Add("Moscou\x00", "R\xffS", "2024-13-45", "\t@x", "\r\n")
	places, err := coords.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, place, state, date, person, evidence string) {
		r := records()[1]
		r.Countries = []string{state, "KEN", "FRA"}
		r.Date = date
		r.Location = &event.Location{Name: place, Country: state}
		r.Persons = []event.Person{{Name: person, Country: state}}
		r.Evidence = []string{evidence}
		r.Stages = append(r.Stages, event.StageStep{Stage: event.Stage(person), Date: date})
		recs := []event.Record{records()[0], r}
		for _, format := range Formats {
			out, _ := export(t, format, Options{Places: places, CountryFallback: true, FillYears: true}, recs)
			var err error
			switch format {
			case "jsonl":
				for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
					var back event.Record
					if err = json.Unmarshal([]byte(line), &back); err != nil {
						break
					}
				}
			case "geojson":
				var doc map[string]any
				err = json.Unmarshal(out, &doc)
			case "graphml":
				var doc graphMLDoc
				err = xml.Unmarshal(out, &doc)
			case "csv", "dyadyear":
				_, err = csv.NewReader(bytes.NewReader(out)).ReadAll()
			}
			if err != nil {
				t.Fatalf("%s does not parse back: %v\n%q", format, err, out)
			}
		}
	})
}
