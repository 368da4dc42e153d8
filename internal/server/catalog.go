package server

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/store"
)

// The catalog is an index in memory of every event's filterable fields
// (store.Summary, packed), answering the aggregate views and the sorted,
// filtered pages of the events table without touching the database. It is
// replaced as a whole (copy on write) when the store's Mark changes:
// readers hold a snapshot that never changes under them.

// Review states of an entry.
const (
	statusNone uint8 = iota
	statusConfirmed
	statusRejected
	statusMerged
)

// Entry flags.
const (
	flagReviewed uint8 = 1 << iota
	flagCorrected
)

// entry is one event in the catalog, packed.
type entry struct {
	id        int64
	date      int32 // yyyymmdd with the missing parts 0; 0 when undated
	conf      float32
	cOff      uint32 // its states: snapshot.countries[cOff : cOff+cLen]
	place     int32  // index in snapshot.places; -1 when none
	sources   uint16
	initiator int16 // state index; -1 when none
	cLen      uint8
	typ       uint8 // 1 + index in event.Types; 0 for another type
	stage     uint8 // 1 + index in event.Stages; 0 when none
	status    uint8
	flags     uint8
}

// place is an event location as the store names it.
type place struct{ name, country string }

// snapshot is the catalog at one moment. Nothing in it changes once it is
// published.
type snapshot struct {
	gen       uint64
	mark      store.Mark
	loadedAt  time.Time
	entries   []entry   // by date descending, then id: a walk in date order reads memory in order
	byDate    []int32   // 0, 1, 2...: every entry in date order
	byState   [][]int32 // per state index: its entries' indexes in date order
	idOrder   []int32   // entry indexes by id, to find an event
	countries []uint16  // state indexes of the entries
	states    []string  // state index → ISO3
	stateIdx  map[string]uint16
	places    []place
	placeIdx  map[place]int32
}

// catalog keeps the latest snapshot and refreshes it.
type catalog struct {
	st      *store.Store
	snap    atomic.Pointer[snapshot]
	mu      sync.Mutex // one refresh at a time
	ready   chan struct{}
	readyMu sync.Once
	gen     atomic.Uint64
}

func newCatalog(st *store.Store) *catalog {
	return &catalog{st: st, ready: make(chan struct{})}
}

// current waits for the first load (or ctx) and returns the latest snapshot.
func (c *catalog) current(ctx context.Context) (*snapshot, error) {
	select {
	case <-c.ready:
		return c.snap.Load(), nil
	case <-ctx.Done():
		return nil, fmt.Errorf("the event index is still loading: %w", ctx.Err())
	}
}

// refreshMargin is how far before the last update seen a refresh reads
// again (SQLite's update times are text of varying width; see
// store.CheckWatches).
const refreshMargin = 2 * time.Second

// refresh brings the catalog up to date with the store: nothing when the
// store's mark is unchanged, the events updated since the last mark when
// only updates and inserts happened, everything again otherwise.
func (c *catalog) refresh(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	mark, err := c.st.Mark(ctx)
	if err != nil {
		return err
	}
	old := c.snap.Load()
	if old != nil && old.mark == mark {
		return nil
	}
	var next *snapshot
	if old != nil && mark.Events >= old.mark.Events && !old.mark.Updated.IsZero() {
		next, err = c.update(ctx, old, mark)
		if err == nil && int64(len(next.entries)) != mark.Events {
			next = nil // events were deleted too: load everything
		}
	}
	if next == nil && err == nil {
		next, err = c.load(ctx, mark)
	}
	if err != nil {
		return err
	}
	c.snap.Store(next)
	c.readyMu.Do(func() { close(c.ready) })
	return nil
}

// load reads every event.
func (c *catalog) load(ctx context.Context, mark store.Mark) (*snapshot, error) {
	s := &snapshot{gen: c.gen.Add(1), mark: mark, loadedAt: time.Now(), stateIdx: map[string]uint16{},
		placeIdx: map[place]int32{}}
	s.entries = make([]entry, 0, mark.Events)
	s.countries = make([]uint16, 0, 2*mark.Events+16)
	err := c.st.EachSummary(ctx, time.Time{}, func(sm store.Summary) error {
		s.entries = append(s.entries, s.pack(&sm))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load the event index: %w", err)
	}
	s.sortByDate()
	return s, nil
}

// update copies old and applies the events updated since its mark.
func (c *catalog) update(ctx context.Context, old *snapshot, mark store.Mark) (*snapshot, error) {
	s := &snapshot{gen: c.gen.Add(1), mark: mark, loadedAt: time.Now(),
		entries: slices.Clone(old.entries), countries: old.countries, states: slices.Clone(old.states),
		stateIdx: make(map[string]uint16, len(old.stateIdx)), places: slices.Clone(old.places),
		placeIdx: make(map[place]int32, len(old.placeIdx))}
	for k, v := range old.stateIdx {
		s.stateIdx[k] = v
	}
	for k, v := range old.placeIdx {
		s.placeIdx[k] = v
	}
	// countries is shared with old: appends go past old's length, which
	// old never reads, and refreshes run one at a time.
	err := c.st.EachSummary(ctx, old.mark.Updated.Add(-refreshMargin), func(sm store.Summary) error {
		e := s.pack(&sm)
		if i, found := old.index(e.id); found {
			s.entries[i] = e
		} else {
			s.entries = append(s.entries, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("update the event index: %w", err)
	}
	s.sortByDate()
	return s, nil
}

// sortByDate orders the entries by date (byDate) and makes each state's
// list of entries in that order (byState), which queries for a state or a
// pair walk instead of every entry.
func (s *snapshot) sortByDate() {
	slices.SortFunc(s.entries, func(x, y entry) int {
		return cmp.Or(cmp.Compare(y.date, x.date), cmp.Compare(x.id, y.id))
	})
	s.byDate = make([]int32, len(s.entries))
	s.idOrder = make([]int32, len(s.entries))
	for i := range s.byDate {
		s.byDate[i], s.idOrder[i] = int32(i), int32(i)
	}
	slices.SortFunc(s.idOrder, func(a, b int32) int { return cmp.Compare(s.entries[a].id, s.entries[b].id) })
	counts := make([]int, len(s.states))
	for i := range s.entries {
		for _, c := range s.statesOf(&s.entries[i]) {
			counts[c]++
		}
	}
	s.byState = make([][]int32, len(s.states))
	for c, n := range counts {
		s.byState[c] = make([]int32, 0, n)
	}
	for _, i := range s.byDate {
		for _, c := range s.statesOf(&s.entries[i]) {
			s.byState[c] = append(s.byState[c], i)
		}
	}
}

// candidates returns the entries a selection needs to look at, in byDate
// order: the list of its rarest state, or every entry.
func (s *snapshot) candidates(sel *selection) []int32 {
	if sel.none {
		return nil
	}
	best := s.byDate
	sel.drive = -1
	for k, c := range sel.states {
		if int(c) < len(s.byState) && len(s.byState[c]) < len(best) {
			best, sel.drive = s.byState[c], k
		}
	}
	return best
}

// state returns the index of a state, adding it when new.
func (s *snapshot) state(iso3 string) uint16 {
	if i, ok := s.stateIdx[iso3]; ok {
		return i
	}
	i := uint16(len(s.states))
	s.states = append(s.states, iso3)
	s.stateIdx[iso3] = i
	return i
}

func (s *snapshot) pack(sm *store.Summary) entry {
	e := entry{id: sm.ID, date: packDate(sm.Date), conf: float32(sm.Confidence), place: -1, initiator: -1,
		sources: uint16(min(sm.Sources, 65535))}
	if i := slices.Index(event.Types, sm.Type); i >= 0 {
		e.typ = uint8(i + 1)
	}
	if i := slices.Index(event.Stages, sm.Stage); i >= 0 {
		e.stage = uint8(i + 1)
	}
	e.status = map[string]uint8{store.StatusConfirmed: statusConfirmed, store.StatusRejected: statusRejected,
		store.StatusMerged: statusMerged}[sm.Status]
	if sm.Reviewed {
		e.flags |= flagReviewed
	}
	if sm.Corrected {
		e.flags |= flagCorrected
	}
	e.cOff = uint32(len(s.countries))
	for _, c := range sm.Countries[:min(len(sm.Countries), 255)] {
		s.countries = append(s.countries, s.state(c))
	}
	e.cLen = uint8(len(s.countries) - int(e.cOff))
	if sm.Initiator != "" {
		e.initiator = int16(s.state(sm.Initiator))
	}
	if sm.Location != "" {
		p := place{sm.Location, sm.LocationCountry}
		i, ok := s.placeIdx[p]
		if !ok {
			i = int32(len(s.places))
			s.places = append(s.places, p)
			s.placeIdx[p] = i
		}
		e.place = i
	}
	return e
}

// packDate encodes YYYY[-MM[-DD]] as yyyymmdd with the missing parts 0, so
// that integer order is the text order the store uses (2025 < 2025-03 <
// 2025-03-14); anything else is 0 (undated).
func packDate(d string) int32 {
	if len(d) != 4 && len(d) != 7 && len(d) != 10 {
		return 0
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil || y < 1 {
		return 0
	}
	v := int32(y) * 10000
	if len(d) >= 7 {
		m, err := strconv.Atoi(d[5:7])
		if err != nil || d[4] != '-' || m < 1 || m > 12 {
			return 0
		}
		v += int32(m) * 100
	}
	if len(d) == 10 {
		day, err := strconv.Atoi(d[8:10])
		if err != nil || d[7] != '-' || day < 1 || day > 31 {
			return 0
		}
		v += int32(day)
	}
	return v
}

// unpackDate is the inverse of packDate.
func unpackDate(v int32) string {
	if v <= 0 {
		return ""
	}
	y, m, d := v/10000, v/100%100, v%100
	switch {
	case m == 0:
		return fmt.Sprintf("%04d", y)
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func (s *snapshot) statesOf(e *entry) []uint16 { return s.countries[e.cOff : e.cOff+uint32(e.cLen)] }

func (e *entry) eventType() event.Type {
	if e.typ == 0 {
		return ""
	}
	return event.Types[e.typ-1]
}

// selection is a parsed filter over the catalog.
type selection struct {
	states  []uint16 // every one among the event's states
	none    bool     // a state no event has: nothing matches
	types   uint16   // bit 1<<typ; 0: any
	stage   uint8
	since   int32
	until   int32 // inclusive upper bound; 0: none
	minConf float32
	region  []bool // by state index; nil: any
	review  string
	ids     map[int64]struct{} // full-text matches; nil: no text filter
	// what the review filter lets through: the statuses, and flags that
	// must be set (flagsWant) among those looked at (flagsMask)
	statusOK             [4]bool
	flagsMask, flagsWant uint8
	drive                int // the state whose list candidates walks: no need to look for it; -1: none
}

// selection turns a filter into a selection on this snapshot.
func (s *snapshot) selection(f *filter, regions *Regions) selection {
	sel := selection{stage: 0, minConf: float32(f.MinConfidence), review: f.Review, ids: f.ids, drive: -1}
	sel.statusOK = [4]bool{true, true, true, true}
	switch f.Review {
	case "":
		sel.statusOK[statusRejected], sel.statusOK[statusMerged] = false, false
	case store.StatusConfirmed:
		sel.statusOK = [4]bool{statusConfirmed: true}
	case store.StatusRejected:
		sel.statusOK = [4]bool{statusRejected: true}
	case store.StatusMerged:
		sel.statusOK = [4]bool{statusMerged: true}
	case store.ReviewCorrected:
		sel.flagsMask, sel.flagsWant = flagCorrected, flagCorrected
	case store.ReviewUnreviewed:
		sel.flagsMask = flagReviewed
	}
	for _, c := range f.Countries {
		i, ok := s.stateIdx[c]
		if !ok {
			sel.none = true
			continue
		}
		sel.states = append(sel.states, i)
	}
	for _, t := range f.Types {
		if i := slices.Index(event.Types, t); i >= 0 {
			sel.types |= 1 << (i + 1)
		}
	}
	if f.Stage != "" {
		sel.stage = uint8(slices.Index(event.Stages, f.Stage) + 1)
	}
	sel.since = packDate(f.Since)
	if f.Until != "" {
		u := packDate(f.Until)
		switch len(f.Until) {
		case 4:
			u += 9999
		case 7:
			u += 99
		}
		sel.until = u
	}
	if f.Region != "" {
		sel.region = make([]bool, len(s.states))
		for i, iso3 := range s.states {
			sel.region[i] = regions.Contains(f.Region, iso3)
		}
	}
	return sel
}

// match reports whether the entry is selected. It runs for every entry
// of a query: the cheap tests come first.
func (s *snapshot) match(sel *selection, e *entry) bool {
	if sel.none || !sel.statusOK[e.status&3] || e.flags&sel.flagsMask != sel.flagsWant {
		return false
	}
	if sel.types != 0 && sel.types&(1<<e.typ) == 0 {
		return false
	}
	if (sel.stage != 0 && e.stage != sel.stage) || e.conf < sel.minConf {
		return false
	}
	if sel.since != 0 && e.date < sel.since {
		return false
	}
	if sel.until != 0 && (e.date == 0 || e.date > sel.until) {
		return false
	}
	if len(sel.states) > 0 || sel.region != nil {
		cs := s.countries[e.cOff : e.cOff+uint32(e.cLen)]
		for k, want := range sel.states {
			if k == sel.drive {
				continue
			}
			found := false
			for _, c := range cs {
				if c == want {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		if sel.region != nil {
			in := false
			for _, c := range cs {
				if sel.region[c] {
					in = true
					break
				}
			}
			if !in {
				return false
			}
		}
	}
	if sel.ids != nil {
		if _, ok := sel.ids[e.id]; !ok {
			return false
		}
	}
	return true
}

// each calls fn with every selected entry, in date order.
func (s *snapshot) each(sel *selection, fn func(e *entry)) {
	if len(sel.states) > 0 {
		for _, i := range s.candidates(sel) {
			if e := &s.entries[i]; s.match(sel, e) {
				fn(e)
			}
		}
		return
	}
	sel.drive = -1
	for i := range s.entries {
		if e := &s.entries[i]; s.match(sel, e) {
			fn(e)
		}
	}
}

// first returns the ids of the first n selected entries by date, latest
// first, that also pass keep (nil: all).
func (s *snapshot) first(sel *selection, n int, keep func(e *entry) bool) []int64 {
	var ids []int64
	for _, i := range s.candidates(sel) {
		if len(ids) >= n {
			break
		}
		e := &s.entries[i]
		if s.match(sel, e) && (keep == nil || keep(e)) {
			ids = append(ids, e.id)
		}
	}
	return ids
}

// Sort keys of the events table.
var sortKeys = []string{"date", "confidence", "sources", "type", "stage", "id"}

// page returns the ids of one page of the selected entries in the order
// asked for, and how many entries are selected in all.
func (s *snapshot) page(sel *selection, sortKey string, desc bool, offset, limit int) (ids []int64, total int) {
	if sortKey == "date" || sortKey == "" {
		order := s.candidates(sel)
		n := len(order)
		for k := range n {
			i := order[k]
			if !desc {
				i = order[n-1-k]
			}
			e := &s.entries[i]
			if !s.match(sel, e) {
				continue
			}
			if total >= offset && len(ids) < limit {
				ids = append(ids, e.id)
			}
			total++
		}
		return ids, total
	}
	less := entryOrder(sortKey, desc)
	// keep the first offset+limit entries in order: a bounded insertion
	// list, cheap when the page is near the start
	k := offset + limit
	var top []*entry
	for _, i := range s.candidates(sel) {
		e := &s.entries[i]
		if !s.match(sel, e) {
			continue
		}
		total++
		if len(top) == k && k > 0 && less(top[k-1], e) <= 0 {
			continue
		}
		at, _ := slices.BinarySearchFunc(top, e, func(x, y *entry) int { return less(x, y) })
		if len(top) < k {
			top = slices.Insert(top, at, e)
		} else if at < k {
			copy(top[at+1:], top[at:k-1])
			top[at] = e
		}
	}
	for _, e := range top[min(offset, len(top)):] {
		ids = append(ids, e.id)
	}
	return ids, total
}

// entryOrder compares entries by a sort key (ties by id ascending).
func entryOrder(key string, desc bool) func(a, b *entry) int {
	var by func(a, b *entry) int
	switch key {
	case "confidence":
		by = func(a, b *entry) int { return cmp.Compare(a.conf, b.conf) }
	case "sources":
		by = func(a, b *entry) int { return cmp.Compare(a.sources, b.sources) }
	case "type":
		by = func(a, b *entry) int { return strings.Compare(string(a.eventType()), string(b.eventType())) }
	case "stage":
		by = func(a, b *entry) int { return cmp.Compare(a.stage, b.stage) }
	case "id":
		by = func(a, b *entry) int { return cmp.Compare(a.id, b.id) }
	default:
		by = func(a, b *entry) int { return cmp.Compare(a.date, b.date) }
	}
	return func(a, b *entry) int {
		c := by(a, b)
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.id, b.id))
	}
}

// index returns the position of an event's entry.
func (s *snapshot) index(id int64) (int, bool) {
	k, ok := slices.BinarySearchFunc(s.idOrder, id, func(i int32, id int64) int { return cmp.Compare(s.entries[i].id, id) })
	if !ok {
		return 0, false
	}
	return int(s.idOrder[k]), true
}

// byID returns the entry of an event.
func (s *snapshot) byID(id int64) (*entry, bool) {
	i, ok := s.index(id)
	if !ok {
		return nil, false
	}
	return &s.entries[i], true
}
