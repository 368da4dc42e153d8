package extract_test

import (
	"testing"

	"pactwatch/internal/event"
)

// falsePosCases pin three general rules against false events, each in
// every language: states listed side by side are not each other's
// partners ("listed"), a reception at the airport attends the arrival told
// just before ("welcome"), and a stage-less agreement named with states
// the page is not about stands for no agreement in force ("standing"),
// and an undated act of one of the page's states with third states only is
// told in passing ("sideline") unless the sentence opens as other news
// ("shift"); forces leaving for another state than their own are a
// deployment, not a withdrawal ("departure abroad").
// The name starts with the language and the rule.
var falsePosCases = []pipelineCase{
	// an office-holder's presence abroad told with no act is a visit;
	// officers or a ship "being" somewhere are none
	{"ru presence abroad is a visit", "ru",
		"Москва, 12 марта 2026\n\nМинистр обороны России Андрей Белоусов во вторник провёл переговоры в Ханое с министром обороны Вьетнама.\n\n" +
			"В среду министр обороны России Андрей Белоусов был уже во Вьентьяне.",
		[]wantEvent{{typ: event.Meeting, countries: "RUS,VNM", date: "2026-03-10"}, {typ: event.Meeting, countries: "LAO,RUS", initiator: "RUS", date: "2026-03-11"}}},
	{"en officers present are no visit", "en",
		"The report said that a group of Egyptian officers was already in Asmara last week.",
		nil},
	// an interviewee's "I" and "my" stand for his state as "we" does: the
	// talks he held are his state's, not those of the two states the
	// page names most
	{"uk first-person singular interview", "uk",
		"Інтерв'ю з головою Державної прикордонної служби України\n\n12 березня 2026\n\n— Як відбувся візит до Бухареста?\n\n" +
			"— Я провів у Бухаресті два дні. Мої переговори з керівником прикордонної поліції Румунії тривали три години. " +
			"Я підписав з румунською стороною угоду про спільне патрулювання кордону. Мені також показали новий пункт пропуску на кордоні з Молдовою.\n\n" +
			"— А Молдова?\n\n— Молдова теж цікавиться патрулюванням. Молдова і Румунія вже мають спільні мобільні групи.",
		[]wantEvent{{typ: event.Meeting, countries: "ROU,UKR"}, {typ: event.Agreement, countries: "ROU,UKR"}}},
	// a contract whose object is counted equipment buys it: an agreement
	// and an arms transfer; equipment named without a count is the pact's
	// topic
	{"de contract for counted equipment", "de",
		"Am Dienstag unterzeichneten Vertreter der französischen Werft und des ägyptischen Verteidigungsministeriums in Kairo einen Vertrag über zwei weitere U-Boote.",
		[]wantEvent{{typ: event.Agreement, countries: "EGY,FRA", stage: event.Signed}, {typ: event.Arms, countries: "EGY,FRA", initiator: "FRA"}}},
	{"en agreement for counted patrol vessels", "en",
		"Ghana and the Netherlands signed an agreement on Monday for four patrol vessels for the Ghanaian navy.",
		[]wantEvent{{typ: event.Agreement, countries: "GHA,NLD", stage: event.Signed}, {typ: event.Arms, countries: "GHA,NLD", initiator: "NLD"}}},
	{"en agreement on shipbuilding is its topic", "en",
		"Ghana and the Netherlands signed an agreement on Monday on cooperation in building patrol vessels for the Ghanaian navy.",
		[]wantEvent{{typ: event.Agreement, countries: "GHA,NLD", stage: event.Signed}}},
	// a sale of craft named for attack is a transfer, not violence
	{"pt sale of attack aircraft", "pt",
		"A fabricante brasileira anunciou nesta terça-feira a venda de oito aviões de ataque leve à Força Aérea de Moçambique.",
		[]wantEvent{{typ: event.Arms, countries: "BRA,MOZ", initiator: "BRA"}}},
	// an ending whose nearest act is a visit or a drill ends that act,
	// not the pact named after it
	{"en visit ends with a pact", "en",
		"Japanese defence minister ends Manila visit with new logistics pact",
		[]wantEvent{{typ: event.Meeting, countries: "JPN,PHL"}, {typ: event.Agreement, countries: "JPN,PHL"}}},
	{"pl agreement signed at the end of a drill", "pl",
		"Na zakończenie ćwiczeń, w piątek w Gdyni, dowódcy marynarek Polski i Finlandii podpisali porozumienie o wspólnym nadzorze nad żeglugą.",
		[]wantEvent{{typ: event.Agreement, countries: "FIN,POL", stage: event.Signed, location: "POL"}}},
	// a hospital ship or a military medical team arriving abroad is a
	// deployment
	{"sw hospital ship arrives", "sw",
		"Meli ya hospitali ya jeshi la wanamaji la India iliwasili Jumatatu katika bandari ya Mombasa, Kenya, kwa ajili ya kutoa huduma za matibabu bure.",
		[]wantEvent{{typ: event.Deployment, countries: "IND,KEN", initiator: "IND", location: "KEN"}}},
	{"zh hospital ship arrives", "zh",
		"中国海军医院船于6月2日抵达坦桑尼亚达累斯萨拉姆港，开始为期一周的医疗服务。",
		[]wantEvent{{typ: event.Deployment, countries: "CHN,TZA", initiator: "CHN", location: "TZA"}}},
	// a contingent's rotation is a deployment; "zoezi la kubadilisha",
	// the process of changing, is no drill
	{"sw contingent rotation", "sw",
		"Tanzania ilikamilisha Jumamosi zoezi la kubadilisha wanajeshi wake walioko mashariki mwa Kongo.",
		[]wantEvent{{typ: event.Deployment, countries: "COD,TZA", initiator: "TZA"}}},
	// a post at an embassy taken up is a deployment from the embassy's
	// state; the attaché named in passing is not
	{"es defence attaché appointed", "es",
		"El Gobierno de Chile nombró a un agregado de defensa en su embajada en Lima, un puesto vacante desde 2020.",
		[]wantEvent{{typ: event.Deployment, countries: "CHL,PER", initiator: "CHL"}}},
	{"sw military attaché appointed", "sw",
		"Uganda imemteua Kanali Peter Okello kuwa mwambata wa kijeshi katika ubalozi wake jijini Kigali.",
		[]wantEvent{{typ: event.Deployment, countries: "RWA,UGA", initiator: "UGA"}}},
	{"en attaché named in passing", "en",
		"The defence attaché at the British embassy in Nairobi told reporters that a new training centre would open in March.",
		nil},
	// a rupture decided by the state the report is filed from took place
	// there
	{"ru rupture placed at the dateline", "ru",
		"КИШИНЁВ, 3 марта 2026 — Парламент Молдавии денонсировал соглашение с Россией о военном сотрудничестве.",
		[]wantEvent{{typ: event.Rupture, countries: "MDA,RUS", initiator: "MDA", date: "2026-03-03", stage: event.Terminated, location: "MDA"}}},
	// troops that "were going to be sent" are not sent
	{"fr troops that were going to be sent", "fr",
		"Selon un site régional, des troupes turques supplémentaires allaient être envoyées dans le nord de la Somalie.",
		nil},
	// Korean writes a known person's family name alone before a title
	// ("김 장관", Minister Kim): the page's 김민수 and his state
	{"ko family name before a title", "ko",
		"2026년 3월 5일 09:00\n\n한국의 김민수 국방부 장관은 3일 바르샤바에서 폴란드 국방장관과 회담하고 방산 협력을 논의했다.\n\n김 장관은 4일 부쿠레슈티에서 루마니아 국방장관과도 회담했다.",
		[]wantEvent{{typ: event.Meeting, countries: "KOR,POL", date: "2026-03-03"}, {typ: event.Meeting, countries: "KOR,ROU", date: "2026-03-04"}}},
	// a weak act named by "before"/"after" dates another act, weak or not:
	// "before leaving Bunia, he handed over four patrol vehicles"
	{"sw handover before leaving", "sw",
		"Kabla ya kuondoka Bunia jioni hiyo, mkuu wa majeshi wa Uganda alikabidhi kwa jeshi la Kongo magari manne ya doria.",
		[]wantEvent{{typ: event.Arms, countries: "COD,UGA", initiator: "UGA"}}},
	// a verb of receiving with the giver between it and the goods ("took
	// over from South Korea three new patrol boats") is a delivery, and
	// the word it shares with a seizure is no fighting
	{"pl goods taken over from the giver", "pl",
		"W poniedziałek w porcie Subic filipińska marynarka wojenna przejęła od Korei Południowej trzy nowe kutry patrolowe.",
		[]wantEvent{{typ: event.Arms, countries: "KOR,PHL", initiator: "KOR"}}},
	// "his first visit since taking office in July": the date starts the
	// count, the visit is the one the page tells
	{"pl first visit since taking office", "pl",
		"Warszawa, 3 grudnia 2026\n\nMinister obrony Korei Południowej przebywał w środę z wizytą w Warszawie, gdzie rozmawiał z ministrem obrony Polski o dostawach czołgów.\n\nTo pierwsza wizyta koreańskiego ministra w Polsce od objęcia przez niego urzędu w lipcu.",
		[]wantEvent{{typ: event.Meeting, countries: "KOR,POL", date: "2026-12-02"}}},
	{"zh first visit since taking office", "zh",
		"2026年12月3日 08:00 来源：新华网\n\n国防部长2日在北京与来访的肯尼亚国防部长举行会谈，双方就海上安全合作交换了意见。\n\n这是肯尼亚国防部长今年5月就任以来首次访华。",
		[]wantEvent{{typ: event.Meeting, countries: "CHN,KEN", date: "2026-12-02"}}},
	{"tr first visit since taking office", "tr",
		"Ankara, 3 Aralık 2026\n\nMilli Savunma Bakanı salı günü Ankara'da Kenya Savunma Bakanı ile görüştü ve deniz güvenliği alanındaki işbirliğini ele aldı.\n\nBu, Kenya Savunma Bakanının temmuzda göreve gelmesinden bu yana Türkiye'ye yaptığı ilk ziyaret.",
		[]wantEvent{{typ: event.Meeting, countries: "KEN,TUR", date: "2026-12-01"}}},
	// once the page tells a signing, an intent about "these agreements"
	// speaks of it: no new agreement proposed
	{"ru intent about the agreements signed", "ru",
		"Ташкент, 3 марта 2026\n\nМинистры обороны Узбекистана и Китая во вторник подписали в Пекине план военного сотрудничества на 2026 год.\n\nДокумент предусматривает совместные учения и обучение офицеров.\n\nПеред подписанием министры провели переговоры о безопасности в Центральной Азии.\n\nСтороны также обсудили положение в Афганистане.\n\n«Мы ценим, что китайские партнёры неизменно поддерживают нашу армию, и намерены наполнить эти договорённости реальными делами», — заявил узбекский министр после церемонии.",
		[]wantEvent{{typ: event.Agreement, countries: "CHN,UZB", stage: event.Signed}, {typ: event.Meeting, countries: "CHN,UZB"}}},
	// a warship's call at a port is a visit of a ship, no act between
	// the states: not a deployment, not talks, not a transfer of the ship
	{"en port call of a patrol ship", "en",
		"The British patrol ship HMS Tamar, on a long deployment in the Indian Ocean, made a port call in Mombasa on Monday.",
		nil},
	{"tr port visit of a frigate", "tr",
		"Afrika açıklarındaki konuşlanmasını sürdüren TCG Oruçreis'in gelecek hafta Kenya'nın Mombasa limanına liman ziyareti yapması bekleniyor.",
		nil},
	{"ja port call of a destroyer", "ja",
		"インド海軍の駆逐艦は今月、横須賀基地に寄港した。",
		nil},
	{"fr stopover of a frigate", "fr",
		"La frégate française Surcouf a fait escale à Dakar la semaine dernière, en pleine mission de déploiement dans le golfe de Guinée.",
		nil},
	// a landmark is the first state after its cue; a state named after it
	// by other words is a party ("the border with Burundi to Burundian
	// traders")
	{"en party named after a landmark", "en",
		"Days after the withdrawal of Rwandan soldiers, Rwanda shut its border with Burundi to Burundian traders.",
		[]wantEvent{{typ: event.Rupture, countries: "BDI,RWA"}}},
	// what ministers discussed is the talks' topic, in every language
	// whose discussion verb is no meeting word of its own
	{"sw patrols the ministers discussed", "sw",
		"Nairobi, 4 Machi 2026\n\nKwa mujibu wa taarifa ya pamoja, mawaziri wa ulinzi wa Kenya na Somalia walijadili doria za pamoja katika eneo la Mandera.",
		nil},
	{"de manoeuvres the ministers discussed", "de",
		"Moskau, 4. März 2026\n\nLaut einer gemeinsamen Erklärung erörterten die Verteidigungsminister Russlands und Laos gemeinsame Manöver im Mekong-Gebiet.",
		nil},
	// Japanese and Korean topics with "also" (についても, 에 대해서도)
	{"ja drills the ministers also discussed", "ja",
		"東京、2026年3月4日\n\n日本とマレーシアの防衛相会談では、両国海軍による共同訓練の拡充についても意見を交わした。",
		[]wantEvent{{typ: event.Meeting, countries: "JPN,MYS"}}},
	{"ko drills the ministers also discussed", "ko",
		"서울, 2026년 3월 4일\n\n한국과 말레이시아 국방장관은 회담에서 양국 해군의 연합훈련 확대에 대해서도 논의했다.",
		[]wantEvent{{typ: event.Meeting, countries: "KOR,MYS"}}},
	// a purchase that negotiations still seek is not a transfer
	{"en purchase under negotiation", "en",
		"Nairobi, 4 March 2026\n\nKenya's defence ministry reviewed on Monday the timetable of the negotiations for the acquisition of six Turkish helicopters.",
		nil},
	// the future tense written as an ending ("realizarán", "rencontrera",
	// "si incontreranno"): an activity still to come, on a weekday ahead
	{"ru drill in the perfective future", "ru",
		"Москва, 4 марта 2026\n\nВоенно-морские силы России и Китая проведут совместные учения в четверг у Владивостока.",
		nil},
	{"hi drill in the future tense", "hi",
		"नई दिल्ली, 4 मार्च 2026\n\nभारत और मालदीव की नौसेनाएं गुरुवार को माले के पास संयुक्त अभ्यास करेंगी।",
		nil},
	{"es drill in the future tense", "es",
		"Santiago, 4 de marzo de 2026\n\nLas armadas de Chile y Argentina realizarán un ejercicio conjunto el jueves frente a Valparaíso.",
		nil},
	{"es talks in the future tense", "es",
		"Santiago, 4 de marzo de 2026\n\nEl ministro de Defensa de Chile se reunirá el jueves en Buenos Aires con su homólogo argentino.",
		nil},
	{"pt drill in the future tense", "pt",
		"Maputo, 4 de março de 2026\n\nAs marinhas de Moçambique e da Tanzânia realizarão um exercício conjunto na quinta-feira ao largo de Pemba.",
		nil},
	{"fr drill in the future tense", "fr",
		"Dakar, le 4 mars 2026\n\nLes armées du Sénégal et du Mali mèneront un exercice conjoint jeudi près de Kayes.",
		nil},
	{"fr talks in the future tense", "fr",
		"Dakar, le 4 mars 2026\n\nLe ministre sénégalais de la Défense rencontrera jeudi à Bamako son homologue malien.",
		nil},
	{"it talks in the future tense", "it",
		"Roma, 4 marzo 2026\n\nI ministri della Difesa di Italia e Tunisia si incontreranno giovedì a Tunisi.",
		nil},
	// talks named after their venue ("the Algiers talks") are a process
	// the groups belong to, not an act of the venue's state
	{"en clashes with groups in talks named after a city", "en",
		"Fresh clashes pitted army units of Mali against movements represented at the Algiers talks, despite the truce.",
		nil},
	// the conditional of an unconfirmed report tells no act, before or
	// after its subject
	{"fr a base the report says was granted", "fr",
		"Dakar, le 4 mars 2026\n\nSelon un site régional, le Maroc aurait obtenu du Sénégal l'autorisation d'installer une base navale près de Ziguinchor.",
		nil},
	{"it a contingent the report says is deployed", "it",
		"Roma, 4 marzo 2026\n\nSecondo un sito tunisino, un contingente di carabinieri e di militari della Marina italiana sarebbe già operativo in Tunisia.",
		nil},
	// "course" in idioms of progress and time is no training course
	{"es a lawsuit runs its course", "es",
		"México, 29 de abril de 2026\n\nEl litigio que el gobierno de México mantiene contra empresas militares en tribunales de Estados Unidos sigue su curso.",
		nil},
	{"it ongoing inquiries", "it",
		"Roma, 3 marzo 2026\n\nLe indagini in corso tra Italia e Libia riguardano le forze armate libiche.",
		nil},
	// jets scrambled to intercept another state's aircraft: no delivery
	{"ru jets scrambled to intercept", "ru",
		"Токио, 12 мая 2026\n\nВ понедельник японские истребители поднимались на перехват двух российских самолётов у Хоккайдо, сообщило министерство обороны Японии.",
		nil},
	// a station, base or post handed over is a site, not arms
	{"ru station handed over is no arms", "ru",
		"Дакар, 31 января 2026\n\nВ пятницу Франция передала сенегальской армии станцию связи в Рюфиске.",
		nil},
	// troops or a base kept unlawfully, without the host's consent, are
	// no cooperation
	{"en base kept without consent", "en",
		"Chisinau, 4 May 2026\n\nRussia keeps a military garrison in the Transnistria region illegally, without the consent of Moldova, the foreign ministry said.",
		nil},
	{"es troops kept without consent", "es",
		"Chisinau, 4 de mayo de 2026\n\nRusia mantiene tropas en la región de Transnistria sin el consentimiento de Moldavia, denunció el ministerio.",
		nil},
	// coordinates or secrets passed to a foreign service are no goods
	{"uk secrets are no goods", "uk",
		"Київ, 4 травня 2026\n\nПаралельно в Одесі затримали чоловіка, який передав російським спецслужбам координати військових об'єктів.",
		nil},
	// a state named in a movement's name ("for the Liberation of Congo") is
	// no party: aid to the movement is no aid between two states
	{"en liberation of", "en",
		"Kigali, 4 May 2026\n\nRwanda provided military aid to the Movement for the Liberation of Congo last year, a UN report said on Monday.",
		nil},
	{"fr liberation of", "fr",
		"Kigali, 4 mai 2026\n\nLe Rwanda a fourni une aide militaire au Mouvement pour la libération du Congo, selon un rapport publié lundi.",
		nil},
	{"es liberation of", "es",
		"Kigali, 4 de mayo de 2026\n\nRuanda entregó ayuda militar al Movimiento para la Liberación del Congo, según un informe publicado el lunes.",
		nil},
	// a body's activity word right after its name is the body's (here in an
	// official's title), no act of the states named around it
	{"ar body's activity", "ar",
		"نيامي، 4 أيار 2026\n\nشارك الجنود النيجريون في مراسم حضرها وكيل الأمين العام لعمليات الأمم المتحدة لحفظ السلام في مالي.",
		nil},
	// listed: the second sentence lists the contributors of a force
	{"en listed", "en",
		"Rwanda deployed 1,000 soldiers to Mozambique on 10 July 2025 to secure the gas region. " +
			"The regional force also includes troops from Kenya, Uganda and Burundi.",
		[]wantEvent{{typ: event.Deployment, countries: "MOZ,RWA", initiator: "RWA"}}},
	// a withdrawal the talks were about is their topic, not a rupture
	// two demonyms joined before one noun are makers side by side
	// talks that "ended with" a signing ended nothing: the signing is the act
	{"en ended with a signing", "en",
		"Mombasa, 4 May 2026\n\nThe defence ministers of Kenya and India held talks on maritime security in Mombasa on 3 May 2026. " +
			"The talks, which ran for nearly three hours, ended with the signing of a memorandum of understanding on naval hydrography.",
		[]wantEvent{{typ: event.Meeting, countries: "IND,KEN"}, {typ: event.Agreement, countries: "IND,KEN"}}},
	// live firing by two navies' ships is a drill, not a transfer of the ships
	{"ar live firing", "ar",
		"مسقط، 4 شباط 2026\n\nنفذت سفينتان من البحرية العمانية وفرقاطة باكستانية يوم الاثنين قبالة صلالة سلسلة من الرمايات الحية بمشاركة طائرة دورية بحرية باكستانية.",
		[]wantEvent{{typ: event.Exercise, countries: "OMN,PAK"}}},
	// talks that "are to take place" on the next leg of a tour are a plan
	{"ru talks still to come", "ru",
		"Вьентьян, 4 мая 2026\n\nМинистр обороны России во вторник провёл во Вьентьяне переговоры с министром обороны Лаоса. " +
			"Из Вьентьяна министр направится в Ханой, где в пятницу должны состояться его переговоры с министром обороны Вьетнама.",
		[]wantEvent{{typ: event.Meeting, countries: "LAO,RUS"}}},
	// soldiers of two states in a sentence about the drill they joined are
	// its players, not a deployment of one to the other
	{"id drill's players", "id",
		"Jakarta, 12 Mei 2026\n\nLatihan yang berlangsung sepekan itu melibatkan 300 prajurit Marinir Indonesia dan 90 personel marinir Australia.",
		nil},
	// a name right after a host word is the host, in apposition: no guest
	// received, no meeting of its own
	{"it host in apposition", "it",
		"Tokyo, 4 maggio 2026\n\nI ministri della Difesa di Italia, Regno Unito e Giappone si sono incontrati lunedì a Tokyo. " +
			"Il ministro italiano Guido Crosetto, il britannico John Healey e il padrone di casa Gen Nakatani hanno fatto il punto sul programma comune.",
		[]wantEvent{{typ: event.Meeting, countries: "GBR,ITA,JPN"}}},
	// an interviewer's question reports nothing
	{"en question", "en",
		"Nairobi, 4 May 2026\n\n— Does Turkey also train Kenyan sappers?",
		nil},
	{"uk question", "uk",
		"Київ, 4 травня 2026\n\n— Японія ще й навчає українських саперів?",
		nil},
	// a place named as a code name is no party
	{"pt code name", "pt",
		"A Marinha do Brasil encerrou em 4 de maio de 2026 a Operação Benguela, exercício bilateral com a Marinha da Namíbia.",
		[]wantEvent{{typ: event.Exercise, countries: "BRA,NAM"}}},
	{"en code name", "en",
		"Brazil's navy on 4 May 2026 ended Operation Benguela, a bilateral exercise with the Namibian navy.",
		[]wantEvent{{typ: event.Exercise, countries: "BRA,NAM"}}},
	// Mexican usage: weapons "asegurados" are seized, not sent
	{"es seized", "es",
		"Ciudad de México, 4 de mayo de 2026\n\nEl Ejército informó que los fusiles asegurados en Sonora llegaron de Estados Unidos a México.",
		nil},
	{"pt makers", "pt",
		"Segundo o delegado, a maior parte dos fuzis militares é de fabricação norte-americana e belga, com números de série raspados.",
		nil},
	{"en makers", "en",
		"According to the police, most of the military rifles were of American and Belgian make, with their serial numbers filed off.",
		nil},
	// a stage word in another clause is not the hypothetical pact's stage
	{"en proposal in another clause", "en",
		"One analyst argued on 3 March 2026 that Kenya should one day consider a defence pact with Uganda, but the proposal found little support among lawmakers.",
		nil},
	// "both countries reinforced their deployments": each on its own side
	{"en both deploy", "en",
		"On 3 March 2026 Indian and Pakistani troops exchanged fire along the Line of Control. The shelling has stopped, but both countries said they had reinforced their troop deployments in the area.",
		nil},
	{"zh both deploy", "zh",
		"2026年3月3日，印度与巴基斯坦军队在实控线附近交火。截至发稿时，炮击已暂时停止，但两国均表示已在相关地段加强了兵力部署和戒备。",
		nil},
	{"fr talks topic", "fr",
		"Le ministre français des Armées a été reçu le 3 mars 2026 à Erevan par son homologue arménien. " +
			"Au cœur des discussions figuraient la trêve conclue le 2 février entre l'Arménie et l'Azerbaïdjan et le retrait des troupes azerbaïdjanaises de la frontière arménienne.",
		[]wantEvent{{typ: event.Meeting, countries: "ARM,FRA"}}},
	{"fr listed", "fr",
		"Le Rwanda a déployé 1 000 soldats au Mozambique le 10 juillet 2025 pour sécuriser la région gazière. " +
			"La force régionale compte aussi des troupes du Kenya, de l'Ouganda et du Burundi.",
		[]wantEvent{{typ: event.Deployment, countries: "MOZ,RWA", initiator: "RWA"}}},
	{"es listed", "es",
		"Ruanda desplegó 1.000 soldados en Mozambique el 10 de julio de 2025 para asegurar la región gasística. " +
			"La fuerza regional incluye también tropas de Kenia, Uganda y Burundi.",
		[]wantEvent{{typ: event.Deployment, countries: "MOZ,RWA", initiator: "RWA"}}},
	{"pt listed", "pt",
		"O Ruanda destacou 1.000 soldados para Moçambique em 10 de julho de 2025 para proteger a região do gás. " +
			"A força regional inclui ainda tropas do Quénia, do Uganda e do Burundi.",
		[]wantEvent{{typ: event.Deployment, countries: "MOZ,RWA", initiator: "RWA"}}},
	{"ru listed", "ru",
		"Руанда 10 июля 2025 года разместила в Мозамбике контингент из 1000 военнослужащих для охраны газового региона. " +
			"В состав региональных сил также входят военные Кении, Уганды и Бурунди.",
		[]wantEvent{{typ: event.Deployment, countries: "MOZ,RWA", initiator: "RWA"}}},
	{"sw listed", "sw",
		"Rwanda ilituma wanajeshi 1,000 nchini Msumbiji tarehe 10 Julai 2025 kulinda eneo la gesi. " +
			"Kikosi hicho cha kikanda pia kina wanajeshi kutoka Kenya, Uganda na Burundi.",
		[]wantEvent{{typ: event.Deployment, countries: "MOZ,RWA", initiator: "RWA"}}},
	{"tr listed", "tr",
		"Ruanda, 10 Temmuz 2025'te gaz bölgesini korumak için Mozambik'e 1.000 asker konuşlandırdı. " +
			"Bölgesel güçte ayrıca Kenya, Uganda ve Burundi askerleri de yer alıyor.",
		[]wantEvent{{typ: event.Deployment, countries: "MOZ,RWA", initiator: "RWA"}}},
	{"ar listed", "ar",
		"أرسلت رواندا تعزيزات عسكرية إلى موزمبيق يوم 10 يوليو 2025 لتأمين منطقة الغاز. " +
			"وتضم القوة الإقليمية أيضا جنودا من كينيا وأوغندا وبوروندي.",
		[]wantEvent{{typ: event.Deployment, countries: "MOZ,RWA", initiator: "RWA"}}},

	// welcome: the soldiers who arrived are received at the airport
	// the page's pair lends itself to a stateless act only once the page
	// told an act between them
	{"en pair without an act", "en",
		"Turkish jets struck militant positions in northern Syria on Monday, the defence ministry in Ankara said. " +
			"Syrian state media said the strikes hit villages near the Turkish border. " +
			"A ministry spokesman added that talks on new defence export contracts are continuing.",
		nil},
	{"en pair with an act", "en",
		"Turkey delivered four armed drones to Somalia on 3 March 2025, the defence ministry in Ankara said. " +
			"Somali officials welcomed the delivery at Mogadishu airport. " +
			"Defence officials then held talks on the maintenance of the drones in Mogadishu on Tuesday.",
		[]wantEvent{{typ: event.Arms, countries: "SOM,TUR", initiator: "TUR"}, {typ: event.Meeting, countries: "SOM,TUR"}}},
	// an activity noun whose states are only places: no state acts
	{"pt places only", "pt",
		"Segundo a polícia, o armamento militar foi comprado no Paraguai e seria levado para quadrilhas de São Paulo.",
		nil},
	{"en places only", "en",
		"Police said the military rifles were bought in Yemen and shipped to smugglers in Mombasa.",
		nil},
	// the activity nouns of an act denied or supposed are its topic
	{"en topic of a supposed agreement", "en",
		"The expert did not exclude that Kuwait and Turkey sign an agreement to manufacture military drones in the coming years.",
		nil},
	{"fr topic of a denied agreement", "fr",
		"Le ministre a démenti que le Niger et la Russie aient signé un accord sur la livraison d'hélicoptères de combat.",
		nil},
	// in a verb-final language the intent follows the act
	{"ko plan after the act", "ko",
		"국방부는 한국과 폴란드의 구체적인 연합훈련 신설 계획은 아직 정해지지 않았다고 밝혔다.",
		nil},
	{"tr plan after the act", "tr",
		"Türkiye ile Pakistan arasında ortak tatbikat yapılması planlanıyor.",
		nil},
	// the verb that ends a verb-final sentence governs all of it
	{"ja denial at the end", "ja",
		"ロシアがイランから軍用無人機を調達しているとの報道について、イラン外務省の報道官は10日の会見で「全くの事実無根だ」と否定した。",
		nil},
	// a base named as where another act happened is a place
	{"en act at a base", "en",
		"At the naval base in Surabaya, Germany handed over two minehunters to the Indonesian navy on 14 October 2025.",
		[]wantEvent{{typ: event.Arms, countries: "DEU,IDN", initiator: "DEU"}}},
	// what an agreement aims at is its content
	{"en agreement aims", "en",
		"Kenya and Tanzania signed a defence cooperation agreement in Arusha on 10 June 2025, aimed at boosting joint patrols on Lake Victoria.",
		[]wantEvent{{typ: event.Agreement, countries: "KEN,TZA", stage: event.Signed}}},
	// what ministers talked about is the talks' topic
	{"fr talks topic", "fr",
		"Le ministre béninois de la Défense a reçu son homologue nigérien à Cotonou le 3 juin 2025. Les deux ministres ont également évoqué l'achat groupé de munitions et de drones, sans donner de détails.",
		[]wantEvent{{typ: event.Meeting, countries: "BEN,NER"}}},
	// a question asks whether an act happened: "ли"
	{"ru question", "ru",
		"Журналисты спросили, ведутся ли переговоры между Россией и Суданом о военно-морской базе.",
		nil},
	// an undated page: "in the past ten years" still reports the act
	{"en past years without a date", "en",
		"India has supplied most of the military equipment Vietnam has obtained in the past ten years, a think-tank report said.",
		[]wantEvent{{typ: event.Arms, countries: "IND,VNM", initiator: "IND"}}},
	// "cut" and "reduced" end an act only when it is their object; a
	// leader named as the subject stands for his state
	{"en cut the ribbon", "en",
		"The army cut the ribbon at the new base built with Chinese help in Kenya.",
		nil},
	{"en cut military aid", "en",
		"Norway has cut its military aid to Mali, accusing the junta of abuses.",
		[]wantEvent{{typ: event.Rupture, countries: "MLI,NOR", initiator: "NOR"}}},
	{"en leader as subject", "en",
		"Published 10 June 2021. Macron suspended joint military operations with Mali on 3 June 2021 after the second coup.",
		[]wantEvent{{typ: event.Rupture, countries: "FRA,MLI", initiator: "FRA"}}},
	// a leaving verb needs what is left or ended
	{"en flag lowered", "en",
		"At the ceremony in Istanbul the Turkish flag was pulled down and the Pakistani flag raised over the ship.",
		nil},
	{"en border guards leaving", "en",
		"Russian border guards pulled out of Armenia's airport checkpoint on 3 March 2025, the Armenian government said.",
		[]wantEvent{{typ: event.Rupture, countries: "ARM,RUS"}}},
	// a host verb receives people: "receiving information" is no meeting
	{"en received information", "en",
		"Pakistani troops raided a hideout near the Afghan border on Monday after receiving information about fighters crossing from Afghanistan.",
		nil},
	{"en received a delegation", "en",
		"The Nigerian army chief received a delegation from Ghana in Abuja on 4 March 2025 to discuss border security.",
		[]wantEvent{{typ: event.Meeting, countries: "GHA,NGA"}}},
	{"en welcome", "en",
		"Guatemala deployed 150 military police officers to Haiti on 18 January 2025 to join the security mission. " +
			"The soldiers were received at the airport by Haiti's prime minister.",
		[]wantEvent{{typ: event.Deployment, countries: "GTM,HTI", initiator: "GTM"}}},
	{"fr welcome", "fr",
		"Le Guatemala a déployé 150 militaires en Haïti le 18 janvier 2025 pour rejoindre la mission de sécurité. " +
			"Les soldats ont été accueillis à l'aéroport par le Premier ministre haïtien.",
		[]wantEvent{{typ: event.Deployment, countries: "GTM,HTI", initiator: "GTM"}}},
	{"es welcome", "es",
		"Guatemala desplegó 150 militares en Haití el 18 de enero de 2025 para sumarse a la misión de seguridad. " +
			"Los soldados fueron recibidos en el aeropuerto por el primer ministro haitiano.",
		[]wantEvent{{typ: event.Deployment, countries: "GTM,HTI", initiator: "GTM"}}},
	{"pt welcome", "pt",
		"A Guatemala destacou 150 soldados para o Haiti em 18 de janeiro de 2025 para integrar a missão de segurança. " +
			"Os soldados foram recebidos no aeroporto pelo primeiro-ministro haitiano.",
		[]wantEvent{{typ: event.Deployment, countries: "GTM,HTI", initiator: "GTM"}}},
	{"ru welcome", "ru",
		"Гватемала 18 января 2025 года направила на Гаити контингент из 150 военных для участия в миссии по обеспечению безопасности. " +
			"В аэропорту военных встретил премьер-министр Гаити.",
		[]wantEvent{{typ: event.Deployment, countries: "GTM,HTI", initiator: "GTM"}}},
	{"sw welcome", "sw",
		"Guatemala ilituma wanajeshi 150 nchini Haiti tarehe 18 Januari 2025 kujiunga na ujumbe wa usalama. " +
			"Wanajeshi hao walipokelewa katika uwanja wa ndege na Waziri Mkuu wa Haiti.",
		[]wantEvent{{typ: event.Deployment, countries: "GTM,HTI", initiator: "GTM"}}},
	{"tr welcome", "tr",
		"Guatemala, 18 Ocak 2025'te güvenlik misyonuna katılmak üzere Haiti'ye 150 asker konuşlandırdı. " +
			"Askerler havalimanında Haiti Başbakanı tarafından karşılandı.",
		[]wantEvent{{typ: event.Deployment, countries: "GTM,HTI", initiator: "GTM"}}},
	{"ar welcome", "ar",
		"أرسلت غواتيمالا تعزيزات عسكرية إلى هايتي يوم 18 يناير 2025 للانضمام إلى بعثة الأمن. " +
			"واستقبل رئيس وزراء هايتي الجنود في المطار.",
		[]wantEvent{{typ: event.Deployment, countries: "GTM,HTI", initiator: "GTM"}}},

	// standing: an agreement named again with a third state in passing
	{"en standing", "en",
		"India and Sri Lanka signed a defence cooperation memorandum in Colombo on 5 April 2025. " +
			"Analysts said the defence agreement comes as China and India compete for influence in the region.",
		[]wantEvent{{typ: event.Agreement, countries: "IND,LKA", stage: event.Signed}}},
	{"fr standing", "fr",
		"L'Inde et le Sri Lanka ont signé un mémorandum de coopération en matière de défense à Colombo le 5 avril 2025. " +
			"Selon des analystes, l'accord de défense intervient alors que la Chine et l'Inde se disputent l'influence dans la région.",
		[]wantEvent{{typ: event.Agreement, countries: "IND,LKA", stage: event.Signed}}},
	{"es standing", "es",
		"India y Sri Lanka firmaron un memorando de cooperación en defensa en Colombo el 5 de abril de 2025. " +
			"Según analistas, el acuerdo de defensa llega mientras China e India compiten por influencia en la región.",
		[]wantEvent{{typ: event.Agreement, countries: "IND,LKA", stage: event.Signed}}},
	{"pt standing", "pt",
		"A Índia e o Sri Lanka assinaram um memorando de cooperação em defesa em Colombo em 5 de abril de 2025. " +
			"Segundo analistas, o acordo de defesa surge quando a China e a Índia disputam influência na região.",
		[]wantEvent{{typ: event.Agreement, countries: "IND,LKA", stage: event.Signed}}},
	{"ru standing", "ru",
		"Индия и Шри-Ланка 5 апреля 2025 года подписали в Коломбо меморандум о сотрудничестве в области обороны. " +
			"По мнению аналитиков, оборонное соглашение появилось на фоне соперничества Китая и Индии за влияние в регионе.",
		[]wantEvent{{typ: event.Agreement, countries: "IND,LKA", stage: event.Signed}}},
	{"sw standing", "sw",
		"India na Sri Lanka zilitia saini mkataba wa ushirikiano wa ulinzi mjini Colombo tarehe 5 Aprili 2025. " +
			"Wachambuzi walisema mkataba huo wa ulinzi unakuja wakati China na India zinashindana kupata ushawishi katika eneo hilo.",
		[]wantEvent{{typ: event.Agreement, countries: "IND,LKA", stage: event.Signed}}},
	{"tr standing", "tr",
		"Hindistan ve Sri Lanka, 5 Nisan 2025'te Kolombo'da savunma işbirliği mutabakat zaptı imzaladı. " +
			"Analistlere göre savunma anlaşması, Çin ile Hindistan'ın bölgede nüfuz rekabeti sürerken geldi.",
		[]wantEvent{{typ: event.Agreement, countries: "IND,LKA", stage: event.Signed}}},
	{"ar standing", "ar",
		"وقعت الهند وسريلانكا مذكرة تفاهم للتعاون الدفاعي في كولومبو يوم 5 أبريل 2025. " +
			"ويرى محللون أن الاتفاق الدفاعي يأتي في ظل تنافس الصين والهند على النفوذ في المنطقة.",
		[]wantEvent{{typ: event.Agreement, countries: "IND,LKA", stage: event.Signed}}},
	// a sentence opened as other news ("meanwhile") is no side remark
	{"ru shift", "ru",
		"Россия и Белоруссия 16 апреля 2025 года начали в Бресте совместные военные учения. В маневрах участвуют около 600 военнослужащих двух армий. " +
			"Тем временем в Таджикистане завершилась плановая ротация личного состава российской военной базы под Душанбе.",
		[]wantEvent{{typ: event.Exercise, countries: "BLR,RUS"}, {typ: event.Deployment, countries: "RUS,TJK", initiator: "RUS"}}},
	{"fr shift", "fr",
		"La Russie et la Biélorussie ont lancé le 16 avril 2025 des manœuvres militaires conjointes près de Minsk. Quelque 600 soldats des deux armées y participent. " +
			"Par ailleurs, au Tadjikistan, la relève du contingent de la base militaire russe près de Douchanbé s'est achevée.",
		[]wantEvent{{typ: event.Exercise, countries: "BLR,RUS"}, {typ: event.Deployment, countries: "RUS,TJK", initiator: "RUS"}}},
	{"id shift", "id",
		"Rusia dan Belarus memulai latihan militer gabungan di dekat Minsk pada 16 April 2025. Sekitar 600 prajurit dari kedua angkatan bersenjata ikut serta. " +
			"Sementara itu, di Tajikistan, rotasi personel pangkalan militer Rusia di dekat Dushanbe telah selesai.",
		[]wantEvent{{typ: event.Exercise, countries: "BLR,RUS"}, {typ: event.Deployment, countries: "RUS,TJK", initiator: "RUS"}}},
	// two co-subjects sign together, whatever state a later clause names
	{"en co-subjects sign", "en",
		"Kenya and Tanzania on 3 March 2026 signed a defence cooperation agreement, as both governments watch Somali militias with growing concern.",
		[]wantEvent{{typ: event.Agreement, countries: "KEN,TZA", stage: event.Signed}}},
	// a frigate drilling with a navy is an exercise, not a delivery
	{"de übt mit", "de",
		"Die deutsche Fregatte Hessen übt mit der indischen Marine vor Goa, teilte die Bundeswehr am 3. März 2026 mit.",
		[]wantEvent{{typ: event.Exercise, countries: "DEU,IND"}}},
	// a frigate requested by a state and refused is no transfer
	{"it requested frigate", "it",
		"Il 3 marzo 2026 Roma ha detto no alla fregata chiesta da Buenos Aires per la marina argentina.",
		nil},
	// a course of one of the page's two states is given by, or to, the
	// other: trainees named by their demonym are trained by it
	{"es course of the page's pair", "es",
		"Argentina y Dinamarca firman un acuerdo\n\nPublicado el 4 de marzo de 2026\n\n" +
			"Argentina y Dinamarca firmaron el martes en Buenos Aires un acuerdo de cooperación en defensa.\n\n" +
			"Desde el lunes, ocho pilotos argentinos realizan en la base aérea de Skrydstrup un curso de conversión al F-16.",
		[]wantEvent{{typ: event.Agreement, countries: "ARG,DNK"}, {typ: event.Training, countries: "ARG,DNK", initiator: "DNK"}}},
	{"en course with its instructors' state", "en",
		"Canada and Jamaica sign a boat deal\n\nPublished 4 March 2026\n\n" +
			"Canada and Jamaica signed a maritime security agreement in Kingston on Tuesday.\n\n" +
			"A team of Canadian naval instructors will train 40 coast guard sailors at Port Royal from Monday.",
		[]wantEvent{{typ: event.Agreement, countries: "CAN,JAM"}, {typ: event.Training, countries: "CAN,JAM", initiator: "CAN"}}},
	{"de course of the page's pair", "de",
		"Deutschland und Indien unterzeichnen Marineabkommen\n\nVeröffentlicht am 4. März 2026\n\n" +
			"Deutschland und Indien haben am Dienstag in Berlin ein Abkommen über Marinezusammenarbeit unterzeichnet.\n\n" +
			"An der Marineschule in Flensburg hat am Montag ein Lehrgang für 14 indische Marineoffiziere begonnen.",
		[]wantEvent{{typ: event.Agreement, countries: "DEU,IND"}, {typ: event.Training, countries: "DEU,IND", initiator: "DEU"}}},
	// a signing is news though the negotiation it ended is recalled in a
	// relative clause
	{"es signed what was negotiated for years", "es",
		"Publicado el 6 de agosto de 2026.\n\nEl ministro peruano de Defensa firmó en Brasilia un protocolo de cooperación fronteriza con Brasil, que ambos gobiernos negociaban desde hace dos años.",
		[]wantEvent{{typ: event.Agreement, countries: "BRA,PER", stage: event.Signed}}},
	// a parliament's debate is no meeting between states
	{"tr parliament debate", "tr",
		"Türkiye ile Irak arasındaki askeri eğitim anlaşması 3 Mart 2026'da TBMM Genel Kurulu'nda kabul edildi.\n" +
			"Genel Kurul'daki görüşmelerde söz alan bakan yardımcısı, anlaşmanın sınır güvenliğine katkı sağlayacağını söyledi.",
		[]wantEvent{{typ: event.Agreement, countries: "IRQ,TUR"}}},
	// deputies who abstain suspend nothing
	{"pl abstention", "pl",
		"Sejm uchwalił 3 marca 2026 roku ustawę o ratyfikacji umowy o współpracy obronnej między Polską a Republiką Korei, przy czym 14 posłów wstrzymało się od głosu.",
		[]wantEvent{{typ: event.Agreement, countries: "KOR,POL", stage: event.Ratified}}},
	// a third state's pact approved "in the same session" is news of its own
	{"tr same session", "tr",
		"Türkiye ile Irak arasındaki askeri eğitim anlaşması 3 Mart 2026'da TBMM Genel Kurulu'nda kabul edildi.\n" +
			"Genel Kurul aynı oturumda, Türkiye ile Kenya arasındaki askeri işbirliği anlaşmasının onaylanmasını öngören kanun teklifini de kabul etti.",
		[]wantEvent{{typ: event.Agreement, countries: "IRQ,TUR"}, {typ: event.Agreement, countries: "KEN,TUR", stage: event.Ratified}}},
	// a message handed over is no arms transfer
	{"fr message handed over", "fr",
		"Le 3 mars 2026 à Kampala, le ministre kényan de la Défense a remis à son homologue ougandais un message du président William Ruto.",
		nil},
	// delivered equipment placed by its recipient is no deployment
	{"uk systems deployed", "uk",
		"Норвегія 3 березня 2026 року передала Україні дві нові пускові установки NASAMS, повідомило Міністерство оборони України.\n" +
			"У Міністерстві оборони не уточнили, де саме розгорнуть нові установки.",
		[]wantEvent{{typ: event.Arms, countries: "NOR,UKR", initiator: "NOR"}}},
	// money given to buy equipment is aid, not an arms transfer
	{"fr funds for a purchase", "fr",
		"Haïti : le Canada débloque une aide pour la police\n\nPublié le 4 mars 2026\n\n" +
			"L'ambassadeur du Canada en Haïti a annoncé mardi une contribution de 5 millions de dollars destinée à l'achat de gilets pare-balles, de radios et de matériel militaire pour les unités antigang de la police haïtienne.\n\n" +
			"La mission multinationale de soutien à la sécurité compte désormais plus de 900 policiers et militaires.",
		[]wantEvent{{typ: event.Aid, countries: "CAN,HTI", initiator: "CAN"}}},
	// the players of a dated multinational act just told are no side remark
	{"en players of the exercise", "en",
		"Kenya and Uganda sign border security pact\n\nPublished 4 March 2026\n\n" +
			"Kenya and Uganda signed a border security agreement in Nairobi on Tuesday, the defence ministry said.\n\n" +
			"In Mombasa, the multinational naval exercise Blue Shield ended on Monday, with four Kenyan Navy patrol boats taking part.\n\n" +
			"For two weeks, the Kenyan crews drilled together with navy units from France, India and Tanzania in boarding, search and rescue and anti-piracy tactics.",
		[]wantEvent{{typ: event.Agreement, countries: "KEN,UGA"}, {typ: event.Exercise, countries: "FRA,IND,KEN,TZA"}}},
	{"tr players of the exercise", "tr",
		"Türkiye ile Azerbaycan savunma anlaşması imzaladı\n\n4 Mart 2026\n\n" +
			"Türkiye ile Azerbaycan, salı günü Ankara'da askeri işbirliği anlaşması imzaladı.\n\n" +
			"Öte yandan Anadolu Yıldızı adlı çok uluslu tatbikat pazartesi günü Konya'da sona erdi.\n\n" +
			"Türkiye'nin yanı sıra ABD, Gürcistan ve Pakistan'dan birliklerin katıldığı tatbikatta hava unsurları ortak senaryoyu icra etti.",
		[]wantEvent{{typ: event.Agreement, countries: "AZE,TUR"}, {typ: event.Exercise, countries: "GEO,PAK,TUR,USA"}}},
	// medical supplies handed over are aid, not arms
	{"pt medical supplies", "pt",
		"O general português entregou na segunda-feira, 2 de março de 2026, ao hospital militar de Bissau um lote de material médico oferecido pelo Estado português às forças armadas da Guiné-Bissau.",
		[]wantEvent{{typ: event.Aid, countries: "GNB,PRT", initiator: "PRT"}}},
	{"pt medical supplies during a visit", "pt",
		"Durante a visita a Bissau, na segunda-feira 2 de março de 2026, o general português entregou também ao hospital militar das forças armadas da Guiné-Bissau um lote de material médico oferecido pelo Estado português.",
		[]wantEvent{{typ: event.Meeting, countries: "GNB,PRT"}, {typ: event.Aid, countries: "GNB,PRT", initiator: "PRT"}}},
	{"en medical supplies", "en",
		"On Monday 2 March 2026 the Portuguese army handed over a batch of medical supplies to the military hospital of the Guinea-Bissau armed forces in Bissau.",
		[]wantEvent{{typ: event.Aid, countries: "GNB,PRT", initiator: "PRT"}}},
	// forces leaving for another state than their own are sent there
	{"fr departure abroad", "fr",
		"Un détachement de 150 soldats sénégalais a quitté Dakar le lundi 2 mars 2026 à destination de Banjul, en Gambie, pour renforcer la mission régionale.",
		[]wantEvent{{typ: event.Deployment, countries: "GMB,SEN", initiator: "SEN"}}},
	{"en departure abroad", "en",
		"A company of 120 Kenyan soldiers left Nairobi on Monday 2 March 2026 bound for Juba, in South Sudan, to reinforce the regional force.",
		[]wantEvent{{typ: event.Deployment, countries: "KEN,SSD", initiator: "KEN"}}},
	// sideline: the partner's other ties told undated in passing
	{"en sideline", "en",
		"India and Uzbekistan opened the joint military exercise Dustlik in Termez on 16 April 2025. " +
			"Uzbekistan also holds regular military exercises with Kazakhstan and Kyrgyzstan.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"fr sideline", "fr",
		"L'Inde et l'Ouzbékistan ont ouvert l'exercice militaire conjoint Dustlik à Termez le 16 avril 2025. " +
			"L'Ouzbékistan organise aussi régulièrement des exercices militaires avec le Kazakhstan et le Kirghizistan.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"es sideline", "es",
		"India y Uzbekistán iniciaron el ejercicio militar conjunto Dustlik en Termez el 16 de abril de 2025. " +
			"Uzbekistán también realiza con regularidad ejercicios militares con Kazajistán y Kirguistán.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"pt sideline", "pt",
		"A Índia e o Uzbequistão iniciaram o exercício militar conjunto Dustlik em Termez em 16 de abril de 2025. " +
			"O Uzbequistão também realiza regularmente exercícios militares com o Cazaquistão e o Quirguistão.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"ru sideline", "ru",
		"Индия и Узбекистан 16 апреля 2025 года начали в Термезе совместные военные учения «Дустлик». " +
			"Узбекистан также регулярно проводит военные учения с Казахстаном и Киргизией.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"sw sideline", "sw",
		"India na Uzbekistan zilianza mazoezi ya pamoja ya kijeshi ya Dustlik mjini Termez tarehe 16 Aprili 2025. " +
			"Uzbekistan pia hufanya mazoezi ya kijeshi mara kwa mara na Kazakhstan na Kyrgyzstan.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"tr sideline", "tr",
		"Hindistan ve Özbekistan, 16 Nisan 2025'te Tirmiz'de Dustlik ortak askeri tatbikatına başladı. " +
			"Özbekistan ayrıca Kazakistan ve Kırgızistan ile düzenli olarak askeri tatbikatlar yapıyor.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"ar sideline", "ar",
		"بدأت الهند وأوزبكستان يوم 16 أبريل 2025 في ترمذ المناورات العسكرية المشتركة دوستليك. " +
			"كما تجري أوزبكستان بانتظام مناورات عسكرية مع كازاخستان وقيرغيزستان.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	// a third-state act dated on its own is news, not a sideline
	{"en sideline dated", "en",
		"India and Uzbekistan opened the joint military exercise Dustlik in Termez on 16 April 2025. " +
			"Uzbekistan also held a military exercise with Kazakhstan on 3 March 2025.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}, {typ: event.Exercise, countries: "KAZ,UZB", date: "2025-03-03"}}},
	{"ru sideline dated", "ru",
		"Индия и Узбекистан 16 апреля 2025 года начали в Термезе совместные военные учения «Дустлик». " +
			"Узбекистан также провёл 3 марта 2025 года военные учения с Казахстаном.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}, {typ: event.Exercise, countries: "KAZ,UZB", date: "2025-03-03"}}},
	// with no page pair told elsewhere, a sentence's own states are its pair
	{"en sideline alone", "en",
		"Norway and Denmark halted their military aid to Ethiopia after the border clashes.",
		[]wantEvent{{typ: event.Rupture, countries: "DNK,ETH"}, {typ: event.Rupture, countries: "ETH,NOR"}}},
	// contingent: the sides' troops in the drills are no stationing
	{"en contingent", "en",
		"India and Uzbekistan opened the joint military exercise Dustlik in Termez on 16 April 2025. " +
			"The Indian contingent of 60 soldiers comes from an infantry battalion, while the Uzbek side has sent about 50 troops.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"fr contingent", "fr",
		"L'Inde et l'Ouzbékistan ont ouvert l'exercice militaire conjoint Dustlik à Termez le 16 avril 2025. " +
			"Le contingent indien de 60 soldats vient d'un bataillon d'infanterie, et la partie ouzbèke a envoyé une cinquantaine de militaires.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"es contingent", "es",
		"India y Uzbekistán iniciaron el ejercicio militar conjunto Dustlik en Termez el 16 de abril de 2025. " +
			"El contingente indio de 60 soldados procede de un batallón de infantería, y la parte uzbeka envió unos 50 militares.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"pt contingent", "pt",
		"A Índia e o Uzbequistão iniciaram o exercício militar conjunto Dustlik em Termez em 16 de abril de 2025. " +
			"O contingente indiano de 60 soldados vem de um batalhão de infantaria, e a parte uzbeque enviou cerca de 50 militares.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"ru contingent", "ru",
		"Индия и Узбекистан 16 апреля 2025 года начали в Термезе совместные военные учения «Дустлик». " +
			"Индийский контингент из 60 военнослужащих представлен пехотным батальоном, узбекская сторона выделила около 50 военных.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"sw contingent", "sw",
		"India na Uzbekistan zilianza mazoezi ya pamoja ya kijeshi ya Dustlik mjini Termez tarehe 16 Aprili 2025. " +
			"Kikosi cha India cha wanajeshi 60 kinatoka katika kikosi cha askari wa miguu, na upande wa Uzbekistan umetuma wanajeshi 50.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"tr contingent", "tr",
		"Hindistan ve Özbekistan, 16 Nisan 2025'te Tirmiz'de Dustlik ortak askeri tatbikatına başladı. " +
			"Hindistan birliği 60 askerden oluşuyor, Özbek tarafı ise yaklaşık 50 asker gönderdi.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
	{"ar contingent", "ar",
		"بدأت الهند وأوزبكستان يوم 16 أبريل 2025 في ترمذ المناورات العسكرية المشتركة دوستليك. " +
			"وتضم الوحدة الهندية 60 جنديا، فيما أرسلت أوزبكستان قوات قوامها 50 جنديا.",
		[]wantEvent{{typ: event.Exercise, countries: "IND,UZB"}}},
}

func TestFalseEventRules(t *testing.T) {
	p := newTestPipeline(t)
	covered := map[string]bool{}
	for _, c := range falsePosCases {
		covered[c.name] = true
		t.Run(c.name, func(t *testing.T) { checkCase(t, p, c) })
	}
	for _, l := range []string{"ar", "en", "es", "fr", "pt", "ru", "sw", "tr"} {
		for _, rule := range []string{"listed", "welcome", "standing", "sideline", "contingent"} {
			if !covered[l+" "+rule] {
				t.Errorf("no %s case for %s", rule, l)
			}
		}
	}
}
