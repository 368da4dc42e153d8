package export

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pactwatch/internal/event"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// records is a small store written for these tests (invented people and
// sentences): Arabic text, quotes, commas, a newline, < and &, cells that
// look like formulas, a three-state event, an undated event, an agreement
// with its stage history and a disputed date, a one-state record and a
// malformed date.
func records() []event.Record {
	return []event.Record{
		{
			ID: 1,
			Event: event.Event{
				Article: "a1", Type: event.Meeting, Countries: []string{"FRA", "KEN"}, Initiator: "FRA",
				Date:     "2024-03-05",
				Location: &event.Location{Name: "Nairobi", Country: "KEN"},
				Persons: []event.Person{
					{Name: "Claire Dubois-Marchand", Country: "FRA", Role: "defence_minister"},
					{Name: "Otieno Wafula", Country: "KEN", Role: "defence_minister"},
				},
				Domains: []string{"maritime", "training"}, Organizations: []string{},
				Confidence: 0.82,
				Evidence:   []string{`Minister Dubois-Marchand met her Kenyan host in Nairobi and said both navies would "patrol together, more often".`},
			},
			Sources: []event.Source{
				{Article: "a1", URL: "https://news.example/ke/visit?id=1&lang=en", Language: "en", Published: "2024-03-06",
					Evidence: []string{"Minister Dubois-Marchand met her Kenyan host in Nairobi."}},
				{Article: "a4", URL: "https://journal.example/fr/visite", Language: "fr", Published: "2024-03-07",
					Evidence: []string{"La ministre est arrivée à Nairobi mardi."}},
			},
			FirstReported: "2024-03-06", LastReported: "2024-03-07",
		},
		{
			ID: 2,
			Event: event.Event{
				Article: "a2", Type: event.Agreement, Countries: []string{"FRA", "KEN"},
				Date:          "2024-06",
				Location:      &event.Location{Name: "Mombasa", Country: "KEN"},
				Domains:       []string{"maritime", "logistics"},
				Agreement:     &event.AgreementInfo{Kind: "defence cooperation agreement", Stage: event.Signed},
				Organizations: []string{},
				Confidence:    0.9,
				Evidence:      []string{"The accord, signed in Mombasa,\ncovers <maritime> training & logistics."},
			},
			Sources: []event.Source{
				{Article: "a2", URL: "https://news.example/ke/accord", Language: "en", Published: "2024-06-12",
					Evidence: []string{"The accord, signed in Mombasa,\ncovers <maritime> training & logistics."}},
				{Article: "a3", Language: "en", Published: "2024-06-20", Evidence: []string{"Kenya and France signed the pact in May."}},
			},
			FirstReported: "2024-06-12", LastReported: "2024-06-20",
			Stages: []event.StageStep{
				{Stage: event.Proposed, Date: "2023-11", Sources: []string{"a2"}},
				{Stage: event.Signed, Date: "2024-06", Sources: []string{"a2"}},
			},
			Alternatives: []event.Alternative{{Field: "date", Value: "2024-05", Sources: []string{"a3"}}},
		},
		{
			ID: 3,
			Event: event.Event{
				Article: "a5", Type: event.Exercise, Countries: []string{"ARE", "EGY", "SAU"},
				Date:     "2024",
				Location: &event.Location{Name: "الإسكندرية", Country: "EGY"},
				Persons:  []event.Person{{Name: "اللواء سامي الحداد", Country: "EGY", Role: "service_chief"}},
				Domains:  []string{"maritime"}, Organizations: []string{},
				Confidence: 0.7,
				Evidence:   []string{"اختتمت قوات بحرية من مصر والسعودية والإمارات تدريبا مشتركا قرب الإسكندرية."},
			},
			Sources: []event.Source{{Article: "a5", Language: "ar", Published: "2024-10-02",
				Evidence: []string{"اختتمت قوات بحرية من مصر والسعودية والإمارات تدريبا مشتركا قرب الإسكندرية."}}},
			FirstReported: "2024-10-02", LastReported: "2024-10-02",
		},
		{
			ID: 4,
			Event: event.Event{
				Article: "a6", Type: event.Arms, Countries: []string{"SOM", "TUR"}, Initiator: "TUR",
				Persons:       []event.Person{{Name: `=HYPERLINK("https://evil.example","open me")`}},
				Organizations: []string{"+AU"},
				Confidence:    0.55,
				Evidence:      []string{"@SUM(1+1) drones were handed over, the ministry said."},
			},
			Sources:       []event.Source{{Article: "a6", URL: "https://news.example/so/drones", Published: "2024-02-01", Evidence: []string{"@SUM(1+1) drones were handed over."}}},
			FirstReported: "2024-02-01", LastReported: "2024-02-01",
		},
		{
			ID: 5,
			Event: event.Event{
				Article: "a7", Type: event.Agreement, Countries: []string{"FRA", "KEN"},
				Date:          "2025-02-10",
				Location:      &event.Location{Name: "Paris", Country: "FRA"},
				Agreement:     &event.AgreementInfo{Kind: "defence cooperation agreement", Stage: event.Ratified},
				Organizations: []string{},
				Confidence:    0.75,
				Evidence:      []string{"Parliament ratified the Kenyan defence pact on Monday."},
			},
			Sources:       []event.Source{{Article: "a7", Published: "2025-02-11", Evidence: []string{"Parliament ratified the Kenyan defence pact on Monday."}}},
			FirstReported: "2025-02-11", LastReported: "2025-02-11",
			Stages: []event.StageStep{
				{Stage: event.Signed, Date: "2024-06", Sources: []string{"a2"}},
				{Stage: event.Ratified, Date: "2025-02-10", Sources: []string{"a7"}},
			},
		},
		{
			ID: 6,
			Event: event.Event{
				Article: "a8", Type: event.Rupture, Countries: []string{"FRA", "MLI"}, Initiator: "MLI",
				Date:          "2022-08-15",
				Location:      &event.Location{Name: "Gao", Country: "MLI"},
				Agreement:     &event.AgreementInfo{Kind: "status of forces agreement", Stage: event.Terminated},
				Organizations: []string{},
				Confidence:    0.88,
				Evidence:      []string{"The last French troops left Gao after the agreement was ended."},
			},
			Sources: []event.Source{{Article: "a8", Published: "2022-08-16", Evidence: []string{"The last French troops left Gao."}}},
		},
		{
			ID: 7,
			Event: event.Event{
				Article: "a9", Type: event.Training, Countries: []string{"GBR", "KEN"},
				Date:          "2023-09-01",
				Location:      &event.Location{Name: "Camp Nowhere", Country: "KEN"},
				Organizations: []string{},
				Confidence:    0.6,
				Evidence:      []string{"British instructors began a course for Kenyan engineers."},
			},
			Sources: []event.Source{{Article: "a9", Published: "2023-09-02", Evidence: []string{"British instructors began a course."}}},
		},
		{
			ID: 8,
			Event: event.Event{
				Article: "a10", Type: event.Aid, Countries: []string{"KEN", "KEN"}, Date: "2024-01",
				Organizations: []string{}, Confidence: 0.3, Evidence: []string{"A grant was announced."},
			},
			Sources: []event.Source{{Article: "a10", Evidence: []string{"A grant was announced."}}},
		},
		{
			ID: 9,
			Event: event.Event{
				Article: "a11", Type: event.Intelligence, Countries: []string{"PHL", "USA"}, Date: "2024-13",
				Location:      &event.Location{Name: "Subic Bay", Country: "PHL"},
				Organizations: []string{}, Confidence: 0.65,
				Evidence: []string{"The two navies will share radar pictures from Subic Bay."},
			},
			Sources: []event.Source{{Article: "a11", Evidence: []string{"The two navies will share radar pictures."}}},
		},
		{
			ID: 10,
			Event: event.Event{
				Article: "a12", Type: event.Meeting, Countries: []string{"FRA", "KEN"}, Initiator: "KEN",
				Date:          "2027-01",
				Location:      &event.Location{Name: "Paris, France", Country: "FRA"},
				Organizations: []string{}, Confidence: 0.8,
				Evidence: []string{"Kenya's defence chief visited Paris."},
			},
			Sources: []event.Source{{Article: "a12", Evidence: []string{"Kenya's defence chief visited Paris."}}},
		},
	}
}

// export writes recs in format and returns the output and the counts.
func export(t *testing.T, format string, opts Options, recs []event.Record) ([]byte, Counts) {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatalf("%s: write %d: %v", format, r.ID, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("%s: close: %v", format, err)
	}
	return buf.Bytes(), w.Counts()
}

// golden compares out with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, out []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("%s differs from the golden file; run go test ./internal/export -update and review the diff", name)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New("parquet", &bytes.Buffer{}, Options{}); err == nil || !strings.Contains(err.Error(), `"parquet"`) {
		t.Errorf("New(parquet) error = %v, want one naming the format", err)
	}
	for _, f := range Formats {
		w, err := New(f, &bytes.Buffer{}, Options{})
		if err != nil {
			t.Fatalf("New(%s): %v", f, err)
		}
		if err := w.Close(); err != nil {
			t.Errorf("%s: close: %v", f, err)
		}
		if err := w.Write(records()[0]); err == nil {
			t.Errorf("%s: write after close succeeded", f)
		}
		if err := w.Close(); err == nil {
			t.Errorf("%s: second close succeeded", f)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrorsReachTheCaller(t *testing.T) {
	big := records()[0]
	big.Evidence = []string{strings.Repeat("long evidence ", 1000)} // past any buffer
	for _, f := range Formats {
		w, err := New(f, failingWriter{}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		err = w.Write(big)
		if err == nil {
			err = w.Close()
		}
		if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), f) {
			t.Errorf("%s: error %v, want the writer's error with the format's name", f, err)
		}
	}
}

func TestYearOf(t *testing.T) {
	tests := []struct {
		date string
		want int // 0: an error
	}{
		{"2024", 2024}, {"2024-06", 2024}, {"2024-06-30", 2024}, {"1999-12-31", 1999},
		{"", 0}, {"24", 0}, {"2024-13", 0}, {"2024-00", 0}, {"2024-06-32", 0}, {"2024-6", 0},
		{"2024-06-01-02", 0}, {"+024", 0}, {"2024--1", 0}, {"0000", 0}, {"year", 0}, {"٢٠٢٤", 0},
	}
	for _, tt := range tests {
		got, err := yearOf(tt.date)
		if (err != nil) != (tt.want == 0) || got != tt.want && err == nil {
			t.Errorf("yearOf(%q) = %d, %v; want %d", tt.date, got, err, tt.want)
		}
	}
}

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+AU", "'+AU"}, {"-2", "'-2"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"", ""}, {"FRA", "FRA"}, {"a=b", "a=b"}, {"'quoted", "'quoted"},
		{"القاهرة", "القاهرة"},
	}
	for _, tt := range tests {
		if got := neutralise(tt.in); got != tt.want {
			t.Errorf("neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHighestStage(t *testing.T) {
	r := records()[4] // ratified in 2025, signed in 2024
	tests := []struct {
		year int
		want event.Stage
	}{{0, event.Ratified}, {2025, event.Ratified}}
	for _, tt := range tests {
		if got := highestStage(r, tt.year); got != tt.want {
			t.Errorf("highestStage(year %d) = %q, want %q", tt.year, got, tt.want)
		}
	}
	// the proposal of 2023 does not count in 2024, the signing does
	two := records()[1]
	two.Agreement = nil
	if got := highestStage(two, 2024); got != event.Signed {
		t.Errorf("history of 2024 = %q, want signed", got)
	}
	if got := highestStage(two, 2023); got != event.Proposed {
		t.Errorf("history of 2023 = %q, want proposed", got)
	}
	if got := highestStage(records()[5], 0); got != "" {
		t.Errorf("a terminated agreement reached %q, want nothing", got)
	}
}
