import VaktloggCore

/// The refusal texts of the rules module, in both product languages, in one place.
enum Msg {
    static let required = LocalizedText(nb: "må fylles ut", en: "is required")
    static let unknownField = LocalizedText(
        nb: "ukjent felt (en skrivefeil skal ikke kunne endre en vurdering)",
        en: "unknown field (a typo must not silently change a judgement)")
    static let duplicateField = LocalizedText(nb: "feltet er gitt to ganger", en: "field given twice")
    static let fixedByStrategy = LocalizedText(
        nb: "interessenes vekting og de absolutte reglene er fastsatt av sikkerhetsstrategien og kan ikke settes i en regelfil",
        en: "the interest tiers and the strict rules are fixed by the security strategy and cannot be set in a rule file")
    static let timestampFormat = LocalizedText(
        nb: "forventet tidspunkt i RFC 3339-format, f.eks. 2024-05-01T12:00:00Z",
        en: "expected an RFC 3339 timestamp, e.g. 2024-05-01T12:00:00Z")
    static let dateFormat = LocalizedText(nb: "forventet dato ÅÅÅÅ-MM-DD", en: "expected a date YYYY-MM-DD")
    static let duplicateValue = LocalizedText(nb: "verdien er gitt to ganger", en: "duplicate value")
    static let blank = LocalizedText(nb: "kan ikke være tom", en: "must not be blank")

    static func expected(_ type: String, _ got: String) -> LocalizedText {
        let nbType = ["object": "objekt", "integer": "heltall", "number": "tall", "boolean": "sannhetsverdi",
                      "string": "tekst", "array": "liste", "null": "null"]
        return LocalizedText(
            nb: "forventet \(nbType[type] ?? type), fikk \(nbType[got] ?? got)",
            en: "expected \(type), got \(got)")
    }

    static func range(_ r: ClosedRange<Int>) -> LocalizedText {
        LocalizedText(nb: "må være et heltall fra \(r.lowerBound) til \(r.upperBound)",
                      en: "must be an integer from \(r.lowerBound) to \(r.upperBound)")
    }

    static func atLeast(_ minimum: Double) -> LocalizedText {
        let m = JSONValue.double(minimum).canonicalJSON
        return LocalizedText(nb: "må være minst \(m)", en: "must be at least \(m)")
    }

    static func unknownCode(_ raw: String, _ known: [String]) -> LocalizedText {
        let list = known.joined(separator: ", ")
        return LocalizedText(nb: "ukjent kode «\(raw)»; gyldige: \(list)", en: "unknown code \"\(raw)\"; valid: \(list)")
    }
}
