package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"pactwatch/internal/page"
	"pactwatch/internal/source"
)

// Emit receives one article read. An error it returns stops the reader,
// which returns that error.
type Emit func(*source.Article) error

// Fail receives one item that could not be read: where it is (a path,
// "file.jsonl:12", "crawl.warc.gz record 7 (offset 1234)", a feed item's
// link) and why. The reader skips the item and goes on.
type Fail func(where string, err error)

// Errors reported for files that cannot be read as pages.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrStdinTwice = errors.New("standard input was already read")
)

// tooLargeError says an item is over a size limit; it matches
// page.ErrTooLarge with errors.Is.
type tooLargeError struct{ limit int64 }

func (e tooLargeError) Error() string {
	if e.limit%(1<<20) == 0 {
		return fmt.Sprintf("larger than the %d MB limit", e.limit>>20)
	}
	return fmt.Sprintf("larger than the %d-byte limit", e.limit)
}

func (e tooLargeError) Is(target error) bool { return target == page.ErrTooLarge }

// Files reads page files (.txt, .html, .htm) named by paths, in order, and
// emits one article each: its ID is the file name without its extension
// (invalid UTF-8 bytes escaped as %XX), its Origin the path, its Format
// Text or HTML from the extension (Auto for a file given by name with
// another extension).
//
// A folder is walked recursively in sorted order, reading the page files in
// it; symbolic links are followed, each folder only once per argument (so a
// link loop ends). FIFOs, sockets and devices inside a folder are reported
// as not regular files and never opened; a folder with no page file, a
// missing path and a file larger than page.MaxBytes (never read whole) are
// reported. "-" reads standard input once, as the article "stdin". A FIFO
// named explicitly is read, so that process substitution works.
//
// Only an error from emit or the context stops Files and is returned;
// everything else goes to fail.
func Files(ctx context.Context, paths []string, emit Emit, fail Fail) error {
	fr := &fileReader{stdin: os.Stdin, max: page.MaxBytes, emit: emit, fail: fail}
	return fr.read(ctx, paths)
}

// fileReader holds one Files call's state.
type fileReader struct {
	stdin     io.Reader
	stdinRead bool
	max       int64
	emit      Emit
	fail      Fail
	visited   map[string]bool // real paths of folders walked under the current argument
	found     int             // page files found under the current argument
}

func (fr *fileReader) read(ctx context.Context, paths []string) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fr.readArg(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// readArg reads one PATH argument.
func (fr *fileReader) readArg(ctx context.Context, p string) error {
	if p == "-" {
		return fr.readStdin()
	}
	info, err := os.Stat(p) // follows a symbolic link given as the argument
	if err != nil {
		fr.fail(p, pathErr(err))
		return nil
	}
	switch mode := info.Mode(); {
	case mode.IsDir():
		fr.found, fr.visited = 0, map[string]bool{}
		if err := fr.walk(ctx, p); err != nil {
			return err
		}
		if fr.found == 0 {
			fr.fail(p, fmt.Errorf("no .txt/.html/.htm pages in %s", p))
		}
		return nil
	case mode.IsRegular(), mode&fs.ModeNamedPipe != 0:
		return fr.readFile(p, info, true)
	default:
		fr.fail(p, fmt.Errorf("%w (%s)", ErrNotRegular, modeName(mode)))
		return nil
	}
}

func (fr *fileReader) readStdin() error {
	if fr.stdinRead {
		fr.fail("-", ErrStdinTwice)
		return nil
	}
	fr.stdinRead = true
	raw, err := io.ReadAll(io.LimitReader(fr.stdin, fr.max+1))
	if err != nil {
		fr.fail("-", fmt.Errorf("read standard input: %w", err))
		return nil
	}
	if int64(len(raw)) > fr.max {
		fr.fail("-", tooLargeError{fr.max})
		return nil
	}
	return fr.emit(&source.Article{ID: page.ArticleName("-"), Origin: "-", Raw: raw})
}

// walk reads the page files under dir, depth first, in sorted order.
func (fr *fileReader) walk(ctx context.Context, dir string) error {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		fr.fail(dir, pathErr(err))
		return nil
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if fr.visited[real] {
		return nil // a folder reached again through a link, or a link loop
	}
	fr.visited[real] = true
	entries, err := os.ReadDir(dir) // sorted by name; partial on error
	if err != nil {
		fr.fail(dir, pathErr(err))
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		p := filepath.Join(dir, e.Name())
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				fr.fail(p, fmt.Errorf("broken symbolic link: %w", pathErr(err)))
				continue
			}
			if info.IsDir() {
				if err := fr.walk(ctx, p); err != nil {
					return err
				}
				continue
			}
			if !info.Mode().IsRegular() {
				fr.fail(p, fmt.Errorf("%w (%s)", ErrNotRegular, modeName(info.Mode())))
				continue
			}
			if !isPageFile(p) {
				continue
			}
			fr.found++
			if err := fr.readFile(p, info, false); err != nil {
				return err
			}
			continue
		}
		switch {
		case mode.IsDir():
			if err := fr.walk(ctx, p); err != nil {
				return err
			}
		case mode.IsRegular():
			if !isPageFile(p) {
				continue
			}
			fr.found++
			info, err := e.Info()
			if err != nil {
				fr.fail(p, pathErr(err))
				continue
			}
			if err := fr.readFile(p, info, false); err != nil {
				return err
			}
		default:
			fr.fail(p, fmt.Errorf("%w (%s)", ErrNotRegular, modeName(mode)))
		}
	}
	return nil
}

// readFile reads one page file and emits it. Only a regular file is opened
// unless pipeOK (a FIFO named as an argument).
func (fr *fileReader) readFile(p string, info fs.FileInfo, pipeOK bool) error {
	if info.Mode().IsRegular() && info.Size() > fr.max {
		fr.fail(p, tooLargeError{fr.max})
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		fr.fail(p, pathErr(err))
		return nil
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !(now.Mode().IsRegular() || pipeOK && now.Mode()&fs.ModeNamedPipe != 0) {
		fr.fail(p, ErrNotRegular) // changed since it was listed
		return nil
	}
	raw, err := io.ReadAll(io.LimitReader(f, fr.max+1))
	if err != nil {
		fr.fail(p, pathErr(err))
		return nil
	}
	if int64(len(raw)) > fr.max {
		fr.fail(p, tooLargeError{fr.max})
		return nil
	}
	return fr.emit(&source.Article{ID: fileID(p), Origin: p, Format: fileFormat(p), Raw: raw})
}

// isPageFile says whether a file in a folder is a page to read.
func isPageFile(p string) bool {
	return fileFormat(p) != source.Auto
}

// fileFormat is the format a file's extension names.
func fileFormat(p string) source.Format {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt":
		return source.Text
	case ".html", ".htm":
		return source.HTML
	}
	return source.Auto
}

// fileID is the article id of a file: its name without directory and
// extension, as page.ArticleName gives it, with every byte that is not
// valid UTF-8 (and every '%', so that escapes cannot collide) written as
// %XX when the name is not valid UTF-8.
func fileID(p string) string {
	name := page.ArticleName(p)
	if utf8.ValidString(name) {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == utf8.RuneError && size == 1, r == '%':
			fmt.Fprintf(&b, "%%%02X", name[i])
		default:
			b.WriteString(name[i : i+size])
		}
		i += size
	}
	return b.String()
}

// pathErr drops the operation and path from a *fs.PathError: the caller
// reports the path as where the error happened.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// modeName says what kind of irregular file a mode describes.
func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "irregular file"
}
