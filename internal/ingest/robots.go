package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// robotsAgent is the product token matched against User-agent lines.
const robotsAgent = "pactwatch"

// Limits on robots.txt.
const (
	maxRobotsBytes = 512 << 10        // bytes of robots.txt read; the rest is ignored
	maxCrawlDelay  = 30 * time.Second // a larger Crawl-delay is cut to this
)

// robotsRules are the rules of one robots.txt that apply to pactwatch.
type robotsRules struct {
	rules  []robotsRule
	delay  time.Duration // Crawl-delay, when given
	denied string        // when set, everything is disallowed, for this reason
}

type robotsRule struct {
	pattern string
	allow   bool
}

// allowAll and the rules made from an unreachable robots.txt.
var allowAll = &robotsRules{}

func denyAll(reason string) *robotsRules { return &robotsRules{denied: reason} }

// parseRobots reads a robots.txt (RFC 9309): the groups naming agent in a
// User-agent line, else the "*" groups; Allow and Disallow rules with '*'
// and '$'; and a Crawl-delay in seconds.
func parseRobots(data []byte, agent string) *robotsRules {
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false // the previous line was a User-agent line
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents {
				cur = &group{}
				groups = append(groups, cur)
			}
			token, _, _ := strings.Cut(value, "/")
			cur.agents = append(cur.agents, strings.ToLower(strings.TrimSpace(token)))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || value == "" {
				continue // a rule before any group, or an empty Disallow (allows all)
			}
			cur.rules = append(cur.rules, robotsRule{pattern: value, allow: key == "allow"})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if s, err := strconv.ParseFloat(value, 64); err == nil && s > 0 {
				cur.delay = min(time.Duration(s*float64(time.Second)), maxCrawlDelay)
			}
		}
		// Other lines (Sitemap, unknown keys) neither start nor end a group.
	}
	pick := func(name string) *robotsRules {
		var r *robotsRules
		for _, g := range groups {
			for _, a := range g.agents {
				if a == name {
					if r == nil {
						r = &robotsRules{}
					}
					r.rules = append(r.rules, g.rules...)
					r.delay = max(r.delay, g.delay)
					break
				}
			}
		}
		return r
	}
	if r := pick(strings.ToLower(agent)); r != nil {
		return r
	}
	if r := pick("*"); r != nil {
		return r
	}
	return allowAll
}

// allowed says whether a path (with its query) may be fetched: the longest
// matching pattern decides, Allow winning a tie; no match allows.
func (r *robotsRules) allowed(path string) bool {
	if r.denied != "" {
		return false
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern: '*' is any run of
// characters, a final '$' anchors the end, otherwise a prefix match.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	if len(parts) == 1 {
		return !anchored || rest == ""
	}
	for i, part := range parts[1:] {
		if anchored && i == len(parts)-2 {
			return strings.HasSuffix(rest, part)
		}
		j := strings.Index(rest, part)
		if j < 0 {
			return false
		}
		rest = rest[j+len(part):]
	}
	return true
}

// robotsCache fetches each host's robots.txt once and keeps its rules for
// the fetcher's life.
type robotsCache struct {
	client *http.Client
	ua     string

	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

type robotsEntry struct {
	ready chan struct{} // closed when rules is set
	rules *robotsRules
}

func newRobotsCache(client *http.Client, ua string) *robotsCache {
	return &robotsCache{client: client, ua: ua, hosts: map[string]*robotsEntry{}}
}

// check says whether u may be fetched: nil, or an error wrapping
// ErrDisallowed with the reason.
func (c *robotsCache) check(ctx context.Context, u *url.URL) error {
	rules, err := c.rules(ctx, u)
	if err != nil {
		return err
	}
	if rules.denied != "" {
		return fmt.Errorf("%w (%s)", ErrDisallowed, rules.denied)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if !rules.allowed(path + querySuffix(u)) {
		return ErrDisallowed
	}
	return nil
}

// crawlDelay is the Crawl-delay of u's host when its robots.txt was read.
func (c *robotsCache) crawlDelay(u *url.URL) time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.hosts[robotsKey(u)]
	if e == nil {
		return 0
	}
	select {
	case <-e.ready:
		return e.rules.delay
	default:
		return 0
	}
}

// rules returns the rules of u's host, fetching its robots.txt the first
// time; concurrent callers for one host wait for one fetch.
func (c *robotsCache) rules(ctx context.Context, u *url.URL) (*robotsRules, error) {
	key := robotsKey(u)
	c.mu.Lock()
	e, ok := c.hosts[key]
	if !ok {
		e = &robotsEntry{ready: make(chan struct{})}
		c.hosts[key] = e
		c.mu.Unlock()
		rules := c.fetch(ctx, key)
		if ctx.Err() != nil { // cancelled: try again next time
			c.mu.Lock()
			delete(c.hosts, key)
			c.mu.Unlock()
			e.rules = denyAll("cancelled")
			close(e.ready)
			return nil, ctx.Err()
		}
		e.rules = rules
		close(e.ready)
		return rules, nil
	}
	c.mu.Unlock()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-e.ready:
		return e.rules, nil
	}
}

// fetch reads scheme://host/robots.txt: 2xx gives its rules, 4xx allows
// everything, 5xx or no answer disallows everything for this run.
func (c *robotsCache) fetch(ctx context.Context, base string) *robotsRules {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/robots.txt", nil)
	if err != nil {
		return denyAll(fmt.Sprintf("robots.txt: %v", err))
	}
	req.Header.Set("User-Agent", c.ua)
	req.Header.Set("Accept", "text/plain,*/*;q=0.5")
	resp, err := c.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return denyAll(fmt.Sprintf("robots.txt unreachable: %v", err))
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
		if err != nil {
			return denyAll(fmt.Sprintf("robots.txt unreadable: %v", err))
		}
		return parseRobots(data, robotsAgent)
	case resp.StatusCode >= 400 && resp.StatusCode <= 499:
		return allowAll
	default:
		return denyAll(fmt.Sprintf("robots.txt answered %s", resp.Status))
	}
}

// robotsKey is scheme://host[:port], the scope of one robots.txt.
func robotsKey(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Host)
}

func querySuffix(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}
