import Foundation
public import Postgres
public import Rules
import VaktloggCore

/// A formal decision on an entry. One significant for public safety must be justified and name the
/// risk assessments it rests on (goal 8); the rules check it first and the database refuses it too.
public struct DecisionDraft: Sendable, Hashable {
    public var text: String
    public var publicSafetySignificant: Bool
    public var justification: String?
    /// Ids of individual risk assessments.
    public var assessments: [Int64]
    public var person: String?

    public init(text: String, publicSafetySignificant: Bool, justification: String? = nil, assessments: [Int64] = [], person: String? = nil) {
        self.text = text
        self.publicSafetySignificant = publicSafetySignificant
        self.justification = justification
        self.assessments = assessments
        self.person = person
    }
}

public struct DecisionWorkflow {
    let connection: Connection
    let engine: RulesEngine
    let joinsTransaction: Bool

    /// - Parameter joinsTransaction: write inside the caller's open transaction instead of a new one.
    public init(connection: Connection, engine: RulesEngine = RulesEngine(), joinsTransaction: Bool = false) {
        self.connection = connection
        self.engine = engine
        self.joinsTransaction = joinsTransaction
    }

    /// Records the decision and returns its id.
    public func record(_ d: DecisionDraft, on ref: String) throws(StoreError) -> Int64 {
        if d.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw StoreError(code: "blank", field: "text", message: LocalizedText(nb: "kan ikke være tom", en: "cannot be empty"))
        }
        let justification = d.justification.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let evaluation = engine.decision(DecisionInput(publicSafetySignificant: d.publicSafetySignificant,
                                                       justification: justification, assessmentRefs: d.assessments.map(String.init)))
        if evaluation.outcome == .rejected {
            let detail = evaluation.violations.map { "\($0.rule.rawValue): \($0.reason)" }.joined(separator: "; ")
            throw StoreError(code: "decision_rejected", field: justification == nil ? "justification" : "assessment", message: LocalizedText(
                nb: "et vedtak av betydning for samfunnets trygghet må begrunnes og vise til risikovurdering(er) — \(detail)",
                en: "a decision significant for public safety must be justified and name its risk assessment(s) — \(detail)"))
        }
        return try connection.storeScoped(joining: joinsTransaction) { c in
            let entry = try EntryRepository(connection: c).summary(ref: ref)
            return try c.query("""
                INSERT INTO decisions (entry_id, unit_code, person_ref, text, public_safety_significant, justification,
                    assessment_ids, rules_version, trace)
                VALUES (\(entry.id), \(entry.unit), \(d.person), \(d.text), \(d.publicSafetySignificant), \(justification),
                    \(d.assessments.map(Int.init)), \(engine.version), \(evaluation.trace.canonicalJSON, as: .jsonb))
                RETURNING id
                """).first!.decode(Int64.self, "id")
        }
    }
}
