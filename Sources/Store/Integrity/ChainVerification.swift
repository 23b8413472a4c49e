public import Foundation
internal import Rules
public import VaktloggCore
import VaktloggText

/// The outcome of verifying one unit's chain.
public struct ChainVerification: Sendable, Hashable {
    /// The unit's code.
    public let unit: String
    /// Rows verified: the whole chain when it is intact, else the rows before the break.
    public let rows: Int64
    /// The hash after the last verified row (the genesis hash when there are none).
    public let head: [UInt8]
    /// The database's time of the snapshot that was verified.
    public let verifiedAt: Date
    /// The first break, or nil when the chain is intact.
    public let broken: ChainBreak?
    /// The exported head the chain was compared with (the longest one given for the unit), if any.
    public let anchor: ChainHead?

    /// The result of verifying one unit's chain.
    public init(unit: String, rows: Int64, head: [UInt8], verifiedAt: Date, broken: ChainBreak?, anchor: ChainHead? = nil) {
        self.unit = unit
        self.rows = rows
        self.head = head
        self.verifiedAt = verifiedAt
        self.broken = broken
        self.anchor = anchor
    }

    /// True when every row verified (and matched the exported head, when one was given).
    public var ok: Bool { broken == nil }

    /// ``head`` in lower-case hex.
    public var headHex: String { SHA256Digest.hex(bytes: head) }

    /// The head to export, for an intact chain.
    public var exportedHead: ChainHead {
        ChainHead(unit: unit, rows: rows, head: headHex, verifiedAt: verifiedAt)
    }

    /// One line for a person: "ENHET OSLO: kjeden er brutt ved entries id 42 (seq 7): innholdet
    /// er endret". Names tables, ids and positions only, never row content.
    public var message: LocalizedText {
        let anchorAt = anchor.map { Timestamp.format($0.verifiedAt) }
        guard let broken else {
            return VerifyText.intact(unit: unit, rows: rows, head: headHex, anchorAt: anchorAt, anchorRows: anchor?.rows)
        }
        // verify_chain stops at the first row after a gap; the gap itself is rows+1 …seq-1.
        let gap: String? = broken.problem == .missingRow && broken.seq > rows + 1
            ? (broken.seq - 1 > rows + 1 ? "\(rows + 1)–\(broken.seq - 1)" : "\(rows + 1)") : nil
        let rewritten = broken.problem == .historyRewritten || broken.problem == .shorterThanExport
        return VerifyText.broken(unit: unit, table: broken.table, id: broken.id.map { "\($0)" }, seq: broken.seq,
                                 problem: broken.problem.text, gap: gap,
                                 exportedAt: rewritten ? anchorAt : nil, exportedRows: rewritten ? anchor?.rows : nil)
    }
}
