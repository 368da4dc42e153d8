package segment

import "testing"

func TestSplit(t *testing.T) {
	abbr := map[string]bool{"gen": true, "m": true, "dr": true}
	cases := []struct {
		in   string
		want int
	}{
		{"Gen. Kazura met M. Diarra in Kigali. They signed a deal.", 2},
		{"S.E. l'ambassadeur est arrivé. Il a été reçu!", 2},
		{"التقى الوزير نظيره. وبحثا التعاون؟ نعم.", 3},
		{"The budget rose 3.5 percent in 2024. Next year too.", 2},
		{"J. B. Kazura spoke. \"We agree.\" He left.", 3},
		{"Il a dit « nous signerons. » Puis il est parti.", 2},
		{"两国签署了协议。双方还讨论了训练！合作会继续吗？", 3},
		{"Die Minister trafen sich am 11. März in Berlin. Sie unterzeichneten ein Abkommen.", 2},
		{"Das Treffen fand am 3. Mai statt. Es war das zweite.", 2},
		{"Es waren 11. Die Zahl stieg.", 2},
		{"防衛相は会談した。「協力を続ける」と述べた。", 2},
		{"मंत्री ने समझौते पर हस्ताक्षर किए। दोनों देश सहमत हुए।", 2},
	}
	for _, c := range cases {
		got := Split(c.in, 0, abbr, func(k string) bool { return k == "marz" || k == "mai" })
		if len(got) != c.want {
			t.Errorf("Split(%q) = %d sentences %+v, want %d", c.in, len(got), got, c.want)
		}
		for _, s := range got {
			if c.in[s.Start:s.Start+len(s.Text)] != s.Text {
				t.Errorf("offset of %q is wrong", s.Text)
			}
		}
	}
}
