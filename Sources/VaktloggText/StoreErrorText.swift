public import Rules
public import VaktloggCore

/// The messages of Store errors, rendered from the error's code, field and arguments (the Store
/// throws codes, never sentences; `StoreError.Code` documents each code's arguments). Refusals
/// raised by the schema (`vaktlogg:CODE`) come from ``RefusalText``.
public enum StoreErrorText {
    /// The message of error `code` with its `field`, `arguments` and the rules' `violations`.
    public static func text(code: String, field: String? = nil, arguments a: [String: String] = [:],
                            violations: [Violation] = []) -> LocalizedText {
        func arg(_ key: String) -> String { a[key] ?? "?" }
        switch code {
        case "database_unavailable":
            return LocalizedText(nb: "databasen kan ikke nås (\(arg("detail")))", en: "the database cannot be reached (\(arg("detail")))")
        case "login_refused":
            return LocalizedText(nb: "innlogging avvist: brukeren er deaktivert, ukjent eller har ikke tilgang til denne databasen",
                                 en: "login refused: the user is disabled, unknown or has no access to this database")
        case "read_in_transaction":
            return LocalizedText(nb: "lesingen logges først og kan ikke gjøres inne i en åpen transaksjon",
                                 en: "the read is logged first and cannot be made inside an open transaction")
        case "not_a_user":
            return LocalizedText(nb: "du er ikke registrert som aktiv bruker", en: "you are not registered as an active user")
        case "not_permitted":
            return LocalizedText(nb: "du har ikke tilgang til dette", en: "you are not permitted to do this")
        case "duplicate":
            return LocalizedText(nb: "finnes allerede", en: "already exists")
        case "refused_by_database":
            return LocalizedText(nb: "databasen avviste verdien (\(arg("constraint")))", en: "the database refused the value (\(arg("constraint")))")
        case "internal":
            if let type = a["type"] { return LocalizedText(nb: "intern feil (\(type))", en: "internal error (\(type))") }
            if let detail = a["detail"] { return LocalizedText(nb: "intern feil: \(detail)", en: "internal error: \(detail)") }
            return LocalizedText(nb: "intern feil i databasen (\(arg("sqlstate")))", en: "internal database error (\(arg("sqlstate")))")
        case "blank":
            return LocalizedText(nb: "kan ikke være tom", en: "cannot be empty")
        case "too_long":
            return LocalizedText(nb: "for lang (høyst \(arg("max")) tegn)", en: "too long (at most \(arg("max")) characters)")
        case "control_characters":
            return LocalizedText(nb: "inneholder kontrolltegn", en: "contains control characters")
        case "out_of_range" where field == "security_level":
            return LocalizedText(nb: "sikkerhetsnivå \(arg("value")) er utenfor 1–3 (1 er høyest)",
                                 en: "security level \(arg("value")) is outside 1–3 (1 is highest)")
        case "out_of_range" where a["value"] != nil:
            return LocalizedText(nb: "må være \(arg("min"))–\(arg("max")) (fikk \(arg("value")))",
                                 en: "must be \(arg("min"))–\(arg("max")) (got \(arg("value")))")
        case "invalid_unit_code":
            return UnitCode.invalid(arg("input"))
        case "not_a_pseudonym":
            return PersonReference.rule
        case "invalid_region_code":
            return LocalizedText(
                nb: "ugyldig regionkode «\(echo(arg("input")))»; tillatt: 2–16 tegn, A–Z, 0–9 og _, som begynner med en bokstav (f.eks. OST)",
                en: "invalid region code \"\(echo(arg("input")))\"; allowed: 2–16 characters A–Z, 0–9 and _, starting with a letter (e.g. OST)")
        case "invalid_user_name":
            return LocalizedText(
                nb: "ugyldig brukernavn «\(echo(arg("input")))»; tillatt: 2–63 tegn, a–z, 0–9, punktum, _ og -, som begynner med en bokstav (f.eks. kari.nordmann)",
                en: "invalid user name \"\(echo(arg("input")))\"; allowed: 2–63 characters a–z, 0–9, dot, _ and -, starting with a letter (e.g. kari.nordmann)")
        case "unknown_role":
            let nb = UserRole.allCases.map { "\($0.rawValue) (\($0.label.nb))" }.joined(separator: ", ")
            let en = UserRole.allCases.map { "\($0.rawValue) (\($0.label.en))" }.joined(separator: ", ")
            return LocalizedText(nb: "ukjent rolle «\(echo(arg("input")))»; tillatte roller: \(nb)",
                                 en: "unknown role \"\(echo(arg("input")))\"; allowed roles: \(en)")
        case "unknown_unit_type":
            let nb = UnitType.allCases.map { "\($0.rawValue) (\($0.label.nb))" }.joined(separator: ", ")
            let en = UnitType.allCases.map { "\($0.rawValue) (\($0.label.en))" }.joined(separator: ", ")
            return LocalizedText(nb: "ukjent enhetstype «\(echo(arg("input")))»; tillatte typer: \(nb)",
                                 en: "unknown unit type \"\(echo(arg("input")))\"; allowed types: \(en)")
        case "unknown_category" where a["input"] != nil:
            return LocalizedText(nb: "ukjent kategori «\(arg("input"))»; tillatt: \(arg("allowed"))",
                                 en: "unknown category “\(arg("input"))”; allowed: \(arg("allowed"))")
        case "unknown_unit":
            let base = LocalizedText(nb: "ukjent enhet \(arg("unit"))", en: "unknown unit \(arg("unit"))")
            guard let known = a["known"] else { return base }
            return known.isEmpty ? LocalizedText(nb: base.nb + " (ingen finnes ennå)", en: base.en + " (none exist yet)")
                : LocalizedText(nb: "\(base.nb); kjente: \(known)", en: "\(base.en); known: \(known)")
        case "unknown_region":
            let region = arg("region"), known = arg("known")
            let base = known.isEmpty
                ? LocalizedText(nb: "ukjent region \(region) (ingen finnes ennå)", en: "unknown region \(region) (none exist yet)")
                : LocalizedText(nb: "ukjent region \(region); kjente: \(known)", en: "unknown region \(region); known: \(known)")
            return LocalizedText(nb: base.nb + ". Opprett den med: vaktlogg region add \(region) --name NAVN",
                                 en: base.en + ". Create it with: vaktlogg region add \(region) --name NAME")
        case "no_home_unit":
            return LocalizedText(nb: "du har ingen hjemmeenhet; oppgi enheten med --unit KODE",
                                 en: "you have no home unit; name the unit with --unit CODE")
        case "unit_not_visible":
            guard let unit = a["unit"] else {
                return LocalizedText(nb: "ukjent enhet, eller enheten er ikke synlig for deg", en: "unknown unit, or the unit is not visible to you")
            }
            return LocalizedText(nb: "enheten \(unit) er ikke synlig for deg", en: "the unit \(unit) is not visible to you")
        case "unit_not_writable":
            return LocalizedText(nb: "du kan ikke føre vaktlogg for enhet \(arg("unit"))", en: "you may not write the shift log of unit \(arg("unit"))")
        case "unit_not_permitted":
            return LocalizedText(nb: "du (\(arg("role"))) kan ikke føre oppføringer for enhet \(arg("unit"))",
                                 en: "you (\(arg("role"))) may not log entries for unit \(arg("unit"))")
        case "duplicate_unit":
            return LocalizedText(nb: "enheten \(arg("unit")) finnes allerede", en: "the unit \(arg("unit")) already exists")
        case "duplicate_region":
            return LocalizedText(nb: "regionen \(arg("region")) finnes allerede", en: "the region \(arg("region")) already exists")
        case "duplicate_user":
            return a["disabled"] == "true"
                ? LocalizedText(nb: "brukeren \(arg("name")) finnes allerede (deaktivert); velg et annet brukernavn",
                                en: "the user \(arg("name")) already exists (disabled); choose another user name")
                : LocalizedText(nb: "brukeren \(arg("name")) finnes allerede", en: "the user \(arg("name")) already exists")
        case "unit_required":
            return LocalizedText(nb: "rollen \(arg("role")) krever minst én enhet (--unit KODE)",
                                 en: "the role \(arg("role")) needs at least one unit (--unit CODE)")
        case "unknown_user" where a["name"] != nil:
            return LocalizedText(nb: "ukjent eller allerede deaktivert bruker \(arg("name"))", en: "unknown or already disabled user \(arg("name"))")
        case "not_disabled" where a["name"] != nil:
            return LocalizedText(nb: "ingen deaktivert bruker \(arg("name"))", en: "no disabled user \(arg("name"))")
        case "unknown_entry" where a["ref"] != nil:
            return LocalizedText(nb: "fant ingen oppføring «\(arg("ref"))» i dine enheter", en: "no entry “\(arg("ref"))” in your units")
        case "duplicate_key":
            return LocalizedText(nb: "oppføringen finnes allerede, men er ikke synlig for deg", en: "the entry exists but is not visible to you")
        case "amendment_reason_required":
            return LocalizedText(nb: "en rettelse krever begrunnelse (--reason)", en: "an amendment needs a reason (--reason)")
        case "no_changes":
            return LocalizedText(nb: "ingen endringer oppgitt", en: "no changes given")
        case "changes_equal_current":
            return LocalizedText(nb: "endringene er de samme som gjeldende verdier", en: "the changes equal the current values")
        case "time_in_future":
            return LocalizedText(nb: "tidspunktet ligger i fremtiden", en: "the time lies in the future")
        case "measure_rejected":
            return withViolations(violations, LocalizedText(nb: "tiltaket er avvist og ble ikke lagret", en: "the measure is rejected and was not stored"))
        case "measure_needs_justification":
            return withViolations(violations, LocalizedText(nb: "tiltaket krever begrunnelse (--justification)",
                                                   en: "the measure needs a justification (--justification)"))
        case "measure_needs_rehabilitation_note":
            return withViolations(violations, LocalizedText(nb: "tiltaket belaster påvirkningsarbeidet: beskriv virkningen (--rehabilitation-note)",
                                                   en: "the measure burdens rehabilitation: describe the effect (--rehabilitation-note)"))
        case "measure_person_required":
            return LocalizedText(nb: "et inngripende tiltak (nivå 2 eller mer) rettes mot en person: oppgi --person",
                                 en: "a restrictive measure (level 2 or more) is directed at a person: give --person")
        case "decision_rejected":
            let detail = violations.map { "\($0.rule.rawValue): \($0.reason)" }.joined(separator: "; ")
            return LocalizedText(
                nb: "et vedtak av betydning for samfunnets trygghet må begrunnes og vise til risikovurdering(er) — \(detail)",
                en: "a decision significant for public safety must be justified and name its risk assessment(s) — \(detail)")
        case "no_pending_handover":
            return LocalizedText(nb: "ingen overlevering venter ved \(arg("unit")); oppgi --handover ID for en bestemt",
                                 en: "no handover is waiting at \(arg("unit")); give --handover ID for a particular one")
        case "not_empty":
            return LocalizedText(nb: "databasen har allerede oppføringer; demodata legges bare i en tom database",
                                 en: "the database already holds entries; demo data goes into an empty database only")
        case "superuser_required":
            return SyntheticText.superuserRequired
        default:
            if let text = RefusalText.text(for: code) { return text }
            let detail = a["detail"] ?? code
            return LocalizedText(nb: detail, en: detail)
        }
    }

    /// Input echoed back in a message, cut short so a pasted paragraph does not flood the terminal.
    public static func echo(_ raw: String) -> String {
        raw.count > 40 ? String(raw.prefix(40)) + "…" : raw
    }

    /// A refusal of the rules, with each open violation's rule and reason.
    static func withViolations(_ violations: [Violation], _ summary: LocalizedText) -> LocalizedText {
        let detail = violations.filter { !$0.justified }
            .map { "\($0.rule.rawValue) (\($0.kind.rawValue)): \($0.reason)" }.joined(separator: "; ")
        return LocalizedText(nb: summary.nb + (detail.isEmpty ? "" : " — " + detail), en: summary.en + (detail.isEmpty ? "" : " — " + detail))
    }
}
