import VaktloggCore

/// A decision (vedtak) as the justification rule sees it.
public struct DecisionInput: Sendable, Hashable {
    /// Marked as of special significance for public safety.
    public var publicSafetySignificant: Bool
    /// The recorded justification, if any.
    public var justification: String?
    /// References to the risk assessment(s) it rests on.
    public var assessmentRefs: [String]

    /// A decision.
    public init(publicSafetySignificant: Bool, justification: String?, assessmentRefs: [String]) {
        self.publicSafetySignificant = publicSafetySignificant
        self.justification = justification
        self.assessmentRefs = assessmentRefs
    }
}

extension RulesEngine {
    /// Goal 8: a decision significant for public safety must be justified and name the risk
    /// assessments it rests on. Strict: a missing justification cannot itself be justified.
    /// Blank references count as none.
    public func decision(_ d: DecisionInput) -> Evaluation {
        let justified = Self.isGiven(d.justification)
        let refs = d.assessmentRefs.filter { Self.isGiven($0) }.count
        var violations: [Violation] = []
        if d.publicSafetySignificant {
            if !justified { violations.append(Violation(rule: .justification, reason: "blank_justification")) }
            if refs == 0 { violations.append(Violation(rule: .justification, reason: "no_assessment_reference")) }
        }
        let outcome: Outcome = violations.isEmpty ? .allowed : .rejected
        let trace = [step(.justification, [
            "public_safety_significant": .bool(d.publicSafetySignificant), "justification_given": .bool(justified),
            "assessment_refs": .int(refs),
        ], d.publicSafetySignificant ? .string(violations.isEmpty ? "satisfied" : "violated") : .string("not_applicable"))]
        return Evaluation(outcome: outcome, violations: violations, trace: trace)
    }
}
