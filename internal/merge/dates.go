package merge

import (
	"time"
)

// Precision of a date, coarsest first.
const (
	undated = iota
	yearly
	monthly
	daily
)

// when is a date as a closed range of days with its precision: 2025-03 is
// 2025-03-01..2025-03-31 at monthly precision.
type when struct {
	lo, hi time.Time
	prec   int
}

// parseWhen reads YYYY, YYYY-MM or YYYY-MM-DD; anything else is undated.
func parseWhen(s string) when {
	for _, f := range []struct {
		layout string
		prec   int
	}{{"2006-01-02", daily}, {"2006-01", monthly}, {"2006", yearly}} {
		if len(s) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			return when{}
		}
		switch f.prec {
		case daily:
			return when{lo: t, hi: t, prec: daily}
		case monthly:
			return when{lo: t, hi: t.AddDate(0, 1, -1), prec: monthly}
		default:
			return when{lo: t, hi: t.AddDate(1, 0, -1), prec: yearly}
		}
	}
	return when{}
}

// day is a single day at daily precision (a publication date; a timestamp
// is read by its date).
func day(s string) when {
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	w := parseWhen(s)
	if w.prec != daily {
		return when{}
	}
	return w
}

func (w when) known() bool { return w.prec != undated }

// gap is the number of days between two ranges, 0 when they overlap.
func gap(a, b when) int {
	switch {
	case a.hi.Before(b.lo):
		return days(b.lo.Sub(a.hi))
	case b.hi.Before(a.lo):
		return days(a.lo.Sub(b.hi))
	}
	return 0
}

func days(d time.Duration) int { return int(d.Hours()/24 + 0.5) }

// compatible reports that two dates name the same time: equal at the
// coarser precision, or two days at most tol days apart.
func compatible(a, b when, tol int) bool {
	if !a.known() || !b.known() {
		return true
	}
	if a.prec == daily && b.prec == daily {
		return gap(a, b) <= tol
	}
	return gap(a, b) == 0
}

// truncate returns the date string s cut to precision p (p at most its own).
func truncate(s string, p int) string {
	switch p {
	case yearly:
		return s[:4]
	case monthly:
		return s[:7]
	}
	return s
}
