package extract_test

import (
	"context"
	"strings"
	"testing"

	"pactwatch/internal/event"
	"pactwatch/internal/extract"
	"pactwatch/internal/pipeline"
)

// contextCase is a short page whose event takes facts from a sentence
// other than the one that reports it (capability 2), or whose dates belong
// to another act than the one reported (capabilities 3 and 9).
type contextCase struct {
	name, lang, text string
	key              string // type|countries of the event checked; "" none
	date             string // "" not checked, "-" none
	location         string // alpha-3, "" not checked, "-" none
	initiator        string // alpha-3, "" not checked, "-" none
	stage            event.Stage
	persons          []string
	noPersons        []string // persons the event must not list
	noKey            string   // an event that must not come out (type|countries)
}

var contextCases = []contextCase{
	{name: "de place of the act's second word", lang: "de",
		text: "Ein knapper Besuch, doch einer mit Gewicht: Der polnische Verteidigungsminister ist am Montag in Vilnius mit dem litauischen Präsidenten zusammengetroffen.",
		key:  "meeting|LTU,POL", location: "LTU"},
	{name: "en locative that governs the talks", lang: "en",
		text: "In talks with the Serbian minister on Tuesday, the Chinese defence minister praised Serbia as a trusted partner.",
		key:  "meeting|CHN,SRB", location: "-"},
	{name: "zh locative that governs the talks", lang: "zh",
		text: "中国国防部长周二在会谈中称塞尔维亚是可靠的伙伴，双方讨论了两军合作。",
		key:  "meeting|CHN,SRB", location: "-"},
	// talks by telephone happen in no place: not the dateline's city;
	// talks after a call are held somewhere
	{name: "en talks after a phone call keep their place", lang: "en",
		text: "Ankara, 15 May 2026\n\nA week after their phone call, the defence ministers of Turkey and Iraq met in Baghdad for talks on border security.",
		key:  "meeting|IRQ,TUR", location: "IRQ"},
	{name: "uk phone call takes no dateline", lang: "uk",
		text: "Київ, 14 травня 2026\n\nМіністр оборони України провів телефонну розмову з міністром оборони Туреччини щодо постачання безпілотників і безпеки в Чорному морі.",
		key:  "meeting|TUR,UKR", location: "-"},
	{name: "fr call by telephone takes no page place", lang: "fr",
		text: "Dakar, 14 mai 2026\n\nLe ministre sénégalais des Forces armées a reçu mardi à Dakar son homologue gambien pour des entretiens sur la sécurité frontalière.\nLe lendemain, le président sénégalais s'est entretenu par téléphone avec le président mauritanien de la sécurité des frontières et de la lutte contre le terrorisme.",
		key:  "meeting|MRT,SEN", location: "-"},
	// "a day before the signing of the agreement": the signing's day less
	// one, though it was told many sentences up
	{name: "sw a day before the signing told far up", lang: "sw",
		text: "Dar es Salaam, 20 Februari 2026\n\nTanzania na Msumbiji zilitia saini makubaliano ya ushirikiano wa ulinzi jijini Dodoma tarehe 17 Februari 2026.\nEneo la mpakani limekuwa na changamoto kwa muda mrefu.\nWavuvi wanasema hali ni ngumu wakati wa usiku.\nBarabara nyingi hazipitiki wakati wa mvua.\nWafanyabiashara wanalalamika kuhusu ucheleweshaji.\nViongozi wa mikoa wanataka barabara zaidi.\nWakazi wa vijiji wanasubiri huduma bora.\nSiku moja kabla ya kusainiwa kwa makubaliano hayo, Jeshi la Wananchi wa Tanzania lilikabidhiwa magari 20 ya kijeshi kutoka China.",
		key:  "arms|CHN,TZA", date: "2026-02-16"},
	// "au lendemain de": the day after the act it names
	{name: "fr the day after the drill", lang: "fr",
		text: "Dakar, 7 juin 2026\n\nLes marines du Sénégal et du Maroc ont achevé jeudi 4 juin un exercice conjoint au large de Saint-Louis.\nAu lendemain des manœuvres, le chef de la Marine sénégalaise a reçu à Dakar son homologue marocain.",
		key:  "meeting|MAR,SEN", date: "2026-06-05"},
	// a German weekday's evening written as one word, the date between
	// the landing and its place: the talks are the next day
	{name: "de landed on Tuesday evening", lang: "de",
		text: "Berlin, 13. März 2026\n\nVerteidigungsminister Pistorius landete am Dienstagabend in Neu-Delhi zu Gesprächen mit seinem indischen Amtskollegen.",
		key:  "meeting|DEU,IND", date: "2026-03-11"},
	// verb-final: the day after the subject heads every clause, through a
	// purpose clause inside the signed text's name
	{name: "ja day of the talks for the signing", lang: "ja",
		text: "東京、2026年10月23日\n\nインドネシアを訪問中の防衛相は21日、ジャカルタの国防省で同国の国防相と会談し、沿岸警備隊の能力を高めるための取り決めに署名した。",
		key:  "agreement|IDN,JPN", date: "2026-10-21"},
	// the day a visitor left is no later day of the talks
	{name: "en departure after the talks", lang: "en",
		text: "Canberra, 15 October 2026\n\nMarles landed in Manila on Monday evening for talks with his Philippine counterpart.\nMarles left Manila for Jakarta on Wednesday after his talks with the Philippine minister.",
		key:  "meeting|AUS,PHL", date: "2026-10-13"},
	// an evening arrival with the next morning's date in the same
	// sentence: the visit's day is the morning's
	{name: "en evening arrival and the next morning", lang: "en",
		text: "Canberra, 15 October 2026\n\nMarles, who landed in Manila on Monday evening, went on Tuesday morning to the presidential palace.",
		key:  "meeting|AUS,PHL", date: "2026-10-13"},
	// a date inside what talks discussed is the topic's, not the talks'
	{name: "en date of a topic of talks", lang: "en",
		text: "Ankara, 15 May 2026\n\nThe Turkish defence minister held talks in Baghdad with his Iraqi counterpart, which focused on border security and the truce the armed group declared last year.",
		key:  "meeting|IRQ,TUR", date: "-"},
	// the course's trainers, named in its own report, tell its initiator
	// over the talks that spoke of the navy's training needs before it
	{name: "pt trainers over the talks' subject", lang: "pt",
		text: "Maputo, 12 de outubro de 2025\n\nO ministro português da Defesa esteve em Maputo na quinta-feira para conversações com o seu homólogo moçambicano.\nEm cima da mesa estiveram a segurança marítima e as necessidades de formação das Forças Armadas de Moçambique.\nNa sexta-feira, 40 marinheiros moçambicanos concluíram em Pemba um curso de navegação ministrado por instrutores da Marinha portuguesa.",
		key:  "training|MOZ,PRT", initiator: "PRT"},
	// the agent of a passive of attending is the trained side, not the
	// giver a passive's agent usually is
	{name: "it course attended by sailors", lang: "it",
		text: "Roma, 9 aprile 2026\n\nVenerdì 3 aprile si è chiuso a Taranto il corso di sei settimane della Marina italiana frequentato da 25 marinai tunisini.",
		key:  "training|ITA,TUN", initiator: "ITA"},
	{name: "id training attended by soldiers", lang: "id",
		text: "Jakarta, 9 April 2026\n\nPelatihan penjinakan bom selama dua minggu di Bogor yang diikuti oleh 20 prajurit Timor Leste berakhir pada Jumat, 3 April 2026.",
		key:  "training|IDN,TLS", initiator: "IDN"},
	// boats "donated by" a government are a transfer from it, in the
	// participle's every gender and number
	{name: "es boats donated by a government", lang: "es",
		text: "Quito, 4 de marzo de 2026\n\nLa Armada ecuatoriana recibió la semana pasada cuatro lanchas interceptoras donadas por el Gobierno de Estados Unidos.",
		key:  "arms|ECU,USA", initiator: "USA"},
	{name: "pt boats donated by a government", lang: "pt",
		text: "Maputo, 4 de março de 2026\n\nA Marinha moçambicana recebeu na semana passada quatro lanchas rápidas doadas pelo Governo da Índia.",
		key:  "arms|IND,MOZ", initiator: "IND"},
	// "un cycle d'instruction" is training, not a deployment of the
	// soldiers who follow it
	{name: "fr a cycle of instruction abroad", lang: "fr",
		text: "Paris, 4 mars 2026\n\nQuelque 300 soldats somaliens ont entamé la semaine dernière, en Égypte, un cycle d'instruction de six mois consacré au combat d'infanterie.",
		key:  "training|EGY,SOM", noKey: "deployment|EGY,SOM"},
	// the people's adjective of the personnel who attend a course names
	// the trained side, not the institution that hosts it
	{name: "de officers attend a course at an academy", lang: "de",
		text: "Berlin, 4. März 2026\n\nSeit Montag sitzen zwölf indonesische Stabsoffiziere an der Führungsakademie der Bundeswehr in Hamburg, wo sie einen sechswöchigen Lehrgang zu Führung und Einsatzplanung absolvieren.",
		key:  "training|DEU,IDN", initiator: "DEU"},
	// the day of the talks is the day of what was signed at them, though
	// the talks' word stands between the date and the signing
	{name: "ja signed at talks dated before them", lang: "ja",
		text: "2026年11月20日\n\n小泉防衛相は19日、訪問先のマニラでフィリピンのテオドロ国防相と会談し、自衛隊とフィリピン軍の間で燃料や弾薬を融通し合う物品役務相互提供協定に署名した。",
		key:  "agreement|JPN,PHL", date: "2026-11-19", stage: event.Signed},
	// "the day before the ceremony" counts from an act told some
	// sentences back, beyond the background between them
	{name: "en day before a ceremony told five sentences back", lang: "en",
		text: "Mogadishu, 23 January 2026\n\nSome 300 Somali soldiers graduated on Thursday from a Turkish-run military academy in the capital. " +
			"The course lasted six months. It covered first aid and the detection of roadside bombs. " +
			"Instructors said the cadets were the best prepared so far. Officials praised the cooperation. " +
			"A day before the ceremony, a Turkish cargo ship docked at Mogadishu port with 20 armoured vehicles donated to the Somali army.",
		key: "arms|SOM,TUR", date: "2026-01-21"},
	{name: "de a day after a ceremony, talks the same day", lang: "de",
		text: "Nairobi, 5. Juni 2025\n\nDie Türkei hat Kenia am Dienstag auf einem Stützpunkt bei Nanyuki sechs Drohnen übergeben. " +
			"Einen Tag nach der Zeremonie reiste Verteidigungsministerin Soipan Tuya nach Ankara. " +
			"Dort traf sie noch am selben Tag ihren türkischen Amtskollegen Yaşar Güler.",
		key: "meeting|KEN,TUR", date: "2025-06-04"},
	// the place of what talks were about is not where they were held
	{name: "en talks on the situation in a third state", lang: "en",
		text: "German Defence Minister Boris Pistorius held talks with Jordan's Prime Minister Jafar Hassan on Tuesday on the situation in Syria.",
		key:  "meeting|DEU,JOR", location: "-"},
	{name: "fr talks on the situation in a province", lang: "fr",
		text: "Le ministre portugais de la Défense a évoqué avec son homologue mozambicain la situation au Cabo Delgado lors de leur entretien mardi.",
		key:  "meeting|MOZ,PRT", location: "-"},
	{name: "de talks on the situation in a third state", lang: "de",
		text:  "Verteidigungsminister Boris Pistorius traf am Dienstag den jordanischen Regierungschef Dschafar Hassan zu Gesprächen über die Lage im benachbarten Syrien.",
		noKey: "meeting|JOR,SYR"},
	// the Russian verb of handing over, in any form
	{name: "ru handed over", lang: "ru",
		text: "Ташкент, 14 октября 2025\n\nВ понедельник посол Китая передал пограничным войскам Узбекистана 24 патрульных внедорожника и партию тепловизоров.",
		key:  "arms|CHN,UZB", initiator: "CHN", date: "2025-10-13"},
	// a signed plan's year is the period it covers, not the signing's
	// date: the signing takes the talks' day
	{name: "ru plan for next year signed", lang: "ru",
		text: "Москва, 15 октября 2026\n\nМинистры обороны России и Лаоса провели переговоры во Вьентьяне во вторник. " +
			"По итогам встречи стороны подписали план военного сотрудничества на 2027 год.",
		key: "agreement|LAO,RUS", date: "2026-10-13", location: "LAO", stage: event.Signed},
	// a border named by a state's adjective is a landmark, not a party
	{name: "de border named by an adjective", lang: "de",
		text:  "Amman, 16. Oktober 2025\n\nDie Übergabe von 20 Panzerfahrzeugen fand am Dienstag auf einem jordanischen Stützpunkt bei Mafraq statt, knapp 20 Kilometer von der syrischen Grenze entfernt.",
		noKey: "arms|JOR,SYR"},
	{name: "de plural borders with two states", lang: "de",
		text: "Berlin, 16. Oktober 2025\n\nDeutschland hat Jordanien weitere Ausrüstung für die Überwachung seiner Grenzen zu Syrien und zum Irak übergeben.",
		key:  "arms|DEU,JOR", initiator: "DEU", noKey: "arms|DEU,SYR"},
	// a one-character abbreviation names its state inside a compound:
	// 比陸軍, the Philippine Army
	{name: "ja abbreviated state in a service's name", lang: "ja",
		text: "2026年3月11日\n\nルソン島北部で10日、陸上自衛隊と比陸軍による共同訓練が行われた。",
		key:  "exercise|JPN,PHL", date: "2026-03-10"},
	// a release in the first person: "we" is the state of the city it
	// was issued from
	{name: "en release's we from its dateline", lang: "en",
		text: "Ghana Armed Forces | Press release\n\nAccra, 12 May 2026 – We handed over ten armoured vehicles to the Togolese army on Monday in Lomé. " +
			"Our instructors also completed a six-week course for 80 Togolese soldiers at the Lomé training centre. " +
			"We remain committed to our partners in Togo and across the region.",
		key: "arms|GHA,TGO", initiator: "GHA"},
	// a headline that packs two acts gives each the states of its clause
	{name: "en headline with two acts", lang: "en",
		text: "Dar es Salaam, 9 March 2026\n\nTanzanian army concludes joint drill with Uganda, hands medical aid to Comoros army\n\n" +
			"The Tanzania People's Defence Force said on Monday that the two-week exercise with Ugandan troops had ended at Singo.",
		key: "exercise|TZA,UGA", noKey: "exercise|COM,TZA,UGA"},
	// goods handed to one of the page's two states, the giver unnamed:
	// the other state gives
	{name: "en handed over to one state of the page", lang: "en",
		text: "Madrid, 4 March 2026\n\nSpain and Mauritania signed a defence memorandum on Tuesday in Nouakchott. " +
			"The day before, two patrol boats were handed over to the Mauritanian coast guard in Nouadhibou.",
		key: "arms|ESP,MRT", initiator: "ESP", date: "2026-03-02"},
	{name: "pt one state received goods", lang: "pt",
		text: "Lisboa, 4 de março de 2026\n\nPortugal e Angola assinaram na terça-feira em Luanda um programa de cooperação militar. " +
			"Na véspera, as Forças Armadas Angolanas receberam seis viaturas blindadas para a Marinha de Guerra.",
		key: "arms|AGO,PRT", initiator: "PRT"},
	// a person the page introduced gives; the state named takes, even
	// behind a force's long name
	// a phone call between leaders is talks
	{name: "id phone call", lang: "id",
		text: "Jakarta, 14 April 2026\n\nMenteri Pertahanan Indonesia menelepon Menteri Pertahanan Australia pada Senin untuk membahas patroli maritim bersama di Laut Arafura.",
		key:  "meeting|AUS,IDN"},
	// a drill of one named state with a force the sentence gives no state
	// (a warship by its name, "la Armada") on a page about two states
	{name: "de frigate drilled with a named navy", lang: "de",
		text: "Jakarta, 14. April 2026\n\nDer deutsche Verteidigungsminister Boris Pistorius führte am Montag in Jakarta Gespräche mit seinem indonesischen Amtskollegen. " +
			"Am Samstag übte die Fregatte „Sachsen“ vor Surabaya gemeinsam mit zwei Korvetten der indonesischen Marine das Abfangen verdächtiger Schiffe.",
		key: "exercise|DEU,IDN", date: "2026-04-11"},
	{name: "es the home navy drilled with another", lang: "es",
		text: "Madrid, 14 de abril de 2026\n\nLa ministra de Defensa de España se reunió el lunes en Madrid con su homólogo de Mauritania. " +
			"El sábado, un patrullero de la Armada y dos lanchas de la Marina Nacional mauritana realizaron un ejercicio de abordaje frente a Nuadibú.",
		key: "exercise|ESP,MRT", date: "2026-04-11"},
	{name: "en a drill of one state's own ships", lang: "en",
		text: "Jakarta, 14 April 2026\n\nGermany's defence minister met his Indonesian counterpart in Jakarta on Monday. " +
			"On Friday the Indonesian navy's corvettes held a live-fire drill off Bali.",
		key: "meeting|DEU,IDN", noKey: "exercise|DEU,IDN"},
	// weapons told by their arrival, done, on a page about two states: the
	// page's pair, the state the goods reach takes them
	{name: "en a ship with tanks docked", lang: "en",
		text: "Warsaw, 14 April 2026\n\nPoland's deputy defence minister held talks with South Korea's procurement chief in Seoul on Monday. " +
			"They discussed the army's tank programme and joint production. " +
			"On Saturday, a cargo ship carrying 18 more K2 tanks docked at Gdynia.",
		key: "arms|KOR,POL", initiator: "KOR", date: "2026-04-11"},
	{name: "zh missile systems arrived in the taker's state", lang: "zh",
		text: "新华社贝尔格莱德2026年4月14日电\n\n塞尔维亚国防部长13日在贝尔格莱德会见了中国驻塞尔维亚大使。双方讨论了两军合作。" +
			"上周，第三批防空导弹系统运抵塞尔维亚。",
		key: "arms|CHN,SRB", initiator: "CHN"},
	{name: "pl a ship with howitzers berthed", lang: "pl",
		text: "Warszawa, 14 kwietnia 2026\n\nWiceminister obrony Polski rozmawiał w poniedziałek w Seulu z szefem koreańskiej agencji zakupów. Rozmowy dotyczyły programu czołgów dla wojska. " +
			"W sobotę do portu w Gdyni zawinął statek z kolejnymi dwunastoma haubicami K9.",
		key: "arms|KOR,POL", initiator: "KOR"},
	// a people's adjective right after a training verb or noun names the
	// trained, not the trainer; one after a locative names where
	{name: "pl trained Mauritanian guards", lang: "pl",
		text: "Warszawa, 4 marca 2025\n\nHiszpańska Gwardia Cywilna przeszkoliła mauretańskich strażników granicznych w zakresie kontroli dokumentów.",
		key:  "training|ESP,MRT", initiator: "ESP"},
	{name: "fr training of Malian soldiers", lang: "fr",
		text: "Dakar, le 4 mars 2025\n\nLe Maroc a assuré la semaine dernière la formation de soldats maliens au déminage, dans un centre militaire de Benguérir.",
		key:  "training|MAR,MLI", initiator: "MAR"},
	{name: "fr course at the Swedish navy's centre", lang: "fr",
		text: "Paris, le 4 mars 2025\n\nDepuis lundi, au centre de formation de la marine suédoise à Karlskrona, vingt marins polonais suivent un stage de pilotage de sous-marins.",
		key:  "training|POL,SWE", initiator: "SWE"},
	{name: "tr trained side before the training word", lang: "tr",
		text: "Ankara, 4 Mart 2026\n\nTürkiye, Kenya Deniz Kuvvetlerine bir karakol gemisi teslim etti. " +
			"Gemiyi kullanacak Kenyalı denizciler eğitimlerini Türk Deniz Kuvvetlerinde tamamladı.",
		key: "training|KEN,TUR", initiator: "TUR"},
	// ships named as what an agreement is about are no delivery
	{name: "pl agreement on building submarines", lang: "pl",
		text: "Warszawa, 4 marca 2025\n\nPolska i Szwecja podpisały w poniedziałek w Sztokholmie umowę o współpracy przy budowie okrętów podwodnych.",
		key:  "agreement|POL,SWE", noKey: "arms|POL,SWE"},
	// a postposition after the place: off a port, near a city
	{name: "tr drill off Karachi", lang: "tr",
		text: "Ankara, 5 Mart 2026\n\nTCG Kınalıada korveti dün Karaçi açıklarında Pakistan Deniz Kuvvetleri ile ortak tatbikat yaptı.",
		key:  "exercise|PAK,TUR", location: "PAK"},
	// an undated headline act that the body tells as today's news is not
	// the older pact the body recalls later
	{name: "it headline signing and a pact of 2008", lang: "it",
		text: "Pistorius in Kenya, firmata l'intesa sulla sicurezza marittima.\n\n12 marzo 2026\n\n" +
			"BERLINO – Un memorandum d'intesa per rafforzare la sicurezza marittima è il risultato della visita del ministro tedesco a Nairobi. " +
			"Il testo prevede corsi per la marina keniota. " +
			"L'accordo quadro di cooperazione tra i due Paesi era stato firmato a Berlino nel 2009.",
		key: "agreement|DEU,KEN", location: "KEN"},
	// "on a visit" follows its destination in Hindi; the visitor comes after
	{name: "hi visitor after the visit words", lang: "hi",
		text: "नई दिल्ली, 12 मार्च 2026\n\nरक्षा मंत्री राजनाथ सिंह ने बुधवार को भारत की तीन दिवसीय यात्रा पर आए केन्या के रक्षा मंत्री से सैन्य सहयोग पर बातचीत की।",
		key:  "meeting|IND,KEN", location: "IND", initiator: "KEN"},
	// talks told "the next day" after an arrival fall on that day
	{name: "en talks the day after the arrival", lang: "en",
		text: "Nairobi, 8 July 2026\n\nBritain's armed forces minister arrived in Nairobi on Sunday evening for a four-day visit. " +
			"The next day he met Kenya's defence minister at the ministry headquarters, where new support for the army was announced.",
		key: "meeting|GBR,KEN", date: "2026-07-06", location: "KEN"},
	// who arrives in the evening holds talks the next day
	{name: "en evening arrival", lang: "en",
		text: "Manila, 11 February 2026\n\nJapan's defence minister flew into Manila on Monday evening for talks with Philippine Defense Secretary Gilberto Teodoro on maritime security.",
		key:  "meeting|JPN,PHL", date: "2026-02-10", location: "PHL"},
	{name: "id evening arrival", lang: "id",
		text: "Jakarta, 19 Februari 2026\n\nMenteri Pertahanan Australia tiba di Jakarta pada Selasa malam untuk pertemuan dengan Menteri Pertahanan Indonesia membahas kerja sama keamanan maritim.",
		key:  "meeting|AUS,IDN", date: "2026-02-18", location: "IDN"},
	// an arrival still to come is no transfer
	{name: "en jets that will arrive", lang: "en",
		text: "Jakarta, 14 April 2026\n\nIndonesia's defence minister received France's armed forces minister in Jakarta on Monday. " +
			"He said the first three Rafale jets will arrive at Pekanbaru next year.",
		noKey: "arms|FRA,IDN"},
	{name: "pt known minister hands goods to a navy", lang: "pt",
		text: "Maputo, 12 de março de 2026\n\nO ministro da Defesa de Portugal, Nuno Melo, reuniu-se ontem em Maputo com o seu homólogo moçambicano. " +
			"Na mesma viagem, Melo entregou à Marinha de Guerra de Moçambique duas lanchas rápidas e equipamento de comunicações.",
		key: "arms|MOZ,PRT", initiator: "PRT"},
	{name: "en known minister hands goods to an army", lang: "en",
		text: "Lomé, 10 March 2026\n\nGhana's defence minister, Omane Boamah, held talks in Lomé on Monday with Togo's defence minister. " +
			"On Tuesday, Boamah handed over four armoured vehicles to the army of Togo.",
		key: "arms|GHA,TGO", initiator: "GHA"},
	{name: "pt pluperfect participle of a delivery", lang: "pt",
		text: "Lisboa, 4 de março de 2026\n\nUm dia antes, Portugal tinha entregado às Forças Armadas Angolanas quatro embarcações.",
		key:  "arms|AGO,PRT", initiator: "PRT"},
	// a sentence dated only years back recalls an older act, even where
	// its date reaches another verb: it lends today's pact no signatories
	// ("au Caire": a French article contracted before a city's name)
	{name: "fr recalled pact lends no persons", lang: "fr",
		text: "Paris, 12 mai 2026\n\nLa France et l'Égypte ont signé lundi au Caire un accord de coopération militaire. " +
			"En mars 2015, l'Égypte avait déjà acheté 24 Rafale à la France, en vertu d'un accord intergouvernemental signé au Caire par les ministres Jean-Pierre Valmy et Sedki Amr.",
		key: "agreement|EGY,FRA", location: "EGY", noPersons: []string{"Jean-Pierre Valmy", "Sedki Amr"}},
	// a signing that names its two signatories takes no one else from the
	// talks it concluded
	{name: "en named signatories", lang: "en",
		text: "Accra, 9 June 2026\n\nGhana's President John Mahama received Nigeria's defence minister Bello Kanu in Accra on Monday. " +
			"After the talks, Kanu and Ghana's defence minister Omane Boamah signed a memorandum on border patrols.",
		key: "agreement|GHA,NGA", persons: []string{"Bello Kanu", "Omane Boamah"}, noPersons: []string{"John Mahama"}},
	// equipment given is a transfer of arms (the spec's "donation"); gifts
	// that kill no one (radios, vests, money) stay security aid
	{name: "en donated armoured vehicles are arms", lang: "en",
		text: "Mogadishu, 4 May 2026\n\nTurkey donated 20 armoured vehicles to the Somali army on Monday, the defence ministry said.",
		key:  "arms|SOM,TUR", initiator: "TUR", noKey: "aid|SOM,TUR"},
	{name: "en donated radios stay aid", lang: "en",
		text: "Manila, 4 May 2026\n\nJapan donated radios and bulletproof vests to the Philippine army on Monday, the embassy said.",
		key:  "aid|JPN,PHL", noKey: "arms|JPN,PHL"},
	// the speaker's label an interview's answer opens with names no one
	// who took part in what the answer tells
	{name: "en interview speaker label", lang: "en",
		text: "Nairobi, 14 October 2026\n\nWe spoke to Kenya's defence principal secretary, Patrick Mariru.\n" +
			"MARIRU: Britain's Defence Secretary John Healey arrived in Nairobi on Monday and held talks with Defence Cabinet Secretary Soipan Tuya.",
		key: "meeting|GBR,KEN", persons: []string{"John Healey", "Soipan Tuya"}, noPersons: []string{"Patrick Mariru"}},
	// a month's name inside a person's name is no date: "Dong Jun"
	{name: "en month inside a name", lang: "en",
		text: "Beijing, 23 July 2026\n\nChinese Defence Minister Dong Jun held talks in Beijing on Tuesday with his Tanzanian counterpart.",
		key:  "meeting|CHN,TZA", date: "2026-07-21"},
	// a sentence whose subject is "the two sides" speaks of the pair; the
	// states it names after are what they talked about
	{name: "ko the two sides discuss others' cooperation", lang: "ko",
		text: "2026년 3월 25일\n\n한국과 폴란드 국방장관이 24일 서울에서 회담하고 방산 협력 확대 방안을 논의했다.\n" +
			"양측은 이날 북한과 러시아 간 군사협력 동향에 대해서도 의견을 나눴다.",
		key: "meeting|KOR,POL", noKey: "meeting|PRK,RUS"},
	// "we", "us", "our" on a page in the first person (a ministry's
	// release, an interview's answers) stand for the speaker's state
	{name: "uk first-person release", lang: "uk",
		text: "Державна прикордонна служба України\n12.05.2026\n\n" +
			"Ми отримали від литовських партнерів нову партію тепловізорів для охорони кордону. " +
			"Литва передала нам також дванадцять позашляховиків для прикордонних загонів. " +
			"Наші інструктори провели навчання для молдовських прикордонників. Ми вдячні партнерам за підтримку.",
		key: "arms|LTU,UKR", initiator: "LTU"},
	// once, outside quotes, "we" is the reporter's
	{name: "pl reporter's we", lang: "pl",
		text: "Warszawa, 3 marca 2026\n\nSąd w Warszawie skazał dwóch mężczyzn za szpiegostwo na rzecz Rosji. " +
			"Polska wydaliła w zeszłym roku kilku rosyjskich dyplomatów. " +
			"Były oficer kontrwywiadu, z którym rozmawialiśmy, opisuje szkolenie wojskowe agentów przez Rosję.",
		noKey: "training|POL,RUS"},
	// a town of the world list after a locative is where the act
	// happened, though the gazetteer of states' places lacks it: not the
	// dateline's city nor the talks' place
	{name: "it course in a town of the world list", lang: "it",
		text: "Tripoli, 3 marzo 2026\n\nIl ministro della Difesa ha incontrato martedì a Tripoli il capo di stato maggiore libico. " +
			"Trenta marinai libici hanno concluso lunedì un corso di navigazione a Gaeta con istruttori della Marina italiana.",
		key: "training|ITA,LBY", location: "ITA"},
	{name: "pl declined town of the world list", lang: "pl",
		text: "Warszawa, 5 maja 2026\n\nPolska i Niemcy zacieśniają współpracę wojskową na morzu. " +
			"Dwunastu marynarzy polskiej Marynarki Wojennej ukończyło w piątek szkolenie we Flensburgu pod okiem niemieckich instruktorów wojskowych.",
		key: "training|DEU,POL", location: "DEU"},
	// a site's name after the locative, ended by its town: the town is
	// where it happened, not the talks' place
	{name: "sw course at a college named before its town", lang: "sw",
		text: "Maputo, 4 Machi 2026\n\nWaziri wa Ulinzi wa Tanzania alikutana Jumatatu mjini Maputo na mwenzake wa Msumbiji. " +
			"Maafisa 20 wa Msumbiji walihitimu mafunzo ya wiki nane katika Chuo cha Kijeshi cha Monduli, Arusha, chini ya wakufunzi wa Tanzania.",
		key: "training|MOZ,TZA", location: "TZA"},
	{name: "fr course at a school named before its town", lang: "fr",
		text: "Nouakchott, 2 mars 2026\n\nLe ministre sénégalais des Forces armées a été reçu lundi à Nouakchott par son homologue mauritanien. " +
			"Douze officiers mauritaniens suivent depuis février un stage à l'École Nationale des Officiers d'Active de Thiès, encadré par des instructeurs sénégalais.",
		key: "training|MRT,SEN", location: "SEN"},
	// a place that opens a site's name before the postposition that ends
	// it: the site is in that place
	{name: "ko course at a unit named after its town", lang: "ko",
		text: "마닐라, 2026년 3월 4일\n\n한국 국방부 장관은 3일 마닐라에서 필리핀 국방부 장관과 회담했다. " +
			"필리핀 공군 조종사 8명은 지난 2일 부산 남쪽 해군 교육사령부에서 한국 해군 교관들로부터 6주간의 교육을 마쳤다.",
		key: "training|KOR,PHL", location: "KOR"},
	{name: "ja course at a school named after its town", lang: "ja",
		text: "マニラ、2026年3月4日\n\n防衛相は3日、マニラでフィリピンの国防相と会談した。" +
			"フィリピン海軍の士官10人は2日、横須賀の海上自衛隊の学校で6週間の教育を修了した。",
		key: "training|JPN,PHL", location: "JPN"},
	// a town at the end of a site's phrase opened by a site's noun
	{name: "es course at an air base named after its town", lang: "es",
		text: "Buenos Aires, 3 de marzo de 2026\n\nEl ministro de Defensa recibió el lunes en Buenos Aires a su par danés. " +
			"Ocho pilotos de la Fuerza Aérea Argentina completaron en febrero el curso en la base aérea militar de Aalborg, con instructores daneses.",
		key: "training|ARG,DNK", location: "DNK"},
	{name: "fr course at a naval base named after its town", lang: "fr",
		text: "Abidjan, 3 mars 2026\n\nLa ministre française des Armées a été reçue lundi à Abidjan par son homologue ivoirien. " +
			"Vingt marins ivoiriens ont achevé en février une formation à la base navale de Toulon, encadrée par des instructeurs français.",
		key: "training|CIV,FRA", location: "FRA"},
	// where the goods arrived, told after a date, is where they were handed over
	{name: "sw goods arrived at a base after the date", lang: "sw",
		text: "Tanzania imekabidhi boti mbili za doria kwa Jeshi la Wanamaji la Msumbiji. " +
			"Boti hizo ziliwasili Jumatano, 4 Machi 2026, katika kituo cha wanamaji jijini Maputo.",
		key: "arms|MOZ,TZA", location: "MOZ"},
	{name: "tr delivery at a town's port", lang: "tr",
		text: "Banjul, 4 Mart 2026\n\nMilli Savunma Bakanı salı günü Banjul'da Gambiyalı mevkidaşıyla görüştü. " +
			"Türkiye, geçen ay Dakar limanında Senegal donanmasına iki devriye botu teslim etti.",
		key: "arms|SEN,TUR", location: "SEN"},
	// goods handed over with no place of their own, when the page lends
	// its places, take of those named as often the one in the receiving
	// state
	{name: "en delivery takes the receiver's place on a tie", lang: "en",
		text: "Indonesia's defence minister held talks with his South Korean counterpart in Seoul on 3 March 2026. " +
			"South Korea handed over two patrol boats to the Indonesian navy last month. " +
			"Since January, Korean instructors have been training 40 Indonesian sailors in Surabaya.",
		key: "arms|IDN,KOR", location: "IDN"},
	// "today" in a quoted remark is the speech's day or "nowadays": it
	// dates no act the sentence does not tell
	{name: "pt today in a quote dates no talks", lang: "pt",
		text: "Lisboa, 6 de março de 2025\n\nO ministro da Defesa português assinou na terça-feira, 4 de março de 2025, em Luanda um acordo de cooperação militar com Angola. " +
			"Depois da assinatura, manteve uma reunião de uma hora com o seu homólogo angolano sobre a formação de oficiais. " +
			"«Angola é hoje um parceiro essencial para Portugal», disse o ministro aos jornalistas que o acompanhavam.",
		key: "meeting|AGO,PRT", date: "2025-03-04", location: "AGO"},
	// an act on the open sea has no place, not the dateline's
	{name: "en drill in international waters", lang: "en",
		text: "MANILA — The Philippine and Japanese navies held a joint exercise in international waters west of Luzon on 3 March 2026, officials said.",
		key:  "exercise|JPN,PHL", location: "-"},
	{name: "ko drill on the high seas", lang: "ko",
		text: "서울, 2026년 3월 4일\n\n한국과 미국 해군은 3일 제주 남방 공해상에서 연합훈련을 실시했다.",
		key:  "exercise|KOR,USA", location: "-"},
	// a place named as near the act's site is where it happened
	{name: "en drill near a town", lang: "en",
		text: "Kenyan and Ugandan troops ended a joint border exercise near Kisumu on Friday, the army said.",
		key:  "exercise|KEN,UGA", location: "KEN"},
	{name: "es drill off a coast", lang: "es",
		text: "Las armadas de Chile y Perú realizaron el martes un ejercicio combinado frente a las costas de Arica.",
		key:  "exercise|CHL,PER", location: "CHL"},
	// a visit word whose phrase a comma ends names no host after it
	{name: "zh the day before the arrival", lang: "zh",
		text: "就在部长抵达前一天，中国政府援助肯尼亚海军的两艘巡逻艇在内罗毕完成交接。",
		key:  "arms|CHN,KEN", location: "KEN"},
	// a dispatch filed from a town the list knows is placed there
	{name: "en dateline town of the world list", lang: "en",
		text: "TAMALE, 14 April 2026 (Wire) — Ghanaian and Burkinabe troops held a joint border exercise on Monday, the army said.",
		key:  "exercise|BFA,GHA", location: "GHA"},
	// a town of a state the page never names is no place of its acts
	{name: "es town of an unnamed state", lang: "es",
		text: "Lima, 9 de junio de 2026\n\nPerú y Corea del Sur firmaron el martes un acuerdo de cooperación naval en San Borja.",
		key:  "agreement|KOR,PER", location: "PER"},
	// an act between one of the page's two states and another, dated by
	// the sentence after it, is news of its own, not a remark in passing
	{name: "de act dated by the next sentence is no sideline", lang: "de",
		text: "Berlin, 12. März 2026\n\nDer Verteidigungsminister traf am Dienstag in Ankara seinen türkischen Amtskollegen. " +
			"Deutschland und die Türkei vereinbarten eine engere Zusammenarbeit der Marinen. Die Türkei will deutsche U-Boot-Technik kaufen.\n\n" +
			"Deutschland hat der Republik Moldau zwölf weitere gepanzerte Radfahrzeuge übergeben. " +
			"Die Zeremonie fand am Mittwoch auf dem Militärflugplatz im Norden des Landes statt.",
		key: "arms|DEU,MDA", initiator: "DEU"},
	// a reception with one state named and its guest unnamed ("la recibió")
	// receives the person the page follows
	{name: "es reception of the page's lead person", lang: "es",
		text: "Publicado el 5 de febrero de 2026\nRobles cierra su gira africana\n" +
			"La ministra española de Defensa, Margarita Robles, se reunió el martes en Nuakchot con su homólogo mauritano.\n" +
			"Tras Mauritania, la ministra voló a Senegal.\n" +
			"En Dakar, el miércoles, la recibió el ministro de las Fuerzas Armadas, el general Birame Diop.\n" +
			"Robles regresó a Madrid el jueves.",
		key: "meeting|ESP,SEN", date: "2026-02-04", noKey: "meeting|MRT,SEN"},
	// before a postposed recipient marker the receiver is the place nearest
	// to it, even one the marker's first letter ends ("比軍に"), not the
	// subject a word before
	{name: "ja receiver ends inside the marker", lang: "ja",
		text: "2026年11月22日\n豪州が比軍に無人偵察機12機を引き渡した。",
		key:  "arms|AUS,PHL", initiator: "AUS"},
	// an arrival is a visit happening, news of its own on a page about
	// other states; the reception after it completes its pair from the
	// sentence before, not from the page's pair
	{name: "uk arrival on a page about others", lang: "uk",
		text: "12.05.2026\n\nУгода між урядами України та Японії про передачу оборонного обладнання набула чинності. Японія передасть Україні генератори.\n\n" +
			"До Києва прибув міністр оборони Естонії Ханно Певкур. Його зустрів міністр оборони України.",
		key: "meeting|EST,UKR", noKey: "meeting|JPN,UKR"},
	// a page in a language of one state's press that names that state
	// leans to it when the page pair is chosen: the minister's signing is
	// Poland's and Lithuania's, not Lithuania's and Belarus's
	{name: "pl home state leans the page pair", lang: "pl",
		text: "4 grudnia 2025\n\nPolska i Litwa uruchomiły wspólny system wymiany danych radarowych na granicy.\n\n" +
			"Białoruś zaprzecza, że balony przemytnicze startują z jej terytorium. Łukaszenka nazwał oskarżenia Wilna prowokacją. " +
			"Mińsk grozi odwetem, a Litwa zamknęła przejścia graniczne. Warszawa popiera decyzję Wilna.\n\n" +
			"W czwartek ministrowie obrony podpisali porozumienie o wspólnych patrolach wojskowych.",
		key: "agreement|LTU,POL", noKey: "agreement|BLR,LTU"},
	// "the three navies", "trilateral": the three states the sentence
	// before names, when the act's sentence names fewer
	{name: "uk trilateral meeting", lang: "uk",
		text: "12.06.2026\nМіністри оборони України, Польщі та Литви зібралися в понеділок у Львові.\nТристороння зустріч тривала понад три години.",
		key:  "meeting|LTU,POL,UKR", date: "2026-06-08"},
	{name: "en the three navies", lang: "en",
		text: "Published 12 June 2026\nWarships from India, France and the United Arab Emirates sailed from Goa on Monday.\nThe three navies held a joint exercise in the Arabian Sea on Tuesday.",
		key:  "exercise|ARE,FRA,IND", date: "2026-06-09"},
	{name: "es los tres países", lang: "es",
		text: "Publicado el 12 de junio de 2026\nLas armadas de Chile, Perú y Ecuador zarparon el lunes desde Valparaíso.\nLos tres países realizan desde el martes un ejercicio naval frente a la costa chilena.",
		key:  "exercise|CHL,ECU,PER"},
	// the count belongs to the act it stands by: the signing after the
	// trilateral meeting is between two
	{name: "tr trilateral meeting, bilateral signing", lang: "tr",
		text: "12 Haziran 2026\nTürkiye, Azerbaycan ve Gürcistan savunma bakanları Tiflis'te bir araya geldi.\nÜçlü toplantının ardından Türkiye ile Gürcistan arasında askeri eğitim mutabakatı imzalandı.",
		key:  "agreement|GEO,TUR", noKey: "agreement|AZE,GEO,TUR"},
	// A minister named in most sentences stands for her state when the page
	// pair is chosen: the headline's act without her state is hers.
	{name: "es person named in every sentence makes the pair", lang: "es",
		text: "Publicado el 12 de marzo de 2026\nLa ministra de Defensa firma con Ghana un memorando de vigilancia costera\n" +
			"Margarita Robles cerró el miércoles una gira de dos días por el golfo de Guinea.\n" +
			"En Acra, Robles firmó el martes con el ministro ghanés un memorando sobre patrullas conjuntas.\n" +
			"Robles recordó que Ghana comparte con Togo la vigilancia de sus aguas y que Togo pidió sumarse.\n" +
			"Robles dijo que el memorando abre la puerta a más cursos para oficiales de Ghana.",
		key: "agreement|ESP,GHA", noKey: "agreement|GHA,TGO"},
	// A base that a visit word names is where the visitor went, not a
	// deployment.
	{name: "en visited base", lang: "en",
		text: "Published 12 March 2026\nIn Accra, the Spanish defence minister met her Ghanaian counterpart on Tuesday and visited the Sekondi naval base.",
		key:  "meeting|ESP,GHA", noKey: "deployment|ESP,GHA"},
	{name: "fr visited base", lang: "fr",
		text: "Publié le 12 mars 2026\nÀ Accra, la ministre espagnole de la Défense a rencontré mardi son homologue ghanéen et a visité la base navale de Sekondi.",
		key:  "meeting|ESP,GHA", noKey: "deployment|ESP,GHA"},
	{name: "ru visited base", lang: "ru",
		text: "Опубликовано 12 марта 2026\nВ Аккре министр обороны Испании во вторник встретилась с ганским коллегой и посетила военно-морскую базу Секонди.",
		key:  "meeting|ESP,GHA", noKey: "deployment|ESP,GHA"},
	{name: "ja visited base", lang: "ja",
		text: "2026年3月12日\nスペインの国防相は10日、アクラでガーナの国防相と会談し、セコンディ海軍基地を訪問した。",
		key:  "meeting|ESP,GHA", noKey: "deployment|ESP,GHA"},
	{name: "id visited base", lang: "id",
		text: "Dipublikasikan 12 Maret 2026\nDi Accra, Menteri Pertahanan Spanyol bertemu dengan mitranya dari Ghana pada Selasa dan mengunjungi pangkalan angkatan laut Sekondi.",
		key:  "meeting|ESP,GHA", noKey: "deployment|ESP,GHA"},
	{name: "sw visited base", lang: "sw",
		text: "Imechapishwa 12 Machi 2026\nMjini Accra, Waziri wa Ulinzi wa Uhispania alikutana Jumanne na mwenzake wa Ghana na kutembelea kambi ya jeshi la wanamaji ya Sekondi.",
		key:  "meeting|ESP,GHA", noKey: "deployment|ESP,GHA"},
	// a force that arrives is deployed, even right before the arrival word
	{name: "zh force arriving is deployed", lang: "zh",
		text: "2025年10月8日\n土耳其海军编队6日抵达索马里首都摩加迪沙港，将在索马里海域执行巡逻任务。",
		key:  "deployment|SOM,TUR"},
	// a reception verb whose guest, named with a role, stands past the day
	// and the place is a meeting
	{name: "pt reception past the day and place", lang: "pt",
		text: "Luanda, 4 de março de 2026\nO ministro da Defesa de Angola recebeu na terça-feira (3), em Luanda, o ministro da Defesa Nacional de Portugal, Nuno Melo, para conversações sobre segurança marítima.",
		key:  "meeting|AGO,PRT", date: "2026-03-03"},
	{name: "es reception past the day and place", lang: "es",
		text: "Lima, 4 de marzo de 2026\nEl ministro de Defensa del Perú recibió el martes, en Lima, al jefe del Estado Mayor de la Defensa de España, almirante Teodoro López Calderón, para hablar de seguridad marítima.",
		key:  "meeting|ESP,PER", date: "2026-03-03"},
	// a city after a locative that is also a "to" word is where the act
	// happened, not who received it: the trainees are the receivers
	{name: "it city after locative is no receiver", lang: "it",
		text: "Roma, 16 ottobre 2025\nA Taranto si è chiuso martedì il corso di navigazione della Marina Militare per 32 marinai libici.",
		key:  "training|ITA,LBY", initiator: "ITA"},
	// "the first visit since he took office in July": when the count
	// starts, not the visit, a few words after "since"
	{name: "pl since a few words before the month", lang: "pl",
		text: "Warszawa, 11 marca 2026\nSzef resortu obrony Korei Południowej przeprowadził we wtorek w Warszawie rozmowy z ministrem obrony narodowej Polski. " +
			"Wizyta ministra w Polsce była pierwszą od objęcia przez niego stanowiska w lipcu ubiegłego roku.",
		key: "meeting|KOR,POL", date: "2026-03-10"},
	// Goods given by a state named as a passive's agent, on a page about
	// that state and another that acted together: the other receives them.
	{name: "fr giver named as agent, receiver implicit", lang: "fr",
		text: "Publié le 10 mars 2026\nLa France et la Côte d'Ivoire ont signé lundi à Abidjan un accord de coopération militaire. " +
			"Mardi, la Marine nationale a réceptionné deux vedettes rapides d'interception offertes par la France.",
		key: "arms|CIV,FRA"},
	{name: "en giver named as agent, receiver implicit", lang: "en",
		text: "Published 10 March 2026\nThe defence ministers of Japan and Sri Lanka signed a memorandum on maritime security in Colombo on Monday. " +
			"On Tuesday the navy took delivery of four patrol boats and their radars donated by Japan.",
		key: "arms|JPN,LKA"},
	// A person named in the opening phrase that a day count starts from
	// brings no state to the act after it.
	{name: "en person of the reference act", lang: "en",
		text: "Published 19 February 2026\nFrench defence minister Catherine Vautrin arrived in Manila on Wednesday for talks with her Philippine counterpart. " +
			"The day before Vautrin's arrival, Japan handed over two coastal surveillance radars at a ceremony at the Philippine Navy's base in Subic Bay.",
		key: "arms|JPN,PHL", date: "2026-02-17"},
	// An activity named as an agreement's topic is no other act standing
	// between the agreement and its date.
	{name: "id agreement's topic before its date", lang: "id",
		text: "Rabu, 15 April 2026\nIndonesia dan Australia meneken pengaturan pelaksanaan kerja sama keamanan maritim dan pendidikan militer di Kantor Kementerian Pertahanan, Jakarta Pusat, Selasa (14/4/2026).",
		key:  "agreement|AUS,IDN", date: "2026-04-14"},
	{name: "en agreement's topic before its date", lang: "en",
		text: "Published 15 April 2026\nIndonesia and Australia signed an implementing arrangement on maritime security and military education at the defence ministry in Jakarta on Tuesday.",
		key:  "agreement|AUS,IDN", date: "2026-04-14"},
	// A date beside a reporting verb dates the report, not the act: the
	// act takes its own day even when the report's stands nearer its verb.
	{name: "ko report day is not the talks' day", lang: "ko",
		text: "기사입력 2026.03.05\n한국 해군참모총장은 3일 자카르타에서 인도네시아 해군참모총장과 회담을 갖고 연합 해상훈련 확대 방안을 논의했다고 해군이 4일 밝혔다.",
		key:  "meeting|IDN,KOR", date: "2026-03-03"},
	{name: "ja report day is not the drill's day", lang: "ja",
		text: "2026年3月5日\n海上自衛隊は、護衛艦「すずつき」が3日にマニラ沖でフィリピン海軍の艦艇と共同訓練を実施したと4日発表した。",
		key:  "exercise|JPN,PHL", date: "2026-03-03"},
	{name: "en one-state handover dates the delivery", lang: "en",
		text: "Published 12 March 2026. Turkey delivered armoured vehicles and rifles to Somalia this month, the defence ministry in Ankara said. " +
			"The shipment is part of a package agreed last year. On Monday, 24 mine-protected vehicles were handed over to the Somali National Army at the port of Mogadishu.",
		key: "arms|SOM,TUR", date: "2026-03-09"},
	{name: "tr one-state handover dates the delivery", lang: "tr",
		text: "Yayınlanma tarihi: 12 Mart 2026\nTürkiye bu ay Somali ordusuna zırhlı araç ve silah teslim etti. " +
			"Sevkiyat geçen yıl kararlaştırılan paketin parçası. Pazartesi günü Mogadişu Limanı'nda düzenlenen törenle Somali Ulusal Ordusuna 24 zırhlı araç teslim edildi.",
		key: "arms|SOM,TUR", date: "2026-03-09"},
	// The state named with the instructors gives the training, whoever
	// the sentence opens with (the trainees).
	{name: "es instructors' state trains", lang: "es",
		text: "Publicado el 4 de marzo de 2026. Treinta cadetes panameños terminaron el lunes en Cartagena un curso de navegación costera impartido por instructores de la Armada colombiana.",
		key:  "training|COL,PAN", initiator: "COL"},
	{name: "fr instructors' state trains", lang: "fr",
		text: "Publié le 4 mars 2026. Une vingtaine de gendarmes togolais suivent depuis lundi à Lomé un stage de maintien de l'ordre encadré par des formateurs de la gendarmerie française.",
		key:  "training|FRA,TGO", initiator: "FRA"},
	{name: "pt instructors' state trains", lang: "pt",
		text: "Publicado em 4 de março de 2026. Quarenta soldados angolanos concluíram na segunda-feira em Luanda um curso de desminagem dado por instrutores do Exército brasileiro.",
		key:  "training|AGO,BRA", initiator: "BRA"},
	{name: "en instructors' state trains", lang: "en",
		text: "Published 4 March 2026. Forty Ghanaian marines finished a six-week boarding course in Takoradi on Monday, taught by British instructors.",
		key:  "training|GBR,GHA", initiator: "GBR"},
	{name: "sw instructors' state trains", lang: "sw",
		text: "Imechapishwa tarehe 4 Machi 2026. Askari 30 wa Rwanda walihitimu Jumatatu mafunzo ya uokoaji yaliyotolewa na wakufunzi wa jeshi la Kenya.",
		key:  "training|KEN,RWA", initiator: "KEN"},
	// The giver of goods named as a passive's agent or a source gives,
	// whoever the sentence opens with; a place after a locative is where,
	// not who.
	{name: "en giver of goods", lang: "en",
		text: "Published 5 May 2026. Six patrol boats donated by the Government of Japan were handed over to the Sri Lankan Navy in Trincomalee on Monday.",
		key:  "arms|JPN,LKA", initiator: "JPN"}, // boats donated: the spec's arms "donation"
	{name: "fr giver of goods", lang: "fr",
		text: "Publié le 5 mai 2026. À Abidjan, le ministre italien de la Défense a remis mardi quatre véhicules blindés à l'armée ivoirienne.",
		key:  "arms|CIV,ITA", initiator: "ITA"},
	{name: "es giver of goods", lang: "es",
		text: "Publicado el 5 de mayo de 2026. La Armada de Ecuador recibió el lunes en Guayaquil dos lanchas patrulleras cedidas por el Gobierno de Chile.",
		key:  "arms|CHL,ECU", initiator: "CHL"},
	// A Korean place before a named site and its postposition is where the
	// act happened; "전사" (killed in action) inside "작전사령부" (operations
	// command) is no violence.
	{name: "ko place before a named site", lang: "ko",
		text: "2026년 3월 5일\n해군은 4일 부산 해군작전사령부에서 필리핀 해군 장교 20명을 대상으로 해상작전 교육을 시작했다.",
		key:  "training|KOR,PHL", location: "KOR", initiator: "KOR"},
	// "The day before" and "the next day" count from the day of the act
	// told just before; "the day before the talks" leaves the talks their
	// own day.
	{name: "en the day before", lang: "en", text: "Published 12 May 2026. The Kenyan defence minister held talks in Ankara on Monday, 11 May.\nThe day before, Turkey handed over six patrol boats to the Kenyan navy.",
		key: "arms|KEN,TUR", date: "2026-05-10"},
	{name: "ja the next day", lang: "ja", text: "2026年5月14日\n小泉防衛相は11日、マニラでフィリピンのテオドロ国防相と会談した。\n翌日、日本とフィリピンは防衛装備品の移転に関する覚書に署名した。",
		key: "agreement|JPN,PHL", date: "2026-05-12"},
	{name: "fr the day before the talks", lang: "fr", text: "Publié le 12 mai 2026. Le ministre sénégalais des Forces armées a eu lundi 11 mai des entretiens à Madrid avec son homologue espagnole.\nLa veille des entretiens, l'Espagne avait remis deux patrouilleurs à la marine sénégalaise.",
		key: "arms|ESP,SEN", date: "2026-05-10"},
	{name: "fr the talks keep their day", lang: "fr", text: "Publié le 12 mai 2026. Le ministre sénégalais des Forces armées a eu lundi 11 mai des entretiens à Madrid avec son homologue espagnole.\nLa veille des entretiens, l'Espagne avait remis deux patrouilleurs à la marine sénégalaise.",
		key: "meeting|ESP,SEN", date: "2026-05-11"},
	// A visit dated by its arrival takes the day of the talks told after.
	{name: "ru talks the day after the arrival", lang: "ru", text: "Опубликовано 14 мая 2026 года. Министр обороны Мали во вторник, 12 мая, прибыл с визитом в Анкару.\nНа следующий день он провёл переговоры с министром национальной обороны Турции.",
		key: "meeting|MLI,TUR", date: "2026-05-13"},
	// Soldiers who finish a course that instructors give are trained, not
	// deployed.
	{name: "pl soldiers finish a course", lang: "pl", text: "Opublikowano 5 maja 2026. W ubiegłym tygodniu 300 mołdawskich żołnierzy ukończyło kurs saperski prowadzony przez polskich instruktorów na poligonie w Drawsku.",
		key: "training|MDA,POL", initiator: "POL", noKey: "deployment|MDA,POL"},
	// Vehicles handed over for surveillance are equipment, not shared
	// intelligence; two states that pool their data share it with each other,
	// not with the state they watch.
	{name: "de vehicles for surveillance", lang: "de", text: "Veröffentlicht am 4. März 2026. Die Niederlande haben der tunesischen Armee 20 gepanzerte Geländefahrzeuge für die Überwachung der Südgrenze übergeben.",
		key: "arms|NLD,TUN", noKey: "intelligence|NLD,TUN"},
	{name: "en co-subjects pool their data", lang: "en", text: "Published 4 March 2026. Kenya and Tanzania on Monday agreed to pool their maritime surveillance data as both navies track Iranian fishing fleets in the Indian Ocean.",
		key: "intelligence|KEN,TZA", noKey: "intelligence|IRN,KEN"},
	// A base after a locative, with no force or stationing word, is where
	// something happened, not a deployment.
	{name: "fr ceremony at a naval base", lang: "fr", text: "Publié le 5 mai 2026. La cérémonie s'est déroulée mardi à la base navale de Lomé, en présence de l'ambassadeur de France au Togo et du chef d'état-major de la marine togolaise.",
		noKey: "deployment|FRA,TGO"},
	// Reports called baseless are denied acts.
	{name: "en reports called baseless", lang: "en", text: "Published 4 March 2026. The Kenyan defence ministry said on Tuesday that reports of Ethiopian troops deployed in Mandera county were baseless.",
		noKey: "deployment|ETH,KEN"},
	{name: "es reports called unfounded", lang: "es", text: "Publicado el 4 de marzo de 2026. El Ministerio de Defensa de Colombia calificó de infundadas las informaciones sobre el despliegue de tropas venezolanas en La Guajira.",
		noKey: "deployment|COL,VEN"},
	// A request to close bases is no deployment.
	{name: "tr request to close bases", lang: "tr", text: "14 Mayıs 2026 tarihinde yayımlandı. Irak hükümeti, Türkiye'nin Kuzey Irak'taki askeri üslerin kapatılması talebini görüşmede yeniden gündeme getirdi.",
		noKey: "deployment|IRQ,TUR"},
	// A navy that received boats took a delivery, not guests; the giver is
	// the source named after it.
	{name: "it a navy received boats", lang: "it", text: "Pubblicato il 5 maggio 2026. Ieri a Tunisi la marina tunisina ha ricevuto tre motovedette cedute dalla Guardia di Finanza italiana.",
		key: "arms|ITA,TUN", initiator: "ITA", noKey: "meeting|ITA,TUN"},
	// "Того ж дня" (that same day) names no Togo.
	{name: "uk that same day", lang: "uk", text: "Опубліковано 5 травня 2026 року. Того ж дня посол Японії в Україні передав українським прикордонникам 40 броньованих позашляховиків.",
		key: "arms|JPN,UKR", noKey: "arms|TGO,UKR"},
	// A meeting that is expected has not happened.
	{name: "uk an expected meeting", lang: "uk", text: "Опубліковано 5 травня 2026 року. Наступну зустріч міністрів оборони України та Польщі очікують у червні у Варшаві.",
		noKey: "meeting|POL,UKR"},
	// In verb-final wording the verb that closes the sentence is its act:
	// training on fighters, not a delivery of them.
	{name: "ko training on equipment", lang: "ko", text: "2026년 3월 5일\n인도네시아 공군 정비사 12명이 이달 초부터 창원에 머물며 KF-21 전투기 정비 교육을 받고 있다.",
		key: "training|IDN,KOR", noKey: "arms|IDN,KOR"},
	// A weak trigger inside a rank or title is part of the name of a rank:
	// a frigate captain received by a minister delivers no frigate.
	{name: "pt frigate captain is a rank", lang: "pt",
		text: "Publicado em 28 de maio de 2025. O capitão de fragata Tomás Ribeiro, comandante do navio, foi recebido ontem em Luanda pelo ministro da Defesa de Angola, no primeiro dia da escala do navio português.",
		key:  "meeting|AGO,PRT", noKey: "arms|AGO,PRT"},
	{name: "fr frigate captain is a rank", lang: "fr",
		text: "Publié le 28 mai 2025. Le capitaine de frégate Paul Leroy, commandant du navire, a été reçu hier à Dakar par le ministre sénégalais des Forces armées, au premier jour de l'escale du bâtiment français.",
		key:  "meeting|FRA,SEN", noKey: "arms|FRA,SEN"},
	// An exercise or a course that ended is over, not broken off; an
	// agreement ended is a rupture.
	{name: "de exercise ended", lang: "de",
		text: "Veröffentlicht am 14. April 2026. Die Bundeswehr und die indonesischen Streitkräfte haben am Sonntag ihr gemeinsames Manöver auf Java beendet.",
		key:  "exercise|DEU,IDN", noKey: "rupture|DEU,IDN"},
	{name: "tr agreement ended", lang: "tr",
		text: "14 Nisan 2026 tarihinde yayımlandı. Nijer, Fransa ile imzaladığı askeri işbirliği anlaşmasını dün sona erdirdi.",
		key:  "rupture|FRA,NER"},
	// Interest in an act is no act.
	{name: "en interest in buying", lang: "en",
		text: "Published 3 March 2026. During the talks in Ankara, the Iraqi defence minister also expressed interest in buying Turkish armed drones for the army.",
		key:  "meeting|IRQ,TUR", noKey: "arms|IRQ,TUR"},
	{name: "tr interest in drones", lang: "tr",
		text:  "3 Mart 2026 tarihinde yayımlandı. Ankara'daki görüşmede Irak ordusunun Türk yapımı silahlı insansız hava araçlarına olan ilgisi de ele alındı.",
		noKey: "arms|IRQ,TUR"},
	// The press names its own state's institutions without the state.
	{name: "ko home ministry", lang: "ko",
		text: "2025년 11월 20일\n국방부는 19일 서울에서 필리핀 국방장관과 회담을 열고 해양안보 협력을 논의했다고 밝혔다.",
		key:  "meeting|KOR,PHL", date: "2025-11-19"},
	// An act told after "the day before the talks," is an act of its own,
	// not a topic of the talks.
	{name: "en handover the day before the talks", lang: "en",
		text: "Published 12 November 2025. The Chinese defence minister held talks with his Tanzanian counterpart in Dar es Salaam on Tuesday, 11 November.\nThe day before the talks, the Chinese ambassador handed over 24 military trucks to the Tanzanian army at Lugalo barracks.",
		key:  "arms|CHN,TZA", initiator: "CHN"},
	{name: "sw handover the day before the talks", lang: "sw",
		text: "Imechapishwa 12 Novemba 2025. Waziri wa Ulinzi wa China alifanya mazungumzo na mwenzake wa Tanzania jijini Dar es Salaam Jumanne.\nSiku moja kabla ya mazungumzo hayo, Balozi wa China alikabidhi kwa Jeshi la Wananchi wa Tanzania magari 24 ya kijeshi.",
		key:  "arms|CHN,TZA", initiator: "CHN"},
	// A person the sentence names whose state is known brings that state.
	{name: "pt minister named at a handover", lang: "pt",
		text: "Publicado em 19 de março de 2026. Em Nacala, Nuno Melo presidiu ontem à cerimónia de entrega de três lanchas rápidas à Marinha de Guerra de Moçambique.",
		key:  "arms|MOZ,PRT", date: "2026-03-18", location: "MOZ"},
	// "Her first trip since taking office in October" dates the office,
	// not a second visit.
	{name: "id first trip since taking office", lang: "id",
		text: "JAKARTA - Menteri Pertahanan Indonesia menerima kunjungan Menteri Angkatan Bersenjata Prancis Catherine Vautrin di kantor Kementerian Pertahanan, Jakarta, Rabu (11/2/2026).\nKunjungan tersebut merupakan lawatan pertama Vautrin ke Asia Tenggara sejak menjabat pada Oktober tahun lalu.",
		key:  "meeting|FRA,IDN", date: "2026-02-11"},
	// Ministers named alone in Han, kana or Hangul stand for their states
	// (people/data/officeholders.tsv).
	{name: "ja ministers named alone", lang: "ja",
		text: "2025年11月20日\nベロウソフ氏は19日、北京で董軍氏と会談した。",
		key:  "meeting|CHN,RUS", date: "2025-11-19", location: "CHN", persons: []string{"ベロウソフ", "董軍"}},
	{name: "ko ministers named alone", lang: "ko",
		text: "2025년 11월 20일\n벨로우소프 장관은 19일 베이징에서 둥쥔 장관과 회담했다.",
		key:  "meeting|CHN,RUS", date: "2025-11-19", persons: []string{"벨로우소프"}},
	{name: "zh ministers named alone", lang: "zh",
		text: "2025年11月20日\n别洛乌索夫19日在北京与董军举行会谈。",
		key:  "meeting|CHN,RUS", date: "2025-11-19", persons: []string{"别洛乌索夫", "董军"}},
	// "About" before a number counts; it makes no state a topic.
	{name: "en about forty officers", lang: "en",
		text: "Published 19 November 2025. About 40 Ghanaian officers finished a four-week course in Tamale last month, where German army instructors taught them mine clearance and first aid.",
		key:  "training|DEU,GHA", date: "2025-10", initiator: "DEU"},
	// Signed beats the talks that led to the signing.
	{name: "en signed after long talks", lang: "en",
		text: "Published 12 March 2026. Japan and the Philippines on Tuesday signed a defence logistics agreement, a deal officials on both sides had been negotiating for more than a year.",
		key:  "agreement|JPN,PHL", date: "2026-03-10", stage: event.Signed},
	// A sub-heading names a topic: it borrows the page's states for no act.
	{name: "en sub-heading", lang: "en",
		text: "Published 14 March 2026. The defence ministers of Spain and Mauritania held talks in Nouakchott on Friday 13 March 2026 on maritime surveillance.\nJoint exercise off Cap Blanc\nSeveral fishing boats were inspected by the coast guard during the week, officials said without giving details.",
		key:  "meeting|ESP,MRT", date: "2026-03-13", noKey: "exercise|ESP,MRT"},
	// A visit still to come, named twice under one future that opens the
	// sentence, lends the visit that happened neither a date nor a place.
	{name: "ar visit expected to go on", lang: "ar",
		text: "نشر في 10 فبراير 2026. أجرى قائد الجيش الباكستاني محادثات مع وزير الدفاع السعودي في الرياض يوم الاثنين.\nومن المنتظر أن يزور القائد الباكستاني عددا من المصانع العسكرية في المنطقة الشرقية، على أن يختتم زيارته إلى السعودية يوم الخميس.",
		key:  "meeting|PAK,SAU", date: "2026-02-09", location: "SAU"},
	// A visit "on the occasion of" which a pact is signed takes the day the
	// sentence gives, never the page's date line.
	{name: "fr occasion of the visit", lang: "fr",
		text: "Jeudi 9 octobre 2025 | Par Amina Ferhat\nL'Algérie et la Tunisie ont signé, mardi 7 octobre à Alger, un accord de coopération dans le domaine de la défense, à l'occasion de la visite de travail qu'effectue en Algérie le ministre tunisien de la Défense.",
		key:  "meeting|DZA,TUN", date: "2025-10-07"},
	// Talks "after the ceremony" take the ceremony's day, not a month
	// told later for something to come.
	{name: "en talks after the ceremony", lang: "en",
		text: "Published 12 May 2025. Australia handed over two patrol boats to Timor-Leste at the Hera naval base on Saturday 10 May. After the ceremony, the Australian defence minister and the prime minister of Timor-Leste met for an hour in Dili. The Australian navy is to train 40 Timorese sailors from August.",
		key:  "meeting|AUS,TLS", date: "2025-05-10"},
	// Forces leaving: who ended their stay is not the side that leaves.
	{name: "en withdrawal has no initiator", lang: "en",
		text: "Published 1 February 2025. The last French soldiers left Chad on 31 January 2025, ending six decades of military presence.",
		key:  "rupture|FRA,TCD", date: "2025-01-31", initiator: "-"},
	// A bracketed aside does not end the clause; a state's name that a
	// capitalised word continues names a site.
	{name: "en place after a bracketed aside", lang: "en",
		text: "Published 14 April 2025. The first joint naval exercise between India and Tanzania, known as the Africa India Key Maritime Engagement (AIKEYME), began yesterday in Dar es Salaam.",
		key:  "exercise|IND,TZA", date: "2025-04-13", location: "TZA"},
	{name: "en site named after a state", lang: "en",
		text: "Published 11 June 2025. Germany handed over 20 armoured vehicles to the Ghana Armed Forces on 10 June 2025 at Burma Camp in Accra.",
		key:  "arms|DEU,GHA", location: "GHA"},
	// A recalled delivery is background; a recalled agreement stays a
	// stage with its own date.
	{name: "en recalled delivery", lang: "en",
		text: "Published 10 May 2025. India and Vietnam signed a defence cooperation agreement in Hanoi on 8 May 2025. India had delivered twelve patrol boats to the Vietnamese navy in 2022.",
		key:  "agreement|IND,VNM", date: "2025-05-08", noKey: "arms|IND,VNM"},
	// An undated act in the headline that the body tells again is today's:
	// the agreement recalled from 2019 stays apart and lends no date.
	{name: "en headline act told again", lang: "en",
		text: "Senegal and Gambia sign a defence cooperation agreement\nPublished 20 May 2026.\nThe chiefs of staff of Senegal and Gambia met in Banjul this week to review border patrols.\n" +
			"They discussed the fight against smuggling along the river.\nThe talks lasted three hours, officials said.\n" +
			"The two chiefs then signed the defence cooperation agreement, which covers training and joint patrols.\n" +
			"The two countries had signed a memorandum of understanding on defence in March 2019.\n",
		key: "meeting|GMB,SEN", date: "2026-05"}, // "this week": the month of publication
	// "At the end of the meeting" takes the meeting's day, not the day of
	// the act told just before (the data shared since 4 March).
	{name: "es end of the meeting", lang: "es",
		text: "Publicado el 12 de marzo de 2026.\nLos ministros de Defensa de Perú y Ecuador se reunieron el lunes 9 de marzo en Tumbes.\nRevisaron las patrullas en la frontera común.\n" +
			"Desde el 4 de marzo, los dos ejércitos comparten datos de radar en la zona.\n" +
			"'Somos un solo equipo', dijo el ministro peruano a la prensa al término de la reunión con su colega ecuatoriano.\n",
		key: "meeting|ECU,PER", date: "2026-03-09"},
	{name: "es shared data", lang: "es",
		text: "Publicado el 12 de marzo de 2026.\nLos ministros de Defensa de Perú y Ecuador se reunieron el lunes 9 de marzo en Tumbes.\n" +
			"Desde el 4 de marzo, los dos ejércitos comparten datos de radar en la zona.\n",
		key: "intelligence|ECU,PER", date: "2026-03-04"},
	// a pluperfect dated by a day counted from the news is news too
	{name: "de am Vortag hatte", lang: "de",
		text: "Veröffentlicht am 5. März 2026.\nDer ägyptische Verteidigungsminister empfing am Mittwoch, dem 4. März, in Kairo seinen deutschen Amtskollegen.\n" +
			"Schon am Vortag hatte die Bundeswehr in Alexandria zwölf Lastwagen an die ägyptischen Streitkräfte übergeben.\n",
		key: "arms|DEU,EGY", date: "2026-03-03", initiator: "DEU"},
	// the day before yesterday
	{name: "fr avant-hier", lang: "fr",
		text: "Publié le 14 mars 2026.\nDeux patrouilleurs espagnols ont été livrés avant-hier à la marine sénégalaise dans le port de Dakar.\n",
		key:  "arms|ESP,SEN", date: "2026-03-12"},
	// "Today" in a quote is the day of the speech: it neither dates nor
	// splits the act the speech was given at.
	{name: "en today in a quote", lang: "en",
		text: "Published 6 November 2025. Turkey handed over a third corvette to the Pakistani navy in Istanbul on 4 November 2025. \"The corvette we deliver today to Pakistan is a symbol of the trust between our two nations,\" the Turkish deputy defence minister said at the ceremony.",
		key:  "arms|PAK,TUR", date: "2025-11-04"},
	// A sentence that tells more of the act, with no second state, lends
	// it its day, even one opening on a weekday; a day still to come
	// lends nothing.
	{name: "de weekday opens the next sentence", lang: "de",
		text: "Veröffentlicht am 13. Juni 2025. Polen hat eine weitere Lieferung südkoreanischer Kampfpanzer erhalten. Am Mittwoch legte im Hafen von Gdynia ein Frachtschiff mit 18 Panzern an, wie das polnische Verteidigungsministerium mitteilte.",
		key:  "arms|KOR,POL", date: "2025-06-11"},
	{name: "en a day to come lends nothing", lang: "en",
		text: "Published 26 April 2024. The United States suspended its military cooperation with Chad, the Pentagon said. US officials said talks on the future of the cooperation with Chad would resume after the presidential election set for 6 May.",
		key:  "rupture|TCD,USA", date: "-"},
	// Where an act happened is not where its relative clause, another act,
	// another stage, its content or a government stands (issue 7 round).
	{name: "en place in a clause after the act", lang: "en",
		text: "Published 20 April 2025. The Kenyan parliament on 16 April ratified the defence agreement with Britain, which governs the stay of British troops at the training unit in Nanyuki.",
		key:  "agreement|GBR,KEN", date: "2025-04-16", location: "-"},
	{name: "en place of another stage", lang: "en",
		text: "Published 30 March 2025. On 27 March the Romanian parliament ratified the status agreement with Italy for Italian troops, signed in Rome in September 2024 by the defence ministers.",
		key:  "agreement|ITA,ROU", date: "2025-03-27", location: "-"},
	{name: "en government in its capital", lang: "en",
		text: "Published 12 March 2025. The government in Phnom Penh suspended its joint military exercises with the United States on 11 March.",
		key:  "rupture|KHM,USA", location: "-"},
	// "After the talks" takes the day of the talks, not of the arrival
	// recalled in between.
	{name: "en after the talks", lang: "en",
		text: "Published 14 March 2025. India's defence minister held talks with his Kenyan counterpart in Nairobi on Wednesday, 12 March. " +
			"He had arrived in Nairobi on Tuesday evening for a two-day visit. " +
			"After the talks the two countries signed a memorandum of understanding on defence cooperation.",
		key: "agreement|IND,KEN", date: "2025-03-12"},
	// Persons named in the sentence after the act take part in it.
	{name: "en persons next sentence", lang: "en",
		text: "Ghana and Togo signed a border security agreement in Accra on 14 May 2025. " +
			"Defence Minister Kwame Mensah Boateng and his Togolese counterpart Koffi Agbeko Lawson led the two delegations.",
		key: "agreement|GHA,TGO", date: "2025-05-14", location: "GHA", persons: []string{"Kwame Mensah Boateng", "Koffi Agbeko Lawson"}},
	{name: "fr persons next sentence", lang: "fr",
		text: "Le Sénégal et la Mauritanie ont signé un accord de coopération militaire à Dakar le 3 avril 2025. " +
			"Le ministre des Forces armées, Birame Ndiaye Sarr, et son homologue mauritanien, Ahmed Salem Bilal, ont conduit les délégations.",
		key: "agreement|MRT,SEN", date: "2025-04-03", location: "SEN", persons: []string{"Birame Ndiaye Sarr", "Ahmed Salem Bilal"}},
	{name: "es persons next sentence", lang: "es",
		text: "Perú y Chile firmaron un acuerdo de cooperación en defensa en Lima el 9 de junio de 2025. " +
			"El ministro de Defensa, Raúl Paredes Roca, y su homólogo chileno, Andrés Felipe Soto Vial, encabezaron las delegaciones.",
		key: "agreement|CHL,PER", date: "2025-06-09", location: "PER", persons: []string{"Raúl Paredes Roca", "Andrés Felipe Soto Vial"}},
	{name: "pt persons next sentence", lang: "pt",
		text: "Angola e Moçambique assinaram um acordo de cooperação militar em Luanda no dia 2 de julho de 2025. " +
			"O ministro da Defesa, Manuel Pedro Kiala, e o seu homólogo moçambicano, Cristóvão Artur Chume, chefiaram as delegações.",
		key: "agreement|AGO,MOZ", date: "2025-07-02", location: "AGO", persons: []string{"Manuel Pedro Kiala", "Cristóvão Artur Chume"}},
	{name: "ru persons next sentence", lang: "ru",
		text: "Казахстан и Узбекистан подписали соглашение о военном сотрудничестве в Астане 5 марта 2025 года. " +
			"Делегации возглавили министр обороны Казахстана Руслан Жаксылыков и министр обороны Узбекистана Бахадир Курбанов.",
		key: "agreement|KAZ,UZB", date: "2025-03-05", location: "KAZ", persons: []string{"Руслан Жаксылыков", "Бахадир Курбанов"}},
	{name: "tr persons next sentence", lang: "tr",
		text: "Türkiye ve Azerbaycan, 11 Şubat 2025 tarihinde Ankara'da askeri işbirliği anlaşması imzaladı. " +
			"Heyetlere Milli Savunma Bakanı Yaşar Güler ve Azerbaycan Savunma Bakanı Zakir Hasanov başkanlık etti.",
		key: "agreement|AZE,TUR", date: "2025-02-11", location: "TUR", persons: []string{"Yaşar Güler", "Zakir Hasanov"}},
	{name: "sw persons next sentence", lang: "sw",
		text: "Kenya na Uganda zilitia saini mkataba wa ushirikiano wa kijeshi jijini Nairobi tarehe 8 Mei 2025. " +
			"Waziri wa Ulinzi Aden Barre Duale na mwenzake wa Uganda Jacob Marksons Oboth waliongoza ujumbe wa nchi hizo.",
		key: "agreement|KEN,UGA", date: "2025-05-08", location: "KEN", persons: []string{"Aden Barre Duale", "Jacob Marksons Oboth"}},
	{name: "ar persons next sentence", lang: "ar",
		text: "وقعت مصر والسودان اتفاقية للتعاون العسكري في القاهرة يوم 6 مارس 2025. " +
			"وترأس الوفدين وزير الدفاع المصري عبد المجيد صقر ونظيره السوداني ياسين إبراهيم ياسين.",
		key: "agreement|EGY,SDN", date: "2025-03-06", location: "EGY", persons: []string{"عبد المجيد صقر", "ياسين إبراهيم ياسين"}},

	// A dateline city is the place when no sentence gives another, and it
	// is never a state of the event.
	{name: "en dateline is the place", lang: "en",
		text: "NAIROBI — Kenya and Somalia held talks on border security and counterterrorism on 12 March 2025, officials said. " +
			"The defence chiefs agreed to meet again later in the year.",
		key: "meeting|KEN,SOM", date: "2025-03-12", location: "KEN"},
	{name: "en dateline of a third state", lang: "en",
		text: "NAIROBI — Ethiopia and Somalia signed a security cooperation agreement on 3 March 2025, officials in both capitals said. " +
			"The pact covers intelligence sharing and border security.",
		key: "agreement|ETH,SOM", date: "2025-03-03", location: "-", noKey: "agreement|ETH,KEN,SOM"},
	{name: "fr dateline with date", lang: "fr",
		text: "Dakar, le 12 mars 2025 — Le Sénégal et la Gambie ont tenu des consultations militaires sur la sécurité des frontières. " +
			"Les chefs d'état-major des deux armées ont examiné la lutte contre les trafics.",
		key: "meeting|GMB,SEN", location: "SEN"},
	{name: "es dateline", lang: "es",
		text: "BOGOTÁ — Colombia y Ecuador celebraron el 4 de febrero de 2025 una reunión de seguridad fronteriza entre sus ministros de Defensa. " +
			"Ambos gobiernos acordaron reforzar las patrullas contra el narcotráfico.",
		key: "meeting|COL,ECU", date: "2025-02-04", location: "COL"},
	{name: "pt dateline", lang: "pt",
		text: "MAPUTO — Moçambique e Ruanda realizaram em 20 de março de 2025 conversações sobre a segurança da fronteira entre os ministros da Defesa. " +
			"Os dois governos discutiram o combate ao terrorismo no norte.",
		key: "meeting|MOZ,RWA", date: "2025-03-20", location: "MOZ"},
	{name: "ru dateline", lang: "ru",
		text: "Душанбе. 4 апреля 2025 года министры обороны Таджикистана и Киргизии провели переговоры о безопасности на границе. " +
			"Стороны обсудили борьбу с терроризмом.",
		key: "meeting|KGZ,TJK", date: "2025-04-04", location: "TJK"},
	{name: "tr dateline", lang: "tr",
		text: "ANKARA — Türkiye ve Irak savunma bakanları 7 Nisan 2025 tarihinde terörle mücadele ve sınır güvenliği konusunda görüştü. " +
			"İki bakan ortak güvenlik mekanizmasını değerlendirdi.",
		key: "meeting|IRQ,TUR", date: "2025-04-07", location: "TUR"},
	{name: "sw dateline", lang: "sw",
		text: "DAR ES SALAAM — Tanzania na Msumbiji zilifanya mazungumzo ya usalama wa mpakani kati ya mawaziri wa ulinzi tarehe 15 Aprili 2025. " +
			"Mawaziri hao walijadili mapambano dhidi ya ugaidi.",
		key: "meeting|MOZ,TZA", date: "2025-04-15", location: "TZA"},
	{name: "id dateline with site", lang: "id",
		text: "SURABAYA, Warta Pertahanan — Menteri Pertahanan Indonesia dan Menteri Pertahanan Malaysia mengadakan pembicaraan tentang keamanan perbatasan pada 9 Juni 2026. " +
			"Kedua menteri juga membahas patroli bersama di Selat Malaka.",
		key: "meeting|IDN,MYS", date: "2026-06-09", location: "IDN"},
	{name: "en dateline with agency", lang: "en",
		text: "ACCRA, Coastline News - Ghana and Togo held talks on border security and piracy on 2 July 2026, the two defence ministries said. " +
			"The ministers also discussed joint patrols in the Gulf of Guinea.",
		key: "meeting|GHA,TGO", date: "2026-07-02", location: "GHA"},
	{name: "ar dateline", lang: "ar",
		text: "بغداد - عقد وزيرا الدفاع العراقي والأردني يوم 10 أبريل 2025 محادثات حول أمن الحدود ومكافحة الإرهاب. " +
			"وبحث الجانبان تعزيز التعاون العسكري بين البلدين.",
		key: "meeting|IRQ,JOR", date: "2025-04-10", location: "IRQ"},
	{name: "hi dateline closed by a danda", lang: "hi",
		text: "काठमांडू। नेपाल और भारत के सेना प्रमुखों ने बुधवार, 9 अप्रैल 2025 को सीमा सुरक्षा पर वार्ता की। " +
			"दोनों पक्षों ने आतंकवाद से निपटने पर भी चर्चा की।",
		key: "meeting|IND,NPL", date: "2025-04-09", location: "NPL"},

	// A termination recalls when the agreement was concluded: that date is
	// the old stage's, never the termination's.
	{name: "en termination recalls signing", lang: "en",
		text: "Mali ended the defence cooperation agreement it had signed with France in 2014, the government said on 2 May 2022.",
		key:  "rupture|FRA,MLI", date: "2022-05-02"},
	{name: "fr termination recalls signing", lang: "fr",
		text: "Le Niger a dénoncé l'accord de défense qu'il avait signé avec les États-Unis en 2012, a annoncé le gouvernement le 16 mars 2024.",
		key:  "rupture|NER,USA", date: "2024-03-16"},
	{name: "es termination recalls signing", lang: "es",
		text: "Colombia suspendió el acuerdo de cooperación militar que había firmado con Israel en 2015, informó el gobierno el 2 de mayo de 2024.",
		key:  "rupture|COL,ISR", date: "2024-05-02"},

	{name: "en termination headline is no signing", lang: "en",
		text: "Niger ends military pact with the United States\n\n" +
			"Niger on 16 March 2024 ended the military cooperation agreement it had signed with the United States in 2012.",
		key: "rupture|NER,USA", date: "2024-03-16", noKey: "agreement|NER,USA"},
	{name: "es termination headline is no signing", lang: "es",
		text: "Colombia rompe el acuerdo militar con Israel\n\n" +
			"Colombia suspendió el 2 de mayo de 2024 el acuerdo de cooperación militar que había firmado con Israel en 2015.",
		key: "rupture|COL,ISR", date: "2024-05-02", noKey: "agreement|COL,ISR"},

	// The arrival told in the sentence before the talks says where they
	// took place, and so who came.
	{name: "es arrival before talks", lang: "es",
		text: "España y Mauritania refuerzan su cooperación en defensa. " +
			"La ministra española de Defensa llegó a la capital mauritana en un viaje de diez horas. " +
			"Mantuvo una reunión con su homólogo mauritano sobre la seguridad de las fronteras.",
		key: "meeting|ESP,MRT", location: "MRT", initiator: "ESP"},
	{name: "pt arrival before talks", lang: "pt",
		text: "Portugal e Cabo Verde reforçam a cooperação em defesa. " +
			"O ministro português da Defesa chegou à capital cabo-verdiana numa viagem de dois dias. " +
			"Manteve uma reunião com o seu homólogo cabo-verdiano sobre a segurança marítima.",
		key: "meeting|CPV,PRT", location: "CPV", initiator: "PRT"},

	// Dates: a planned continuation is not the date of the act; a future
	// weekday resolves forward.
	{name: "en future weekday", lang: "en",
		text: "Published on 12 March 2025\n\nKenya and Uganda will sign a defence cooperation agreement in Nairobi on Saturday, officials said.",
		key:  "agreement|KEN,UGA", date: "2025-03-15", stage: event.Proposed},
	{name: "fr future weekday", lang: "fr",
		text: "Publié le 12 mars 2025\n\nLe Sénégal et la Gambie signeront samedi à Dakar un accord de coopération militaire, selon le gouvernement.",
		key:  "agreement|GMB,SEN", date: "2025-03-15", stage: event.Proposed},
	{name: "es future weekday", lang: "es",
		text: "Publicado el 12 de marzo de 2025\n\nColombia y Ecuador van a firmar el sábado en Quito un acuerdo de cooperación en defensa.",
		key:  "agreement|COL,ECU", date: "2025-03-15", stage: event.Proposed},
	{name: "en past weekday", lang: "en",
		text: "Published on 12 March 2025\n\nKenya and Uganda signed a defence cooperation agreement in Nairobi on Saturday, officials said.",
		key:  "agreement|KEN,UGA", date: "2025-03-08", stage: event.Signed},
	{name: "en continuation date", lang: "en",
		text: "Kenya and Uganda signed a defence cooperation agreement in Nairobi on 3 March 2025, and talks will continue in Kampala on 20 April.",
		key:  "agreement|KEN,UGA", date: "2025-03-03"},
	{name: "fr continuation date", lang: "fr",
		text: "Le Bénin et le Niger ont signé un accord de sécurité frontalière à Cotonou le 5 juin 2025, et les discussions se poursuivront à Niamey le 2 juillet.",
		key:  "agreement|BEN,NER", date: "2025-06-05"},
	// Dushanbe written like Monday (دوشنبه) is the city where the words
	// around it make it one: "وارد دوشنبه پایتخت تاجیکستان", entered
	// Dushanbe, the capital; the visit was on Tuesday.
	{name: "fa Dushanbe is no Monday", lang: "fa",
		text: "تاریخ انتشار: ۱۵ اکتبر ۲۰۲۶\n\nوزیر دفاع ایران صبح سه‌شنبه وارد دوشنبه پایتخت تاجیکستان شد و با همتای تاجیک خود دیدار کرد.",
		key:  "meeting|IRN,TJK", date: "2026-10-13", location: "TJK", initiator: "IRN"},
	// "The two ministers" who agree or sign after talks are the persons of
	// those talks, whatever stage the agreement is at; a minister of the
	// page's own state, named without it, signs too.
	{name: "en the two ministers", lang: "en",
		text: "Published 2 June 2026.\n\nGhana's Defence Minister Kofi Mensah Owusu held talks in Accra on Monday with his Togolese counterpart Komlan Adjoa Tchala.\n\nThe two ministers agreed to open negotiations on a border security agreement between Ghana and Togo before the end of the year.",
		key:  "agreement|GHA,TGO", persons: []string{"Kofi Mensah Owusu", "Komlan Adjoa Tchala"}},
	{name: "ja the two ministers", lang: "ja",
		text: "2026年6月2日\n\n中村健一防衛相は1日、東京でケニアのジョセフ・ムトゥア国防相と会談した。\n\n両氏は、日本とケニアの間で防衛装備品の協力に関する協定の締結に向けた交渉を始めることで合意した。",
		key:  "agreement|JPN,KEN", persons: []string{"中村健一", "ジョセフ・ムトゥア"}},
	{name: "ko the two ministers", lang: "ko",
		text: "2026년 6월 2일\n\n김민호 국방장관은 1일 서울에서 케냐의 조셉 무투아 국방장관과 회담했다.\n\n두 장관은 회담 직후 한국과 케냐 간 방산협력 양해각서에 서명했다.",
		key:  "agreement|KEN,KOR", stage: event.Signed, persons: []string{"김민호", "조셉 무투아"}},
	// "a few hours later": the next act of the same day, news of its own
	// even with a partner other than the page's two states
	{name: "en hours later", lang: "en",
		text: "Nairobi, 5 May 2026\n\nKenya's Defence Cabinet Secretary Soipan Tuya held talks with Turkish Defence Minister Yaşar Güler in Ankara on Monday, 4 May 2026. The two ministers discussed armoured vehicles and officer training.\n\nA few hours later, Tuya also met the Somali defence minister, Ahmed Moallim Fiqi, at the Kenyan embassy in Ankara.",
		key:  "meeting|KEN,SOM", date: "2026-05-04"},
	{name: "pl hours later", lang: "pl",
		text: "Warszawa, 13 lutego 2026\n\nW czwartek 12 lutego w Brukseli minister obrony Władysław Kosiniak-Kamysz rozmawiał z sekretarzem obrony USA. Tematem były dostawy śmigłowców.\n\nKilka godzin później Kosiniak-Kamysz spotkał się z ministrem obrony Litwy Robertasem Kaunasem.",
		key:  "meeting|LTU,POL", date: "2026-02-12"},
	// "on the sidelines of" the summit told before: a meeting of that day,
	// news with whatever partner
	{name: "pl sidelines", lang: "pl",
		text: "Polska i USA rozmawiały w Brukseli o śmigłowcach\n\nWarszawa, 13 lutego 2026\n\nW czwartek 12 lutego w Brukseli minister obrony Polski Władysław Kosiniak-Kamysz rozmawiał z sekretarzem obrony USA o dostawach śmigłowców dla Polski.\n\n" +
			"Stany Zjednoczone mają dostarczyć Polsce 96 śmigłowców Apache.\n\nNa marginesie obrad Kosiniak-Kamysz spotkał się z kanadyjskim ministrem obrony Davidem McGuintym.",
		key: "meeting|CAN,POL"},
	// a state's name inside a name in Han after its middle dot is part of
	// the name: 巴西 (Brazil) in 萨比特·阿巴西
	{name: "zh state inside a name", lang: "zh",
		text: "2026年10月14日\n\n土耳其国防部长居莱尔13日在巴格达与伊拉克国防部长萨比特·阿巴西举行会谈。",
		key:  "meeting|IRQ,TUR", noKey: "meeting|BRA,IRQ"},
	// an opening phrase that counts the day from another act names that
	// act's states, not this one's sides
	{name: "fr day before an arrival", lang: "fr",
		text: "Publié le 14 octobre 2026\n\nLa délégation sénégalaise est arrivée mardi à Nouakchott.\n\nLa veille de l'arrivée de la délégation sénégalaise, la Marine mauritanienne a pris livraison à Nouadhibou de deux patrouilleurs côtiers offerts par l'Espagne.",
		key:  "arms|ESP,MRT", noKey: "arms|ESP,SEN", date: "2026-10-12"},
	{name: "es day after a delivery", lang: "es",
		text: "Publicado el 14 de octubre de 2026\n\nLa visita de la ministra llegó un día después de que España entregara a la Marina mauritana dos lanchas rápidas en Nuadibú.",
		key:  "arms|ESP,MRT"},
	// a Japanese page's 防衛副大臣 (vice-minister of defence, a title
	// only Japan's office-holders bear in its press) names Japan
	{name: "ja home title", lang: "ja",
		text: "2026年5月17日\n\n松浦健一防衛副大臣は16日、ジブチに到着し、拠点を視察した。",
		key:  "meeting|DJI,JPN", date: "2026-05-16"},
	// ... but a middle dot between two nouns of a list leaves the state
	// after a particle alone: 整備・修理をインドが
	{name: "ja dot in a list", lang: "ja",
		text: "2026年5月21日\n\nインドのシン国防相は20日、ハノイでベトナムのザン国防相と会談し、ヘリコプターの整備・修理をインドが支援する覚書に署名した。",
		key:  "agreement|IND,VNM"},
}

// TestFactsAcrossSentences runs each page through the pipeline and checks
// the event's date, place and persons.
func TestFactsAcrossSentences(t *testing.T) {
	p := newTestPipeline(t)
	for _, c := range contextCases {
		t.Run(c.name, func(t *testing.T) {
			res, err := p.Run(context.Background(), pipeline.FileArticle("x.txt", []byte(c.text)))
			if err != nil {
				t.Fatal(err)
			}
			if res.Page.Lang != c.lang {
				t.Errorf("language %q, want %q", res.Page.Lang, c.lang)
			}
			var got *event.Event
			for _, e := range res.Events() {
				k := string(e.Type) + "|" + strings.Join(e.Countries, ",")
				if k == c.key && got == nil {
					got = &e // the first event of the key: a recalled older one comes after
				}
				if c.noKey != "" && k == c.noKey {
					t.Errorf("unexpected %s", k)
				}
			}
			if got == nil && c.key == "" {
				return // a case that only checks what must not come out
			}
			if got == nil {
				t.Fatalf("missing %s; got:%s", c.key, describe(res.Events()))
			}
			loc := ""
			if got.Location != nil {
				loc = got.Location.Country
			}
			for _, f := range []struct{ field, got, want string }{{"date", got.Date, c.date}, {"location", loc, c.location},
				{"initiator", got.Initiator, c.initiator}} {
				switch {
				case f.want == "":
				case f.want == "-" && f.got != "":
					t.Errorf("%s %q, want none", f.field, f.got)
				case f.want != "-" && f.got != f.want:
					t.Errorf("%s %q, want %q", f.field, f.got, f.want)
				}
			}
			if c.stage != "" && (got.Agreement == nil || got.Agreement.Stage != c.stage) {
				t.Errorf("agreement %+v, want stage %s", got.Agreement, c.stage)
			}
			for _, name := range c.persons {
				found := false
				for _, q := range got.Persons {
					found = found || q.Name == name
				}
				if !found {
					t.Errorf("person %q missing; got %+v", name, got.Persons)
				}
			}
			for _, name := range c.noPersons {
				for _, q := range got.Persons {
					if q.Name == name {
						t.Errorf("person %q listed; got %+v", name, got.Persons)
					}
				}
			}
		})
	}
}

func located(c extract.Candidate, country string) extract.Candidate {
	c.Event.Location = &event.Location{Name: "somewhere in " + country, Country: country}
	return c
}

func withPersons(c extract.Candidate, names ...string) extract.Candidate {
	for _, n := range names {
		c.Event.Persons = append(c.Event.Persons, event.Person{Name: n})
	}
	return c
}

// withMinisters adds defence ministers given as "name|state" (no state
// after the bar: a person of no known state).
func withMinisters(c extract.Candidate, people ...string) extract.Candidate {
	for _, p := range people {
		name, state, _ := strings.Cut(p, "|")
		c.Event.Persons = append(c.Event.Persons, event.Person{Name: name, Country: state, Role: "defence_minister"})
	}
	return c
}

// TestFoldShareFacts checks what Fold lends between the events of a page:
// date and place between neighbours on the same states, the dateline city,
// persons from a sentence without an act, and what it never lends.
func TestFoldShareFacts(t *testing.T) {
	nairobi := &event.Location{Name: "Nairobi", Country: "KEN"}
	withDateline := func(c extract.Candidate) extract.Candidate { c.Dateline = nairobi; return c }
	history := func(c extract.Candidate) extract.Candidate { c.History = true; return c }
	planned := func(c extract.Candidate) extract.Candidate { c.Planned = true; return c }
	type want struct {
		typ              event.Type
		date, loc, names string
	}
	cases := []struct {
		name  string
		cands []extract.Candidate
		want  []want
	}{
		{"the dated visit before an undated signing",
			[]extract.Candidate{located(dated(cand(0, event.Meeting, 0.7, "KEN", "UGA"), "2025-03-03"), "UGA"),
				staged(cand(1, event.Agreement, 0.7, "KEN", "UGA"), event.Signed)},
			[]want{{event.Meeting, "2025-03-03", "UGA", ""}, {event.Agreement, "2025-03-03", "UGA", ""}}},
		{"a neighbour on other states lends nothing",
			[]extract.Candidate{dated(cand(0, event.Meeting, 0.7, "KEN", "UGA"), "2025-03-03"),
				staged(cand(1, event.Agreement, 0.7, "KEN", "TZA"), event.Signed)},
			[]want{{event.Meeting, "2025-03-03", "", ""}, {event.Agreement, "", "", ""}}},
		{"a far sentence lends nothing",
			[]extract.Candidate{dated(cand(0, event.Meeting, 0.7, "KEN", "UGA"), "2025-03-03"),
				staged(cand(4, event.Agreement, 0.7, "KEN", "UGA"), event.Signed)},
			[]want{{event.Meeting, "2025-03-03", "", ""}, {event.Agreement, "", "", ""}}},
		{"an agreement in the making has no date or place",
			[]extract.Candidate{located(dated(cand(0, event.Meeting, 0.7, "KEN", "UGA"), "2025-03-03"), "UGA"),
				staged(cand(1, event.Agreement, 0.7, "KEN", "UGA"), event.Negotiating)},
			[]want{{event.Meeting, "2025-03-03", "UGA", ""}, {event.Agreement, "", "", ""}}},
		{"recalled history neither lends nor borrows",
			[]extract.Candidate{history(dated(staged(cand(0, event.Agreement, 0.7, "KEN", "UGA"), event.Signed), "2012")),
				cand(1, event.Training, 0.7, "KEN", "UGA")},
			[]want{{event.Agreement, "2012", "", ""}, {event.Training, "", "", ""}}},
		{"a planned act borrows no date",
			[]extract.Candidate{dated(staged(cand(0, event.Agreement, 0.7, "KEN", "UGA"), event.Signed), "2025-03-03"),
				planned(cand(1, event.Exercise, 0.7, "KEN", "UGA"))},
			[]want{{event.Agreement, "2025-03-03", "", ""}, {event.Exercise, "", "", ""}}},
		{"the dateline is the place when none is given, not for a rupture",
			[]extract.Candidate{withDateline(cand(0, event.Meeting, 0.7, "KEN", "SOM")),
				withDateline(cand(5, event.Rupture, 0.7, "KEN", "SOM"))},
			[]want{{event.Meeting, "", "KEN", ""}, {event.Rupture, "", "", ""}}},
		{"an act far from the talks takes their place in its states",
			[]extract.Candidate{located(cand(0, event.Meeting, 0.7, "KEN", "SOM"), "KEN"),
				cand(9, event.Arms, 0.7, "KEN", "SOM"),
				cand(12, event.Training, 0.7, "ETH", "SOM")},
			[]want{{event.Meeting, "", "KEN", ""}, {event.Arms, "", "KEN", ""}, {event.Training, "", "", ""}}},
		{"the page's place goes to no planned act, recalled act nor rupture",
			[]extract.Candidate{located(cand(0, event.Meeting, 0.7, "KEN", "SOM"), "KEN"),
				planned(cand(9, event.Exercise, 0.7, "KEN", "SOM")),
				history(dated(staged(cand(10, event.Agreement, 0.7, "KEN", "SOM"), event.Signed), "2012")),
				cand(12, event.Rupture, 0.7, "KEN", "SOM")},
			[]want{{event.Meeting, "", "KEN", ""}, {event.Exercise, "", "", ""}, {event.Agreement, "2012", "", ""}, {event.Rupture, "", "", ""}}},
		{"the place most acts had wins",
			[]extract.Candidate{located(cand(0, event.Meeting, 0.7, "KEN", "SOM"), "SOM"),
				located(cand(5, event.Exercise, 0.7, "KEN", "SOM"), "KEN"),
				located(cand(7, event.Training, 0.7, "KEN", "SOM"), "KEN"),
				cand(12, event.Arms, 0.7, "KEN", "SOM")},
			[]want{{event.Meeting, "", "SOM", ""}, {event.Exercise, "", "KEN", ""}, {event.Training, "", "KEN", ""}, {event.Arms, "", "KEN", ""}}},
		{"a signing takes the ministers of that month's talks, not a third state's",
			[]extract.Candidate{dated(withMinisters(cand(0, event.Meeting, 0.7, "KEN", "UGA"), "Aden Duale|KEN", "Jacob Oboth|UGA", "Mary Wanjiru|", "Li Wei|CHN"), "2025-03-03"),
				cand(4, event.Arms, 0.7, "KEN", "UGA"),
				dated(staged(cand(9, event.Agreement, 0.7, "KEN", "UGA"), event.Signed), "2025-03-04")},
			[]want{{event.Meeting, "2025-03-03", "", "Aden Duale,Jacob Oboth,Mary Wanjiru,Li Wei"}, {event.Arms, "", "", ""},
				{event.Agreement, "2025-03-04", "", "Aden Duale,Jacob Oboth,Mary Wanjiru"}}},
		{"nor those of talks in another month or a year only",
			[]extract.Candidate{dated(withMinisters(cand(0, event.Meeting, 0.7, "KEN", "UGA"), "Aden Duale|KEN"), "2025-03-03"),
				dated(staged(cand(5, event.Agreement, 0.7, "KEN", "UGA"), event.Signed), "2024-11"),
				dated(staged(cand(9, event.Agreement, 0.7, "KEN", "UGA"), event.Signed), "2025")},
			[]want{{event.Meeting, "2025-03-03", "", "Aden Duale"}, {event.Agreement, "2024-11", "", ""}, {event.Agreement, "2025", "", ""}}},
		{"a given place beats the dateline",
			[]extract.Candidate{withDateline(located(cand(0, event.Meeting, 0.7, "KEN", "SOM"), "SOM"))},
			[]want{{event.Meeting, "", "SOM", ""}}},
		{"persons of the next sentence join the act",
			[]extract.Candidate{staged(cand(0, event.Agreement, 0.7, "KEN", "UGA"), event.Signed),
				attach(withPersons(cand(1, "", 0, "UGA"), "Jacob Oboth"))},
			[]want{{event.Agreement, "", "", "Jacob Oboth"}}},
		{"persons of a sentence about another state do not",
			[]extract.Candidate{staged(cand(0, event.Agreement, 0.7, "KEN", "UGA"), event.Signed),
				attach(withPersons(cand(1, "", 0, "CAN"), "Louise Tremblay"))},
			[]want{{event.Agreement, "", "", ""}}},
		{"persons after recalled history go to the news",
			[]extract.Candidate{dated(staged(cand(0, event.Agreement, 0.7, "KEN", "UGA"), event.Signed), "2025-03-03"),
				history(dated(staged(cand(1, event.Agreement, 0.7, "KEN", "UGA"), event.Signed), "2012")),
				attach(withPersons(cand(2, "", 0), "Jacob Oboth"))},
			[]want{{event.Agreement, "2025-03-03", "", "Jacob Oboth"}, {event.Agreement, "2012", "", ""}}},
		{"delegations attending a signing are no meeting",
			[]extract.Candidate{staged(cand(0, event.Agreement, 0.7, "KEN", "UGA"), event.Signed),
				func() extract.Candidate {
					c := withPersons(cand(1, event.Meeting, 0.5, "KEN", "UGA"), "Aden Duale")
					c.Weak = true
					return c
				}()},
			[]want{{event.Agreement, "", "", "Aden Duale"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := extract.Fold(article, c.cands)
			if len(got) != len(c.want) {
				t.Fatalf("%d events, want %d:%s", len(got), len(c.want), describe(got))
			}
			for i, w := range c.want {
				e := got[i]
				loc := ""
				if e.Location != nil {
					loc = e.Location.Country
				}
				var names []string
				for _, p := range e.Persons {
					names = append(names, p.Name)
				}
				if e.Type != w.typ || e.Date != w.date || loc != w.loc || strings.Join(names, ",") != w.names {
					t.Errorf("event %d: %s date=%q loc=%q persons=%q, want %s date=%q loc=%q persons=%q",
						i, e.Type, e.Date, loc, strings.Join(names, ","), w.typ, w.date, w.loc, w.names)
				}
			}
		})
	}
}

// TestFoldTalksTopics checks that talks take the domains at least three of
// the page's other acts share, and only those.
func TestFoldTalksTopics(t *testing.T) {
	got := extract.Fold("test", []extract.Candidate{cand(0, event.Meeting, 0.7, "KEN", "UGA"),
		domains(cand(3, event.Arms, 0.7, "KEN", "UGA"), "maritime"),
		domains(cand(6, event.Training, 0.7, "KEN", "UGA"), "maritime", "training"),
		domains(cand(9, event.Exercise, 0.7, "KEN", "UGA"), "maritime")})
	if len(got) != 4 || got[0].Type != event.Meeting {
		t.Fatalf("got %s", describe(got))
	}
	if d := strings.Join(got[0].Domains, ","); d != "maritime" {
		t.Errorf("talks' domains %q, want maritime (training is shared by one act only)", d)
	}
}

// TestFoldOwnDomains checks that the domains whose words are as often
// about something else around an act (economic, welfare, human resources,
// governance, capacity building, logistics) come to a transfer, a drill or
// a course only from its own sentence, never from an attached one; talks
// still take the themes the page's acts share.
func TestFoldOwnDomains(t *testing.T) {
	attached := domains(cand(1, "", 0.4, "KEN", "UGA"), "economic", "maritime", "welfare")
	attached.Attach = true
	got := extract.Fold("test", []extract.Candidate{domains(cand(0, event.Arms, 0.7, "KEN", "UGA"), "counterterrorism"), attached,
		domains(cand(3, event.Training, 0.7, "KEN", "UGA"), "economic"),
		domains(cand(6, event.Exercise, 0.7, "KEN", "UGA"), "economic"),
		domains(cand(9, event.Aid, 0.7, "KEN", "UGA"), "economic"),
		cand(12, event.Meeting, 0.7, "KEN", "UGA")})
	for _, e := range got {
		switch d := strings.Join(e.Domains, ","); {
		case e.Type == event.Arms && d != "counterterrorism,maritime":
			t.Errorf("arms domains %q, want its own counterterrorism and the attached maritime", d)
		case e.Type == event.Meeting && d != "economic":
			t.Errorf("talks' domains %q, want economic, the theme of three acts", d)
		}
	}
}
