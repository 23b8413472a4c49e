import VaktloggCore

/// The messages of administration and input checks, bokmål and English, in one catalogue.
enum AdminText {
    /// Input echoed back in a message, cut short so a pasted paragraph does not flood the terminal.
    static func echo(_ raw: String) -> String {
        let s = raw.count > 40 ? String(raw.prefix(40)) + "…" : raw
        return s
    }

    static func badUnitCode(_ raw: String) -> LocalizedText {
        LocalizedText(
            nb: "ugyldig enhetskode «\(echo(raw))»; tillatt: 2–12 tegn, A–Z og 0–9, som begynner med en bokstav (f.eks. OSLO, BERGEN2)",
            en: "invalid unit code \"\(echo(raw))\"; allowed: 2–12 characters A–Z and 0–9, starting with a letter (e.g. OSLO, BERGEN2)")
    }

    static func badRegionCode(_ raw: String) -> LocalizedText {
        LocalizedText(
            nb: "ugyldig regionkode «\(echo(raw))»; tillatt: 2–16 tegn, A–Z, 0–9 og _, som begynner med en bokstav (f.eks. OST)",
            en: "invalid region code \"\(echo(raw))\"; allowed: 2–16 characters A–Z, 0–9 and _, starting with a letter (e.g. OST)")
    }

    static func badUserName(_ raw: String) -> LocalizedText {
        LocalizedText(
            nb: "ugyldig brukernavn «\(echo(raw))»; tillatt: 2–63 tegn, a–z, 0–9, punktum, _ og -, som begynner med en bokstav (f.eks. kari.nordmann)",
            en: "invalid user name \"\(echo(raw))\"; allowed: 2–63 characters a–z, 0–9, dot, _ and -, starting with a letter (e.g. kari.nordmann)")
    }

    static func unknownRole(_ raw: String) -> LocalizedText {
        let nb = UserRole.allCases.map { "\($0.rawValue) (\($0.label.nb))" }.joined(separator: ", ")
        let en = UserRole.allCases.map { "\($0.rawValue) (\($0.label.en))" }.joined(separator: ", ")
        return LocalizedText(nb: "ukjent rolle «\(echo(raw))»; tillatte roller: \(nb)",
                             en: "unknown role \"\(echo(raw))\"; allowed roles: \(en)")
    }

    static func unknownUnitType(_ raw: String) -> LocalizedText {
        let nb = UnitType.allCases.map { "\($0.rawValue) (\($0.label.nb))" }.joined(separator: ", ")
        let en = UnitType.allCases.map { "\($0.rawValue) (\($0.label.en))" }.joined(separator: ", ")
        return LocalizedText(nb: "ukjent enhetstype «\(echo(raw))»; tillatte typer: \(nb)",
                             en: "unknown unit type \"\(echo(raw))\"; allowed types: \(en)")
    }

    static func badSecurityLevel(_ level: Int) -> LocalizedText {
        LocalizedText(nb: "sikkerhetsnivå \(level) er utenfor 1–3 (1 er høyest)",
                      en: "security level \(level) is outside 1–3 (1 is highest)")
    }

    static let blank = LocalizedText(nb: "kan ikke være tom", en: "cannot be blank")
    static let controlCharacters = LocalizedText(nb: "inneholder kontrolltegn", en: "contains control characters")

    static func tooLong(_ max: Int) -> LocalizedText {
        LocalizedText(nb: "for lang (høyst \(max) tegn)", en: "too long (at most \(max) characters)")
    }

    static func known(_ codes: [String], nb: String, en: String) -> LocalizedText {
        guard !codes.isEmpty else { return LocalizedText(nb: nb + " (ingen finnes ennå)", en: en + " (none exist yet)") }
        let shown = codes.prefix(30).joined(separator: ", ") + (codes.count > 30 ? ", …" : "")
        return LocalizedText(nb: "\(nb); kjente: \(shown)", en: "\(en); known: \(shown)")
    }

    static func unknownRegion(_ code: String, known: [String]) -> LocalizedText {
        let base = Self.known(known, nb: "ukjent region \(code)", en: "unknown region \(code)")
        return LocalizedText(nb: base.nb + ". Opprett den med: vaktlogg region add \(code) --name NAVN",
                             en: base.en + ". Create it with: vaktlogg region add \(code) --name NAME")
    }

    static func unknownUnits(_ codes: [String], known: [String]) -> LocalizedText {
        let list = codes.joined(separator: ", ")
        return Self.known(known, nb: "ukjent enhet \(list)", en: "unknown unit \(list)")
    }

    static func duplicateUnit(_ code: String) -> LocalizedText {
        LocalizedText(nb: "enheten \(code) finnes allerede", en: "the unit \(code) already exists")
    }

    static func duplicateRegion(_ code: String) -> LocalizedText {
        LocalizedText(nb: "regionen \(code) finnes allerede", en: "the region \(code) already exists")
    }

    static func duplicateUser(_ name: String, disabled: Bool) -> LocalizedText {
        disabled
            ? LocalizedText(nb: "brukeren \(name) finnes allerede (deaktivert); velg et annet brukernavn",
                            en: "the user \(name) already exists (disabled); choose another user name")
            : LocalizedText(nb: "brukeren \(name) finnes allerede", en: "the user \(name) already exists")
    }

    static func unitRequired(_ role: UserRole) -> LocalizedText {
        LocalizedText(nb: "rollen \(role.rawValue) krever minst én enhet (--unit KODE)",
                      en: "the role \(role.rawValue) needs at least one unit (--unit CODE)")
    }

    static let adminRequired = LocalizedText(nb: "bare en administrator kan gjøre dette",
                                             en: "only an administrator may do this")

    static func notDisabled(_ name: String) -> LocalizedText {
        LocalizedText(nb: "ingen deaktivert bruker \(name)", en: "no disabled user \(name)")
    }

    static func unknownUser(_ name: String) -> LocalizedText {
        LocalizedText(nb: "ukjent eller allerede deaktivert bruker \(name)",
                      en: "unknown or already disabled user \(name)")
    }
}
