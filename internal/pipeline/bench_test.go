package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// corpusPages reads the corpus pages whose names end with ext.
func corpusPages(b *testing.B, ext string) [][]byte {
	files, _ := filepath.Glob("../../testdata/corpus/*" + ext)
	if len(files) == 0 {
		b.Skip("no corpus")
	}
	var out [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, raw)
	}
	return out
}

// textPages returns the corpus's plain-text pages cut or padded to about
// size bytes each.
func textPages(b *testing.B, size int) [][]byte {
	var out [][]byte
	for _, raw := range corpusPages(b, ".txt") {
		page := raw
		for len(page) < size {
			page = append(append(page, '\n'), raw...)
		}
		out = append(out, page[:size])
	}
	return out
}

// htmlPages wraps the corpus's HTML pages in the furniture of a real news
// site (menus, related-link lists, scripts, JSON-LD, comments, footer) up to
// about size bytes.
func htmlPages(b *testing.B, size int) [][]byte {
	var out [][]byte
	for _, raw := range corpusPages(b, ".html") {
		page := string(raw)
		var furniture strings.Builder
		for i := 0; furniture.Len()+len(page) < size; i++ {
			fmt.Fprintf(&furniture, `<div class="related-posts widget"><h4>Related</h4><ul>`)
			for j := 0; j < 8; j++ {
				fmt.Fprintf(&furniture, `<li class="item"><a href="/news/%d/%d/story-title-here.html" title="Story %d"><img src="/img/%d.jpg" alt="" loading="lazy" width="120" height="80">Minister announces new plan for roads and schools %d</a><span class="date">12 mars 2025</span></li>`, i, j, j, j, j)
			}
			fmt.Fprintf(&furniture, `</ul></div><script type="text/javascript">window.dataLayer=window.dataLayer||[];dataLayer.push({"event":"view","section":"world","id":%d,"tags":["defence","africa"]});</script>`, i)
			fmt.Fprintf(&furniture, `<nav class="menu"><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/business">Business</a></nav>`)
		}
		page = strings.Replace(page, "</body>", furniture.String()+"</body>", 1)
		if !strings.Contains(page, furniture.String()) {
			page += furniture.String()
		}
		out = append(out, []byte(page))
	}
	return out
}

func benchPages(b *testing.B, pages [][]byte, ext string) {
	p := newPipeline(b)
	ctx := context.Background()
	var bytes int
	for _, pg := range pages {
		bytes += len(pg)
	}
	b.SetBytes(int64(bytes / len(pages)))
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		pg := pages[i%len(pages)]
		p.Run(ctx, FileArticle("bench"+ext, pg))
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pages/s")
}

// BenchmarkText5KB: plain-text pages of 5 KB (the brief asks ≥ 500 pages/s on one core).
func BenchmarkText5KB(b *testing.B) { benchPages(b, textPages(b, 5<<10), ".txt") }

// BenchmarkHTML60KB: HTML pages of about 60 KB (the brief asks ≥ 100 pages/s on one core).
func BenchmarkHTML60KB(b *testing.B) { benchPages(b, htmlPages(b, 60<<10), ".html") }
