package server

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"pactwatch/internal/event"
	"pactwatch/internal/store"
)

// watchView is a watch as the API shows it.
type watchView struct {
	store.Watch
	Feed      string  `json:"feed"`       // the Atom feed's path
	NewEvents []int64 `json:"new_events"` // the events of its new hits
}

// watchDetail is a watch with its latest hits.
type watchDetail struct {
	watchView
	Hits []hitView `json:"hits"`
}

type hitView struct {
	store.Hit
	Event *eventItem `json:"event_record"` // null when the event is gone
}

// watchRequest creates a watch.
type watchRequest struct {
	Name          string   `json:"name"`
	Countries     []string `json:"countries"`
	Types         []string `json:"types"`
	Stage         string   `json:"stage"`
	MinConfidence float64  `json:"min_confidence"`
	Webhook       string   `json:"webhook"`
	Reviewer      string   `json:"reviewer"`
}

func feedPath(id int64) string { return fmt.Sprintf("/watches/%d/feed.atom", id) }

func (s *Server) view(ctx context.Context, w store.Watch) (watchView, error) {
	v := watchView{Watch: w, Feed: feedPath(w.ID), NewEvents: []int64{}}
	if v.Countries == nil {
		v.Countries = []string{}
	}
	if v.Types == nil {
		v.Types = []event.Type{}
	}
	if w.New == 0 {
		return v, nil
	}
	hits, err := s.st.WatchHits(ctx, w.ID, 100)
	if err != nil {
		return v, err
	}
	for _, h := range hits {
		if h.New {
			v.NewEvents = append(v.NewEvents, h.EventID)
		}
	}
	return v, nil
}

func (s *Server) getWatches(w http.ResponseWriter, r *http.Request) (any, error) {
	ws, err := s.st.Watches(r.Context())
	if err != nil {
		return nil, err
	}
	out := struct {
		Watches []watchView `json:"watches"`
	}{Watches: []watchView{}}
	for _, wt := range ws {
		v, err := s.view(r.Context(), wt)
		if err != nil {
			return nil, err
		}
		out.Watches = append(out.Watches, v)
	}
	return out, nil
}

func (s *Server) postWatch(w http.ResponseWriter, r *http.Request) (any, error) {
	var req watchRequest
	if err := decodeJSON(w, r, maxJSONBody, &req); err != nil {
		return nil, err
	}
	who, err := reviewer(req.Reviewer)
	if err != nil {
		return nil, err
	}
	wt := store.Watch{Name: req.Name, Countries: req.Countries, Stage: event.Stage(req.Stage),
		MinConfidence: req.MinConfidence, Webhook: strings.TrimSpace(req.Webhook), CreatedBy: who}
	for _, t := range req.Types {
		wt.Types = append(wt.Types, event.Type(t))
	}
	wt, err = s.st.CreateWatch(r.Context(), wt)
	if err != nil {
		return nil, badRequest(err)
	}
	v, err := s.view(r.Context(), wt)
	if err != nil {
		return nil, err
	}
	return created{v}, nil
}

func (s *Server) getWatch(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	wt, err := s.st.Watch(ctx, id)
	if err != nil {
		return nil, err
	}
	v, err := s.view(ctx, wt)
	if err != nil {
		return nil, err
	}
	hits, err := s.st.WatchHits(ctx, id, 50)
	if err != nil {
		return nil, err
	}
	snap, err := s.cat.current(ctx)
	if err != nil {
		return nil, err
	}
	d := watchDetail{watchView: v, Hits: []hitView{}}
	for _, h := range hits {
		hv := hitView{Hit: h}
		if items, err := s.items(ctx, snap, []int64{h.EventID}); err != nil {
			return nil, err
		} else if len(items) == 1 {
			hv.Event = &items[0]
		}
		d.Hits = append(d.Hits, hv)
	}
	return d, nil
}

func (s *Server) deleteWatch(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	if err := s.st.DeleteWatch(r.Context(), id); err != nil {
		return nil, err
	}
	return struct {
		Deleted int64 `json:"deleted"`
	}{id}, nil
}

func (s *Server) postWatchSeen(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	if err := s.st.MarkWatchSeen(r.Context(), id); err != nil {
		return nil, err
	}
	wt, err := s.st.Watch(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return s.view(r.Context(), wt)
}

// Atom 1.0 (RFC 4287) as the feeds use it.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// baseURL is the server's address as the request reached it.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// eventTitle is an event's one-line title: "agreement (signed): FRA–KEN, 2025-03-14".
func eventTitle(rec *event.Record) string {
	t := string(rec.Type)
	if rec.Agreement != nil && rec.Agreement.Stage != "" {
		t += " (" + string(rec.Agreement.Stage) + ")"
	}
	t += ": " + strings.Join(rec.Countries, "–")
	if rec.Date != "" {
		t += ", " + rec.Date
	}
	return t
}

// getFeed serves a watch's hits as an Atom feed, newest first.
func (s *Server) getFeed(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	ctx := r.Context()
	wt, err := s.st.Watch(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, err)
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	hits, err := s.st.WatchHits(ctx, id, 50)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	base := baseURL(r)
	updated := wt.CreatedAt
	f := atomFeed{
		ID:     fmt.Sprintf("tag:pactwatch,2026:watch:%d", id),
		Title:  "pactwatch: " + wt.Name,
		Author: atomPerson{Name: "pactwatch"},
		Links: []atomLink{{Rel: "self", Href: base + feedPath(id), Type: "application/atom+xml"},
			{Rel: "alternate", Href: fmt.Sprintf("%s/watches/%d", base, id), Type: "text/html"}},
	}
	for _, h := range hits {
		rec, err := s.st.Event(ctx, h.EventID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			writeError(w, http.StatusInternalServerError, err)
			return
		}
		if h.At.After(updated) {
			updated = h.At
		}
		summary := ""
		if len(rec.Evidence) > 0 {
			summary = rec.Evidence[0]
		}
		e := atomEntry{
			ID:         fmt.Sprintf("tag:pactwatch,2026:event:%d", rec.ID),
			Title:      eventTitle(&rec),
			Updated:    h.At.UTC().Format(time.RFC3339),
			Published:  h.At.UTC().Format(time.RFC3339),
			Links:      []atomLink{{Rel: "alternate", Href: fmt.Sprintf("%s/events/%d", base, rec.ID), Type: "text/html"}},
			Categories: []atomCategory{{Term: string(rec.Type)}},
			Summary:    atomText{Type: "text", Text: summary},
		}
		f.Entries = append(f.Entries, e)
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b.Bytes())
}

// webhookPayload is what a watch's webhook receives: the watch and its
// new events.
type webhookPayload struct {
	Watch  webhookWatch   `json:"watch"`
	Events []event.Record `json:"events"`
}

type webhookWatch struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Feed string `json:"feed"`
}

// notify posts each watch's hits not yet delivered to its webhook, 50 at a
// time; a failed call is tried again at the next check.
func (s *Server) notify(ctx context.Context) {
	ws, err := s.st.Watches(ctx)
	if err != nil {
		s.log.Warn("webhooks", "err", err)
		return
	}
	for _, wt := range ws {
		if wt.Webhook == "" {
			continue
		}
		for ctx.Err() == nil {
			ids, err := s.st.Unnotified(ctx, wt.ID, 50)
			if err != nil || len(ids) == 0 {
				break
			}
			p := webhookPayload{Watch: webhookWatch{ID: wt.ID, Name: wt.Name, Feed: feedPath(wt.ID)}, Events: []event.Record{}}
			for _, id := range ids {
				if rec, err := s.st.Event(ctx, id); err == nil {
					p.Events = append(p.Events, rec)
				}
			}
			if err := s.post(ctx, wt.Webhook, p); err != nil {
				s.log.Warn("webhook", "watch", wt.ID, "err", err)
				break
			}
			if err := s.st.MarkNotified(ctx, wt.ID, ids); err != nil {
				s.log.Warn("webhook", "watch", wt.ID, "err", err)
				break
			}
		}
	}
}

func (s *Server) post(ctx context.Context, url string, p webhookPayload) error {
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "pactwatch/"+s.version+" (watch webhook)")
	resp, err := s.hooks.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("%s answered %s", url, resp.Status)
	}
	return nil
}
