public import VaktloggCore

/// Texts of `vaktlogg unit deadlines` and the effective deadlines of a unit.
public enum UnitDeadlineText {
    /// `--set` not of the form key=value.
    public static func notKeyValue(_ input: String) -> LocalizedText {
        LocalizedText(nb: "«\(input)» er ikke på formen nøkkel=verdi", en: "“\(input)” is not of the form key=value")
    }

    /// An unknown deadline key.
    public static func unknownKey(_ key: String, allowed: [String]) -> LocalizedText {
        LocalizedText(nb: "ukjent fristnøkkel «\(key)»; tillatt: \(allowed.joined(separator: ", "))",
                      en: "unknown deadline key “\(key)”; allowed: \(allowed.joined(separator: ", "))")
    }

    /// A value that is not a whole number in range.
    public static func badValue(_ key: String, _ value: String) -> LocalizedText {
        LocalizedText(nb: "\(key): «\(value)» er ikke et heltall fra 1 til 100000 (eller «default» for regelsettets verdi)",
                      en: "\(key): “\(value)” is not a whole number from 1 to 100000 (or “default” for the rule set's value)")
    }

    /// Nothing to change.
    public static let nothingToSet = LocalizedText(
        nb: "oppgi minst én --set nøkkel=verdi", en: "give at least one --set key=value")

    /// A change needs a reason.
    public static let reasonRequired = LocalizedText(
        nb: "en endring av frister krever --reason", en: "changing deadlines needs --reason")

    /// Heading of the effective deadlines of a unit.
    public static func heading(unit: String, version: String) -> LocalizedText {
        LocalizedText(nb: "Frister for nye oppføringer i \(unit) (regelsett \(version)):",
                      en: "Deadlines for new entries in \(unit) (rule set \(version)):")
    }

    /// Marks a value the unit overrides.
    public static func overridden(ruleSet value: Int) -> LocalizedText {
        LocalizedText(nb: "enhetens verdi; regelsettet: \(value)", en: "the unit's value; rule set: \(value)")
    }

    /// Overrides were recorded.
    public static func recorded(unit: String, count: Int) -> LocalizedText {
        LocalizedText(nb: "\(count) fristendring(er) registrert for \(unit); gjelder nye oppføringer.",
                      en: "\(count) deadline change(s) recorded for \(unit); they apply to new entries.")
    }
}
