package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"pactwatch/internal/event"
)

func TestJSONL(t *testing.T) {
	recs := records()
	out, counts := export(t, "jsonl", Options{}, recs)
	golden(t, "records.jsonl", out)

	sc := bufio.NewScanner(bytes.NewReader(out))
	var got []event.Record
	for sc.Scan() {
		var r event.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", len(got)+1, err)
		}
		got = append(got, r)
	}
	if !reflect.DeepEqual(got, recs) {
		t.Errorf("records read back differ from those written:\n got %+v\nwant %+v", got, recs)
	}
	if counts.Records != len(recs) || counts.Written != len(recs) || len(counts.Skipped) != 0 {
		t.Errorf("counts = %+v, want %d written, none skipped", counts, len(recs))
	}
	text := string(out)
	for _, want := range []string{"<maritime> training & logistics", `"first_reported":"2024-06-12"`,
		`"stages":[{"stage":"proposed","date":"2023-11"`, `"alternatives":[{"field":"date","value":"2024-05"`,
		"الإسكندرية", `\"patrol together, more often\"`} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(text, `\u003c`) || strings.Contains(text, `\u0026`) {
		t.Error("HTML characters are escaped")
	}
}
