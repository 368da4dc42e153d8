package export_test

import (
	"fmt"
	"os"

	"pactwatch/internal/event"
	"pactwatch/internal/export"
)

// A writer takes records one by one; Close finishes the document. Counts
// says what was left out and why.
func ExampleNew() {
	w, err := export.New("jsonl", os.Stdout, export.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = w.Write(event.Record{
		ID: 7,
		Event: event.Event{Article: "a1", Type: event.Training, Countries: []string{"GBR", "KEN"},
			Date: "2023-09", Organizations: []string{}, Confidence: 0.6,
			Evidence: []string{"British instructors began a course for Kenyan engineers."}},
		Sources:       []event.Source{{Article: "a1", Published: "2023-09-02", Evidence: []string{"A course began."}}},
		FirstReported: "2023-09-02", LastReported: "2023-09-02",
	})
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("%+v\n", w.Counts())
	// Output:
	// {"id":7,"article":"a1","type":"training","countries":["GBR","KEN"],"date":"2023-09","organizations":[],"confidence":0.6,"evidence":["British instructors began a course for Kenyan engineers."],"sources":[{"article":"a1","published":"2023-09-02","evidence":["A course began."]}],"first_reported":"2023-09-02","last_reported":"2023-09-02"}
	// {Records:1 Written:1 Skipped:map[]}
}
