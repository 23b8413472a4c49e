import Foundation
import Postgres
import Rules
import VaktloggCore

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

    /// A decision draft.
    public init(text: String, publicSafetySignificant: Bool, justification: String? = nil, assessments: [Int64] = [], person: String? = nil) {
        self.text = text
        self.publicSafetySignificant = publicSafetySignificant
        self.justification = justification
        self.assessments = assessments
        self.person = person
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
    public func record(_ d: DecisionDraft, on ref: String) throws(StoreError) -> Int64 {
        if d.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalid(.blank, field: "text")
        }
        let justification = d.justification.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let evaluation = engine.decision(DecisionInput(publicSafetySignificant: d.publicSafetySignificant,
                                                       justification: justification, assessmentRefs: d.assessments.map(String.init)))
        if evaluation.outcome == .rejected {
            throw .invalid(.decisionRejected, field: justification == nil ? "justification" : "assessment",
                           violations: evaluation.violations)
        }
        return try session.transaction { s in
            let entry = try s.repository.summary(ref: ref)
            return try s.connection.query("""
                INSERT INTO decisions (entry_id, unit_code, person_ref, text, public_safety_significant, justification,
                    assessment_ids, decided_at, rules_version, trace)
                VALUES (\(entry.id), \(entry.unit), \(d.person), \(d.text), \(d.publicSafetySignificant), \(justification),
                    \(d.assessments.map(Int.init)), \(s.factTime, as: .timestamptz), \(engine.version),
                    \(evaluation.trace.canonicalJSON, as: .jsonb))
                RETURNING id
                """).first!.decode(Int64.self, "id")
        }
    }
}
