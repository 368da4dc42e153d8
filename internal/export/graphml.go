package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"

	"pactwatch/internal/event"
)

// graphMLWriter adds records up into a graph of states, written at Close:
// one node per state, one undirected edge per pair of states that share an
// event. Memory grows with the number of states and pairs, not of events.
type graphMLWriter struct {
	base
	w     io.Writer
	names func(iso3 string) string
	nodes map[string]int // iso3 → events involving the state
	edges map[dyad]*tally
}

func newGraphML(w io.Writer, opts Options) *graphMLWriter {
	return &graphMLWriter{base: base{format: "graphml"}, w: w, names: opts.Places.Name,
		nodes: map[string]int{}, edges: map[dyad]*tally{}}
}

func (g *graphMLWriter) Write(r event.Record) error {
	if err := g.begin(); err != nil {
		return err
	}
	st := states(r)
	if len(st) < 2 {
		g.skip(SkipFewStates)
		return nil
	}
	for _, s := range st {
		g.nodes[s]++
	}
	for _, d := range dyads(st) {
		t := g.edges[d]
		if t == nil {
			t = newTally()
			g.edges[d] = t
		}
		t.add(r, 0)
	}
	return nil
}

// graphMLKey is one attribute declaration.
type graphMLKey struct{ id, target, typ string }

func graphMLKeys() []graphMLKey {
	keys := []graphMLKey{
		{"iso3", "node", "string"}, {"name", "node", "string"}, {"events", "node", "int"},
		{"weight", "edge", "double"},
	}
	for _, t := range event.Types {
		keys = append(keys, graphMLKey{string(t), "edge", "int"})
	}
	return append(keys, graphMLKey{"first_date", "edge", "string"}, graphMLKey{"last_date", "edge", "string"},
		graphMLKey{"highest_stage", "edge", "string"})
}

const graphMLHeader = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`

func (g *graphMLWriter) Close() error {
	if err := g.finish(); err != nil {
		return err
	}
	x := &xmlOut{w: bufio.NewWriter(g.w)}
	x.raw(graphMLHeader)
	for _, k := range graphMLKeys() {
		x.raw(`  <key id="`)
		x.text(k.id)
		x.raw(`" for="` + k.target + `" attr.name="`)
		x.text(k.id)
		x.raw(`" attr.type="` + k.typ + "\"/>\n")
	}
	x.raw(`  <graph id="pactwatch" edgedefault="undirected">` + "\n")
	for _, s := range slices.Sorted(maps.Keys(g.nodes)) {
		x.raw(`    <node id="`)
		x.text(s)
		x.raw(`">`)
		x.data("iso3", s)
		x.data("name", g.names(s))
		x.data("events", strconv.Itoa(g.nodes[s]))
		x.raw("</node>\n")
	}
	pairs := slices.SortedFunc(maps.Keys(g.edges), compareDyads)
	for i, d := range pairs {
		t := g.edges[d]
		x.raw(`    <edge id="e` + strconv.Itoa(i+1) + `" source="`)
		x.text(d.A)
		x.raw(`" target="`)
		x.text(d.B)
		x.raw(`">`)
		x.data("weight", strconv.Itoa(t.events))
		for j, typ := range event.Types {
			x.data(string(typ), strconv.Itoa(t.byType[j]))
		}
		if t.first != "" {
			x.data("first_date", t.first)
			x.data("last_date", t.last)
		}
		if t.stage != "" {
			x.data("highest_stage", string(t.stage))
		}
		x.raw("</edge>\n")
		g.counts.Written++
	}
	x.raw("  </graph>\n</graphml>\n")
	if x.err == nil {
		x.err = x.w.Flush()
	}
	if x.err != nil {
		return fmt.Errorf("export graphml: %w", x.err)
	}
	return nil
}

// xmlOut writes XML by hand, escaping every value; it keeps the first error.
type xmlOut struct {
	w   *bufio.Writer
	err error
}

func (x *xmlOut) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// text writes s escaped for character data and attribute values (quotes
// included); characters XML cannot hold become U+FFFD.
func (x *xmlOut) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

func (x *xmlOut) data(key, value string) {
	x.raw(`<data key="` + key + `">`)
	x.text(value)
	x.raw("</data>")
}
