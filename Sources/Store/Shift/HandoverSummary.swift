public import Foundation
public import VaktloggCore

/// What the outgoing officer hands over: the open and overdue items of the shift's unit, read from
/// the `entry_state` projection, and the notes written since the shift started. Stored as the
/// handover row's `summary` (jsonb) in the form of ``StoreJSON``, so it is a fact of the log: what
/// was handed over stays what it was, whatever happens to the entries later.
///
/// Only the shift's own unit is summarised, even for officers attached to several: the summary
/// is readable by everyone who reads that unit's log, and must not carry another unit's items.
///
/// JSON keys: `version`, `unit`, `generated_at`, `shift_started_at`, `shift_started_by`,
/// `open_total`, `by_priority` (`P1`…`P4`, all present), `by_status` (open statuses, all
/// present), `overdue` and `open_p1` (items: `ref`, `kind`, `category`, `priority`, `status`,
/// `occurred_at`, `next_due`), `notes` (`id`, `at`, `actor`, `text`).
public struct HandoverSummary: Sendable, Hashable, Codable {
    /// The shape's version, raised when keys change meaning.
    public static let currentVersion = 1
    /// Statuses counted as open, in lifecycle order (every status but `closed`).
    public static let openStatuses = ["registered", "acknowledged", "under_treatment", "measure_decided", "assessed"]

    /// An open entry, by reference only: no free text and no persons travel in a handover.
    public struct Item: Sendable, Hashable, Codable {
        /// The entry reference.
        public let ref: String
        /// Its kind.
        public let kind: EntryKind
        /// Its category code.
        public let category: String
        /// Its priority.
        public let priority: Priority
        /// Its status code.
        public let status: String
        /// When it happened.
        public let occurredAt: Date
        /// The earliest pending deadline (`next_due()`), if any.
        public let nextDue: Date?

        enum CodingKeys: String, CodingKey {
            case ref, kind, category, priority, status
            case occurredAt = "occurred_at"
            case nextDue = "next_due"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ref, forKey: .ref)
            try c.encode(kind, forKey: .kind)
            try c.encode(category, forKey: .category)
            try c.encode(priority, forKey: .priority)
            try c.encode(status, forKey: .status)
            try c.encode(occurredAt, forKey: .occurredAt)
            try c.encode(nextDue, forKey: .nextDue)
        }
    }

    /// A note of the shift.
    public struct Note: Sendable, Hashable, Codable {
        /// The shift-log row.
        public let id: Int64
        /// When it was written.
        public let at: Date
        /// Who wrote it.
        public let actor: String
        /// The note.
        public let text: String
    }

    /// The summary format version.
    public let version: Int
    /// The unit handed over.
    public let unit: String
    /// When the summary was made.
    public let generatedAt: Date
    /// When the outgoing officer's shift started (their `start` or `accept`); `nil` when they
    /// never started one, in which case the notes are those since the unit's previous handover.
    public let shiftStartedAt: Date?
    /// Who started the shift being handed over, if anyone did.
    public let shiftStartedBy: String?
    /// Entries not closed.
    public let openTotal: Int
    /// Open entries by priority.
    public let byPriority: [String: Int]
    /// Open entries by status code.
    public let byStatus: [String: Int]
    /// Open entries with a deadline in the past, earliest first.
    public let overdue: [Item]
    /// Open P1 entries, oldest first.
    public let openP1: [Item]
    /// The shift's notes.
    public let notes: [Note]

    enum CodingKeys: String, CodingKey {
        case version, unit, overdue, notes
        case generatedAt = "generated_at"
        case shiftStartedAt = "shift_started_at"
        case shiftStartedBy = "shift_started_by"
        case openTotal = "open_total"
        case byPriority = "by_priority"
        case byStatus = "by_status"
        case openP1 = "open_p1"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(unit, forKey: .unit)
        try c.encode(generatedAt, forKey: .generatedAt)
        try c.encode(shiftStartedAt, forKey: .shiftStartedAt)
        try c.encode(shiftStartedBy, forKey: .shiftStartedBy)
        try c.encode(openTotal, forKey: .openTotal)
        try c.encode(byPriority, forKey: .byPriority)
        try c.encode(byStatus, forKey: .byStatus)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(openP1, forKey: .openP1)
        try c.encode(notes, forKey: .notes)
    }
}
