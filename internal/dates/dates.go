// Package dates finds date expressions in sentence tokens, in every language
// with a lexicon (month and weekday names, days written as words, "last",
// "end of", yesterday...),
// and resolves them to dates with their precision: absolute dates as
// written; partial ones against the publication date when known, else
// against the latest year the article itself states, else by the weekday
// rule ("mardi 10 mai" → the latest past year where 10 May is a Tuesday).
// A date the caller marks as ahead ("will sign on Saturday") resolves
// forward and never anchors the estimate of when the page was written.
// It knows nothing about events.
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

// Mention is a date expression in a token sequence.
type Mention struct {
	Start, End int // token indexes, End exclusive
	Year       int // 0 when not written
	Month      int // 0 when not written
	Day        int // 0 when not written
	Weekday    int // 1 = Monday … 7 = Sunday; 0 when not written
	RelDay     int // days from publication (yesterday = -1) when IsRel
	IsRel      bool
	RelYear    int // years from publication ("last year" = -1) when IsRelYear
	IsRelYear  bool
	RelMonth   int // months from publication ("last month" = -1) when IsRelMonth
	IsRelMonth bool
	RelWeek    int // weeks from publication ("last week" = -1) when IsRelWeek
	IsRelWeek  bool
	Last, Next bool // "last November", "next week"
	YearEnd    bool // "end of 2023": the year is all we know
	// Future is set by the caller when the date is governed by a future
	// ("will sign on Saturday", "will visit in March"): a date without a
	// year then resolves forward from publication, and no future date
	// anchors the estimate of when the page was written.
	Future bool
	// Solar marks a Solar Hijri day and month written without their year
	// ("۴ بهمن"): Month and Day are Solar Hijri, and the resolver finds
	// the year from the publication date.
	Solar bool
}

// HasYear reports whether the mention writes its year.
func (m Mention) HasYear() bool { return m.Year > 0 }

// phrases is a lexicon read over a sentence's tokens.
type phrases interface {
	At(toks []token.Token, i int, kind lexicon.Kind) []token.Match[lexicon.Entry]
	Is(kind lexicon.Kind, key string) bool
	HasTrait(name string) bool
}

// Find returns the date mentions in toks. src is the text the token
// offsets point into (used to see separators such as "/").
func Find(toks []token.Token, src string, lex *lexicon.Lexicon) []Mention {
	return FindWith(toks, src, lex.Cached(toks))
}

// FindWith is Find with a lexicon already read over toks, whose phrases
// the caller also looks up.
func FindWith(toks []token.Token, src string, lx *lexicon.Cached) []Mention {
	var out []Mention
	used := make([]bool, len(toks))
	take := func(m Mention) {
		out = append(out, m)
		for j := m.Start; j < m.End; j++ {
			used[j] = true
		}
	}
	// numbers first: 2025-03-14, 14/03/2025, 14.03.2025, and dates written
	// with unit marks: 2024年3月12日, 2024년 3월 12일, 令和6年
	for i := 0; i < len(toks); i++ {
		m, ok := Mention{}, false
		if i+2 < len(toks) {
			m, ok = numericDate(toks, src, i)
		}
		if !ok {
			m, ok = markedDate(toks, i, lx)
		}
		if ok {
			take(m)
			i = m.End - 1
		}
	}
	for i := 0; i < len(toks); i++ {
		if used[i] {
			continue
		}
		if ms := lx.At(toks, i, "month"); len(ms) > 0 && (ms[0].Vals[0].Extra != lexicon.Exact || strings.EqualFold(toks[i].Text, ms[0].Vals[0].Text)) {
			mo, _ := strconv.Atoi(ms[0].Vals[0].Value)
			m := Mention{Start: i, End: ms[0].End, Month: mo}
			// day before: "10 mai", "10 de maio", "le 1er août"
			if d, at := dayBefore(toks, i, lx); d > 0 {
				m.Day, m.Start = d, at
			} else if d, at := ordinalBefore(toks, i, lx); d > 0 {
				m.Day, m.Start = d, at // "the twelfth of May", "el doce de mayo", "двенадцатого мая"
			}
			j := m.End
			// a second month name after a slash: "8 أيار/ مايو"
			if j < len(toks) {
				if ms2 := lx.At(toks, j, "month"); len(ms2) > 0 && gapHas(src, toks[j-1], toks[j], "/") {
					j = ms2[0].End
				}
			}
			// day after: "May 8", "May 8, 2024"
			if m.Day == 0 && j < len(toks) {
				if d := dayNumber(toks[j].Text, lx); d > 0 && !isYear(toks[j].Text) {
					m.Day = d
					j++
				} else if os := lx.At(toks, j, lexicon.Ordinal); len(os) > 0 {
					m.Day, _ = strconv.Atoi(os[0].Vals[0].Value) // "May first", "Mei mosi"
					j = os[0].End
				}
			}
			// year after: "mai 2024", "de 2024", "2024 года"
			solar := ms[0].Vals[0].Extra == SolarHijri
			for k := j; k < len(toks) && k <= j+1; k++ {
				if y := yearNumber(toks[k].Text); y > 0 || solar && solarYear(toks[k].Text) > 0 {
					if solar {
						y = solarYear(toks[k].Text)
					}
					m.Year = y
					j = k + 1
					break
				}
				if !lx.Is(lexicon.DateFiller, toks[k].Key) {
					break
				}
			}
			m.End = j
			if solar {
				// a Solar Hijri month name is a date only with its year
				// ("۱۲ آذر ۱۴۰۳"); alone, تیر is an arrow and مهر a seal
				if m.Year == 0 && (m.Day == 0 || m.Start >= i) {
					continue
				}
				if m.Year == 0 {
					m.Solar = true // "روز شنبه ۴ بهمن": a day written before it makes it a date; its year is the publication's
				} else {
					m = m.solarToGregorian()
				}
			}
			// weekday after: "14 Mart 2025 Cuma günü"
			if m.Day > 0 && m.End < len(toks) {
				if ws := lx.At(toks, m.End, "weekday"); len(ws) > 0 {
					m.Weekday, _ = strconv.Atoi(ws[0].Vals[0].Value)
					m.End = ws[0].End
				}
			}
			// a range gives its first day: "from 8 to 11 May", "du 8 au 11 mai",
			// "8–11 May"
			if m.Day > 0 && m.Start < i {
				if d, at := rangeStart(toks, src, m.Start, lx); d > 0 && d < m.Day {
					m.Day, m.Start = d, at
				}
			}
			// weekday before: "mardi 10 mai", "Tuesday, May 10"
			if m.Day > 0 {
			weekday:
				for k := m.Start - 1; k >= 0 && k >= m.Start-4; k-- {
					for _, w := range lx.At(toks, k, "weekday") {
						if w.End > m.Start || !allFillers(toks[w.End:m.Start], lx) {
							continue
						}
						m.Weekday, _ = strconv.Atoi(w.Vals[0].Value)
						m.Start = k
						break weekday
					}
				}
			}
			if m.Day == 0 && m.Year == 0 && (givenName(toks, src, m) || titledName(toks, src, m, lx)) {
				continue // "El ministro, Julio Paredes": a name, not July
			}
			if m.Day == 0 && m.Year == 0 {
				m.Last, m.Next = nearCue(toks, m.Start, m.End, lx)
			}
			if m.Year > 0 && yearEndBefore(toks, m.Start, lx) {
				m.YearEnd = true
			}
			take(m)
			i = m.End - 1
			continue
		}
	}
	for i := 0; i < len(toks); i++ {
		if used[i] {
			continue
		}
		if m, ok := dayAlone(toks, src, i, used, lx); ok {
			out = append(out, m) // "el día 14", "tarehe 14", "14 तारीख"
			i = m.End - 1
			continue
		}
		if m, ok := dayMonth(toks, src, i, used, lx); ok {
			out = append(out, m) // "■11/16（月）", "вівторок, 12.05"
			i = m.End - 1
			continue
		}
		if ws := lx.At(toks, i, "weekday"); len(ws) > 0 {
			wd, _ := strconv.Atoi(ws[0].Vals[0].Value)
			if j := ws[0].End; j < len(toks) && used[j] && datedAt(out, j) {
				i = ws[0].End - 1 // "Selasa (4/3/2025)": the date after it says which Tuesday
				continue
			}
			end := ws[0].End
			for k := i + 1; k < end; k++ {
				if w2 := lx.At(toks, k, "weekday"); len(w2) > 0 && w2[0].End > end {
					end = w2[0].End // "nesta quarta" and "quarta feira" overlap
				}
			}
			if m, ok := bracketDay(toks, src, end); ok {
				m.Start = i // "Senin (9/2)", "nesta quarta-feira (23)": the day in brackets says which
				out = append(out, m)
				i = m.End - 1
				continue
			}
			m := Mention{Start: i, End: ws[0].End, Weekday: wd}
			m.Last, m.Next = nearCue(toks, m.Start, m.End, lx)
			out = append(out, m)
			i = ws[0].End - 1 // "سه شنبه" (Tuesday) holds شنبه (Saturday)
			continue
		}
		if ys := lx.At(toks, i, "yearword"); len(ys) > 0 {
			if last, next := nearCue(toks, i, ys[0].End, lx); last || next {
				m := Mention{Start: i, End: ys[0].End, IsRelYear: true, RelYear: -1}
				if next {
					m.RelYear = 1
				}
				out = append(out, m)
				i = ys[0].End - 1
				continue
			}
		}
		if ms := lx.At(toks, i, lexicon.MonthWord); len(ms) > 0 && ms[0].Vals[0].Value == lexicon.Void {
			i = ms[0].End - 1 // "ces derniers mois": recent months, not last month
			continue
		}
		if ms := lx.At(toks, i, lexicon.MonthWord); len(ms) > 0 && !monthNear(used, i, ms[0].End) {
			// "last month", "mwezi uliopita", "в прошлом месяце"; not the
			// "mes" of "el próximo mes de enero", which is January
			if last, next := nearCue(toks, i, ms[0].End, lx); last != next || !last && thisBefore(toks, i, lx) {
				m := Mention{Start: i, End: ms[0].End, IsRelMonth: true, RelMonth: -1}
				switch {
				case next:
					m.RelMonth = 1
				case !last:
					m.RelMonth = 0 // "this month", "ce mois-ci"
				}
				out = append(out, m)
				i = ms[0].End - 1
				continue
			}
		}
		if ws := lx.At(toks, i, lexicon.WeekWord); len(ws) > 0 {
			if ws[0].Vals[0].Value == lexicon.Void {
				i = ws[0].End - 1 // "ces dernières semaines": recent weeks, not last week
				continue
			}
			// "last week", "la semaine dernière", "на прошлой неделе"
			if last, next := nearCue(toks, i, ws[0].End, lx); last != next || !last && thisBefore(toks, i, lx) {
				m := Mention{Start: i, End: ws[0].End, IsRelWeek: true, RelWeek: -1}
				switch {
				case next:
					m.RelWeek = 1
				case !last:
					m.RelWeek = 0 // "this week", "esta semana"
				}
				out = append(out, m)
				i = ws[0].End - 1
				continue
			}
		}
		if rs := lx.At(toks, i, "relday"); len(rs) > 0 {
			d, _ := strconv.Atoi(rs[0].Vals[0].Value)
			out = append(out, Mention{Start: i, End: rs[0].End, RelDay: d, IsRel: true})
			i = rs[0].End - 1
			continue
		}
		if y := yearNumber(toks[i].Text); y > 0 {
			m := Mention{Start: i, End: i + 1, Year: y}
			if yearEndBefore(toks, i, lx) {
				m.YearEnd = true
			}
			out = append(out, m)
		}
	}
	sortMentions(out)
	return monthSpans(ofMonth(out, toks, lx), toks, lx)
}

// monthSpans gives a month written without its year the year of the
// month that closes its span: "between January and April 2026", "entre
// janeiro e abril de 2026" (a year before when the span runs over the
// new year: "from November to February 2026").
func monthSpans(ms []Mention, toks []token.Token, lx phrases) []Mention {
	for i := 0; i+1 < len(ms); i++ {
		a, b := &ms[i], ms[i+1]
		if a.Month == 0 || a.Year > 0 || a.Day > 0 || a.IsRel || b.Month == 0 || b.Year == 0 || b.Start != a.End+1 {
			continue
		}
		if k := toks[a.End].Key; !lx.Is(lexicon.Range, k) && !lx.Is(lexicon.Conjunction, k) {
			continue
		}
		a.Year = b.Year
		if a.Month > b.Month {
			a.Year--
		}
	}
	return ms
}

// dayAlone reads a day of the month named alone with a day word before or
// after its number (kind dayword): "el día 14", "tarehe 14", "ayın
// 21'inde", "14 तारीख", "10-го числа". A day word that is also the word
// for month ("ayın") takes the last or next cue beside it: "geçen ayın
// 28'inde" is the 28th of last month.
func dayAlone(toks []token.Token, src string, i int, used []bool, lx phrases) (Mention, bool) {
	if !token.StartsDigit(toks[i].Text) && !(i+1 < len(toks) && token.StartsDigit(toks[i+1].Text)) && !(i+2 < len(toks) && token.StartsDigit(toks[i+2].Text)) {
		return Mention{}, false // no number here or just after: most words
	}
	for _, w := range lx.At(toks, i, lexicon.DayWord) {
		if w.Vals[0].Value != "before" || w.End >= len(toks) || used[w.End] {
			continue
		}
		d := dayNumber(toks[w.End].Text, lx)
		if d == 0 {
			continue
		}
		m := Mention{Start: i, End: w.End + 1, Day: d}
		if ms := lx.At(toks, i, lexicon.MonthWord); len(ms) > 0 {
			if last, next := nearCue(toks, i, ms[0].End, lx); last != next {
				m.IsRelMonth, m.RelMonth = true, -1
				if next {
					m.RelMonth = 1
				}
			} else if !last && thisBefore(toks, i, lx) {
				m.IsRelMonth = true
			}
		}
		return m, true
	}
	if !token.StartsDigit(toks[i].Text) {
		return Mention{}, false
	}
	d := dayNumber(toks[i].Text, lx)
	if d == 0 {
		return Mention{}, false
	}
	// the word after, perhaps past a case ending split off by a hyphen
	// ("10-го числа")
	k := i + 1
	if k+1 < len(toks) && src != "" && src[toks[i].End:toks[k].Start] == "-" && utf8.RuneCountInString(toks[k].Text) <= 3 {
		k++
	}
	if k < len(toks) && !used[k] {
		for _, w := range lx.At(toks, k, lexicon.DayWord) {
			if w.Vals[0].Value == "after" {
				return Mention{Start: i, End: w.End, Day: d}, true
			}
		}
	}
	return Mention{}, false
}

// ofMonth joins a day named alone to the month named beside it, when that
// month is told from the publication's ("tarehe 2 mwezi huu", "पिछले
// महीने की 3 तारीख", "21-го числа цього місяця"): the day is in that month.
// At most one date filler, genitive or "this" word stands between them
// ("14 числа цього місяця": the month's span starts at its noun).
func ofMonth(ms []Mention, toks []token.Token, lx phrases) []Mention {
	near := func(a, b int) bool { // no more than one filler from token a to b
		switch b - a {
		case 0:
			return true
		case 1:
			k := toks[a].Key
			return lx.Is(lexicon.DateFiller, k) || lx.Is(lexicon.Genitive, k) || lx.Is(lexicon.This, k)
		}
		return false
	}
	month := func(n Mention) bool { return n.IsRelMonth && n.Day == 0 }
	gone := make([]bool, len(ms))
	for i := range ms {
		m := &ms[i]
		if m.Day == 0 || m.Month > 0 || m.Year > 0 || m.IsRelMonth {
			continue
		}
		j := -1
		switch {
		case i > 0 && !gone[i-1] && month(ms[i-1]) && near(ms[i-1].End, m.Start):
			j = i - 1
		case i+1 < len(ms) && month(ms[i+1]) && near(m.End, ms[i+1].Start):
			j = i + 1
		default:
			continue
		}
		m.IsRelMonth, m.RelMonth = true, ms[j].RelMonth
		m.Start, m.End = min(m.Start, ms[j].Start), max(m.End, ms[j].End)
		gone[j] = true
	}
	out := ms[:0]
	for i, m := range ms {
		if !gone[i] {
			out = append(out, m)
		}
	}
	return out
}

func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// allFillers reports whether toks are all words that may stand between the
// parts of a date (lexicon kind datefiller: "de", "of", "года").
func allFillers(toks []token.Token, lx phrases) bool {
	for _, t := range toks {
		if !lx.Is(lexicon.DateFiller, t.Key) {
			return false
		}
	}
	return true
}

// monthNear reports a month name read within two words of the tokens
// from..to: the month word then only introduces it ("el mes de enero").
func monthNear(used []bool, from, to int) bool {
	for k := max(0, from-2); k < min(len(used), to+3); k++ {
		if used[k] && (k < from || k >= to) {
			return true
		}
	}
	return false
}

// dayMonth reads a day and month written in figures without a year
// ("12.05", "11/16") when a weekday stands right before or after them
// ("вівторок, 12.05", "■11/16（月）"): alone, two numbers joined by a
// slash or a point are as often a score, a ratio or a time. The month comes
// first where the language writes it so (trait monthfirst), else the day;
// a number over 12 can only be the day. The weekday, read on its own, is
// the mention's too.
func dayMonth(toks []token.Token, src string, i int, used []bool, lx phrases) (Mention, bool) {
	if i+1 >= len(toks) || used[i] || used[i+1] || !token.StartsDigit(toks[i].Text) || !token.StartsDigit(toks[i+1].Text) {
		return Mention{}, false // most words
	}
	if sep := src[toks[i].End:toks[i+1].Start]; sep != "/" && sep != "." {
		return Mention{}, false
	}
	if i+2 < len(toks) && token.StartsDigit(toks[i+2].Text) && strings.TrimSpace(src[toks[i+1].End:toks[i+2].Start]) == src[toks[i].End:toks[i+1].Start] {
		return Mention{}, false // a third part: a full date, or a version number
	}
	a, b := bracketNumber(digits(toks[i].Text), 31), bracketNumber(digits(toks[i+1].Text), 31)
	day, month := a, b
	if lx.HasTrait(lexicon.TraitMonthFirst) {
		day, month = b, a
	}
	if month > 12 && day <= 12 {
		day, month = month, day
	}
	if day < 1 || day > 31 || month < 1 || month > 12 {
		return Mention{}, false
	}
	m := Mention{Start: i, End: i + 2, Day: day, Month: month}
	if i+2 < len(toks) && bracketedSign(toks, src, i+2) {
		m.End = i + 3 // "11/16（月）": a weekday's one-character sign in brackets
		return m, true
	}
	if ws := lx.At(toks, i+2, "weekday"); len(ws) > 0 && strings.Trim(src[toks[i+1].End:toks[i+2].Start], " (（,") == "" {
		m.End = ws[0].End // "11/16（月）"
		m.Weekday, _ = strconv.Atoi(ws[0].Vals[0].Value)
		return m, true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if ws := lx.At(toks, k, "weekday"); len(ws) > 0 && ws[0].End == i && strings.Trim(src[toks[i-1].End:toks[i].Start], " ,") == "" {
			m.Start = k // "вівторок, 12.05"
			m.Weekday, _ = strconv.Atoi(ws[0].Vals[0].Value)
			return m, true
		}
	}
	return Mention{}, false
}

// bracketedSign reports toks[j], one Han or Hangul character alone in
// brackets right after the token before it: "（月）", "(화)", the weekday's
// sign after a date.
func bracketedSign(toks []token.Token, src string, j int) bool {
	if utf8.RuneCountInString(toks[j].Text) != 1 || !token.IsSyllabic([]rune(toks[j].Text)[0]) {
		return false
	}
	before := strings.TrimSpace(src[toks[j-1].End:toks[j].Start])
	after := strings.TrimLeft(src[toks[j].End:], " ")
	return (before == "(" || before == "（") && (strings.HasPrefix(after, ")") || strings.HasPrefix(after, "）"))
}

// bracketDay reads the day, or the day and month, written in brackets
// right after a weekday at toks[j]: "Senin (9/2)" (Indonesian and Malay
// news), "quarta-feira (23)" (Brazilian); a full date in brackets is read
// by numericDate.
func bracketDay(toks []token.Token, src string, j int) (Mention, bool) {
	if j == 0 || j >= len(toks) || !gapHas(src, toks[j-1], toks[j], "(") {
		return Mention{}, false
	}
	d := bracketNumber(toks[j].Text, 31)
	if d == 0 {
		return Mention{}, false
	}
	closes := func(k int) bool { // a ")" right after toks[k]
		rest := src[toks[k].End:]
		return strings.HasPrefix(strings.TrimLeft(rest, " "), ")")
	}
	if closes(j) {
		return Mention{End: j + 1, Day: d}, true
	}
	if j+1 < len(toks) && src[toks[j].End:toks[j+1].Start] == "/" && closes(j+1) {
		if mo := bracketNumber(toks[j+1].Text, 12); mo > 0 {
			return Mention{End: j + 2, Day: d, Month: mo}, true
		}
	}
	return Mention{}, false
}

// bracketNumber returns w as a number from 1 to most, or 0.
func bracketNumber(w string, most int) int {
	if len(w) > 2 || !allDigits(w) {
		return 0
	}
	n, _ := strconv.Atoi(w)
	if n < 1 || n > most {
		return 0
	}
	return n
}

func gapHas(src string, a, b token.Token, s string) bool {
	if a.End > b.Start || b.Start > len(src) {
		return false
	}
	return strings.Contains(src[a.End:b.Start], s)
}

func nearCue(toks []token.Token, start, end int, lx phrases) (last, next bool) {
	// "next January", "el próximo mes de enero", "janvier prochain"
	for k := max(0, start-3); k < min(len(toks), end+2); k++ {
		if k >= start && k < end {
			continue
		}
		if len(lx.At(toks, k, "last")) > 0 {
			last = true
		}
		if len(lx.At(toks, k, "next")) > 0 {
			next = true
		}
	}
	return
}

// thisBefore reports a "this" word right before the word at i, or right
// after it in languages that put it there ("minggu ini", "wiki hii"):
// the week or month of the publication. "This year" dates nothing: it is
// the frame of background as often as of news.
func thisBefore(toks []token.Token, i int, lx phrases) bool {
	for k := max(0, i-3); k <= i+1 && k < len(toks); k++ {
		if k == i {
			continue
		}
		for _, m := range lx.At(toks, k, "this") {
			if m.End == i || k == i+1 {
				return true // "this week", "이번 주" (이번 written in two characters); "wiki hii"
			}
		}
	}
	return false
}

func yearEndBefore(toks []token.Token, at int, lx phrases) bool {
	for k := at - 1; k >= 0 && k >= at-4; k-- {
		if ms := lx.At(toks, k, "yearend"); len(ms) > 0 && ms[0].End <= at {
			return true
		}
	}
	return false
}

func dayBefore(toks []token.Token, i int, lx phrases) (day, at int) {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if d := dayNumber(toks[k].Text, lx); d > 0 {
			return d, k
		}
		if !lx.Is(lexicon.DateFiller, toks[k].Key) {
			break
		}
	}
	return 0, 0
}

// givenName reports a bare month name that is someone's first name: a
// capitalised word follows it, and it opens the sentence or a comma phrase
// or follows another capitalised word ("Julio Paredes", "Defensa, Abril
// Mendes"). "in May Kenya ..." keeps its month.
func givenName(toks []token.Token, src string, m Mention) bool {
	if m.End >= len(toks) || !toks[m.Start].Cap || !toks[m.End].Cap || toks[m.End].Upper > 1 {
		return false
	}
	if gap := src[toks[m.End-1].End:toks[m.End].Start]; strings.TrimSpace(gap) != "" {
		return false // "May, Kenya"
	}
	if m.Start == 0 {
		return true
	}
	prev := toks[m.Start-1]
	// a capitalised word before it, unless only for opening the sentence
	return (prev.Cap && m.Start > 1) || strings.ContainsAny(src[prev.End:toks[m.Start].Start], ",;:(")
}

// titledName reports a bare month name that is the first name of someone
// named with a role or title just before it ("Ulusal Güvenlik Danışmanı
// Kasım el-Araci", "the adviser June Okafor"): a surname follows it, a
// capitalised word or one with a particle ("el-", "al-"), in the same
// word group (no suffix or punctuation between).
func titledName(toks []token.Token, src string, m Mention, lx phrases) bool {
	if m.End >= len(toks) || !toks[m.Start].Cap || !surname(toks, src, m.End) {
		return false
	}
	if gap := src[toks[m.End-1].End:toks[m.End].Start]; strings.TrimSpace(gap) != "" {
		return false // "Kasım'da Ankara", "May, Kenya"
	}
	for k := max(0, m.Start-4); k < m.Start; k++ {
		for _, kind := range []lexicon.Kind{lexicon.Role, lexicon.Title} {
			for _, r := range lx.At(toks, k, kind) {
				if r.End == m.Start {
					return true
				}
			}
		}
	}
	return false
}

// surname reports a word at toks[i] shaped like a family name:
// capitalised, not all capitals, or a short lowercase particle joined by a
// hyphen to a capitalised name ("el-Araci", "al-Sudani").
func surname(toks []token.Token, src string, i int) bool {
	t := toks[i]
	if t.Cap {
		return t.Upper <= 1
	}
	if utf8.RuneCountInString(t.Text) > 3 || i+1 >= len(toks) || !toks[i+1].Cap {
		return false
	}
	return t.End <= toks[i+1].Start && toks[i+1].Start <= len(src) && src[t.End:toks[i+1].Start] == "-"
}

// ordinalBefore reads a day written as a word before a month, fillers
// between: the match that starts furthest back wins, so that "twenty-first"
// is not read as "first".
func ordinalBefore(toks []token.Token, i int, lx phrases) (day, at int) {
	for k := max(0, i-6); k < i; k++ {
		for _, o := range lx.At(toks, k, lexicon.Ordinal) {
			if o.End <= i && allFillers(toks[o.End:i], lx) {
				d, err := strconv.Atoi(o.Vals[0].Value)
				if err == nil && d >= 1 && d <= 31 {
					return d, k
				}
			}
		}
	}
	return 0, 0
}

// SolarHijri is the extra column of a month entry of the Solar Hijri
// calendar (Iran, Afghanistan): its dates are converted to Gregorian.
const SolarHijri = "solarhijri"

// solarYear reads a Solar Hijri year (1300–1500, 1921–2122 Gregorian).
func solarYear(s string) int {
	s = digits(s)
	if len(s) != 4 || !allDigits(s) {
		return 0
	}
	y, _ := strconv.Atoi(s)
	if y < 1300 || y > 1500 {
		return 0
	}
	return y
}

// solarDay is the Gregorian date of a Solar Hijri day and month written
// without their year: the latest such day up to publication, or the next
// one for an act to come.
func (r *Resolver) solarDay(m Mention) time.Time {
	p := r.published
	if p.IsZero() {
		return time.Time{}
	}
	y := p.Year() - 621 // the Solar year that begins in March of p's year
	var best time.Time
	for _, jy := range []int{y + 1, y, y - 1, y - 2} {
		t := fromSolar(jy, m.Month, m.Day)
		if m.Future {
			if !t.Before(p) {
				best = t // the years go down: the last kept is the nearest ahead
			}
			continue
		}
		if !t.After(p) && (best.IsZero() || t.After(best)) {
			best = t
		}
	}
	return best
}

// solarToGregorian converts m's Solar Hijri year, month and day to the
// Gregorian calendar. A month without its day becomes the Gregorian month
// that holds its middle.
func (m Mention) solarToGregorian() Mention {
	d := m.Day
	if d == 0 {
		d = 15
	}
	t := fromSolar(m.Year, m.Month, d)
	m.Year, m.Month = t.Year(), int(t.Month())
	if m.Day > 0 {
		m.Day = t.Day()
	}
	return m
}

// fromSolar returns the Gregorian date of Solar Hijri day jd of month jm of
// year jy, by the arithmetic (33-year cycle) rule.
func fromSolar(jy, jm, jd int) time.Time {
	jy += 1595
	days := -355668 + 365*jy + (jy/33)*8 + ((jy%33)+3)/4 + jd
	if jm < 7 {
		days += (jm - 1) * 31
	} else {
		days += (jm-7)*30 + 186
	}
	gy := 400 * (days / 146097)
	days %= 146097
	if days > 36524 {
		days--
		gy += 100 * (days / 36524)
		days %= 36524
		if days >= 365 {
			days++
		}
	}
	gy += 4 * (days / 1461)
	days %= 1461
	if days > 365 {
		gy += (days - 1) / 365
		days = (days - 1) % 365
	}
	// days is now the day of the Gregorian year gy, from 0
	return time.Date(gy, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
}

// datedAt reports a mention with its day that starts at token j.
func datedAt(ms []Mention, j int) bool {
	for _, m := range ms {
		if m.Start == j && m.Day > 0 {
			return true
		}
	}
	return false
}

// rangeStart reads the first day of a range that ends at toks[at], the
// last day: a day's number and a range word ("8 to", "8 au", "8 по") or a
// dash ("8–11") right before it.
func rangeStart(toks []token.Token, src string, at int, lx phrases) (day, start int) {
	if at >= 2 && lx.Is(lexicon.Range, toks[at-1].Key) {
		if d := dayNumber(toks[at-2].Text, lx); d > 0 {
			return d, at - 2
		}
	}
	if at >= 1 {
		if gap := strings.TrimSpace(src[toks[at-1].End:toks[at].Start]); gap == "-" || gap == "–" || gap == "—" {
			if d := dayNumber(toks[at-1].Text, lx); d > 0 {
				return d, at - 1
			}
		}
	}
	return 0, 0
}

// digitZeros are the zeros of the decimal digit sets read besides ASCII:
// Arabic-Indic, Persian, Devanagari and full-width.
var digitZeros = []rune{'٠', '۰', '०', '０'}

// digits converts the digits of digitZeros' sets to ASCII.
func digits(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x80 {
			return r
		}
		for _, z := range digitZeros {
			if r >= z && r <= z+9 {
				return '0' + (r - z)
			}
		}
		return r
	}, s)
}

// dayNumber reads "10", "1er", "1st", "2nd", "1º" as a day of the month.
func dayNumber(s string, lx phrases) int {
	s = digits(s)
	n := 0
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || i > 2 {
		return 0
	}
	if suf := s[i:]; suf != "" && !lx.Is(lexicon.DaySuffix, token.Fold(suf)) {
		return 0
	}
	if n < 1 || n > 31 {
		return 0
	}
	return n
}

func isYear(s string) bool { return yearNumber(s) > 0 }

func yearNumber(s string) int {
	s = digits(s)
	if len(s) != 4 {
		return 0
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return 0
		}
	}
	y, _ := strconv.Atoi(s)
	if y < 1900 || y > 2100 {
		return 0
	}
	return y
}

func numericDate(toks []token.Token, src string, i int) (Mention, bool) {
	if !token.StartsDigit(toks[i].Text) || !token.StartsDigit(toks[i+1].Text) || !token.StartsDigit(toks[i+2].Text) {
		return Mention{}, false // most words: no need to map their digits
	}
	a, b, c := digits(toks[i].Text), digits(toks[i+1].Text), digits(toks[i+2].Text)
	if !allDigits(a) || !allDigits(b) || !allDigits(c) {
		return Mention{}, false
	}
	sep := src[toks[i].End:toks[i+1].Start]
	if sep != src[toks[i+1].End:toks[i+2].Start] || (sep != "/" && sep != "-" && sep != ".") {
		return Mention{}, false
	}
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	z, _ := strconv.Atoi(c)
	var m Mention
	switch {
	case len(a) == 4:
		m = Mention{Year: x, Month: y, Day: z}
	case len(c) == 4:
		m = Mention{Year: z, Month: y, Day: x}
	default:
		return Mention{}, false
	}
	if m.Month < 1 || m.Month > 12 || m.Day < 1 || m.Day > 31 || m.Year < 1900 || m.Year > 2100 {
		return Mention{}, false
	}
	m.Start, m.End = i, i+3
	return m, true
}

// markedDate reads a date whose parts are numbers followed by unit marks
// (lexicon kinds yearmark, monthmark, daymark), the year perhaps counted in
// an era (kind era: its value is the Gregorian year of the era's first
// year): "2024年3月12日", "3月12日", "2024년 3월", "令和6年5月".
func markedDate(toks []token.Token, i int, lx phrases) (Mention, bool) {
	m := Mention{Start: i, End: i}
	j := i
	era := 0
	if es := lx.At(toks, j, lexicon.Era); len(es) > 0 {
		era, _ = strconv.Atoi(es[0].Vals[0].Value)
		j = es[0].End
	}
	// number reads a number followed by a mark of kind k
	number := func(k lexicon.Kind) (int, bool) {
		if j+1 >= len(toks) || !token.StartsDigit(toks[j].Text) {
			return 0, false
		}
		s := digits(toks[j].Text)
		if !allDigits(s) || len(s) > 4 {
			return 0, false
		}
		ms := lx.At(toks, j+1, k)
		if len(ms) == 0 || ms[0].Vals[0].Value == lexicon.Void {
			return 0, false // "3日間" is three days, not the third
		}
		n, _ := strconv.Atoi(s)
		j = ms[0].End
		return n, true
	}
	if y, ok := number(lexicon.YearMark); ok {
		switch {
		case era > 0 && y >= 1 && y < 100:
			m.Year = era + y - 1
		case era == 0 && y >= 1900 && y <= 2100:
			m.Year = y
			// the same year in the era, after it: "2026年（令和8年）3月12日"
			// (the tokenizer drops the brackets)
			if es := lx.At(toks, j, lexicon.Era); len(es) > 0 {
				at := j
				era, _ = strconv.Atoi(es[0].Vals[0].Value)
				j = es[0].End
				if ey, ok := number(lexicon.YearMark); !ok || era+ey-1 != y {
					j = at
				}
			}
		default:
			return Mention{}, false
		}
	} else if era > 0 {
		return Mention{}, false
	}
	if mo, ok := number(lexicon.MonthMark); ok && mo >= 1 && mo <= 12 {
		m.Month = mo
		if d, ok := number(lexicon.DayMark); ok && d >= 1 && d <= 31 {
			m.Day = d
		}
	} else if m.Year == 0 {
		// the day alone, in the publication's month: "防衛相は8日", "지난 8일"
		if d, ok := number(lexicon.DayMark); ok && d >= 1 && d <= 31 {
			m.Day = d
		}
	}
	if m.Year == 0 && m.Month == 0 && m.Day == 0 {
		return Mention{}, false
	}
	m.End = j
	// a range keeps its first day: "12日至14日", "12일부터 14일까지"
	if rs := lx.At(toks, j, lexicon.Range); m.Day > 0 && len(rs) > 0 {
		j = rs[0].End
		number(lexicon.MonthMark) // the last day's month, when written: "3月28日至4月2日"
		if _, ok := number(lexicon.DayMark); ok {
			m.End = j
		}
	}
	if m.Day > 0 && m.End < len(toks) {
		if ws := lx.At(toks, m.End, lexicon.Weekday); len(ws) > 0 {
			m.Weekday, _ = strconv.Atoi(ws[0].Vals[0].Value) // "3月12日（火）" loses its bracket to the tokenizer
			m.End = ws[0].End
		}
	}
	return m, true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Resolver turns mentions into dates for one article.
type Resolver struct {
	published time.Time // zero when unknown
	today     time.Time
	anchor    time.Time // latest date the article states with its year
	estimate  time.Time // publication date, known or estimated
}

// NewResolver prepares resolution for an article whose mentions are all;
// published may be zero; today bounds guesses.
func NewResolver(all []Mention, published, today time.Time) *Resolver {
	r := &Resolver{published: published, today: today}
	for _, m := range all {
		if m.Year == 0 || (m.Month == 0 && !m.YearEnd) || m.Future {
			// a bare year is too often history to anchor on, and a date
			// ahead ("planned for the end of 2025") is no time of writing
			continue
		}
		mo := m.Month
		if mo == 0 {
			mo = 1
			if m.YearEnd {
				mo = 12
			}
		}
		t := date(m.Year, mo, max(m.Day, 1))
		if t.After(today) {
			continue
		}
		if t.After(r.anchor) {
			r.anchor = t
		}
	}
	r.estimate = published
	if r.estimate.IsZero() && !r.anchor.IsZero() {
		r.estimate = r.anchor
		for _, m := range all {
			if m.Year == 0 && !m.Last && m.Month > 0 && !m.Solar {
				if s, ok := r.fromAnchor(m); ok && s.After(r.estimate) {
					r.estimate = s
				}
			}
		}
	}
	return r
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// Published returns the publication date used (known or estimated).
func (r *Resolver) Published() time.Time { return r.estimate }

// Resolve returns the mention's date as YYYY-MM-DD, YYYY-MM or YYYY, or "".
func (r *Resolver) Resolve(m Mention) string {
	switch {
	case m.Solar && m.Year == 0:
		t := r.solarDay(m)
		if t.IsZero() {
			return "" // no publication date to count the year from
		}
		return format(t, true)
	case m.Year > 0 && m.YearEnd:
		return fmt.Sprintf("%04d", m.Year)
	case m.Year > 0 && m.Month > 0 && m.Day > 0:
		return fmt.Sprintf("%04d-%02d-%02d", m.Year, m.Month, m.Day)
	case m.Year > 0 && m.Month > 0:
		return fmt.Sprintf("%04d-%02d", m.Year, m.Month)
	case m.Year > 0:
		return fmt.Sprintf("%04d", m.Year)
	case m.Month > 0:
		return r.partial(m)
	case m.Day > 0 && !r.published.IsZero():
		// a day of the month alone: the latest such day up to publication,
		// or the next one for an act to come
		p := r.published
		t := date(p.Year(), int(p.Month()), m.Day)
		switch {
		case m.IsRelMonth:
			t = date(p.Year(), int(p.Month())+m.RelMonth, m.Day) // "the 3rd of last month"
		case m.Future && t.Before(p):
			t = date(p.Year(), int(p.Month())+1, m.Day)
		case !m.Future && t.After(p):
			t = date(p.Year(), int(p.Month())-1, m.Day)
		}
		if t.Day() != m.Day {
			return "" // the 31st of a shorter month
		}
		return format(t, true)
	case m.IsRelYear && !r.published.IsZero():
		return fmt.Sprintf("%04d", r.published.Year()+m.RelYear)
	case m.IsRelWeek && !r.published.IsZero():
		// the week is not a date: its month is what a reader can tell
		return format(r.published.AddDate(0, 0, 7*m.RelWeek), false)
	case m.IsRelMonth && !r.published.IsZero():
		return format(date(r.published.Year(), int(r.published.Month()), 1).AddDate(0, m.RelMonth, 0), false)
	case m.IsRel && !r.published.IsZero():
		return format(r.published.AddDate(0, 0, m.RelDay), true)
	case m.Weekday > 0 && !r.published.IsZero():
		p := r.published
		back := (int(p.Weekday())+6)%7 + 1 - m.Weekday // days since that weekday
		if m.Future && !m.Last {
			ahead := (7 - back%7) % 7 // "will sign on Saturday": the coming one
			if ahead == 0 {
				ahead = 7
			}
			return format(p.AddDate(0, 0, ahead), true)
		}
		switch {
		case m.Next:
			back -= 7
		case back < 0:
			back += 7
		case back == 0 && m.Last:
			back = 7 // "last Friday" written on a Friday
		}
		return format(p.AddDate(0, 0, -back), true)
	}
	return ""
}

func format(t time.Time, day bool) string {
	if day {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01")
}

// partial resolves a month with or without a day but no year.
func (r *Resolver) partial(m Mention) string {
	day := m.Day > 0
	d := max(m.Day, 1)
	if !r.published.IsZero() {
		p := r.published
		y := p.Year()
		t := date(y, m.Month, d)
		switch {
		case m.Next || (m.Future && !m.Last):
			if t.Before(date(y, int(p.Month()), 1)) || (m.Next && !t.After(p)) {
				t = date(y+1, m.Month, d)
			}
		case m.Last:
			if !t.Before(date(p.Year(), int(p.Month()), 1)) {
				t = date(y-1, m.Month, d)
			}
		default:
			if t.After(p.AddDate(0, 0, 45)) {
				t = date(y-1, m.Month, d)
			}
		}
		return format(t, day)
	}
	if day && m.Weekday > 0 {
		for y := r.today.Year(); y > r.today.Year()-40; y-- {
			t := date(y, m.Month, d)
			if t.After(r.today) || t.Month() != time.Month(m.Month) {
				continue
			}
			if (int(t.Weekday())+6)%7+1 == m.Weekday {
				return format(t, true)
			}
		}
		return ""
	}
	if r.anchor.IsZero() {
		return ""
	}
	if m.Last {
		e := r.estimate
		t := date(e.Year(), m.Month, d)
		if !t.Before(date(e.Year(), int(e.Month()), 1)) {
			t = date(e.Year()-1, m.Month, d)
		}
		return format(t, day)
	}
	t, _ := r.fromAnchor(m)
	return format(t, day)
}

// fromAnchor places a yearless month on or after the anchor's month.
func (r *Resolver) fromAnchor(m Mention) (time.Time, bool) {
	if r.anchor.IsZero() {
		return time.Time{}, false
	}
	y := r.anchor.Year()
	if m.Month < int(r.anchor.Month()) {
		y++
	}
	t := date(y, m.Month, max(m.Day, 1))
	if t.After(r.today) {
		t = t.AddDate(-1, 0, 0)
	}
	return t, true
}
