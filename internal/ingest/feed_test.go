package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"pactwatch/internal/source"
)

const testRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Defence desk</title>
  <link>https://news.example.org/</link>
  <language>en-GB</language>
  <item>
    <title>Navies plan a joint exercise</title>
    <link>https://news.example.org/2024/05/exercise</link>
    <guid isPermaLink="false">story-101</guid>
    <pubDate>Tue, 07 May 2024 09:15:00 +0200</pubDate>
    <description>A short summary only.</description>
  </item>
  <item>
    <title>Full text item</title>
    <link>/2024/05/full</link>
    <pubDate>Wed, 08 May 2024 12:00:00 GMT</pubDate>
    <content:encoded><![CDATA[<p>The whole article is here.</p>]]></content:encoded>
  </item>
  <item>
    <title>An item without a link</title>
    <description>Nothing to follow.</description>
  </item>
  <item>
    <guid>https://news.example.org/by-guid</guid>
    <title>Permalink guid</title>
  </item>
</channel>
</rss>`

const testAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Bureau défense</title>
  <id>urn:example:feed</id>
  <updated>2024-05-09T08:00:00Z</updated>
  <entry>
    <title>Accord de coopération signé</title>
    <id>urn:example:entry:1</id>
    <link rel="alternate" href="https://actu.example.fr/accord"/>
    <published>2024-05-09T07:30:00+02:00</published>
    <updated>2024-05-09T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Texte complet.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Seulement mis à jour</title>
    <id>urn:example:entry:2</id>
    <link href="https://actu.example.fr/maj"/>
    <updated>2024-05-10T10:00:00Z</updated>
  </entry>
</feed>`

// feedServer serves an RSS feed with an ETag and an Atom feed with
// Last-Modified, answering 304 when the client already has them.
func feedServer(t *testing.T) (*httptest.Server, func(string) int) {
	t.Helper()
	var mu sync.Mutex
	full := map[string]int{} // 200 answers by path
	const etag = `"rss-v1"`
	const lastMod = "Thu, 09 May 2024 08:00:00 GMT"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
			return
		case "/rss.xml":
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(testRSS))
		case "/atom.xml":
			if r.Header.Get("If-Modified-Since") == lastMod {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Last-Modified", lastMod)
			w.Header().Set("Content-Type", "application/atom+xml")
			w.Write([]byte(testAtom))
		case "/gone.xml":
			http.Error(w, "gone", http.StatusGone)
			return
		case "/not-a-feed":
			w.Write([]byte("<html><body>just a page</body></html>"))
		default:
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		full[r.URL.Path]++
		mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	return srv, func(p string) int {
		mu.Lock()
		defer mu.Unlock()
		return full[p]
	}
}

func TestFeedPolls(t *testing.T) {
	srv, served := feedServer(t)
	f := NewFetcher(FetcherOptions{Timeout: 2 * time.Second})
	tests := []struct {
		path      string
		wantItems []FeedItem
		wantState FeedState
		wantFails []string
	}{
		{
			path: "/rss.xml",
			wantItems: []FeedItem{
				{Link: "https://news.example.org/2024/05/exercise", Title: "Navies plan a joint exercise", GUID: "story-101",
					Published: time.Date(2024, 5, 7, 7, 15, 0, 0, time.UTC), Language: "en"},
				{Link: "https://news.example.org/2024/05/full", Title: "Full text item", // relative to the site link
					Published: time.Date(2024, 5, 8, 12, 0, 0, 0, time.UTC), Language: "en", Content: "<p>The whole article is here.</p>"},
				{Link: "https://news.example.org/by-guid", Title: "Permalink guid", GUID: "https://news.example.org/by-guid", Language: "en"},
			},
			wantState: FeedState{ETag: `"rss-v1"`},
			wantFails: []string{`/rss.xml item 3 ("An item without a link"): item has no http(s) link`},
		},
		{
			path: "/atom.xml",
			wantItems: []FeedItem{
				{Link: "https://actu.example.fr/accord", Title: "Accord de coopération signé", GUID: "urn:example:entry:1",
					Published: time.Date(2024, 5, 9, 5, 30, 0, 0, time.UTC), Language: "fr", Content: "<p>Texte complet.</p>"},
				{Link: "https://actu.example.fr/maj", Title: "Seulement mis à jour", GUID: "urn:example:entry:2",
					Published: time.Date(2024, 5, 10, 10, 0, 0, 0, time.UTC), Language: "fr"},
			},
			wantState: FeedState{LastModified: "Thu, 09 May 2024 08:00:00 GMT"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			url := srv.URL + tt.path
			var c collector
			items, state, err := f.Feed(context.Background(), url, FeedState{}, c.fail)
			if err != nil {
				t.Fatal(err)
			}
			if state != tt.wantState {
				t.Errorf("state %+v, want %+v", state, tt.wantState)
			}
			if len(items) != len(tt.wantItems) {
				t.Fatalf("%d items, want %d: %+v", len(items), len(tt.wantItems), items)
			}
			for i, w := range tt.wantItems {
				w.Feed = url
				g := items[i]
				if g.Feed != w.Feed || g.Link != w.Link || g.Title != w.Title || g.GUID != w.GUID || !g.Published.Equal(w.Published) ||
					g.Language != w.Language || g.Content != w.Content {
					t.Errorf("item %d =\n %+v\nwant\n %+v", i, g, w)
				}
			}
			if strings.Join(c.fails, "|") != strings.Join(prefixAll(srv.URL, tt.wantFails), "|") {
				t.Errorf("reports %q, want %q", c.fails, tt.wantFails)
			}

			// The second poll sends the state back and gets 304: no items, state kept.
			items, again, err := f.Feed(context.Background(), url, state, c.fail)
			if err != nil || len(items) != 0 || again != state {
				t.Errorf("second poll: %d items, state %+v, err %v", len(items), again, err)
			}
			if n := served(tt.path); n != 1 {
				t.Errorf("feed served in full %d times, want once", n)
			}
		})
	}
}

func prefixAll(prefix string, ss []string) []string {
	var out []string
	for _, s := range ss {
		out = append(out, prefix+s)
	}
	return out
}

func TestFeedErrors(t *testing.T) {
	srv, _ := feedServer(t)
	f := NewFetcher(FetcherOptions{Timeout: 2 * time.Second})
	prev := FeedState{ETag: `"old"`}
	for path, want := range map[string]string{
		"/gone.xml":   "HTTP status 410 Gone",
		"/not-a-feed": "failed to detect feed type",
	} {
		items, state, err := f.Feed(context.Background(), srv.URL+path, prev, func(string, error) {})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), srv.URL+path) || items != nil || state != prev {
			t.Errorf("%s: items %v, state %+v, err %v; want %q and the state kept", path, items, state, err, want)
		}
	}
}

func TestFeedItemArticle(t *testing.T) {
	published := time.Date(2024, 5, 9, 5, 30, 0, 0, time.UTC)
	it := FeedItem{Feed: "https://actu.example.fr/feed", Link: "https://actu.example.fr/accord", Title: "Accord signé",
		Published: published, Language: "fr", Content: "<p>Texte complet.</p>"}
	a := it.Article()
	if a == nil || a.ID != "actu-example-fr-accord" || a.URL != it.Link || a.Format != source.HTML || a.Title != "Accord signé" ||
		!a.Published.Equal(published) || a.PublishedFrom != source.OriginMetadata || a.Origin != it.Feed || string(a.Raw) != it.Content || a.Language != "fr" {
		t.Errorf("Article() = %+v", a)
	}
	it.Content = ""
	if it.Article() != nil {
		t.Errorf("an item without content made an article")
	}
	// Fill keeps what the page had.
	page := &source.Article{Title: "The page's own title", Published: published.Add(time.Hour), PublishedFrom: source.OriginMetadata}
	it.Fill(page)
	if page.Title != "The page's own title" || !page.Published.Equal(published.Add(time.Hour)) || page.Language != "fr" {
		t.Errorf("Fill overwrote the page: %+v", page)
	}
	bare := &source.Article{}
	it.Fill(bare)
	if bare.Title != "Accord signé" || !bare.Published.Equal(published) || bare.PublishedFrom != source.OriginMetadata {
		t.Errorf("Fill on an empty article: %+v", bare)
	}
}

func TestParseFeedEncoding(t *testing.T) {
	// An ISO-8859-1 feed declared in its XML prolog.
	data := append([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>t</title><item><title>Caf`),
		0xE9)
	data = append(data, []byte(` talks</title><link>https://example.org/cafe</link></item></channel></rss>`)...)
	items, err := ParseFeed("https://example.org/feed", data, func(w string, err error) { t.Errorf("report %s: %v", w, err) })
	if err != nil || len(items) != 1 || items[0].Title != "Café talks" {
		t.Errorf("items %+v, err %v", items, err)
	}
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(testRSS))
	f.Add([]byte(testAtom))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"j","items":[{"id":"1","url":"https://example.org/1","content_html":"<p>x</p>"}]}`))
	f.Add([]byte(`<rss><channel><item><link>::bad</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="rel/x"/></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, _ := ParseFeed("https://example.org/feed.xml", data, func(where string, err error) {
			if err == nil || !strings.HasPrefix(where, "https://example.org/feed.xml item ") {
				t.Errorf("report %q %v", where, err)
			}
		})
		for _, it := range items {
			if !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
				t.Errorf("item link %q", it.Link)
			}
			if a := it.Article(); a != nil && (a.ID == "" || len(a.Raw) == 0) {
				t.Errorf("article %+v", a)
			}
		}
	})
}
