internal import Rules
internal import VaktloggCore

extension ChainVerification {
    /// The stable `--json` form: one compact object, keys sorted.
    ///
    /// Always `unit`, `ok`, `rows`, `head` (hex), `verified_at` (RFC 3339 UTC); when broken also
    /// `problem`, `broken_seq` and, for a row, `broken_table` and `broken_id`; when compared with
    /// an exported head also `anchor_rows`, `anchor_head` and `anchor_verified_at`.
    public var jsonLine: String {
        var object: [String: JSONValue] = [
            "unit": .string(unit), "ok": .bool(ok), "rows": .int(Int(rows)), "head": .string(headHex),
            "verified_at": .string(Timestamp.format(verifiedAt)),
        ]
        if let broken {
            object["problem"] = .string(broken.problem.rawValue)
            object["broken_seq"] = .int(Int(broken.seq))
            if let table = broken.table { object["broken_table"] = .string(table) }
            if let id = broken.id { object["broken_id"] = .int(Int(id)) }
        }
        if let anchor {
            object["anchor_rows"] = .int(Int(anchor.rows))
            object["anchor_head"] = .string(anchor.head)
            object["anchor_verified_at"] = .string(Timestamp.format(anchor.verifiedAt))
        }
        return JSONValue.object(object).canonicalJSON
    }
}
