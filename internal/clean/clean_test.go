package clean_test

import (
	"strings"
	"testing"
	"time"

	"pactwatch/internal/clean"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/page"
)

func newCleaner(t *testing.T) *clean.Cleaner {
	t.Helper()
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatalf("lexicon.Load: %v", err)
	}
	return clean.New(lx)
}

func cleanPage(t *testing.T, c *clean.Cleaner, name, raw string) *page.Page {
	t.Helper()
	p, err := page.New(name, []byte(raw))
	if err != nil {
		t.Fatalf("page.New(%s): %v", name, err)
	}
	c.Clean(p)
	return p
}

func blockTexts(p *page.Page) []string {
	out := make([]string, len(p.Blocks))
	for i, b := range p.Blocks {
		out[i] = b.Text
	}
	return out
}

// checkOffsets verifies that every block with a known offset points at its
// own text in the page source.
func checkOffsets(t *testing.T, p *page.Page) {
	t.Helper()
	for i, b := range p.Blocks {
		if b.Offset == -1 {
			continue
		}
		if b.Offset < 0 || b.Offset+len(b.Text) > len(p.Source) {
			t.Errorf("block %d %q: offset %d out of range (source is %d bytes)", i, b.Text, b.Offset, len(p.Source))
			continue
		}
		if got := p.Source[b.Offset : b.Offset+len(b.Text)]; got != b.Text {
			t.Errorf("block %d: Source[%d:%d] = %q, want %q", i, b.Offset, b.Offset+len(b.Text), got, b.Text)
		}
	}
}

// An English page built around an <article>, with every kind of furniture.
const articlePage = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour patrol scheme agreed | The Coastal Ledger</title>
<meta property="article:published_time" content="2024-03-19T08:30:00+00:00">
<style>body { font-family: serif; } .tracker-pixel { display: none; }</style>
<script>var trackerPayload = "pageview beacon for analytics";</script>
</head>
<body>
<header class="site-header">
  <div class="logo">The Coastal Ledger</div>
  <nav><ul>
    <li><a href="/">Home</a></li>
    <li><a href="/world">World</a></li>
    <li><a href="/defence">Defence desk</a></li>
  </ul></nav>
</header>
<div id="cookie-consent">This site stores small crumbs on your device to remember your settings. <button>Accept all</button></div>
<main>
<article>
  <h1>Two navies settle on a shared harbour patrol scheme</h1>
  <div class="share-buttons"><a href="#">Send to a friend</a> <a href="#">Post on the bird site</a></div>
  <p>Officials from both coastal states said on Tuesday that their fleets would start joint night patrols along the busy shipping lane.</p>
  <p>The plan, drafted over several months of quiet talks, also sets up a common radio channel and a weekly swap of sighting reports.</p>
  <script>document.write("inline advertising slot number seven");</script>
  <style>p.lede { margin-top: 0; }</style>
  <p>Observers expect the first combined patrol to leave port before the rainy season starts.</p>
  <section class="comments-area">
    <h3>3 responses</h3>
    <div class="comment-body"><p>Wonderful news for the fishing villages along the shore, finally some hope.</p></div>
  </section>
</article>
<aside class="related-stories">
  <h3>More from the coast</h3>
  <ul>
    <li><a href="/a">Dock workers end their two-week walkout</a></li>
    <li><a href="/b">A new lighthouse opens on the southern cape</a></li>
  </ul>
</aside>
</main>
<footer><p>Copyright 2024 The Coastal Ledger, every right kept.</p><a href="/privacy">Privacy notice</a></footer>
</body>
</html>`

// A French page without <article>: the body sits in a plain div next to a
// column of links, and carries a list of links inside it.
const divPage = `<html lang="fr">
<head><title>Exercice naval conjoint | Le Courrier du Large</title></head>
<body>
<div class="top"><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/defense">Défense</a></div>
<div class="col-left">
  <ul>
    <li><a href="/x">Les dockers reprennent le travail après deux semaines</a></li>
    <li><a href="/y">Un phare neuf s'allume sur le cap sud</a></li>
    <li><a href="/z">La saison de pêche s'ouvre plus tôt cette année</a></li>
  </ul>
</div>
<div class="story">
  <h1>Deux marines préparent un exercice commun au large</h1>
  <p class="dateline">Publié le <time datetime="2023-11-02T10:00:00Z">2 novembre 2023</time></p>
  <p>Les états-majors des deux pays ont annoncé jeudi un exercice naval conjoint prévu pour la fin du mois.</p>
  <p>Une dizaine de bâtiments doivent y prendre part, ainsi que deux avions de patrouille maritime.</p>
  <ul>
    <li><a href="/p">Le port rouvre ses quais</a></li>
    <li><a href="/q">Un nouveau remorqueur baptisé</a></li>
  </ul>
  <p>Les manœuvres porteront surtout sur la lutte contre la pêche illégale et la contrebande.</p>
</div>
<div class="footer-links"><a href="/mentions">Mentions légales</a> <a href="/contact">Contact</a></div>
</body>
</html>`

// An opinion page whose body container is named "commentary".
const opinionPage = `<html lang="en">
<head><meta name="date" content="2024-04-02"><title>Patrol pact | Harbour Views</title></head>
<body>
<article>
  <h1>Why the new patrol pact matters for small navies</h1>
  <div class="commentary-text">
    <p>Small coastal navies rarely have the hulls to watch every cove, so pooling night patrols makes plain sense.</p>
    <p>The harder part will be agreeing who commands a mixed crew when a chase crosses the maritime border.</p>
  </div>
  <div class="newsletter-box"><p>Newsletter: Sign up for our weekly harbour digest and never miss a tide.</p></div>
</article>
</body>
</html>`

func TestCleanHTML(t *testing.T) {
	c := newCleaner(t)
	cases := []struct {
		name      string
		raw       string
		want      []string // blocks, in order
		furniture []string // text that must not appear in any block
		published time.Time
		lang      string
		gap       string // a known gap: the cleaner gets this page wrong today
	}{
		{
			name: "article.html",
			raw:  articlePage,
			want: []string{
				"Two navies settle on a shared harbour patrol scheme",
				"Officials from both coastal states said on Tuesday that their fleets would start joint night patrols along the busy shipping lane.",
				"The plan, drafted over several months of quiet talks, also sets up a common radio channel and a weekly swap of sighting reports.",
				"Observers expect the first combined patrol to leave port before the rainy season starts.",
			},
			furniture: []string{
				"Coastal Ledger", "Home", "Defence desk", "crumbs", "Accept all",
				"Send to a friend", "bird site", "inline advertising", "margin-top",
				"trackerPayload", "font-family", "responses", "fishing villages",
				"More from the coast", "Dock workers", "lighthouse", "every right kept", "Privacy notice",
			},
			published: time.Date(2024, 3, 19, 8, 30, 0, 0, time.UTC),
			lang:      "en-gb",
		},
		{
			name: "story.html",
			raw:  divPage,
			want: []string{
				"Deux marines préparent un exercice commun au large",
				"Les états-majors des deux pays ont annoncé jeudi un exercice naval conjoint prévu pour la fin du mois.",
				"Une dizaine de bâtiments doivent y prendre part, ainsi que deux avions de patrouille maritime.",
				"Les manœuvres porteront surtout sur la lutte contre la pêche illégale et la contrebande.",
			},
			furniture: []string{
				"Accueil", "Monde", "dockers", "phare", "saison de pêche", "rouvre ses quais",
				"remorqueur", "Mentions légales", "Contact", "Publié le",
			},
			published: time.Date(2023, 11, 2, 10, 0, 0, 0, time.UTC),
			lang:      "fr",
		},
		{
			name: "opinion.html",
			raw:  opinionPage,
			want: []string{
				"Why the new patrol pact matters for small navies",
				"Small coastal navies rarely have the hulls to watch every cove, so pooling night patrols makes plain sense.",
				"The harder part will be agreeing who commands a mixed crew when a chase crosses the maritime border.",
			},
			furniture: []string{"Newsletter", "Sign up"},
			published: time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC),
			lang:      "en",
			gap:       "class/id cues match inside words: 'commentary' contains 'comment', so an opinion body is read as a comment section",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := cleanPage(t, c, tc.name, tc.raw)
			if !p.HTML {
				t.Fatalf("page not read as HTML")
			}
			got := blockTexts(p)
			same := strings.Join(got, "\n") == strings.Join(tc.want, "\n")
			switch {
			case tc.gap != "" && !same:
				t.Logf("KNOWN GAP: %s: blocks %q", tc.gap, got)
			case tc.gap != "":
				t.Logf("gap closed, remove the mark: %s", tc.gap)
			case !same:
				t.Errorf("blocks:\n  got  %q\n  want %q", got, tc.want)
			}
			for _, f := range tc.furniture {
				for _, b := range got {
					if strings.Contains(b, f) {
						t.Errorf("furniture %q kept in block %q", f, b)
					}
				}
			}
			if !p.Published.Equal(tc.published) {
				t.Errorf("Published = %v, want %v", p.Published, tc.published)
			}
			if p.LangHint != tc.lang {
				t.Errorf("LangHint = %q, want %q", p.LangHint, tc.lang)
			}
			for i, b := range p.Blocks {
				if b.Offset != -1 {
					t.Errorf("HTML block %d %q: offset %d, want -1", i, b.Text, b.Offset)
				}
			}
		})
	}
}

// TestCleanHTMLKeepsGivenPublished checks that a publication date set before
// cleaning (from --published) is not replaced by the page's metadata.
func TestCleanHTMLKeepsGivenPublished(t *testing.T) {
	c := newCleaner(t)
	p, err := page.New("given.html", []byte(articlePage))
	if err != nil {
		t.Fatal(err)
	}
	given := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	p.Published = given
	c.Clean(p)
	if !p.Published.Equal(given) {
		t.Errorf("Published = %v, want the given %v", p.Published, given)
	}
}

// textLine is one line of a plain-text page and what the cleaner should do
// with it.
type textLine struct {
	raw  string // the line as written, with its surrounding spaces
	keep bool   // a line of the article body
	gap  string // a known gap: the cleaner gets this line wrong today
}

func TestCleanText(t *testing.T) {
	headline := "Coastal states settle on joint night patrols"
	lines := []textLine{
		{raw: "Home » World » Africa"},
		{raw: headline, keep: true},
		{raw: "  " + headline + "  "}, // the headline again, as many sites print it
		{raw: "Photo: harbour authority handout"},
		{raw: "Crédit photo : service de presse de la marine"},
		{raw: "Фото: пресс-служба флота"},
		{raw: "\tOfficials from both states said on Tuesday that their fleets would patrol the shipping lane together.\r", keep: true},
		{raw: "Lire aussi : Les dockers reprennent le travail"},
		{raw: "Read also: A lighthouse reopens on the cape"},
		{raw: "اقرأ أيضا: افتتاح منارة جديدة على الساحل"},
		{raw: "Leia também: Greve no porto chega ao fim"},
		{raw: "Lea también: Un nuevo faro en la costa sur"},
		{raw: "Читайте также: Новый маяк открылся на мысе"},
		{raw: "Soma pia: Bandari yafunguliwa tena"},
		{raw: "Ayrıca okuyun: Limanda grev sona erdi"},
		{raw: "The plan also sets up a common radio channel and a weekly swap of sighting reports.", keep: true},
		{raw: "Share this article with your friends"},
		{raw: "Partager sur Facebook"},
		{raw: "Compartir en WhatsApp"},
		{raw: "شارك المقال على فيسبوك"},
		{raw: "Follow us on Telegram for more coastal news"},
		{raw: "Suivez-nous sur Instagram"},
		{raw: "Подписывайтесь на наш канал"},
		{raw: "Visited 169 times, 1 visit(s) today"},
		{raw: "1 204 vues"},
		{raw: "Les   équipages   s'entraîneront ensemble deux fois par mois.", keep: true},
		{raw: "We use cookies to improve your reading experience."},
		{raw: "Leave a Reply Cancel reply"},
		{raw: "Your email address will not be published. Required fields are marked *"},
		{raw: "Save my name, email, and website in this browser for the next time I comment."},
		{raw: "casinobonusfreespinsjackpotwinnersonlineslotsbestoddstoday casinobonusfreespins"},
		{raw: "Observers expect the first combined patrol to leave port before the rainy season.", keep: true},
		{raw: "© 2024 The Coastal Ledger"},
		{raw: "See also: Fishing season opens early", gap: "no 'see also' cue in the English boilerplate list"},
		{raw: "Share Tweet Email", gap: "a bare 'Share' without 'this'/'on' is not a cue"},
		{raw: "Partager le renseignement reste la priorité des deux états-majors, a dit le porte-parole.", keep: true,
			gap: "the French prefix 'partager' drops a body sentence that starts with the verb"},
		{raw: "Visited by two foreign ministers this year, the naval base now also hosts a diving school.", keep: true,
			gap: "the English prefix 'visited' (meant for view counters) drops a body sentence that starts with the participle"},
		{raw: "المزيد من الجنود سيصلون إلى الميناء الشهر المقبل.", keep: true,
			gap: "the Arabic prefix 'المزيد' (more) drops a body sentence that starts with it"},
	}
	var src strings.Builder
	for i, l := range lines {
		src.WriteString(l.raw)
		if i%3 == 0 {
			src.WriteString("\n\n") // blank lines between some paragraphs
		} else {
			src.WriteString("\n")
		}
	}
	c := newCleaner(t)
	p := cleanPage(t, c, "plain.txt", src.String())
	if p.HTML {
		t.Fatalf("plain text page read as HTML")
	}
	got := map[string]int{}
	for _, b := range p.Blocks {
		got[b.Text]++
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var want []string
	for _, l := range lines {
		text := norm(l.raw)
		n := got[text]
		switch {
		case l.gap != "" && (n > 0) != l.keep:
			t.Logf("KNOWN GAP: %q kept=%v: %s", text, n > 0, l.gap)
			continue
		case l.gap != "":
			t.Logf("gap closed, remove the mark: %q (%s)", text, l.gap)
		case l.keep && n == 0:
			t.Errorf("body line dropped: %q", text)
		case !l.keep && n > 0 && text != headline:
			t.Errorf("furniture kept: %q", text)
		}
		if l.keep && n > 0 {
			want = append(want, text)
		}
	}
	if got[headline] != 1 {
		t.Errorf("headline appears %d times, want once", got[headline])
	}
	// Only the body lines remain, once each, in reading order.
	var kept []string
	for _, b := range p.Blocks {
		kept = append(kept, b.Text)
	}
	var extra []string
	for _, k := range kept {
		known := false
		for _, l := range lines {
			if norm(l.raw) == k && (l.keep || l.gap != "") {
				known = true
			}
		}
		if !known {
			extra = append(extra, k)
		}
	}
	for _, k := range extra {
		if k != headline {
			t.Errorf("unexpected block %q", k)
		}
	}
	var bodyOnly []string
	for _, k := range kept {
		for _, w := range want {
			if k == w {
				bodyOnly = append(bodyOnly, k)
			}
		}
	}
	if strings.Join(bodyOnly, "\n") != strings.Join(want, "\n") {
		t.Errorf("body order:\n  got  %q\n  want %q", bodyOnly, want)
	}
	checkOffsets(t, p)
	// Lines that were only trimmed keep their offset; a line whose inner
	// spaces were collapsed may lose it (-1) but must never point wrong.
	for _, b := range p.Blocks {
		if strings.Contains(p.Source, b.Text) && b.Offset == -1 {
			t.Errorf("block %q is in the source verbatim but has no offset", b.Text)
		}
	}
}

// TestCleanTextShortLines checks view counters, bylines, breadcrumbs and
// symbol-only lines, and short body sentences that look a little like them.
func TestCleanTextShortLines(t *testing.T) {
	c := newCleaner(t)
	cases := []textLine{
		{raw: "Visited 169 times, 1 visit(s) today"},
		{raw: "Vu 300 fois"},
		{raw: "Visto 45 veces"},
		{raw: "2 310 visualizações"},
		{raw: "2 310 views"},
		{raw: "Imesomwa mara 300"},
		{raw: "عدد المشاهدات: 1500"},
		{raw: "Просмотров: 532", gap: "counterRe puts an ASCII-only \\b after просмотр\\S*, which never matches after Cyrillic"},
		{raw: "1 500 مشاهدة", gap: "counterRe puts an ASCII-only \\b after مشاهدة/زيارة, which never matches after Arabic"},
		{raw: "By Amina Odhiambo"},
		{raw: "Accueil › International › Afrique"},
		{raw: "---- *** ----"},
		{raw: "By the end of the week, both crews had completed the drills.", keep: true},
		{raw: "The frigate visited the port 3 times, each visit lasting a week.", keep: true,
			gap: "counterRe's unanchored `\\d+ times` drops any line under 80 runes that says 'N times'"},
		{raw: "Около 5 разведчиков прибыли в порт.", keep: true,
			gap: "counterRe's `\\d+ раз` has no word end, so '5 разведчиков' (5 scouts) reads as a counter"},
	}
	for _, tc := range cases {
		// The line sits between two body lines so the page is never empty.
		raw := "First line of a short report about a harbour.\n" + tc.raw + "\nLast line of the short report.\n"
		p := cleanPage(t, c, "short.txt", raw)
		kept := false
		for _, b := range p.Blocks {
			if b.Text == tc.raw {
				kept = true
			}
		}
		switch {
		case tc.gap != "" && kept != tc.keep:
			t.Logf("KNOWN GAP: %q kept=%v: %s", tc.raw, kept, tc.gap)
		case tc.gap != "":
			t.Logf("gap closed, remove the mark: %q (%s)", tc.raw, tc.gap)
		case kept != tc.keep:
			t.Errorf("%q: kept = %v, want %v (blocks %q)", tc.raw, kept, tc.keep, blockTexts(p))
		}
		if len(p.Blocks) < 2 {
			t.Errorf("%q: body lines lost, blocks %q", tc.raw, blockTexts(p))
		}
		checkOffsets(t, p)
	}
}
