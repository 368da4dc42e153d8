package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"pactwatch/internal/server"
)

// runServe serves the analyst's workbench: the JSON API, the web app and
// the watches' feeds, over the store, until stopped.
func runServe(args []string) int {
	fs := newFlags("serve")
	sf := addStoreFlags(fs)
	wf := addWorkFlags(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; beyond loopback, writes need --token")
	token := fs.String("token", "", "token every write must carry (default $PACTWATCH_TOKEN)")
	readOnly := fs.Bool("read-only", false, "refuse every write (review, watches, ingest)")
	every := fs.Duration("check-every", 10*time.Second, "how often the index is refreshed from the store and watches are checked")
	if _, code := parse(fs, args); code >= 0 {
		return code
	}
	if *token == "" {
		*token = os.Getenv("PACTWATCH_TOKEN")
	}
	if *every < 100*time.Millisecond {
		warnf("serve: --check-every %v is too short", *every)
		return 2
	}
	loopback := server.IsLoopback(*addr)
	writable := !*readOnly && (loopback || *token != "")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		warnf("serve: %v", err)
		return 1
	}
	s, err := openSession(ctx, sf, wf, newFetcher())
	if err != nil {
		ln.Close()
		warnf("serve: %v", err)
		return 1
	}
	defer s.close()
	srv, err := server.New(server.Options{Store: s.st, Queue: s.q, Fetcher: s.fetcher, Token: *token,
		Writable: writable, LoopbackHosts: loopback, Version: version, CheckEvery: *every})
	if err != nil {
		ln.Close()
		warnf("serve: %v", err)
		return 1
	}
	go srv.Run(ctx)
	hs := srv.HTTPServer(*addr)
	writes := "writes allowed"
	switch {
	case *readOnly:
		writes = "read-only (--read-only)"
	case !writable:
		writes = "read-only: writes beyond loopback need --token"
	case *token != "":
		writes = "writes need the token"
	}
	app := "web app"
	if !srv.Built() {
		app = "web app not built (scripts/web-build.sh); API only"
	}
	fmt.Fprintf(os.Stderr, "pactwatch: serving %s on http://%s (%s; %s; API: /api/openapi.json)\n",
		s.st.Dialect(), ln.Addr(), app, writes)
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = hs.Shutdown(sctx)
		cancel()
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		warnf("serve: %v", err)
		return 1
	}
	return 0
}
