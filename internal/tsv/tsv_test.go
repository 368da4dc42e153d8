package tsv

import (
	"errors"
	"reflect"
	"testing"
)

func TestRows(t *testing.T) {
	data := []byte("# comment\nKEN\tname\tKenya\r\n\n  \nRWA\tdemonym\trwandais\n")
	var got [][]string
	var lines []int
	err := Rows(data, func(line int, cols []string) error {
		got = append(got, cols)
		lines = append(lines, line)
		return nil
	})
	want := [][]string{{"KEN", "name", "Kenya"}, {"RWA", "demonym", "rwandais"}}
	if err != nil || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(lines, []int{2, 5}) {
		t.Fatalf("Rows = %v %v %v", got, lines, err)
	}
	stop := errors.New("stop")
	if err := Rows(data, func(int, []string) error { return stop }); err != stop {
		t.Errorf("error not passed on: %v", err)
	}
}
