/// The chain's canonical text built in Swift from a row's `to_jsonb` text, independently of the
/// SQL `chain_canonical`: every column but `prev_hash` and `row_hash`, object members whose value
/// is null removed at every depth (not array elements), rendered as jsonb renders (`{"k": v, …}`).
///
/// Values keep their jsonb spelling (strings, numbers, timestamps are copied token for token), so
/// what this decides independently is the formula: which members the hash covers.
enum CanonicalJSON {
    indirect enum Node {
        case object([(key: String, value: Node)])
        case array([Node])
        /// A string (with its quotes and escapes), number, true or false, as jsonb spelled it.
        case scalar(String)
        case null
    }

    struct Malformed: Error { let at: Int }

    /// The canonical text of a row given as `to_jsonb(row)::text`.
    static func canonical(rowJSON: String) throws -> String {
        guard case .object(let members) = try parse(rowJSON) else { throw Malformed(at: 0) }
        let kept = members.filter { $0.key != "\"prev_hash\"" && $0.key != "\"row_hash\"" }
        return render(stripNulls(.object(kept)))
    }

    /// The member names of a row (unquoted), for checks of what the hash covers.
    static func memberNames(rowJSON: String) throws -> [String] {
        guard case .object(let members) = try parse(rowJSON) else { throw Malformed(at: 0) }
        return members.map { String($0.key.dropFirst().dropLast()) }
    }

    static func stripNulls(_ node: Node) -> Node {
        switch node {
        case .object(let members):
            return .object(members.compactMap { m in
                if case .null = m.value { return nil }
                return (m.key, stripNulls(m.value))
            })
        case .array(let items): return .array(items.map(stripNulls))
        default: return node
        }
    }

    static func render(_ node: Node) -> String {
        switch node {
        case .object(let members): "{" + members.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
        case .array(let items): "[" + items.map(render).joined(separator: ", ") + "]"
        case .scalar(let text): text
        case .null: "null"
        }
    }

    static func parse(_ text: String) throws -> Node {
        var p = Parser(bytes: Array(text.utf8))
        let node = try p.value()
        p.skipSpace()
        guard p.i == p.bytes.count else { throw Malformed(at: p.i) }
        return node
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x0a, 0x0d, 0x09].contains(bytes[i]) { i += 1 }
        }

        mutating func value() throws -> Node {
            skipSpace()
            guard i < bytes.count else { throw Malformed(at: i) }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [(key: String, value: Node)] = []
                skipSpace()
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object([]) }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    guard bytes[i] == UInt8(ascii: ":") else { throw Malformed(at: i) }
                    i += 1
                    members.append((key, try value()))
                    skipSpace()
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard bytes[i] == UInt8(ascii: "}") else { throw Malformed(at: i) }
                    i += 1
                    return .object(members)
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [Node] = []
                skipSpace()
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
                while true {
                    items.append(try value())
                    skipSpace()
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard bytes[i] == UInt8(ascii: "]") else { throw Malformed(at: i) }
                    i += 1
                    return .array(items)
                }
            case UInt8(ascii: "\""):
                return .scalar(try string())
            default:
                let start = i
                while i < bytes.count, !",}] \n".utf8.contains(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                return word == "null" ? .null : .scalar(word)
            }
        }

        /// A string token with its quotes, copied as written.
        mutating func string() throws -> String {
            guard bytes[i] == UInt8(ascii: "\"") else { throw Malformed(at: i) }
            let start = i
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard i < bytes.count else { throw Malformed(at: i) }
            i += 1
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
    }
}
