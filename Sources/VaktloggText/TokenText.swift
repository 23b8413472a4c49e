public import VaktloggCore

/// Texts of `vaktlogg token` (API tokens of the HTTP service).
public enum TokenText {
    public static func created(id: Int64, user: String) -> LocalizedText {
        LocalizedText(nb: "Nøkkel \(id) for \(user) opprettet. Den vises bare denne ene gangen:",
                      en: "Token \(id) for \(user) created. It is shown this once only:")
    }
    public static func revoked(id: Int64) -> LocalizedText {
        LocalizedText(nb: "Nøkkel \(id) tilbakekalt.", en: "Token \(id) revoked.")
    }
    public static let none = LocalizedText(nb: "Ingen nøkler. Opprett med: vaktlogg token create --user NAVN",
                                           en: "No tokens. Create one with: vaktlogg token create --user NAME")
    public static let id = LocalizedText(nb: "ID", en: "ID")
    public static let user = LocalizedText(nb: "BRUKER", en: "USER")
    public static let createdColumn = LocalizedText(nb: "OPPRETTET", en: "CREATED")
    public static let expires = LocalizedText(nb: "UTLØPER", en: "EXPIRES")
    public static let state = LocalizedText(nb: "STATUS", en: "STATE")
    public static let active = LocalizedText(nb: "aktiv", en: "active")
    public static let revokedState = LocalizedText(nb: "tilbakekalt", en: "revoked")
    public static let never = LocalizedText(nb: "aldri", en: "never")
}
