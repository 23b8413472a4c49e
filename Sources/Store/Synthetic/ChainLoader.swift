import Crypto

/// Links rows into their unit's chain exactly as chain_append() does (sql/002, 013) — seq, prev
/// hash, `row_hash = sha256(prev || table || '\n' || canonical)` — and collects them as COPY text,
/// one buffer per table, until the seeder sends a batch.
struct ChainLoader {
    struct Head {
        var seq: Int64
        var hash: [UInt8]
        var entries: Int64
    }

    private(set) var heads: [String: Head] = [:]
    /// COPY text per table, in ``ChainTable/all`` order.
    var buffers: [[UInt8]]
    private(set) var rows: [Int]
    private var canonical: [UInt8] = []
    private let prefixes: [[UInt8]]

    init() {
        buffers = Array(repeating: [], count: ChainTable.all.count)
        rows = Array(repeating: 0, count: ChainTable.all.count)
        prefixes = ChainTable.all.map { Array(($0.name + "\n").utf8) }
        canonical.reserveCapacity(8192)
    }

    /// The hash every unit's chain starts from: chain_genesis() (sql/002).
    static func genesis(_ unit: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(("vaktlogg-genesis:" + unit).utf8)))
    }

    /// The next entry number of `unit` (its reference `UNIT-n`, as entries_prepare() counts).
    mutating func nextEntryNumber(_ unit: String) -> Int64 {
        var h = heads[unit] ?? Head(seq: 0, hash: Self.genesis(unit), entries: 0)
        h.entries += 1
        heads[unit] = h
        return h.entries
    }

    /// Chains (when the table is chained) and buffers one row. `row` is in the table's column order.
    mutating func append(_ tableIndex: Int, _ row: inout [ChainValue]) {
        let t = ChainTable.all[tableIndex]
        if t.chained {
            guard case .text(let unit) = row[t.unit] else { preconditionFailure("chained row without unit") }
            var h = heads[unit] ?? Head(seq: 0, hash: Self.genesis(unit), entries: 0)
            h.seq += 1
            row[t.seq] = .int(h.seq)
            row[t.prev] = .bytes(h.hash)
            let sealed = t.commitment.map { !row[$0].isNull } ?? false
            canonical.removeAll(keepingCapacity: true)
            canonical.append(UInt8(ascii: "{"))
            var first = true
            for i in sealed ? t.canonicalSealed : t.canonical where !row[i].isNull {
                if !first { canonical.append(UInt8(ascii: ",")); canonical.append(UInt8(ascii: " ")) }
                first = false
                JSONBText.appendString(t.columns[i], to: &canonical)
                canonical.append(UInt8(ascii: ":")); canonical.append(UInt8(ascii: " "))
                row[i].appendJSONB(to: &canonical)
            }
            canonical.append(UInt8(ascii: "}"))
            var sha = SHA256()
            sha.update(data: h.hash)
            sha.update(data: prefixes[tableIndex])
            sha.update(data: canonical)
            h.hash = Array(sha.finalize())
            row[t.hash] = .bytes(h.hash)
            heads[unit] = h
        }
        for (i, v) in row.enumerated() {
            if i > 0 { buffers[tableIndex].append(0x09) }
            v.appendCopy(to: &buffers[tableIndex])
        }
        buffers[tableIndex].append(0x0A)
        rows[tableIndex] += 1
    }

    /// Takes the buffered COPY text of every table, leaving the buffers empty.
    mutating func takeBuffers() -> [[UInt8]] {
        let out = buffers
        for i in buffers.indices { buffers[i].removeAll(keepingCapacity: true) }
        return out
    }
}
