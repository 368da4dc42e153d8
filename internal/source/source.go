// Package source defines Article, the one record every reader (files, JSONL,
// WARC, URLs, feeds, the store) hands to the pipeline: what the article is,
// where it came from, and its raw bytes. It knows nothing about cleaning or
// extraction.
package source

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Format says how the raw bytes are to be read.
type Format string

// The formats an article can have. Auto lets the page reader decide from
// the bytes (and the name's extension, for files).
const (
	Auto Format = ""
	Text Format = "text"
	HTML Format = "html"
)

// Origin says where an article's publication date came from.
type Origin string

// Where a publication date can come from, most trusted first.
const (
	OriginNone      Origin = ""          // not known
	OriginMetadata  Origin = "metadata"  // the page's or feed's own metadata
	OriginDateline  Origin = "dateline"  // a dateline at the top of the text
	OriginFlag      Origin = "flag"      // given by the user (--published)
	OriginEstimated Origin = "estimated" // the latest full date the text states
)

// Article is one input article.
type Article struct {
	ID            string    // article id: a file's name without extension, a JSONL id, or derived from the URL
	URL           string    // where it was published, when known
	Title         string    // headline, when known before cleaning
	Format        Format    // Text, HTML or Auto
	Language      string    // language declared by the source, when any (a hint)
	Published     time.Time // publication date, when known
	PublishedFrom Origin    // where Published came from
	Fallback      time.Time // a date to use only when the article states none (--published)
	Origin        string    // what it was read from: a path, "file.jsonl:12", a WARC record, a feed URL
	Raw           []byte    // the bytes as read (at most page.MaxBytes)
}

// Hash is the hex SHA-256 of raw bytes: the identity of stored content.
func Hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
