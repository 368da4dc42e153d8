package merge

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"pactwatch/internal/event"
	"pactwatch/internal/token"
)

// Window is how many days an undated mention's publication date may lie
// from a happening's date (or from its first report, when no source dates
// it) for the mention to join it.
const Window = 21

// SigningGap is how many days apart two signings of one pair may be and
// still be one agreement; further apart, the second is a new agreement.
const SigningGap = 365

// LateStage is how many days after a later stage (ratified, in force) a
// signing or negotiation may come and still belong to the same agreement.
const LateStage = 30

// ReportLag is how many days after a happening an article may be published
// and give its own publication date as the happening's date ("on Monday"
// read as the day of the report).
const ReportLag = 5

// tolerance is how many days two day-precise dates of one happening may
// differ: a visit spans days, an exercise or a course up to two weeks, and
// sources date them by different days of their course.
func tolerance(t event.Type) int {
	switch t {
	case event.Meeting:
		return 3
	case event.Exercise, event.Deployment, event.Training:
		return 14
	}
	return 2
}

// datesFit reports that two mentions' dates may name one happening: they
// are compatible, or one is its article's publication date and the other
// a day at most ReportLag days before it.
func datesFit(a, b *item, tol int) bool {
	if compatible(a.date, b.date, tol) {
		return true
	}
	if a.date.prec != daily || b.date.prec != daily {
		return false
	}
	lag := func(x, y *item) bool { // x dated by its publication, y just before
		return x.pub.known() && x.date.lo.Equal(x.pub.lo) && !y.date.lo.After(x.date.lo) &&
			gap(x.date, y.date) <= ReportLag
	}
	return lag(a, b) || lag(b, a)
}

// item is a mention as Group reads it.
type item struct {
	idx     int
	key     string
	canon   string // every field, for a total order independent of input order
	date    when   // the event's date
	pub     when   // the article's publication date
	stage   int    // lifecycle order of the agreement stage; len(event.Stages) when none or unknown
	topics  []string
	places  []string // location countries
	persons []string // folded names
}

// at is when an agreement mention happened: its date, else its article's
// publication date.
func (it *item) at() when {
	if it.date.known() {
		return it.date
	}
	return it.pub
}

// Group clusters mentions that share one merge key (event.Event.Key(): type
// + sorted countries) into happenings. Deterministic whatever the order of
// ms. Returns clusters of indexes into ms.
func Group(ms []event.Mention) [][]int {
	topics, err := loadTopics()
	if err != nil {
		topics = nil // every kind is generic; the package test reports the file
	}
	items := make([]*item, len(ms))
	for i := range ms {
		items[i] = newItem(i, &ms[i], topics)
	}
	slices.SortStableFunc(items, func(a, b *item) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.canon, b.canon))
	})
	rank := make([]int, len(ms))
	for r, it := range items {
		rank[it.idx] = r
	}
	var clusters []*cluster
	for start := 0; start < len(items); {
		end := start + 1
		for end < len(items) && items[end].key == items[start].key {
			end++
		}
		same := slices.Clone(items[start:end])
		if ms[same[0].idx].Type == event.Agreement {
			clusters = append(clusters, groupAgreements(same)...)
		} else {
			clusters = append(clusters, groupHappenings(same, tolerance(ms[same[0].idx].Type))...)
		}
		start = end
	}
	out := make([][]int, len(clusters))
	for i, c := range clusters {
		for _, it := range c.items {
			out[i] = append(out[i], it.idx)
		}
		slices.SortFunc(out[i], func(a, b int) int { return cmp.Compare(rank[a], rank[b]) })
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(rank[a[0]], rank[b[0]]) })
	for _, c := range out {
		slices.Sort(c)
	}
	return out
}

func newItem(i int, m *event.Mention, topics *Topics) *item {
	it := &item{idx: i, key: m.Key(), canon: canon(m), date: parseWhen(m.Date), pub: day(m.Published), stage: len(event.Stages)}
	if m.Agreement != nil {
		it.stage = stageOrder(m.Agreement.Stage)
		it.topics = topics.Of(m.Agreement.Kind)
	}
	if m.Location != nil && m.Location.Country != "" {
		it.places = []string{m.Location.Country}
	}
	for _, p := range m.Persons {
		if f := foldText(p.Name); f != "" && !slices.Contains(it.persons, f) {
			it.persons = append(it.persons, f)
		}
		for _, a := range p.Aliases {
			if f := foldText(a); f != "" && !slices.Contains(it.persons, f) {
				it.persons = append(it.persons, f)
			}
		}
	}
	return it
}

// stageOrder is a stage's place in the lifecycle; unknown stages come last.
func stageOrder(s event.Stage) int {
	if i := slices.Index(event.Stages, s); i >= 0 {
		return i
	}
	return len(event.Stages)
}

var signedOrder = stageOrder(event.Signed)

// canon writes every field of a mention that can tell two mentions apart.
func canon(m *event.Mention) string {
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
			b.WriteByte(0)
		}
	}
	w(m.Published, m.Article, m.Date, string(m.Type), strings.Join(m.Countries, ","), m.Initiator)
	if m.Location != nil {
		w(m.Location.Country, m.Location.Name)
	}
	if m.Agreement != nil {
		w(string(m.Agreement.Stage), m.Agreement.Kind)
	}
	for _, p := range m.Persons {
		w(p.Name, p.Country, p.Role, strings.Join(p.Aliases, ","))
	}
	w(strings.Join(m.Domains, ","), strings.Join(m.Organizations, ","), strconv.FormatFloat(m.Confidence, 'g', -1, 64),
		m.URL, m.Language)
	w(m.Evidence...)
	for _, s := range m.Spans {
		w(strconv.Itoa(s.Start), strconv.Itoa(s.End))
	}
	return b.String()
}

// foldText folds a name for comparison: case, accents, Arabic marks and
// punctuation removed.
func foldText(s string) string {
	toks := token.Split(s)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.Key
	}
	return strings.Join(keys, " ")
}
