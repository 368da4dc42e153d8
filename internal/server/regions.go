package server

import (
	_ "embed"
	"fmt"
	"strconv"

	"golang.org/x/text/language"

	"pactwatch/internal/tsv"
)

//go:embed data/regions.tsv
var regionsTSV []byte

// Region is a world region of the UN M49 standard: a continent or one of
// its subregions.
type Region struct {
	Code   string `json:"code"` // three-digit M49 code, as in "015"
	Name   string `json:"name"`
	Parent string `json:"parent,omitempty"` // the continent of a subregion
	m49    language.Region
}

// Regions knows the regions and which states lie in each.
type Regions struct {
	list   []Region
	byCode map[string]int
}

// loadRegions reads the embedded table; every code must be a region that
// CLDR's containment data knows.
func loadRegions() (*Regions, error) {
	rs := &Regions{byCode: map[string]int{}}
	err := tsv.Rows(regionsTSV, func(line int, cols []string) error {
		if len(cols) != 3 {
			return fmt.Errorf("regions.tsv:%d: want 3 columns, got %d", line, len(cols))
		}
		n, err := strconv.Atoi(cols[0])
		if err != nil || len(cols[0]) != 3 {
			return fmt.Errorf("regions.tsv:%d: code %q is not a three-digit M49 code", line, cols[0])
		}
		m, err := language.EncodeM49(n)
		if err != nil {
			return fmt.Errorf("regions.tsv:%d: code %s: %w", line, cols[0], err)
		}
		if _, dup := rs.byCode[cols[0]]; dup {
			return fmt.Errorf("regions.tsv:%d: code %s twice", line, cols[0])
		}
		if cols[2] != "" {
			p, ok := rs.byCode[cols[2]]
			if !ok || rs.list[p].Parent != "" {
				return fmt.Errorf("regions.tsv:%d: parent %q is not a continent listed above", line, cols[2])
			}
		}
		rs.byCode[cols[0]] = len(rs.list)
		rs.list = append(rs.list, Region{Code: cols[0], Name: cols[1], Parent: cols[2], m49: m})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rs, nil
}

// List returns every region, continents before their subregions.
func (rs *Regions) List() []Region { return rs.list }

// Known reports whether code is a region of the table.
func (rs *Regions) Known(code string) bool {
	_, ok := rs.byCode[code]
	return ok
}

// Contains reports whether the state (ISO alpha-3) lies in the region.
func (rs *Regions) Contains(code, iso3 string) bool {
	i, ok := rs.byCode[code]
	if !ok {
		return false
	}
	r, err := language.ParseRegion(iso3)
	if err != nil {
		return false
	}
	return rs.list[i].m49.Contains(r)
}

// Of returns the continent and the subregion of a state ("" when unknown).
func (rs *Regions) Of(iso3 string) (continent, subregion string) {
	r, err := language.ParseRegion(iso3)
	if err != nil {
		return "", ""
	}
	for _, reg := range rs.list {
		if reg.m49.Contains(r) {
			if reg.Parent == "" {
				continent = reg.Code
			} else {
				subregion = reg.Code
			}
		}
	}
	return continent, subregion
}

// numeric returns the ISO 3166-1 numeric code of a state as three digits
// (how world maps name countries), or "".
func numeric(iso3 string) string {
	r, err := language.ParseRegion(iso3)
	if err != nil || !r.IsCountry() {
		return ""
	}
	return fmt.Sprintf("%03d", r.M49())
}
