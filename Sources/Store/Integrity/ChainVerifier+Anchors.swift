internal import Foundation
internal import Postgres
internal import Rules

extension ChainVerifier {
    /// Compares a unit's chain with its exported heads and returns the head compared (the first
    /// that fails, else the longest checked) and the break it shows, if any.
    ///
    /// An exported head of `n` rows holds when the chain still has `n` rows and its stored hash at
    /// seq `n` is the exported one. Together with `verify_chain()` recomputing every stored hash
    /// from its row, that proves rows 1…n are the ones that were exported; a superuser who changed
    /// a row and recomputed the hashes after it cannot also change the copy outside the database.
    /// When the chain is broken, only heads within the verified rows are checked: beyond the break
    /// the stored hashes prove nothing.
    static func compare(
        _ c: Connection, unit: String, rows: Int64, broken: ChainBreak?, with anchors: [ChainHead]
    ) throws -> (ChainHead?, ChainBreak?) {
        var checked: ChainHead?
        for anchor in anchors.sorted(by: { $0.rows < $1.rows }) {
            if anchor.rows > rows {
                if broken != nil { break }
                return (anchor, ChainBreak(table: nil, id: nil, seq: rows + 1, problem: .shorterThanExport))
            }
            let stored = try c.query("SELECT chain_hash_at(\(unit), \(anchor.rows)) AS hash").first?
                .decodeIfPresent(Data.self, "hash")
            guard let stored, SHA256Digest.hex(bytes: [UInt8](stored)) == anchor.head else {
                return (anchor, ChainBreak(table: nil, id: nil, seq: anchor.rows, problem: .historyRewritten))
            }
            checked = anchor
        }
        return (checked, nil)
    }
}
