package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"pactwatch/internal/source"
)

// FeedState is what a feed's last answer said about its version, sent back
// on the next poll so that an unchanged feed answers 304 Not Modified.
type FeedState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// FeedItem is one entry of an RSS or Atom feed.
type FeedItem struct {
	Feed      string    // the feed's address
	Link      string    // the article's absolute http(s) address
	Title     string    // the item's title
	GUID      string    // the item's guid (RSS) or id (Atom), when given
	Published time.Time // published, else updated, in UTC; zero when neither
	Language  string    // the feed's declared language, when any
	Content   string    // the full text, when the feed carries it (content:encoded, Atom content)
}

// ErrNoLink is reported for a feed item without a usable link.
var ErrNoLink = errors.New("item has no http(s) link")

// Feed polls a feed (RSS, Atom or JSON Feed) with a conditional request
// (If-None-Match and If-Modified-Since from prev) under the fetcher's
// rules (User-Agent, robots.txt, time and size limits). A 304 answer gives
// no items and prev as the next state; a 200 answer gives the items and the
// state its ETag and Last-Modified headers describe. A broken item (one
// without a link) is reported to fail, where it is the feed's address and
// the item's number, and skipped.
func (f *Fetcher) Feed(ctx context.Context, feedURL string, prev FeedState, fail Fail) ([]FeedItem, FeedState, error) {
	header := http.Header{}
	if prev.ETag != "" {
		header.Set("If-None-Match", prev.ETag)
	}
	if prev.LastModified != "" {
		header.Set("If-Modified-Since", prev.LastModified)
	}
	resp, err := f.get(ctx, feedURL,
		"application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5", header)
	if err != nil {
		return nil, prev, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return nil, prev, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, prev, fmt.Errorf("fetch %s: HTTP status %s", feedURL, resp.Status)
	}
	body, err := readLimited(resp.Body, f.opts.MaxBytes)
	if err != nil {
		return nil, prev, fmt.Errorf("fetch %s: %w", feedURL, f.describe(ctx, err))
	}
	items, err := ParseFeed(resp.Request.URL.String(), body, fail)
	if err != nil {
		return nil, prev, err
	}
	for i := range items {
		items[i].Feed = feedURL
	}
	next := FeedState{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	return items, next, nil
}

// ParseFeed reads a feed (RSS, Atom or JSON Feed) from data; feedURL is
// where it was read from. Relative item links are resolved against the
// feed's site link, else against feedURL. Items without a usable link are
// reported to fail and skipped.
func ParseFeed(feedURL string, data []byte, fail Fail) (items []FeedItem, err error) {
	defer func() {
		if p := recover(); p != nil { // the feed parser on broken input
			items, err = nil, fmt.Errorf("parse feed %s: unreadable (%v)", feedURL, p)
		}
	}()
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse feed %s: %w", feedURL, err)
	}
	base, _ := url.Parse(feedURL)
	if l, err := url.Parse(strings.TrimSpace(feed.Link)); err == nil && base != nil && l.IsAbs() {
		base = l // the site's own address, for links relative to it
	}
	lang := strings.ToLower(strings.TrimSpace(feed.Language))
	if primary, _, ok := strings.Cut(lang, "-"); ok {
		lang = primary
	}
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		title := strings.TrimSpace(it.Title)
		link := itemLink(base, it)
		if link == "" {
			where := feedURL + " item " + strconv.Itoa(i+1)
			if title != "" {
				where += " (" + strconv.Quote(title) + ")"
			}
			fail(where, ErrNoLink)
			continue
		}
		item := FeedItem{
			Feed:     feedURL,
			Link:     link,
			Title:    title,
			GUID:     strings.TrimSpace(it.GUID),
			Language: lang,
		}
		switch {
		case it.PublishedParsed != nil:
			item.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			item.Published = it.UpdatedParsed.UTC()
		}
		if strings.TrimSpace(it.Content) != "" {
			item.Content = it.Content
		}
		items = append(items, item)
	}
	return items, nil
}

// itemLink is an item's link made absolute: its link, else its first
// link, else its guid when that is an address; "" when none is http(s).
func itemLink(base *url.URL, it *gofeed.Item) string {
	candidates := []string{it.Link}
	candidates = append(candidates, it.Links...)
	candidates = append(candidates, it.GUID)
	for _, c := range candidates {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil && c != it.GUID { // a guid is never relative
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}

// Article is the article the item itself carries, for a feed with full
// text: ID from the link, HTML content, the feed's title, date and
// language, Origin the feed. It is nil when the item has no content; then
// fetch the link with Fetcher.Page and call Fill.
func (it FeedItem) Article() *source.Article {
	if strings.TrimSpace(it.Content) == "" {
		return nil
	}
	a := &source.Article{
		ID:       IDFromURL(it.Link),
		URL:      it.Link,
		Format:   source.HTML,
		Language: it.Language,
		Origin:   it.Feed,
		Raw:      []byte(it.Content),
	}
	it.Fill(a)
	return a
}

// Fill gives a fetched page what the feed knows and the article lacks:
// its title, its language, and its publication date (from the feed's
// metadata).
func (it FeedItem) Fill(a *source.Article) {
	if a.Title == "" {
		a.Title = it.Title
	}
	if a.Language == "" {
		a.Language = it.Language
	}
	if a.Published.IsZero() && !it.Published.IsZero() {
		a.Published, a.PublishedFrom = it.Published, source.OriginMetadata
	}
}
