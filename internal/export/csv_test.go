package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func readCSV(t *testing.T, out []byte) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("no header")
	}
	var recs []map[string]string
	for i, row := range rows[1:] {
		if len(row) != len(rows[0]) {
			t.Fatalf("row %d has %d cells, header %d", i+1, len(row), len(rows[0]))
		}
		m := map[string]string{}
		for j, c := range rows[0] {
			m[c] = row[j]
		}
		recs = append(recs, m)
	}
	return recs
}

func TestCSV(t *testing.T) {
	out, counts := export(t, "csv", Options{}, records())
	golden(t, "records.csv", out)
	if !bytes.HasPrefix(out, []byte("id,type,countries,initiator,date,location,location_country,stage,agreement_kind,persons,domains,organizations,confidence,n_sources,first_reported,last_reported,sources,urls,evidence\r\n")) {
		t.Errorf("header line = %q", strings.SplitN(string(out), "\n", 2)[0])
	}
	rows := readCSV(t, out)
	if len(rows) != 10 || counts.Written != 10 {
		t.Fatalf("%d rows, %d written; want 10", len(rows), counts.Written)
	}
	tests := []struct {
		row          int
		column, want string
	}{
		{0, "id", "1"},
		{0, "countries", "FRA;KEN"},
		{0, "persons", "Claire Dubois-Marchand (defence_minister, FRA); Otieno Wafula (defence_minister, KEN)"},
		{0, "domains", "maritime;training"},
		{0, "confidence", "0.82"},
		{0, "n_sources", "2"},
		{0, "sources", "a1;a4"},
		{0, "urls", "https://news.example/ke/visit?id=1&lang=en;https://journal.example/fr/visite"},
		{0, "evidence", `Minister Dubois-Marchand met her Kenyan host in Nairobi and said both navies would "patrol together, more often".`},
		{1, "stage", "signed"},
		{1, "agreement_kind", "defence cooperation agreement"},
		{1, "evidence", "The accord, signed in Mombasa,\ncovers <maritime> training & logistics."},
		{1, "urls", "https://news.example/ke/accord"}, // the second source has no URL
		{1, "first_reported", "2024-06-12"},
		{1, "last_reported", "2024-06-20"},
		{2, "countries", "ARE;EGY;SAU"},
		{2, "location", "الإسكندرية"},
		{2, "persons", "اللواء سامي الحداد (service_chief, EGY)"},
		{3, "date", ""},
		{3, "persons", `'=HYPERLINK("https://evil.example","open me")`},
		{3, "organizations", "'+AU"},
		{3, "evidence", "'@SUM(1+1) drones were handed over, the ministry said."},
		{5, "stage", "terminated"},
		{7, "location", ""},
	}
	for _, tt := range tests {
		if got := rows[tt.row][tt.column]; got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row+1, tt.column, got, tt.want)
		}
	}
}

func TestCSVOptions(t *testing.T) {
	out, _ := export(t, "csv", Options{BOM: true}, nil)
	if string(out) != "\ufeff"+strings.Join(csvColumns, ",")+"\r\n" {
		t.Errorf("an empty export with BOM = %q, want the mark and the header", out)
	}
}
