package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"pactwatch/internal/event"
	"pactwatch/internal/ingest"
	"pactwatch/internal/page"
	"pactwatch/internal/queue"
	"pactwatch/internal/source"
)

// ingestRequest is a pasted text or a URL to read.
type ingestRequest struct {
	Text      string `json:"text"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"` // YYYY-MM-DD for a page that states no date
	Keep      bool   `json:"keep"`      // store it and merge its events; false: only show what it gives
}

// ingestResult is what the page gave.
type ingestResult struct {
	Kept     bool          `json:"kept"`
	Existed  bool          `json:"existed"` // kept: the store already had this article
	Article  ingestArticle `json:"article"`
	Found    []event.Event `json:"found"`  // the events read from the page
	Events   []eventItem   `json:"events"` // kept: the store's events they joined
	Problem  string        `json:"problem,omitempty"`
	Duration float64       `json:"seconds"`
}

type ingestArticle struct {
	Key       int64  `json:"key,omitempty"` // kept: for /api/articles/{key}
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title"`
	Language  string `json:"language"`
	Dir       string `json:"dir"`
	Published string `json:"published,omitempty"`
}

func (s *Server) postIngest(w http.ResponseWriter, r *http.Request) (any, error) {
	start := time.Now()
	var req ingestRequest
	if err := decodeJSON(w, r, maxIngestBody, &req); err != nil {
		return nil, err
	}
	req.URL, req.Title = strings.TrimSpace(req.URL), strings.TrimSpace(req.Title)
	if (req.Text == "") == (req.URL == "") {
		return nil, badRequest(errors.New("give text or url, not both or neither"))
	}
	if len(req.Text) > page.MaxBytes {
		return nil, badRequest(fmt.Errorf("text larger than %d MB", page.MaxBytes>>20))
	}
	if !utf8.ValidString(req.Text) || utf8.RuneCountInString(req.Title) > 500 {
		return nil, badRequest(errors.New("text must be UTF-8 and the title at most 500 characters"))
	}
	var fallback time.Time
	if req.Published != "" {
		t, err := time.Parse(time.DateOnly, req.Published)
		if err != nil {
			return nil, badRequest(fmt.Errorf("published %q: want YYYY-MM-DD", req.Published))
		}
		fallback = t
	}
	if req.Keep && s.q == nil {
		return nil, &httpError{http.StatusServiceUnavailable, errors.New("this server has no job queue: it cannot keep articles")}
	}
	ctx := r.Context()
	a, err := s.article(ctx, &req)
	if err != nil {
		return nil, err
	}
	a.Fallback = fallback
	res := ingestResult{Found: []event.Event{}, Events: []eventItem{}}
	if !req.Keep {
		// a preview: the pipeline alone, nothing stored
		pa := *a
		out, perr := s.pipe.Run(ctx, &pa)
		if perr != nil {
			res.Problem = perr.Error()
		}
		res.Found = nonNil(out.Events())
		res.Article = articleOf(&pa, 0)
		res.Duration = time.Since(start).Seconds()
		return res, nil
	}
	key, existed, err := s.st.PutArticle(ctx, a)
	if err != nil {
		return nil, err
	}
	res.Kept, res.Existed = true, existed
	if !existed {
		job, err := s.q.QueueExtract(ctx, []int64{key}, false)
		if err != nil {
			return nil, err
		}
		wctx, cancel := context.WithTimeout(ctx, s.waitIngest)
		_, err = s.q.Wait(wctx, []queue.Job{job}, nil)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("extraction of the article did not finish: %w", err)
		}
	}
	sa, err := s.st.Article(ctx, key)
	if err != nil {
		return nil, err
	}
	res.Article = articleOf(&sa.Article, key)
	res.Problem = sa.Error
	ms, err := s.st.Mentions(ctx, key)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		res.Found = append(res.Found, m.Event)
	}
	ids, err := s.st.ArticleEvents(ctx, key)
	if err != nil {
		return nil, err
	}
	s.changed(ctx)
	snap, err := s.cat.current(ctx)
	if err != nil {
		return nil, err
	}
	if res.Events, err = s.items(ctx, snap, ids); err != nil {
		return nil, err
	}
	res.Duration = time.Since(start).Seconds()
	return created{res}, nil
}

// article makes the source article of a request: the pasted text, or the
// page fetched from the URL.
func (s *Server) article(ctx context.Context, req *ingestRequest) (*source.Article, error) {
	if req.Text != "" {
		raw := []byte(req.Text)
		return &source.Article{ID: "pasted-" + source.Hash(raw)[:12], Title: req.Title, Format: source.Auto,
			Origin: "pasted in the web app", Raw: raw}, nil
	}
	if s.fetcher == nil {
		return nil, &httpError{http.StatusServiceUnavailable, errors.New("this server does not fetch URLs")}
	}
	a, err := s.fetcher.Page(ctx, req.URL)
	if errors.Is(err, ingest.ErrScheme) {
		return nil, badRequest(err)
	}
	if err != nil {
		return nil, &httpError{http.StatusBadGateway, err}
	}
	if a.Title == "" {
		a.Title = req.Title
	}
	return a, nil
}

func articleOf(a *source.Article, key int64) ingestArticle {
	v := ingestArticle{Key: key, ID: a.ID, URL: a.URL, Title: a.Title, Language: a.Language, Dir: direction(a.Language)}
	if !a.Published.IsZero() {
		v.Published = a.Published.Format(time.DateOnly)
	}
	return v
}
