public import VaktloggCore

/// A decision (vedtak) as the justification and significance rules see it.
public struct DecisionInput: Sendable, Hashable {
    /// Marked as of special significance for public safety.
    public var publicSafetySignificant: Bool
    /// The recorded justification, if any.
    public var justification: String?
    /// References to the risk assessment(s) it rests on.
    public var assessmentRefs: [String]
    /// The decision's type, if given.
    public var decisionType: DecisionType?
    /// The flags in force on the person the decision is about.
    public var personFlags: Set<PersonFlag>
    /// Why a decision of a type significant by default is not significant this time.
    public var notSignificantReason: String?

    /// A decision.
    public init(
        publicSafetySignificant: Bool, justification: String?, assessmentRefs: [String], decisionType: DecisionType? = nil,
        personFlags: Set<PersonFlag> = [], notSignificantReason: String? = nil
    ) {
        self.publicSafetySignificant = publicSafetySignificant
        self.justification = justification
        self.assessmentRefs = assessmentRefs
        self.decisionType = decisionType
        self.personFlags = personFlags
        self.notSignificantReason = notSignificantReason
    }
}

/// Whether a decision is significant for public safety by default, and whether a justification
/// may say otherwise.
public struct DecisionSignificance: Sendable, Hashable {
    /// Significant unless waived.
    public var significant: Bool
    /// Whether a recorded reason may make it not significant (false for a flagged person).
    public var waivable: Bool
    /// Why: `type_significant` (the rule set names the type), `flagged_person` (a leave, transfer
    /// to lower security or release of a person flagged forvaring or infoflyt), `not_significant`.
    public var reason: String
}

extension RulesEngine {
    /// The decision types that are always significant for a person flagged `forvaring` or
    /// `infoflyt` (domain.md §4): leave, transfer to lower security, release or progression.
    public static let flaggedPersonSignificantTypes: Set<DecisionType> = [.leave, .transferLower, .releaseProgression]

    /// The person flags that make those types always significant.
    public static let significanceFlags: Set<PersonFlag> = [.forvaring, .infoflyt]

    /// Whether a decision of `decisionType` about a person with `personFlags` is significant for
    /// public safety by default (goal 8, "Vedtak av særlig betydning for samfunnets trygghet skal
    /// tydeliggjøres og begrunnes"). Under contract revision 1 nothing is significant by default.
    public func significance(decisionType: DecisionType?, personFlags: Set<PersonFlag>) -> DecisionSignificance {
        guard ruleSet.revision >= 2, let type = decisionType else {
            return DecisionSignificance(significant: false, waivable: true, reason: "not_significant")
        }
        if Self.flaggedPersonSignificantTypes.contains(type) && !personFlags.isDisjoint(with: Self.significanceFlags) {
            return DecisionSignificance(significant: true, waivable: false, reason: "flagged_person")
        }
        if (ruleSet.significantDecisionTypes ?? []).contains(type) {
            return DecisionSignificance(significant: true, waivable: true, reason: "type_significant")
        }
        return DecisionSignificance(significant: false, waivable: true, reason: "not_significant")
    }

    /// Goal 8: a decision significant for public safety must be justified and name the risk
    /// assessments it rests on. Strict: a missing justification cannot itself be justified.
    /// Blank references count as none. Under revision 2 a decision of a type significant by default
    /// that is not marked significant needs a reason why not (`significant_decision`, a main rule);
    /// for a flagged person's leave, transfer to lower security or release no reason suffices.
    public func decision(_ d: DecisionInput) -> Evaluation {
        let justified = Self.isGiven(d.justification)
        let refs = d.assessmentRefs.filter { Self.isGiven($0) }.count
        var violations: [Violation] = []
        var trace: [TraceStep] = []
        if ruleSet.revision >= 2 {
            let s = significance(decisionType: d.decisionType, personFlags: d.personFlags)
            let waived = Self.isGiven(d.notSignificantReason)
            var result = s.significant ? "significant" : "not_significant"
            if s.significant && !d.publicSafetySignificant {
                if s.waivable && waived {
                    violations.append(Violation(rule: .significantDecision, reason: "recorded_not_significant", justified: true))
                    result = "waived"
                } else {
                    violations.append(Violation(rule: .significantDecision,
                                                reason: s.waivable ? "significant_type_not_marked" : "flagged_person_always_significant"))
                    result = "violated"
                }
            }
            trace.append(step(.significantDecision, [
                "decision_type": d.decisionType.map { .string($0.rawValue) } ?? .null,
                "person_flags": .array(PersonFlag.allCases.filter(d.personFlags.contains).map { .string($0.rawValue) }),
                "significant_by_default": .bool(s.significant), "waivable": .bool(s.waivable), "basis": .string(s.reason),
                "public_safety_significant": .bool(d.publicSafetySignificant), "not_significant_reason_given": .bool(waived),
            ], .string(result)))
        }
        if d.publicSafetySignificant {
            if !justified { violations.append(Violation(rule: .justification, reason: "blank_justification")) }
            if refs == 0 { violations.append(Violation(rule: .justification, reason: "no_assessment_reference")) }
        }
        let outcome: Outcome = violations.contains { !$0.justified } ? .rejected : .allowed
        trace.append(step(.justification, [
            "public_safety_significant": .bool(d.publicSafetySignificant), "justification_given": .bool(justified),
            "assessment_refs": .int(refs),
        ], d.publicSafetySignificant
            ? .string(violations.contains { $0.rule == .justification } ? "violated" : "satisfied") : .string("not_applicable")))
        return Evaluation(outcome: outcome, violations: violations, trace: trace)
    }
}
