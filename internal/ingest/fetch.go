package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"pactwatch/internal/page"
	"pactwatch/internal/source"
)

// FetcherOptions configures a Fetcher; the zero value gives the defaults.
type FetcherOptions struct {
	Version        string        // pactwatch's version, for the User-Agent ("dev" when empty)
	Timeout        time.Duration // whole request, body included (default 20 s)
	ConnectTimeout time.Duration // TCP connect and TLS handshake (default 10 s)
	MaxBytes       int64         // largest body read (default page.MaxBytes)
	MaxRedirects   int           // redirects followed (default 5)
	Delay          time.Duration // least time between two requests to one host (default none)
}

// Fetcher fetches pages and feeds over HTTP(S) politely: a clear
// User-Agent, robots.txt respected (fetched once per host and run),
// bounded time, redirects and size, and an optional delay per host. It is
// safe for concurrent use.
type Fetcher struct {
	opts   FetcherOptions
	ua     string
	client *http.Client
	robots *robotsCache

	mu   sync.Mutex
	next map[string]time.Time // host → earliest time of its next request
}

// Errors the fetcher reports.
var (
	ErrScheme      = errors.New("only http and https addresses are fetched")
	ErrDisallowed  = errors.New("disallowed by robots.txt")
	ErrContentType = errors.New("not a text or HTML page")
	ErrTimeout     = errors.New("timed out")
)

// Defaults of FetcherOptions.
const (
	DefaultTimeout        = 20 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxRedirects   = 5
)

// NewFetcher makes a Fetcher with opts, zero fields taking their defaults.
func NewFetcher(opts FetcherOptions) *Fetcher {
	if opts.Version == "" {
		opts.Version = "dev"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = DefaultConnectTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = page.MaxBytes
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	f := &Fetcher{
		opts: opts,
		ua:   "pactwatch/" + opts.Version + " (+https://github.com/pactwatch; security-cooperation research)",
		next: map[string]time.Time{},
	}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   opts.ConnectTimeout,
		ResponseHeaderTimeout: opts.Timeout,
		ForceAttemptHTTP2:     true,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
	}
	f.client = &http.Client{Transport: transport, Timeout: opts.Timeout, CheckRedirect: f.checkRedirect}
	robotsClient := &http.Client{Transport: transport, Timeout: opts.Timeout, CheckRedirect: f.checkRedirectHop}
	f.robots = newRobotsCache(robotsClient, f.ua)
	return f
}

// checkRedirectHop bounds the number of redirects and their scheme.
func (f *Fetcher) checkRedirectHop(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return fmt.Errorf("stopped after %d redirects", f.opts.MaxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrScheme)
	}
	return nil
}

// checkRedirect also checks the target's robots.txt.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := f.checkRedirectHop(req, via); err != nil {
		return err
	}
	if err := f.robots.check(req.Context(), req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), err)
	}
	return nil
}

// Page fetches one page and returns it as an article: ID derived from the
// final URL (after redirects), URL the final URL, Origin the address asked
// for, Format HTML (Text for text/plain), Language from Content-Language,
// Raw the body decoded to UTF-8 (charset from the Content-Type header, else
// a <meta> tag, else detection). Errors name the address and the reason:
// a scheme other than http(s), robots.txt, a timeout, too many redirects, a
// status other than 2xx, a content type other than HTML or plain text, a
// body larger than the limit.
func (f *Fetcher) Page(ctx context.Context, rawURL string) (*source.Article, error) {
	resp, err := f.get(ctx, rawURL, "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1", nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetch %s: HTTP status %s", rawURL, resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	format, known := pageFormat(ct)
	if ct != "" && !known {
		return nil, fmt.Errorf("fetch %s: %w (%s)", rawURL, ErrContentType, mediaType(ct))
	}
	body, err := readLimited(resp.Body, f.opts.MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, f.describe(ctx, err))
	}
	if ct == "" { // no header: judge by the bytes
		if format, known = pageFormat(http.DetectContentType(body)); !known {
			return nil, fmt.Errorf("fetch %s: %w (%s)", rawURL, ErrContentType, mediaType(http.DetectContentType(body)))
		}
	}
	final := resp.Request.URL.String()
	return &source.Article{
		ID:       IDFromURL(final),
		URL:      final,
		Format:   format,
		Language: contentLanguage(resp.Header.Get("Content-Language")),
		Origin:   rawURL,
		Raw:      toUTF8(body, ct),
	}, nil
}

// get sends one GET request after the scheme, robots.txt and delay checks.
// The caller closes the body.
func (f *Fetcher) get(ctx context.Context, rawURL, accept string, header http.Header) (*http.Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, ErrScheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch %s: no host", rawURL)
	}
	if err := f.robots.check(ctx, u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	if err := f.wait(ctx, u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", f.ua)
	req.Header.Set("Accept", accept)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, f.describe(ctx, err))
	}
	return resp, nil
}

// describe makes a client error readable: the context's own error when it
// ended, "timed out after ..." for the fetcher's timeout, and the cause
// without Go's "Get URL:" prefix.
func (f *Fetcher) describe(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w after %s", ErrTimeout, f.opts.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// wait sleeps until the host may be asked again, when a delay is set (the
// larger of Delay and the host's robots.txt Crawl-delay).
func (f *Fetcher) wait(ctx context.Context, u *url.URL) error {
	delay := max(f.opts.Delay, f.robots.crawlDelay(u))
	if delay <= 0 {
		return nil
	}
	host := strings.ToLower(u.Host)
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(delay)
	f.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// readLimited reads at most max bytes; a longer body is an error.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > max {
		return nil, tooLargeError{max}
	}
	return body, nil
}

// mediaType is the lower-cased media type of a Content-Type value.
func mediaType(ct string) string {
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// pageFormat says how a page of this content type is read, and whether it
// is one that is read at all.
func pageFormat(ct string) (source.Format, bool) {
	switch mediaType(ct) {
	case "text/html", "application/xhtml+xml":
		return source.HTML, true
	case "text/plain":
		return source.Text, true
	}
	return source.Auto, false
}

// contentLanguage is the language of a Content-Language header naming one
// language ("fr-CA" gives "fr"), else "".
func contentLanguage(h string) string {
	h = strings.TrimSpace(h)
	if h == "" || strings.Contains(h, ",") {
		return ""
	}
	primary, _, _ := strings.Cut(h, "-")
	return strings.ToLower(primary)
}

// toUTF8 decodes an HTML or text body to UTF-8: by a byte-order mark, else
// the charset of the Content-Type header, else a <meta charset> or
// http-equiv tag, else by detection. A body that is valid UTF-8 is kept as
// it is unless the header or a byte-order mark says otherwise (pages that
// declare Latin-1 in a tag and are UTF-8 are common). Bytes that cannot be
// decoded are left for the page reader, which handles invalid UTF-8.
func toUTF8(body []byte, contentType string) []byte {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" || (!certain && utf8.Valid(body)) {
		return body
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return bytes.TrimPrefix(out, []byte("\xEF\xBB\xBF")) // a UTF-16 byte-order mark, decoded
}
