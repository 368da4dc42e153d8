package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"
)

// answerCache keeps the encoded answers of the aggregate views (graph,
// map, timeline, meta) for the index snapshot they were computed on: the
// snapshot never changes, so neither does the answer to the same query.
// A new snapshot empties it; so does reaching maxCached answers.
type answerCache struct {
	mu  sync.Mutex
	gen uint64
	m   map[string][]byte
}

const maxCached = 256

func (c *answerCache) get(gen uint64, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return nil, false
	}
	b, ok := c.m[key]
	return b, ok
}

func (c *answerCache) put(gen uint64, key string, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || c.m == nil || len(c.m) >= maxCached {
		c.gen, c.m = gen, map[string][]byte{}
	}
	c.m[key] = b
}

// cachedAPI is api for handlers whose answer depends only on the index
// snapshot and the query string.
func (s *Server) cachedAPI(h func(w http.ResponseWriter, r *http.Request) (any, error)) http.HandlerFunc {
	plain := s.api(h)
	return func(w http.ResponseWriter, r *http.Request) {
		snap := s.cat.snap.Load()
		if s.noCache || snap == nil {
			plain(w, r)
			return
		}
		key := r.URL.Path + "?" + r.URL.Query().Encode() // Encode sorts the keys
		if b, ok := s.answers.get(snap.gen, key); ok {
			writeBody(w, b)
			return
		}
		v, err := h(w, r)
		if err != nil {
			plain(w, r) // answers the error the same way (cheap: errors come from parsing)
			return
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(true)
		if err := enc.Encode(v); err != nil {
			writeError(w, http.StatusInternalServerError, err)
			return
		}
		s.answers.put(snap.gen, key, buf.Bytes())
		writeBody(w, buf.Bytes())
	}
}

func writeBody(w http.ResponseWriter, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
}
