package server

import (
	"cmp"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/pipeline"
	"pactwatch/internal/store"
)

// meta is what the app needs to draw its forms and legends.
type meta struct {
	Version       string      `json:"version"`
	Extractor     string      `json:"extractor"`
	Writable      bool        `json:"writable"`
	TokenRequired bool        `json:"token_required"`
	Built         bool        `json:"built"`
	Events        int         `json:"events"` // visible events (not rejected, not merged away)
	Types         []string    `json:"types"`
	Stages        []string    `json:"stages"`
	Roles         []string    `json:"roles"`
	Regions       []Region    `json:"regions"`
	States        []stateInfo `json:"states"`
	Index         indexInfo   `json:"index"`
}

type indexInfo struct {
	Entries    int       `json:"entries"`
	Generation uint64    `json:"generation"`
	LoadedAt   time.Time `json:"loaded_at"`
}

// stateInfo names a state and says where it lies.
type stateInfo struct {
	ISO3      string `json:"iso3"`
	Name      string `json:"name"`
	Numeric   string `json:"numeric,omitempty"` // ISO 3166-1 numeric, the world map's id
	Continent string `json:"continent,omitempty"`
	Subregion string `json:"subregion,omitempty"`
	Events    int    `json:"events"`
}

func (s *Server) stateInfo(iso3 string, events int) stateInfo {
	c, sub := s.regions.Of(iso3)
	return stateInfo{ISO3: iso3, Name: s.places.Name(iso3), Numeric: numeric(iso3), Continent: c, Subregion: sub, Events: events}
}

func (s *Server) getMeta(w http.ResponseWriter, r *http.Request) (any, error) {
	snap, err := s.cat.current(r.Context())
	if err != nil {
		return nil, err
	}
	sel := snap.selection(&filter{}, s.regions)
	counts := make([]int, len(snap.states))
	visible := 0
	snap.each(&sel, func(e *entry) {
		visible++
		for _, c := range snap.statesOf(e) {
			counts[c]++
		}
	})
	m := meta{Version: s.version, Extractor: pipeline.Version, Writable: s.writable, TokenRequired: s.token != "",
		Built: s.Built(), Events: visible, Regions: s.regions.List(), States: []stateInfo{},
		Index: indexInfo{Entries: len(snap.entries), Generation: snap.gen, LoadedAt: snap.loadedAt}}
	for _, t := range event.Types {
		m.Types = append(m.Types, string(t))
	}
	for _, st := range event.Stages {
		m.Stages = append(m.Stages, string(st))
	}
	m.Roles = event.Roles
	for i, iso3 := range snap.states {
		if counts[i] > 0 {
			m.States = append(m.States, s.stateInfo(iso3, counts[i]))
		}
	}
	slices.SortFunc(m.States, func(a, b stateInfo) int { return strings.Compare(a.ISO3, b.ISO3) })
	return m, nil
}

// pairTally adds up the events of one pair of states.
type pairTally struct {
	a, b   uint16
	events int
	byType [10]int // indexed by entry.typ
	last   int32
}

func (p *pairTally) dominant() string {
	best := 0
	for t := 1; t < len(p.byType); t++ {
		if p.byType[t] > p.byType[best] {
			best = t
		}
	}
	if best == 0 {
		return ""
	}
	return string(event.Types[best-1])
}

func (p *pairTally) types() map[string]int {
	m := map[string]int{}
	for t := 1; t < len(p.byType); t++ {
		if p.byType[t] > 0 {
			m[string(event.Types[t-1])] = p.byType[t]
		}
	}
	return m
}

// tallyPairs adds up the selected events per state and per pair, heaviest
// pair first. Up to denseStates states, the pairs are counted in flat
// tables of states × states × types (a few MB, no pointers to chase), by
// one goroutine per CPU over its share of the entries; beyond, in a map.
func tallyPairs(snap *snapshot, sel *selection) (nodes []int, pairs []*pairTally, total int) {
	n := len(snap.states)
	if n > denseStates {
		return tallyPairsMap(snap, sel)
	}
	const nt = len(pairTally{}.byType)
	type part struct {
		nodes  []int32
		counts []int32 // (pair × type) events, pair = lower index × n + higher index
		last   []int32 // pair → latest date
		total  int
	}
	tally := func(order []int32) *part {
		p := &part{nodes: make([]int32, n), counts: make([]int32, n*n*nt), last: make([]int32, n*n)}
		for _, i := range order {
			e := &snap.entries[i]
			if !snap.match(sel, e) {
				continue
			}
			p.total++
			cs := snap.countries[e.cOff : e.cOff+uint32(e.cLen)]
			for j, a := range cs {
				p.nodes[a]++
				for _, b := range cs[j+1:] {
					k := int(min(a, b))*n + int(max(a, b))
					p.counts[k*nt+int(e.typ)]++
					p.last[k] = max(p.last[k], e.date)
				}
			}
		}
		return p
	}
	order := snap.candidates(sel)
	workers := min(runtime.GOMAXPROCS(0), 1+len(order)/50000)
	parts := make([]*part, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(order)/workers, (w+1)*len(order)/workers
		wg.Go(func() { parts[w] = tally(order[lo:hi]) })
	}
	wg.Wait()
	sum := parts[0]
	for _, p := range parts[1:] {
		sum.total += p.total
		for i, v := range p.nodes {
			sum.nodes[i] += v
		}
		for i, v := range p.counts {
			sum.counts[i] += v
		}
		for i, v := range p.last {
			sum.last[i] = max(sum.last[i], v)
		}
	}
	nodes = make([]int, n)
	for i, v := range sum.nodes {
		nodes[i] = int(v)
	}
	for k := range sum.last {
		row := sum.counts[k*nt : (k+1)*nt]
		events := 0
		for _, c := range row {
			events += int(c)
		}
		if events == 0 {
			continue
		}
		x, y := uint16(k/n), uint16(k%n)
		if snap.states[x] > snap.states[y] {
			x, y = y, x // a pair is named in alphabetical order
		}
		p := &pairTally{a: x, b: y, events: events, last: sum.last[k]}
		for t, c := range row {
			p.byType[t] = int(c)
		}
		pairs = append(pairs, p)
	}
	sortPairs(snap, pairs)
	return nodes, pairs, sum.total
}

// denseStates is the most states tallyPairs counts in flat tables.
const denseStates = 400

func tallyPairsMap(snap *snapshot, sel *selection) (nodes []int, pairs []*pairTally, total int) {
	nodes = make([]int, len(snap.states))
	byKey := map[uint32]*pairTally{}
	snap.each(sel, func(e *entry) {
		total++
		cs := snap.statesOf(e)
		for i, a := range cs {
			nodes[a]++
			for _, b := range cs[i+1:] {
				x, y := min(a, b), max(a, b)
				p := byKey[uint32(x)<<16|uint32(y)]
				if p == nil {
					if snap.states[x] > snap.states[y] {
						x, y = y, x
					}
					p = &pairTally{a: x, b: y}
					byKey[uint32(min(x, y))<<16|uint32(max(x, y))] = p
					pairs = append(pairs, p)
				}
				p.events++
				p.byType[e.typ]++
				p.last = max(p.last, e.date)
			}
		}
	})
	sortPairs(snap, pairs)
	return nodes, pairs, total
}

func sortPairs(snap *snapshot, pairs []*pairTally) {
	slices.SortFunc(pairs, func(x, y *pairTally) int {
		return cmp.Or(cmp.Compare(y.events, x.events), strings.Compare(snap.states[x.a], snap.states[y.a]),
			strings.Compare(snap.states[x.b], snap.states[y.b]))
	})
}

// graph is the network of states.
type graph struct {
	Events    int         `json:"events"` // events selected
	Nodes     []graphNode `json:"nodes"`
	Edges     []graphEdge `json:"edges"`
	Truncated bool        `json:"truncated"` // more pairs than max_edges
}

type graphNode struct {
	ID        string `json:"id"` // ISO3
	Name      string `json:"name"`
	Events    int    `json:"events"`
	Continent string `json:"continent,omitempty"`
}

type graphEdge struct {
	Source string         `json:"source"`
	Target string         `json:"target"`
	Events int            `json:"events"`
	Type   string         `json:"type"` // the dominant type
	ByType map[string]int `json:"by_type"`
	Last   string         `json:"last,omitempty"`
}

func (s *Server) getGraph(w http.ResponseWriter, r *http.Request) (any, error) {
	f, snap, err := s.query(r)
	if err != nil {
		return nil, err
	}
	maxEdges, err := intParam(r.URL.Query(), "max_edges", 400, 1, 5000)
	if err != nil {
		return nil, badRequest(err)
	}
	sel := snap.selection(&f, s.regions)
	nodes, pairs, total := tallyPairs(snap, &sel)
	g := graph{Events: total, Nodes: []graphNode{}, Edges: []graphEdge{}, Truncated: len(pairs) > maxEdges}
	used := make([]bool, len(snap.states))
	for _, p := range pairs[:min(len(pairs), maxEdges)] {
		used[p.a], used[p.b] = true, true
		g.Edges = append(g.Edges, graphEdge{Source: snap.states[p.a], Target: snap.states[p.b], Events: p.events,
			Type: p.dominant(), ByType: p.types(), Last: unpackDate(p.last)})
	}
	for i, n := range nodes {
		if used[i] {
			c, _ := s.regions.Of(snap.states[i])
			g.Nodes = append(g.Nodes, graphNode{ID: snap.states[i], Name: s.places.Name(snap.states[i]), Events: n, Continent: c})
		}
	}
	slices.SortFunc(g.Nodes, func(a, b graphNode) int { return cmp.Or(cmp.Compare(b.Events, a.Events), strings.Compare(a.ID, b.ID)) })
	return g, nil
}

// worldMap is what the map draws: states shaded by activity, arcs between
// partners, and events at their places.
type worldMap struct {
	Events   int        `json:"events"`
	States   []mapState `json:"states"`
	Arcs     []mapArc   `json:"arcs"`
	Places   []mapPlace `json:"places"`
	Unplaced int        `json:"unplaced"` // events with a location the coordinates table cannot place
}

type mapState struct {
	ISO3    string  `json:"iso3"`
	Name    string  `json:"name"`
	Numeric string  `json:"numeric,omitempty"`
	Events  int     `json:"events"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Placed  bool    `json:"placed"` // the coordinates table knows its centre
}

type mapArc struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Events int    `json:"events"`
	Type   string `json:"type"`
}

type mapPlace struct {
	Name    string  `json:"name"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Events  int     `json:"events"`
}

func (s *Server) getMap(w http.ResponseWriter, r *http.Request) (any, error) {
	f, snap, err := s.query(r)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	maxArcs, err := intParam(q, "max_arcs", 150, 0, 2000)
	if err != nil {
		return nil, badRequest(err)
	}
	maxPlaces, err := intParam(q, "max_places", 300, 0, 5000)
	if err != nil {
		return nil, badRequest(err)
	}
	sel := snap.selection(&f, s.regions)
	nodes, pairs, total := tallyPairs(snap, &sel)
	perPlace := map[int32]int{}
	snap.each(&sel, func(e *entry) {
		if e.place >= 0 {
			perPlace[e.place]++
		}
	})
	m := worldMap{Events: total, States: []mapState{}, Arcs: []mapArc{}, Places: []mapPlace{}}
	for i, n := range nodes {
		if n == 0 {
			continue
		}
		iso3 := snap.states[i]
		ms := mapState{ISO3: iso3, Name: s.places.Name(iso3), Numeric: numeric(iso3), Events: n}
		if c, ok := s.places.Centroid(iso3); ok {
			ms.Lat, ms.Lon, ms.Placed = c.Lat, c.Lon, true
		}
		m.States = append(m.States, ms)
	}
	slices.SortFunc(m.States, func(a, b mapState) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), strings.Compare(a.ISO3, b.ISO3))
	})
	for _, p := range pairs[:min(len(pairs), maxArcs)] {
		m.Arcs = append(m.Arcs, mapArc{A: snap.states[p.a], B: snap.states[p.b], Events: p.events, Type: p.dominant()})
	}
	for pi, n := range perPlace {
		pl := snap.places[pi]
		found, ok := s.places.Find(pl.name, pl.country)
		if !ok {
			m.Unplaced += n
			continue
		}
		m.Places = append(m.Places, mapPlace{Name: pl.name, Country: pl.country, Lat: found.Lat, Lon: found.Lon, Events: n})
	}
	slices.SortFunc(m.Places, func(a, b mapPlace) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), strings.Compare(a.Name, b.Name), strings.Compare(a.Country, b.Country))
	})
	m.Places = m.Places[:min(len(m.Places), maxPlaces)]
	return m, nil
}

// timeline counts events per period and type.
type timeline struct {
	By      string           `json:"by"` // year or month
	Events  int              `json:"events"`
	Buckets []timelineBucket `json:"buckets"`
	Undated int              `json:"undated"`
	Coarse  int              `json:"coarse"` // dated to the year only, left out of a monthly timeline
}

type timelineBucket struct {
	Period string         `json:"period"` // YYYY or YYYY-MM
	Total  int            `json:"total"`
	ByType map[string]int `json:"by_type"`
}

func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) (any, error) {
	f, snap, err := s.query(r)
	if err != nil {
		return nil, err
	}
	by := r.URL.Query().Get("by")
	if by != "" && by != "year" && by != "month" {
		return nil, badRequest(fmt.Errorf("by %q: want year or month", by))
	}
	sel := snap.selection(&f, s.regions)
	var lo, hi int32
	snap.each(&sel, func(e *entry) {
		if e.date == 0 {
			return
		}
		if lo == 0 || e.date < lo {
			lo = e.date
		}
		hi = max(hi, e.date)
	})
	if by == "" {
		by = "year"
		if lo != 0 && hi/10000-lo/10000 < 6 {
			by = "month"
		}
	}
	t := timeline{By: by, Buckets: []timelineBucket{}}
	counts := map[int32]*[10]int{}
	snap.each(&sel, func(e *entry) {
		t.Events++
		var k int32
		switch {
		case e.date == 0:
			t.Undated++
			return
		case by == "year":
			k = e.date / 10000 * 10000
		case e.date/100%100 == 0:
			t.Coarse++
			return
		default:
			k = e.date / 100 * 100
		}
		c := counts[k]
		if c == nil {
			c = &[10]int{}
			counts[k] = c
		}
		c[e.typ]++
	})
	keys := make([]int32, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b := timelineBucket{Period: unpackDate(k), ByType: map[string]int{}}
		for ti, n := range counts[k] {
			if n > 0 && ti > 0 {
				b.ByType[string(event.Types[ti-1])] = n
			}
			b.Total += n
		}
		t.Buckets = append(t.Buckets, b)
	}
	return t, nil
}

// agreement is one agreement with its stage history: a lane of the
// timeline.
type agreement struct {
	ID        int64             `json:"id"`
	Type      event.Type        `json:"type"` // agreement, or rupture for one suspended or ended
	Countries []string          `json:"countries"`
	Kind      string            `json:"kind,omitempty"`
	Stage     event.Stage       `json:"stage"`
	Date      string            `json:"date,omitempty"`
	Sources   int               `json:"sources"`
	Status    string            `json:"status"`
	Stages    []event.StageStep `json:"stages"`
}

type agreementPage struct {
	Total      int         `json:"total"`
	Limit      int         `json:"limit"`
	Offset     int         `json:"offset"`
	Agreements []agreement `json:"agreements"`
}

// agreementTypes are the types of events about an agreement.
var agreementTypes = []event.Type{event.Agreement, event.Rupture}

func (s *Server) getAgreements(w http.ResponseWriter, r *http.Request) (any, error) {
	f, snap, err := s.query(r)
	if err != nil {
		return nil, err
	}
	if len(f.Types) == 0 {
		f.Types = agreementTypes
	}
	sel := snap.selection(&f, s.regions)
	ids, total := s.agreementIDs(snap, &sel, f.Offset, f.Limit)
	list, err := s.agreements(r, snap, ids)
	if err != nil {
		return nil, err
	}
	return agreementPage{Total: total, Limit: f.Limit, Offset: f.Offset, Agreements: list}, nil
}

// agreementIDs pages the selected events that name an agreement stage,
// latest first.
func (s *Server) agreementIDs(snap *snapshot, sel *selection, offset, limit int) ([]int64, int) {
	var ids []int64
	total := 0
	for _, i := range snap.candidates(sel) {
		e := &snap.entries[i]
		if e.stage == 0 || !snap.match(sel, e) {
			continue
		}
		if total >= offset && len(ids) < limit {
			ids = append(ids, e.id)
		}
		total++
	}
	return ids, total
}

func (s *Server) agreements(r *http.Request, snap *snapshot, ids []int64) ([]agreement, error) {
	items, err := s.items(r.Context(), snap, ids)
	if err != nil {
		return nil, err
	}
	out := []agreement{}
	for _, it := range items {
		a := agreement{ID: it.ID, Type: it.Type, Countries: it.Countries, Date: it.Date, Sources: len(it.Sources),
			Status: it.Review.Status, Stages: nonNil(it.Stages)}
		if it.Agreement != nil {
			a.Kind, a.Stage = it.Agreement.Kind, it.Agreement.Stage
		}
		out = append(out, a)
	}
	return out, nil
}

// stateProfile is a state's page.
type stateProfile struct {
	stateInfo
	ByType     map[string]int `json:"by_type"`
	ByYear     []yearCount    `json:"by_year"`
	Partners   []partner      `json:"partners"`
	Agreements []agreement    `json:"agreements"`
	Recent     []eventItem    `json:"recent"`
	Ruptures   []eventItem    `json:"ruptures"`
}

type yearCount struct {
	Year   string `json:"year"`
	Events int    `json:"events"`
}

type partner struct {
	ISO3   string `json:"iso3"`
	Name   string `json:"name"`
	Events int    `json:"events"`
	Type   string `json:"type"` // the dominant type
	Last   string `json:"last,omitempty"`
}

func (s *Server) getState(w http.ResponseWriter, r *http.Request) (any, error) {
	iso3 := strings.ToUpper(r.PathValue("iso3"))
	if !isoParam.MatchString(iso3) {
		return nil, badRequest(fmt.Errorf("state %q: want an ISO alpha-3 code such as FRA", r.PathValue("iso3")))
	}
	f, snap, err := s.query(r)
	if err != nil {
		return nil, err
	}
	f.Countries = append(slices.DeleteFunc(f.Countries, func(c string) bool { return c == iso3 }), iso3)
	sel := snap.selection(&f, s.regions)
	nodes, pairs, total := tallyPairs(snap, &sel)
	p := stateProfile{stateInfo: s.stateInfo(iso3, total), ByType: map[string]int{}, ByYear: []yearCount{},
		Partners: []partner{}}
	self, known := snap.stateIdx[iso3]
	if !known && total == 0 && s.places.Name(iso3) == iso3 && numeric(iso3) == "" {
		return nil, &httpError{http.StatusNotFound, fmt.Errorf("state %s: %w", iso3, store.ErrNotFound)}
	}
	years := map[int32]int{}
	var byType [10]int
	snap.each(&sel, func(e *entry) {
		byType[e.typ]++
		if e.date != 0 {
			years[e.date/10000]++
		}
	})
	for t := 1; t < len(byType); t++ {
		if byType[t] > 0 {
			p.ByType[string(event.Types[t-1])] = byType[t]
		}
	}
	ys := make([]int32, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	for _, y := range ys {
		p.ByYear = append(p.ByYear, yearCount{Year: unpackDate(y * 10000), Events: years[y]})
	}
	_ = nodes
	for _, pt := range pairs {
		other := pt.a
		if other == self {
			other = pt.b
		}
		if (pt.a != self && pt.b != self) || len(p.Partners) >= 40 {
			continue
		}
		p.Partners = append(p.Partners, partner{ISO3: snap.states[other], Name: s.places.Name(snap.states[other]),
			Events: pt.events, Type: pt.dominant(), Last: unpackDate(pt.last)})
	}
	agreementType := func(e *entry) bool {
		t := e.eventType()
		return e.stage != 0 && (t == event.Agreement || t == event.Rupture)
	}
	if p.Agreements, err = s.agreements(r, snap, snap.first(&sel, 50, agreementType)); err != nil {
		return nil, err
	}
	if p.Recent, err = s.items(r.Context(), snap, snap.first(&sel, 10, nil)); err != nil {
		return nil, err
	}
	rupture := func(e *entry) bool { return e.eventType() == event.Rupture }
	if p.Ruptures, err = s.items(r.Context(), snap, snap.first(&sel, 50, rupture)); err != nil {
		return nil, err
	}
	return p, nil
}
