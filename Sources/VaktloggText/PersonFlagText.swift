public import VaktloggCore

/// Texts of `vaktlogg person flag`.
public enum PersonFlagText {
    /// A flag was set or lifted.
    public static func changed(person: String, flag: PersonFlag, set: Bool, id: Int64) -> LocalizedText {
        set ? LocalizedText(nb: "Flagget «\(flag.label.nb)» er satt på \(person) (endring \(id)).",
                            en: "Flag “\(flag.label.en)” set on \(person) (change \(id)).")
            : LocalizedText(nb: "Flagget «\(flag.label.nb)» er opphevet for \(person) (endring \(id)).",
                            en: "Flag “\(flag.label.en)” lifted for \(person) (change \(id)).")
    }

    /// The flags in force on a person (a logged read).
    public static func current(person: String, flags: [PersonFlag]) -> LocalizedText {
        flags.isEmpty
            ? LocalizedText(nb: "\(person) har ingen flagg.", en: "\(person) has no flags.")
            : LocalizedText(nb: "\(person): " + flags.map(\.label.nb).joined(separator: ", "),
                            en: "\(person): " + flags.map(\.label.en).joined(separator: ", "))
    }

    /// --set and --lift together, or neither with --reason.
    public static let setOrLift = LocalizedText(
        nb: "bruk enten --set FLAGG eller --lift FLAGG (flagg: forvaring, infoflyt, remand_restricted)",
        en: "use either --set FLAG or --lift FLAG (flags: forvaring, infoflyt, remand_restricted)")

    /// A change needs a reason.
    public static let reasonRequired = LocalizedText(
        nb: "en endring av et flagg krever --reason", en: "changing a flag needs --reason")
}
