package extract

import (
	"strings"
	"testing"

	"pactwatch/internal/event"
)

// One person named in full and by one name is one person.
func TestMergePersonsByName(t *testing.T) {
	got := mergePersons(nil, []event.Person{
		{Name: "Prabowo", Country: "IDN"},
		{Name: "Recep Tayyip Erdoğan", Country: "TUR"},
		{Name: "Prabowo Subianto", Role: "head_of_state"},
		{Name: "森山健二"},
		{Name: "森山", Role: "defence_minister"},
		{Name: "Ali Lamine Zeine"},
		{Name: "Ali Khamenei"}, // a shared given name is no match
	})
	var names []string
	for _, p := range got {
		names = append(names, p.Name+"/"+p.Role+"/"+p.Country)
	}
	want := "Prabowo Subianto/head_of_state/IDN Recep Tayyip Erdoğan//TUR 森山健二/defence_minister/ Ali Lamine Zeine// Ali Khamenei//"
	if strings.Join(names, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(names, " "), want)
	}
}
