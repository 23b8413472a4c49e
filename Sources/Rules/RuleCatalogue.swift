/// What `vaktlogg rules explain` prints for a rule: its kind, the section of the security strategy
/// (KSF 2006–2010) it comes from, the Norwegian source text quoted verbatim (line breaks and the
/// print edition's hyphenation joined) and an English paraphrase.
public struct RuleCatalogueEntry: Sendable, Hashable {
    /// The rule.
    public let id: RuleID
    /// Its kind.
    public let kind: RuleKind
    /// The strategy section, by its Norwegian heading.
    public let section: String
    /// The source passages, each verbatim and contiguous in the strategy text.
    public let quotes: [String]
    /// The source passages joined for display.
    public var norwegian: String { quotes.joined(separator: " … ") }
    /// An English paraphrase, saying where the rule is our derivation rather than stated.
    public let english: String
    /// The rule-set parts (JSON paths) whose numbers the rule applies; each has a basis
    /// (`RuleSet.basis(of:)`). For a product default the quotes say why the rule exists, never
    /// where the number comes from.
    public var numbers: [String] { RuleCatalogue.numbers(id) }
}

/// The rules and where each comes from.
public enum RuleCatalogue {
    /// Every rule, ordered by identifier.
    public static let entries: [RuleCatalogueEntry] = RuleID.allCases.sorted().map(entry)

    /// The entry for `id`.
    public static func entry(_ id: RuleID) -> RuleCatalogueEntry {
        switch id {
        case .interestTiers: return e(id, .strict, "Forord", [securityMainRule, orderLessWeight],
            "The protected interests are weighed in four tiers: 1 life and health, and the safety of society; 2 security; 3 rehabilitation; 4 peace and order. A measure whose purpose is at least as weighty as every interest it burdens passes the weighting. The tiers are fixed by the strategy and cannot be changed by a rule file.")
        case .tier1OverOrder: return e(id, .strict, "Forord", [orderLessWeight],
            "When weighing measures, the need to keep peace and order in the prison is given less weight than measures justified by protecting life, health and the safety of society. A measure whose purpose is order is therefore never allowed to burden life, health or public safety; no justification can change this.")
        case .tier1OverLower: return e(id, .strict, "Forord", [orderLessWeight, dignity],
            "Derived, and applied only under ksf-2006.1 (contract revision 1): life, health and the safety of society (tier 1) outweigh every lower interest, not only order, and a measure whose purpose is security or rehabilitation may not burden a tier-1 interest either — treated there as strict. Entries judged by ksf-2006.1 keep this reading; from ksf-2006.2 the rule is tier1_over_lower_main_rule.")
        case .tier1OverLowerMainRule: return e(id, .mainRule, "Forord", [orderLessWeight, dignity],
            "Derived: the foreword names life, health and the safety of society as the weightiest interests, but does not say that a security measure may never burden them — isolating a violent inmate burdens his health and can be right. So a measure whose purpose is security or rehabilitation and which burdens a tier-1 interest is a departure from a main rule: allowed with a recorded justification, which stays listed as a justified departure (from ksf-2006.2).")
        case .securityOverRehabilitation: return e(id, .mainRule, "Forord", [securityMainRule],
            "When rehabilitation work and security measures are weighed against each other, security is, as the main rule, given the greatest weight. A measure for rehabilitation that burdens security therefore needs a recorded justification.")
        case .securityOverOrder: return e(id, .mainRule, "Forord", [securityMainRule, orderLessWeight],
            "Derived: security is the main rule above rehabilitation, and order weighs least of all, so security also outweighs order as a main rule. An order-motivated measure that burdens security needs a recorded justification.")
        case .rehabilitationOverOrder: return e(id, .mainRule, "Innledning", [notUnnecessarilyHigh],
            "Derived: the strategy must not lead to an unnecessarily high security level for all inmates because a few are a threat. A measure kept only for peace and order that burdens rehabilitation therefore needs a recorded justification. This is a main rule, not strict.")
        case .rehabilitationEffect: return e(id, .consideration, "Forord",
            ["Ved valg av sikkerhetsmessige virkemidler skal tiltakets effekt for påvirkningsarbeidet tillegges vekt."],
            "When choosing security measures, the measure's effect on rehabilitation work shall be given weight. A security measure that burdens rehabilitation must carry a note on that effect; the note is required, but it does not decide the outcome.")
        case .proportionality: return e(id, .mainRule, "Tiltak: Alvorlig kriminalitet, nettverksbasert eller organisert kriminalitet; Risikovurdering",
            ["Restriktive tiltak skal tilpasses individuelt, sett i forhold til den risikovurdering som er foretatt av den enkelte domfelte eller innsatte.", "Med utgangspunkt i at domfelte og innsatte ikke skal gjennomføre straffen under mer restriktive forhold enn nødvendig, skal det foretas en risikovurdering av hver enkelt."],
            "Restrictive measures are adapted individually to the risk assessment of that person, and nobody serves under more restrictive conditions than necessary. A measure from restrictiveness 2 (by default) needs a current individual risk assessment — within the rule set's renewal period (180 days by default) and, from ksf-2006.2, not overtaken by a P1 incident involving the person on a later date — and no measure may be more restrictive than the assessment's band permits (by default low 1, moderate 2, high 3, critical 4). Departing needs a recorded justification. The strategy gives none of these numbers: they are product defaults.")
        case .communication: return e(id, .strict, "Fremmedkulturelle",
            ["Kommunikasjonsbegrensninger skal være sikkerhetsmessig begrunnet og ikke ha sin årsak i praktiske eller tekniske forhold."],
            "Communication restrictions (for example on foreign-language inmates) must be justified by security and must not be caused by practical or technical circumstances. From ksf-2006.2 the only valid ground is security: practical, technical or any other ground is rejected, and no justification cures it (ksf-2006.1 rejected only practical and technical).")
        case .justification: return e(id, .strict, "Mål for sikkerhetsarbeidet, punkt 8",
            ["Kriminalomsorgen skal tydeliggjøre hvilke vedtak som har særlig betydning for samfunnssikkerheten. Alle slike vedtak skal begrunnes.", riskBasis],
            "Decisions of special significance for public safety must be justified, and must name the risk assessment(s) they rest on. A significant decision with a blank justification or without an assessment reference is rejected.")
        case .risk: return e(id, .threshold, "Definisjoner: Risikovurdering",
            ["«Risiko er en funksjon av sannsynligheten for mulige uønskede hendelser og konsekvensen av disse» (NOU 2000:24, Et sårbart samfunn)."],
            "Risk is a function of the probability of possible undesired events and their consequence. Derived: score = probability (1–5) × consequence (1–5). The band edges (low 1–4, moderate 5–9, high 10–16, critical 20–25) are product defaults: the strategy gives no bands.")
        case .threat: return e(id, .strict, "Definisjoner: Trussel(bilde)",
            ["Med begrepet trussel forstås ethvert forhold eller enhver enhet med potensiale til å forårsake uønsket hendelse. Vilje og sannsynlighet for at uønsket hendelse skal skje tillegges ikke vekt i trusselbegrepet (Ibid.)."],
            "A threat is anything with the potential to cause an undesired event; will and probability are not weighed in the threat concept. A threat is therefore always recorded and handled whatever its probability; probability enters only the risk score.")
        case .seriousCrime: return e(id, .threshold, "Definisjoner: Alvorlig kriminalitet",
            ["«Om den enkelte overtredelse skal karakteriseres som «alvorlig» vil som regel i utgangspunktet bero på en helhetsvurdering. Innen kategorien volds- og seksualforbrytelser mv. og narkotikakriminalitet skal som et generelt utgangspunkt straffbare handlinger som kan medføre høyere straff enn fengsel i 6 år, anses som prioritert» (Rundskriv 1/2006 fra riksadvokaten)."],
            "Violence, sexual and narcotics offences whose maximum penalty exceeds 6 years' imprisonment are serious (prioritised). Everything else rests on an overall assessment, so the classifier answers \"manual_assessment\" rather than guessing.")
        case .organisedCrime: return e(id, .threshold, "Definisjoner: Organisert kriminalitet",
            ["Minst seks av følgende kjennetegn må foreligge:", "Nummer 1, 3, 5 og 11 må inngå blant kjennetegnene for at kriminelle grupper skal kunne klassifiseres som organisert."],
            "Organised crime by the EU criteria: at least six of the eleven characteristics must be present, and numbers 1 (more than two people cooperating), 3 (over a long or unlimited period), 5 (suspected serious crimes) and 11 (driven by profit or power) must all be among them.")
        case .police: return e(id, .strict, "Samarbeid med politiet",
            ["En del av samarbeidet med politiet er formalisert gjennom INFOFLYT. Dette skal ivareta sikkerhetsmessige vurderinger rundt de innsatte som antas å innebære størst risiko, jf. Rundskriv KSF 2/2005."],
            "Cooperation with the police is formalised through INFOFLYT for the inmates assumed to carry the greatest risk. A threat event about organised crime (by the EU criteria), or an incident or threat event involving a person flagged infoflyt, must get a recorded decision on informing the police, within 24 hours by default (a product default). INFOFLYT is a flag a coordinator sets on the person; information that came from the police does not make anyone an INFOFLYT subject.")
        case .significantDecision: return e(id, .mainRule, "Mål for sikkerhetsarbeidet, punkt 8",
            ["Kriminalomsorgen skal tydeliggjøre hvilke vedtak som har særlig betydning for samfunnssikkerheten. Alle slike vedtak skal begrunnes."],
            "Derived: the service must make clear which decisions are of special significance for public safety. The rule set names the decision types significant by default (leave, transfer to lower security, release or progression); such a decision is recorded as significant — and so justified with its risk assessments — unless a recorded reason says why not. For a person flagged forvaring or infoflyt those types are always significant. The list is our reading, not the strategy's (from ksf-2006.2).")
        case .triageOrder: return e(id, .strict, "Forord", [orderLessWeight],
            "Queues and the dashboard sort by the weightiest interest threatened (tier 1 first), then by risk score (highest first), then by when it occurred (oldest first), then by id. An entry threatening life, health or public safety is always above one threatening only order, whatever the risk scores. Priority P1–P4 is the tier.")
        case .categoryDefaults: return e(id, .threshold, "Innledning",
            ["Sikkerhetsarbeidet i kriminalomsorgen omfatter både samfunnets, tilsattes, domfeltes og innsattes trygghet (straffegjennomføringsloven), HMS-arbeid (HMS-lovgivningen) og informasjonssikkerhet (personopplysningsloven)."],
            "Derived: each category of entry threatens some interests by default (part of the rule set); the reporter may add interests but never remove the defaults, and the category \"other\" needs at least one given. From ksf-2006.2 a drug find threatens security by default (the reporter adds life and health for an acute danger; an overdose is its own category).")
        case .p1Acknowledge: return e(id, .threshold, "Innledning",
            ["Uforutsette hendelser vil imidlertid oppstå, og vi må organisere vår virksomhet slik at skadevirkningene av disse begrenses."],
            "Unforeseen events will happen and must be handled so that the damage is limited: a P1 incident or threat event is acknowledged quickly, else it is escalated to the unit's security coordinator. The 5 minutes are a product default (the strategy sets no number) and may be changed per unit. From ksf-2006.2 P1 deviations and manipulation reports follow their own deadlines instead.")
        case .deviationHandling: return e(id, .threshold, "Sikkerhet i kriminalomsorgen (SIK)",
            ["Dette programmet skal følges opp ved å øke kvaliteten på sikkerhetsstyringen, kontinuerlig arbeid med sikkerhetskulturen og systematisk avviksbehandling."],
            "SIK is followed up by systematic deviation handling: a deviation is acknowledged, its treatment (cause analysis) started and it is closed, each by a deadline from when it was reported. The periods (24 hours, 14 days, 30 days) are product defaults — the strategy sets no number — and may be changed per unit.")
        case .manipulationFollowUp: return e(id, .threshold, "Manipulering av tilsatte",
            ["systematisk veiledning og åpenhet om manipulering og andre situasjoner som kan påvirke profesjonaliteten"],
            "Manipulation attempts are met with systematic supervision and openness: a coordinator reviews the report and the staff member's supervision talk is held, each by a deadline. The periods (3 days, 7 days) are product defaults — the strategy sets no number.")
        case .threatAssessment: return e(id, .threshold, "Personlig sikkerhet",
            ["Med den kriminalitetsutviklingen som synes å ha skjedd de senere årene, er det viktig at kriminalomsorgen har gode systemer for å håndtere alvorlige situasjoner hvor tilsatte eller deres pårørende er truet."],
            "Threats must be handled by good systems: a threat event is assessed by a deadline, shorter when it threatens a tier-1 interest (life, health, public safety). The periods (4 hours, 24 hours) are product defaults — the strategy sets no number.")
        case .riskAssessmentRenewal: return e(id, .threshold, "Mål for sikkerhetsarbeidet, punkt 3",
            ["Arbeidet med risikovurderinger skal intensiveres i alle ledd på system- og individnivå."],
            "Risk assessment work is intensified at system and individual level: an individual risk assessment is renewed within the rule set's period, and after a P1 incident involving the person. The 180 days are a product default (the strategy sets no number); the rule set is the one source of the period, for the rules module and the database alike.")
        }
    }

    /// The rule-set parts each rule applies (see `RuleCatalogueEntry.numbers`).
    static func numbers(_ id: RuleID) -> [String] {
        switch id {
        case .proportionality:
            ["assessment_required_from_restrictiveness", "restrictiveness_limits", "deadlines.risk_assessment_renewal_days"]
        case .risk: ["risk_bands"]
        case .seriousCrime: ["serious_crime_penalty_years_above"]
        case .organisedCrime: ["organised_crime.minimum_criteria", "organised_crime.required_criteria"]
        case .police: ["deadlines.police_decision_hours"]
        case .categoryDefaults: ["category_defaults"]
        case .p1Acknowledge: ["deadlines.p1_acknowledge_minutes"]
        case .deviationHandling:
            ["deadlines.deviation_acknowledge_hours", "deadlines.deviation_treatment_days", "deadlines.deviation_close_days"]
        case .manipulationFollowUp: ["deadlines.manipulation_review_days", "deadlines.manipulation_supervision_days"]
        case .threatAssessment: ["deadlines.threat_assess_tier1_hours", "deadlines.threat_assess_hours"]
        case .riskAssessmentRenewal: ["deadlines.risk_assessment_renewal_days"]
        case .significantDecision: ["significant_decision_types"]
        default: []
        }
    }

    private static let orderLessWeight =
        "Ved slike vurderinger skal behovet for å ivareta ro og orden i fengslet, tillegges mindre vekt enn tiltak som er begrunnet i behovet for å ivareta liv, helse og samfunnets trygghet."
    private static let securityMainRule =
        "Når avveiinger mellom påvirkningsarbeidet og sikkerhetstiltak foretas, skal sikkerheten som hovedregel tillegges størst vekt."
    private static let dignity =
        "God sikkerhet skal ikke gå på bekostning av menneskeverdet og den skal ivareta samfunnets, domfeltes, innsattes og tilsattes trygghet."
    private static let notUnnecessarilyHigh =
        "Det er viktig at sikkerhetsstrategien ikke fører til et unødig høyt sikkerhetsnivå for alle innsatte fordi et fåtall utgjør en trussel mot samfunnssikkerheten."
    private static let riskBasis =
        "Det er et mål at vi til enhver tid skal kunne gi uttrykk for de risikovurderinger som ligger til grunn for våre valg."

    private static func e(_ id: RuleID, _ kind: RuleKind, _ section: String, _ nb: [String], _ en: String) -> RuleCatalogueEntry {
        RuleCatalogueEntry(id: id, kind: kind, section: section, quotes: nb, english: en)
    }
}
