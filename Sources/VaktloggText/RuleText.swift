public import Rules
public import VaktloggCore

/// Short names of the rules, for listings and trace lines (the strategy's own words and the English
/// paraphrase stay with the rule in ``RuleCatalogue``: they are sources, not interface text).
public enum RuleText {
    /// The rule's name in a few words.
    public static func name(_ id: RuleID) -> LocalizedText {
        switch id {
        case .interestTiers: t("interessenes nivåer", "interest tiers")
        case .tier1OverOrder: t("liv, helse og samfunnets trygghet foran ro og orden", "life, health and public safety over order")
        case .tier1OverLower: t("liv, helse og samfunnets trygghet foran lavere interesser", "life, health and public safety over lower interests")
        case .tier1OverLowerMainRule: t("liv, helse og samfunnets trygghet foran sikkerhet og påvirkningsarbeid (hovedregel)",
                                        "life, health and public safety over security and rehabilitation (main rule)")
        case .significantDecision: t("vedtak av særlig betydning", "decisions of special significance")
        case .securityOverRehabilitation: t("sikkerhet foran påvirkningsarbeid", "security over rehabilitation")
        case .securityOverOrder: t("sikkerhet foran ro og orden", "security over order")
        case .rehabilitationOverOrder: t("påvirkningsarbeid foran ro og orden", "rehabilitation over order")
        case .rehabilitationEffect: t("tiltakets virkning for påvirkningsarbeidet", "effect of a measure on rehabilitation")
        case .proportionality: t("forholdsmessighet", "proportionality")
        case .communication: t("kommunikasjonsbegrensning", "communication restriction")
        case .justification: t("begrunnelse", "justification")
        case .risk: t("risiko", "risk")
        case .threat: t("trusselvurdering", "threat assessment")
        case .seriousCrime: t("alvorlig kriminalitet", "serious crime")
        case .organisedCrime: t("organisert kriminalitet", "organised crime")
        case .police: t("informasjon til politiet", "informing the police")
        case .triageOrder: t("prioritering", "triage order")
        case .categoryDefaults: t("kategoriens standardinteresser", "category default interests")
        case .p1Acknowledge: t("kvittering av P1", "P1 acknowledgement")
        case .deviationHandling: t("avviksbehandling", "deviation handling")
        case .manipulationFollowUp: t("oppfølging av manipulasjonsrapport", "manipulation report follow-up")
        case .threatAssessment: t("frist for trusselvurdering", "threat assessment deadline")
        case .riskAssessmentRenewal: t("fornyelse av risikovurdering", "risk assessment renewal")
        }
    }
}
