import Foundation
import Postgres
import Rules
public import VaktloggCore
import VaktloggText

/// A formal decision on an entry. One significant for public safety must be justified and name the
/// risk assessments it rests on (goal 8); the rules check it first and the database refuses it too.
public struct DecisionDraft: Sendable, Hashable {
    /// What is decided.
    public var text: String
    /// Whether the decision is significant for public safety (goal 8).
    public var publicSafetySignificant: Bool
    /// Why; required when significant for public safety.
    public var justification: String?
    /// Ids of individual risk assessments.
    public var assessments: [Int64]
    /// The person concerned (case number), if any.
    public var person: String?
    /// The decision's type (leave, transfer_lower, …); the rule set names the significant ones.
    public var decisionType: DecisionType?
    /// Why a decision of a type significant by default is not significant this time.
    public var notSignificantReason: String?

    /// A decision draft.
    public init(text: String, publicSafetySignificant: Bool, justification: String? = nil, assessments: [Int64] = [], person: String? = nil,
                decisionType: DecisionType? = nil, notSignificantReason: String? = nil) {
        self.text = text
        self.publicSafetySignificant = publicSafetySignificant
        self.justification = justification
        self.assessments = assessments
        self.person = person
        self.decisionType = decisionType
        self.notSignificantReason = notSignificantReason
    }
}

/// Records formal decisions on entries after the rules have checked them.
public struct DecisionWorkflow {
    let session: StoreSession
    var engine: RulesEngine { session.engine }

    /// Decisions written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// Records the decision and returns its id.
    ///
    /// When the type could be significant because of the person's flags (a leave, transfer to lower
    /// security or release), the person's flags are read first under a logged read in the entry's
    /// unit — so this must not run inside a transaction then; the database applies the same rule.
    public func record(_ d: DecisionDraft, on ref: String) throws(StoreError) -> Int64 {
        if d.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalid(.blank, field: "text")
        }
        let justification = d.justification.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let waiver = d.notSignificantReason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if waiver != nil && d.publicSafetySignificant {
            throw StoreError(ValidationError(code: .notAllowed, field: "not_significant_reason",
                                             message: DecisionSignificanceText.waiverOnlyWhenNotSignificant))
        }
        var flags: Set<PersonFlag> = []
        if let person = d.person, let type = d.decisionType, RulesEngine.flaggedPersonSignificantTypes.contains(type),
           engine.ruleSet.revision >= 2, !d.publicSafetySignificant {
            let unit = try StoreError.mapping { try session.repository.summary(ref: ref).unit }
            flags = Set(try session.personFlags.current(person: person, unit: unit))
        }
        let evaluation = engine.decision(DecisionInput(
            publicSafetySignificant: d.publicSafetySignificant, justification: justification,
            assessmentRefs: d.assessments.map(String.init), decisionType: d.decisionType, personFlags: flags,
            notSignificantReason: waiver))
        if evaluation.outcome == .rejected {
            if let v = evaluation.violations.first(where: { $0.rule == .significantDecision && !$0.justified }), let type = d.decisionType {
                throw StoreError(ValidationError(
                    code: .required, field: "public_safety",
                    message: v.reason == "flagged_person_always_significant"
                        ? DecisionSignificanceText.alwaysSignificant(type) : DecisionSignificanceText.significantType(type)))
            }
            throw .invalid(.decisionRejected, field: justification == nil ? "justification" : "assessment",
                           violations: evaluation.violations)
        }
        return try session.transaction { s in
            let entry = try s.repository.summary(ref: ref)
            return try s.connection.query("""
                INSERT INTO decisions (entry_id, unit_code, person_ref, text, public_safety_significant, justification,
                    assessment_ids, decided_at, rules_version, trace, decision_type, not_significant_reason)
                VALUES (\(entry.id), \(entry.unit), \(d.person), \(d.text), \(d.publicSafetySignificant), \(justification),
                    \(d.assessments.map(Int.init)), \(s.factTime, as: .timestamptz), \(engine.version),
                    \(evaluation.trace.canonicalJSON, as: .jsonb), \(d.decisionType?.rawValue), \(waiver))
                RETURNING id
                """).first!.decode(Int64.self, "id")
        }
    }
}
