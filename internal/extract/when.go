package extract

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"pactwatch/internal/dates"
	"pactwatch/internal/event"
	"pactwatch/internal/lexicon"
	"pactwatch/internal/page"
	"pactwatch/internal/source"
	"pactwatch/internal/token"
)

// published decides the page's publication date, the one place that does:
// the page's own metadata (set by its source or its HTML), else a dateline
// at the top of the text, else the date the user gave for pages that state
// none. It records the choice in the page. When all are missing, the date
// resolver estimates one from the latest full date the text states.
func published(p *page.Page, sents []*sentence, lx *lexicon.Lexicon) time.Time {
	if !p.Published.IsZero() {
		return p.Published
	}
	if t := dateline(sents); !t.IsZero() {
		p.Published, p.From = t, source.OriginDateline
	} else if t := pubLine(p, lx); !t.IsZero() {
		p.Published, p.From = t, source.OriginDateline
	} else if !p.Fallback.IsZero() {
		p.Published, p.From = p.Fallback, source.OriginFlag
	}
	return p.Published
}

// pubLine reads the publication date from a line of the page's source that
// the furniture filter removes before extraction ("Publié le 12 mars 2025
// à 10h", "Published on May 8, 2025 | Updated ...", "2026年3月12日 5:00
// 公開"): the first full date right after a publication word, or right
// before it (an update's date only after its word, and only when no line
// says when the page was published). Markup is dropped line by line.
func pubLine(p *page.Page, lx *lexicon.Lexicon) time.Time {
	if lx == nil {
		return time.Time{}
	}
	src := p.Source[:min(len(p.Source), pubLineScan)]
	if p.HTML {
		src = stripTags(src)
	}
	var updated, bare time.Time
	for _, line := range strings.Split(src, "\n") {
		if len(line) > 300 || !strings.ContainsAny(line, "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९０１２３４５６７８９") {
			continue // a full date has a day and a year written in figures
		}
		toks := token.Split(line)
		if bare.IsZero() {
			bare = bareDate(toks, line, lx)
		}
		for i := range toks {
			cues := lx.At(toks, i, lexicon.PubLine)
			if len(cues) == 0 {
				continue
			}
			for _, m := range dates.Find(toks, line, lx) {
				after := m.Start >= cues[0].End && m.Start-cues[0].End <= 3
				// Japanese, Korean and Chinese put the word after the date and
				// its time: "2026年3月12日 5:00 公開"
				before := m.End <= cues[0].Start && cues[0].Start-m.End <= 3 && cues[0].Vals[0].Value != "updated"
				if (after || before) && m.Year > 0 && m.Month > 0 && m.Day > 0 {
					t := time.Date(m.Year, time.Month(m.Month), m.Day, 0, 0, 0, 0, time.UTC)
					if cues[0].Vals[0].Value != "updated" {
						return t
					}
					if updated.IsZero() {
						updated = t // an update date only when no line says when it was published
					}
				}
			}
		}
	}
	if updated.IsZero() {
		return bare
	}
	return updated
}

// bareDate reads a line that holds a full date and nothing else but its
// time ("2026/07/15 06:02", "14.05.2025 | 08:12"): a site's publication
// stamp, which needs no publication word.
func bareDate(toks []token.Token, line string, lx *lexicon.Lexicon) time.Time {
	ms := dates.Find(toks, line, lx)
	if len(ms) != 1 || ms[0].Year == 0 || ms[0].Month == 0 || ms[0].Day == 0 {
		return time.Time{}
	}
	for i, t := range toks {
		if i >= ms[0].Start && i < ms[0].End {
			continue
		}
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				return time.Time{}
			}
		}
	}
	m := ms[0]
	return time.Date(m.Year, time.Month(m.Month), m.Day, 0, 0, 0, 0, time.UTC)
}

// stripTags turns markup into line breaks, keeping the text between tags.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
			b.WriteByte('\n')
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dateline finds the publication date a page states at its top: a full
// date on a short line among the first ten ("Posted by Desk | August 6,
// 2024") or opening the lead among the first five ("NIAMEY, 6 August 2024
// – ...").
func dateline(sents []*sentence) time.Time {
	for i, s := range sents {
		if i >= 10 {
			break
		}
		for _, m := range s.dates {
			if m.Year == 0 || m.Month == 0 || m.Day == 0 {
				continue
			}
			// below the first five lines (site menus kept as text), only a
			// short line: "Madrid | 14/05/2025 - 08:12 h"
			if len(s.text) < 100 || (m.Start <= 3 && i < 5) {
				return time.Date(m.Year, time.Month(m.Month), m.Day, 0, 0, 0, 0, time.UTC)
			}
		}
	}
	return time.Time{}
}

// dateFor resolves the date mention nearest the trigger, skipping years
// that follow "since".
func (a *article) dateFor(s *sentence, t cue) (string, bool) {
	best, bestDist := -1, 1<<30
	for i, m := range s.dates {
		if m.Year > 0 && m.Month == 0 && !m.YearEnd && !yearIsEventDate(s, m) {
			continue
		}
		if a.resolver.Resolve(m) == "" {
			continue // "يوم 14 مايو": the word "day" alone dates nothing
		}
		if s.triggerBetween(t, m) {
			continue // "the visit comes months after Washington delivered planes in November"
		}
		if s.futureBetween(t, m) {
			continue // "signed the pact; talks will continue on 12 May": the date of what comes next
		}
		if s.otherStageDate(t, m) {
			continue // "ended the agreement it had signed in 2012": the date of the recalled stage
		}
		if s.quotedDay(m) {
			continue // "the corvette we hand over today": the day of the speech, not of publication
		}
		if event.Type(t.value) == event.Meeting && s.sinceBefore(m) {
			continue // "his first visit since taking office in October": when the count starts, not the visit
		}
		if event.Type(t.value) == event.Meeting && s.topicBefore(t, m) {
			continue // "talks that dealt with the border and the truce agreed last year": the topic's date
		}
		d := abs(m.Start - t.start)
		if lo, hi := min(m.Start, t.start), max(m.End-1, t.start); !s.reach(lo, hi, true) {
			d += 10 // another clause: "KAMPALA, 21 Oktoba 2025 - ... tarehe 20 Oktoba"
		}
		if m.Month == 0 && m.Weekday == 0 && !m.IsRel && !m.IsRelMonth && !m.IsRelWeek {
			d += 6 // a bare year says less than a day or a weekday nearby
		}
		if s.reportDate(m) {
			d += 20 // "met on the 10th, the ministry said on the 11th": the report's day, when the act has none
		}
		if d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		if shift, _ := s.dayShift(); shift != 0 {
			if s.dayReference(t) {
				return "", false // "the day before the talks": the talks are what the day counts from
			}
			// "the day before, the ambassador handed over …": a day from the
			// day of the act told just before, or of the act the cue names
			// ("a day before the signing of the agreement") told anywhere before
			if d, guess, ok := a.countedActDay(s, t); ok {
				return shiftDay(d, shift), guess
			}
			d, guess := a.actDayBefore(s)
			return shiftDay(d, shift), guess
		}
		if s.has(lexicon.SameDay) {
			// "signed on Tuesday, on the occasion of the visit": the day this
			// sentence gives; else "the same day": the day told just before
			for _, m := range s.dates {
				if s.quotedDay(m) {
					continue
				}
				if d := a.resolver.Resolve(m); len(d) == len(time.DateOnly) {
					return d, !m.HasYear()
				}
			}
			if d, guess, ok := a.namedActDay(s); ok {
				return d, guess // "at the end of the meeting": the meeting's day
			}
			return a.dayBefore(s)
		}
		return "", false
	}
	m := s.dates[best]
	return a.resolver.Resolve(m), !m.HasYear()
}

// topicBefore reports a verb saying what talks were about (a provision
// cue marked talks, "dealt with", "تناولت") standing between talks
// trigger t and date m, fifteen words or fewer before the date: the date
// is of a topic ("... a statement issued on Tuesday", further on, may
// still date the talks).
func (s *sentence) topicBefore(t cue, m dates.Mention) bool {
	for _, c := range s.cues[lexicon.Provision] {
		if c.value == "next" && c.extra == "talks" && t.end <= c.start && c.end <= m.Start && m.Start-c.end <= 15*s.scale {
			return true
		}
	}
	return false
}

// reportDate reports a date right beside a reporting verb: after it
// ("said on Thursday", "a annoncé mardi") or just before it where the
// verb ends the clause ("국방부가 11일 밝혔다", "国防部11日宣布").
func (s *sentence) reportDate(m dates.Mention) bool {
	for _, c := range s.cues[lexicon.Report] {
		if c.end <= m.Start && m.Start-c.end <= 2 || m.End <= c.start && c.start-m.End <= 1 {
			return true
		}
	}
	return false
}

// sinceBefore reports a background cue ("since", "depuis", "sejak") or a
// "first visit since" phrase a few words before the date, or a postposed
// one right after it.
func (s *sentence) sinceBefore(m dates.Mention) bool {
	for _, cs := range [...][]cue{s.cues[lexicon.Background], s.firsts} {
		for _, c := range cs {
			if c.end <= m.Start && (m.Start-c.end <= 4 || m.Start-c.end <= 6 && s.reach(c.end-1, m.Start, false)) {
				return true // "the first since he took office in July", "od objęcia przez niego stanowiska w lipcu"
			}
			if m.End <= c.start && c.start-m.End <= 2*s.scale && s.reach(m.End-1, c.start, false) {
				return true // "今年3月就任以来", "Temmuz'da göreve gelmesinden bu yana": a postposed "since"
			}
		}
	}
	return false
}

// dayShift is the days the sentence's first same-day cue counts from the
// day told before (lexicon value -1 "the day before", 1 "the next day"; "-"
// the same day).
func (s *sentence) dayShift() (int, cue) {
	for _, c := range s.cues[lexicon.SameDay] {
		n, _ := strconv.Atoi(c.value)
		return n, c
	}
	return 0, cue{}
}

// dayReference reports an act that a same-day cue with a day count names
// as what it counts from ("the day before the talks").
func (s *sentence) dayReference(t cue) bool {
	shift, ref := s.dayShift()
	return shift != 0 && (t.start >= ref.end && s.onlyLinks(ref.end, t.start) || t.end <= ref.start && ref.start-t.end <= s.scale)
}

// actDayBefore is the day of the last act that one of the six sentences
// before s tells to the day (background often stands between: "A day
// before the ceremony" counts from a graduation told a paragraph up): the
// date nearest its first trigger or arrival
// ("arrived in Pyongyang on the 19th, the agency reported on the 20th"
// dates the arrival the 19th), else its last date to the day.
func (a *article) actDayBefore(s *sentence) (string, bool) {
	for j := s.index - 1; j >= 0 && j >= s.index-6; j-- {
		p := a.sents[j]
		acts := p.actCues()
		if len(acts) == 0 {
			continue
		}
		slices.SortFunc(acts, func(x, y cue) int { return cmp.Compare(x.start, y.start) })
		if d, guess := a.dateFor(p, acts[0]); len(d) == len(time.DateOnly) {
			return d, guess
		}
	}
	return a.dayBefore(s)
}

// actCues are the sentence's act triggers and arrival cues, in a new
// slice.
func (s *sentence) actCues() []cue {
	return append(append([]cue{}, s.cues[lexicon.Trigger]...), s.cues[lexicon.Arrival]...)
}

// shiftDay adds days to a date written to the day; other dates are
// returned as they are.
func shiftDay(d string, days int) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil || days == 0 {
		return d
	}
	return t.AddDate(0, 0, days).Format(time.DateOnly)
}

// afterTalks reports a same-day cue that names talks ("after the
// meeting", "बैठक के बाद").
func (s *sentence) afterTalks() bool {
	for _, c := range s.cues[lexicon.SameDay] {
		for _, t := range s.cues[lexicon.Trigger] {
			if t.value == string(event.Meeting) && t.start < c.end && c.start < t.end {
				return true
			}
		}
	}
	return false
}

// dayBefore is the last date to the day that one of the three sentences
// before s gives ("after the talks" often opens the next paragraph), or
// the day such a sentence counts from another ("a day after the
// ceremony") when it writes no date.
func (a *article) dayBefore(s *sentence) (string, bool) {
	for j := s.index - 1; j >= 0 && j >= s.index-3; j-- {
		p := a.sents[j]
		if p.index < 10 && len(p.text) < 100 && len(p.cues[lexicon.Trigger]) == 0 {
			continue // "Jeudi 9 octobre 2025 | Par …": the page's date line, not an act's day
		}
		if shift, _ := p.dayShift(); shift != 0 && len(p.dates) == 0 {
			// "A day after the ceremony she flew to Ankara. There she met
			// … the same day": the day that sentence counts
			for _, t := range p.actCues() {
				if d, guess := a.dateFor(p, t); len(d) == len(time.DateOnly) {
					return d, guess
				}
			}
		}
		for k := len(p.dates) - 1; k >= 0; k-- {
			m := p.dates[k]
			if d := a.resolver.Resolve(m); len(d) == len("2006-01-02") {
				return d, !m.HasYear()
			}
		}
	}
	return "", false
}

// otherStageDate reports a date that stands nearer a stage cue of another
// stage than the act's own, in that cue's clause, than it does the act: "ended the agreement it
// had signed in 2012", "under the memorandum reached in September 2024".
// The act's own stage is the one agreementStage reads for it.
func (s *sentence) otherStageDate(t cue, m dates.Mention) bool {
	return s.otherStageSpan(t, m.Start, m.End)
}

// otherStageSpan is otherStageDate for any words [start, end): a place
// too ("ratified the agreement signed in Rome in 2024").
func (s *sentence) otherStageSpan(t cue, start, end int) bool {
	m := struct{ Start, End int }{start, end}
	own := agreementStage(s, t)
	dist := func(a0, a1 int) int {
		if a1 <= m.Start {
			return m.Start - a1
		}
		if m.End <= a0 {
			return a0 - m.End
		}
		return 0
	}
	mine := dist(t.start, t.end)
	for _, c := range s.cues[lexicon.Stage] {
		switch stageOf(c.value) {
		case own, event.Proposed, event.Negotiating, event.InForce:
			continue // "under", "in the framework of" date nothing of their own
		}
		if own == event.Proposed && s.modalNear(c) {
			continue // "will sign on Saturday": the intended signing is the act
		}
		lo, hi := min(c.start, m.Start), max(c.end, m.End)-1
		if d := dist(c.start, c.end); d < mine && s.reach(lo, hi, false) && (own != "" || t.value != string(event.Agreement)) {
			return true
		}
	}
	return false
}

// futureBetween reports a future cue after the act and before the date:
// the date belongs to a planned continuation, not to the act.
func (s *sentence) futureBetween(t cue, m dates.Mention) bool {
	if m.Start < t.end {
		return false
	}
	for _, c := range s.cues[lexicon.Modal] {
		if c.start >= t.end && c.end <= m.Start {
			return true
		}
	}
	return false
}

// triggerBetween reports another act's trigger between t and the date m.
func (s *sentence) triggerBetween(t cue, m dates.Mention) bool {
	lo, hi := t.end, m.Start
	if m.End <= t.start {
		lo, hi = m.End, t.start
	}
	for _, o := range s.cues[lexicon.Trigger] {
		// delivery verbs head their own clause even when weak ("entregara");
		// "troops", "soldiers" do not
		// in verb-final wording an activity noun before the act is its
		// object or its topic, never a clause of its own
		// (a ship or a gun named by its noun is no verb: "a patrol boat of
		// the navy and two launches drilled on Saturday")
		weakHead := (o.value == "arms" || o.value == "aid") && !(s.lx != nil && s.lx.HasTrait(lexicon.TraitVerbFinal) && m.End <= t.start) &&
			!(o.extra == "weak" && s.within(lexicon.Equipment, o))
		if o.start >= lo && o.end <= hi && o.value != t.value && (o.extra != "weak" || weakHead) {
			if (lo == t.end && o.start-t.end <= 2*s.scale) || (hi == t.start && t.start-o.end <= 3*s.scale) {
				continue // the act's object: "suspended military aid to Pakistan on 12 May", "askeri yardımı askıya aldı"
			}
			if t.value == string(event.Rupture) && o.value == string(event.Agreement) && s.reach(lo, hi, false) {
				continue // the pact a rupture ends: "suspended on the 14th all activities under the cooperation agreement"
			}
			if t.value == string(event.Agreement) && o.value == string(event.Meeting) && hi == t.start &&
				(s.reach(lo, hi, true) || s.lx != nil && s.lx.HasTrait(lexicon.TraitVerbFinal)) {
				// "met his counterpart on the 19th and signed an arrangement": signed at
				// the talks, that day; in verb-final wording the day after the subject
				// heads every clause to the end ("防衛相は21日、…と会談し、…ための取り決めに署名した")
				continue
			}
			if t.value == string(event.Agreement) && lo == t.end && s.topicOf(o) {
				continue // the pact's topic: "signed an arrangement on maritime security and military education at the ministry on Tuesday"
			}
			return true
		}
	}
	return false
}

// topicOf reports a trigger that is also a domain cue: an activity named
// as a field ("military education", "joint training"), the topic of an
// agreement before it.
func (s *sentence) topicOf(o cue) bool {
	for _, d := range s.cues[lexicon.Domain] {
		if d.start <= o.start && o.end <= d.end || o.start <= d.start && d.end <= o.end {
			return true
		}
	}
	return false
}

// yearIsEventDate accepts a bare year only after a locative ("in 2023").
func yearIsEventDate(s *sentence, m dates.Mention) bool {
	for _, l := range s.cues[lexicon.Locative] {
		if l.extra == "prev" && (m.End == l.start || m.End == l.start-1) || l.extra != "prev" && (l.end == m.Start || l.end == m.Start-1) {
			return true // "in 2023", "2023 में"
		}
	}
	return false
}

// sentenceDate is the date a sentence without an act of its own gives the
// happening told just before ("The ceremony took place on Tuesday at the
// base"): its first date to the day or month that is neither ahead nor a
// page's date line.
func (a *article) sentenceDate(s *sentence) string {
	if len(s.toks) < 8 {
		return "" // "Thursday, 12 June 2025 | By ...": the page's date line
	}
	for _, m := range s.dates {
		if m.Future || m.YearEnd || (m.Month == 0 && m.Day == 0 && m.Weekday == 0 && !m.IsRel && !m.IsRelMonth && !m.IsRelWeek) {
			continue // a bare year; a day alone ("13日") is this month's
		}
		if (s.index < 10 && len(s.text) < 100) || (s.index < datelineLines && m.Start <= 3 && (m.Year > 0 || m.Month > 0)) {
			continue // "Published: 30 July 2024 | Staff writer | Read 2,087 times"; not "On Wednesday, …"
		}
		if s.quotedDay(m) {
			continue // "'Angola is today a partner', the minister told reporters": the speech's day, or nowadays
		}
		if d := a.resolver.Resolve(m); len(d) >= 7 && !isHistory(d, a.resolver.Published()) && !a.afterPublished(d) {
			return d // "the prototype first flew in February 2024" tells of something else; "the election set for 6 May" is to come
		}
	}
	return ""
}

// pastOnly reports a sentence whose dates all lie over a year before
// publication, with at least one to the month or a year after a locative:
// whatever it tells is recalled, even the act its date does not reach.
func (a *article) pastOnly(s *sentence) bool {
	n := 0
	for _, m := range s.dates {
		if m.Year == 0 || (m.Month == 0 && !m.YearEnd && !yearIsEventDate(s, m)) {
			continue
		}
		d := a.resolver.Resolve(m)
		if d == "" {
			continue
		}
		if !isHistory(d, a.resolver.Published()) {
			return false
		}
		n++
	}
	return n > 0 && len(s.dates) == n
}

// afterPublished reports a date later than the page's publication: what
// it dates is still to come.
func (a *article) afterPublished(d string) bool {
	pub := a.resolver.Published()
	return !pub.IsZero() && d > pub.Format("2006-01-02")[:len(d)]
}

// countedActDay is the day of the act a day count names right after it,
// when that act is not t ("a day before the signing of the agreement, the
// army received vehicles"): the last earlier sentence that tells an act
// of its type to the day, however far back.
func (a *article) countedActDay(s *sentence, t cue) (string, bool, bool) {
	_, ref := s.dayShift()
	typ := ""
	for _, o := range s.cues[lexicon.Trigger] {
		if o.start >= ref.end && o.start-ref.end <= 3*s.scale && o.start != t.start && o.value != t.value {
			typ = o.value
			break
		}
	}
	if typ == "" {
		return "", false, false
	}
	return a.lastActDay(s, typ)
}

// namedActDay is the day of the act a same-day cue names ("at the end of
// the meeting", "tras la reunión"; "after the ceremony" names none): the
// last earlier sentence that tells an act of that type to the day.
func (a *article) namedActDay(s *sentence) (string, bool, bool) {
	typ := s.namedAct()
	if typ == "" {
		return "", false, false
	}
	return a.lastActDay(s, typ)
}

// lastActDay is the day of the last sentence before s that tells an act
// of type typ to the day; ok is false when none does.
func (a *article) lastActDay(s *sentence, typ string) (day string, guess, ok bool) {
	for j := s.index - 1; j >= 0; j-- {
		p := a.sents[j]
		for _, u := range p.cues[lexicon.Trigger] {
			if u.value != typ {
				continue
			}
			if d, g := a.dateFor(p, u); len(d) == len(time.DateOnly) {
				return d, g, true
			}
		}
	}
	return "", false, false
}

// namedAct is the type of a trigger inside a same-day cue, or "".
func (s *sentence) namedAct() string {
	for _, c := range s.cues[lexicon.SameDay] {
		for _, t := range s.cues[lexicon.Trigger] {
			if c.start <= t.start && t.end <= c.end {
				return t.value
			}
		}
	}
	return ""
}

// quotedDay reports a relative day inside a quoted remark ("the corvette
// we hand over today"): the day of the speech, or "nowadays".
func (s *sentence) quotedDay(m dates.Mention) bool { return m.IsRel && s.quoted(m.Start) }
