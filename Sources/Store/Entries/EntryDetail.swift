public import Foundation
import VaktloggCore

/// Everything `show` displays: the original as stored, the current state, persons, history,
/// amendments, measures, decisions and the rule trace.
public struct EntryDetail: Sendable {
    /// A lifecycle event, amendment, measure or decision, in time order.
    public struct HistoryItem: Sendable, Hashable {
        public let at: Date
        /// Who recorded it; nil when it was the reporter of a manipulation report whose identity is
        /// sealed from this user.
        public let actor: String?
        /// `acknowledge`, `assign`, …, `amendment`, `measure`, `decision`.
        public let what: String
        public let text: String?
        public let assignee: String?
        /// Extra fields as JSON text (data of events, changes of amendments).
        public let data: String?
    }

    public let summary: EntrySummary
    /// The reporter, or nil when sealed from this user (manipulation reports).
    public let reporter: String?
    public let recordedAt: Date
    /// The text as first stored (the summary carries the current, amended text).
    public let originalText: String
    public let originalCategory: String
    public let domain: String
    public let interests: [String]
    public let probability: Int
    public let consequence: Int
    public let persons: [EntryDraft.Person]
    /// Kind-specific fields as stored (target, source, grading, criteria …).
    public let attributes: [(String, String)]
    public let history: [HistoryItem]
    public let rulesVersion: String
    /// The stored trace (JSON array of steps).
    public let traceJSON: String
    /// Pending deadlines by name.
    public let deadlines: [(String, Date)]
    /// The entry row's chain hash (hex); nil when it covers a sealed reporter recorded before
    /// migration 015 and this user is not an auditor or administrator.
    public let rowHash: String?
}
