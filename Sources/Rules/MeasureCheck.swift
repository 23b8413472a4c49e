public import VaktloggCore

/// A measure as the weighting and proportionality rules see it.
public struct MeasureInput: Sendable, Hashable {
    /// What kind of measure.
    public var type: MeasureType
    /// The interest the measure protects.
    public var purpose: Interest
    /// The interests it burdens.
    public var burdens: [Interest]
    /// How restrictive it is against the person (0–4).
    public var restrictiveness: Restrictiveness
    /// The ground of a communication restriction (only for that type).
    public var ground: CommunicationGround?
    /// A recorded justification for departing from a main rule.
    public var justification: String?
    /// The recorded note on the measure's effect on rehabilitation.
    public var rehabilitationNote: String?

    /// A measure.
    public init(
        type: MeasureType, purpose: Interest, burdens: [Interest], restrictiveness: Restrictiveness,
        ground: CommunicationGround? = nil, justification: String? = nil, rehabilitationNote: String? = nil
    ) {
        self.type = type
        self.purpose = purpose
        self.burdens = burdens
        self.restrictiveness = restrictiveness
        self.ground = ground
        self.justification = justification
        self.rehabilitationNote = rehabilitationNote
    }
}

/// The person's individual risk assessment a measure rests on.
public struct AssessmentInput: Sendable, Hashable {
    /// The assessed band.
    public var band: RiskBand
    /// When it was made.
    public var assessedAt: CalendarDate
    /// The Oslo date of the latest P1 incident involving the person (contract field `last_p1_at`),
    /// if any. Under contract revision 2 one on a later date than `assessedAt` overtakes the
    /// assessment: it is no longer current.
    public var lastP1: CalendarDate?

    /// An assessment.
    public init(band: RiskBand, assessedAt: CalendarDate, lastP1: CalendarDate? = nil) {
        self.band = band
        self.assessedAt = assessedAt
        self.lastP1 = lastP1
    }
}

extension RulesEngine {
    /// Judges a measure on date `at`: the interest weighting (strict and main rules), the
    /// rehabilitation-effect consideration, the communication ground and proportionality against
    /// the person's current risk assessment.
    ///
    /// Outcome precedence: rejected (strict), needs_justification (an unjustified main-rule
    /// departure), incomplete (a missing consideration), allowed. A non-blank justification cures
    /// main-rule departures, which stay listed with `justified: true`; it never cures a strict rule.
    public func measure(_ m: MeasureInput, assessment: AssessmentInput?, at: CalendarDate) -> Evaluation {
        let justified = Self.isGiven(m.justification)
        var violations: [Violation] = []
        var trace: [TraceStep] = []

        for burden in Interest.allCases where m.burdens.contains(burden) && burden != m.purpose {
            let rule = Self.weightingRule(purpose: m.purpose, burden: burden, revision: ruleSet.revision)
            var result = "satisfied"
            if let rule {
                let v = Violation(rule: rule, reason: "purpose_\(m.purpose.rawValue)_burdens_\(burden.rawValue)",
                                  justified: rule.kind == .mainRule && justified)
                violations.append(v)
                result = v.justified ? "justified" : "violated"
            }
            trace.append(step(rule ?? .interestTiers, [
                "purpose": .string(m.purpose.rawValue), "purpose_tier": .int(m.purpose.tier),
                "burden": .string(burden.rawValue), "burden_tier": .int(burden.tier),
                "justification_given": .bool(justified),
            ], .string(result)))
        }

        if m.purpose == .security && m.burdens.contains(.rehabilitation) {
            let noted = Self.isGiven(m.rehabilitationNote)
            if !noted { violations.append(Violation(rule: .rehabilitationEffect, reason: "missing_rehabilitation_note")) }
            trace.append(step(.rehabilitationEffect, ["rehabilitation_note_given": .bool(noted)],
                              .string(noted ? "recorded" : "missing")))
        }

        if m.type == .communicationRestriction {
            let ground = m.ground
            // Revision 1 rejected only the two grounds the strategy names; revision 2 accepts
            // nothing but security ("skal være sikkerhetsmessig begrunnet").
            let invalid = ruleSet.revision >= 2 ? ground != .security : (ground == .practical || ground == .technical)
            if invalid { violations.append(Violation(rule: .communication, reason: "ground_\(ground?.rawValue ?? "missing")")) }
            trace.append(step(.communication, ["ground": ground.map { .string($0.rawValue) } ?? .null],
                              .string(invalid ? "violated" : "satisfied")))
        }

        violations += proportionality(m, assessment: assessment, at: at, justified: justified, trace: &trace)

        let outcome: Outcome
        if violations.contains(where: { $0.kind == .strict }) {
            outcome = .rejected
        } else if violations.contains(where: { $0.kind == .mainRule && !$0.justified }) {
            outcome = .needsJustification
        } else if violations.contains(where: { $0.kind == .consideration }) {
            outcome = .incomplete
        } else {
            outcome = .allowed
        }
        return Evaluation(outcome: outcome, violations: violations, trace: trace)
    }

    /// The rule a measure breaks by burdening a weightier interest than its purpose, or `nil`
    /// when the purpose is at least as weighty. The tiers are the strategy's, not data.
    ///
    /// Only order burdening tier 1 is strict (stated). Security or rehabilitation burdening tier 1
    /// is a main rule under contract revision 2 (`tier1_over_lower_main_rule`, derived); revision 1
    /// treated it as strict (`tier1_over_lower`), and entries judged by it keep that reading.
    public static func weightingRule(purpose: Interest, burden: Interest, revision: Int = RuleSet.latestContractRevision) -> RuleID? {
        guard burden.outweighs(purpose) else { return nil }
        switch (burden.tier, purpose) {
        case (1, .order): return .tier1OverOrder
        case (1, _): return revision >= 2 ? .tier1OverLowerMainRule : .tier1OverLower
        case (2, .rehabilitation): return .securityOverRehabilitation
        case (2, _): return .securityOverOrder
        default: return .rehabilitationOverOrder
        }
    }

    /// Whether an assessment made on `assessedAt` is current on `date`: not in the future and at
    /// most `riskAssessmentRenewalDays` (180) old — exactly 180 days old is still current. The one
    /// source of the period is the rule set; the database reads the same number.
    public func isAssessmentCurrent(assessedAt: CalendarDate, on date: CalendarDate) -> Bool {
        let age = assessedAt.days(to: date)
        return age >= 0 && age <= ruleSet.deadlines.riskAssessmentRenewalDays
    }

    /// Whether a P1 incident on `lastP1` overtakes an assessment made on `assessedAt` (contract
    /// revision 2): it happened on a later Oslo date. One on the same day does not — the assessment
    /// may have been made after it, and a date is all the contract carries.
    public func isOvertakenByP1(assessedAt: CalendarDate, lastP1: CalendarDate?) -> Bool {
        guard ruleSet.revision >= 2, let lastP1 else { return false }
        return lastP1 > assessedAt
    }

    private func proportionality(
        _ m: MeasureInput, assessment: AssessmentInput?, at: CalendarDate, justified: Bool, trace: inout [TraceStep]
    ) -> [Violation] {
        var reasons: [String] = []
        let level = m.restrictiveness.rawValue
        let needsAssessment = level >= ruleSet.assessmentRequiredFrom
        var inputs: [String: JSONValue] = [
            "restrictiveness": .int(level), "assessment_required_from": .int(ruleSet.assessmentRequiredFrom),
            "at": .string(at.description), "max_age_days": .int(ruleSet.deadlines.riskAssessmentRenewalDays),
        ]
        if let a = assessment {
            let limit = ruleSet.restrictivenessLimits[a.band]
            var facts: [String: JSONValue] = [
                "band": .string(a.band.rawValue), "assessed_at": .string(a.assessedAt.description),
                "age_days": .int(a.assessedAt.days(to: at)), "band_limit": .int(limit),
            ]
            if ruleSet.revision >= 2 { facts["last_p1_at"] = a.lastP1.map { .string($0.description) } ?? .null }
            inputs["assessment"] = .object(facts)
            if needsAssessment {
                let age = a.assessedAt.days(to: at)
                if age < 0 { reasons.append("assessment_after_measure") }
                else if !isAssessmentCurrent(assessedAt: a.assessedAt, on: at) { reasons.append("assessment_outdated") }
                else if isOvertakenByP1(assessedAt: a.assessedAt, lastP1: a.lastP1) { reasons.append("assessment_overtaken_by_p1") }
            }
            if level > limit { reasons.append("exceeds_band") }
        } else {
            inputs["assessment"] = .null
            if needsAssessment { reasons.append("no_assessment") }
        }
        let violations = reasons.map { Violation(rule: .proportionality, reason: $0, justified: justified) }
        let result: JSONValue = reasons.isEmpty
            ? .string("satisfied")
            : .object(["status": .string(justified ? "justified" : "violated"), "reasons": .array(reasons.map { .string($0) })])
        trace.append(step(.proportionality, inputs, result))
        return violations
    }
}
