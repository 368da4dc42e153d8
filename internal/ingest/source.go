package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a SOURCE argument names.
type Kind int

// The kinds of SOURCE argument.
const (
	KindPath  Kind = iota // a page file or a folder of page files
	KindStdin             // "-": one page read from standard input
	KindURL               // an http or https address
	KindJSONL             // a .jsonl (or .ndjson) file, optionally gzipped
	KindWARC              // a .warc or .warc.gz file
)

// String names the kind as a user would.
func (k Kind) String() string {
	switch k {
	case KindPath:
		return "path"
	case KindStdin:
		return "stdin"
	case KindURL:
		return "url"
	case KindJSONL:
		return "jsonl"
	case KindWARC:
		return "warc"
	}
	return "unknown"
}

// Classify says what kind of source arg is, from its spelling alone: "-" is
// standard input, an http:// or https:// address is a URL, a name ending in
// .jsonl, .ndjson (either optionally .gz) is JSONL, .warc or .warc.gz is
// WARC, and anything else is a page file or folder. It does not touch the
// file system or the network.
func Classify(arg string) Kind {
	if arg == "-" {
		return KindStdin
	}
	lower := strings.ToLower(arg)
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		return KindURL
	}
	base := strings.TrimSuffix(lower, ".gz")
	switch {
	case strings.HasSuffix(base, ".warc"):
		return KindWARC
	case strings.HasSuffix(base, ".jsonl"), strings.HasSuffix(base, ".ndjson"):
		return KindJSONL
	}
	return KindPath
}

// maxIDRunes bounds the length of an id derived from a URL.
const maxIDRunes = 80

// IDFromURL derives an article id from an address: its host, path and query
// lower-cased, every run of characters other than letters and digits turned
// into one '-', trimmed. An id longer than 80 characters is cut and given a
// short hash of the whole address, so two long addresses sharing a prefix
// stay distinct. An address with nothing usable gives "url-" and the hash.
func IDFromURL(raw string) string {
	var host, rest string
	if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Host != "" {
		host = u.Hostname()
		rest = u.Path
		if u.RawQuery != "" {
			rest += "?" + u.RawQuery
		}
	} else {
		rest = raw
	}
	slug := slugify(host + "/" + rest)
	if slug == "" {
		return "url-" + shortHash(raw)
	}
	if utf8.RuneCountInString(slug) <= maxIDRunes {
		return slug
	}
	cut := []rune(slug)[:maxIDRunes]
	return strings.TrimRight(string(cut), "-") + "-" + shortHash(raw)
}

// slugify lower-cases s and turns every run of other characters than
// letters and digits (and every invalid byte) into one '-'.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		dash = true
	}
	return b.String()
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}
