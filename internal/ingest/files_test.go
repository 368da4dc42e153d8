package ingest

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"pactwatch/internal/page"
	"pactwatch/internal/source"
)

// collector gathers what a reader emits and reports.
type collector struct {
	articles []*source.Article
	fails    []string // "where: error"
}

func (c *collector) emit(a *source.Article) error {
	c.articles = append(c.articles, a)
	return nil
}

func (c *collector) fail(where string, err error) {
	c.fails = append(c.fails, where+": "+err.Error())
}

func (c *collector) ids() []string {
	var ids []string
	for _, a := range c.articles {
		ids = append(ids, a.ID)
	}
	return ids
}

// failed says whether some report contains all of the parts.
func (c *collector) failed(parts ...string) bool {
	for _, f := range c.fails {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(f, p)
		}
		if ok {
			return true
		}
	}
	return false
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pageTree makes a folder with pages, other files, links and irregular
// files, and returns its path and a folder outside it.
func pageTree(t *testing.T) (root, outside string) {
	t.Helper()
	base := t.TempDir()
	root = filepath.Join(base, "pages")
	outside = filepath.Join(base, "outside")
	writeFile(t, filepath.Join(root, "a.txt"), "Two ministers met on Tuesday.")
	writeFile(t, filepath.Join(root, "b.html"), "<p>A patrol boat was handed over.</p>")
	writeFile(t, filepath.Join(root, "readme.md"), "not a page")
	writeFile(t, filepath.Join(root, "sub", "c.HTM"), "<p>Joint drills ended.</p>")
	writeFile(t, filepath.Join(root, "sub", "deeper", "d.txt"), "A loan was agreed.")
	writeFile(t, filepath.Join(outside, "real.txt"), "Text that lives elsewhere.")
	writeFile(t, filepath.Join(outside, "more", "e.txt"), "A linked folder's page.")
	must(t, os.Symlink(filepath.Join(outside, "real.txt"), filepath.Join(root, "link.txt")))
	must(t, os.Symlink(filepath.Join(outside, "more"), filepath.Join(root, "linked")))
	must(t, os.Symlink(root, filepath.Join(root, "sub", "loop")))                  // a loop back to the top
	must(t, os.Symlink(filepath.Join(outside, "more"), filepath.Join(root, "zz"))) // the same folder again
	must(t, os.Symlink(filepath.Join(base, "gone.txt"), filepath.Join(root, "dead.txt")))
	must(t, os.Symlink(os.DevNull, filepath.Join(root, "null.txt")))
	must(t, syscall.Mkfifo(filepath.Join(root, "pipe.txt"), 0o644))
	l, err := net.Listen("unix", filepath.Join(root, "sock.html"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return root, outside
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestFiles(t *testing.T) {
	root, outside := pageTree(t)
	empty := filepath.Join(t.TempDir(), "empty")
	writeFile(t, filepath.Join(empty, "notes.md"), "nothing to read")
	linkToRoot := filepath.Join(t.TempDir(), "root-link")
	must(t, os.Symlink(root, linkToRoot))
	big := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(big)
	must(t, err)
	must(t, f.Truncate(page.MaxBytes+1)) // sparse: never written
	f.Close()
	bad1 := filepath.Join(t.TempDir(), "report-\xff.txt")
	bad2 := filepath.Join(filepath.Dir(bad1), "report-\xfe.txt")
	for _, p := range []string{bad1, bad2} {
		writeFile(t, p, "A name that is not UTF-8.")
	}
	odd := filepath.Join(t.TempDir(), "story.data")
	writeFile(t, odd, "given by name, any extension")

	walked := []string{"a", "b", "link", "e", "c", "d"} // "link.txt" sorts before "linked"
	tests := []struct {
		name      string
		paths     []string
		stdin     string
		wantIDs   []string
		wantFails [][]string // each: parts of one report
	}{
		{
			name:    "folder walked in sorted order, links followed once",
			paths:   []string{root},
			wantIDs: walked,
			wantFails: [][]string{
				{"dead.txt", "broken symbolic link"},
				{"null.txt", "not a regular file", "character device"},
				{"pipe.txt", "not a regular file", "named pipe"},
				{"sock.html", "not a regular file", "socket"},
			},
		},
		{
			name:    "symlinked folder given as a path",
			paths:   []string{linkToRoot},
			wantIDs: walked,
			wantFails: [][]string{
				{"root-link/dead.txt", "broken symbolic link"},
				{"root-link/null.txt", "not a regular file"},
				{"root-link/pipe.txt", "not a regular file"},
				{"root-link/sock.html", "not a regular file"},
			},
		},
		{
			name:    "single files keep argument order",
			paths:   []string{filepath.Join(root, "b.html"), filepath.Join(root, "a.txt"), odd},
			wantIDs: []string{"b", "a", "story"},
		},
		{
			name:      "folder without pages",
			paths:     []string{empty},
			wantFails: [][]string{{"no .txt/.html/.htm pages in " + empty}},
		},
		{
			name:      "missing path",
			paths:     []string{filepath.Join(root, "absent.txt"), filepath.Join(root, "a.txt")},
			wantIDs:   []string{"a"},
			wantFails: [][]string{{"absent.txt", "no such file or directory"}},
		},
		{
			name:      "file over the size limit",
			paths:     []string{big},
			wantFails: [][]string{{"big.txt", "larger than the 8 MB limit"}},
		},
		{
			name:    "names that are not UTF-8 get distinct ids",
			paths:   []string{filepath.Dir(bad1)},
			wantIDs: []string{"report-%FE", "report-%FF"},
		},
		{
			name:      "standard input read once",
			paths:     []string{"-", "-"},
			stdin:     "Text piped in.",
			wantIDs:   []string{"stdin"},
			wantFails: [][]string{{"-", "already read"}},
		},
		{
			name:      "socket named directly",
			paths:     []string{filepath.Join(root, "sock.html")},
			wantFails: [][]string{{"sock.html", "not a regular file"}},
		},
		{
			name:    "each argument is walked whole",
			paths:   []string{filepath.Join(outside, "more"), filepath.Join(root, "linked")},
			wantIDs: []string{"e", "e"}, // one walk per argument
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c collector
			fr := &fileReader{stdin: strings.NewReader(tt.stdin), max: page.MaxBytes, emit: c.emit, fail: c.fail}
			if err := fr.read(context.Background(), tt.paths); err != nil {
				t.Fatalf("read: %v", err)
			}
			if got := c.ids(); !slices.Equal(got, tt.wantIDs) {
				t.Errorf("ids = %q, want %q", got, tt.wantIDs)
			}
			for _, parts := range tt.wantFails {
				if !c.failed(parts...) {
					t.Errorf("no report with %q in %q", parts, c.fails)
				}
			}
			if len(c.fails) != len(tt.wantFails) {
				t.Errorf("%d reports, want %d: %q", len(c.fails), len(tt.wantFails), c.fails)
			}
		})
	}
}

func TestFilesArticle(t *testing.T) {
	root, _ := pageTree(t)
	var c collector
	if err := Files(context.Background(), []string{filepath.Join(root, "b.html"), filepath.Join(root, "a.txt"), filepath.Join(root, "link.txt")}, c.emit, c.fail); err != nil {
		t.Fatal(err)
	}
	want := []source.Article{
		{ID: "b", Format: source.HTML, Origin: filepath.Join(root, "b.html"), Raw: []byte("<p>A patrol boat was handed over.</p>")},
		{ID: "a", Format: source.Text, Origin: filepath.Join(root, "a.txt"), Raw: []byte("Two ministers met on Tuesday.")},
		{ID: "link", Format: source.Text, Origin: filepath.Join(root, "link.txt"), Raw: []byte("Text that lives elsewhere.")},
	}
	if len(c.articles) != len(want) {
		t.Fatalf("%d articles, want %d (%q)", len(c.articles), len(want), c.fails)
	}
	for i, w := range want {
		g := c.articles[i]
		if g.ID != w.ID || g.Format != w.Format || g.Origin != w.Origin || string(g.Raw) != string(w.Raw) || g.URL != "" {
			t.Errorf("article %d = %+v, want %+v", i, *g, w)
		}
	}
}

func TestFilesNamedFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "piped.txt")
	must(t, syscall.Mkfifo(p, 0o644))
	go func() {
		w, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		io.WriteString(w, "Text through a pipe.")
		w.Close()
	}()
	var c collector
	if err := Files(context.Background(), []string{p}, c.emit, c.fail); err != nil {
		t.Fatal(err)
	}
	if len(c.articles) != 1 || string(c.articles[0].Raw) != "Text through a pipe." || c.articles[0].ID != "piped" {
		t.Fatalf("articles %v, reports %q", c.ids(), c.fails)
	}
}

func TestFilesStops(t *testing.T) {
	root, _ := pageTree(t)
	stop := errors.New("enough")
	n := 0
	err := Files(context.Background(), []string{root}, func(*source.Article) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	}, func(string, error) {})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("err = %v after %d articles, want the emit error after 2", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var c collector
	if err := Files(ctx, []string{root}, c.emit, c.fail); !errors.Is(err, context.Canceled) || len(c.articles) != 0 {
		t.Errorf("cancelled: err = %v, %d articles", err, len(c.articles))
	}
}

func TestFilesSizeLimit(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "fits.txt"), "12345678")
	writeFile(t, filepath.Join(dir, "over.txt"), "123456789")
	var c collector
	fr := &fileReader{stdin: strings.NewReader("123456789"), max: 8, emit: c.emit, fail: c.fail}
	if err := fr.read(context.Background(), []string{dir, "-"}); err != nil {
		t.Fatal(err)
	}
	if got := c.ids(); !slices.Equal(got, []string{"fits"}) {
		t.Errorf("ids = %q", got)
	}
	if !c.failed("over.txt", "larger than the 8-byte limit") || !c.failed("-", "larger than") {
		t.Errorf("reports = %q", c.fails)
	}
}

func TestFileID(t *testing.T) {
	tests := []struct{ path, want string }{
		{"dir/story.html", "story"},
		{"-", "stdin"},
		{"dir/50%.txt", "50%"},
		{"dir/a\xffb.txt", "a%FFb"},
		{"dir/a%\xff.txt", "a%25%FF"},
		{"dir/é\xc3.txt", "é%C3"},
	}
	for _, tt := range tests {
		if got := fileID(tt.path); got != tt.want {
			t.Errorf("fileID(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
