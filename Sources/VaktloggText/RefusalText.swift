public import VaktloggCore

/// Messages for the refusals the schema raises (the HINT codes `vaktlogg:CODE` in sql/), in bokmål
/// and English. The database says which rule refused; the words are chosen here.
public enum RefusalText {
    /// The message of refusal `code`, or `nil` for a code this binary does not know.
    public static func text(for code: String) -> LocalizedText? {
        table[code] ?? RulesRefusalText.table[code] ?? FollowUpRefusalText.table[code]
    }

    /// Every refusal code with a message, for the catalogue test.
    public static var codes: [String] {
        Set(table.keys).union(RulesRefusalText.table.keys).union(FollowUpRefusalText.table.keys).sorted()
    }

    private static let table: [String: LocalizedText] = [
        "authenticator_only": .init(nb: "bare tjenestens innlogging kan handle for en nøkkel", en: "only the service login acts for a token"),
        "token_invalid": .init(nb: "ukjent, tilbakekalt eller utløpt nøkkel", en: "unknown, revoked or expired token"),
        "token_expiry_past": .init(nb: "en nøkkel må utløpe i fremtiden", en: "a token must expire in the future"),
        "token_expiry_invalid": .init(nb: "utløpsdato må skrives ÅÅÅÅ-MM-DD", en: "the expiry date must be written YYYY-MM-DD"),
        "unknown_token": .init(nb: "ingen aktiv nøkkel med denne id-en", en: "no active token with this id"),
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
        "read_committed_required": .init(nb: "eskaleringen kjøres i en read committed-transaksjon", en: "the escalation runs in a read committed transaction"),
        "assignee_not_in_unit": .init(nb: "personen er ikke aktiv bruker ved enheten", en: "the person is not an active user of the unit"),
        "text_required": .init(nb: "tekst mangler", en: "text is required"),
        "deviation_only": .init(nb: "gjelder bare avvik", en: "applies to deviations only"),
        "not_acknowledged": .init(nb: "avviket må kvitteres før behandling", en: "the deviation must be acknowledged first"),
        "cause_required": .init(nb: "behandling starter med årsaksanalyse (--cause)", en: "treatment starts with a cause analysis (--cause)"),
        "not_under_treatment": .init(nb: "tiltak besluttes etter årsaksanalysen", en: "a measure is decided after the cause analysis"),
        "measure_incomplete": .init(nb: "tiltak krever beskrivelse, ansvarlig og frist", en: "a measure needs a description, a responsible person and a due date"),
        "due_invalid": .init(nb: "fristen må være en dato, ÅÅÅÅ-MM-DD", en: "the due date must be a calendar date, YYYY-MM-DD"),
        "due_in_past": .init(nb: "fristen for tiltaket ligger i fortiden", en: "the due date of the measure lies in the past"),
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
        "unit_not_visible": .init(nb: "enheten er ikke synlig for deg", en: "the unit is not visible to you"),
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
        // sql/015 and sql/016: logged reads and sealed hashes.
        "read_not_logged": .init(nb: "lesingen må logges først (request_read i egen transaksjon)", en: "the read must be logged first (request_read in its own transaction)"),
        "hash_sealed": .init(nb: "denne hashen dekker en skjermet melder og vises bare for revisor og administrator", en: "this hash covers a sealed reporter and is shown to auditors and administrators only"),
        "unknown_read": .init(nb: "en logget lesing gjelder personer eller melder", en: "a logged read is of persons or reporter"),
    ]
}
