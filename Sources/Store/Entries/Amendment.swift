public import Foundation
import Postgres
import Rules
public import VaktloggCore

/// A correction of an entry: the fields that change and why. The original row is never touched;
/// the amendment is appended, chained, and the projection shows the corrected values.
public struct AmendmentDraft: Sendable, Hashable {
    /// Why the entry is corrected (required).
    public var reason: String
    /// A new category code.
    public var category: String?
    /// A new text.
    public var text: String?
    /// A corrected time of occurrence.
    public var occurredAt: Date?
    /// A corrected security domain.
    public var domain: SecurityDomain?
    /// Interests to add (defaults can never be removed).
    public var addInterests: [Interest] = []
    /// A new probability, 1–5.
    public var probability: Int?
    /// A new consequence, 1–5.
    public var consequence: Int?

    /// An amendment with `reason` and no changes yet.
    public init(reason: String) {
        self.reason = reason
    }

    var isEmpty: Bool {
        category == nil && text == nil && occurredAt == nil && domain == nil && addInterests.isEmpty
            && probability == nil && consequence == nil
    }
}

/// Appends amendments to entries: the original is never changed; priority and risk are judged again.
public struct Amender {
    let session: StoreSession
    var engine: RulesEngine { session.engine }

    /// Amendments written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// Appends the amendment, re-judging priority and risk when they could change. Returns the
    /// entry's state afterwards.
    public func amend(_ ref: String, _ a: AmendmentDraft) throws(StoreError) -> EntrySummary {
        let now = session.now
        if a.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalid(.amendmentReasonRequired, field: "reason")
        }
        if a.isEmpty { throw .invalid(.noChanges, field: "changes") }
        if let t = a.text, t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalid(.blank, field: "text")
        }
        for (name, v) in [("probability", a.probability), ("consequence", a.consequence)] {
            if let v, !(1...5).contains(v) { throw .invalid(.outOfRange, field: name, ["value": String(v), "min": "1", "max": "5"]) }
        }
        if let t = a.occurredAt, t > now.addingTimeInterval(EntryDraft.futureTolerance) {
            throw .invalid(.timeInFuture, field: "occurred_at")
        }
        return try session.transaction { s in
            let c = s.connection
            let repo = s.repository
            let current = try repo.summary(ref: ref)
            if let cat = a.category, !current.kind.categoryCodes.contains(cat) {
                throw StoreError.invalid(.unknownCategory, field: "category",
                                         ["input": cat, "kind": current.kind.rawValue, "allowed": current.kind.categoryCodes.joined(separator: ", ")])
            }
            let row = try c.query("SELECT interests, probability, consequence, domain FROM entry_state WHERE entry_id = \(current.id)").first!
            let existing = try row.decode([String].self, "interests").compactMap(Interest.init(rawValue:))
            let category = EntryCategory(kind: current.kind, code: a.category ?? current.category)
            let interests = engine.interests(for: category, given: existing + a.addInterests)
            let storedP = try row.decode(Int.self, "probability")
            let storedQ = try row.decode(Int.self, "consequence")
            let p = a.probability ?? storedP
            let q = a.consequence ?? storedQ
            let risk = try engine.risk(probability: p, consequence: q)
            let triage = try engine.triage([TriageEntry(id: ref, interests: interests, probability: p, consequence: q,
                                                        occurredAt: a.occurredAt ?? current.occurredAt)])
            // Only what actually differs from the current state is a change.
            let storedDomain = try row.decode(String.self, "domain")
            var changes: [String: JSONValue] = [:]
            if let v = a.category, v != current.category { changes["category"] = .string(v) }
            if let v = a.text, v != current.text { changes["text"] = .string(v) }
            if let v = a.occurredAt, Timestamp.format(v) != Timestamp.format(current.occurredAt) {
                changes["occurred_at"] = .string(Timestamp.format(v))
            }
            if let v = a.domain, v.rawValue != storedDomain { changes["domain"] = .string(v.rawValue) }
            if interests != existing { changes["interests"] = .array(interests.map { .string($0.rawValue) }) }
            if let v = a.probability, v != storedP { changes["probability"] = .int(v) }
            if let v = a.consequence, v != storedQ { changes["consequence"] = .int(v) }
            if changes.isEmpty { throw StoreError.invalid(.changesEqualCurrent, field: "changes") }
            // The database recomputes tier, priority and risk score from the amended values (sql/014);
            // the trace explains the judgement.
            try c.execute("""
                INSERT INTO amendments (entry_id, reason, changes, rules_version, trace)
                VALUES (\(current.id), \(a.reason), \(JSONValue.object(changes).canonicalJSON, as: .jsonb),
                        \(engine.version), \((risk.trace + triage.trace).canonicalJSON, as: .jsonb))
                """)
            return try repo.summary(ref: ref)
        }
    }
}
