package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		arg  string
		want Kind
	}{
		{"-", KindStdin},
		{"http://example.org/a", KindURL},
		{"HTTPS://example.org/a", KindURL},
		{"ftp://example.org/a", KindPath},
		{"news.jsonl", KindJSONL},
		{"dump/News.JSONL.gz", KindJSONL},
		{"items.ndjson", KindJSONL},
		{"crawl.warc", KindWARC},
		{"CC-MAIN-0001.warc.gz", KindWARC},
		{"pages/", KindPath},
		{"article.html", KindPath},
		{"notes.gz", KindPath},
		{"warc", KindPath},
	}
	for _, tt := range tests {
		if got := Classify(tt.arg); got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.arg, got, tt.want)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{KindPath: "path", KindStdin: "stdin", KindURL: "url", KindJSONL: "jsonl", KindWARC: "warc", Kind(99): "unknown"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

func TestIDFromURL(t *testing.T) {
	long := "https://news.example.org/" + strings.Repeat("section/", 20) + "story"
	tests := []struct {
		url  string
		want string
	}{
		{"https://news.example.org/2024/03/05/Pact-Signed.html", "news-example-org-2024-03-05-pact-signed-html"},
		{"http://www.example.com/", "www-example-com"},
		{"https://example.com/article.php?id=17&lang=fr", "example-com-article-php-id-17-lang-fr"},
		{"https://example.com/page#comments", "example-com-page"},
		{"https://example.ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1", "example-ru-новости-1"},
		{"https://EXAMPLE.com:8080/A_B", "example-com-a-b"},
		{"not a url at all", "not-a-url-at-all"},
		{long, ""}, // checked below
	}
	for _, tt := range tests {
		got := IDFromURL(tt.url)
		if !utf8.ValidString(got) || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") {
			t.Errorf("IDFromURL(%q) = %q: not a clean id", tt.url, got)
		}
		if tt.want != "" && got != tt.want {
			t.Errorf("IDFromURL(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
	a, b := IDFromURL(long), IDFromURL(long+"2")
	if a == b {
		t.Errorf("two long addresses share the id %q", a)
	}
	if n := utf8.RuneCountInString(a); n > maxIDRunes+9 {
		t.Errorf("long id has %d characters: %q", n, a)
	}
	if !strings.HasPrefix(a, "news-example-org-section-section") {
		t.Errorf("long id lost its prefix: %q", a)
	}
	if a != IDFromURL(long) {
		t.Errorf("IDFromURL is not stable")
	}
	if got := IDFromURL("???"); !strings.HasPrefix(got, "url-") || len(got) != len("url-")+8 {
		t.Errorf(`IDFromURL("???") = %q, want "url-" and a hash`, got)
	}
}
