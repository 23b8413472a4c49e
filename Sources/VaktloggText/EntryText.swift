public import Rules
public import VaktloggCore

/// What `log`, `list`, `show` and `amend` print about an entry.
public enum EntryText {
    // `log`
    /// `Registrert OSLO-1 · P1 · risiko 12 (høy)` and a `  ! …` line for each action the rules set.
    public static func logged(ref: String, alreadyStored: Bool, priority: Priority, score: Int, band: RiskBand,
                              actions: [LocalizedText]) -> LocalizedText {
        let head = alreadyStored ? t("Allerede registrert \(ref)", "Already stored \(ref)") : t("Registrert \(ref)", "Logged \(ref)")
        let risk = EntryText.risk(score, band)
        func line(_ l: Language) -> String {
            ([head(l) + " · " + priority.rawValue + " · " + risk(l)] + actions.map { "  ! " + $0(l) }).joined(separator: "\n")
        }
        return LocalizedText(nb: line(.nb), en: line(.en))
    }
    public static func risk(_ score: Int, _ band: RiskBand) -> LocalizedText {
        t("risiko \(score) (\(band.label.nb))", "risk \(score) (\(band.label.en))")
    }

    // `list`
    public static let noEntries = t("Ingen oppføringer.", "No entries.")
    public static let overdue = t("FORFALT", "OVERDUE")
    public static func due(_ at: String) -> LocalizedText { t("frist \(at)", "due \(at)") }

    // `show`
    public static let unit = t("Enhet", "Unit")
    public static func assignedTo(_ user: String) -> LocalizedText { t("tildelt \(user)", "assigned to \(user)") }
    public static let occurred = t("Skjedde", "Occurred")
    public static let reported = t("meldt", "reported")
    public static let stored = t("lagret", "stored")
    public static let reportedBy = t("Meldt av", "Reported by")
    public static let sealed = t("(skjermet)", "(sealed)")
    public static let domain = t("Område", "Domain")
    public static let interests = t("interesser", "interests")
    public static let riskHeading = t("Risiko", "Risk")
    public static func riskNow(_ score: Int) -> LocalizedText { t("(nå \(score))", "(now \(score))") }
    public static let persons = t("Personer", "Persons")
    public static let originalText = t("Opprinnelig tekst:", "Original text:")
    public static func currentText(after amendments: Int) -> LocalizedText {
        t("Gjeldende tekst (etter \(amendments) rettelse(r)):", "Current text (after \(amendments) amendment(s)):")
    }
    public static let deadlines = t("Frister:", "Deadlines:")
    public static let history = t("Historikk:", "History:")
    public static let registered = t("registrert", "registered")
    public static func ruleJudgement(_ version: String) -> LocalizedText {
        t("Regelvurdering (regelsett \(version)):", "Rule judgement (rule set \(version)):")
    }
    public static let chainHash = t("Kjedehash", "Chain hash")
    /// In place of a chain hash sealed from this reader (it covers a reporter recorded before 015).
    public static let shownToAuditors = t("(vises for revisor)", "(shown to auditors)")
    public static let yes = t("ja", "yes")
    public static let no = t("nei", "no")

    /// The name of a field shown in a history line or among an entry's attributes.
    public static func field(_ key: String) -> LocalizedText {
        switch key {
        case "type": t("type", "type")
        case "purpose": t("formål", "purpose")
        case "burdens": t("belaster", "burdens")
        case "restrictiveness": t("inngripen", "restrictiveness")
        case "outcome": t("utfall", "outcome")
        case "justification": t("begrunnelse", "justification")
        case "person": t("person", "person")
        case "public_safety_significant": t("betydning for samfunnets trygghet", "significant for public safety")
        case "assessments": t("risikovurderinger", "assessments")
        case "decision_type": t("vedtakstype", "decision type")
        case "not_significant_reason": t("hvorfor ikke av særlig betydning", "why not significant")
        case "source": t("kilde", "source")
        case "source_reliability", "reliability": t("pålitelighet", "reliability")
        case "information_credibility", "credibility": t("troverdighet", "credibility")
        case "probability": t("sannsynlighet", "probability")
        case "consequence": t("konsekvens", "consequence")
        case "inform": t("informere politiet", "inform the police")
        case "target": t("mål", "target")
        case "in_working_hours": t("i arbeidstid", "in working hours")
        case "infoflyt": t("INFOFLYT", "INFOFLYT")
        case "organised_crime_criteria": t("kriterier for organisert kriminalitet", "organised-crime criteria")
        case "measure": t("tiltak", "measure")
        case "responsible": t("ansvarlig", "responsible")
        case "due": t("frist", "due")
        case "cause": t("årsak", "cause")
        case "verification": t("verifisering", "verification")
        case "reason": t("begrunnelse", "reason")
        case "category": t("kategori", "category")
        case "text": t("tekst", "text")
        case "occurred_at": t("tidspunkt", "occurred")
        case "domain": t("område", "domain")
        case "interests", "add_interests": t("interesser", "interests")
        case "score": t("skår", "score")
        case "band": t("bånd", "band")
        default: LocalizedText(nb: key, en: key)
        }
    }

    // `amend`
    public static func amended(ref: String, priority: String, risk: Int) -> LocalizedText {
        t("\(ref): rettelse registrert · \(priority) · risiko \(risk)", "\(ref): amendment recorded · \(priority) · risk \(risk)")
    }
}

extension EntryText {
    public static let informPolice = t("informer politiet", "inform the police")
    public static let doNotInformPolice = t("ikke informer politiet", "do not inform the police")
    public static let allStatuses = t("alle, også lukkede", "all, closed too")
}

extension EntryText {
    /// What the reporter must know about a deadline the rules set, or `nil` for one not told at logging.
    public static func action(_ deadline: DeadlineKind, due: String) -> LocalizedText? {
        switch deadline {
        case .p1Acknowledge:
            t("P1: må kvitteres innen \(due), ellers eskaleres den til sikkerhetsleder",
              "P1: must be acknowledged by \(due), else it is escalated to the security coordinator")
        case .policeDecision:
            t("beslutning om å informere politiet kreves innen \(due)", "a decision on informing the police is required by \(due)")
        case .threatAssessment: t("trusselvurdering innen \(due)", "threat assessment due by \(due)")
        case .deviationAcknowledge: t("avviket kvitteres innen \(due)", "the deviation is to be acknowledged by \(due)")
        case .manipulationReview:
            t("sikkerhetsleder gjennomgår rapporten innen \(due); veiledning tilbys",
              "the security coordinator reviews the report by \(due); supervision is offered")
        default: nil
        }
    }

    public static let organisedCrimeMet = t("kriteriene for organisert kriminalitet er oppfylt", "the criteria for organised crime are met")
}
