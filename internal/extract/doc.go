// Package extract assembles security-cooperation events from a cleaned page:
// it annotates each sentence (states and organisations from the gazetteer,
// triggers and cues from the language's lexicon, dates, persons), resolves
// "the two countries" and counterparts to the pair the article is about,
// and turns each trigger into a candidate event with its type, states,
// initiator, date, location, persons, domains, agreement stage and evidence.
//
// Rules over clauses decide which triggers report acts (mood.go): an act
// denied, asked for, demanded, threatened, refused, supposed or put under a
// condition is none, nor are arms used in a fight or held by an armed group,
// nor what an agreement provides for or talks were about (those are its
// domains), nor a programme named as an act's framework. Shared words are
// told apart by type (types.go: exercise or training, equipment or
// intelligence, deployment or visit), and the acting state and its partner
// come from the trigger's clause (pair.go): states listed side by side
// ("troops from South Africa, Malawi and Tanzania") are never the two sides
// of an act that goes from one to the other, and an act undated or long
// past between one of the page's two states and third states only is
// told in passing ("New Delhi also holds exercises with Kazakhstan"), when
// another sentence names the page's pair. The words are lexicon data,
// one kind per cue; the reach of each kind is one line of moodRules.
//
// Facts across sentences (context.go): a sentence without an act of its
// own lends the event told just before it its persons, date and domains,
// and the event told just after it the place someone arrived at; events on
// the same states in neighbouring sentences lend each other date and place;
// the dateline city is the place when no sentence gives one and never a
// state of the event; recalled history (dated over a year before
// publication) and planned acts neither lend nor borrow. The publication
// date is read from the page source's publication line when the cleaned
// text no longer holds it.
//
// Fold merges a page's candidates into its events (one per happening on
// the page); merging across articles is package merge's. A reception
// ("were welcomed at the airport by the prime minister") right after an
// arrival (deployment, delivery, aid) attends it; talks between the same
// states dated up to three days apart are one visit; an undated
// deployment on an exercise's states is its contingents; a stage-less
// agreement mention stands as an agreement in force only when it is told
// now, plainly, between the page's states and not as another act's
// framework. It does not read
// files or print anything, and knows nothing of a language but what its
// lexicon says.
package extract
