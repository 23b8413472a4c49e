public import Foundation
public import Rules
public import VaktloggCore

/// Everything `show` displays: the original as stored, the current state, persons, history,
/// amendments, measures, decisions and the rule trace.
public struct EntryDetail: Sendable {
    /// A lifecycle event, amendment, measure or decision, in time order.
    public struct HistoryItem: Sendable, Hashable {
        /// When it happened.
        public let at: Date
        /// Who recorded it; nil when it was the reporter of a manipulation report whose identity is
        /// sealed from this user.
        public let actor: String?
        /// `acknowledge`, `assign`, …, `amendment`, `measure`, `decision` (see ``Kind``).
        public let what: String
        /// ``what`` typed: a lifecycle event code, or one of the other rows.
        public var kind: Kind { Kind(code: what) }
        /// Its text (comment, cause, reason …), if any.
        public let text: String?
        /// The person assigned, if any.
        public let assignee: String?
        /// Extra fields as JSON text (data of events, changes of amendments).
        public let data: String?
    }

    /// What a history row is.
    public enum Kind: Hashable, Sendable {
        /// A lifecycle event (`entry_events.event`).
        case event(LifecycleEvent.Code)
        case amendment
        case measure
        case decision
        /// A code this build does not know (a newer schema).
        case other(String)

        init(code: String) {
            switch code {
            case "amendment": self = .amendment
            case "measure": self = .measure
            case "decision": self = .decision
            default: self = LifecycleEvent.Code(rawValue: code).map(Kind.event) ?? .other(code)
            }
        }
    }

    /// The current state, as in `list`.
    public let summary: EntrySummary
    /// The reporter, or nil when sealed from this user (manipulation reports).
    public let reporter: String?
    /// When the database stored the entry.
    public let recordedAt: Date
    /// The text as first stored (the summary carries the current, amended text).
    public let originalText: String
    /// The category as first stored.
    public let originalCategory: String
    /// The security domain as stored.
    public let domain: SecurityDomain
    /// The threatened interests as stored.
    public let interests: [Interest]
    /// Probability as stored, 1–5.
    public let probability: Int
    /// Consequence as stored, 1–5.
    public let consequence: Int
    /// The persons involved (reading them is logged).
    public let persons: [EntryDraft.Person]
    /// Kind-specific fields as stored (target, source, grading, criteria …).
    public let attributes: [(String, String)]
    /// Events, amendments, measures and decisions in time order.
    public let history: [HistoryItem]
    /// The version of the rule set that judged the entry.
    public let rulesVersion: String
    /// The hash of the rule set that judged the entry (compare with `RulesEngine.ruleSet.hash`).
    public let rulesHash: String
    /// How the rules judged the entry, as stored. Each step carries what it concluded under the rule
    /// set that judged it (the police step its `deadline_hours`, deadline steps their `due`), so a
    /// sentence about the trace never needs today's rule set.
    public let trace: [TraceStep]
    /// The stored trace as JSON text (for `--json`).
    public let traceJSON: String
    /// Pending deadlines by name.
    public let deadlines: [(String, Date)]
    /// The entry row's chain hash (hex); nil when it covers a sealed reporter recorded before
    /// migration 015 and this user is not an auditor or administrator.
    public let rowHash: String?
    /// The flags in force on the persons involved, by case number (read under the same logged read
    /// as the persons; empty when the persons were not read).
    public var personFlags: [String: [PersonFlag]] = [:]
}
