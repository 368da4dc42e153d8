package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"pactwatch/internal/event"
)

// binary is the command TestMain built for every test of the package.
func binary(t *testing.T) string {
	t.Helper()
	if pactwatchBin == "" {
		t.Fatal("TestMain did not build the command")
	}
	return pactwatchBin
}

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if x, ok := err.(*exec.ExitError); ok {
		code = x.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// Pages written for this test.
const (
	visitFR = "Le ministre sénégalais des Forces armées a été reçu mardi 4 mars 2025 à Nouakchott par son homologue mauritanien pour des entretiens sur la sécurité de la frontière entre les deux pays.\n"
	visitEN = "<html><body><article><h1>Ghana and Togo chiefs meet</h1><p>Ghana's Chief of Defence Staff held talks with his Togolese counterpart in Lomé on Tuesday on joint patrols against armed groups along the border between the two countries.</p></article></body></html>"
	dutch   = "De minister van Defensie heeft dinsdag de troepen bezocht en gezegd dat de samenwerking met de partners belangrijk is en niet zal stoppen.\n"
)

func writePages(t *testing.T, pages map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExtractContract(t *testing.T) {
	dir := writePages(t, map[string][]byte{
		"senegal.txt": []byte(visitFR),
		"ghana.html":  []byte(visitEN),
		"empty.txt":   nil,
		"blob.txt":    {0x7f, 'E', 'L', 'F', 0, 1, 2, 3},
		"dutch.txt":   []byte(dutch),
	})
	out, errs, code := run(t, "", "extract", dir)
	if code != 1 {
		t.Errorf("exit status %d with bad inputs, want 1", code)
	}
	for _, name := range []string{"empty.txt", "blob.txt", "dutch.txt"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errs)
		}
	}
	if n := strings.Count(strings.TrimSpace(errs), "\n") + 1; n != 3 {
		t.Errorf("want one stderr line per bad input, got %d:\n%s", n, errs)
	}
	articles := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e event.Event
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("stdout line is not an event: %q: %v", line, err)
		}
		if err := e.Validate(); err != nil {
			t.Errorf("invalid event %s: %v", line, err)
		}
		articles[e.Article] = true
	}
	if !articles["senegal"] || !articles["ghana"] {
		t.Errorf("events for %v, want senegal and ghana", articles)
	}

	good := writePages(t, map[string][]byte{"senegal.txt": []byte(visitFR)})
	if _, _, code := run(t, "", "extract", good); code != 0 {
		t.Errorf("exit status %d on good input, want 0", code)
	}
	out, _, _ = run(t, "", "extract", "--format", "json", good)
	var arr []event.Event
	if err := json.Unmarshal([]byte(out), &arr); err != nil || len(arr) == 0 {
		t.Errorf("--format json: %v %q", err, out)
	}
	out, _, _ = run(t, "", "extract", "--format", "table", good)
	if !strings.HasPrefix(out, "ARTICLE") {
		t.Errorf("--format table has no header: %q", out)
	}
	out, _, code = run(t, visitFR, "extract", "-")
	if code != 0 || !strings.Contains(out, `"article":"stdin"`) {
		t.Errorf("stdin: %d %q", code, out)
	}
	if _, _, code := run(t, "", "extract", "--format", "xml", good); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
	if _, _, code := run(t, "", "nonsense"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

// --published resolves a weekday against the given date.
func TestExtractPublished(t *testing.T) {
	dir := writePages(t, map[string][]byte{"ghana.html": []byte(visitEN)})
	out, _, _ := run(t, "", "extract", "--published", "2025-03-14", dir)
	if !strings.Contains(out, `"date":"2025-03-11"`) {
		t.Errorf("Tuesday before 2025-03-14 not resolved to 2025-03-11: %s", out)
	}
	if _, _, code := run(t, "", "extract", "--published", "14/03/2025", dir); code != 2 {
		t.Errorf("bad --published: exit %d, want 2", code)
	}
}

func TestEval(t *testing.T) {
	pages := writePages(t, map[string][]byte{"senegal.txt": []byte(visitFR)})
	gold := writePages(t, map[string][]byte{"senegal.json": []byte(`{"article":"senegal","language":"fr","events":[
		{"type":"meeting","countries":["MRT","SEN"],"initiator":"SEN","date":"2025-03-04","required":true}]}`)})
	out, _, code := run(t, "", "eval", "--gold", gold, pages)
	if code != 0 || !strings.Contains(out, "overall") {
		t.Fatalf("eval: exit %d\n%s", code, out)
	}
	out, _, _ = run(t, "", "eval", "--json", "--gold", gold, pages)
	var summary map[string]any
	if err := json.Unmarshal([]byte(out), &summary); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, out)
	}
	for _, k := range []string{"overall", "by_language", "attributes", "negative_pages"} {
		if _, ok := summary[k]; !ok {
			t.Errorf("eval --json lacks %q", k)
		}
	}
	if f1 := summary["overall"].(map[string]any)["f1"]; f1 != 1.0 {
		t.Errorf("overall F1 = %v on a page that reports the gold event, want 1\n%s", f1, out)
	}
}

func TestBench(t *testing.T) {
	pages := writePages(t, map[string][]byte{"senegal.txt": []byte(visitFR)})
	out, _, code := run(t, "", "bench", "--rounds", "2", pages)
	if code != 0 || !strings.Contains(out, "pages/s") || !strings.Contains(out, "peak RSS") {
		t.Errorf("bench: exit %d\n%s", code, out)
	}
}
