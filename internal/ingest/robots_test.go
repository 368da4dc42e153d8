package ingest

import (
	"testing"
	"time"
)

func TestParseRobots(t *testing.T) {
	const robots = `
# comments and blank lines are ignored
Sitemap: https://example.org/sitemap.xml

User-agent: SomeBot
User-agent: pactwatch/2.0
Disallow: /archive/
Allow: /archive/public/
Disallow: /*?print=
Disallow: /*.json$
Crawl-delay: 2.5

User-agent: *
Disallow: /
`
	rules := parseRobots([]byte(robots), "pactwatch")
	tests := []struct {
		path string
		want bool
	}{
		{"/", true},
		{"/news/today", true},
		{"/archive/2019/story", false},
		{"/archive/public/story", true}, // the longer Allow wins
		{"/story?print=1", false},
		{"/story?page=2", true},
		{"/data.json", false},
		{"/data.json?x=1", true}, // '$' anchors the end
		{"/robots.txt", true},
	}
	for _, tt := range tests {
		if got := rules.allowed(tt.path); got != tt.want {
			t.Errorf("allowed(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
	if rules.delay != 2500*time.Millisecond {
		t.Errorf("crawl delay %v", rules.delay)
	}

	// An agent without its own group gets the "*" group.
	if parseRobots([]byte(robots), "otherbot").allowed("/news") {
		t.Errorf(`"*" group not applied`)
	}
	// Nothing for anyone: everything allowed.
	if !parseRobots([]byte("User-agent: otherbot\nDisallow: /\n"), "pactwatch").allowed("/x") {
		t.Errorf("a group for another agent applied")
	}
	// An empty Disallow allows; a tie between Allow and Disallow allows.
	tie := parseRobots([]byte("User-agent: *\nDisallow:\nDisallow: /page\nAllow: /page\n"), "pactwatch")
	if !tie.allowed("/page") || !tie.allowed("/other") {
		t.Errorf("tie or empty Disallow handled wrongly")
	}
	// A rule before any User-agent line belongs to no group.
	if !parseRobots([]byte("Disallow: /\n"), "pactwatch").allowed("/x") {
		t.Errorf("a rule outside any group applied")
	}
	// A huge Crawl-delay is cut.
	if d := parseRobots([]byte("User-agent: *\nCrawl-delay: 86400\n"), "pactwatch").delay; d != maxCrawlDelay {
		t.Errorf("crawl delay %v, want %v", d, maxCrawlDelay)
	}
}

func TestRobotsMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/a", "/a", true},
		{"/a", "/abc", true},
		{"/a", "/b", false},
		{"/a$", "/a", true},
		{"/a$", "/ab", false},
		{"/*/b", "/x/y/b/c", true},
		{"/*b$", "/xb", true},
		{"/*b$", "/xbc", false},
		{"/a*b*c$", "/a-b-c", true},
		{"/a*b*c$", "/a-b-c-d", false},
		{"*", "/anything", true},
		{"/*.php$", "/index.php.bak", false},
		{"/*.php", "/index.php.bak", true},
	}
	for _, tt := range tests {
		if got := robotsMatch(tt.pattern, tt.path); got != tt.want {
			t.Errorf("robotsMatch(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}
