// Package export writes merged event records (event.Record) in the formats
// analysts load into their own tools: JSON Lines, CSV for spreadsheets,
// GraphML for Gephi and Cytoscape, GeoJSON for QGIS and web maps, and a
// dyad-year panel CSV for R and Stata. docs/EVENTS.md explains every field
// and column.
//
// Every format is a Writer fed one record at a time. JSON Lines, CSV and
// GeoJSON write each record as it comes, so memory stays flat however large
// the store; GraphML and the dyad-year panel add records up per state, pair
// and year and write the document at Close.
//
// The package owns the layout of these files. It does not know where the
// records come from (the store streams them), how they were extracted or
// merged, or how places are matched in text: state names and coordinates
// come from the gazetteer's coordinates table (internal/gazetteer/coords).
package export
