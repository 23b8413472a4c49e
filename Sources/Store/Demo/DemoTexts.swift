/// Norwegian entry texts of the demonstration data, per kind and category, with the probability and
/// consequence a coordinator would typically give. `{p}` is replaced by a person reference.
enum DemoTexts {
    struct Template {
        let kind: String
        let category: String
        let text: String
        let probability: Int
        let consequence: Int
        let personRole: String?
    }

    static let templates: [Template] = [
        // incidents
        .init(kind: "incident", category: "violence_staff", text: "Innsatt {p} slo betjent i ansiktet under innlåsing på avdeling B. Betjent sendt til legevakt, alarm utløst.", probability: 3, consequence: 4, personRole: "inmate"),
        .init(kind: "incident", category: "violence_inmate", text: "Slåsskamp mellom to innsatte i luftegården. {p} fikk kutt over øyet, tilsett av helsetjenesten.", probability: 3, consequence: 3, personRole: "inmate"),
        .init(kind: "incident", category: "threat_staff", text: "{p} truet betjent verbalt etter avslag på telefonsamtale: «Jeg vet hvor du bor».", probability: 3, consequence: 3, personRole: "inmate"),
        .init(kind: "incident", category: "self_harm", text: "{p} funnet med kuttskader på celle ved nattrunde kl. 02.40. Førstehjelp gitt, lege tilkalt.", probability: 2, consequence: 4, personRole: "inmate"),
        .init(kind: "incident", category: "overdose", text: "{p} uresponsiv på celle, mistanke om overdose. Nalokson gitt, fraktet til sykehus.", probability: 2, consequence: 5, personRole: "inmate"),
        .init(kind: "incident", category: "contraband_drugs", text: "Funnet ca. 4 gram hvitt pulver i sokk under celleransaking hos {p}.", probability: 3, consequence: 3, personRole: "inmate"),
        .init(kind: "incident", category: "contraband_phone", text: "Mobiltelefon funnet skjult i madrass under ransaking av celle til {p}.", probability: 4, consequence: 2, personRole: "inmate"),
        .init(kind: "incident", category: "drone_throwover", text: "Pakke kastet over muren ved verkstedbygget; inneholdt tobakk og to SIM-kort.", probability: 3, consequence: 2, personRole: nil),
        .init(kind: "incident", category: "unrest", text: "Kollektiv nektelse av innlåsing på avdeling C, seks innsatte. Avsluttet etter samtale etter 40 minutter.", probability: 2, consequence: 3, personRole: nil),
        .init(kind: "incident", category: "damage", text: "{p} knuste vindu og ødela inventar på celle.", probability: 3, consequence: 2, personRole: "inmate"),
        .init(kind: "incident", category: "fire", text: "Røykutvikling fra celle etter at {p} tente på madrass. Evakuert avdeling, brannvesen varslet.", probability: 1, consequence: 5, personRole: "inmate"),
        .init(kind: "incident", category: "leave_breach", text: "{p} returnerte fra permisjon to timer for sent og påvirket av alkohol.", probability: 3, consequence: 2, personRole: "convict"),
        .init(kind: "incident", category: "abscond", text: "{p} møtte ikke etter endt permisjon. Politiet varslet kl. 18.30.", probability: 2, consequence: 4, personRole: "convict"),
        .init(kind: "incident", category: "transport", text: "Under framstilling til tingretten forsøkte {p} å løpe fra eskorten ved bilen. Stanset etter få meter.", probability: 2, consequence: 4, personRole: "remand"),
        // deviations
        .init(kind: "deviation", category: "count_mismatch", text: "Telling kl. 21.00 viste én innsatt for lite på avdeling A; avklart etter 12 minutter (feilføring i liste).", probability: 3, consequence: 3, personRole: nil),
        .init(kind: "deviation", category: "door_lock", text: "Celledør på avdeling B funnet ulåst ved nattrunde.", probability: 3, consequence: 3, personRole: nil),
        .init(kind: "deviation", category: "key_control", text: "Nøkkelknippe 14 ikke levert tilbake i nøkkelskap ved vaktskifte.", probability: 2, consequence: 3, personRole: nil),
        .init(kind: "deviation", category: "search_missed", text: "Planlagt ransaking av verkstedet ble ikke gjennomført på grunn av bemanning.", probability: 3, consequence: 2, personRole: nil),
        .init(kind: "deviation", category: "staffing_below_minimum", text: "Nattbemanning under minimum (4 av 6) på grunn av sykdom; innleie ikke mulig.", probability: 4, consequence: 3, personRole: nil),
        .init(kind: "deviation", category: "equipment_failure", text: "Kamera 7 i luftegården ute av drift i tre timer. Meldt til drift.", probability: 3, consequence: 2, personRole: nil),
        .init(kind: "deviation", category: "maintenance", text: "Defekt lås i porten ved varemottaket; vedlikeholdsetterslep meldt tidligere.", probability: 3, consequence: 3, personRole: nil),
        .init(kind: "deviation", category: "routine_breach", text: "Besøk gjennomført uten forutgående kontroll av besøkende mot besøksliste.", probability: 2, consequence: 2, personRole: nil),
        .init(kind: "deviation", category: "personal_data", text: "Utskrift med innsattopplysninger funnet i skriveren på besøksavdelingen.", probability: 2, consequence: 3, personRole: nil),
        .init(kind: "deviation", category: "hse", text: "Betjent skadet hånd på defekt dørhåndtak i sluse 2.", probability: 2, consequence: 2, personRole: nil),
        // manipulation reports
        .init(kind: "manipulation", category: "gifts_favours", text: "{p} tilbød betjent snus og «en tjeneste tilbake» mot å ta med et brev ut.", probability: 3, consequence: 3, personRole: "inmate"),
        .init(kind: "manipulation", category: "private_probing", text: "{p} spurte gjentatte ganger om hvor betjenten bor og om barna hennes.", probability: 3, consequence: 3, personRole: "inmate"),
        .init(kind: "manipulation", category: "boundary_testing", text: "{p} forsøkte å få betjent til å dele ut ekstra telefontid «bare denne gangen».", probability: 4, consequence: 2, personRole: "inmate"),
        .init(kind: "manipulation", category: "relationship_building", text: "{p} har over flere uker søkt påfallende mye kontakt med en nyansatt betjent og gitt komplimenter.", probability: 3, consequence: 3, personRole: "inmate"),
        .init(kind: "manipulation", category: "pressure_threats", text: "{p} antydet at betjentens familie «kunne få problemer» hvis en sak ikke ble ordnet.", probability: 3, consequence: 4, personRole: "inmate"),
        .init(kind: "manipulation", category: "smuggling_request", text: "{p} ba betjent ta med mobiltelefon inn mot betaling.", probability: 3, consequence: 4, personRole: "inmate"),
        // threat events
        .init(kind: "threat", category: "escape_plan", text: "Informasjon fra medinnsatt om at {p} planlegger rømning under framstilling.", probability: 2, consequence: 5, personRole: "inmate"),
        .init(kind: "threat", category: "violence_plan", text: "Opplysninger om planlagt angrep på medinnsatt {p} i luftegården.", probability: 3, consequence: 4, personRole: "inmate"),
        .init(kind: "threat", category: "threat_staff_family", text: "Sosiale medier: trusler mot betjents familie fra personer tilknyttet {p}.", probability: 2, consequence: 4, personRole: "inmate"),
        .init(kind: "threat", category: "organised_crime", text: "Politiet (INFOFLYT) opplyser at {p} fortsatt styrer narkotikaomsetning fra innsiden via besøkende.", probability: 4, consequence: 4, personRole: "inmate"),
        .init(kind: "threat", category: "radicalisation", text: "Endret atferd og deling av ekstremistisk materiale hos {p}; observert av kontaktbetjent.", probability: 2, consequence: 4, personRole: "inmate"),
        .init(kind: "threat", category: "contraband_route", text: "Mistanke om innsmugling via besøkende ved besøksavdelingen på fredager.", probability: 3, consequence: 3, personRole: nil),
        .init(kind: "threat", category: "cyber", text: "Phishing-e-post rettet mot ansatte med lenke til falsk innloggingsside for KIA.", probability: 3, consequence: 2, personRole: nil),
    ]

    static let comments = [
        "Fulgt opp med samtale samme dag.", "Helsetjenesten orientert.", "Kontaktbetjent informert.",
        "Gjennomgått på morgenmøtet.", "Ansvarlig leder orientert per telefon.",
    ]
    static let causes = [
        "Mangelfull opplæring av vikarer i rutinen.", "Rutinen er uklar og ikke oppdatert etter ombygging.",
        "Høy arbeidsbelastning ved vaktskifte.", "Teknisk feil som har vært kjent uten å bli utbedret.",
    ]
    static let measures = [
        "Rutinen oppdateres og gjennomgås med alle vaktlag.", "Utstyret byttes og kontrolleres ukentlig.",
        "Innført sjekkliste ved vaktskifte.", "Ekstra opplæring for vikarer før første vakt.",
    ]
    static let verifications = [
        "Stikkprøver i fire uker uten nye avvik.", "Kontrollert ved to etterfølgende tellinger.",
        "Sjekklisten er i bruk; revisjon viste full etterlevelse.",
    ]
}
