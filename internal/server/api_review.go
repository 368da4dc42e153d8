package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
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

// reviewRequest confirms, rejects or reopens an event.
type reviewRequest struct {
	Status   string `json:"status"` // confirmed, rejected, or "" to reopen
	Note     string `json:"note"`
	Reviewer string `json:"reviewer"`
}

// correctionRequest corrects fields of an event.
type correctionRequest struct {
	Fields   map[string]json.RawMessage `json:"fields"`
	Note     string                     `json:"note"`
	Reviewer string                     `json:"reviewer"`
}

// mergeRequest merges another event into this one.
type mergeRequest struct {
	From     int64  `json:"from"`
	Note     string `json:"note"`
	Reviewer string `json:"reviewer"`
}

// splitRequest splits sources off this event into a new one.
type splitRequest struct {
	Articles []string `json:"articles"`
	Note     string   `json:"note"`
	Reviewer string   `json:"reviewer"`
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
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	var req reviewRequest
	if err := decodeJSON(w, r, maxJSONBody, &req); err != nil {
		return nil, err
	}
	who, err := reviewer(req.Reviewer)
	if err != nil {
		return nil, err
	}
	if err := checkNote(req.Note); err != nil {
		return nil, err
	}
	if _, err := s.st.Event(r.Context(), id); err != nil {
		return nil, err
	}
	if err := s.st.SetStatus(r.Context(), id, req.Status, who, req.Note); err != nil {
		return nil, badRequest(err)
	}
	return s.reviewed(w, r, id, http.StatusOK)
}

func (s *Server) postCorrections(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	var req correctionRequest
	if err := decodeJSON(w, r, maxJSONBody, &req); err != nil {
		return nil, err
	}
	who, err := reviewer(req.Reviewer)
	if err != nil {
		return nil, err
	}
	if err := checkNote(req.Note); err != nil {
		return nil, err
	}
	if _, err := s.st.Event(r.Context(), id); err != nil {
		return nil, err
	}
	if _, err := s.st.Correct(r.Context(), id, req.Fields, who, req.Note); err != nil {
		return nil, badRequest(err)
	}
	return s.reviewed(w, r, id, http.StatusOK)
}

func (s *Server) postMerge(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	var req mergeRequest
	if err := decodeJSON(w, r, maxJSONBody, &req); err != nil {
		return nil, err
	}
	who, err := reviewer(req.Reviewer)
	if err != nil {
		return nil, err
	}
	if err := checkNote(req.Note); err != nil {
		return nil, err
	}
	for _, e := range []int64{id, req.From} {
		if _, err := s.st.Event(r.Context(), e); err != nil {
			return nil, err
		}
	}
	if err := s.st.MergeEvents(r.Context(), id, req.From, who, req.Note); err != nil {
		return nil, badRequest(err)
	}
	return s.reviewed(w, r, id, http.StatusOK)
}

func (s *Server) postSplit(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	var req splitRequest
	if err := decodeJSON(w, r, maxJSONBody, &req); err != nil {
		return nil, err
	}
	who, err := reviewer(req.Reviewer)
	if err != nil {
		return nil, err
	}
	if err := checkNote(req.Note); err != nil {
		return nil, err
	}
	if _, err := s.st.Event(r.Context(), id); err != nil {
		return nil, err
	}
	newID, err := s.st.SplitEvent(r.Context(), id, req.Articles, who, req.Note)
	if err != nil {
		return nil, badRequest(err)
	}
	return s.reviewed(w, r, newID, http.StatusCreated)
}
