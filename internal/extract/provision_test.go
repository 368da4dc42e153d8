package extract_test

import (
	"testing"

	"pactwatch/internal/event"
)

// provisionCases are pages written for this test: an agreement is signed,
// and later the page says what it provides for, in a clause long enough
// that its list runs far from the provision verb (before it, in Turkish),
// over a list connective ("а также", "as well as"), or with the agreement
// named only by a document noun several sentences after the signing. What
// the agreement provides for is never an event of its own.
var provisionCases = []pipelineCase{
	{"en long list", "en",
		"Ghana and Senegal signed a defence cooperation agreement in Accra on 3 March 2025. " +
			"The ceremony lasted an hour. Journalists waited outside. The weather was hot. " +
			"The document provides for regular consultations between the general staffs, port calls by navy ships, the exchange of officers between the academies, common rules for the supply of fuel and spare parts, as well as joint exercises and the exchange of intelligence on armed groups.",
		[]wantEvent{{typ: event.Agreement, countries: "GHA,SEN", date: "2025-03-03", stage: event.Signed}}},
	{"fr long list", "fr",
		"Le Bénin et le Niger ont signé un accord de coopération militaire à Cotonou le 4 mars 2025. " +
			"La cérémonie a duré une heure. Les journalistes attendaient dehors. Il faisait chaud. " +
			"Le texte prévoit des consultations régulières entre les états-majors, des escales de navires dans les ports, l'échange d'officiers entre les écoles, des règles communes pour le carburant et les pièces détachées, ainsi que des exercices conjoints et l'échange de renseignements sur les groupes armés.",
		[]wantEvent{{typ: event.Agreement, countries: "BEN,NER", date: "2025-03-04", stage: event.Signed}}},
	{"es long list", "es",
		"Perú y Ecuador firmaron un acuerdo de cooperación en defensa en Lima el 5 de marzo de 2025. " +
			"La ceremonia duró una hora. Los periodistas esperaron fuera. Hacía calor. " +
			"El documento prevé consultas regulares entre los estados mayores, escalas de buques en los puertos, el intercambio de oficiales entre las academias, reglas comunes para el combustible y los repuestos, así como ejercicios conjuntos y el intercambio de inteligencia sobre grupos armados.",
		[]wantEvent{{typ: event.Agreement, countries: "ECU,PER", date: "2025-03-05", stage: event.Signed}}},
	{"pt long list", "pt",
		"Angola e Moçambique assinaram um acordo de cooperação na defesa em Luanda em 6 de março de 2025. " +
			"A cerimónia durou uma hora. Os jornalistas esperaram lá fora. Fazia calor. " +
			"O documento prevê consultas regulares entre os estados-maiores, escalas de navios nos portos, o intercâmbio de oficiais entre as academias, regras comuns para o combustível e as peças, bem como exercícios conjuntos e o intercâmbio de informações sobre grupos armados.",
		[]wantEvent{{typ: event.Agreement, countries: "AGO,MOZ", date: "2025-03-06", stage: event.Signed}}},
	// Korean and Japanese: "provides that …" written as "-도록 규정하고 있다",
	// and what a deal includes
	{"ko stipulates", "ko",
		"2026년 3월 5일\n\n한국과 필리핀은 4일 마닐라에서 국방협력 협정에 서명했다. " +
			"협정 3조는 양국이 합동 훈련과 군사 정보 교환을 정례화하도록 규정하고 있다.",
		[]wantEvent{{typ: event.Agreement, countries: "KOR,PHL", date: "2026-03-04", stage: event.Signed}}},
	{"ja includes", "ja",
		"2026年3月5日\n\n日本とフィリピンは4日、マニラで防衛協力協定に署名した。" +
			"協定には共同訓練と情報交換の定例化も含まれる。",
		[]wantEvent{{typ: event.Agreement, countries: "JPN,PHL", date: "2026-03-04", stage: event.Signed}}},
	{"ru long list", "ru",
		"Армения и Казахстан подписали соглашение о военном сотрудничестве в Астане 7 марта 2025 года. " +
			"Церемония длилась час. Журналисты ждали снаружи. Было жарко. " +
			"Документ предусматривает регулярные консультации генеральных штабов, заходы кораблей в порты, обмен офицерами между академиями, общие правила поставок топлива и запчастей, а также сотрудничество спецслужб в борьбе с вооружёнными группами.",
		[]wantEvent{{typ: event.Agreement, countries: "ARM,KAZ", date: "2025-03-07", stage: event.Signed}}},
	// the document is the sentence's subject: what it does before the
	// provision verb ("widens the quotas for cadets") is its content too
	{"ru document subject", "ru",
		"Монголия и Россия подписали соглашение о военном сотрудничестве в Улан-Баторе 11 марта 2025 года. " +
			"Документ, подписанный министрами, увеличивает число мест для монгольских курсантов в российских военных училищах и предусматривает открытие учебного центра в Улан-Баторе.",
		[]wantEvent{{typ: event.Agreement, countries: "MNG,RUS", date: "2025-03-11", stage: event.Signed}}},
	{"tr allows", "tr",
		"Türkiye ile Moğolistan arasında askeri işbirliği anlaşması 12 Mart 2025 tarihinde Ankara'da imzalandı. " +
			"Anlaşma, Moğol subayların Türk askeri okullarında eğitim almasına ve Türk eğitim ekiplerinin Moğolistan'da kurs vermesine imkân tanıyor.",
		[]wantEvent{{typ: event.Agreement, countries: "MNG,TUR", date: "2025-03-12", stage: event.Signed}}},
	{"tr verb-final long list", "tr",
		"Türkiye ile Gürcistan arasında askeri işbirliği anlaşması 8 Mart 2025 tarihinde Tiflis'te imzalandı. " +
			"Tören bir saat sürdü. Gazeteciler dışarıda bekledi. Hava sıcaktı. " +
			"Bilgiye göre belge, genelkurmaylar arasında düzenli istişareleri, gemilerin limanlara uğramasını, akademiler arasında subay değişimini, yakıt ve yedek parça için ortak kuralları, Gürcü personelin Türk askeri okullarında eğitim almasını ve iki ülke arasında tecrübe paylaşımını öngörüyor.",
		[]wantEvent{{typ: event.Agreement, countries: "GEO,TUR", date: "2025-03-08", stage: event.Signed}}},
	{"sw long list", "sw",
		"Kenya na Tanzania zilitia saini mkataba wa ushirikiano wa kijeshi mjini Arusha tarehe 9 Machi 2025. " +
			"Sherehe ilichukua saa moja. Waandishi wa habari walisubiri nje. Kulikuwa na joto. " +
			"Waraka huo unahusisha mashauriano ya mara kwa mara kati ya makao makuu ya majeshi, meli kutia nanga bandarini, kubadilishana maafisa kati ya vyuo, kanuni za pamoja za mafuta na vipuri, pamoja na mazoezi ya pamoja na kubadilishana taarifa za kijasusi kuhusu makundi yenye silaha.",
		[]wantEvent{{typ: event.Agreement, countries: "KEN,TZA", date: "2025-03-09", stage: event.Signed}}},
	{"ar long list", "ar",
		"وقعت مصر والأردن اتفاقية تعاون عسكري في القاهرة يوم 10 مارس 2025. " +
			"استمر الحفل ساعة. انتظر الصحفيون في الخارج. كان الجو حارا. " +
			"وتنص الوثيقة على مشاورات منتظمة بين هيئات الأركان وزيارات السفن إلى الموانئ وتبادل الضباط بين الأكاديميات وقواعد مشتركة للوقود وقطع الغيار فضلا عن تدريبات مشتركة وتبادل المعلومات الاستخباراتية عن الجماعات المسلحة.",
		[]wantEvent{{typ: event.Agreement, countries: "EGY,JOR", date: "2025-03-10", location: "EGY", stage: event.Signed}}},
}

// textCases are sentences where what a text contains is told without an
// agreement trigger before the provision: a relative clause that the
// provision verb opens after a text that is no state ("a compass which
// provides for"), a provision in the subjunctive of an opinion on a signed
// agreement ("una ampliación que incluyera"), and a roadmap whose signing
// the sentence tells. What the text contains is never an event.
var textCases = []pipelineCase{
	{"en relative", "en",
		"The European strategy adopted by the ministers, which provides for a rapid deployment capacity of 4,000 troops, remains a paper plan, Italy and Spain say.",
		nil},
	{"fr relative", "fr",
		"La stratégie européenne adoptée par les ministres, qui prévoit une capacité de déploiement rapide de 4 000 soldats, reste un plan sur le papier, estiment l'Italie et l'Espagne.",
		nil},
	{"es subjunctive", "es",
		"Uruguay y Paraguay firmaron un acuerdo de defensa en Asunción el 2 de abril de 2025. " +
			"Una ampliación que incluyera patrullajes fluviales conjuntos y el intercambio de datos de inteligencia sería un avance razonable, opina el columnista.",
		[]wantEvent{{typ: event.Agreement, countries: "PRY,URY", date: "2025-04-02", stage: event.Signed}}},
	{"pt subjunctive", "pt",
		"Angola e a Namíbia assinaram um acordo de defesa em Windhoek em 3 de abril de 2025. " +
			"Uma ampliação que incluísse patrulhas conjuntas e a troca de informações de inteligência seria um avanço razoável, opina o colunista.",
		[]wantEvent{{typ: event.Agreement, countries: "AGO,NAM", date: "2025-04-03", stage: event.Signed}}},
	{"ar roadmap", "ar",
		"ويرتبط الأردن والولايات المتحدة بخارطة طريق للتعاون الدفاعي وقعها البلدان في 2019، وتشمل التكوين وتبادل المعلومات.",
		nil},
}

func TestWhatAnAgreementProvidesForIsNoEvent(t *testing.T) {
	p := newTestPipeline(t)
	for _, c := range append(provisionCases, textCases...) {
		t.Run(c.name, func(t *testing.T) { checkCase(t, p, c) })
	}
}
