package extract

import (
	"slices"
	"testing"

	"pactwatch/internal/event"
)

// TestTypeRules checks that every event type has its row and that the
// ranks order every type once.
func TestTypeRules(t *testing.T) {
	for _, typ := range event.Types {
		if _, ok := typeRules[typ]; !ok {
			t.Errorf("%s has no row in typeRules", typ)
		}
	}
	for _, order := range [][]event.Type{typePriority, weakPriority} {
		if len(order) != len(event.Types) {
			t.Errorf("order %v has %d types, want %d", order, len(order), len(event.Types))
		}
		for i := 1; i < len(order); i++ {
			if slices.Contains(order[:i], order[i]) {
				t.Errorf("order %v names %s twice", order, order[i])
			}
		}
	}
	if typePriority[0] != event.Rupture || typePriority[len(typePriority)-1] != event.Meeting {
		t.Errorf("typePriority %v: a rupture outranks every act, a meeting none", typePriority)
	}
}
