package evaluate

import (
	"math"

	"pactwatch/internal/event"
)

// agreementScale turns an agreement (a sum of per-attribute values between 0
// and 1) into an integer weight, so that the assignment is solved exactly.
const agreementScale = 1_000_000

// match pairs predictions with gold events that share one key, one-to-one.
// It returns, for each prediction, the index of its gold event or -1. As many
// required gold events as possible are matched; among those assignments, the
// one with the highest total attribute agreement (over required and optional
// pairs alike) wins. Since all pairs share the key, every assignment makes
// min(len(pred), len(gold)) pairs.
func match(pred, gold []event.Event) []int {
	if len(pred) == 0 || len(gold) == 0 {
		out := make([]int, len(pred))
		for i := range out {
			out[i] = -1
		}
		return out
	}
	w := make([][]int64, len(pred))
	maxPair := int64(numAttrs) * agreementScale
	// bonus exceeds any total agreement, so one more required pair always
	// outweighs every difference in agreement.
	bonus := maxPair*int64(min(len(pred), len(gold))) + 1
	for i, p := range pred {
		w[i] = make([]int64, len(gold))
		for j, g := range gold {
			w[i][j] = int64(math.Round(agreement(p, g) * agreementScale))
			if g.IsRequired() {
				w[i][j] += bonus
			}
		}
	}
	return assign(w, len(gold))
}

// assign solves the rectangular assignment problem: w has one row per
// prediction and cols columns; it returns for each row its column or -1, so
// that min(rows, cols) pairs are made and their total weight is the highest
// possible. Ties go to the earlier row and column, so the result depends only
// on the order of w. It is the Hungarian method with potentials, O(n²m).
func assign(w [][]int64, cols int) []int {
	rows := len(w)
	out := make([]int, rows)
	for i := range out {
		out[i] = -1
	}
	if rows == 0 || cols == 0 {
		return out
	}
	if rows > cols { // solve the transpose: the method wants rows <= cols
		t := make([][]int64, cols)
		for j := range t {
			t[j] = make([]int64, rows)
			for i := range rows {
				t[j][i] = w[i][j]
			}
		}
		for j, i := range assign(t, rows) {
			if i >= 0 {
				out[i] = j
			}
		}
		return out
	}
	// Minimise -w. Indices are 1-based; row 0 and column 0 are sentinels.
	const inf = math.MaxInt64 / 4
	n, m := rows, cols
	u := make([]int64, n+1)
	v := make([]int64, m+1)
	p := make([]int, m+1)   // p[j]: row assigned to column j (0: none)
	way := make([]int, m+1) // previous column on the augmenting path
	minv := make([]int64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], int64(inf), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := -w[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			out[p[j]-1] = j - 1
		}
	}
	return out
}
