package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"pactwatch/internal/evaluate"
	"pactwatch/internal/event"
	"pactwatch/internal/pipeline"
)

func runEval(args []string) int {
	fs := newFlags("eval")
	gold := fs.String("gold", "", "folder of gold files (<article>.json)")
	asJSON := fs.Bool("json", false, "print a machine-readable summary")
	verbose := fs.Bool("verbose", false, "list every miss, false positive and attribute difference")
	pub := fs.String("published", "", "publication date (YYYY-MM-DD) for pages that do not state one")
	paths, code := parse(fs, args)
	if code >= 0 {
		return code
	}
	if *gold == "" || len(paths) == 0 {
		warnf("eval: need --gold DIR and at least one PATH")
		return 2
	}
	published, err := parsePublished(*pub)
	if err != nil {
		warnf("eval: %v", err)
		return 2
	}
	g, err := evaluate.LoadGold(*gold)
	if err != nil {
		warnf("eval: %v", err)
		return 1
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		warnf("%v", err)
		return 1
	}
	var events []event.Event
	failed := extractEach(context.Background(), p, paths, published, func(evs []event.Event) {
		events = append(events, evs...)
	})
	r := evaluate.Score(g, events)
	if *asJSON {
		out := map[string]any{"overall": summary(r.Overall), "by_language": map[string]any{},
			"attributes": map[string]float64{}, "negative_pages": r.Negatives,
			"clean_negative_pages": r.CleanNegative, "failed_inputs": failed}
		for l, c := range r.ByLang {
			out["by_language"].(map[string]any)[l] = summary(c)
		}
		for _, n := range evaluate.AttrNames {
			out["attributes"].(map[string]float64)[n] = round(r.Attrs[n].Value())
		}
		byLang := map[string]map[string]float64{}
		for l, attrs := range r.LangAttrs {
			byLang[l] = map[string]float64{}
			for _, n := range evaluate.AttrNames {
				byLang[l][n] = round(attrs[n].Value())
			}
		}
		out["attributes_by_language"] = byLang
		out["reliability"] = r.Reliability
		out["expected_calibration_error"] = round(evaluate.ECE(r.Reliability))
		if *verbose {
			out["details"] = r.Errors
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(out)
	} else {
		if *verbose {
			for _, e := range r.Errors {
				fmt.Println(e)
			}
			fmt.Println()
		}
		langs := make([]string, 0, len(r.ByLang))
		for l := range r.ByLang {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		fmt.Printf("%-8s %4s %4s %4s %6s %6s %6s\n", "lang", "tp", "fp", "fn", "P", "R", "F1")
		for _, l := range langs {
			c := r.ByLang[l]
			fmt.Printf("%-8s %4d %4d %4d %6.3f %6.3f %6.3f\n", l, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
		}
		fmt.Printf("attributes:")
		for _, n := range evaluate.AttrNames {
			fmt.Printf(" %s=%.3f(n=%d)", n, r.Attrs[n].Value(), r.Attrs[n].N)
		}
		fmt.Println()
		for _, l := range langs {
			fmt.Printf("  %-8s", l)
			for _, n := range evaluate.AttrNames {
				if a := r.LangAttrs[l][n]; a != nil && a.N > 0 {
					fmt.Printf(" %s=%.3f(n=%d)", n, a.Value(), a.N)
				}
			}
			fmt.Println()
		}
		fmt.Printf("reliability (confidence bin: events, mean confidence, share right):")
		for _, b := range r.Reliability {
			if b.N > 0 {
				fmt.Printf(" [%.1f,%.1f) %d %.2f %.2f;", b.Low, b.High, b.N, b.Confidence, b.Share())
			}
		}
		fmt.Printf(" ECE %.3f\n", evaluate.ECE(r.Reliability))
		fmt.Printf("negative pages clean: %d/%d\n", r.CleanNegative, r.Negatives)
		if len(r.Unscored) > 0 {
			fmt.Printf("articles with events but no gold file (not scored): %d\n", len(r.Unscored))
		}
		c := r.Overall
		fmt.Printf("%-8s %4d %4d %4d %6.3f %6.3f %6.3f\n", "overall", c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	if failed > 0 {
		return 1
	}
	return 0
}

func summary(c evaluate.Counts) map[string]any {
	return map[string]any{"tp": c.TP, "fp": c.FP, "fn": c.FN,
		"precision": round(c.Precision()), "recall": round(c.Recall()), "f1": round(c.F1())}
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
