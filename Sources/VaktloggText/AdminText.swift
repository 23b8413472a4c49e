public import VaktloggCore

/// What the administration commands (`region`, `unit`, `user`) print, bokmål and English (their
/// refusals are Store errors: ``StoreErrorText``).
public enum AdminText {

    public static func regionAdded(code: String, name: String) -> LocalizedText {
        LocalizedText(nb: "Region \(code) opprettet: \(name)", en: "Region \(code) added: \(name)")
    }

    public static func unitAdded(code: String, name: String, type: UnitType, region: String, securityLevel: Int) -> LocalizedText {
        LocalizedText(
            nb: "Enhet \(code) opprettet: \(name), \(type.label.nb), region \(region), sikkerhetsnivå \(securityLevel)",
            en: "Unit \(code) added: \(name), \(type.label.en), region \(region), security level \(securityLevel)")
    }

    public static func userAdded(name: String, role: UserRole, units: [String], homeUnit: String?) -> LocalizedText {
        let units = units.isEmpty ? nil : units.joined(separator: ", ")
        return LocalizedText(
            nb: "Bruker \(name) opprettet: \(role.rawValue) (\(role.label.nb))"
                + (units.map { ", enheter \($0) (hjemmeenhet \(homeUnit ?? "-"))" } ?? ", alle enheter (lesing)"),
            en: "User \(name) added: \(role.rawValue) (\(role.label.en))"
                + (units.map { ", units \($0) (home unit \(homeUnit ?? "-"))" } ?? ", all units (reading)"))
    }

    public static func userEnabled(_ name: String) -> LocalizedText {
        LocalizedText(nb: "Bruker \(name) er aktiv igjen og kan logge inn", en: "User \(name) is active again and can log in")
    }

    public static func userDisabled(_ name: String) -> LocalizedText {
        LocalizedText(nb: "Bruker \(name) er deaktivert: kan ikke lenger logge inn; det brukeren har ført, beholdes",
                      en: "User \(name) is disabled: can no longer log in; what the user recorded is kept")
    }

    public static let noRegions = LocalizedText(nb: "Ingen regioner. Opprett med: vaktlogg region add KODE --name NAVN",
                                         en: "No regions. Add one with: vaktlogg region add CODE --name NAME")
    public static let noUnits = LocalizedText(nb: "Ingen enheter. Opprett med: vaktlogg unit add KODE --name … --type … --region …",
                                       en: "No units. Add one with: vaktlogg unit add CODE --name … --type … --region …")

    // Column headings.
    public static let code = LocalizedText(nb: "KODE", en: "CODE")
    public static let name = LocalizedText(nb: "NAVN", en: "NAME")
    public static let type = LocalizedText(nb: "TYPE", en: "TYPE")
    public static let region = LocalizedText(nb: "REGION", en: "REGION")
    public static let level = LocalizedText(nb: "NIVÅ", en: "LEVEL")
    public static let open = LocalizedText(nb: "ÅPNE", en: "OPEN")
    public static let units = LocalizedText(nb: "ENHETER", en: "UNITS")
    public static let user = LocalizedText(nb: "BRUKER", en: "USER")
    public static let role = LocalizedText(nb: "ROLLE", en: "ROLE")
    public static let status = LocalizedText(nb: "STATUS", en: "STATUS")
    public static let active = LocalizedText(nb: "aktiv", en: "active")
    public static func disabled(_ at: String) -> LocalizedText {
        LocalizedText(nb: "deaktivert \(at)", en: "disabled \(at)")
    }
}
