// Package tsv reads the project's data files: UTF-8, one tab-separated row
// per line, blank lines and lines starting with '#' skipped. It knows
// nothing about what the columns mean.
package tsv

import (
	"bufio"
	"bytes"
	"strings"
)

// Rows calls fn with the 1-based line number and the columns of every row,
// stopping at the first error fn returns.
func Rows(data []byte, fn func(line int, cols []string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := fn(line, strings.Split(text, "\t")); err != nil {
			return err
		}
	}
	return sc.Err()
}
