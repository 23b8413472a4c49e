/// Norwegian entry texts for the synthetic data set: the demo's templates where a category has one,
/// otherwise a sentence built from the category's code, a place and a time, with follow-up
/// sentences of varying number so texts range from one line to a long report.
enum SyntheticTexts {
    static let places = [
        "avdeling A", "avdeling B", "avdeling C", "luftegården", "besøksavdelingen", "verkstedet", "skolen",
        "sluse 2", "porten ved varemottaket", "kjøkkenet", "helseavdelingen", "isolat 3", "gangen i 2. etasje",
        "venterommet", "kontoret", "parkeringsplassen",
    ]
    static let followUps = [
        "Vakthavende ble varslet umiddelbart.", "Forholdet er dokumentert med bilder.",
        "Innsatte ble innelåst mens situasjonen ble avklart.", "Kamera i området er sikret for gjennomgang.",
        "Helsetjenesten ble orientert.", "Saken meldes videre til sikkerhetsleder.",
        "Ingen personskade.", "Vitner er notert.", "Rutinen ble fulgt, men tok lengre tid enn vanlig.",
        "Ansvarlig leder er informert per telefon.", "Det er ikke funnet flere gjenstander.",
        "Forholdet vurderes anmeldt.", "Oppfølging avtales på morgenmøtet.",
    ]
    static let amendmentReasons = [
        "Feil klokkeslett og sted i første registrering.", "Supplert etter samtale med vitne.",
        "Risikovurderingen justert etter ny informasjon.", "Skrivefeil rettet.",
    ]
    static let reopenReasons = [
        "Nye opplysninger om hendelsen.", "Tiltaket virket ikke som forutsatt.",
    ]
    static let assessmentSummaries = [
        "Tidligere voldshistorikk og nettverk i miljøet.", "Gjentatte trusler mot ansatte siste måneder.",
        "Rusavhengighet og gjeld i miljøet øker risikoen.", "Stabil atferd, men alvorlig hendelse nylig.",
    ]
    static let decisions = [
        "Besøk innvilget med tilsyn.", "Permisjon utsatt til ny vurdering.", "Overføring til annen avdeling.",
        "Telefontid begrenset i to uker.",
    ]
    static let policeJustifications = [
        "Opplysningene gjelder organisert kriminalitet; politiet informeres via INFOFLYT.",
        "Personen er INFOFLYT-subjekt; opplysningene deles med politiet.",
        "Opplysningene er allerede kjent for politiet; ikke grunnlag for ny melding.",
    ]

    static var templates: [String: [String]] {
        var out: [String: [String]] = [:]
        for t in DemoTexts.templates { out["\(t.kind)/\(t.category)", default: []].append(t.text) }
        return out
    }
}
