package evaluate

import (
	"math/rand/v2"
	"testing"
)

// bestTotal tries every way to give each row a distinct column (or none, when
// there are more rows than columns) and returns the highest total weight
// among assignments that make min(rows, cols) pairs.
func bestTotal(w [][]int64, cols int) int64 {
	rows := len(w)
	want := min(rows, cols)
	best := int64(-1)
	used := make([]bool, cols)
	var try func(i, pairs int, sum int64)
	try = func(i, pairs int, sum int64) {
		if i == rows {
			if pairs == want && sum > best {
				best = sum
			}
			return
		}
		try(i+1, pairs, sum) // row i left out
		for j := range cols {
			if !used[j] {
				used[j] = true
				try(i+1, pairs+1, sum+w[i][j])
				used[j] = false
			}
		}
	}
	try(0, 0, 0)
	return best
}

func TestAssignIsOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for rows := 1; rows <= 5; rows++ {
		for cols := 1; cols <= 5; cols++ {
			for trial := 0; trial < 40; trial++ {
				w := make([][]int64, rows)
				for i := range w {
					w[i] = make([]int64, cols)
					for j := range w[i] {
						w[i][j] = rng.Int64N(5) // small range: many ties
					}
				}
				got := assign(w, cols)
				seen := map[int]bool{}
				pairs, sum := 0, int64(0)
				for i, j := range got {
					if j < 0 {
						continue
					}
					if j >= cols || seen[j] {
						t.Fatalf("%v: column %d given twice or out of range in %v", w, j, got)
					}
					seen[j] = true
					pairs++
					sum += w[i][j]
				}
				if pairs != min(rows, cols) {
					t.Fatalf("%v: %d pairs in %v, want %d", w, pairs, got, min(rows, cols))
				}
				if best := bestTotal(w, cols); sum != best {
					t.Fatalf("%v: assignment %v totals %d, best is %d", w, got, sum, best)
				}
			}
		}
	}
}

func TestAssignEmpty(t *testing.T) {
	if got := assign(nil, 3); len(got) != 0 {
		t.Errorf("assign with no rows = %v", got)
	}
	if got := assign([][]int64{{}, {}}, 0); len(got) != 2 || got[0] != -1 || got[1] != -1 {
		t.Errorf("assign with no columns = %v, want [-1 -1]", got)
	}
}

// compare returns one score per name in AttrNames, in that order.
func TestAttrNamesMatchScores(t *testing.T) {
	if len(AttrNames) != numAttrs {
		t.Fatalf("AttrNames has %d names, compare scores %d attributes", len(AttrNames), numAttrs)
	}
	want := []string{"date", "location", "initiator", "stage", "persons", "domains"}
	idx := []int{attrDate, attrLocation, attrInitiator, attrStage, attrPersons, attrDomains}
	for k, i := range idx {
		if AttrNames[i] != want[k] {
			t.Errorf("AttrNames[%d] = %q, want %q", i, AttrNames[i], want[k])
		}
	}
}
