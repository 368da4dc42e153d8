package token

import (
	"strings"
	"testing"
)

func TestSqueeze(t *testing.T) {
	for _, in := range []string{"", "a", " a", "a ", "a  b", "a\tb", "a b c", "  ", "é  à", "x\u00a0 y", "a\u2003b", "line\n", "a b "} {
		if got, want := Squeeze(in), strings.Join(strings.Fields(in), " "); got != want {
			t.Errorf("Squeeze(%q) = %q, want %q", in, got, want)
		}
	}
}
