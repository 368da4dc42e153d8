package event

// Span is a byte range in an article's cleaned text (the blocks joined by
// blank lines): where an evidence sentence stands, for highlighting.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Mention is an event as read from one article: the spec's record (its
// Article field names the article) with what the store needs to merge it
// with other articles' mentions and to show its evidence.
type Mention struct {
	Event
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // the article's publication date, YYYY-MM-DD
	Spans     []Span `json:"spans,omitempty"`     // one per Evidence sentence, same order
}

// Source is one article that reported a merged event.
type Source struct {
	Article   string   `json:"article"`
	URL       string   `json:"url,omitempty"`
	Language  string   `json:"language,omitempty"`
	Published string   `json:"published,omitempty"`
	Evidence  []string `json:"evidence"`
}

// StageStep is one stage an agreement reached, with when and who said so.
type StageStep struct {
	Stage   Stage    `json:"stage"`
	Date    string   `json:"date,omitempty"`
	Sources []string `json:"sources"` // article ids
}

// Alternative is a value some sources gave for a field where others gave
// the event's value (date, location, initiator, stage).
type Alternative struct {
	Field   string   `json:"field"`
	Value   string   `json:"value"`
	Sources []string `json:"sources"` // article ids
}

// Record is one happening merged across articles: the spec's fields (with
// the best-supported value of each) plus its provenance. Article is the
// first source's id.
type Record struct {
	ID int64 `json:"id"`
	Event
	Sources       []Source      `json:"sources"`
	FirstReported string        `json:"first_reported,omitempty"` // earliest publication date of a source
	LastReported  string        `json:"last_reported,omitempty"`  // latest publication date of a source
	Stages        []StageStep   `json:"stages,omitempty"`         // agreements: the stage history in lifecycle order
	Alternatives  []Alternative `json:"alternatives,omitempty"`   // values that sources disputed
}
