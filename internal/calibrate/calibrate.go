package calibrate

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"pactwatch/internal/event"
)

//go:embed model.tsv
var modelTSV string

// Model is a logistic model: the confidence of an event is the logistic of
// the sum of the weights of its features (see Features).
type Model struct {
	Weights map[string]float64
}

// Load parses the embedded model.tsv.
func Load() (*Model, error) {
	m, err := Parse(strings.NewReader(modelTSV))
	if err != nil {
		return nil, fmt.Errorf("calibrate: model.tsv: %w", err)
	}
	return m, nil
}

// Parse reads a model: one "feature<TAB>weight" line per feature; '#'
// starts a comment line.
func Parse(r io.Reader) (*Model, error) {
	m := &Model{Weights: map[string]float64{}}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return nil, fmt.Errorf("line %d: want feature<TAB>weight, got %q", n, line)
		}
		w, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("line %d: weight %q is not a number", n, f[1])
		}
		if _, dup := m.Weights[f[0]]; dup {
			return nil, fmt.Errorf("line %d: feature %q given twice", n, f[0])
		}
		m.Weights[f[0]] = w
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if _, ok := m.Weights[Bias]; !ok {
		return nil, fmt.Errorf("no %q weight", Bias)
	}
	return m, nil
}

// Write prints the model in the format Parse reads, features sorted, after
// the header lines (each printed as a comment).
func (m *Model) Write(w io.Writer, header ...string) error {
	var b strings.Builder
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	names := make([]string, 0, len(m.Weights))
	for f := range m.Weights {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		fmt.Fprintf(&b, "%s\t%.4f\n", f, m.Weights[f])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Bias is the feature every event has.
const Bias = "bias"

// Features are the facts of a finished event that bear on whether it is
// right: the rule score the extractor gave it (its Confidence before
// calibration, which already counts weak or inferred reading, persons, a
// date and further reports), its type, and whether a place and an initiator
// were found. Each value is 0..1 except the score's logit.
func Features(e event.Event) map[string]float64 {
	raw := min(max(e.Confidence, 0.01), 0.99)
	f := map[string]float64{
		Bias:                     1,
		"score":                  math.Log(raw / (1 - raw)),
		"type=" + string(e.Type): 1,
	}
	if e.Location != nil {
		f["located"] = 1
	}
	if e.Initiator != "" {
		f["initiator"] = 1
	}
	if len(e.Evidence) > 1 {
		f["reports"] = math.Min(float64(len(e.Evidence)-1), 3) / 3
	}
	return f
}

// Confidence is the model's probability that e is right.
func (m *Model) Confidence(e event.Event) float64 {
	z := 0.0
	for f, v := range Features(e) {
		z += m.Weights[f] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// Apply replaces e's rule score with the calibrated confidence, kept within
// 0.05..0.98 and rounded to two decimals.
func (m *Model) Apply(e *event.Event) {
	p := min(max(m.Confidence(*e), 0.05), 0.98)
	e.Confidence = math.Round(p*100) / 100
}

// Sample is one extracted event (with its rule score as Confidence) and
// whether it matched a gold event.
type Sample struct {
	Event  event.Event
	Right  bool
	Weight float64 // how much the sample counts; 0 counts as 1
}

// Fit finds the weights that maximise the likelihood of the samples, with an
// L2 penalty of strength lambda on every weight but the bias (so that a
// feature seen on few events stays near zero), by Newton's method.
func Fit(samples []Sample, lambda float64) *Model {
	index := map[string]int{Bias: 0}
	names := []string{Bias}
	xs := make([]map[string]float64, len(samples))
	for i, s := range samples {
		xs[i] = Features(s.Event)
		for f := range xs[i] {
			if _, ok := index[f]; !ok {
				index[f] = len(names)
				names = append(names, f)
			}
		}
	}
	k := len(names)
	w := make([]float64, k)
	for range 50 {
		grad := make([]float64, k)
		hess := make([][]float64, k)
		for i := range hess {
			hess[i] = make([]float64, k)
		}
		for i, s := range samples {
			z := 0.0
			for f, v := range xs[i] {
				z += w[index[f]] * v
			}
			p := 1 / (1 + math.Exp(-z))
			y, sw := 0.0, s.Weight
			if s.Right {
				y = 1
			}
			if sw == 0 {
				sw = 1
			}
			for f, v := range xs[i] {
				a := index[f]
				grad[a] += sw * (p - y) * v
				for g, u := range xs[i] {
					hess[a][index[g]] += sw * p * (1 - p) * v * u
				}
			}
		}
		for a := 1; a < k; a++ {
			grad[a] += lambda * w[a]
			hess[a][a] += lambda
		}
		hess[0][0] += 1e-9
		step, ok := solve(hess, grad)
		if !ok {
			break
		}
		most := 0.0
		for a := range w {
			w[a] -= step[a]
			most = max(most, math.Abs(step[a]))
		}
		if most < 1e-7 {
			break
		}
	}
	m := &Model{Weights: map[string]float64{}}
	for a, f := range names {
		m.Weights[f] = w[a]
	}
	return m
}

// solve returns x with A x = b by Gaussian elimination with partial
// pivoting; ok is false when A is singular.
func solve(a [][]float64, b []float64) ([]float64, bool) {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64{}, a[i]...), b[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil, false
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for j := c; j <= n; j++ {
				m[r][j] -= f * m[c][j]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for j := r + 1; j < n; j++ {
			s -= m[r][j] * x[j]
		}
		x[r] = s / m[r][r]
	}
	return x, true
}
