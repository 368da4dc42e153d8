package server

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"pactwatch/internal/event"
	"pactwatch/internal/store"
)

// filter is what a request's query string selects: the events command's
// filters (store.Filter), a world region, and the order of a page.
type filter struct {
	store.Filter
	Region string // M49 code: events with a state in it
	Sort   string // one of sortKeys
	Desc   bool
	ids    map[int64]struct{} // the events whose articles match Q
}

// Paging limits of the API.
const (
	defaultLimit = 50
	maxLimit     = 500
)

var (
	dateParam = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)
	isoParam  = regexp.MustCompile(`^[A-Za-z]{3}$`)
)

// values returns every value of a repeatable parameter, commas splitting
// values too ("country=FRA,KEN" is "country=FRA&country=KEN").
func values(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}

// parseFilter reads the filters of a query string; the error names the
// parameter and says what it wants (a 400 answer).
func parseFilter(q url.Values, regions *Regions) (filter, error) {
	var f filter
	for _, c := range values(q, "country") {
		if !isoParam.MatchString(c) {
			return f, fmt.Errorf("country %q: want an ISO alpha-3 code such as FRA", c)
		}
		f.Countries = append(f.Countries, strings.ToUpper(c))
	}
	slices.Sort(f.Countries)
	f.Countries = slices.Compact(f.Countries)
	for _, t := range values(q, "type") {
		if !slices.Contains(event.Types, event.Type(t)) {
			return f, fmt.Errorf("type %q: want one of %s", t, joinTypes())
		}
		f.Types = append(f.Types, event.Type(t))
	}
	if st := q.Get("stage"); st != "" {
		if !slices.Contains(event.Stages, event.Stage(st)) {
			return f, fmt.Errorf("stage %q: want one of %s", st, joinStages())
		}
		f.Stage = event.Stage(st)
	}
	for name, into := range map[string]*string{"since": &f.Since, "until": &f.Until} {
		if d := q.Get(name); d != "" {
			if !dateParam.MatchString(d) {
				return f, fmt.Errorf("%s %q: want YYYY, YYYY-MM or YYYY-MM-DD", name, d)
			}
			*into = d
		}
	}
	if v := q.Get("min_confidence"); v != "" {
		c, err := strconv.ParseFloat(v, 64)
		if err != nil || c < 0 || c > 1 {
			return f, fmt.Errorf("min_confidence %q: want a number from 0 to 1", v)
		}
		f.MinConfidence = c
	}
	if r := q.Get("region"); r != "" {
		if !regions.Known(r) {
			return f, fmt.Errorf("region %q: want an M49 code listed by /api/meta", r)
		}
		f.Region = r
	}
	switch r := q.Get("review"); r {
	case "", store.ReviewAll, store.ReviewCorrected, store.ReviewUnreviewed, store.StatusConfirmed,
		store.StatusRejected, store.StatusMerged:
		f.Review = r
	default:
		return f, fmt.Errorf("review %q: want all, confirmed, rejected, merged, corrected or unreviewed", r)
	}
	f.Q = strings.TrimSpace(q.Get("q"))
	if len(f.Q) > 500 {
		return f, fmt.Errorf("q: longer than 500 bytes")
	}
	f.Sort, f.Desc = "date", true
	if s := q.Get("sort"); s != "" {
		if !slices.Contains(sortKeys, s) {
			return f, fmt.Errorf("sort %q: want one of %s", s, strings.Join(sortKeys, ", "))
		}
		f.Sort = s
	}
	switch o := q.Get("order"); o {
	case "", "desc":
	case "asc":
		f.Desc = false
	default:
		return f, fmt.Errorf("order %q: want asc or desc", o)
	}
	var err error
	if f.Limit, err = intParam(q, "limit", defaultLimit, 1, maxLimit); err != nil {
		return f, err
	}
	if f.Offset, err = intParam(q, "offset", 0, 0, 1<<30); err != nil {
		return f, err
	}
	return f, nil
}

// intParam reads an integer parameter within [lo, hi].
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s %q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// withText resolves the full-text filter to the set of matching events.
func (f *filter) withText(ctx context.Context, st *store.Store) error {
	if f.Q == "" {
		return nil
	}
	ids, err := st.MatchingEvents(ctx, f.Q)
	if err != nil {
		return err
	}
	f.ids = make(map[int64]struct{}, len(ids))
	for _, id := range ids {
		f.ids[id] = struct{}{}
	}
	return nil
}

func joinTypes() string {
	s := make([]string, len(event.Types))
	for i, t := range event.Types {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

func joinStages() string {
	s := make([]string, len(event.Stages))
	for i, t := range event.Stages {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}
