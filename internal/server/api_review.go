package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"pactwatch/internal/event"
	"pactwatch/internal/store"
)

// reviewer names who acted: the request's reviewer, or "analyst".
func reviewer(name string) (string, error) {
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 100 {
		return "", badRequest(fmt.Errorf("reviewer: longer than 100 characters"))
	}
	if name == "" {
		return "analyst", nil
	}
	return name, nil
}

// reviewBase is what every review action carries: who, and why.
type reviewBase struct {
	Note     string `json:"note"`
	Reviewer string `json:"reviewer"`
}

func (b *reviewBase) base() *reviewBase { return b }

// reviewRequest confirms, rejects or reopens an event.
type reviewRequest struct {
	Status string `json:"status"` // confirmed, rejected, or "" to reopen
	reviewBase
}

// correctionRequest corrects fields of an event.
type correctionRequest struct {
	Fields map[string]json.RawMessage `json:"fields"`
	reviewBase
}

// mergeRequest merges another event into this one.
type mergeRequest struct {
	From int64 `json:"from"`
	reviewBase
}

// splitRequest splits sources off this event into a new one.
type splitRequest struct {
	Articles []string `json:"articles"`
	reviewBase
}

// readAction reads a review action on the event in the path: its body
// into req, the reviewer's name checked, the note's length checked, and
// the event (and any other event ids given) known to the store.
func (s *Server) readAction(w http.ResponseWriter, r *http.Request, req interface{ base() *reviewBase }, others ...*int64) (id int64, who string, err error) {
	if id, err = pathID(r, "id"); err != nil {
		return 0, "", err
	}
	if err = decodeJSON(w, r, maxJSONBody, req); err != nil {
		return 0, "", err
	}
	b := req.base()
	if who, err = reviewer(b.Reviewer); err != nil {
		return 0, "", err
	}
	if err = checkNote(b.Note); err != nil {
		return 0, "", err
	}
	ids := []int64{id}
	for _, o := range others {
		ids = append(ids, *o)
	}
	for _, e := range ids {
		if err = s.exists(r.Context(), e); err != nil {
			return 0, "", err
		}
	}
	return id, who, nil
}

func checkNote(note string) error {
	if utf8.RuneCountInString(note) > 2000 {
		return badRequest(fmt.Errorf("note: longer than 2000 characters"))
	}
	return nil
}

// reviewed answers a review write with the event's page after it.
func (s *Server) reviewed(w http.ResponseWriter, r *http.Request, id int64, status int) (any, error) {
	s.changed(r.Context())
	r.SetPathValue("id", fmt.Sprint(id))
	d, err := s.getEvent(w, r)
	if err != nil || status != http.StatusCreated {
		return d, err
	}
	return created{d}, nil
}

func (s *Server) postReview(w http.ResponseWriter, r *http.Request) (any, error) {
	var req reviewRequest
	id, who, err := s.readAction(w, r, &req)
	if err != nil {
		return nil, err
	}
	if err := s.st.SetStatus(r.Context(), id, req.Status, who, req.Note); err != nil {
		return nil, badRequest(err)
	}
	return s.reviewed(w, r, id, http.StatusOK)
}

func (s *Server) postCorrections(w http.ResponseWriter, r *http.Request) (any, error) {
	var req correctionRequest
	id, who, err := s.readAction(w, r, &req)
	if err != nil {
		return nil, err
	}
	if _, err := s.st.Correct(r.Context(), id, req.Fields, who, req.Note); err != nil {
		return nil, badRequest(err)
	}
	return s.reviewed(w, r, id, http.StatusOK)
}

func (s *Server) postMerge(w http.ResponseWriter, r *http.Request) (any, error) {
	var req mergeRequest
	id, who, err := s.readAction(w, r, &req, &req.From)
	if err != nil {
		return nil, err
	}
	if err := s.st.MergeEvents(r.Context(), id, req.From, who, req.Note); err != nil {
		return nil, badRequest(err)
	}
	return s.reviewed(w, r, id, http.StatusOK)
}

func (s *Server) postSplit(w http.ResponseWriter, r *http.Request) (any, error) {
	var req splitRequest
	id, who, err := s.readAction(w, r, &req)
	if err != nil {
		return nil, err
	}
	newID, err := s.st.SplitEvent(r.Context(), id, req.Articles, who, req.Note)
	if err != nil {
		return nil, badRequest(err)
	}
	return s.reviewed(w, r, newID, http.StatusCreated)
}

// exists returns nil when the event is in the store, else the error of
// goneEvent.
func (s *Server) exists(ctx context.Context, id int64) error {
	_, err := s.st.Event(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return s.goneEvent(ctx, id, err)
	}
	return err
}

// goneEvent is the error for an event that is not in the store: 410 Gone
// with the reason when a rebuild deleted it and its review was kept, else
// notFound as it is.
func (s *Server) goneEvent(ctx context.Context, id int64, notFound error) error {
	rv, ok, err := s.st.Review(ctx, id)
	if err != nil {
		return err
	}
	if !ok || rv.Orphan == nil {
		return notFound
	}
	return &httpError{http.StatusGone, fmt.Errorf("event %d is gone: %s; its review is kept (/api/reviews/orphaned)",
		id, rv.Orphan.Reason)}
}

// orphanedReview is the review of an event a rebuild deleted: what the
// analysts had decided, why the event is gone and which events took its
// mentions, for an analyst to carry the decisions over.
type orphanedReview struct {
	EventID    int64                     `json:"event"`
	Status     string                    `json:"status"`
	Fields     map[string]correctedField `json:"fields"`
	MergedInto int64                     `json:"merged_into,omitempty"`
	SplitFrom  int64                     `json:"split_from,omitempty"`
	SplitOff   []int64                   `json:"split_off"`
	Reviewer   string                    `json:"reviewer"`
	At         time.Time                 `json:"at"`
	Orphan     store.Orphan              `json:"orphan"`
	Machine    event.Record              `json:"machine"` // the record as the machine last built it
	History    []store.ReviewAction      `json:"history"`
}

// orphanedReviews is the answer of GET /api/reviews/orphaned.
type orphanedReviews struct {
	Reviews []orphanedReview `json:"reviews"`
}

func (s *Server) getOrphanedReviews(w http.ResponseWriter, r *http.Request) (any, error) {
	ctx := r.Context()
	rvs, err := s.st.OrphanedReviews(ctx)
	if err != nil {
		return nil, err
	}
	out := orphanedReviews{Reviews: make([]orphanedReview, 0, len(rvs))}
	for _, rv := range rvs {
		hist, err := s.st.ReviewHistory(ctx, rv.EventID)
		if err != nil {
			return nil, err
		}
		o := orphanedReview{EventID: rv.EventID, Status: rv.Status, Fields: map[string]correctedField{},
			MergedInto: rv.MergedInto, SplitFrom: rv.SplitFrom, SplitOff: nonNil(rv.SplitOff), Reviewer: rv.Reviewer,
			At: rv.At, Orphan: *rv.Orphan, Machine: rv.Machine, History: nonNil(hist)}
		if o.Orphan.Successors == nil {
			o.Orphan.Successors = []int64{}
		}
		for name, c := range rv.Fields {
			o.Fields[name] = correctedField{Value: c.Value, Machine: machineValue(&rv.Machine, name), By: c.By, At: c.At}
		}
		out.Reviews = append(out.Reviews, o)
	}
	return out, nil
}
