import Store
import VaktloggCore

/// The user-facing texts of `region`, `unit` and `user`, bokmål and English, in one catalogue.
enum AdminText {
    static func regionAdded(_ r: Region) -> LocalizedText {
        LocalizedText(nb: "Region \(r.code) opprettet: \(r.name)", en: "Region \(r.code) added: \(r.name)")
    }

    static func unitAdded(_ u: UnitSummary) -> LocalizedText {
        LocalizedText(
            nb: "Enhet \(u.code) opprettet: \(u.name), \(u.type.label.nb), region \(u.region), sikkerhetsnivå \(u.securityLevel)",
            en: "Unit \(u.code) added: \(u.name), \(u.type.label.en), region \(u.region), security level \(u.securityLevel)")
    }

    static func userAdded(_ u: UserAccount) -> LocalizedText {
        let units = u.units.isEmpty ? nil : u.units.joined(separator: ", ")
        return LocalizedText(
            nb: "Bruker \(u.name) opprettet: \(u.role.rawValue) (\(u.role.label.nb))"
                + (units.map { ", enheter \($0) (hjemmeenhet \(u.homeUnit ?? "-"))" } ?? ", alle enheter (lesing)"),
            en: "User \(u.name) added: \(u.role.rawValue) (\(u.role.label.en))"
                + (units.map { ", units \($0) (home unit \(u.homeUnit ?? "-"))" } ?? ", all units (reading)"))
    }

    static func userEnabled(_ name: String) -> LocalizedText {
        LocalizedText(nb: "Bruker \(name) er aktiv igjen og kan logge inn", en: "User \(name) is active again and can log in")
    }

    static func userDisabled(_ name: String) -> LocalizedText {
        LocalizedText(nb: "Bruker \(name) er deaktivert: kan ikke lenger logge inn; det brukeren har ført, beholdes",
                      en: "User \(name) is disabled: can no longer log in; what the user recorded is kept")
    }

    static let noRegions = LocalizedText(nb: "Ingen regioner. Opprett med: vaktlogg region add KODE --name NAVN",
                                         en: "No regions. Add one with: vaktlogg region add CODE --name NAME")
    static let noUnits = LocalizedText(nb: "Ingen enheter. Opprett med: vaktlogg unit add KODE --name … --type … --region …",
                                       en: "No units. Add one with: vaktlogg unit add CODE --name … --type … --region …")

    // Column headings.
    static let code = LocalizedText(nb: "KODE", en: "CODE")
    static let name = LocalizedText(nb: "NAVN", en: "NAME")
    static let type = LocalizedText(nb: "TYPE", en: "TYPE")
    static let region = LocalizedText(nb: "REGION", en: "REGION")
    static let level = LocalizedText(nb: "NIVÅ", en: "LEVEL")
    static let open = LocalizedText(nb: "ÅPNE", en: "OPEN")
    static let units = LocalizedText(nb: "ENHETER", en: "UNITS")
    static let user = LocalizedText(nb: "BRUKER", en: "USER")
    static let role = LocalizedText(nb: "ROLLE", en: "ROLE")
    static let status = LocalizedText(nb: "STATUS", en: "STATUS")
    static let active = LocalizedText(nb: "aktiv", en: "active")
    static func disabled(_ at: String) -> LocalizedText {
        LocalizedText(nb: "deaktivert \(at)", en: "disabled \(at)")
    }
}
