public import VaktloggCore

/// The texts of administration (`region`, `unit`, `user`) and of its input checks, bokmål and English.
public enum AdminText {
    /// Input echoed back in a message, cut short so a pasted paragraph does not flood the terminal.
    public static func echo(_ raw: String) -> String {
        let s = raw.count > 40 ? String(raw.prefix(40)) + "…" : raw
        return s
    }

    public static func badUnitCode(_ raw: String) -> LocalizedText {
        LocalizedText(
            nb: "ugyldig enhetskode «\(echo(raw))»; tillatt: 2–12 tegn, A–Z og 0–9, som begynner med en bokstav (f.eks. OSLO, BERGEN2)",
            en: "invalid unit code \"\(echo(raw))\"; allowed: 2–12 characters A–Z and 0–9, starting with a letter (e.g. OSLO, BERGEN2)")
    }

    public static func badRegionCode(_ raw: String) -> LocalizedText {
        LocalizedText(
            nb: "ugyldig regionkode «\(echo(raw))»; tillatt: 2–16 tegn, A–Z, 0–9 og _, som begynner med en bokstav (f.eks. OST)",
            en: "invalid region code \"\(echo(raw))\"; allowed: 2–16 characters A–Z, 0–9 and _, starting with a letter (e.g. OST)")
    }

    public static func badUserName(_ raw: String) -> LocalizedText {
        LocalizedText(
            nb: "ugyldig brukernavn «\(echo(raw))»; tillatt: 2–63 tegn, a–z, 0–9, punktum, _ og -, som begynner med en bokstav (f.eks. kari.nordmann)",
            en: "invalid user name \"\(echo(raw))\"; allowed: 2–63 characters a–z, 0–9, dot, _ and -, starting with a letter (e.g. kari.nordmann)")
    }

    public static func unknownRole(_ raw: String) -> LocalizedText {
        let nb = UserRole.allCases.map { "\($0.rawValue) (\($0.label.nb))" }.joined(separator: ", ")
        let en = UserRole.allCases.map { "\($0.rawValue) (\($0.label.en))" }.joined(separator: ", ")
        return LocalizedText(nb: "ukjent rolle «\(echo(raw))»; tillatte roller: \(nb)",
                             en: "unknown role \"\(echo(raw))\"; allowed roles: \(en)")
    }

    public static func unknownUnitType(_ raw: String) -> LocalizedText {
        let nb = UnitType.allCases.map { "\($0.rawValue) (\($0.label.nb))" }.joined(separator: ", ")
        let en = UnitType.allCases.map { "\($0.rawValue) (\($0.label.en))" }.joined(separator: ", ")
        return LocalizedText(nb: "ukjent enhetstype «\(echo(raw))»; tillatte typer: \(nb)",
                             en: "unknown unit type \"\(echo(raw))\"; allowed types: \(en)")
    }

    public static func badSecurityLevel(_ level: Int) -> LocalizedText {
        LocalizedText(nb: "sikkerhetsnivå \(level) er utenfor 1–3 (1 er høyest)",
                      en: "security level \(level) is outside 1–3 (1 is highest)")
    }

    public static let blank = LocalizedText(nb: "kan ikke være tom", en: "cannot be blank")
    public static let controlCharacters = LocalizedText(nb: "inneholder kontrolltegn", en: "contains control characters")

    public static func tooLong(_ max: Int) -> LocalizedText {
        LocalizedText(nb: "for lang (høyst \(max) tegn)", en: "too long (at most \(max) characters)")
    }

    public static func known(_ codes: [String], nb: String, en: String) -> LocalizedText {
        guard !codes.isEmpty else { return LocalizedText(nb: nb + " (ingen finnes ennå)", en: en + " (none exist yet)") }
        let shown = codes.prefix(30).joined(separator: ", ") + (codes.count > 30 ? ", …" : "")
        return LocalizedText(nb: "\(nb); kjente: \(shown)", en: "\(en); known: \(shown)")
    }

    public static func unknownRegion(_ code: String, known: [String]) -> LocalizedText {
        let base = Self.known(known, nb: "ukjent region \(code)", en: "unknown region \(code)")
        return LocalizedText(nb: base.nb + ". Opprett den med: vaktlogg region add \(code) --name NAVN",
                             en: base.en + ". Create it with: vaktlogg region add \(code) --name NAME")
    }

    public static func unknownUnits(_ codes: [String], known: [String]) -> LocalizedText {
        let list = codes.joined(separator: ", ")
        return Self.known(known, nb: "ukjent enhet \(list)", en: "unknown unit \(list)")
    }

    public static func duplicateUnit(_ code: String) -> LocalizedText {
        LocalizedText(nb: "enheten \(code) finnes allerede", en: "the unit \(code) already exists")
    }

    public static func duplicateRegion(_ code: String) -> LocalizedText {
        LocalizedText(nb: "regionen \(code) finnes allerede", en: "the region \(code) already exists")
    }

    public static func duplicateUser(_ name: String, disabled: Bool) -> LocalizedText {
        disabled
            ? LocalizedText(nb: "brukeren \(name) finnes allerede (deaktivert); velg et annet brukernavn",
                            en: "the user \(name) already exists (disabled); choose another user name")
            : LocalizedText(nb: "brukeren \(name) finnes allerede", en: "the user \(name) already exists")
    }

    public static func unitRequired(_ role: UserRole) -> LocalizedText {
        LocalizedText(nb: "rollen \(role.rawValue) krever minst én enhet (--unit KODE)",
                      en: "the role \(role.rawValue) needs at least one unit (--unit CODE)")
    }

    public static let adminRequired = LocalizedText(nb: "bare en administrator kan gjøre dette",
                                             en: "only an administrator may do this")

    public static func notDisabled(_ name: String) -> LocalizedText {
        LocalizedText(nb: "ingen deaktivert bruker \(name)", en: "no disabled user \(name)")
    }

    public static func unknownUser(_ name: String) -> LocalizedText {
        LocalizedText(nb: "ukjent eller allerede deaktivert bruker \(name)",
                      en: "unknown or already disabled user \(name)")
    }

    // What the administration commands print.

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
