/// The identifier of a rule, as it appears in traces, violations and `vaktlogg rules explain`.
public enum RuleID: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// Strict: the five interests weighed in four tiers (fixed by the strategy, not data).
    case interestTiers = "interest_tiers"
    /// Strict: a measure for order never outweighs life, health or public safety (stated).
    case tier1OverOrder = "tier1_over_order"
    /// Strict under contract revision 1 (`ksf-2006.1`) only: no weaker interest outweighs life,
    /// health or public safety. Entries judged by that set keep it in their traces.
    case tier1OverLower = "tier1_over_lower"
    /// Main rule (derived, revision 2): security and rehabilitation do not outweigh life, health or
    /// public safety unless a justification is recorded.
    case tier1OverLowerMainRule = "tier1_over_lower_main_rule"
    /// Main rule: security outweighs rehabilitation (stated).
    case securityOverRehabilitation = "security_over_rehabilitation"
    /// Main rule: security outweighs order (derived).
    case securityOverOrder = "security_over_order"
    /// Main rule: rehabilitation outweighs order (derived from "not unnecessarily high security").
    case rehabilitationOverOrder = "rehabilitation_over_order"
    /// Consideration: a security measure burdening rehabilitation records its effect.
    case rehabilitationEffect = "rehabilitation_effect"
    /// Main rule: restrictive measures rest on a current individual risk assessment and go no further.
    case proportionality
    /// Strict: communication restrictions only on security grounds.
    case communication
    /// Strict: decisions significant for public safety are justified and name their risk assessments.
    case justification
    /// Threshold: risk = probability × consequence, banded.
    case risk
    /// Strict: a threat is recorded whatever its probability.
    case threat
    /// Threshold: the serious-crime classifier.
    case seriousCrime = "serious_crime"
    /// Threshold: the EU organised-crime criteria.
    case organisedCrime = "organised_crime"
    /// Strict: threats about organised crime or INFOFLYT subjects need a police-information decision.
    case police
    /// Main rule (revision 2): a decision of a type the rule set names significant is recorded as
    /// significant for public safety unless a justification says why not.
    case significantDecision = "significant_decision"
    /// Strict: triage puts the weightiest interest first, then risk, then age.
    case triageOrder = "triage_order"
    /// Threshold: a category's default threatened interests.
    case categoryDefaults = "category_defaults"
    /// Threshold: acknowledgement of P1 entries.
    case p1Acknowledge = "p1_acknowledge"
    /// Threshold: deviation handling deadlines.
    case deviationHandling = "deviation_handling"
    /// Threshold: manipulation report review and supervision.
    case manipulationFollowUp = "manipulation_follow_up"
    /// Threshold: threat assessment deadline.
    case threatAssessment = "threat_assessment"
    /// Threshold: individual risk assessment renewal.
    case riskAssessmentRenewal = "risk_assessment_renewal"

    /// Ordered by identifier text, for stable listings.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The rule's kind, from the catalogue.
    public var kind: RuleKind { RuleCatalogue.entry(self).kind }
    /// The strategy section the rule comes from.
    public var source: String { RuleCatalogue.entry(self).section }
}
