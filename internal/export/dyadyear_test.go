package export

import (
	"strings"
	"testing"
)

func TestDyadYear(t *testing.T) {
	out, counts := export(t, "dyadyear", Options{}, records())
	golden(t, "records.dyadyear.csv", out)
	rows := readCSV(t, out)
	header := strings.SplitN(string(out), "\r\n", 2)[0]
	if header != "state_a,state_b,year,events,meeting,agreement,training,exercise,intelligence,arms,deployment,aid,rupture,highest_stage,first_date,last_date" {
		t.Errorf("header = %q", header)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r["state_a"]+"-"+r["state_b"]+" "+r["year"])
	}
	want := []string{"ARE-EGY 2024", "ARE-SAU 2024", "EGY-SAU 2024", "FRA-KEN 2024", "FRA-KEN 2025",
		"FRA-KEN 2027", "FRA-MLI 2022", "GBR-KEN 2023"}
	if strings.Join(got, ",") != strings.Join(want, ",") || counts.Written != len(want) {
		t.Fatalf("rows %v (%d counted), want %v", got, counts.Written, want)
	}
	tests := []struct {
		row          int
		column, want string
	}{
		{3, "events", "2"},
		{3, "meeting", "1"},
		{3, "agreement", "1"},
		{3, "rupture", "0"},
		{3, "highest_stage", "signed"}, // the proposal of 2023 does not count for 2024
		{3, "first_date", "2024-03-05"},
		{3, "last_date", "2024-06"},
		{4, "highest_stage", "ratified"},
		{4, "agreement", "1"},
		{5, "meeting", "1"},
		{5, "highest_stage", ""},
		{0, "exercise", "1"},
		{2, "first_date", "2024"},
		{6, "rupture", "1"},
		{6, "highest_stage", ""},
		{7, "training", "1"},
	}
	for _, tt := range tests {
		if got := rows[tt.row][tt.column]; got != tt.want {
			t.Errorf("%s %s = %q, want %q", want[tt.row], tt.column, got, tt.want)
		}
	}
	wantSkipped := map[string]int{SkipNoDate: 1, SkipBadDate: 1, SkipFewStates: 1}
	for k, n := range wantSkipped {
		if counts.Skipped[k] != n {
			t.Errorf("skipped %v, want %v", counts.Skipped, wantSkipped)
		}
	}
	if counts.Records != 10 {
		t.Errorf("records = %d", counts.Records)
	}
}

func TestDyadYearFill(t *testing.T) {
	out, counts := export(t, "dyadyear", Options{FillYears: true, BOM: true}, records())
	if !strings.HasPrefix(string(out), "\ufeffstate_a,") {
		t.Errorf("no byte order mark: %q", out[:12])
	}
	rows := readCSV(t, out[len("\ufeff"):])
	var fra []string
	for _, r := range rows {
		if r["state_a"] == "FRA" && r["state_b"] == "KEN" {
			fra = append(fra, r["year"]+":"+r["events"]+":"+r["meeting"]+":"+r["highest_stage"])
		}
	}
	want := "2024:2:1:signed,2025:1:0:ratified,2026:0:0:,2027:1:1:"
	if strings.Join(fra, ",") != want || counts.Written != 9 {
		t.Errorf("FRA-KEN years = %v (%d rows), want %s and 9 rows", fra, counts.Written, want)
	}
}
