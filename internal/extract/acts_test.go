package extract_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"pactwatch/internal/pipeline"
)

// actsCase is a short page whose one sentence reports several acts
// (capability 1): an agreement signed during a visit, an agreement to buy
// arms, a headline that packs two acts.
type actsCase struct {
	name, lang, text string
	want             []string // type|countries that must come out
	not              []string // type|countries that must not
}

var actsCases = []actsCase{
	// "The day before the signing of that agreement, a contingent landed":
	// the signing dates the landing, which is the act.
	{name: "sw kabla ya kutiwa saini", lang: "sw",
		text: "Siku moja kabla ya kutiwa saini kwa mkataba huo, tarehe 3 Mei 2026, kikosi cha wanajeshi 150 wa Tanzania kilitua mjini Maputo, Msumbiji.",
		want: []string{"deployment|MOZ,TZA"}, not: []string{"agreement|MOZ,TZA"}},
	// What talks addressed is their topic, however far the list runs.
	{name: "ar وتناول اللقاء", lang: "ar",
		text: "استقبل وزير الدفاع المصري يوم 3 مايو 2026 نظيره اليوناني، وتناول اللقاء، الذي عقد بمقر الوزارة، سبل تعزيز التعاون في مجالات التدريب المشترك.",
		want: []string{"meeting|EGY,GRC"}, not: []string{"training|EGY,GRC"}},
	{name: "fa درباره … گفت‌وگو کردند", lang: "fa",
		text: "وزیر دفاع ایران روز ۱۲ اردیبهشت ۱۴۰۵ در تهران با همتای عراقی خود دیدار کرد.\nبه گزارش خبرگزاری رسمی عراق، دو طرف درباره آینده همکاری‌های امنیتی دوجانبه، از جمله آموزش نیروهای عراقی و مبارزه با تروریسم، گفت‌وگو کردند.",
		want: []string{"meeting|IRN,IRQ"}, not: []string{"training|IRN,IRQ"}},
	{name: "tr ele alındı", lang: "tr",
		text: "Türkiye Milli Savunma Bakanı 3 Mayıs 2026'da Ankara'da Arnavut mevkidaşını kabul etti; heyetler arası görüşmede iki ülke arasındaki savunma işbirliği, eğitim faaliyetleri ve ortak projeler ele alındı.",
		want: []string{"meeting|ALB,TUR"}, not: []string{"training|ALB,TUR"}},
	// The soldiers who present a guard of honour to a visitor were sent
	// nowhere.
	{name: "en guard of honour", lang: "en",
		text: "Kenya's defence minister arrived in New Delhi on 3 March 2026, where a tri-service contingent of the Indian armed forces presented a guard of honour.",
		not:  []string{"deployment|IND,KEN"}},
	// The state of an act named as a time reference is no party of the act
	// it dates.
	{name: "ja 訪問に先立ち", lang: "ja",
		text: "日本の防衛相はマレーシア訪問に先立ち、2026年5月3日にシンガポールで同国の国防相と会談した。",
		want: []string{"meeting|JPN,SGP"}, not: []string{"meeting|MYS,SGP"}},
	{name: "ko 방문에 앞서", lang: "ko",
		text: "한국 국방부 장관은 사우디 방문에 앞서 2026년 5월 3일 아부다비에서 UAE 국방담당 국무장관과 회담했다.",
		want: []string{"meeting|ARE,KOR"}, not: []string{"meeting|ARE,SAU"}},
	// A force named before the drill it holds is the drill's player.
	{name: "zh 编队…举行联合演练", lang: "zh",
		text: "2026年5月3日，中国海军护航编队与坦桑尼亚海军在桑给巴尔以南海域举行了海上联合演练。",
		want: []string{"exercise|CHN,TZA"}, not: []string{"deployment|CHN,TZA"}},
	{name: "en task group held a drill", lang: "en",
		text: "On 3 May 2026 an Indian naval task group held a joint exercise with the Kenyan navy off Mombasa.",
		want: []string{"exercise|IND,KEN"}, not: []string{"deployment|IND,KEN"}},
	// An act named as a time reference beside another act is when the
	// other happened, not what the sentence reports.
	{name: "en after the handover ceremony", lang: "en",
		text: "After the handover ceremony on 3 May 2026, Kenyan Defence Minister Soipan Tuya held talks in Ankara with her Turkish counterpart.",
		want: []string{"meeting|KEN,TUR"}, not: []string{"arms|KEN,TUR"}},
	{name: "tr teslimat töreninin ardından", lang: "tr",
		text: "Kenya Savunma Bakanı, 3 Mayıs 2026'da teslimat töreninin ardından Ankara'da Türk mevkidaşıyla görüştü.",
		want: []string{"meeting|KEN,TUR"}, not: []string{"arms|KEN,TUR"}},
	// A clause after "after" is news of its own: not a reference.
	{name: "en came a day after", lang: "en",
		text: "The visit came on 3 May 2026, a day after Japan handed over four patrol boats to the Vietnamese coast guard.",
		want: []string{"arms|JPN,VNM"}},
	// A base a Han locative frame names is where the handover took place.
	{name: "zh 在…军事基地", lang: "zh",
		text: "2026年5月3日，中方向坦桑尼亚陆军交付的一批装甲车，在达累斯萨拉姆以西的一处军事基地完成交接。",
		want: []string{"arms|CHN,TZA"}, not: []string{"deployment|CHN,TZA"}},
	// A meeting with the press is no meeting of states; a press statement
	// after talks leaves the talks.
	{name: "en met reporters", lang: "en",
		text: "On 3 May 2026 in Nairobi, the Kenyan president met reporters and said Somalia remained a close security partner.",
		not:  []string{"meeting|KEN,SOM"}},
	{name: "es se reunió con periodistas", lang: "es",
		text: "El 3 de mayo de 2026 el presidente colombiano se reunió con periodistas en Bogotá y dijo que la cooperación militar con Ecuador seguía firme.",
		not:  []string{"meeting|COL,ECU"}},
	{name: "ko 기자들과 만나", lang: "ko",
		text: "케냐 대통령은 2026년 5월 3일 기자들과 만나 소말리아와의 안보 협력이 중요하다고 말했다.",
		not:  []string{"meeting|KEN,SOM"}},
	{name: "ko 회담 직후 언론 발표", lang: "ko",
		text: "케냐와 소말리아 국방장관은 2026년 5월 3일 나이로비에서 회담한 직후 공동 언론 발표에 나섰다.",
		want: []string{"meeting|KEN,SOM"}},
	// A word of the act's own verb is no aside cue: "turned over by
	// Australia" keeps Australia as the giver, not as a landmark after "over".
	{name: "en turned over by", lang: "en",
		text: "On 3 May 2026, four patrol boats were turned over by Japan to the Vietnamese coast guard at a ceremony in Hai Phong.",
		want: []string{"arms|JPN,VNM"}},
	// Handing over, in the verbs each language uses for it.
	{name: "de überlassen", lang: "de",
		text: "Am 3. Mai 2026 hat Ankara der libyschen Armee zwanzig Transporter überlassen.",
		want: []string{"arms|LBY,TUR"}},
	{name: "fr remises à", lang: "fr",
		text: "Le 3 mai 2026, deux vedettes de patrouille ont été remises à la marine ivoirienne par la France lors d'une cérémonie à Abidjan.",
		want: []string{"arms|CIV,FRA"}},
	{name: "ru передан груз", lang: "ru",
		text: "3 мая 2026 года сирийской армии был передан груз запасных частей к российским вертолётам.",
		want: []string{"arms|RUS,SYR"}},
	// A hypothetical verb governs its whole clause, however long its object.
	{name: "fr pourrait accueillir", lang: "fr",
		text: "La marine espagnole pourrait accueillir au cours de l'année prochaine une vingtaine de jeunes officiers mauritaniens dans ses écoles de formation.",
		not:  []string{"training|ESP,MRT"}},
	{name: "pt poderá estudar", lang: "pt",
		text: "Lisboa poderá estudar no próximo ano o envio de um navio para missões de vigilância nas águas de Cabo Verde.",
		not:  []string{"deployment|CPV,PRT"}},
	// The host's side of a visit.
	{name: "fa پذیرای", lang: "fa",
		text: "وزیر دفاع ایران روز سه‌شنبه پذیرای وزیر دفاع عمان در تهران بود.",
		want: []string{"meeting|IRN,OMN"}},
	// What an agreement is for is no act of its own.
	{name: "pt acordo para troca de informações", lang: "pt",
		text: "Angola e Namíbia fecharam em 3 de março de 2026 um acordo para troca de informações sobre o crime na fronteira.",
		want: []string{"agreement|AGO,NAM"}, not: []string{"intelligence|AGO,NAM"}},
	// An agreement on a purchase is the agreement and the transfer.
	{name: "fr accord portant sur l'achat", lang: "fr",
		text: "Le Maroc et la France ont signé le 3 mars 2026 à Rabat un accord portant sur l'achat de 18 hélicoptères de combat Caracal destinés aux forces royales air.",
		want: []string{"agreement|FRA,MAR", "arms|FRA,MAR"}},
	// An agreement signed during a visit is an agreement and a meeting.
	{name: "en signed during a state visit", lang: "en",
		text: "Ghana and Togo signed a defence cooperation agreement in Accra on 14 May 2026 during the state visit of the Togolese president.",
		want: []string{"agreement|GHA,TGO", "meeting|GHA,TGO"}},
	{name: "fr signé lors d'une visite", lang: "fr",
		text: "Le Sénégal et la Mauritanie ont signé le 3 avril 2026 un accord de coopération militaire lors de la visite officielle du président mauritanien à Dakar.",
		want: []string{"agreement|MRT,SEN", "meeting|MRT,SEN"}},
	{name: "es firmado durante una visita", lang: "es",
		text: "Perú y Chile firmaron el 9 de junio de 2026 un acuerdo de cooperación en defensa durante la visita oficial del presidente chileno a Lima.",
		want: []string{"agreement|CHL,PER", "meeting|CHL,PER"}},
	{name: "pt assinado durante uma visita", lang: "pt",
		text: "Angola e Moçambique assinaram no dia 2 de julho de 2026 um acordo de cooperação militar durante a visita oficial do presidente moçambicano a Luanda.",
		want: []string{"agreement|AGO,MOZ", "meeting|AGO,MOZ"}},
	{name: "ru подписали в ходе визита", lang: "ru",
		text: "Казахстан и Узбекистан подписали 5 марта 2026 года соглашение о военном сотрудничестве в ходе официального визита президента Узбекистана в Астану.",
		want: []string{"agreement|KAZ,UZB", "meeting|KAZ,UZB"}},
	{name: "tr ziyaret sırasında imzalandı", lang: "tr",
		text: "Türkiye ve Azerbaycan, 11 Şubat 2026 tarihinde Azerbaycan Cumhurbaşkanının Ankara ziyareti sırasında askeri işbirliği anlaşması imzaladı.",
		want: []string{"agreement|AZE,TUR", "meeting|AZE,TUR"}},
	{name: "sw walitia saini wakati wa ziara", lang: "sw",
		text: "Kenya na Uganda zilitia saini mkataba wa ushirikiano wa kijeshi tarehe 8 Mei 2026 wakati wa ziara rasmi ya Rais wa Uganda jijini Nairobi.",
		want: []string{"agreement|KEN,UGA", "meeting|KEN,UGA"}},
	{name: "ar وقعت خلال زيارة", lang: "ar",
		text: "وقعت مصر والسودان اتفاقية للتعاون العسكري في القاهرة يوم 6 مارس 2026 خلال زيارة رسمية للرئيس السوداني.",
		want: []string{"agreement|EGY,SDN", "meeting|EGY,SDN"}},

	// An agreement to buy arms is an agreement and an arms transfer.
	{name: "en letter of intent to purchase tanks", lang: "en",
		text: "Poland and South Korea signed a letter of intent to purchase 180 tanks on 2 March 2026, the Polish defence minister said.",
		want: []string{"agreement|KOR,POL", "arms|KOR,POL"}},
	{name: "es acuerdo para la adquisición", lang: "es",
		text: "Colombia y España firmaron el 10 de marzo de 2026 un acuerdo para la adquisición de 12 helicópteros militares, informó el Ministerio de Defensa.",
		want: []string{"agreement|COL,ESP", "arms|COL,ESP"}},
	{name: "pt acordo para a compra", lang: "pt",
		text: "O Brasil e a Suécia assinaram em 10 de março de 2026 um acordo para a compra de 36 caças, informou o Ministério da Defesa.",
		want: []string{"agreement|BRA,SWE", "arms|BRA,SWE"}},

	{name: "fr accord pour l'acquisition", lang: "fr",
		text: "Le Maroc et la France ont signé le 10 mars 2026 un accord pour l'acquisition de 12 hélicoptères militaires, a annoncé le ministère de la Défense.",
		want: []string{"agreement|FRA,MAR", "arms|FRA,MAR"}},
	{name: "ru соглашение о закупке", lang: "ru",
		text: "Армения и Индия подписали 10 марта 2026 года соглашение о закупке 12 вертолётов для армии, сообщило министерство обороны.",
		want: []string{"agreement|ARM,IND", "arms|ARM,IND"}},
	{name: "ar اتفاقية لشراء", lang: "ar",
		text: "وقعت مصر وفرنسا يوم 10 مارس 2026 اتفاقية لشراء 30 طائرة مقاتلة، بحسب وزارة الدفاع.",
		want: []string{"agreement|EGY,FRA", "arms|EGY,FRA"}},
	{name: "sw mkataba wa ununuzi", lang: "sw",
		text: "Tanzania na China zilitia saini mkataba wa ununuzi wa helikopta 6 za kijeshi tarehe 10 Machi 2026, wizara ya ulinzi ilisema.",
		want: []string{"agreement|CHN,TZA", "arms|CHN,TZA"}},
	{name: "tr satın alma anlaşması", lang: "tr",
		text: "Türkiye ve İtalya, 10 Mart 2026 tarihinde 12 askeri helikopterin satın alınması için anlaşma imzaladı.",
		want: []string{"agreement|ITA,TUR", "arms|ITA,TUR"}},

	// A headline that packs two acts.
	{name: "en headline two acts", lang: "en",
		text: "Kenya and Tanzania sign defence pact, hold joint drills.",
		want: []string{"agreement|KEN,TZA", "exercise|KEN,TZA"}},
	{name: "fr titre deux actes", lang: "fr",
		text: "Le Niger et le Tchad signent un accord de défense, organisent des exercices conjoints.",
		want: []string{"agreement|NER,TCD", "exercise|NER,TCD"}},
	{name: "es titular dos actos", lang: "es",
		text: "Perú y Chile firman un acuerdo de cooperación en defensa para los próximos años, realizan ejercicios conjuntos en la frontera.",
		want: []string{"agreement|CHL,PER", "exercise|CHL,PER"}},

	// A visit recalled from years ago, with the signing it saw, is background.
	{name: "en recalled signing visit", lang: "en",
		text: "Ghana and Togo held joint border patrols on 14 May 2026. The two states signed a defence cooperation agreement in 2012 during a state visit of the Togolese president.",
		not:  []string{"meeting|GHA,TGO"}},

	// What the agreement will provide is its content, not a second act;
	// a planned visit has not happened.
	{name: "ru arms the agreement will fund", lang: "ru",
		text: "Стороны подписали соглашение о военном сотрудничестве между Таджикистаном и Китаем, по которому Китай в 2027 году профинансирует поставку беспилотников.",
		want: []string{"agreement|CHN,TJK"}, not: []string{"arms|CHN,TJK"}},
	{name: "en agreement on a list of topics", lang: "en",
		text: "Ghana and Togo signed a defence cooperation agreement on 14 May 2026 on training, border security and joint exercises.",
		want: []string{"agreement|GHA,TGO"}, not: []string{"exercise|GHA,TGO"}},
}

// TestSeveralActs runs each page through the pipeline and checks the acts
// its sentence reports.
func TestSeveralActs(t *testing.T) {
	p := newTestPipeline(t)
	for _, c := range actsCases {
		t.Run(c.name, func(t *testing.T) {
			res, err := p.Run(context.Background(), pipeline.FileArticle("x.txt", []byte(c.text)))
			if err != nil {
				t.Fatal(err)
			}
			if res.Page.Lang != c.lang {
				t.Errorf("language %q, want %q", res.Page.Lang, c.lang)
			}
			var got []string
			for _, e := range res.Events() {
				got = append(got, string(e.Type)+"|"+strings.Join(e.Countries, ","))
			}
			for _, k := range c.want {
				if !slices.Contains(got, k) {
					t.Errorf("missing %s; got %v", k, got)
				}
			}
			for _, k := range c.not {
				if slices.Contains(got, k) {
					t.Errorf("unexpected %s; got %v", k, got)
				}
			}
		})
	}
}
