package server

import (
	"embed"
	"errors"
	"io/fs"
	"net/http"
	"strings"
)

// dist holds the web app as scripts/web-build.sh builds it (index.html and
// assets/ with hashed names), or only its README before a build.
//
//go:embed all:dist
var dist embed.FS

// appPaths are the app's own addresses: each view has one, and a reload
// or a shared link must open the app there.
var appPaths = []string{"/{$}", "/network", "/map", "/timeline", "/events", "/events/{id}", "/states/{iso3}",
	"/agreements", "/watches", "/watches/{id}", "/ingest"}

// notBuilt is the page served in place of the app before it is built.
const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pactwatch</title></head>
<body><h1>pactwatch</h1>
<p>web app not built: run scripts/web-build.sh, then build pactwatch again.</p>
<p>The API works without it: <a href="/api/openapi.json">/api/openapi.json</a> describes it.</p>
</body></html>
`

// app serves the embedded web app.
type app struct {
	index  []byte // index.html; nil when the app is not built
	assets fs.FS  // dist/assets
}

func loadApp() (*app, error) {
	a := &app{}
	b, err := dist.ReadFile("dist/index.html")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return a, nil
	case err != nil:
		return nil, err
	}
	a.index = b
	if a.assets, err = fs.Sub(dist, "dist/assets"); err != nil {
		return nil, err
	}
	return a, nil
}

// Built reports whether the web app is embedded.
func (s *Server) Built() bool { return s.app.index != nil }

func (a *app) routes(m *http.ServeMux) {
	for _, p := range appPaths {
		m.HandleFunc("GET "+p, a.page)
	}
	if a.assets != nil {
		files := http.StripPrefix("/assets/", http.FileServerFS(a.assets))
		m.Handle("GET /assets/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/") {
				http.NotFound(w, r)
				return
			}
			// hashed names: a file never changes under its name
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			files.ServeHTTP(w, r)
		}))
	}
}

// page serves index.html for every app address; the app reads the address
// and shows the view.
func (a *app) page(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	if a.index == nil {
		w.Write([]byte(notBuilt))
		return
	}
	w.Write(a.index)
}
