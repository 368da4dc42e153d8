package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"pactwatch/internal/event"
)

// pactwatchBin is the command built once by TestMain.
var pactwatchBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pactwatch-main-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	pactwatchBin = filepath.Join(dir, "pactwatch")
	build := exec.Command("go", "build", "-o", pactwatchBin, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cliResult is what one run of the command gave.
type cliResult struct {
	stdout, stderr string
	code           int
}

// pactwatch runs the built command with stdin and args.
func pactwatch(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	cmd := exec.Command(pactwatchBin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	r := cliResult{stdout: o.String(), stderr: e.String()}
	if x, ok := err.(*exec.ExitError); ok {
		r.code = x.ExitCode()
	} else if err != nil {
		t.Fatalf("run pactwatch %v: %v", args, err)
	}
	return r
}

// Pages written for these tests.
const (
	// agreementEN states a signed defence agreement with a full date.
	agreementEN = "Kenya and Rwanda signed a defence cooperation agreement in Kigali on 4 June 2025. " +
		"The text was signed by the two defence ministers in the presence of senior officers from both armies. " +
		"Officials said it would also cover peace support operations in the region.\n"

	// visitFRHTML is a French visit inside the furniture of a news site.
	visitFRHTML = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Défense : le ministre togolais à Cotonou</title>
<script>window.dataLayer = window.dataLayer || [];</script></head>
<body>
<nav class="menu"><a href="/">Accueil</a> <a href="/politique">Politique</a> <a href="/sport">Sport</a> <a href="/economie">Économie</a></nav>
<article class="post-content">
<h1>Défense : le ministre togolais reçu à Cotonou</h1>
<p>Le ministre togolais de la Défense s'est rendu le jeudi 6 février 2025 à Cotonou, où il a été reçu par son homologue béninois.</p>
<p>Les deux ministres ont fait le point sur la menace jihadiste dans le nord de leurs pays.</p>
<p>La délégation togolaise est repartie le lendemain.</p>
</article>
<aside class="related"><h4>À lire aussi</h4><ul><li><a href="/a/1">Le prix du riz en hausse au marché Dantokpa</a></li><li><a href="/a/2">Football : les Écureuils en stage à Porto-Novo</a></li></ul></aside>
<footer>© 2025 Le Quotidien. Tous droits réservés.</footer>
</body></html>
`

	// tuesdayEN dates a visit by a bare weekday only.
	tuesdayEN = "Zambia's defence minister arrived in Lilongwe on Tuesday for talks with his Malawian counterpart on border security and the fight against cattle rustling. " +
		"The two ministers agreed to meet again before the end of the year.\n"

	// pageNL is in a language the tool does not claim (Dutch).
	pageNL = "De ministers van Defensie van Duitsland en Litouwen hebben maandag in Vilnius gesproken over de stationering van een tankbrigade. " +
		"De brigade moet in 2027 volledig inzetbaar zijn. " +
		"Beide ministers wezen op de nauwe samenwerking binnen de NAVO.\n"
)

// binaryPage is the start of a PNG image.
var binaryPage = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66\x00\x00\x00\x04sBIT\x08\x08\x08\x08")

// pageDir writes files into a fresh folder.
func pageDir(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// goodPages is one plain-text and one HTML page that both report events.
func goodPages() map[string][]byte {
	return map[string][]byte{
		"kenya-rwanda.txt": []byte(agreementEN),
		"togo-benin.html":  []byte(visitFRHTML),
	}
}

// parseJSONL reads stdout as one event per line, failing on any line that
// is not a valid event of the spec.
func parseJSONL(t *testing.T, out string) []event.Event {
	t.Helper()
	var evs []event.Event
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if line == "" {
			t.Errorf("empty line in JSONL output:\n%s", out)
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var e event.Event
		if err := dec.Decode(&e); err != nil {
			t.Errorf("stdout line is not an event: %v\n%s", err, line)
			continue
		}
		if dec.More() {
			t.Errorf("stdout line holds more than one value: %s", line)
		}
		if err := e.Validate(); err != nil {
			t.Errorf("invalid event: %v\n%s", err, line)
		}
		evs = append(evs, e)
	}
	return evs
}

func articles(evs []event.Event) map[string]int {
	m := map[string]int{}
	for _, e := range evs {
		m[e.Article]++
	}
	return m
}

func TestCLIExtractMixedFolder(t *testing.T) {
	files := goodPages()
	files["empty.txt"] = nil
	files["scan.txt"] = binaryPage
	files["presse.txt"] = []byte(pageNL)
	dir := pageDir(t, files)

	r := pactwatch(t, "", "extract", dir)
	if r.code != 1 {
		t.Errorf("exit status %d with bad inputs, want 1\nstderr:\n%s", r.code, r.stderr)
	}

	got := articles(parseJSONL(t, r.stdout))
	for _, a := range []string{"kenya-rwanda", "togo-benin"} {
		if got[a] == 0 {
			t.Errorf("no event with article %q (the file name without extension); articles: %v", a, got)
		}
	}
	for a := range got {
		if a != "kenya-rwanda" && a != "togo-benin" {
			t.Errorf("event for article %q, which is not a good page", a)
		}
	}

	lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
	if len(lines) != 3 {
		t.Errorf("stderr has %d lines, want one per bad input (3):\n%s", len(lines), r.stderr)
	}
	for _, bad := range []string{"empty.txt", "scan.txt", "presse.txt"} {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, bad) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s is named on %d stderr lines, want 1:\n%s", bad, n, r.stderr)
		}
	}
	for good := range goodPages() {
		if strings.Contains(r.stderr, good) {
			t.Errorf("stderr names the good page %s:\n%s", good, r.stderr)
		}
	}
}

func TestCLIExtractAllGood(t *testing.T) {
	dir := pageDir(t, goodPages())
	r := pactwatch(t, "", "extract", dir)
	if r.code != 0 {
		t.Errorf("exit status %d on good input, want 0\nstderr:\n%s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr on good input:\n%s", r.stderr)
	}
	if got := articles(parseJSONL(t, r.stdout)); got["kenya-rwanda"] == 0 || got["togo-benin"] == 0 {
		t.Errorf("articles %v, want events for kenya-rwanda and togo-benin", got)
	}

	// A file given by name works as well as a folder.
	r = pactwatch(t, "", "extract", filepath.Join(dir, "kenya-rwanda.txt"))
	if r.code != 0 {
		t.Errorf("exit status %d on one good file, want 0\nstderr:\n%s", r.code, r.stderr)
	}
	if got := articles(parseJSONL(t, r.stdout)); len(got) != 1 || got["kenya-rwanda"] == 0 {
		t.Errorf("articles %v, want kenya-rwanda only", got)
	}
}

func TestCLIExtractFormats(t *testing.T) {
	dir := pageDir(t, goodPages())
	jsonl := parseJSONL(t, pactwatch(t, "", "extract", dir).stdout)

	r := pactwatch(t, "", "extract", "--format", "json", dir)
	if r.code != 0 {
		t.Fatalf("--format json: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.HasPrefix(strings.TrimSpace(r.stdout), "[") {
		t.Errorf("--format json does not print an array:\n%s", r.stdout)
	}
	var arr []event.Event
	if err := json.Unmarshal([]byte(r.stdout), &arr); err != nil {
		t.Fatalf("--format json: %v\n%s", err, r.stdout)
	}
	if len(arr) != len(jsonl) {
		t.Errorf("--format json printed %d events, jsonl %d", len(arr), len(jsonl))
	}
	for _, e := range arr {
		if err := e.Validate(); err != nil {
			t.Errorf("--format json: invalid event %v: %v", e, err)
		}
	}

	// No events at all is still an array.
	empty := pageDir(t, map[string][]byte{"football.txt": []byte(
		"Morocco beat Senegal 2-0 in Rabat on Saturday evening to reach the final of the Africa Cup of Nations. " +
			"Both national teams defended well in the first half.\n")})
	r = pactwatch(t, "", "extract", "--format", "json", empty)
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("--format json on a page without events: %q, want []", r.stdout)
	}

	r = pactwatch(t, "", "extract", "--format", "table", dir)
	if r.code != 0 {
		t.Fatalf("--format table: exit %d\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	header := strings.Fields(lines[0])
	if len(header) == 0 || header[0] != "ARTICLE" || !strings.Contains(lines[0], "TYPE") || !strings.Contains(lines[0], "COUNTRIES") {
		t.Errorf("--format table: first line is not a header: %q", lines[0])
	}
	if len(lines)-1 != len(jsonl) {
		t.Errorf("--format table: %d rows, want one per event (%d):\n%s", len(lines)-1, len(jsonl), r.stdout)
	}
	for _, l := range lines[1:] {
		if a := strings.Fields(l)[0]; a != "kenya-rwanda" && a != "togo-benin" {
			t.Errorf("--format table row starts with %q, want an article name: %q", a, l)
		}
	}
}

func TestCLIExtractPublished(t *testing.T) {
	dir := pageDir(t, map[string][]byte{"zambia.txt": []byte(tuesdayEN)})
	r := pactwatch(t, "", "extract", "--published", "2025-03-14", dir)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	evs := parseJSONL(t, r.stdout)
	found := false
	for _, e := range evs {
		if e.Type == event.Meeting && strings.Join(e.Countries, ",") == "MWI,ZMB" {
			found = true
			if e.Date != "2025-03-11" {
				t.Errorf("\"on Tuesday\" published 2025-03-14 (a Friday): date %q, want 2025-03-11", e.Date)
			}
		}
	}
	if !found {
		t.Errorf("no meeting MWI,ZMB:\n%s", r.stdout)
	}

	// Without a publication date a bare weekday names no day.
	for _, e := range parseJSONL(t, pactwatch(t, "", "extract", dir).stdout) {
		if e.Date == "2025-03-11" {
			t.Errorf("date 2025-03-11 without --published: %v", e)
		}
	}
}

func TestCLIExtractStdin(t *testing.T) {
	r := pactwatch(t, agreementEN, "extract", "-")
	if r.code != 0 {
		t.Fatalf("extract -: exit %d\n%s", r.code, r.stderr)
	}
	evs := parseJSONL(t, r.stdout)
	if len(evs) == 0 {
		t.Fatalf("extract -: no events")
	}
	for _, e := range evs {
		if e.Article != "stdin" {
			t.Errorf("article %q from stdin, want \"stdin\"", e.Article)
		}
	}

	// Standard input in an HTML body is read as HTML.
	r = pactwatch(t, visitFRHTML, "extract", "--format", "json", "-")
	var arr []event.Event
	if err := json.Unmarshal([]byte(r.stdout), &arr); err != nil || len(arr) == 0 {
		t.Errorf("extract --format json - on HTML: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}

	// Empty standard input is a bad input.
	r = pactwatch(t, "", "extract", "-")
	if r.code != 1 || !strings.Contains(r.stderr, "-") {
		t.Errorf("empty stdin: exit %d, stderr %q; want 1 and a line naming -", r.code, r.stderr)
	}
}

func TestCLIUsageErrors(t *testing.T) {
	dir := pageDir(t, goodPages())
	gold := pageDir(t, map[string][]byte{"kenya-rwanda.json": []byte(`{"article":"kenya-rwanda","language":"en","events":[]}`)})
	for _, args := range [][]string{
		{"extract", "--nope", dir},
		{"extract", "--format", "xml", dir},
		{"extract", "--format", "csv", dir},
		{"extract", "--format", "JSON", dir},
		{"extract", "--published", "14/03/2025", dir},
		{"extract"},
		{"eval", "--nope", "--gold", gold, dir},
		{"eval", dir},
		{"bench", "--nope", dir},
		{"nonsense", dir},
		{},
	} {
		r := pactwatch(t, "", args...)
		if r.code != 2 {
			t.Errorf("pactwatch %s: exit %d, want 2", strings.Join(args, " "), r.code)
		}
		if r.stdout != "" {
			t.Errorf("pactwatch %s: printed on stdout:\n%s", strings.Join(args, " "), r.stdout)
		}
		if r.stderr == "" {
			t.Errorf("pactwatch %s: says nothing on stderr", strings.Join(args, " "))
		}
	}
}

func TestCLIEval(t *testing.T) {
	pages := pageDir(t, map[string][]byte{"kenya-rwanda.txt": []byte(agreementEN)})
	gold := pageDir(t, map[string][]byte{"kenya-rwanda.json": []byte(`{"article":"kenya-rwanda","language":"en","events":[
		{"type":"agreement","countries":["KEN","RWA"],"date":"2025-06-04","location":{"name":"Kigali","country":"RWA"},
		 "agreement":{"kind":"defence cooperation agreement","stage":"signed"},"required":true}]}`)})

	r := pactwatch(t, "", "eval", "--gold", gold, pages)
	if r.code != 0 {
		t.Fatalf("eval: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var overall string
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, "overall") {
			overall = l
		}
	}
	if overall == "" {
		t.Fatalf("eval prints no overall line:\n%s", r.stdout)
	}
	// overall tp fp fn P R F1
	if f := strings.Fields(overall); len(f) != 7 || f[1] != "1" || f[2] != "0" || f[3] != "0" || f[6] != "1.000" {
		t.Errorf("overall line %q, want 1 true positive, no errors, F1 1.000\n%s", overall, r.stdout)
	}
	if !strings.Contains(r.stdout, "attributes:") {
		t.Errorf("eval prints no attributes line:\n%s", r.stdout)
	}

	r = pactwatch(t, "", "eval", "--json", "--gold", gold, pages)
	if r.code != 0 {
		t.Fatalf("eval --json: exit %d\n%s", r.code, r.stderr)
	}
	var summary struct {
		Overall    map[string]float64            `json:"overall"`
		ByLanguage map[string]map[string]float64 `json:"by_language"`
		Attributes map[string]float64            `json:"attributes"`
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &keys); err != nil {
		t.Fatalf("eval --json is not a JSON object: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"overall", "by_language", "attributes"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("eval --json lacks %q:\n%s", k, r.stdout)
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &summary); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, r.stdout)
	}
	if summary.Overall["f1"] != 1 || summary.Overall["tp"] != 1 {
		t.Errorf("eval --json overall %v, want tp 1 and f1 1", summary.Overall)
	}
	if summary.ByLanguage["en"]["f1"] != 1 {
		t.Errorf("eval --json by_language %v, want en with f1 1", summary.ByLanguage)
	}
	for _, a := range []string{"date", "location", "stage"} {
		if v, ok := summary.Attributes[a]; !ok || v != 1 {
			t.Errorf("eval --json attributes[%q] = %v (present %v), want 1", a, v, ok)
		}
	}

	// A false positive on a negative page shows in the counts.
	neg := pageDir(t, map[string][]byte{"kenya-rwanda.json": []byte(`{"article":"kenya-rwanda","language":"en","events":[]}`)})
	r = pactwatch(t, "", "eval", "--json", "--gold", neg, pages)
	if err := json.Unmarshal([]byte(r.stdout), &summary); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, r.stdout)
	}
	if summary.Overall["fp"] == 0 {
		t.Errorf("eval --json against an empty gold: overall %v, want false positives", summary.Overall)
	}
}

func TestCLIBench(t *testing.T) {
	dir := pageDir(t, goodPages())
	r := pactwatch(t, "", "bench", "--rounds", "2", dir)
	if r.code != 0 {
		t.Fatalf("bench: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	m := regexp.MustCompile(`([0-9.]+) pages/s`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("bench prints no pages/s:\n%s", r.stdout)
	}
	if v, err := strconv.ParseFloat(m[1], 64); err != nil || v <= 0 {
		t.Errorf("bench pages/s = %q, want a positive number", m[1])
	}
	if !strings.Contains(r.stdout, "pages 4 (2 files x 2 rounds)") {
		t.Errorf("bench does not count 2 files x 2 rounds:\n%s", r.stdout)
	}
}
