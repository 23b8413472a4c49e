import Rules
public import VaktloggCore

// TRANSITIONAL (issue 9): every sentence about a Store error, in one place, rendered from the code,
// field and arguments. The catalogue target takes this file over; then `message` and `formatted`
// leave Store and the CLI renders `code` + `arguments` through the catalogue.

extension StoreError {
    /// The message in both languages (transitional: rendered from code and arguments).
    public var message: LocalizedText {
        if let validationError { return validationError.message }
        return StoreErrorText.text(for: self)
    }

    /// `field: message` in the given language.
    public func formatted(_ language: Language) -> String {
        (field.map { "\($0): " } ?? "") + message(language)
    }
}

enum StoreErrorText {
    static func text(for e: StoreError) -> LocalizedText {
        let a = e.arguments
        func arg(_ key: String) -> String { a[key] ?? "?" }
        switch e.code {
        case .databaseUnavailable:
            return LocalizedText(nb: "databasen kan ikke nås (\(arg("detail")))", en: "the database cannot be reached (\(arg("detail")))")
        case .loginRefused:
            return LocalizedText(nb: "innlogging avvist: brukeren er deaktivert, ukjent eller har ikke tilgang til denne databasen",
                                 en: "login refused: the user is disabled, unknown or has no access to this database")
        case .notAUser:
            return LocalizedText(nb: "du er ikke registrert som aktiv bruker", en: "you are not registered as an active user")
        case .notPermitted:
            return LocalizedText(nb: "du har ikke tilgang til dette", en: "you are not permitted to do this")
        case .duplicate:
            return LocalizedText(nb: "finnes allerede", en: "already exists")
        case .refusedByDatabase:
            return LocalizedText(nb: "databasen avviste verdien (\(arg("constraint")))", en: "the database refused the value (\(arg("constraint")))")
        case .internal:
            if let type = a["type"] { return LocalizedText(nb: "intern feil (\(type))", en: "internal error (\(type))") }
            if let detail = a["detail"] { return LocalizedText(nb: "intern feil: \(detail)", en: "internal error: \(detail)") }
            return LocalizedText(nb: "intern feil i databasen (\(arg("sqlstate")))", en: "internal database error (\(arg("sqlstate")))")
        case .blank:
            return LocalizedText(nb: "kan ikke være tom", en: "cannot be empty")
        case .tooLong:
            return LocalizedText(nb: "for lang (høyst \(arg("max")) tegn)", en: "too long (at most \(arg("max")) characters)")
        case .controlCharacters:
            return LocalizedText(nb: "inneholder kontrolltegn", en: "contains control characters")
        case .outOfRange where e.field == "security_level":
            return LocalizedText(nb: "sikkerhetsnivå \(arg("value")) er utenfor 1–3 (1 er høyest)",
                                 en: "security level \(arg("value")) is outside 1–3 (1 is highest)")
        case .outOfRange where a["value"] != nil:
            return LocalizedText(nb: "må være \(arg("min"))–\(arg("max")) (fikk \(arg("value")))",
                                 en: "must be \(arg("min"))–\(arg("max")) (got \(arg("value")))")
        case .invalidRegionCode:
            return LocalizedText(
                nb: "ugyldig regionkode «\(echo(arg("input")))»; tillatt: 2–16 tegn, A–Z, 0–9 og _, som begynner med en bokstav (f.eks. OST)",
                en: "invalid region code \"\(echo(arg("input")))\"; allowed: 2–16 characters A–Z, 0–9 and _, starting with a letter (e.g. OST)")
        case .invalidUserName:
            return LocalizedText(
                nb: "ugyldig brukernavn «\(echo(arg("input")))»; tillatt: 2–63 tegn, a–z, 0–9, punktum, _ og -, som begynner med en bokstav (f.eks. kari.nordmann)",
                en: "invalid user name \"\(echo(arg("input")))\"; allowed: 2–63 characters a–z, 0–9, dot, _ and -, starting with a letter (e.g. kari.nordmann)")
        case .unknownRole:
            let nb = UserRole.allCases.map { "\($0.rawValue) (\($0.label.nb))" }.joined(separator: ", ")
            let en = UserRole.allCases.map { "\($0.rawValue) (\($0.label.en))" }.joined(separator: ", ")
            return LocalizedText(nb: "ukjent rolle «\(echo(arg("input")))»; tillatte roller: \(nb)",
                                 en: "unknown role \"\(echo(arg("input")))\"; allowed roles: \(en)")
        case .unknownUnitType:
            let nb = UnitType.allCases.map { "\($0.rawValue) (\($0.label.nb))" }.joined(separator: ", ")
            let en = UnitType.allCases.map { "\($0.rawValue) (\($0.label.en))" }.joined(separator: ", ")
            return LocalizedText(nb: "ukjent enhetstype «\(echo(arg("input")))»; tillatte typer: \(nb)",
                                 en: "unknown unit type \"\(echo(arg("input")))\"; allowed types: \(en)")
        case .unknownCategory where a["input"] != nil:
            return LocalizedText(nb: "ukjent kategori «\(arg("input"))»; tillatt: \(arg("allowed"))",
                                 en: "unknown category “\(arg("input"))”; allowed: \(arg("allowed"))")
        case .unknownUnit:
            let base = LocalizedText(nb: "ukjent enhet \(arg("unit"))", en: "unknown unit \(arg("unit"))")
            guard let known = a["known"] else { return base }
            return known.isEmpty ? LocalizedText(nb: base.nb + " (ingen finnes ennå)", en: base.en + " (none exist yet)")
                : LocalizedText(nb: "\(base.nb); kjente: \(known)", en: "\(base.en); known: \(known)")
        case .unknownRegion:
            let region = arg("region"), known = arg("known")
            let base = known.isEmpty
                ? LocalizedText(nb: "ukjent region \(region) (ingen finnes ennå)", en: "unknown region \(region) (none exist yet)")
                : LocalizedText(nb: "ukjent region \(region); kjente: \(known)", en: "unknown region \(region); known: \(known)")
            return LocalizedText(nb: base.nb + ". Opprett den med: vaktlogg region add \(region) --name NAVN",
                                 en: base.en + ". Create it with: vaktlogg region add \(region) --name NAME")
        case .noHomeUnit:
            return LocalizedText(nb: "du har ingen hjemmeenhet; oppgi enheten med --unit KODE",
                                 en: "you have no home unit; name the unit with --unit CODE")
        case .unitNotVisible:
            guard let unit = a["unit"] else {
                return LocalizedText(nb: "ukjent enhet, eller enheten er ikke synlig for deg", en: "unknown unit, or the unit is not visible to you")
            }
            return LocalizedText(nb: "enheten \(unit) er ikke synlig for deg", en: "the unit \(unit) is not visible to you")
        case .unitNotWritable:
            return LocalizedText(nb: "du kan ikke føre vaktlogg for enhet \(arg("unit"))", en: "you may not write the shift log of unit \(arg("unit"))")
        case .unitNotPermitted:
            return LocalizedText(nb: "du (\(arg("role"))) kan ikke føre oppføringer for enhet \(arg("unit"))",
                                 en: "you (\(arg("role"))) may not log entries for unit \(arg("unit"))")
        case .duplicateUnit:
            return LocalizedText(nb: "enheten \(arg("unit")) finnes allerede", en: "the unit \(arg("unit")) already exists")
        case .duplicateRegion:
            return LocalizedText(nb: "regionen \(arg("region")) finnes allerede", en: "the region \(arg("region")) already exists")
        case .duplicateUser:
            return a["disabled"] == "true"
                ? LocalizedText(nb: "brukeren \(arg("name")) finnes allerede (deaktivert); velg et annet brukernavn",
                                en: "the user \(arg("name")) already exists (disabled); choose another user name")
                : LocalizedText(nb: "brukeren \(arg("name")) finnes allerede", en: "the user \(arg("name")) already exists")
        case .unitRequired:
            return LocalizedText(nb: "rollen \(arg("role")) krever minst én enhet (--unit KODE)",
                                 en: "the role \(arg("role")) needs at least one unit (--unit CODE)")
        case .unknownUser where a["name"] != nil:
            return LocalizedText(nb: "ukjent eller allerede deaktivert bruker \(arg("name"))", en: "unknown or already disabled user \(arg("name"))")
        case .notDisabled where a["name"] != nil:
            return LocalizedText(nb: "ingen deaktivert bruker \(arg("name"))", en: "no disabled user \(arg("name"))")
        case .unknownEntry where a["ref"] != nil:
            return LocalizedText(nb: "fant ingen oppføring «\(arg("ref"))» i dine enheter", en: "no entry “\(arg("ref"))” in your units")
        case .duplicateKey:
            return LocalizedText(nb: "oppføringen finnes allerede, men er ikke synlig for deg", en: "the entry exists but is not visible to you")
        case .amendmentReasonRequired:
            return LocalizedText(nb: "en rettelse krever begrunnelse (--reason)", en: "an amendment needs a reason (--reason)")
        case .noChanges:
            return LocalizedText(nb: "ingen endringer oppgitt", en: "no changes given")
        case .changesEqualCurrent:
            return LocalizedText(nb: "endringene er de samme som gjeldende verdier", en: "the changes equal the current values")
        case .timeInFuture:
            return LocalizedText(nb: "tidspunktet ligger i fremtiden", en: "the time lies in the future")
        case .measureRejected:
            return withViolations(e, LocalizedText(nb: "tiltaket er avvist og ble ikke lagret", en: "the measure is rejected and was not stored"))
        case .measureNeedsJustification:
            return withViolations(e, LocalizedText(nb: "tiltaket krever begrunnelse (--justification)",
                                                   en: "the measure needs a justification (--justification)"))
        case .measureNeedsRehabilitationNote:
            return withViolations(e, LocalizedText(nb: "tiltaket belaster påvirkningsarbeidet: beskriv virkningen (--rehabilitation-note)",
                                                   en: "the measure burdens rehabilitation: describe the effect (--rehabilitation-note)"))
        case .measurePersonRequired:
            return LocalizedText(nb: "et inngripende tiltak (nivå 2 eller mer) rettes mot en person: oppgi --person",
                                 en: "a restrictive measure (level 2 or more) is directed at a person: give --person")
        case .decisionRejected:
            let detail = e.violations.map { "\($0.rule.rawValue): \($0.reason)" }.joined(separator: "; ")
            return LocalizedText(
                nb: "et vedtak av betydning for samfunnets trygghet må begrunnes og vise til risikovurdering(er) — \(detail)",
                en: "a decision significant for public safety must be justified and name its risk assessment(s) — \(detail)")
        case .noPendingHandover:
            return LocalizedText(nb: "ingen overlevering venter ved \(arg("unit")); oppgi --handover ID for en bestemt",
                                 en: "no handover is waiting at \(arg("unit")); give --handover ID for a particular one")
        case .notEmpty:
            return LocalizedText(nb: "databasen har allerede oppføringer; demodata legges bare i en tom database",
                                 en: "the database already holds entries; demo data goes into an empty database only")
        default:
            if let text = refusals[e.code.rawValue] { return text }
            let detail = a["detail"] ?? e.code.rawValue
            return LocalizedText(nb: detail, en: detail)
        }
    }

    /// Input echoed back in a message, cut short so a pasted paragraph does not flood the terminal.
    static func echo(_ raw: String) -> String {
        raw.count > 40 ? String(raw.prefix(40)) + "…" : raw
    }

    /// A refusal of the rules, with each open violation's rule and reason.
    static func withViolations(_ e: StoreError, _ summary: LocalizedText) -> LocalizedText {
        let detail = e.violations.filter { !$0.justified }
            .map { "\($0.rule.rawValue) (\($0.kind.rawValue)): \($0.reason)" }.joined(separator: "; ")
        return LocalizedText(nb: summary.nb + (detail.isEmpty ? "" : " — " + detail), en: summary.en + (detail.isEmpty ? "" : " — " + detail))
    }

    /// Messages for the refusals the schema raises (the HINT codes in sql/).
    static let refusals: [String: LocalizedText] = [
        "admin_required": .init(nb: "bare en administrator kan gjøre dette", en: "only an administrator may do this"),
        "disable_self": .init(nb: "du kan ikke deaktivere deg selv", en: "you cannot disable your own account"),
        "not_disabled": .init(nb: "brukeren er ikke deaktivert", en: "the user is not disabled"),
        "unknown_user": .init(nb: "ukjent eller allerede deaktivert bruker", en: "unknown or already disabled user"),
        "append_only": .init(nb: "loggen kan bare utvides, aldri endres", en: "the log is append-only"),
        "unknown_category": .init(nb: "ukjent kategori", en: "unknown category"),
        "default_interests_removed": .init(nb: "kategoriens interesser kan ikke fjernes", en: "the category's interests cannot be removed"),
        "unknown_interest": .init(nb: "ukjent interesse", en: "unknown interest"),
        "tier_mismatch": .init(nb: "prioritet stemmer ikke med interessene", en: "priority does not match the interests"),
        "time_in_future": .init(nb: "tidspunktet ligger i fremtiden", en: "the time lies in the future"),
        "unknown_entry": .init(nb: "ukjent oppføring", en: "unknown entry"),
        "role_not_permitted": .init(nb: "din rolle kan ikke gjøre dette", en: "your role may not do this"),
        "entry_closed": .init(nb: "oppføringen er lukket; gjenåpne den først", en: "the entry is closed; reopen it first"),
        "already_acknowledged": .init(nb: "oppføringen er allerede kvittert", en: "the entry is already acknowledged"),
        "coordinator_required": .init(nb: "dette gjøres av en sikkerhetsleder", en: "this is done by a security coordinator"),
        "assignee_not_in_unit": .init(nb: "personen er ikke aktiv bruker ved enheten", en: "the person is not an active user of the unit"),
        "text_required": .init(nb: "tekst mangler", en: "text is required"),
        "deviation_only": .init(nb: "gjelder bare avvik", en: "applies to deviations only"),
        "not_acknowledged": .init(nb: "avviket må kvitteres før behandling", en: "the deviation must be acknowledged first"),
        "cause_required": .init(nb: "behandling starter med årsaksanalyse (--cause)", en: "treatment starts with a cause analysis (--cause)"),
        "not_under_treatment": .init(nb: "tiltak besluttes etter årsaksanalysen", en: "a measure is decided after the cause analysis"),
        "measure_incomplete": .init(nb: "tiltak krever beskrivelse, ansvarlig og frist", en: "a measure needs a description, a responsible person and a due date"),
        "verification_required": .init(nb: "et avvik lukkes med verifisering av at tiltaket virker (--verification), etter besluttet tiltak", en: "a deviation is closed with a verification that the decided measure works (--verification)"),
        "assessment_required": .init(nb: "trusselhendelsen må vurderes før den lukkes", en: "the threat event must be assessed before it is closed"),
        "police_decision_required": .init(nb: "beslutning om å informere politiet må tas først", en: "a decision on informing the police is required first"),
        "supervision_required": .init(nb: "veiledning må være tilbudt før rapporten lukkes", en: "supervision must be offered before the report is closed"),
        "p1_close_coordinator": .init(nb: "en P1-oppføring lukkes av en sikkerhetsleder", en: "a P1 entry is closed by a security coordinator"),
        "p1_close_by_reporter": .init(nb: "en P1-oppføring kan ikke lukkes av den som meldte den", en: "a P1 entry cannot be closed by its reporter"),
        "not_closed": .init(nb: "bare lukkede oppføringer kan gjenåpnes", en: "only a closed entry can be reopened"),
        "reason_required": .init(nb: "begrunnelse mangler", en: "a reason is required"),
        "manipulation_only": .init(nb: "veiledning følger en manipulasjonsrapport", en: "supervision follows a manipulation report"),
        "already_recorded": .init(nb: "allerede registrert", en: "already recorded"),
        "threat_only": .init(nb: "gjelder bare trusselhendelser", en: "applies to threat events only"),
        "assessment_incomplete": .init(nb: "vurderingen krever kilde A–F, troverdighet 1–6, sannsynlighet og konsekvens 1–5", en: "the assessment needs source A–F, credibility 1–6, probability and consequence 1–5"),
        "justification_required": .init(nb: "begrunnelse kreves", en: "a justification is required"),
        "field_not_amendable": .init(nb: "feltet kan ikke endres", en: "the field cannot be amended"),
        "out_of_range": .init(nb: "sannsynlighet og konsekvens er 1–5", en: "probability and consequence are 1–5"),
        "weighting_strict": .init(nb: "et tiltak kan ikke belaste liv, helse eller samfunnets trygghet for et svakere formål", en: "a measure may not burden life, health or public safety for a weaker purpose"),
        "weighting_main_rule": .init(nb: "avvik fra hovedregelen krever begrunnelse", en: "departing from the main rule needs a justification"),
        "assessment_other_person": .init(nb: "risikovurderingen gjelder en annen person", en: "the risk assessment is of another person"),
        "proportionality_assessment": .init(nb: "et inngripende tiltak krever en gjeldende individuell risikovurdering", en: "a restrictive measure needs a current individual risk assessment"),
        "proportionality_level": .init(nb: "tiltaket er mer inngripende enn risikovurderingen tilsier", en: "the measure is more restrictive than the risk assessment supports"),
        "unknown_assessment": .init(nb: "ukjent risikovurdering", en: "unknown risk assessment"),
        "unknown_handover": .init(nb: "ukjent vaktoverlevering ved enheten", en: "no such handover in this unit"),
        "accept_own_handover": .init(nb: "overleveringen tas imot av innkommende vakthavende, ikke den som overleverte", en: "a handover is accepted by the incoming officer, not the outgoing"),
        "already_accepted": .init(nb: "overleveringen er allerede tatt imot", en: "the handover has already been accepted"),
        // sql/013 and sql/014: scope first, and the rules' judgement made by the database.
        "unit_not_permitted": .init(nb: "du kan ikke skrive for denne enheten", en: "you may not write for this unit"),
        "duplicate_key": .init(nb: "oppføringen ble lagret samtidig av en annen levering; prøv igjen", en: "the entry was stored concurrently by another delivery; try again"),
        "unknown_rule_set": .init(nb: "regelsettet er ikke registrert i databasen; en administrator må registrere det", en: "the rule set is not registered in the database; an administrator must register it"),
        "rules_hash_mismatch": .init(nb: "regelsettet har samme versjon som et registrert, men annet innhold", en: "the rule set has the version of a registered one but other content"),
        "invalid_rule_set": .init(nb: "regelsettet er ugyldig", en: "the rule set is invalid"),
        "rule_set_version_taken": .init(nb: "versjonen er allerede registrert med annet innhold; gi regelsettet en ny versjon", en: "the version is already registered with other content; give the rule set a new version"),
        "occurred_after_reported": .init(nb: "hendelsestidspunktet kan ikke ligge etter meldetidspunktet", en: "the time it occurred cannot lie after the time it was reported"),
        "reported_too_early": .init(nb: "meldetidspunktet kan ligge høyst 7 dager tilbake; før oppføringen på nytt og oppgi opprinnelig tid i teksten", en: "the time reported may lie at most 7 days back; log the entry anew and give the original time in the text"),
        "duplicate_criteria": .init(nb: "et kriterium for organisert kriminalitet er oppgitt to ganger", en: "an organised-crime criterion is given twice"),
        "band_mismatch": .init(nb: "risikonivået stemmer ikke med regelsettet", en: "the risk band does not match the rule set"),
        "validity_out_of_range": .init(nb: "vurderingen kan ikke gjelde lenger enn regelsettet tillater", en: "the assessment cannot be valid longer than the rule set allows"),
        "assessment_other_unit": .init(nb: "risikovurderingen tilhører en annen enhet", en: "the risk assessment belongs to another unit"),
    ]
}
