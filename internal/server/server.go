package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"pactwatch/internal/gazetteer/coords"
	"pactwatch/internal/ingest"
	"pactwatch/internal/pipeline"
	"pactwatch/internal/queue"
	"pactwatch/internal/store"
)

// Options configure a Server. Store is required; the rest have defaults.
type Options struct {
	Store    *store.Store
	Queue    *queue.Queue       // runs extraction for ingest with keep; nil: keeping is refused
	Pipeline *pipeline.Pipeline // for ingest previews; nil: loaded by New
	Fetcher  *ingest.Fetcher    // for ingest by URL; nil: URLs are refused
	// Token, when set, is needed by every write (Authorization: Bearer, or
	// the X-Pactwatch-Token header).
	Token string
	// Writable allows writes (review, watches, ingest). The caller decides:
	// pactwatch serve allows them on loopback, and beyond it only with a
	// token.
	Writable bool
	// LoopbackHosts refuses requests whose Host is not a loopback name
	// (localhost, 127.0.0.1, [::1]): a page on another site cannot reach
	// the server through a DNS name rebound to 127.0.0.1.
	LoopbackHosts bool
	Version       string        // shown by /api/meta
	CheckEvery    time.Duration // how often Run refreshes the index and checks watches (default 10 s)
	Logger        *slog.Logger  // default: warnings to stderr
	Webhooks      *http.Client  // for watch webhooks; default: a client with a 10 s timeout
	WaitIngest    time.Duration // how long an ingest with keep waits for its extraction (default 60 s)
}

// Server answers the API, the feeds and the app.
type Server struct {
	st         *store.Store
	q          *queue.Queue
	pipe       *pipeline.Pipeline
	fetcher    *ingest.Fetcher
	cat        *catalog
	regions    *Regions
	places     *coords.Table
	token      string
	writable   bool
	loopback   bool
	version    string
	checkEvery time.Duration
	waitIngest time.Duration
	log        *slog.Logger
	hooks      *http.Client
	app        *app
	mux        *http.ServeMux
	nudge      chan struct{}
	answers    answerCache
	noCache    bool // benchmarks measure the work, not the cache
}

// New makes a server over a store. It does not load the index: Run does,
// and requests wait for the first load.
func New(opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, errors.New("server: no store")
	}
	s := &Server{st: opts.Store, q: opts.Queue, pipe: opts.Pipeline, fetcher: opts.Fetcher, token: opts.Token,
		writable: opts.Writable, loopback: opts.LoopbackHosts, version: opts.Version, checkEvery: opts.CheckEvery,
		waitIngest: opts.WaitIngest, log: opts.Logger, hooks: opts.Webhooks, nudge: make(chan struct{}, 1)}
	if s.checkEvery <= 0 {
		s.checkEvery = 10 * time.Second
	}
	if s.waitIngest <= 0 {
		s.waitIngest = 60 * time.Second
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.hooks == nil {
		s.hooks = &http.Client{Timeout: 10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	var err error
	if s.pipe == nil {
		if s.pipe, err = pipeline.New(pipeline.Options{}); err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
	}
	if s.regions, err = loadRegions(); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if s.places, err = coords.Load(); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if s.app, err = loadApp(); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s.cat = newCatalog(s.st)
	s.routes()
	return s, nil
}

// Run keeps the index current and checks the watches (calling their
// webhooks) every CheckEvery, and soon after every write through the API,
// until ctx ends. The first load of the index happens at once.
func (s *Server) Run(ctx context.Context) {
	tick := time.NewTicker(s.checkEvery)
	defer tick.Stop()
	for {
		s.cycle(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-s.nudge:
		}
	}
}

// cycle refreshes the index, then checks the watches and sends webhooks.
func (s *Server) cycle(ctx context.Context) {
	if err := s.cat.refresh(ctx); err != nil && ctx.Err() == nil {
		s.log.Warn("refresh the event index", "err", err)
	}
	s.warm()
	if _, err := s.st.CheckWatches(ctx); err != nil && ctx.Err() == nil {
		s.log.Warn("check watches", "err", err)
	}
	s.notify(ctx)
}

// warmPaths are the answers the app's first page asks for: computed as
// soon as a new index snapshot exists, so that the first visitor finds
// them ready.
var warmPaths = []string{"/api/meta", "/api/graph"}

// warm fills the answer cache for the current snapshot.
func (s *Server) warm() {
	snap := s.cat.snap.Load()
	if snap == nil || s.noCache {
		return
	}
	for _, p := range warmPaths {
		if _, ok := s.answers.get(snap.gen, p+"?"); ok {
			continue
		}
		req, err := http.NewRequest(http.MethodGet, p, nil)
		if err != nil {
			continue
		}
		s.mux.ServeHTTP(discard{}, req)
	}
}

// discard is a ResponseWriter that keeps nothing.
type discard struct{}

func (discard) Header() http.Header         { return http.Header{} }
func (discard) Write(b []byte) (int, error) { return len(b), nil }
func (discard) WriteHeader(int)             {}

// Refresh brings the index up to date and checks the watches now (what
// Run does on its own every CheckEvery). Tests and writes call it.
func (s *Server) Refresh(ctx context.Context) error {
	if err := s.cat.refresh(ctx); err != nil {
		return err
	}
	s.warm()
	if _, err := s.st.CheckWatches(ctx); err != nil {
		return err
	}
	s.notify(ctx)
	return nil
}

// changed is called after a write: the index is refreshed in the request
// (the answer already shows the write) and Run is nudged to check watches.
func (s *Server) changed(ctx context.Context) {
	if err := s.cat.refresh(ctx); err != nil {
		s.log.Warn("refresh the event index", "err", err)
	}
	select {
	case s.nudge <- struct{}{}:
	default:
	}
}

// HTTPServer returns an http.Server for the handler with the timeouts and
// limits the workbench needs: slow clients cannot hold connections open.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// IsLoopback reports whether a listen address only accepts connections
// from this machine (127.0.0.0/8, ::1, localhost).
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// csp is the Content-Security-Policy of every response: scripts and
// styles only from the server's own files, no inline code, no eval, no
// plugins, no framing, nothing sent elsewhere.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// Handler returns the server's handler with its safety headers and checks.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serve) }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if s.loopback && !loopbackHost(r.Host) {
		writeError(w, http.StatusMisdirectedRequest, fmt.Errorf("host %q: this server answers loopback names only", r.Host))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if status, err := s.checkWrite(r); err != nil {
			writeError(w, status, err)
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkWrite lets a write through or says why not.
func (s *Server) checkWrite(r *http.Request) (int, error) {
	if !s.writable {
		return http.StatusForbidden, errors.New("read-only: writes need a token (--token or PACTWATCH_TOKEN) when the server listens beyond loopback")
	}
	if r.Header.Get("X-Pactwatch") == "" {
		return http.StatusForbidden, errors.New("writes need the X-Pactwatch header (cross-site request protection)")
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return http.StatusForbidden, fmt.Errorf("cross-site write refused (Sec-Fetch-Site %s)", site)
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || !strings.EqualFold(u.Host, r.Host) {
			return http.StatusForbidden, fmt.Errorf("origin %q is not this server", o)
		}
	}
	if s.token != "" {
		got := r.Header.Get("X-Pactwatch-Token")
		if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") {
			got = strings.TrimPrefix(a, "Bearer ")
		}
		if subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) != 1 {
			return http.StatusUnauthorized, errors.New("writes need the server's token (Authorization: Bearer TOKEN)")
		}
	}
	return 0, nil
}

// Body size limits.
const (
	maxJSONBody   = 64 << 10
	maxIngestBody = 10 << 20
)

// decodeJSON reads a JSON body of at most limit bytes into v, refusing
// other content types, unknown fields and trailing data.
func decodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return &httpError{http.StatusUnsupportedMediaType, errors.New("want a JSON body (Content-Type: application/json)")}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &httpError{http.StatusRequestEntityTooLarge, fmt.Errorf("body larger than %d bytes", limit)}
		}
		return &httpError{http.StatusBadRequest, fmt.Errorf("body: %w", err)}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &httpError{http.StatusBadRequest, errors.New("body: data after the JSON value")}
	}
	return nil
}

// httpError is an error with the status to answer.
type httpError struct {
	status int
	err    error
}

func (e *httpError) Error() string { return e.err.Error() }
func (e *httpError) Unwrap() error { return e.err }

func badRequest(err error) error { return &httpError{http.StatusBadRequest, err} }

// apiError is the body of every error answer.
type apiError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, apiError{Error: err.Error()})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// api adapts a handler that returns its answer or an error.
func (s *Server) api(h func(w http.ResponseWriter, r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := h(w, r)
		if err != nil {
			var he *httpError
			switch {
			case errors.As(err, &he):
				writeError(w, he.status, err)
			case errors.Is(err, store.ErrNotFound):
				writeError(w, http.StatusNotFound, err)
			case r.Context().Err() != nil:
				writeError(w, http.StatusServiceUnavailable, err)
			default:
				s.log.Warn("api", "path", r.URL.Path, "err", err)
				writeError(w, http.StatusInternalServerError, err)
			}
			return
		}
		if v == nil {
			return // the handler wrote its answer
		}
		status := http.StatusOK
		if c, ok := v.(created); ok {
			status, v = http.StatusCreated, c.v
		}
		writeJSON(w, status, v)
	}
}

// created marks an answer to send with 201 Created.
type created struct{ v any }

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /api/openapi.json", s.openAPI)
	m.HandleFunc("GET /api/meta", s.cachedAPI(s.getMeta))
	m.HandleFunc("GET /api/events", s.api(s.getEvents))
	m.HandleFunc("GET /api/events/{id}", s.api(s.getEvent))
	m.HandleFunc("GET /api/articles/{key}", s.api(s.getArticle))
	m.HandleFunc("GET /api/graph", s.cachedAPI(s.getGraph))
	m.HandleFunc("GET /api/map", s.cachedAPI(s.getMap))
	m.HandleFunc("GET /api/timeline", s.cachedAPI(s.getTimeline))
	m.HandleFunc("GET /api/states/{iso3}", s.api(s.getState))
	m.HandleFunc("GET /api/agreements", s.api(s.getAgreements))
	m.HandleFunc("GET /api/export", s.getExport)
	m.HandleFunc("POST /api/events/{id}/review", s.api(s.postReview))
	m.HandleFunc("POST /api/events/{id}/corrections", s.api(s.postCorrections))
	m.HandleFunc("POST /api/events/{id}/merge", s.api(s.postMerge))
	m.HandleFunc("POST /api/events/{id}/split", s.api(s.postSplit))
	m.HandleFunc("GET /api/reviews/orphaned", s.api(s.getOrphanedReviews))
	m.HandleFunc("GET /api/watches", s.api(s.getWatches))
	m.HandleFunc("POST /api/watches", s.api(s.postWatch))
	m.HandleFunc("GET /api/watches/{id}", s.api(s.getWatch))
	m.HandleFunc("DELETE /api/watches/{id}", s.api(s.deleteWatch))
	m.HandleFunc("POST /api/watches/{id}/seen", s.api(s.postWatchSeen))
	m.HandleFunc("POST /api/ingest", s.api(s.postIngest))
	m.HandleFunc("GET /watches/{id}/feed.atom", s.getFeed)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no API endpoint %s %s (see /api/openapi.json)", r.Method, r.URL.Path))
	})
	s.app.routes(m)
	s.mux = m
}
