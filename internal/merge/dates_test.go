package merge

import "testing"

func TestCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		tol  int
		want bool
	}{
		{"2025-03", "2025-03-14", 0, true},
		{"2025", "2025-03", 0, true},
		{"2025", "2026-01-01", 0, false},
		{"2025-03-14", "2025-03-16", 3, true},
		{"2025-03-14", "2025-03-16", 1, false},
		{"2025-03-31", "2025-04", 3, false}, // a month holds only its own days
		{"2025-02-28", "2025-03-01", 1, true},
		{"", "2025-03-14", 0, true},     // undated fits anything
		{"2025-02-30", "2019", 0, true}, // not a date: undated
		{"20250314", "2019", 0, true},
	}
	for _, tc := range tests {
		if got := compatible(parseWhen(tc.a), parseWhen(tc.b), tc.tol); got != tc.want {
			t.Errorf("compatible(%q, %q, %d) = %v, want %v", tc.a, tc.b, tc.tol, got, tc.want)
		}
	}
}

func TestGap(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2025-03-14", "2025-03-14", 0},
		{"2025-03-14", "2025-03-20", 6},
		{"2025-03", "2025-04-10", 10},
		{"2025-04-10", "2025-03", 10},
		{"2025", "2025-06-01", 0},
		{"2024-12-31", "2025-01-01", 1},
	}
	for _, tc := range tests {
		if got := gap(parseWhen(tc.a), parseWhen(tc.b)); got != tc.want {
			t.Errorf("gap(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
