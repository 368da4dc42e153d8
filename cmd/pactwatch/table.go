package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// column is one column of a fixed-width table: rows are written as they
// come (nothing is held back to measure them), cut to the width.
type column struct {
	title string
	width int // 0: whatever is left, cut to fit the line
}

// lineWidth is the terminal width tables must fit.
const lineWidth = 120

type table struct {
	w    io.Writer
	cols []column
}

func newTable(w io.Writer, cols ...column) *table {
	t := &table{w: w, cols: cols}
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	t.row(titles...)
	return t
}

// row writes one line of at most lineWidth characters.
func (t *table) row(values ...string) error {
	used := 0
	for _, c := range t.cols {
		used += c.width + 1
	}
	var b strings.Builder
	for i, c := range t.cols {
		v := ""
		if i < len(values) {
			v = strings.Join(strings.Fields(values[i]), " ")
		}
		w := c.width
		if w == 0 {
			w = max(lineWidth-used, 4)
		}
		v = cut(v, w)
		b.WriteString(v)
		if i < len(t.cols)-1 {
			b.WriteString(strings.Repeat(" ", w-utf8.RuneCountInString(v)+1))
		}
	}
	_, err := fmt.Fprintln(t.w, strings.TrimRight(b.String(), " "))
	return err
}

// cut shortens s to n characters, marking the cut with "…".
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
