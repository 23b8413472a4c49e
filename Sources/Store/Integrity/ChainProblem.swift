public import VaktloggCore
import VaktloggText

/// Why a unit's hash chain does not verify.
///
/// A struct over the stable code rather than an enum, so that a problem the SQL side learns to
/// report later is carried through (with a generic text) instead of breaking callers.
public struct ChainProblem: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stable code, as `verify_chain()` reports it (`content_changed`, …).
    public let rawValue: String

    /// Wraps a problem code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The row's content no longer gives its stored hash: the row was changed.
    public static let contentChanged = ChainProblem(rawValue: "content_changed")
    /// The row's `prev_hash` does not point at the row before it.
    public static let brokenLink = ChainProblem(rawValue: "broken_link")
    /// A gap in the sequence before this row: one or more rows were removed.
    public static let missingRow = ChainProblem(rawValue: "missing_row")
    /// Two rows claim the same place in the chain.
    public static let duplicateSeq = ChainProblem(rawValue: "duplicate_seq")
    /// The chain head is ahead of the rows: rows were removed at the end.
    public static let rowsMissingAtEnd = ChainProblem(rawValue: "rows_missing_at_end")
    /// The chain verifies, but its hash at the seq of an exported head differs from that head:
    /// the history up to the export was rewritten (hashes recomputed behind the triggers' back).
    public static let historyRewritten = ChainProblem(rawValue: "history_rewritten")
    /// The chain has fewer rows than an exported head recorded: rows were removed and the head
    /// rewound.
    public static let shorterThanExport = ChainProblem(rawValue: "shorter_than_export")

    /// The problem in words, without row data.
    public var text: LocalizedText { VerifyText.problem(rawValue) }

    public var description: String { rawValue }
}
