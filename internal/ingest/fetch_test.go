package ingest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"pactwatch/internal/page"
	"pactwatch/internal/source"
)

const testRobots = `# test robots
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
`

// newSite serves the pages the fetcher tests read, and counts requests.
type site struct {
	*httptest.Server
	mu     sync.Mutex
	agents []string
	hits   map[string]int
}

func (s *site) hit(r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.agents = append(s.agents, r.UserAgent())
	s.hits[r.URL.Path]++
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{hits: map[string]int{}}
	mux := http.NewServeMux()
	page := func(ct string, body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if ct != "" {
				w.Header().Set("Content-Type", ct)
			}
			w.Write(body)
		}
	}
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(testRobots)) })
	mux.Handle("/utf8", page("text/html; charset=utf-8", []byte(pageUTF8)))
	mux.Handle("/latin1-header", page("text/html; charset=ISO-8859-1", cp1252("<p>Caf\u00e9 “talks” resumed.</p>")))
	mux.Handle("/latin1-meta", page("text/html", cp1252(pageLatin1)))
	mux.Handle("/cp1252-http-equiv", page("text/html", cp1252(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>“Quoted” café</body></html>`)))
	mux.Handle("/utf8-no-charset", page("text/html", []byte(strings.Repeat("<p>plain ascii first</p>\n", 60)+"<p>then: Genève</p>")))
	mux.Handle("/plain", page("text/plain; charset=utf-8", []byte("A plain text note about a treaty.")))
	mux.Handle("/sniffed", func() http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Content-Type"] = nil // no header at all: the fetcher sniffs
			w.Write([]byte("<!DOCTYPE html><html><body><p>No content type.</p></body></html>"))
		}
	}())
	mux.Handle("/image", page("image/png", []byte("\x89PNG\r\n\x1a\n")))
	mux.Handle("/private/secret", page("text/html", []byte("<p>hidden</p>")))
	mux.Handle("/private/open", page("text/html", []byte("<p>open</p>")))
	mux.Handle("/report.pdf", page("text/html", []byte("<p>a pdf</p>")))
	mux.Handle("/fr", func() http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Language", "fr-CA")
			page("text/html; charset=utf-8", []byte("<p>Bonjour.</p>"))(w, r)
		}
	}())
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/utf8", http.StatusFound) })
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/private/secret", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example.org/x", http.StatusFound)
	})
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			http.Redirect(w, r, "/utf8", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "it broke", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select { // answers only when the client has gone
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.Repeat("<p>filler text</p>\n", 200)))
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hit(r)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestFetcherPage(t *testing.T) {
	s := newSite(t)
	f := NewFetcher(FetcherOptions{Version: "1.2.3", Timeout: 2 * time.Second, MaxBytes: 2000})
	tests := []struct {
		path     string
		wantRaw  string
		wantFmt  source.Format
		wantURL  string // path of the final address, when not path
		wantLang string
	}{
		{path: "/utf8", wantRaw: pageUTF8, wantFmt: source.HTML},
		{path: "/latin1-header", wantRaw: "<p>Café “talks” resumed.</p>", wantFmt: source.HTML},
		{path: "/latin1-meta", wantRaw: pageLatin1, wantFmt: source.HTML},
		{path: "/cp1252-http-equiv", wantRaw: `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>“Quoted” café</body></html>`, wantFmt: source.HTML},
		{path: "/utf8-no-charset", wantRaw: strings.Repeat("<p>plain ascii first</p>\n", 60) + "<p>then: Genève</p>", wantFmt: source.HTML},
		{path: "/plain", wantRaw: "A plain text note about a treaty.", wantFmt: source.Text},
		{path: "/sniffed", wantRaw: "<!DOCTYPE html><html><body><p>No content type.</p></body></html>", wantFmt: source.HTML},
		{path: "/private/open", wantRaw: "<p>open</p>", wantFmt: source.HTML},
		{path: "/fr", wantRaw: "<p>Bonjour.</p>", wantFmt: source.HTML, wantLang: "fr"},
		{path: "/redirect", wantRaw: pageUTF8, wantFmt: source.HTML, wantURL: "/utf8"},
		{path: "/chain/4", wantRaw: pageUTF8, wantFmt: source.HTML, wantURL: "/utf8"}, // five redirects
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			a, err := f.Page(context.Background(), s.URL+tt.path)
			if err != nil {
				t.Fatal(err)
			}
			finalURL := s.URL + tt.path
			if tt.wantURL != "" {
				finalURL = s.URL + tt.wantURL
			}
			if string(a.Raw) != tt.wantRaw || a.Format != tt.wantFmt || a.URL != finalURL || a.Origin != s.URL+tt.path ||
				a.ID != IDFromURL(finalURL) || a.Language != tt.wantLang || !a.Published.IsZero() {
				t.Errorf("got %+v (raw %q)", *a, a.Raw)
			}
		})
	}
	for _, ua := range s.agents {
		if ua != "pactwatch/1.2.3 (+https://github.com/pactwatch; security-cooperation research)" {
			t.Errorf("User-Agent %q", ua)
		}
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
}

func TestFetcherErrors(t *testing.T) {
	s := newSite(t)
	f := NewFetcher(FetcherOptions{Version: "test", Timeout: 300 * time.Millisecond, MaxBytes: 2000})
	tests := []struct {
		url     string
		wantErr error
		want    string
	}{
		{url: s.URL + "/missing", want: "HTTP status 404 Not Found"},
		{url: s.URL + "/broken", want: "HTTP status 500 Internal Server Error"},
		{url: s.URL + "/slow", wantErr: ErrTimeout, want: "timed out after 300ms"},
		{url: s.URL + "/big", wantErr: page.ErrTooLarge, want: "larger than the 2000-byte limit"},
		{url: s.URL + "/image", wantErr: ErrContentType, want: "image/png"},
		{url: s.URL + "/private/secret", wantErr: ErrDisallowed},
		{url: s.URL + "/report.pdf", wantErr: ErrDisallowed},
		{url: s.URL + "/to-private", wantErr: ErrDisallowed, want: "redirect to"},
		{url: s.URL + "/to-ftp", wantErr: ErrScheme},
		{url: s.URL + "/loop-a", want: "stopped after 5 redirects"},
		{url: s.URL + "/chain/5", want: "stopped after 5 redirects"}, // six redirects
		{url: "ftp://files.example.org/x", wantErr: ErrScheme},
		{url: "file:///etc/passwd", wantErr: ErrScheme},
		{url: "http://%zz", want: "invalid URL escape"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			a, err := f.Page(context.Background(), tt.url)
			if err == nil {
				t.Fatalf("no error; got %+v", *a)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %q is not %q", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.url) {
				t.Errorf("error %q does not say %q and the address", err, tt.want)
			}
		})
	}
	if n := s.count("/private/secret"); n != 0 {
		t.Errorf("a disallowed page was requested %d times", n)
	}
}

func TestFetcherRobotsAnswers(t *testing.T) {
	tests := []struct {
		name    string
		robots  http.HandlerFunc
		allowed bool
		want    string
		path    string // default /news/today
	}{
		{"missing robots.txt allows", http.NotFound, true, "", ""},
		{"forbidden robots.txt allows", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) }, true, "", ""},
		{"server error disallows", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) }, false, "robots.txt answered 503 Service Unavailable", ""},
		{"named agent group wins", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("User-agent: *\nDisallow:\n\nUser-agent: PactWatch\nDisallow: /news\n"))
		}, false, "disallowed by robots.txt", ""},
		{"an address without a path is /", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("User-agent: *\nDisallow: /\n"))
		}, false, "disallowed by robots.txt", "?q=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pages int
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					tt.robots(w, r)
					return
				}
				pages++
				w.Header().Set("Content-Type", "text/plain")
				w.Write([]byte("a page"))
			}))
			defer srv.Close()
			f := NewFetcher(FetcherOptions{Timeout: 2 * time.Second})
			for range 2 { // the second answer comes from the cache
				_, err := f.Page(context.Background(), srv.URL+cmp.Or(tt.path, "/news/today"))
				if tt.allowed && err != nil {
					t.Fatalf("error %v", err)
				}
				if !tt.allowed && (!errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), tt.want)) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
			}
			if want := map[bool]int{true: 2, false: 0}[tt.allowed]; pages != want {
				t.Errorf("%d page requests, want %d", pages, want)
			}
		})
	}
}

func TestFetcherUnreachableRobots(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.URL
	srv.Close() // nothing listens there now
	f := NewFetcher(FetcherOptions{Timeout: 2 * time.Second})
	_, err := f.Page(context.Background(), addr+"/page")
	if !errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), "robots.txt unreachable") {
		t.Errorf("error %v", err)
	}
}

func TestFetcherDelayCancel(t *testing.T) {
	s := newSite(t)
	f := NewFetcher(FetcherOptions{Delay: time.Hour})
	if _, err := f.Page(context.Background(), s.URL+"/plain"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.Page(ctx, s.URL+"/plain"); !errors.Is(err, context.Canceled) {
		t.Errorf("second request to the host: %v, want it to wait and be cancelled", err)
	}
	if n := s.count("/plain"); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name, ct string
		body     []byte
		want     string
	}{
		{"header charset", "text/html; charset=windows-1252", cp1252("caf\u00e9"), "café"},
		{"meta charset", "text/html", cp1252(`<meta charset="latin1">caf` + "\u00e9"), `<meta charset="latin1">café`},
		{"valid UTF-8 kept despite meta", "text/html", []byte(`<meta charset="iso-8859-1">café`), `<meta charset="iso-8859-1">café`},
		{"no declaration, not UTF-8", "text/html", cp1252("caf\u00e9 “x”"), "café “x”"},
		{"UTF-16 with BOM", "text/plain", []byte{0xFF, 0xFE, 'h', 0, 'i', 0}, "hi"},
		{"unknown label", "text/html; charset=klingon", []byte("plain"), "plain"},
	}
	for _, tt := range tests {
		if got := string(toUTF8(tt.body, tt.ct)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestFetcherConcurrent(t *testing.T) {
	s := newSite(t)
	f := NewFetcher(FetcherOptions{Timeout: 5 * time.Second})
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := []string{"/utf8", "/plain", "/private/secret", "/latin1-meta"}[i%4]
			_, err := f.Page(context.Background(), s.URL+path)
			if (err != nil) != (path == "/private/secret") {
				errs <- fmt.Errorf("%s: %v", path, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times by concurrent requests, want once", n)
	}
}
