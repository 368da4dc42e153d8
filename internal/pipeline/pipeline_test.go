package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pactwatch/internal/evaluate"
	"pactwatch/internal/event"
	"pactwatch/internal/lang"
	"pactwatch/internal/page"
	"pactwatch/internal/source"
)

// today is fixed so the weekday rule gives the same answers every year.
var today = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

func newPipeline(t testing.TB) *Pipeline {
	t.Helper()
	p, err := New(Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// runDir extracts every page of a folder.
func runDir(t *testing.T, p *Pipeline, dir string) []event.Event {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []event.Event
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Run(context.Background(), FileArticle(f, raw))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, e := range res.Events() {
			if err := e.Validate(); err != nil {
				t.Errorf("%s: invalid event: %v", f, err)
			}
			if len(e.Evidence) == 0 {
				t.Errorf("%s: event %s has no evidence", f, e.Key())
			}
		}
		out = append(out, res.Events()...)
	}
	return out
}

// The corpus written for this project: every claimed language, positives
// and close negatives. The floors guard against regressions; the measured
// numbers are in the README.
func TestCorpus(t *testing.T) {
	gold, err := evaluate.LoadGold("../../testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	evs := runDir(t, newPipeline(t), "../../testdata/corpus")
	all := evaluate.Score(gold, evs)
	t.Logf("corpus: P=%.3f R=%.3f F1=%.3f", all.Overall.Precision(), all.Overall.Recall(), all.Overall.F1())
	// the first eight languages and the ten that joined later
	older, olderEvs, newer, newerEvs := split(gold, evs, func(name string) bool {
		l, _, _ := strings.Cut(name, "_")
		return firstLangs[l]
	})
	r := evaluate.Score(older, olderEvs)
	first, firstEvs, _, _ := split(older, olderEvs, func(name string) bool {
		n := strings.SplitN(name, "_", 3)
		return len(n) == 3 && n[1] <= "07"
	})
	f := evaluate.Score(first, firstEvs)
	t.Logf("first %d pages: F1=%.3f", len(first), f.Overall.F1())
	if f.Overall.F1() < firstCorpusFloor {
		t.Errorf("first %d pages: F1 %.3f below %.2f", len(first), f.Overall.F1(), firstCorpusFloor)
	}
	if f := r.Overall.F1(); f < corpusFloor {
		t.Errorf("corpus F1 %.3f below %.2f", f, corpusFloor)
	}
	for l, c := range r.ByLang {
		t.Logf("%s: F1=%.3f (tp %d fp %d fn %d)", l, c.F1(), c.TP, c.FP, c.FN)
		if c.F1() < langFloor {
			t.Errorf("%s: F1 %.3f below %.2f", l, c.F1(), langFloor)
		}
	}
	t.Logf("negative pages clean: %d of %d", r.CleanNegative, r.Negatives)
	if r.Negatives-r.CleanNegative > negativeMisses {
		t.Errorf("negative pages with false events: %d, at most %d", r.Negatives-r.CleanNegative, negativeMisses)
	}
	if len(newer) == 0 {
		return
	}
	all10 := evaluate.Score(newer, newerEvs)
	t.Logf("new languages: F1=%.3f, negative pages clean: %d of %d", all10.Overall.F1(), all10.CleanNegative, all10.Negatives)
	if all10.Overall.F1() < newCorpusFloor {
		t.Errorf("new languages: F1 %.3f below %.2f", all10.Overall.F1(), newCorpusFloor)
	}
	// the pages added later have floors of their own; the per-language
	// floors stay on the pages the languages joined with
	grown, grownEvs, joined, joinedEvs := split(newer, newerEvs, added)
	if len(grown) > 0 {
		g := evaluate.Score(grown, grownEvs)
		t.Logf("added pages: F1=%.3f, negative pages clean: %d of %d", g.Overall.F1(), g.CleanNegative, g.Negatives)
		if g.Overall.F1() < addedFloor {
			t.Errorf("added pages: F1 %.3f below %.2f", g.Overall.F1(), addedFloor)
		}
		if g.Negatives-g.CleanNegative > addedNegMisses {
			t.Errorf("added negative pages with false events: %d, at most %d", g.Negatives-g.CleanNegative, addedNegMisses)
		}
	}
	n := evaluate.Score(joined, joinedEvs)
	for l, c := range n.ByLang {
		t.Logf("%s: F1=%.3f (tp %d fp %d fn %d)", l, c.F1(), c.TP, c.FP, c.FN)
		if c.F1() < newLangFloor {
			t.Errorf("%s: F1 %.3f below %.2f", l, c.F1(), newLangFloor)
		}
		for _, a := range []string{"date", "location", "initiator"} {
			floor := newAttrFloor
			if a == "location" {
				floor = newLocFloor
			}
			if v := n.LangAttrs[l][a]; v == nil || v.N == 0 || v.Value() < floor {
				t.Errorf("%s: %s %v below %.2f", l, a, v, floor)
			}
		}
	}
	if n.Negatives-n.CleanNegative > newNegMisses {
		t.Errorf("new languages' negative pages with false events: %d, at most %d", n.Negatives-n.CleanNegative, newNegMisses)
	}
}

// split parts gold files and their events by the article's name: those
// keep takes, and the rest.
func split(gold map[string]event.Gold, evs []event.Event, keep func(name string) bool) (in map[string]event.Gold, inEvs []event.Event, out map[string]event.Gold, outEvs []event.Event) {
	in, out = map[string]event.Gold{}, map[string]event.Gold{}
	for name, g := range gold {
		if keep(name) {
			in[name] = g
		} else {
			out[name] = g
		}
	}
	for _, e := range evs {
		if _, ok := in[e.Article]; ok {
			inEvs = append(inEvs, e)
		} else if _, ok := out[e.Article]; ok {
			outEvs = append(outEvs, e)
		}
	}
	return in, inEvs, out, outEvs
}

// The shared devset, when it is beside the repository.
func TestDevset(t *testing.T) {
	dir := "../../../shared/devset"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/devset not present")
	}
	gold, err := evaluate.LoadGold(filepath.Join(dir, "gold"))
	if err != nil {
		t.Fatal(err)
	}
	r := evaluate.Score(gold, runDir(t, newPipeline(t), filepath.Join(dir, "articles")))
	t.Logf("devset: P=%.3f R=%.3f F1=%.3f", r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1())
	if f := r.Overall.F1(); f < devsetFloor {
		t.Errorf("devset F1 %.3f below %.2f", f, devsetFloor)
	}
	for _, n := range []string{"date", "location", "initiator", "stage", "persons"} {
		if v := r.Attrs[n].Value(); v < 0.8 {
			t.Errorf("devset %s accuracy %.3f below 0.80", n, v)
		}
	}
}

// Bad input gets a clear error and never a panic.
func TestBadInput(t *testing.T) {
	p := newPipeline(t)
	cases := []struct {
		name string
		raw  []byte
		want error
	}{
		{"empty.txt", nil, page.ErrEmpty},
		{"binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}, page.ErrBinary},
		{"dutch.txt", []byte("De minister van Defensie heeft dinsdag de troepen bezocht, en hij zei dat de samenwerking met de partners belangrijk is en dat die niet zal stoppen."), lang.ErrUnsupported},
	}
	for _, c := range cases {
		_, err := p.Run(context.Background(), FileArticle(c.name, c.raw))
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	cp1252 := []byte("Le ministre de la D\xe9fense du S\xe9n\xe9gal a re\xe7u son homologue malien \xe0 Dakar pour des entretiens sur la coop\xe9ration militaire entre les deux pays.")
	res, err := p.Run(context.Background(), FileArticle("latin1.txt", cp1252))
	if err != nil || len(res.Page.Warnings) == 0 {
		t.Fatalf("windows-1252 page: err %v, warnings %v", err, res.Page.Warnings)
	}
	if !strings.Contains(res.Page.Text(), "Défense") {
		t.Errorf("windows-1252 not decoded: %q", res.Page.Text())
	}
}

// FuzzRun feeds arbitrary bytes through every stage: nothing may panic.
func FuzzRun(f *testing.F) {
	f.Add([]byte("Le général X a rencontré son homologue kényan à Nairobi le 3 mars 2024."), false)
	f.Add([]byte("<html><body><article><p>وزير الدفاع الكيني التقى سفير فرنسا</p></article></body></html>"), true)
	p := newPipeline(f)
	f.Fuzz(func(t *testing.T, raw []byte, html bool) {
		name := "f.txt"
		if html {
			name = "f.html"
		}
		p.Run(context.Background(), FileArticle(name, raw))
	})
}

// The page's own publication date wins over the one given by the user,
// which fills in only for pages that state none; the origin says which.
func TestPublishedPrecedence(t *testing.T) {
	p := newPipeline(t)
	flag := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	body := "Kenya and France sign a defence pact\n\nKenya and France signed a defence cooperation agreement in Nairobi on Tuesday, the defence ministry said.\n"
	meta := `<html><head><meta property="article:published_time" content="2024-06-05T10:00:00Z"></head><body><article><h1>Kenya and France sign a defence pact</h1><p>Kenya and France signed a defence cooperation agreement in Nairobi on Tuesday, the defence ministry said.</p></article></body></html>`
	cases := []struct {
		name, file, raw string
		fallback        time.Time
		want            string
		from            source.Origin
	}{
		{"metadata beats the flag", "a.html", meta, flag, "2024-06-05", source.OriginMetadata},
		{"dateline beats the flag", "b.txt", "NAIROBI, 12 March 2024 - " + body, flag, "2024-03-12", source.OriginDateline},
		{"flag fills in", "c.txt", body, flag, "2025-01-02", source.OriginFlag},
		{"nothing known", "d.txt", body, time.Time{}, "", source.OriginNone},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := FileArticle(c.file, []byte(c.raw))
			a.Fallback = c.fallback
			res, err := p.Run(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !res.Article.Published.IsZero() {
				got = res.Article.Published.Format("2006-01-02")
			}
			if got != c.want || res.Article.PublishedFrom != c.from {
				t.Errorf("published = %q (%q), want %q (%q)", got, res.Article.PublishedFrom, c.want, c.from)
			}
			for _, m := range res.Mentions {
				if m.Published != c.want {
					t.Errorf("mention published = %q, want %q", m.Published, c.want)
				}
			}
		})
	}
}

// Every evidence sentence has a span, and the span points at that sentence
// in the cleaned text.
func TestEvidenceSpans(t *testing.T) {
	p := newPipeline(t)
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*"))
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	n := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Run(context.Background(), FileArticle(f, raw))
		if err != nil {
			continue
		}
		text := res.Text()
		for _, m := range res.Mentions {
			if len(m.Spans) != len(m.Evidence) {
				t.Fatalf("%s: %d spans for %d evidence sentences", f, len(m.Spans), len(m.Evidence))
			}
			for i, sp := range m.Spans {
				if sp.End <= sp.Start || sp.End > len(text) {
					t.Fatalf("%s: span %v outside the text (%d bytes)", f, sp, len(text))
				}
				if got := strings.Join(strings.Fields(text[sp.Start:sp.End]), " "); got != m.Evidence[i] {
					t.Errorf("%s: span %v reads %q, evidence is %q", f, sp, got, m.Evidence[i])
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no evidence span checked")
	}
}

// A page in two languages gives the events of both: each block is read in
// its own language when it is long enough to tell.
func TestBilingualPage(t *testing.T) {
	p := newPipeline(t)
	page := "Coopération militaire : le Sénégal et la Mauritanie renforcent leurs liens\n\n" +
		"Le ministre sénégalais des Forces armées a été reçu le mardi 4 mars 2025 à Nouakchott par son homologue mauritanien pour des entretiens sur la sécurité de la frontière commune et sur la lutte contre les groupes armés dans la région.\n\n" +
		"Les deux délégations ont également évoqué la formation des officiers et le partage de renseignements entre les deux armées, selon un communiqué publié à l'issue de la rencontre.\n\n" +
		"English version\n\n" +
		"Ghana and Togo signed a defence cooperation agreement in Accra on 6 March 2025, the Ghanaian defence ministry said in a statement, covering joint border patrols and the training of officers from both armies.\n\n" +
		"The agreement was signed by the two defence ministers in the presence of senior commanders, and officials said the first joint patrols would start along the northern border later this year.\n"
	res, err := p.Run(context.Background(), FileArticle("bilingual.txt", []byte(page)))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range res.Mentions {
		got[m.Key()] = m.Language
	}
	if got["meeting|MRT,SEN"] != "fr" || got["agreement|GHA,TGO"] != "en" {
		t.Errorf("events by key and language: %v; want the French meeting and the English agreement", got)
	}
	text := res.Text()
	for _, m := range res.Mentions {
		for i, sp := range m.Spans {
			if got := strings.Join(strings.Fields(text[sp.Start:sp.End]), " "); got != m.Evidence[i] {
				t.Errorf("span %v reads %q, evidence is %q", sp, got, m.Evidence[i])
			}
		}
	}
}
