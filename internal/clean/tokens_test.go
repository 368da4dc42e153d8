package clean

import (
	"reflect"
	"testing"
	"time"
)

func TestCutSiteName(t *testing.T) {
	const h = "Two navies agree on joint night patrols"
	cases := []struct {
		title, site, want string
	}{
		{h + " | The Coastal Ledger", "", h},
		{h + " - Coastal Ledger", "", h},
		{h + " – Ledger", "", h},
		{h + " — Ledger", "", h},
		{"The Coastal Ledger | " + h, "", h},
		{"Ledger :: " + h, "", h},
		{"Coastal Ledger - " + h, "Coastal Ledger", h},
		{h + " - COASTAL LEDGER", "Coastal Ledger", h},
		{"Coastal Ledger - " + h, "", "Coastal Ledger - " + h}, // a dash prefix needs the site's name
		{"Kenya - Somalia sea border talks resume", "", "Kenya - Somalia sea border talks resume"},
		{"Kenya - Somalia talks resume - Daily Ledger", "", "Kenya - Somalia talks resume"},
		{h, "", h},
		{h + " | News | Ledger", "Ledger", h + " | News"},
	}
	for _, c := range cases {
		if got := cutSiteName(c.title, c.site); got != c.want {
			t.Errorf("cutSiteName(%q, %q) = %q, want %q", c.title, c.site, got, c.want)
		}
	}
	if got := headline("Home | The Coastal Ledger", ""); got != "" {
		t.Errorf("a bare section title gave the headline %q", got)
	}
}

// TestReadTokens checks the tag-by-tag reader on a page with an unclosed
// <head>, furniture elements, a list of links and metadata.
func TestReadTokens(t *testing.T) {
	src := `<!DOCTYPE html><html lang="pt-BR"><head><title>Marinhas fazem patrulha conjunta | Diário</title>
<meta property="og:title" content="Marinhas fazem patrulha conjunta">
<meta name="date" content="2024-06-10">
<script>var x = "<p>not text</p>";</script>
<body>
<nav><a href="/">Início</a><a href="/mundo">Mundo</a></nav>
<div class="share-tools">Partilhar no Facebook</div>
<h1>As duas marinhas fazem a <em>primeira</em> patrulha conjunta</h1>
<p>Os navios partiram do porto na segunda-feira para uma patrulha de duas semanas.<br>A missão segue o acordo assinado em março.</p>
<ul><li><a href="/a">Outra notícia sobre o porto</a></li><li><a href="/b">Mais uma notícia</a></li></ul>
<div style="display: none">Texto escondido</div>
<p>Ver <a href="/c">o acordo completo</a> e os seus anexos no sítio oficial do ministério.</p>
<aside>Leia também: greve no porto</aside>
<footer>Todos os direitos reservados</footer>`
	doc := readTokens(src)
	want := []string{
		"Os navios partiram do porto na segunda-feira para uma patrulha de duas semanas.",
		"A missão segue o acordo assinado em março.",
		"Ver o acordo completo e os seus anexos no sítio oficial do ministério.",
	}
	heading := "As duas marinhas fazem a primeira patrulha conjunta"
	if got := doc.blocks; !reflect.DeepEqual(got, append([]string{heading}, want...)) {
		t.Errorf("blocks:\n  got  %q\n  want %q", got, append([]string{heading}, want...))
	}
	if doc.heading != heading {
		t.Errorf("heading %q, want %q", doc.heading, heading)
	}
	if doc.title != "Marinhas fazem patrulha conjunta | Diário" || doc.ogTitle != "Marinhas fazem patrulha conjunta" {
		t.Errorf("title %q, og:title %q", doc.title, doc.ogTitle)
	}
	if doc.lang != "pt-br" || !doc.published.Equal(time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("lang %q, published %v", doc.lang, doc.published)
	}
	if len(doc.warnings) != 0 {
		t.Errorf("warnings %q", doc.warnings)
	}
}
