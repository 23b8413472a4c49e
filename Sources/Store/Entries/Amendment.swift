public import Foundation
public import Postgres
public import Rules
public import VaktloggCore

/// A correction of an entry: the fields that change and why. The original row is never touched;
/// the amendment is appended, chained, and the projection shows the corrected values.
public struct AmendmentDraft: Sendable, Hashable {
    public var reason: String
    public var category: String?
    public var text: String?
    public var occurredAt: Date?
    public var domain: SecurityDomain?
    /// Interests to add (defaults can never be removed).
    public var addInterests: [Interest] = []
    public var probability: Int?
    public var consequence: Int?

    public init(reason: String) {
        self.reason = reason
    }

    var isEmpty: Bool {
        category == nil && text == nil && occurredAt == nil && domain == nil && addInterests.isEmpty
            && probability == nil && consequence == nil
    }
}

public struct Amender {
    let connection: Connection
    let engine: RulesEngine
    let joinsTransaction: Bool

    /// - Parameter joinsTransaction: write inside the caller's open transaction instead of a new one.
    public init(connection: Connection, engine: RulesEngine = RulesEngine(), joinsTransaction: Bool = false) {
        self.connection = connection
        self.engine = engine
        self.joinsTransaction = joinsTransaction
    }

    /// Appends the amendment, re-judging priority and risk when they could change. Returns the
    /// entry's state afterwards.
    public func amend(_ ref: String, _ a: AmendmentDraft, now: Date = Date()) throws(StoreError) -> EntrySummary {
        func invalid(_ field: String, _ nb: String, _ en: String) -> StoreError {
            StoreError(code: "invalid", field: field, message: LocalizedText(nb: nb, en: en))
        }
        if a.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw invalid("reason", "en rettelse krever begrunnelse (--reason)", "an amendment needs a reason (--reason)")
        }
        if a.isEmpty { throw invalid("changes", "ingen endringer oppgitt", "no changes given") }
        if let t = a.text, t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw invalid("text", "teksten kan ikke være tom", "the text cannot be empty")
        }
        for (name, v) in [("probability", a.probability), ("consequence", a.consequence)] {
            if let v, !(1...5).contains(v) { throw invalid(name, "må være 1–5 (fikk \(v))", "must be 1–5 (got \(v))") }
        }
        if let t = a.occurredAt, t > now.addingTimeInterval(EntryDraft.futureTolerance) {
            throw invalid("occurred_at", "tidspunktet ligger i fremtiden", "the time lies in the future")
        }
        return try connection.storeScoped(joining: joinsTransaction) { c in
            let repo = EntryRepository(connection: c)
            let current = try repo.summary(ref: ref)
            if let cat = a.category, !current.kind.categoryCodes.contains(cat) {
                throw invalid("category", "ukjent kategori «\(cat)»; tillatt: \(current.kind.categoryCodes.joined(separator: ", "))",
                              "unknown category “\(cat)”; allowed: \(current.kind.categoryCodes.joined(separator: ", "))")
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
            if changes.isEmpty { throw invalid("changes", "endringene er de samme som gjeldende verdier", "the changes equal the current values") }
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
