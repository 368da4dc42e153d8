package calibrate

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"pactwatch/internal/event"
)

func TestEmbeddedModel(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{Bias, "score"} {
		if _, ok := m.Weights[f]; !ok {
			t.Errorf("model.tsv has no %q weight", f)
		}
	}
	// a higher rule score never lowers the confidence
	lo := event.Event{Type: event.Meeting, Confidence: 0.6}
	hi := event.Event{Type: event.Meeting, Confidence: 0.9}
	if m.Confidence(lo) > m.Confidence(hi) {
		t.Errorf("confidence falls as the rule score rises: %.2f > %.2f", m.Confidence(lo), m.Confidence(hi))
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"score\t1\n",             // no bias
		"bias\t1\nbias\t2\n",     // twice
		"bias\tone\n",            // not a number
		"bias\t1\nscore 2\n",     // no tab
		"bias\tNaN\n",            // not a number either
		"bias\t1\nscore\t1\tx\n", // three fields
	} {
		if _, err := Parse(strings.NewReader(in)); err == nil {
			t.Errorf("Parse(%q): no error", in)
		}
	}
	m, err := Parse(strings.NewReader("# comment\n\nbias\t-0.5\nscore\t1.25\n"))
	if err != nil || m.Weights["score"] != 1.25 || m.Weights[Bias] != -0.5 {
		t.Fatalf("Parse: %v %v", m, err)
	}
	var b strings.Builder
	if err := m.Write(&b, "head"); err != nil {
		t.Fatal(err)
	}
	again, err := Parse(strings.NewReader(b.String()))
	if err != nil || again.Weights["score"] != 1.25 {
		t.Errorf("Write then Parse: %v %v\n%s", again, err, b.String())
	}
}

// Fit recovers the weights of events drawn from a known model, and its
// confidences are calibrated on them.
func TestFitRecoversModel(t *testing.T) {
	truth := &Model{Weights: map[string]float64{Bias: -0.5, "score": 1.5, "type=meeting": -1, "located": 0.8}}
	rng := rand.New(rand.NewPCG(1, 2))
	var samples []Sample
	for range 20000 {
		e := event.Event{Type: event.Arms, Confidence: 0.5 + 0.45*rng.Float64()}
		if rng.IntN(2) == 0 {
			e.Type = event.Meeting
		}
		if rng.IntN(3) == 0 {
			e.Location = &event.Location{Name: "x"}
		}
		samples = append(samples, Sample{Event: e, Right: rng.Float64() < truth.Confidence(e)})
	}
	m := Fit(samples, 0.1)
	// every event has one type feature, so bias and type weights trade off:
	// compare what the models say, not their weights
	for _, typ := range []event.Type{event.Arms, event.Meeting} {
		for _, raw := range []float64{0.55, 0.7, 0.9} {
			for _, loc := range []*event.Location{nil, {Name: "x"}} {
				e := event.Event{Type: typ, Confidence: raw, Location: loc}
				if d := math.Abs(m.Confidence(e) - truth.Confidence(e)); d > 0.03 {
					t.Errorf("%s %.2f located=%v: fitted %.3f, true %.3f", typ, raw, loc != nil, m.Confidence(e), truth.Confidence(e))
				}
			}
		}
	}
	var sum, right float64
	for _, s := range samples {
		sum += m.Confidence(s.Event)
		if s.Right {
			right++
		}
	}
	if d := math.Abs(sum-right) / float64(len(samples)); d > 0.01 {
		t.Errorf("mean confidence off the share right by %.3f", d)
	}
}

func TestApplyBounds(t *testing.T) {
	m := &Model{Weights: map[string]float64{Bias: 10}}
	e := event.Event{Type: event.Meeting, Confidence: 0.5}
	m.Apply(&e)
	if e.Confidence != 0.98 {
		t.Errorf("confidence %v, want the 0.98 cap", e.Confidence)
	}
	m.Weights[Bias] = -10
	m.Apply(&e)
	if e.Confidence != 0.05 {
		t.Errorf("confidence %v, want the 0.05 floor", e.Confidence)
	}
}
