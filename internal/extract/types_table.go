package extract

import (
	"slices"

	"pactwatch/internal/event"
)

// The rules that differ by event type, one row a type (capability 12 of
// the extraction issue): how the type ranks among the acts a sentence
// names, how its initiator is read, and which domains its words give it.
// A new event type is a row here and its triggers in the lexicons.

// initiatorRule says how build reads an event's initiator.
type initiatorRule int

const (
	// initiatorNone: no rule of build; the side of an exercise, an
	// agreement or intelligence sharing is not told by one state alone, and
	// a rupture's comes from the agreement it ends
	initiatorNone initiatorRule = iota
	// initiatorVisit: who came: the origin named, else the other side of
	// the destination or of the meeting place
	initiatorVisit
	// initiatorGive: who gives, sends or trains: a verb of receiving, the
	// trainers' or trainees' state, the recipient's partner, the goods'
	// maker or origin, a passive's agent, else the subject
	initiatorGive
)

// typeRule is one type's row.
type typeRule struct {
	rank      int // among acts told by a verb or an event noun, lowest first: "signed an agreement during talks" reports the agreement
	weakRank  int // among activity nouns: "soldiers" says less than "exercises"
	initiator initiatorRule
	// gearOnly: the equipment domain comes only from a transfer, not from
	// the ships, aircraft or drones the event's sentences name (an
	// agreement on patrols that names patrol boats is not about equipment)
	gearOnly bool
	// gearCues: not from an equipment domain word either ("warships took
	// part"); talks about drones are about equipment
	gearCues bool
	// shunned: domains the type already says or whose words it names
	// without their being its field (see fold): a transfer's field is its
	// goods, not the staff who crew them, the regional security it serves,
	// the surveillance it makes possible, its shipping, the industry that
	// built it nor the care or capacity it brings; a course's is not the
	// region it stabilises, the industry whose gear it teaches nor the
	// trainees' welfare; a drill's is its warfare, not the intelligence,
	// supply, care or regional security it practises for; an agreement
	// names the personnel it concerns without being about human
	// resources, and the trade and regional stability it serves are its
	// setting, not its field
	shunned []string
}

// typeRules holds every event type's row.
var typeRules = map[event.Type]typeRule{
	event.Rupture:      {rank: 0, weakRank: 0, shunned: []string{"regional_security"}},
	event.Agreement:    {rank: 1, weakRank: 8, gearOnly: true, shunned: []string{"human_resources", "economic", "regional_security"}},
	event.Deployment:   {rank: 2, weakRank: 6, initiator: initiatorGive, gearOnly: true, gearCues: true, shunned: []string{"equipment"}},
	event.Arms:         {rank: 3, weakRank: 4, initiator: initiatorGive, shunned: []string{"defence_industry", "training", "regional_security", "human_resources", "intelligence", "logistics", "welfare", "capacity_building"}},
	event.Exercise:     {rank: 4, weakRank: 1, gearOnly: true, gearCues: true, shunned: []string{"training", "equipment", "intelligence", "logistics", "welfare", "regional_security"}},
	event.Training:     {rank: 5, weakRank: 2, initiator: initiatorGive, gearOnly: true, gearCues: true, shunned: []string{"logistics", "human_resources", "regional_security", "defence_industry", "welfare"}},
	event.Intelligence: {rank: 6, weakRank: 3},
	event.Aid:          {rank: 7, weakRank: 5, initiator: initiatorGive},
	event.Meeting:      {rank: 8, weakRank: 7, initiator: initiatorVisit, gearOnly: true},
}

// byRank lists the types in the order a rank of typeRules gives.
func byRank(rank func(typeRule) int) []event.Type {
	out := make([]event.Type, 0, len(typeRules))
	for t := range typeRules {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b event.Type) int { return rank(typeRules[a]) - rank(typeRules[b]) })
	return out
}

// typePriority ranks the acts a sentence may report, most telling first.
var typePriority = byRank(func(r typeRule) int { return r.rank })

// weakPriority ranks activity nouns.
var weakPriority = byRank(func(r typeRule) int { return r.weakRank })
