package dates

import (
	"testing"
	"time"

	"pactwatch/internal/lexicon"
	"pactwatch/internal/token"
)

// A small lexicon written for the test, so it does not depend on data files.
const testLex = "month\t5\tmai\nmonth\t5\tmay\nmonth\t8\taoût\nmonth\t11\tnovembre\nmonth\t12\tdécembre\n" +
	"month\t5\tأيار\nmonth\t5\tمايو\nmonth\t12\tكانون الأول\nmonth\t12\tديسمبر\nmonth\t11\tتشرين الثاني\nmonth\t11\tنوفمبر\n" +
	"month\t3\tмарта\nmonth\t2\tشباط\nmonth\t2\tفبراير\nmonth\t5\tमई\n" +
	"weekday\t5\tfriday\nweekday\t2\tmardi\nweekday\t1\tsenin\nweekday\t3\tquarta feira\nweekday\t3\tnesta quarta\nweekday\t4\tjeudi\nweekday\t7\tsunday\nlast\t-\tdernier\nlast\t-\tlast\nlast\t-\tالماضي\n" +
	"month\t9\tآذر\tsolarhijri\nmonth\t11\tبهمن\tsolarhijri\nmonth\t12\tاسفند\tsolarhijri\nmonth\t5\tمرداد\tsolarhijri\nmonth\t4\tتیر\tsolarhijri\nmonth\t5\tmaja\texact\nrange\t-\tau\nrange\t-\tto\nrange\t-\t至\nrange\t-\t부터\nyearend\t-\tfin\nyearend\t-\tend of\nyearend\t-\tنهاية\nrelday\t-1\thier\nyearword\t-\tyear\nyearword\t-\tعام\n" +
	"month\t1\tjaneiro\nmonth\t4\tabril\nmonth\t1\tjanuary\nmonth\t4\tapril\nmonth\t11\tnovember\nmonth\t2\tfebruary\nconjunction\t-\te\nconjunction\t-\tand\ndatefiller\t-\tde\n" +
	"yearmark\t-\t年\nmonthmark\t-\t月\ndaymark\t-\t日\ndaymark\tvoid\t日間\ndaymark\t-\t号\nyearmark\t-\t년\nmonthmark\t-\t월\ndaymark\t-\t일\nera\t2019\t令和\n"

func find(t *testing.T, s string) []Mention {
	t.Helper()
	lx, err := lexicon.Parse("xx", []byte(testLex))
	if err != nil {
		t.Fatal(err)
	}
	return Find(token.Split(s), s, lx)
}

func TestResolve(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	pub := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		text      string
		published time.Time
		want      string
	}{
		{"Le jeudi 31 août 2023, la délégation est arrivée.", time.Time{}, "2023-08-31"},
		{"réunion le mardi 10 mai au quartier général", time.Time{}, "2022-05-10"},
		{"réunion le 10 mai au quartier général", pub, "2024-05-10"},
		{"réunion le 10 mai au quartier général", time.Time{}, ""},
		{"arrived on Sunday afternoon", time.Time{}, ""},
		{"arrived on Sunday afternoon", pub, "2025-03-09"},
		{"met last Friday", pub, "2025-03-07"},
		{"rencontre en novembre dernier", pub, "2024-11"},
		{"signé fin 2023 à Mombasa", time.Time{}, "2023"},
		{"le 12 марта 2025 года", time.Time{}, "2025-03-12"},
		{"publié le 14/03/2025", time.Time{}, "2025-03-14"},
		{"hier soir", pub, "2025-03-13"},
		{"exercices du 8 au 11 mai 2024", time.Time{}, "2024-05-08"},
		{"drills on 8–11 May 2024", time.Time{}, "2024-05-08"},
		{"le 12 mai 2024", time.Time{}, "2024-05-12"},
		{"jeudi (12/03/2025) à Dakar", pub, "2025-03-12"},
		// a day, or a day and month, in brackets after a weekday
		{"diserahkan di Magetan, Senin (9/2), disaksikan pejabat", pub, "2025-02-09"},
		{"entregou nesta quarta-feira (5) doze viaturas", pub, "2025-03-05"},
		{"Senin (9) pagi", time.Time{}, ""},
		{"Senin (9/2 dan 10/2)", pub, "2025-03-10"}, // no bracket closes: the weekday alone
		// Solar Hijri dates are converted; a month name alone is no date
		{"روز ۱۲ آذر ۱۴۰۳ امضا شد", time.Time{}, "2024-12-02"},
		{"دوشنبه ۱۵ مرداد ۱۴۰۳", time.Time{}, "2024-08-05"},
		{"در مرداد ۱۴۰۳", time.Time{}, "2024-08"},
		{"شلیک تیر هوایی", pub, ""},
		// a Solar Hijri day and month without their year take the
		// publication's: the latest such day up to it
		{"از روز شنبه ۴ بهمن دوره را آغاز کردند", pub, "2025-01-23"},
		{"روز ۲۵ اسفند امضا شد", pub, "2024-03-15"},
		{"روز ۴ بهمن", time.Time{}, ""},
		{"trained soldiers last year", pub, "2024"},
		{"في العام الماضي", pub, "2024"},
		{"وفي 8 أيار/ مايو، التقى الوزير", time.Time{}, ""},
		// dates written with unit marks, digits split from the characters
		{"双方于2024年3月12日在北京签署协议", time.Time{}, "2024-03-12"},
		{"国防部长于２０２４年３月５号会见", time.Time{}, "2024-03-05"},
		{"양국은 2024년 3월 12일 서울에서", time.Time{}, "2024-03-12"},
		{"令和6年5月に署名した", time.Time{}, "2024-05"},
		// the year restated in the era between brackets, as publication lines write it
		{"2026年（令和8年）3月12日 5:00 公開", time.Time{}, "2026-03-12"},
		{"2026年（令和7年）3月", time.Time{}, "2026"},
		{"3月12日に東京で会談した", pub, "2025-03-12"},
		{"훈련은 2023년에 시작됐다", time.Time{}, "2023"},
		{"部队驻扎了3个月", pub, ""},
		{"演习于3月举行", pub, "2025-03"},
		{"podpisali 12 maja 2024", time.Time{}, "2024-05-12"},
		{"ministrowie mają 12 dni", pub, ""},
		{"演习于3月12日至14日举行", pub, "2025-03-12"},
		{"훈련은 3월 12일부터 14일까지", pub, "2025-03-12"},
		{"지난 3개월 동안", pub, ""},
		{"防衛相は8日、マニラで会談した", pub, "2025-03-08"},
		{"국방장관은 지난 20일 회담했다", pub, "2025-02-20"},
		{"演習は3日間続いた", pub, ""},
		{"防衛相は8日、マニラで会談した", time.Time{}, ""},
		{"मंत्री ने १२ मई २०२४ को", time.Time{}, "2024-05-12"},
		// a month without its year takes the year of the month closing its span
		{"entre janeiro e abril de 2026", pub, "2026-01"},
		{"between January and April 2027", pub, "2027-01"},
		{"from November to February 2026", pub, "2025-11"},
	}
	for _, c := range cases {
		ms := find(t, c.text)
		r := NewResolver(ms, c.published, today)
		got := ""
		if len(ms) > 0 {
			got = r.Resolve(ms[0])
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q (mentions %+v)", c.text, got, c.want, ms)
		}
	}
}

// An article that states a year anchors the yearless dates after it.
func TestAnchor(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	text := "اتفاقية وقعت في نهاية عام 2023. وفي 8 أيار/ مايو التقى الوزير. اجتماعهما الأول في كانون الأول/ ديسمبر. في تشرين الثاني/ نوفمبر الماضي."
	ms := find(t, text)
	r := NewResolver(ms, time.Time{}, today)
	var got []string
	for _, m := range ms {
		got = append(got, r.Resolve(m))
	}
	want := []string{"2023", "2024-05-08", "2023-12", "2023-11"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("mention %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// Solar Hijri to Gregorian, at year starts and ends, leap years included.
func TestFromSolar(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		want    string
	}{
		{1403, 1, 1, "2024-03-20"},
		{1404, 1, 1, "2025-03-21"},
		{1402, 12, 29, "2024-03-19"},
		{1403, 12, 30, "2025-03-20"}, // 1403 is a leap year
		{1403, 9, 12, "2024-12-02"},
		{1400, 7, 1, "2021-09-23"},
		{1357, 11, 22, "1979-02-11"},
	} {
		if got := fromSolar(c.y, c.m, c.d).Format(time.DateOnly); got != c.want {
			t.Errorf("%d/%d/%d = %s, want %s", c.y, c.m, c.d, got, c.want)
		}
	}
}

// A range written with unit marks is one date, its first day.
func TestMarkedRange(t *testing.T) {
	for _, s := range []string{"演习于3月12日至14日举行", "演习于3月28日至4月2日举行", "훈련은 3월 12일부터 14일까지"} {
		ms := find(t, s)
		if len(ms) != 1 || ms[0].Day != 12 && ms[0].Day != 28 {
			t.Errorf("%q: mentions %+v, want one, its first day", s, ms)
		}
	}
}
