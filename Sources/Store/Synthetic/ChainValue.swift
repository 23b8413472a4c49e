/// One column value of a row the synthetic seed loads, written two ways from one source: as a field
/// of PostgreSQL's COPY text format, and as the member value PostgreSQL's `to_jsonb(row)::text`
/// would print for it (the chain's canonical form, sql/002 and sql/015). Keeping both renderings
/// in one place is what lets the seed hash rows in the client and still have `verify_chain()`,
/// which recomputes them in the database, agree byte for byte.
enum ChainValue {
    case null
    case int(Int64)
    case text(String)
    case bool(Bool)
    /// Whole seconds since 1970 (UTC); the seed never writes fractions, whose jsonb spelling
    /// trims trailing zeros.
    case time(Int64)
    /// Days since 1970-01-01.
    case date(Int64)
    /// A text[] of plain codes (no element needs array quoting).
    case texts([String])
    /// A smallint[] or bigint[].
    case ints([Int64])
    /// A jsonb value, already in jsonb's own text form (``JSONBText``).
    case jsonb(String)
    case bytes([UInt8])
    /// A uuid in its lower-case text form.
    case uuid(String)

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Appends the COPY text-format field (escaped; `\N` for NULL).
    func appendCopy(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "N"))
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .text(let s), .jsonb(let s), .uuid(let s): Self.appendCopyEscaped(s, to: &out)
        case .bool(let b): out.append(b ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .time(let t): ChainTime.appendTimestamp(t, to: &out)
        case .date(let d): ChainTime.appendDate(d, to: &out)
        case .texts(let items):
            out.append(UInt8(ascii: "{"))
            for (i, s) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendCopyEscaped(s, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .ints(let items):
            out.append(UInt8(ascii: "{"))
            for (i, v) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: String(v).utf8)
            }
            out.append(UInt8(ascii: "}"))
        case .bytes(let b):
            // bytea's hex input `\x…`; the backslash is escaped once more for COPY.
            out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "x"))
            Self.appendHex(b, to: &out)
        }
    }

    /// Appends the jsonb text of the value (never called for NULL: stripped members are skipped).
    func appendJSONB(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .text(let s), .uuid(let s): JSONBText.appendString(s, to: &out)
        case .jsonb(let s): out.append(contentsOf: s.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .time(let t):
            out.append(UInt8(ascii: "\""))
            ChainTime.appendTimestamp(t, to: &out)
            out.append(UInt8(ascii: "\""))
        case .date(let d):
            out.append(UInt8(ascii: "\""))
            ChainTime.appendDate(d, to: &out)
            out.append(UInt8(ascii: "\""))
        case .texts(let items):
            out.append(UInt8(ascii: "["))
            for (i, s) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: " ")) }
                JSONBText.appendString(s, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .ints(let items):
            out.append(UInt8(ascii: "["))
            for (i, v) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: " ")) }
                out.append(contentsOf: String(v).utf8)
            }
            out.append(UInt8(ascii: "]"))
        case .bytes(let b):
            // to_jsonb(bytea) is its text output `\x…` as a JSON string, the backslash escaped.
            out.append(UInt8(ascii: "\"")); out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "x"))
            Self.appendHex(b, to: &out)
            out.append(UInt8(ascii: "\""))
        }
    }

    static func appendCopyEscaped(_ s: String, to out: inout [UInt8]) {
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            default: out.append(byte)
            }
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendHex(_ bytes: [UInt8], to out: inout [UInt8]) {
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0f)])
        }
    }
}
