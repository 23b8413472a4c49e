public import Rules
public import VaktloggCore

extension MeasureType: Labelled {
    public var label: LocalizedText {
        switch self {
        case .isolation: t("utelukkelse fra fellesskapet (isolasjon)", "isolation")
        case .exclusion: t("utelukkelse", "exclusion")
        case .search: t("visitasjon", "search")
        case .transfer: t("overføring", "transfer")
        case .restraint: t("tvangsmidler", "restraint")
        case .communicationRestriction: t("kommunikasjonsbegrensning", "communication restriction")
        case .visitRestriction: t("besøksbegrensning", "visit restriction")
        case .extraControl: t("ekstra kontroll", "extra control")
        case .supportive: t("støttende tiltak", "supportive measure")
        case .staffProtection: t("beskyttelse av tilsatt", "staff protection")
        case .other: t("annet", "other")
        }
    }
}

extension CommunicationGround: Labelled {
    public var label: LocalizedText {
        switch self {
        case .security: t("sikkerhet", "security")
        case .practical: t("praktiske grunner", "practical reasons")
        case .technical: t("tekniske grunner", "technical reasons")
        case .other: t("annet", "other")
        }
    }
}

extension Restrictiveness: Labelled {
    public var label: LocalizedText {
        switch self {
        case .none: t("ikke inngripende", "not restrictive")
        case .mild: t("lite inngripende", "mildly restrictive")
        case .moderate: t("inngripende", "restrictive")
        case .severe: t("svært inngripende", "severely restrictive")
        case .mostSevere: t("mest inngripende", "most restrictive")
        }
    }
}

extension Outcome: Labelled {
    public var label: LocalizedText {
        switch self {
        case .rejected: t("avvist", "rejected")
        case .needsJustification: t("krever begrunnelse", "needs a justification")
        case .incomplete: t("ufullstendig", "incomplete")
        case .allowed: t("tillatt", "allowed")
        }
    }

    /// The name of an outcome code; an unknown code is shown as it is.
    public static func label(_ code: String) -> LocalizedText { labelOf(Outcome.self, code) }
}

extension RuleKind: Labelled {
    public var label: LocalizedText {
        switch self {
        case .strict: t("absolutt", "strict")
        case .mainRule: t("hovedregel", "main rule")
        case .consideration: t("hensyn", "consideration")
        case .threshold: t("terskel", "threshold")
        }
    }

    /// The name of a rule-kind code; an unknown code is shown as it is.
    public static func label(_ code: String) -> LocalizedText { labelOf(RuleKind.self, code) }
}

extension DeadlineKind: Labelled {
    public var label: LocalizedText { EventText.deadline(rawValue) }
}

extension SeriousCrimeResult: Labelled {
    public var label: LocalizedText {
        switch self {
        case .serious: t("alvorlig kriminalitet (prioritert)", "serious crime (prioritised)")
        case .manualAssessment: t("krever en helhetsvurdering", "needs an overall assessment")
        }
    }
}
