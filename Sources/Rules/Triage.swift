public import Foundation
public import VaktloggCore

/// An open entry as triage sees it.
public struct TriageEntry: Sendable, Hashable {
    /// A unique id (the final tie-break, ascending).
    public var id: String
    /// The interests it threatens (category defaults already merged in).
    public var interests: [Interest]
    /// Probability 1–5.
    public var probability: Int
    /// Consequence 1–5.
    public var consequence: Int
    /// When it occurred.
    public var occurredAt: Date

    /// An entry.
    public init(id: String, interests: [Interest], probability: Int, consequence: Int, occurredAt: Date) {
        self.id = id
        self.interests = interests
        self.probability = probability
        self.consequence = consequence
        self.occurredAt = occurredAt
    }

    /// The tier of the weightiest interest threatened (5 when none, which `triage` refuses).
    public var tier: Int { interests.map(\.tier).min() ?? 5 }
    /// probability × consequence.
    public var score: Int { probability * consequence }
}

/// A triaged queue.
public struct TriageResult: Sendable, Hashable {
    /// Entry ids, most urgent first.
    public var order: [String]
    /// Each entry's priority P1–P4.
    public var priority: [String: Priority]
    /// How it was reached: one step per entry, then the ordering step.
    public var trace: [TraceStep]
}

extension RulesEngine {
    /// The triage order: weightiest tier first, then higher risk score, then older `occurredAt`,
    /// then `id` ascending (by UTF-8 bytes). A strict total order on distinct ids, so the result
    /// never depends on input order. Tier always dominates: no risk score lifts an entry that
    /// threatens only order above one that threatens life, health or public safety.
    public static func precedes(_ a: TriageEntry, _ b: TriageEntry) -> Bool {
        let (ta, tb) = (a.tier, b.tier)
        if ta != tb { return ta < tb }
        let (sa, sb) = (a.score, b.score)
        if sa != sb { return sa > sb }
        if a.occurredAt != b.occurredAt { return a.occurredAt < b.occurredAt }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }

    /// Sorts entries into triage order (no validation, no trace) — the dashboard's hot path.
    public static func triageOrder(_ entries: [TriageEntry]) -> [TriageEntry] {
        // Precomputed keys: tier and score are derived, and computing them inside the comparator
        // would repeat that work O(n log n) times.
        let keys = entries.map { (tier: $0.tier, score: $0.score) }
        let sorted = entries.indices.sorted { i, j in
            if keys[i].tier != keys[j].tier { return keys[i].tier < keys[j].tier }
            if keys[i].score != keys[j].score { return keys[i].score > keys[j].score }
            let (a, b) = (entries[i], entries[j])
            if a.occurredAt != b.occurredAt { return a.occurredAt < b.occurredAt }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        return sorted.map { entries[$0] }
    }

    /// Triage with validation and trace. Throws for a duplicate id, an entry with no interests,
    /// or a probability/consequence outside 1–5 (field paths `entries[i].…`).
    public func triage(_ entries: [TriageEntry], withTrace: Bool = true) throws(ValidationError) -> TriageResult {
        var seen = Set<String>()
        for (i, e) in entries.enumerated() {
            let p = "entries[\(i)]"
            guard seen.insert(e.id).inserted else {
                throw ValidationError(code: .duplicate, field: p + ".id", message: Msg.duplicateValue)
            }
            if e.interests.isEmpty {
                throw ValidationError(code: .required, field: p + ".interests", message: LocalizedText(
                    nb: "minst én truet interesse må oppgis (kategorien har ingen standard)",
                    en: "at least one threatened interest is required (the category has no default)"))
            }
            if !Self.scale.contains(e.probability) {
                throw ValidationError(code: .outOfRange, field: p + ".probability", message: Msg.range(Self.scale))
            }
            if !Self.scale.contains(e.consequence) {
                throw ValidationError(code: .outOfRange, field: p + ".consequence", message: Msg.range(Self.scale))
            }
        }
        let ordered = Self.triageOrder(entries)
        var priority: [String: Priority] = [:]
        priority.reserveCapacity(entries.count)
        var trace: [TraceStep] = []
        for e in ordered {
            let p = Priority(tier: e.tier)
            priority[e.id] = p
            if withTrace {
                trace.append(step(.triageOrder, [
                    "id": .string(e.id), "interests": .strings(Interest.allCases.filter(e.interests.contains)),
                    "tier": .int(e.tier), "risk_score": .int(e.score), "occurred_at": .string(Timestamp.format(e.occurredAt)),
                ], .string(p.rawValue)))
            }
        }
        let order = ordered.map(\.id)
        if withTrace {
            trace.append(step(.triageOrder, [
                "entries": .int(entries.count),
                "keys": .array(["tier asc", "risk_score desc", "occurred_at asc", "id asc"].map { .string($0) }),
            ], .array(order.map { .string($0) })))
        }
        return TriageResult(order: order, priority: priority, trace: trace)
    }

    /// An entry's threatened interests: the category's defaults together with those given, in
    /// tier order. The reporter may add interests, never remove defaults.
    public func interests(for category: EntryCategory?, given: [Interest]) -> [Interest] {
        let defaults = category.map(ruleSet.categoryDefaults.interests(for:)) ?? []
        return Interest.allCases.filter { defaults.contains($0) || given.contains($0) }
    }
}
