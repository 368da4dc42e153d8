package server

import (
	_ "embed"
	"net/http"
)

// openAPIDoc describes the API (OpenAPI 3.0), written by hand beside the
// handlers; the tests check it against real answers.
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(openAPIDoc)
}
