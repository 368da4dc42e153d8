package export

import (
	"bufio"
	"encoding/json"
	"io"

	"pactwatch/internal/event"
)

// jsonlWriter writes one record per line as event.Record marshals, with
// HTML characters (< > &) left as they are.
type jsonlWriter struct {
	base
	bw  *bufio.Writer
	enc *json.Encoder
}

func newJSONL(w io.Writer) *jsonlWriter {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{base: base{format: "jsonl"}, bw: bw, enc: enc}
}

func (j *jsonlWriter) Write(r event.Record) error {
	if err := j.begin(); err != nil {
		return err
	}
	if err := j.enc.Encode(r); err != nil { // Encode ends the line
		return j.fail(r, err)
	}
	j.counts.Written++
	return nil
}

func (j *jsonlWriter) Close() error {
	if err := j.finish(); err != nil {
		return err
	}
	return j.bw.Flush()
}
